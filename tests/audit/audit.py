"""Every text field of the input format is printed, or is an error when it would not be
(issue 29, item 9). From the format's JSON Schema, every text property of every type
(«Approval.word», «Group.secretary_title», «Person.surname» …) is listed; the fixtures in
tests/fixtures/audit must give each one a value (else: a field nobody checks), and each
value must be printed in both outputs of its fixture — our PDF and the DOCX — unless the
property is in NOT_PRINTED with the reason it is not.

A value is found by its longest word (a name's surname, a marker like «Аудит07»); a
property passes when one of its values is printed (a dative form is printed only for an
addressee). Dates are checked by the requisites' own tests.

Usage: python3 audit.py PRIKAZ_BINARY   (exit 1 with a list of faults)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "audit")

# Text properties not printed by design, and why.
NOT_PRINTED = {
    "Document.$schema": "where the schema is, for editors",
    "Appendix.id": "a key the points refer to; printed as «(приложение 1)»",
    "Column.key": "a key rows use for their values",
    "Activity.id": "a stable key `prikaz diff` pairs rows of two versions by",
    "Section.id": "a stable key `prikaz diff` pairs sections of two versions by",
    "Column.follows": "the key of the column a number follows",
    "Logo.path": "a file: the picture is printed",
    "Qr.text": "encoded in the QR code (tests/requisites.rs decodes it from the page)",
    "Style.font": "the font's name",
    "Unplaced.from": "what import could not place: validate and render warn about it",
    "Unplaced.text": "what import could not place: validate and render warn about it",
    "Point.appendix": "an appendix's id: printed as «(приложение 1)»",
    "Organization.short_name": "printed only as the issuer of marks when no issuer is given",
    "Order.date_pattern": "a pattern: the date it writes is printed",
    "Person.name": "printed as its initial («И.О. Фамилия»); in full only as an e-signature's owner",
    "Person.patronymic": "printed as its initial («И.О. Фамилия»); in full only as an e-signature's owner",
    "Cases.genitive": "refused by validate: names are declined only into the dative",
    "Cases.accusative": "refused by validate: names are declined only into the dative",
    "Cases.instrumental": "refused by validate: names are declined only into the dative",
}

DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def resolve(schema, node):
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    return node


def def_name(node):
    return node["$ref"].split("/")[-1] if "$ref" in node else None


def is_text(schema, node):
    node = resolve(schema, node)
    if "enum" in node or "const" in node:
        return False
    for alt in node.get("anyOf", []) + node.get("oneOf", []):
        if is_text(schema, alt):
            return True
    t = node.get("type")
    types = t if isinstance(t, list) else [t]
    if "string" in types:
        return True
    if "array" in types and "items" in node:
        return is_text(schema, node["items"])
    return False


def text_properties(schema):
    """(type, property) of every text property in the schema."""
    out = set()
    defs = dict(schema["$defs"])
    defs["Document"] = schema
    for name, d in defs.items():
        for prop, sub in d.get("properties", {}).items():
            if is_text(schema, sub):
                out.add(f"{name}.{prop}")
    return out


def walk(schema, value, node, owner, found):
    """Records (type.property, string value) for every string `value` holds."""
    name = def_name(node) or owner
    node = resolve(schema, node)
    alts = node.get("anyOf", []) + node.get("oneOf", [])
    if alts:
        kind = {dict: "object", list: "array", str: "string", bool: "boolean"}.get(type(value), "number")

        def fits(alt):
            r = resolve(schema, alt)
            if r.get("anyOf") or r.get("oneOf"):
                return 1
            t = r.get("type")
            types = t if isinstance(t, list) else [t]
            if kind == "object":
                props = set(r.get("properties", {}))
                if not ("object" in types or props):
                    return 0
                # The alternative whose keys the value uses.
                return 3 if set(value) <= props and set(value) else (1 if not props else 0)
            return 2 if kind in types or (kind == "number" and "integer" in types) else 0

        best = max(alts, key=fits)
        if fits(best) > 0:
            walk(schema, value, best, name, found)
        return
    if isinstance(value, dict):
        props = node.get("properties", {})
        for k, v in value.items():
            if k in props:
                sub = props[k]
                collect(schema, v, sub, f"{name}.{k}", found)
                walk(schema, v, sub, name, found)
            elif isinstance(node.get("additionalProperties"), dict):
                walk(schema, v, node["additionalProperties"], name, found)
    elif isinstance(value, list) and "items" in node:
        for x in value:
            walk(schema, x, node["items"], name, found)


def collect(schema, value, node, key, found):
    """The strings of `value`, in lists of lists too (a point table's rows)."""
    if isinstance(value, str):
        found.setdefault(key, []).append(value)
    elif isinstance(value, list):
        for x in value:
            if isinstance(x, (str, list)):
                collect(schema, x, node, key, found)


def plain(s):
    s = s.replace("\u00ad", "").replace("\u00a0", " ").replace("\u202f", " ").replace("ё", "е")
    return " ".join(s.split()).lower()


def docx_text(path):
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
    xml = re.sub(r"<w:(tab|br)[^>]*/>", " ", xml)
    xml = re.sub(r"</w:p>", "\n", xml)
    return re.sub(r"<[^>]+>", "", xml)


def compact(s):
    return re.sub(r"[\W_]", "", plain(s))


def marker(value):
    """The longest word of a value; a value of short pieces («8 (800) 999-88-77») whole,
    its punctuation and spaces aside."""
    words = re.findall(r"[A-Za-zА-Яа-яЁё0-9]{4,}", value)
    if words:
        return max(words, key=len)
    whole = compact(value)
    return whole if len(whole) >= 4 else None


def main(binary):
    schema = json.loads(subprocess.run([binary, "schema"], capture_output=True, text=True, check=True).stdout)
    wanted = text_properties(schema)
    faults = []
    covered = set()
    for f in sorted(os.listdir(FIXTURES)):
        if not f.endswith(".json"):
            continue
        path = os.path.join(FIXTURES, f)
        doc = json.load(open(path, encoding="utf-8"))
        found = {}
        walk(schema, doc, schema, "Document", found)
        covered |= set(found)
        with tempfile.TemporaryDirectory() as out:
            run = subprocess.run([binary, "render", path, "-o", out], capture_output=True, text=True)
            if run.returncode != 0:
                faults.append(f"{f}: render failed: {run.stderr}")
                continue
            stem = f[:-5]
            pdf = subprocess.run(["pdftotext", os.path.join(out, stem + ".pdf"), "-"], capture_output=True, text=True).stdout
            texts = {"PDF": compact(pdf), "DOCX": compact(docx_text(os.path.join(out, stem + ".docx")))}
        # A property is printed when one of its values is, in both outputs: a value may
        # be used only where the document needs it (a dative form for an addressee).
        for key, values in sorted(found.items()):
            if key not in wanted or key in NOT_PRINTED:
                continue
            checked = [v for v in values if not DATE.match(v) and marker(v)]
            for what, text in texts.items():
                if checked and not any(compact(marker(v)) in text for v in checked):
                    faults.append(f"{f}: {key} = {checked} is not printed in the {what}")
    for key in sorted(wanted - covered - set(NOT_PRINTED)):
        faults.append(f"{key}: no fixture in tests/fixtures/audit gives it a value — add one, and print it or make it an error")
    if faults:
        print("\n".join(faults))
        sys.exit(1)
    print(f"{len(wanted)} text properties; {len(covered & wanted)} given values and printed; {len(NOT_PRINTED)} not printed by design")


if __name__ == "__main__":
    main(sys.argv[1])
