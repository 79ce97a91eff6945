// «Реквизиты»: every field of the document as a form, generated from the input format's
// JSON Schema (GET /api/schema): the schema's Russian titles are the labels, its
// descriptions the hints. Each control edits one JSON path, written dotted in `data-path`
// (array items by index); the server's messages for a path appear under the nearest field
// at or above it, with JSON keys replaced by the form's words. Only the rows of a roadmap
// table are left out: the «План» tab edits them.
import { api } from "/static/api.js";

// ---------------------------------------------------------------- the schema, compiled
//
// A node: {kind, title, description, default, nullable, def, owner, key, …} where kind is
// object (shared.raw → props), array (items), string, strnum (string or integer), number
// (integer), boolean, enum (options), union (variants), const or any (edited as JSON).
// Nodes of $defs are shared; a property's node is an overlay (Object.create) of its type
// with the property's own title, description and default.

const compiledSchemas = new WeakMap();
let current = null; // the compiled schema of the last form built, for fieldLabel
let lastDoc = null; // the document of the last form built: a plan's column titles

function compile(schema) {
  let c = compiledSchemas.get(schema);
  if (c) return c;
  const defs = schema.$defs || {};
  const byDef = new Map();
  const keyTitles = new Map(); // property key → its first title, for descriptions

  const overlay = (base, s) => {
    const o = Object.create(base);
    for (const k of ["title", "description", "default"]) if (s[k] !== undefined) o[k] = s[k];
    return o;
  };
  const defNode = (name) => {
    let n = byDef.get(name);
    if (n) return n;
    n = {};
    byDef.set(name, n); // before building: recursive types find it
    const built = build(defs[name] || {});
    for (const k in built) n[k] = built[k]; // inherited too: a def may be an overlay of another
    n.def = name;
    if (n.shared) n.shared.def = name;
    return n;
  };
  const build = (s) => {
    if (s.$ref) return overlay(defNode(s.$ref.replace(/^#\/\$defs\//, "")), s);
    const alts = s.anyOf || s.oneOf;
    if (alts) {
      const real = alts.filter((a) => a.type !== "null");
      let n;
      if (real.length === 1) n = overlay(build(real[0]), s);
      else {
        const vs = real.map(build);
        if (vs.length && vs.every((v) => v.kind === "const")) {
          n = { kind: "enum", options: vs.map((v) => ({ value: v.value, title: v.title || String(v.value), description: v.description })) };
        } else {
          n = { kind: "union", variants: vs.flatMap((v) => (v.kind === "union" ? v.variants : [v])) };
        }
        Object.assign(n, { title: s.title, description: s.description, default: s.default });
      }
      if (real.length < alts.length) {
        n = Object.create(n);
        n.nullable = true;
      }
      return n;
    }
    if ("const" in s) return { kind: "const", value: s.const, title: s.title, description: s.description };
    let types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    const nullable = types.includes("null");
    types = types.filter((t) => t !== "null");
    let n;
    if (types.length === 2 && types.includes("string") && types.includes("integer")) n = { kind: "strnum" };
    else if (types[0] === "object" && s.properties) {
      n = { kind: "object", required: new Set(s.required || []), shared: { raw: s.properties, props: null, def: null, build } };
      for (const [k, p] of Object.entries(s.properties)) if (p.title && !keyTitles.has(k)) keyTitles.set(k, p.title);
    } else if (types[0] === "array") n = { kind: "array", items: build(s.items || {}) };
    else if (types[0] === "string") {
      n = s.enum ? { kind: "enum", options: s.enum.map((v) => ({ value: v, title: v })) } : { kind: "string", pattern: s.pattern };
    } else if (types[0] === "integer") n = { kind: "number", integer: true };
    else if (types[0] === "number") n = { kind: "number" };
    else if (types[0] === "boolean") n = { kind: "boolean" };
    else n = { kind: "any" };
    Object.assign(n, { title: s.title, description: s.description, default: s.default, nullable });
    return n;
  };
  const root = build(schema);
  root.def = "root";
  root.shared.def = "root";
  c = { root, keyTitles, defNode };
  compiledSchemas.set(schema, c);
  return c;
}

/// The properties of an object node: key → node, built on first use.
function propsOf(n) {
  const sh = n.shared;
  if (!sh.props) {
    sh.props = new Map();
    for (const [k, ps] of Object.entries(sh.raw)) {
      const p = Object.create(sh.build(ps));
      p.owner = sh.def;
      p.key = k;
      sh.props.set(k, p);
    }
  }
  return sh.props;
}

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const defOf = (n) => n.def || (n.shared && n.shared.def) || "";

/// How well value `v` fits variant `n`: 0 — not at all, 3 — exactly.
function fits(n, v) {
  switch (n.kind) {
    case "string": return typeof v === "string" ? 3 : 0;
    case "strnum": return typeof v === "string" || Number.isInteger(v) ? 3 : 0;
    case "number": return typeof v === "number" ? 3 : 0;
    case "boolean": return typeof v === "boolean" ? 3 : 0;
    case "enum": return n.options.some((o) => o.value === v) ? 3 : typeof v === "string" ? 1 : 0;
    case "const": return v === n.value ? 3 : 0;
    case "array": return Array.isArray(v) ? 3 : 0;
    case "object": {
      if (!isObj(v)) return 0;
      const props = propsOf(n);
      const keys = Object.keys(v);
      if (![...n.required].every((k) => k in v)) return keys.some((k) => props.has(k)) ? 1 : 0;
      return keys.every((k) => props.has(k)) ? 3 : 2;
    }
    default: return 1;
  }
}

function variantOf(n, v) {
  if (v === undefined || v === null) return -1;
  let best = -1, score = 0;
  n.variants.forEach((x, i) => {
    const s = fits(x, v);
    if (s > score) [best, score] = [i, s];
  });
  return best;
}

// ---------------------------------------------------------------- layout
//
// The order of a real document for each type ($def): `main` fields, then `more` — rarely
// used ones: those that hold a value stand among the others (in the order main, more),
// the empty ones are folded under «Дополнительно». A property not listed follows `main`
// in schema order, so nothing of the format is left out. `alt`: groups of properties that
// say the same thing in different ways; when one group is used, the others' empty fields
// are not shown.

const PLAN = {
  // Text an import found no place for: shown while it holds some, to be moved and deleted.
  root: { main: ["blank", "order", "appendices", "qr", "style"], more: ["unplaced"] },
  Unplaced: { main: ["text", "from"] },
  Blank: { main: ["parents", "organization", "address", "phone", "fax", "email", "site", "logo", "layout"] },
  Organization: { main: ["full_name", "short_name"] },
  Logo: { main: ["path", "width_mm"] },
  Order: { main: ["kind", "date", "number", "place", "title"], more: ["issuer", "date_format", "date_line"] },
  OrderBody: { main: ["preamble", "decree", "markers", "points", "signatory", "acquaintance"] },
  Decree: { main: ["word", "colon", "placement"] },
  Point: { main: ["addressee", "text", "group", "responsible", "table", "points"], more: ["group", "appendix", "number", "marker"] },
  PointTable: { main: ["columns", "rows"], more: ["widths"] },
  PersonWithPosition: { main: ["person", "position", "position_dative"] },
  Person: { main: ["surname", "name", "patronymic", "gender"], more: ["position", "cases"] },
  Cases: { main: ["dative", "genitive", "accusative", "instrumental"] },
  Group: { main: ["head", "deputy", "secretary", "members"], more: ["head_title", "members_title"] },
  Signatory: { main: ["position", "person", "e_signature"] },
  ESignature: { main: ["certificate", "owner", "valid_from", "valid_to"] },
  Acquaintance: { main: ["people"], more: ["label"] },
  Appendix: { main: ["kind", "approvals", "mark", "title", "subtitle", "period", "table", "items", "clauses"], more: ["id", "number", "orientation"] },
  Approval: { main: ["kind", "position", "person", "date", "body", "protocol", "act"] },
  Protocol: { main: ["title", "date", "number"] },
  Act: { main: ["kind", "issuer", "date", "number"] },
  Mark: { main: ["style", "placement", "date_format", "number_sign", "to_order", "with_order_title"], more: ["approved_form", "issuer", "date", "number"] },
  // The rows are the «План» tab's: a line leads there.
  Table: { main: ["columns", "numbering", "section_numbers", "number_row", "section_number_in_column"], hide: ["items", "sections"] },
  Column: { main: ["title", "role", "width", "key"], more: ["group", "follows"] },
  Clause: { main: ["title", "paragraphs", "points", "blocks"], alt: [["paragraphs", "points"], ["blocks"]] },
  List: { main: ["marker", "items"] },
  Qr: { main: ["text", "size_mm"] },
  Style: { main: ["font", "body_size_pt", "table_size_pt", "first_line_indent_mm", "margins_mm", "hyphenation", "typography", "deadline_dates", "appendix_refs", "landscape_from_columns"] },
  Margins: { main: ["top", "bottom", "left", "right"] },
  Span: { main: ["value", "rows", "columns"] },
  Several: { main: ["items", "join"] },
  Recurrence: { main: ["month", "note"] },
};

// Where a type is laid out otherwise: by the list (`Owner.key`) it is an item of.
const PLAN_AT = {
  // «Состав рабочей группы»: a person and a position; the dative is for points' addressees.
  "Appendix.items": { PersonWithPosition: { main: ["person", "position"], more: ["position_dative"] } },
};

// The form's top: sections in the order of the document. `at` is the object's path,
// `keys` its properties shown there (null: all that no other section shows).
const SECTIONS = [
  { title: "Бланк", at: ["blank"], keep: true },
  { title: "Реквизиты приказа", at: ["order"], skip: ["body"], keep: true, absent: "приказа в документе нет — только приложения" },
  { title: "Текст", at: ["order", "body"], skip: ["signatory", "acquaintance"], keep: true, absent: "текста приказа нет — выводятся только приложения" },
  { title: "Подпись", at: ["order", "body", "signatory"] },
  { title: "Ознакомление", at: ["order", "body", "acquaintance"] },
];

// What an item of a list is called («Пункт 3») and what its «+» button says.
const NOUN = {
  "OrderBody.points": ["Пункт", "+ пункт"],
  "Point.points": ["Подпункт", "+ подпункт"],
  "Clause.points": ["Пункт", "+ пункт"],
  "Point.responsible": ["", "+ ответственный"],
  "Acquaintance.people": ["", "+ человек"],
  "Group.members": ["", "+ член группы"],
  "Appendix.approvals": ["Гриф", "+ гриф"],
  "Appendix.clauses": ["Раздел", "+ раздел"],
  "Appendix.items": ["Элемент", "+ элемент"],
  "Clause.blocks": ["Блок", "+ блок"],
  "Table.columns": ["Столбец", "+ столбец"],
  "root.appendices": ["Приложение", "+ приложение"],
  "Several.items": ["Срок", "+ срок"],
  "Table.sections": ["Раздел", "+ раздел"],
  "Section.sections": ["Подраздел", "+ подраздел"],
  "Table.items": ["Мероприятие", "+ мероприятие"],
  "Section.items": ["Мероприятие", "+ мероприятие"],
};
const noun = (arrayNode) => NOUN[`${arrayNode.owner}.${arrayNode.key}`] || ["", `+ ${(arrayNode.title || "элемент").toLowerCase()}`];

// Which content property an appendix of each kind has.
const CONTENT = { roadmap: "table", list: "items", text: "clauses" };

// An appendix's content when its kind is chosen.
const CONTENT_NEW = {
  roadmap: () => ({
    columns: [
      { key: "no", title: "№ п/п", role: "number", width: 1 },
      { key: "activity", title: "Мероприятие", role: "activity", width: 5 },
      { key: "deadline", title: "Срок", role: "deadline", width: 2 },
      { key: "responsible", title: "Ответственные", role: "responsible", width: 2 },
    ],
  }),
  list: () => [""],
  text: () => [{ points: [{ text: "" }] }],
};

// New list items, when more than the required fields make sense.
const NEW = {
  Point: () => ({ text: "" }),
  Column: (list) => {
    let n = list.length + 1;
    while (list.some((c) => c && c.key === `col${n}`)) n++;
    return { key: `col${n}`, title: "Новый столбец" };
  },
  Approval: () => ({ kind: "approve", position: [""], person: "" }),
  Appendix: () => ({ kind: "text", title: "Новое приложение", clauses: [{ points: [{ text: "" }] }] }),
  Clause: () => ({ title: "", points: [{ text: "" }] }),
};

/// A value for a new item or a newly chosen variant: the required fields, empty.
function skeleton(n, list = []) {
  const d = defOf(n);
  if (NEW[d]) return NEW[d](list);
  switch (n.kind) {
    case "object": {
      const o = {};
      for (const k of n.required) o[k] = skeleton(propsOf(n).get(k));
      return o;
    }
    case "array": return [];
    case "number": return n.default ?? (/год/i.test(n.title || "") ? new Date().getFullYear() : 1);
    case "boolean": return n.default ?? false;
    case "enum": return n.default ?? n.options[0].value;
    case "union": return skeleton(n.variants[0]);
    case "const": return n.value;
    default: return "";
  }
}

// ---------------------------------------------------------------- the document

const segsOf = (path) => String(path).replace(/\[(\d+)\]/g, ".$1").split(".").filter((s) => s !== "");
const dotted = (segs) => segs.join(".");

function getAt(doc, segs) {
  let o = doc;
  for (const k of segs) {
    if (o == null || typeof o !== "object") return undefined;
    o = o[k];
  }
  return o;
}

function setAt(doc, segs, value) {
  let o = doc;
  for (const k of segs.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== "object") o[k] = {};
    o = o[k];
  }
  o[segs[segs.length - 1]] = value;
}

/// Deletes the property at `segs`; objects left empty by it go too (not list items).
function removeAt(doc, segs) {
  for (let n = segs.length; n > 0; n--) {
    const parent = getAt(doc, segs.slice(0, n - 1));
    if (!isObj(parent)) return;
    delete parent[segs[n - 1]];
    if (Object.keys(parent).length || n === 1) return;
    const grand = getAt(doc, segs.slice(0, n - 2));
    if (!isObj(grand)) return;
  }
}

// ---------------------------------------------------------------- state kept across rebuilds

const openState = new Map(); // «details» folded or unfolded by the user: key → open
const stash = new Map(); // path → Map(variant → value): a union's other variants, while switching
let pendingFocus = null; // focus keys (see findByKey) of what gets the focus after a rebuild
let ownRebuild = false; // the coming rebuild is one this form asked for
let lastUpload = null; // {path, width_px, height_px} of the last logo sent

// ---------------------------------------------------------------- small helpers

function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("data-") || k.startsWith("aria-") || k === "for" || k === "list") e.setAttribute(k, v);
      else e[k] = v;
    }
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

let idCount = 0;
const newId = () => `field-${++idCount}`;

/// A description as a user reads it: no backquotes around keys and literals.
function plain(text, n) {
  if (!text) return "";
  return text.replace(/`([^`]*)`/g, (_, x) => {
    if (x === "\\n") return "Enter";
    if (x === "true") return "да";
    if (x === "false") return "нет";
    const o = n && n.kind === "enum" && n.options.find((o) => o.value === x);
    if (o) return `«${o.title}»`;
    const t = current && current.keyTitles.get(x.replace(/^.*\./, ""));
    return t ? `«${t}»` : `«${x}»`;
  });
}

/// The placeholder of an empty field: its default, said as the form says it.
function placeholder(n, dflt) {
  const d = dflt !== undefined ? dflt : n.default;
  if (d !== undefined && d !== null && typeof d !== "object") {
    if (n.kind === "enum") {
      const o = n.options.find((o) => o.value === d);
      return o ? o.title : String(d);
    }
    return String(d);
  }
  const m = /(?:если не указан[аоы]?|по умолчанию)\s*—\s*(?:«([^»]+)»|(\d+(?:[.,]\d+)?)\b)/i.exec(n.description || "");
  if (m) return m[1] || m[2];
  const d2 = defOf(n);
  if (d2 === "IsoDate") return "ГГГГ-ММ-ДД или ДД.ММ.ГГГГ";
  if (d2 === "YearMonth") return "ГГГГ-ММ";
  if (d2 === "When") return "ГГГГ-ММ-ДД или ГГГГ-ММ";
  return "";
}

/// The default of a boolean: its `default`, or «По умолчанию — `true`» in its description.
function boolDefault(n, dflt) {
  if (typeof dflt === "boolean") return dflt;
  if (typeof n.default === "boolean") return n.default;
  const m = /По умолчанию — `(true|false)`/.exec(n.description || "");
  return m ? m[1] === "true" : false;
}

function rowsFor(text) {
  let rows = 0;
  for (const line of String(text).split("\n")) rows += 1 + Math.floor(line.length / 75);
  return Math.max(2, Math.min(12, rows));
}

/// Whether a string field wants several lines.
function isLong(n, value) {
  if (typeof value === "string" && (value.includes("\n") || value.length > 70)) return true;
  if (/`\\n`/.test(n.description || "")) return true;
  return ["text", "body", "label", "note", "full_name", "preamble"].includes(n.key);
}

// ---------------------------------------------------------------- building

/// Builds the form for `doc` from `schema` (the parsed JSON Schema of the input format);
/// `changed(doc, rebuild)` is called after every edit, rebuild=true when the form's
/// structure changed (items added, removed or moved, a variant switched).
export function buildForm(form, doc, changed, schema) {
  const t0 = performance.now();
  // What had the focus, to give it back after the rebuild.
  const active = document.activeElement;
  let keep = null;
  if (active && form.contains(active)) {
    keep = { key: focusKey(active), start: active.selectionStart, end: active.selectionEnd };
  }
  if (!ownRebuild) stash.clear(); // another document, or the text edited: old variants mean nothing
  ownRebuild = false;
  idCount = 0;

  form.replaceChildren();
  form.classList.add("schema-form");
  if (!schema) {
    form.append(h("p", { class: "form-note", text: "Форма загружается…" }));
    return;
  }
  if (!isObj(doc)) {
    form.append(h("p", { class: "form-note", text: "Документ не читается как JSON: исправьте его на вкладке JSON." }));
    return;
  }
  current = compile(schema);
  lastDoc = doc;
  const ctx = { doc, changed, form };
  // A point's «Ссылка на приложение» offers the appendices' ids, each with its title.
  const ids = (Array.isArray(doc.appendices) ? doc.appendices : [])
    .map((a, i) => isObj(a) && typeof a.id === "string" && a.id
      ? h("option", { value: a.id, label: `Приложение ${i + 1}: ${String(a.title || "").split("\n")[0]}` }) : null)
    .filter(Boolean);
  form.append(h("datalist", { id: "form-appendix-ids" }, ...ids));
  form.append(h("div", { class: "field-msg", "data-for": "" }));
  const root = current.root;
  const props = propsOf(root);
  const shownAt = new Set(["$schema"]);

  for (const s of SECTIONS) {
    const node = nodeAt(root, s.at);
    if (!node) continue;
    shownAt.add(s.at[0]);
    // Required where its parent is there: «Подпись» of a text; folded when there is no text.
    const required = s.at.length > 1 && isObj(getAt(doc, s.at.slice(0, -1))) &&
      nodeAt(root, s.at.slice(0, -1)).required.has(s.at[s.at.length - 1]);
    form.append(objectField(ctx, node, s.at, { section: s.title, skip: s.skip, required, absent: s.absent, keep: s.keep }));
  }
  for (const key of PLAN.root.main.concat([...props.keys()])) {
    if (shownAt.has(key) || !props.has(key)) continue;
    shownAt.add(key);
    const n = props.get(key);
    if (key === "appendices") form.append(appendicesField(ctx, n));
    else if (key === "style") {
      form.append(objectField(ctx, n, [key], { section: n.title, folded: true, absent: "по умолчанию (ГОСТ Р 7.0.97-2025)" }));
    }
    else form.append(field(ctx, n, [key], { section: n.title }));
  }

  // The focus back where it was, or on what the edit made (a new item, a moved one). The
  // scroll position stays by itself: the new form replaces the old one before any layout.
  const wanted = pendingFocus;
  pendingFocus = null;
  const target = wanted ? wanted.map((k) => findByKey(form, k)).find((e) => e && !e.disabled) :
    keep && keep.key ? findByKey(form, keep.key) : null;
  if (target) {
    openAround(target);
    target.focus({ preventScroll: !wanted });
    if (wanted) target.scrollIntoView({ block: "nearest" });
    else if (keep.start != null && typeof target.setSelectionRange === "function") {
      try { target.setSelectionRange(keep.start, keep.end); } catch { /* not a text control */ }
    }
  }
  form.dataset.buildMs = (performance.now() - t0).toFixed(1);
}

const focusKey = (e) =>
  e.dataset.path !== undefined ? `p:${e.dataset.path}` :
  e.dataset.variant !== undefined ? `v:${e.dataset.variant}` :
  e.dataset.key !== undefined ? `k:${e.dataset.key}` : null;

/// The element of a focus key: «p:path», «v:path», «k:key», or «pp:path» (the first
/// control at or below the path).
function findByKey(form, key) {
  const [kind, rest] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  if (kind === "pp") {
    return form.querySelector(`[data-path="${CSS.escape(rest)}"]`) ||
      form.querySelector(`[data-path^="${CSS.escape(rest + ".")}"]`);
  }
  const attr = kind === "p" ? "data-path" : kind === "v" ? "data-variant" : "data-key";
  return form.querySelector(`[${attr}="${CSS.escape(rest)}"]`);
}

/// Unfolds the «details» around an element, so it can be seen.
function openAround(e) {
  for (let d = e.closest("details:not([open])"); d; d = d.parentElement && d.parentElement.closest("details:not([open])")) d.open = true;
}

/// The node at a path of the document below `n`.
function nodeAt(n, segs) {
  for (const k of segs) {
    if (!n) return null;
    if (n.kind === "object") n = propsOf(n).get(k);
    else if (n.kind === "array") n = n.items;
    else if (n.kind === "union") {
      const v = n.variants.find((x) => x.kind === "object" && propsOf(x).has(k)) || n.variants.find((x) => x.kind === "array" && /^\d+$/.test(k));
      if (!v) return null;
      n = v.kind === "object" ? propsOf(v).get(k) : v.items;
    } else return null;
  }
  return n;
}

/// Writes `value` at `segs` (undefined: deletes it) and tells the editor.
function write(ctx, segs, value, rebuild = false) {
  if (value === undefined) removeAt(ctx.doc, segs);
  else setAt(ctx.doc, segs, value);
  if (rebuild) ownRebuild = true;
  ctx.changed(ctx.doc, rebuild);
}

function msgBox(path) {
  return h("div", { class: "field-msg", "data-for": path });
}

/// A field of any kind.
function field(ctx, n, segs, o = {}) {
  switch (n.kind) {
    case "object": return objectField(ctx, n, segs, o);
    case "array": return arrayField(ctx, n, segs, o);
    case "union": return unionField(ctx, n, segs, o);
    default: return leafField(ctx, n, segs, o);
  }
}

// ---------------------------------------------------------------- leaves

/// The control of a scalar value, with its reading back.
function leafControl(ctx, n, segs, o) {
  const path = dotted(segs);
  const value = getAt(ctx.doc, segs);
  const required = !!o.required;
  const id = newId();
  const hint = plain(n.description, n);
  let control;
  // A value the control cannot read is said at once, under the control, in words.
  const mark = (bad, why) => {
    control.classList.toggle("invalid", bad);
    control.title = bad ? why : hint;
    const next = control.nextElementSibling;
    const local = next && next.classList.contains("local-msg") ? next : null;
    if (bad && !local) control.after(h("div", { class: "local-msg", text: why }));
    else if (bad) local.textContent = why;
    else if (local) local.remove();
  };
  switch (n.kind) {
    case "boolean": {
      control = h("input", { type: "checkbox", id, "data-path": path, title: hint });
      control.checked = typeof value === "boolean" ? value : boolDefault(n, o.dflt);
      control.addEventListener("change", () => write(ctx, segs, control.checked));
      break;
    }
    case "enum": {
      control = h("select", { id, "data-path": path, title: hint });
      if (!required || !n.options.some((x) => x.value === value)) {
        const d = n.default !== undefined ? n.default : o.dflt;
        const dOpt = n.options.find((x) => x.value === d);
        control.append(h("option", { value: "", text: dOpt ? `по умолчанию: ${dOpt.title}` : "— не указано —" }));
      }
      for (const x of n.options) control.append(h("option", { value: x.value, text: x.title, title: plain(x.description) }));
      if (value !== undefined && value !== null && !n.options.some((x) => x.value === value)) {
        control.append(h("option", { value: String(value), text: `${value} (недопустимое значение)` }));
      }
      control.value = value === undefined || value === null ? "" : String(value);
      // An appendix's kind decides which of its fields are shown.
      const reshapes = n.key === "kind" && n.owner === "Appendix";
      control.addEventListener("change", () => {
        const v = control.value;
        if (reshapes) {
          // The new kind's content, if the appendix has none yet.
          const a = getAt(ctx.doc, segs.slice(0, -1));
          const key = CONTENT[v];
          if (isObj(a) && key && a[key] == null) a[key] = CONTENT_NEW[v]();
        }
        write(ctx, segs, v === "" ? undefined : n.options.some((x) => x.value === v) ? v : value, reshapes);
      });
      break;
    }
    case "number": {
      control = h("input", { type: "text", inputMode: "decimal", id, "data-path": path, title: hint, placeholder: placeholder(n, o.dflt) });
      control.value = value === undefined || value === null ? "" : String(value);
      control.addEventListener("input", () => {
        const t = control.value.trim().replace(",", ".");
        if (t === "") {
          mark(false);
          return write(ctx, segs, undefined);
        }
        const v = Number(t);
        if (!Number.isFinite(v) || (n.integer && !Number.isInteger(v))) {
          mark(true, n.integer ? "Введите целое число цифрами" : "Введите число цифрами");
          // Kept as typed, never dropped: the document is then wrong, and says so, until fixed.
          return write(ctx, segs, control.value.trim());
        }
        mark(false);
        write(ctx, segs, v);
      });
      break;
    }
    case "any": case "const": {
      control = h("textarea", { id, "data-path": path, "data-json": "1", title: "Значение в записи JSON", spellcheck: false });
      control.value = value === undefined ? "" : JSON.stringify(value, null, 1);
      control.rows = rowsFor(control.value);
      control.addEventListener("input", () => {
        if (!control.value.trim()) return write(ctx, segs, undefined);
        try {
          const v = JSON.parse(control.value);
          mark(false);
          write(ctx, segs, v);
        } catch {
          mark(true, "Не читается как JSON");
        }
      });
      break;
    }
    default: { // string, strnum
      const long = n.kind === "string" && isLong(n, value);
      control = h(long ? "textarea" : "input", { id, "data-path": path, title: hint, placeholder: placeholder(n, o.dflt) });
      if (!long) control.type = "text";
      if (n.key === "appendix") control.setAttribute("list", "form-appendix-ids");
      control.value = value === undefined || value === null ? "" : String(value);
      if (long) control.rows = rowsFor(control.value);
      control.addEventListener("input", () => {
        if (long) control.rows = rowsFor(control.value);
        let v = control.value;
        if (!v.trim() && required && o.within) {
          // The last word of an optional object («QR-код», «Логотип») erased: no object.
          const parent = getAt(ctx.doc, o.within);
          const key = segs[segs.length - 1];
          if (isObj(parent) && Object.entries(parent).every(([k, x]) => k === key || x === "" || x == null)) {
            return write(ctx, o.within, undefined);
          }
        }
        if (!v.trim()) v = required ? "" : undefined;
        else if (n.kind === "strnum" && typeof value === "number" && /^\d+$/.test(v.trim())) v = Number(v.trim());
        write(ctx, segs, v);
      });
    }
  }
  return control;
}

function leafField(ctx, n, segs, o) {
  const path = dotted(segs);
  const control = leafControl(ctx, n, segs, o);
  const title = o.label !== undefined ? o.label : n.title || segs[segs.length - 1];
  const hint = plain(n.description, n);
  const wrap = h("div", { class: `field leaf kind-${n.kind}${o.class ? " " + o.class : ""}`, "data-for": path });
  if (n.kind === "boolean") {
    wrap.append(h("label", { class: "check", for: control.id, title: hint }, control, " ", title));
  } else {
    wrap.append(h("label", { for: control.id, title: hint }, title), control);
  }
  if (o.tools) wrap.append(o.tools);
  wrap.append(msgBox(path));
  return wrap;
}

// ---------------------------------------------------------------- objects

/// An object: a fieldset with its fields in the document's order; optional objects that
/// hold nothing are folded (a «details»), unfolding on their own once they hold a value.
function objectField(ctx, n, segs, o = {}) {
  const path = dotted(segs);
  const value = getAt(ctx.doc, segs);
  const present = isObj(value);
  const def = defOf(n);
  const props = propsOf(n);
  const plan = (PLAN_AT[o.place] && PLAN_AT[o.place][def]) || PLAN[def] || { main: [] };
  const skip = new Set([...(o.skip || []), ...(plan.hide || [])]);
  const dflt = isObj(n.default) ? n.default : isObj(o.dflt) ? o.dflt : {};
  const visible = (k) => {
    if (skip.has(k) || !props.has(k)) return false;
    if (def === "Appendix" && Object.values(CONTENT).includes(k)) {
      return CONTENT[present ? value.kind : ""] === k || (present && value[k] != null);
    }
    return true;
  };
  const has = (k) => present && value[k] !== undefined && value[k] !== null;
  // Alternative ways of writing the content: the unused ones stay out of sight.
  const used = (plan.alt || []).filter((g) => g.some(has));
  const unused = new Set(used.length ? (plan.alt || []).filter((g) => !used.includes(g)).flat().filter((k) => !has(k)) : []);
  const more = (plan.more || []).filter((k) => visible(k) && !has(k) && !unused.has(k));
  const main = [...plan.main, ...(plan.more || []), ...props.keys()]
    .filter((k, i, all) => all.indexOf(k) === i && !more.includes(k) && !unused.has(k) && visible(k) &&
      (!(plan.more || []).includes(k) || has(k)));

  // An optional object emptied by the user goes away whole, required fields and all.
  const optional = !o.required && !o.item && !o.flat && !o.keep && !o.folded;
  const build = () => {
    const fields = h("div", { class: `fields obj-${def || "object"}` });
    for (const k of main) fields.append(propField(ctx, n, k, segs, dflt, optional));
    if (def === "Logo") fields.append(uploadField(ctx, segs));
    if (def === "Table") fields.append(gridNote(ctx, segs, present ? value : {}));
    if (!more.length) return [fields];
    const moreBox = h("details", { class: "more" },
      h("summary", { text: `Дополнительно: ${more.map((k) => (props.get(k).title || k).toLowerCase()).join(", ")}` }));
    fold(moreBox, `${path}#more`, false, () => more.map((k) => propField(ctx, n, k, segs, dflt, optional)));
    return [fields, moreBox];
  };

  if (o.flat) return h("div", { class: "flat", "data-for": path }, ...build(), msgBox(path));
  const title = o.section || o.label || n.title || segs[segs.length - 1];
  const cls = `obj${o.section ? " section" : ""}`;
  const hint = plain(n.description, n);
  // Folded: the «Оформление» section, and optional objects that are not there.
  const foldable = o.folded || (!o.required && !o.item);
  if (!foldable) {
    return h("fieldset", { class: cls, "data-for": path },
      h("legend", { title: hint }, title, o.tools), ...build(), msgBox(path));
  }
  let note = "";
  if (!present) note = o.absent || (Object.keys(dflt).length || n.default !== undefined ? "по умолчанию" : "не задано");
  else if (o.folded) note = `изменено параметров: ${countLeaves(value)}`;
  // A present optional object can be taken out whole (the defaults then apply).
  let clear = null;
  if (present && !o.folded && !o.keep) {
    clear = h("button", { type: "button", class: "tool clear", text: "убрать", title: `Убрать «${title}» из документа`, "data-key": `clear:${path}` });
    clear.addEventListener("click", (e) => {
      e.preventDefault();
      const many = countLeaves(getAt(ctx.doc, segs));
      if (many > 5 && !window.confirm(`Убрать «${title}» со всеми полями (${many})?`)) return;
      write(ctx, segs, undefined, true);
    });
  }
  const box = h("details", { class: cls, "data-for": path },
    h("summary", { title: hint }, h("span", { class: "legend", text: title }),
      note ? h("span", { class: "note", text: ` — ${note}` }) : null, o.tools, clear),
    msgBox(path));
  fold(box, path, o.folded ? false : present, build, present);
  return box;
}

function countLeaves(v) {
  if (Array.isArray(v)) return v.reduce((s, x) => s + countLeaves(x), 0);
  if (isObj(v)) return Object.values(v).reduce((s, x) => s + countLeaves(x), 0);
  return 1;
}

/// Opens a «details» as the user left it, or as `open` says; remembers the user's choice.
/// Its content (`fill()`, put after the summary) is built when it is first open, unless
/// `eager` (it holds values: their controls are always there, for messages and tests).
function fold(details, key, open, fill, eager = open) {
  details.open = openState.has(key) ? openState.get(key) : open;
  const summary = details.firstElementChild;
  let filled = false;
  const fillNow = () => {
    if (filled) return;
    filled = true;
    summary.after(...fill());
    // Controls built late show what their empty fields print, as the others do.
    if (printedContext) showPrinted(details, printedContext);
  };
  if (details.open || eager) fillNow();
  else details.addEventListener("toggle", () => details.open && fillNow());
  summary.addEventListener("click", (e) => {
    if (!e.target.closest("button, select, input")) openState.set(key, !details.open);
  });
}

function propField(ctx, n, k, segs, dflt, optional) {
  const p = propsOf(n).get(k);
  return field(ctx, p, [...segs, k], { required: n.required.has(k), dflt: dflt[k], within: optional ? segs : null });
}

// ---------------------------------------------------------------- lists

function arrayField(ctx, n, segs, o = {}) {
  const path = dotted(segs);
  const value = getAt(ctx.doc, segs);
  const items = n.items;
  if (value !== undefined && value !== null && !Array.isArray(value)) return leafField(ctx, { kind: "any", title: n.title, description: n.description }, segs, o);
  const list = Array.isArray(value) ? value : [];
  if (items.kind === "string" && list.every((s) => typeof s === "string")) return linesField(ctx, n, segs, list, o);

  const [itemNoun, addText] = noun(n);
  const wrap = h("div", { class: `field list${list.length ? "" : " empty"}`, "data-for": path });
  const add = h("button", { type: "button", class: "add", text: addText, title: plain(n.description), "data-key": `add:${path}` });
  add.addEventListener("click", () => {
    const fresh = Array.isArray(getAt(ctx.doc, segs)) ? getAt(ctx.doc, segs) : [];
    fresh.push(skeleton(items, fresh));
    pendingFocus = [`pp:${path}.${fresh.length - 1}`];
    write(ctx, segs, fresh, true);
  });
  if (!list.length) {
    wrap.append(add, msgBox(path));
    return wrap;
  }
  wrap.append(h("div", { class: "list-title", title: plain(n.description), text: o.label || n.title }));
  list.forEach((item, i) => {
    const itemSegs = [...segs, String(i)];
    const label = itemNoun ? `${itemNoun} ${i + 1}` : `${i + 1}.`;
    const tools = itemTools(ctx, segs, list, i, itemNoun || "элемент", !!o.required);
    wrap.append(field(ctx, items, itemSegs, { required: true, item: true, label, tools, within: null, place: `${n.owner}.${n.key}` }));
  });
  wrap.append(add, msgBox(path));
  return wrap;
}

/// ↑ ↓ × of a list item.
function itemTools(ctx, segs, list, i, what, required) {
  const path = dotted(segs);
  const tool = (text, title, key, act, disabled) => {
    const b = h("button", { type: "button", class: "tool", text, title, "aria-label": title, disabled, "data-key": key });
    b.addEventListener("click", act);
    return b;
  };
  const move = (by) => () => {
    [list[i], list[i + by]] = [list[i + by], list[i]];
    // The focus follows the item: on the same button, or the other one at an end.
    const at = `${path}.${i + by}`;
    pendingFocus = by < 0 ? [`k:up:${at}`, `k:down:${at}`] : [`k:down:${at}`, `k:up:${at}`];
    write(ctx, segs, list, true);
  };
  return h("span", { class: "tools" },
    tool("↑", "Выше", `up:${path}.${i}`, move(-1), i === 0),
    tool("↓", "Ниже", `down:${path}.${i}`, move(1), i === list.length - 1),
    tool("×", `Удалить: ${what.toLowerCase()} ${i + 1}`, `del:${path}.${i}`, () => {
      list.splice(i, 1);
      write(ctx, segs, list.length || required ? list : undefined, true);
    }));
}

/// A list of strings as one text: a line each, or paragraphs between empty lines.
function linesField(ctx, n, segs, list, o) {
  const path = dotted(segs);
  const about = `${n.title || ""} ${n.description || ""} ${n.items.description || ""}`;
  const paragraphs = /абзац|`\\n`/i.test(about) || list.some((s) => s.includes("\n"));
  const sep = paragraphs ? "\n\n" : "\n";
  const id = newId();
  const control = h("textarea", { id, "data-path": path, "data-join": paragraphs ? "paragraphs" : "lines", title: plain(n.description) });
  control.value = list.join(sep);
  control.rows = rowsFor(control.value);
  control.addEventListener("input", () => {
    control.rows = rowsFor(control.value);
    const parts = paragraphs ? control.value.split(/\n[ \t]*\n/) : control.value.split("\n");
    const v = parts.map((s) => s.replace(/^\n+|\s+$/g, "")).filter((s) => s.trim() !== "");
    write(ctx, segs, v.length || o.required ? v : undefined);
  });
  return h("div", { class: "field leaf lines", "data-for": path },
    h("label", { for: id, title: plain(n.description) }, o.label || n.title,
      h("small", { class: "how", text: paragraphs ? " (абзацы — через пустую строку)" : " (по строке на каждый)" })),
    control, o.tools, msgBox(path));
}

// ---------------------------------------------------------------- unions

/// One of several forms of a value («строкой» or «по частям»): the form is chosen in a
/// list, the chosen form's fields follow. Switching back brings the old value back.
function unionField(ctx, n, segs, o = {}) {
  const path = dotted(segs);
  const value = getAt(ctx.doc, segs);
  const at = variantOf(n, value);
  const optional = !o.required;
  const title = o.label !== undefined ? o.label : n.title || segs[segs.length - 1];
  const hint = plain(n.description, n);
  const select = h("select", { class: "variant", "data-variant": path, "aria-label": `${title}: как записано`, title: hint });
  if (optional) select.append(h("option", { value: "", text: "— нет —" }));
  if (at < 0 && value !== undefined && value !== null) select.append(h("option", { value: "?", text: "— не распознано —" }));
  n.variants.forEach((v, i) => select.append(h("option", { value: String(i), text: v.title || `вариант ${i + 1}`, title: plain(v.description) })));
  select.value = at >= 0 ? String(at) : value === undefined || value === null ? "" : "?";
  select.addEventListener("change", () => {
    const to = select.value === "" ? -1 : +select.value;
    const now = getAt(ctx.doc, segs);
    const from = variantOf(n, now);
    if (!stash.has(path)) stash.set(path, new Map());
    const kept = stash.get(path);
    if (now !== undefined && now !== null) kept.set(from, now);
    let next;
    if (to < 0) next = undefined;
    else if (kept.has(to)) next = kept.get(to);
    else next = convert(n.variants[from], n.variants[to], now) ?? skeleton(n.variants[to]);
    write(ctx, segs, next, true);
  });

  const wrap = h("div", { class: `field union${o.item ? " item" : ""}`, "data-for": path });
  const variant = at >= 0 ? n.variants[at] : null;
  const scalar = variant && !["object", "array", "union"].includes(variant.kind);
  const head = h("div", { class: scalar ? "union-head" : "union-head inline" });
  if (scalar) {
    const control = leafControl(ctx, variant, segs, { required: true, dflt: o.dflt });
    if (!control.title) control.title = hint;
    head.append(h("label", { for: control.id, title: hint, text: title }), select, control);
  } else {
    select.id = newId();
    head.append(h("label", { for: select.id, title: hint, text: title }), select);
  }
  if (o.tools) head.append(o.tools);
  wrap.append(head);
  if (variant && !scalar) {
    const body = h("div", { class: "variant-body" });
    if (variant.kind === "object") {
      const props = propsOf(variant);
      const only = props.size === 1 ? [...props.values()][0] : null;
      // {"date": …}, {"years": {…}}: the one field, without a frame of its own.
      if (only && only.kind === "object") body.append(objectField(ctx, only, [...segs, only.key], { flat: true }));
      else body.append(objectField(ctx, variant, segs, { flat: true, place: o.place }));
    } else body.append(field(ctx, variant, segs, { required: true, label: variant.title }));
    wrap.append(body);
  } else if (at < 0 && value !== undefined && value !== null) {
    wrap.append(leafField(ctx, { kind: "any", title: "Значение (JSON)" }, segs, { class: "raw" }));
  }
  wrap.append(msgBox(path));
  return wrap;
}

/// A value carried over from one form of a union to another, where that is clear.
function convert(from, to, v) {
  if (!from || !to || v === undefined || v === null) return undefined;
  const fd = defOf(from), td = defOf(to);
  if (from.kind === "string" && td === "Person") return parseName(v);
  if (fd === "Person" && to.kind === "string") return personText(v);
  if (from.kind === "string" && td === "PersonWithPosition") {
    const [who, ...rest] = v.split(",");
    return rest.length ? { person: who.trim(), position_dative: rest.join(",").trim() } : { person: v };
  }
  if (fd === "PersonWithPosition" && to.kind === "string") {
    const p = v.person;
    const name = isObj(p) ? (p.cases && p.cases.dative) || personText(p) : p || "";
    return [name, v.position_dative || v.position].filter(Boolean).join(", ");
  }
  if (from.kind === "string" && to.kind === "array" && to.items.kind !== "object") return v ? [v] : [];
  // A plan's period: a school year as calendar years or as dates, and back.
  if (to.kind !== "object") return undefined;
  if (isObj(v) && Number.isInteger(v.school_year)) {
    const y = v.school_year;
    if (propsOf(to).has("years")) return { years: { from: y, to: y + 1 } };
    if (propsOf(to).has("dates")) return { dates: { from: `${y}-09-01`, to: `${y + 1}-08-31` } };
  }
  if (isObj(v) && isObj(v.years) && propsOf(to).has("school_year")) return { school_year: v.years.from };
  if (isObj(v) && isObj(v.years) && propsOf(to).has("dates")) return { dates: { from: `${v.years.from}-01-01`, to: `${v.years.to}-12-31` } };
  if (from.kind === "array" && to.kind === "string") return v.filter((x) => typeof x === "string").join("\n");
  return undefined;
}

/// «Н.П. Клюева», «Клюева Н.П.», «Клюева Наталья Петровна» → the name by parts.
function parseName(s) {
  const [name, position] = s.split(/,(.*)/s).map((x) => x && x.trim());
  let m;
  let p = null;
  if ((m = /^([А-ЯЁA-Z]\.)\s*([А-ЯЁA-Z]\.)?\s*(\S.*)$/u.exec(name))) p = { surname: m[3], name: m[1], patronymic: m[2] };
  else if ((m = /^(\S+)\s+([А-ЯЁA-Z]\.)\s*([А-ЯЁA-Z]\.)?$/u.exec(name))) p = { surname: m[1], name: m[2], patronymic: m[3] };
  else {
    const w = name.split(/\s+/).filter(Boolean);
    p = { surname: w[0] || "", name: w[1], patronymic: w[2] };
  }
  if (position) p.position = position;
  for (const k of Object.keys(p)) if (p[k] === undefined || p[k] === null) delete p[k];
  return p;
}

/// The name by parts → «И.О. Фамилия».
function personText(p) {
  const initial = (x) => (!x ? "" : x.length <= 2 ? x : `${x[0]}.`);
  const name = `${initial(p.name)}${initial(p.patronymic)}`;
  return [name, p.surname].filter(Boolean).join(" ") + (p.position ? `, ${p.position}` : "");
}

// ---------------------------------------------------------------- appendices

function appendicesField(ctx, n) {
  const segs = ["appendices"];
  const value = getAt(ctx.doc, segs);
  const list = Array.isArray(value) ? value : [];
  const wrap = h("div", { class: "appendices", "data-for": "appendices" });
  list.forEach((a, i) => {
    const first = isObj(a) && typeof a.title === "string" ? a.title.split("\n")[0] : "";
    const label = `Приложение ${i + 1}${first ? `: ${first}` : ""}`;
    const tools = itemTools(ctx, segs, list, i, "приложение", false);
    wrap.append(field(ctx, n.items, [...segs, String(i)], { required: true, item: true, section: label, tools }));
  });
  const add = h("button", { type: "button", class: "add", text: noun(n)[1], title: plain(n.description), "data-key": "add:appendices" });
  add.addEventListener("click", () => {
    const fresh = Array.isArray(ctx.doc.appendices) ? ctx.doc.appendices : [];
    fresh.push(skeleton(n.items, fresh));
    pendingFocus = [`pp:appendices.${fresh.length - 1}`];
    write(ctx, segs, fresh, true);
  });
  wrap.append(add, msgBox("appendices"));
  return wrap;
}

/// Where a roadmap's rows are: a line that leads to the «План» tab.
function gridNote(ctx, segs, table) {
  let activities = 0, sections = 0;
  const walk = (t) => {
    activities += Array.isArray(t.items) ? t.items.length : 0;
    for (const s of Array.isArray(t.sections) ? t.sections : []) {
      sections++;
      if (isObj(s)) walk(s);
    }
  };
  walk(table);
  const index = segs[1];
  const button = h("button", { type: "button", class: "to-grid", text: "Открыть «План»", "data-key": `grid:${index}` });
  button.addEventListener("click", () => {
    const tab = document.querySelector('#tabs button[data-tab="grid"]');
    if (tab) tab.click();
    const select = document.getElementById("plan");
    if (select && [...select.options].some((x) => x.value === index)) {
      select.value = index;
      select.dispatchEvent(new Event("change"));
    }
  });
  const path = dotted(segs);
  return h("div", { class: "grid-note", "data-for": `${path}.rows` },
    h("span", { text: `Строки плана (мероприятий: ${activities}, разделов: ${sections}) правятся на вкладке «План». ` }),
    button,
    h("div", { class: "field-msg", "data-for": `${path}.items` }),
    h("div", { class: "field-msg", "data-for": `${path}.sections` }));
}

/// The logo's file: sent to the server, which stores it beside the document.
function uploadField(ctx, segs) {
  const path = dotted(segs);
  const id = newId();
  // The browser's own file button speaks the browser's language: a label of ours instead.
  const input = h("input", { type: "file", id, class: "file", accept: "image/png,image/jpeg", "data-upload": `${path}.path` });
  const status = h("div", { class: "upload-status" });
  if (lastUpload && lastUpload.path === getAt(ctx.doc, [...segs, "path"])) {
    status.textContent = `Загружено: ${lastUpload.path}, ${lastUpload.width_px}×${lastUpload.height_px} пикс.`;
  }
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    status.textContent = "Загрузка…";
    status.classList.remove("error");
    try {
      const response = await api("/api/picture", {
        method: "PUT",
        headers: { "x-file-name": encodeURIComponent(file.name) },
        body: file,
      });
      const r = await response.json().catch(() => ({ error: response.statusText }));
      if (!response.ok) throw new Error(r.error || `ошибка ${response.status}`);
      lastUpload = r;
      pendingFocus = [`p:${path}.path`];
      write(ctx, [...segs, "path"], r.path, true);
    } catch (e) {
      status.textContent = e.message;
      status.classList.add("error");
    }
  });
  return h("div", { class: "field upload" },
    h("span", { class: "label", text: "Изображение с компьютера" }),
    h("label", { for: id, class: "button", text: "Загрузить PNG или JPEG…" }), input, status);
}

// ---------------------------------------------------------------- words for paths

/// The form's words for a JSON path: «order.body.points[2].responsible» →
/// «Текст › Пункт 3 › Ответственные».
export function fieldLabel(path) {
  const segs = segsOf(path || "");
  if (!current) return segs.join(".");
  const root = current.root;
  const words = [];
  let n = root;
  let i = 0;
  // The section the path starts in.
  const section = [...SECTIONS].reverse().find((s) => s.at.every((k, j) => segs[j] === k));
  if (section) {
    words.push(section.title);
    n = nodeAt(root, section.at);
    i = section.at.length;
  } else if (segs[0] === "appendices" && /^\d+$/.test(segs[1] || "")) {
    words.push(`Приложение ${+segs[1] + 1}`);
    n = nodeAt(root, segs.slice(0, 2));
    i = 2;
  }
  for (; i < segs.length && n; i++) {
    const k = segs[i];
    if (n.kind === "array" && /^\d+$/.test(k)) {
      const [itemNoun] = noun(n);
      words.push(itemNoun ? `${itemNoun} ${+k + 1}` : `${+k + 1}`);
      n = n.items;
      continue;
    }
    if (defOf(n) === "Values") {
      // A cell of a plan's row: named by its column's title.
      const table = getAt(lastDoc, segs.slice(0, 3));
      const column = isObj(table) && Array.isArray(table.columns) && table.columns.find((c) => c && c.key === k);
      words.push(column && column.title ? `«${column.title.replace(/\s+/g, " ")}»` : k);
      // The cell is what the user sees: what lies inside its value («deadline») is not named.
      return words.join(" › ");
    }
    const next = nodeAt(n, [k]);
    if (!next) {
      words.push(k);
      n = null;
      continue;
    }
    // «Пункты приказа › Пункт 3» says it twice: the item's name is enough.
    const named = (next.kind === "array" && /^\d+$/.test(segs[i + 1] || "") && noun(next)[0]) ||
      defOf(next) === "Values"; // a row's values as a whole: the row is what the user sees
    if (!named) words.push(next.title || k);
    n = next;
  }
  for (; i < segs.length; i++) words.push(segs[i]);
  return words.join(" › ");
}

/// A server message in the form's words: a quoted JSON key («responsible») becomes the
/// label of that property, «columns[0]» becomes «Столбец 1».
export function messageText(text, path) {
  if (!text || !current) return text || "";
  const segs = segsOf(path || "");
  // The objects around the path, nearest first: where a quoted key is looked up.
  const around = [];
  for (let n = segs.length; n >= 0; n--) {
    const node = nodeAt(current.root, segs.slice(0, n));
    if (!node) continue;
    if (node.kind === "object") around.push(node);
    else if (node.kind === "union") {
      for (const v of node.variants) if (v.kind === "object") around.push(v);
    } else if (node.kind === "array" && node.items.kind === "object") around.push(node.items);
  }
  const prop = (k) => {
    for (const o of around) {
      const p = propsOf(o).get(k);
      if (p) return p;
    }
    return null;
  };
  // In a plan's row a quoted key may be a column's: it is named by the column's title.
  const table = segs[0] === "appendices" ? getAt(lastDoc, segs.slice(0, 3)) : null;
  const columnTitle = (k) => {
    const c = isObj(table) && Array.isArray(table.columns) && table.columns.find((x) => x && x.key === k);
    return c && c.title ? c.title.replace(/\s+/g, " ") : null;
  };
  return text
    .replace(/«([A-Za-z_$][A-Za-z0-9_]*)»/g, (all, k, at) => {
      // «вида «text»»: the appendix kind, by its name in the list.
      if (/вида\s*$/.test(text.slice(0, at))) {
        const kind = prop("kind");
        const o = kind && kind.kind === "enum" && kind.options.find((x) => x.value === k);
        if (o) return `«${o.title}»`;
      }
      if (/ключ\S*\s+(столбца\s+)?$/.test(text.slice(0, at))) return all; // a column's key is the user's word
      const column = segs.includes("values") && columnTitle(k);
      if (column) return `«${column}»`;
      const p = prop(k);
      return p && p.title ? `«${p.title}»` : all;
    })
    .replace(/\b([a-z_]+)\[(\d+)\]/g, (all, k, i) => {
      const p = prop(k);
      if (!p || p.kind !== "array") return all;
      const [itemNoun] = noun(p);
      return `«${itemNoun ? `${itemNoun} ${+i + 1}` : `${p.title} › ${+i + 1}`}»`;
    })
    .replace(/^([a-z_]+):/, (all, k) => {
      const p = prop(k);
      return p && p.title ? `«${p.title}»:` : all;
    })
    // A JSON example («добавьте пункты: [{"text": "…"}]») is for the JSON tab, not the form.
    .replace(/:?\s*(\[\s*\{|\{\s*")[\s\S]*$/, "");
}

// ---------------------------------------------------------------- messages

/// Puts each message under the field of its path (or of the nearest path above it), in
/// the form's words; errors mark their control.
export function showFieldMessages(form, messages) {
  const boxes = new Map();
  for (const m of form.querySelectorAll(".field-msg")) {
    m.replaceChildren();
    m.className = "field-msg";
    if (!boxes.has(m.dataset.for)) boxes.set(m.dataset.for, m);
  }
  for (const i of form.querySelectorAll(".invalid")) i.classList.remove("invalid");
  if (!current) return;
  const counts = new Map();
  for (const m of messages || []) {
    if (!m.path) continue;
    const segs = segsOf(m.path);
    let target = null;
    let hint = m.hint;
    // «нет обязательного поля «title»» at «order»: under the field of that key, if shown.
    for (const [, k] of String(m.message).matchAll(/«([A-Za-z_$][A-Za-z0-9_]*)»/g)) {
      const box = boxes.get(dotted([...segs, k]));
      if (box) {
        target = box;
        if (/^добавьте поле «[^»]*» в этот объект$/.test(hint || "")) hint = "заполните это поле";
        break;
      }
    }
    for (let n = segs.length; !target && n >= 0; n--) target = boxes.get(dotted(segs.slice(0, n))) || null;
    if (!target) continue;
    const seen = (counts.get(target) || 0) + 1;
    counts.set(target, seen);
    if (seen > 3) {
      // Many messages on one place (a plan's rows): a count, the rest are in the list.
      let more = target.querySelector(".more-msgs");
      if (!more) target.append((more = h("div", { class: "more-msgs" })));
      more.textContent = `…и ещё сообщений: ${seen - 3} (в списке ниже)`;
      continue;
    }
    const line = h("div", { class: m.severity === "warning" ? "msg warning" : "msg error" },
      messageText(m.message, m.path));
    if (hint) line.append(h("span", { class: "msg-hint", text: ` ${messageText(hint, m.path)}` }));
    target.append(line);
    if (m.severity === "warning") {
      if (!target.querySelector(".msg.error")) target.classList.add("warning");
    } else {
      target.classList.remove("warning");
      const at = target.dataset.for;
      const control =
        form.querySelector(`[data-path="${CSS.escape(at)}"]`) ||
        form.querySelector(`[data-variant="${CSS.escape(at)}"]`) ||
        form.querySelector(`[data-path^="${CSS.escape(at ? at + "." : "")}"]`);
      if (control) control.classList.add("invalid");
      openAround(target);
    }
  }
}

// ---------------------------------------------------------------- printed defaults

let printedContext = null; // the last context shown, for groups built when first opened

// Fields whose printed value, when they are left empty, comes from elsewhere (the order's
// issuer or the бланк's short name in the mark, the automatic acquaintance label): an
// empty control shows what will be printed, so nothing printed is out of sight.
const PRINTED = [
  [/^order\.issuer$/, (c) => c.order && c.order.issuer],
  [/^order\.body\.acquaintance\.label$/, (c) => c.order && c.order.body && c.order.body.acquaintance && c.order.body.acquaintance.label],
  [/^order\.body\.decree\.word$/, (c) => c.order && c.order.body && c.order.body.decree_word],
  [/^appendices\.(\d+)\.mark\.(issuer|date|number)$/, (c, m) => {
    const a = c.appendices && c.appendices[+m[1]];
    return a && a.mark && a.mark[m[2]];
  }],
];

/// Shows, in each empty control of such a field, the value the document prints there
/// (`context`: what the templates see, from POST /api/context).
export function showPrinted(form, context) {
  printedContext = context;
  if (!context) return;
  for (const control of form.querySelectorAll("input[data-path], textarea[data-path]")) {
    if (control.value) continue;
    for (const [re, get] of PRINTED) {
      const m = re.exec(control.dataset.path);
      const v = m && get(context, m);
      if (typeof v === "string" && v.trim()) {
        control.placeholder = `печатается: ${v.replace(/\s*\n\s*/g, " ")}`;
        control.dataset.printed = v;
      }
    }
  }
}
