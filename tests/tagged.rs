//! `--tagged` PDFs carry their structure: read back with qpdf (the structure tree) and
//! poppler (`pdfinfo`), the order's and appendices' titles are headings, the table is a
//! table with its header cells once (not once per page), spans on the merged cells, and
//! lists are lists with their markers as labels. `--pdfa --tagged` passes krilla's PDF/A-2a
//! validator (it checks while writing). Without `--tagged` the PDF has no tags. pdf.js
//! (`tests/pdfjs/`, installed by `.ci/run`) reads the same structure with its text.

mod common;

use std::path::Path;
use std::process::Command;

use common::{ir, root, tool};
use prikaz::doc::{Block, RowKind};
use serde_json::Value;

/// A structure element: its type («H1», «TD»), attributes and child elements.
#[derive(Debug)]
struct Element {
    kind: String,
    attrs: Vec<Value>,
    children: Vec<Element>,
}

impl Element {
    fn all<'a>(&'a self, kind: &str, out: &mut Vec<&'a Element>) {
        if self.kind == kind {
            out.push(self);
        }
        self.children.iter().for_each(|c| c.all(kind, out));
    }
    fn count(&self, kind: &str) -> usize {
        let mut v = Vec::new();
        self.all(kind, &mut v);
        v.len()
    }
}

/// The structure tree of a PDF, from `qpdf --json`.
fn structure(pdf: &Path) -> Option<Element> {
    let out = Command::new("qpdf").arg("--json").arg(pdf).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("qpdf's JSON");
    let objects = &json["qpdf"][1];
    let value = |r: &Value| -> Value {
        match r.as_str() {
            Some(s) if s.ends_with(" R") => objects[format!("obj:{s}")]["value"].clone(),
            _ => r.clone(),
        }
    };
    let root = objects.as_object()?.values().map(|o| &o["value"]).find(|v| v["/Type"] == "/StructTreeRoot")?.clone();
    fn build(v: &Value, value: &dyn Fn(&Value) -> Value, out: &mut Vec<Element>) {
        let v = value(v);
        match &v {
            Value::Array(items) => items.iter().for_each(|i| build(i, value, out)),
            Value::Object(o) if o.contains_key("/S") => {
                let mut children = Vec::new();
                if let Some(k) = o.get("/K") {
                    build(k, value, &mut children);
                }
                let attrs = match o.get("/A").map(value) {
                    Some(Value::Array(a)) => a.iter().map(value).collect(),
                    Some(a) => vec![a],
                    None => Vec::new(),
                };
                let kind = o["/S"].as_str().unwrap_or("").trim_start_matches('/').to_owned();
                out.push(Element { kind, attrs, children });
            }
            _ => {}
        }
    }
    let mut top = Vec::new();
    build(&root["/K"], &value, &mut top);
    Some(Element { kind: "root".into(), attrs: Vec::new(), children: top })
}

fn render(rel: &str, dir: &Path, extra: &[&str]) -> std::path::PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_prikaz"))
        .args(["render", "--format", "pdf"])
        .args(extra)
        .arg(root().join(rel))
        .arg("-o")
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{rel}: {}", String::from_utf8_lossy(&out.stderr));
    dir.join(format!("{}.pdf", Path::new(rel).file_stem().unwrap().to_string_lossy()))
}

/// The document model's first table.
fn first_table(doc: &prikaz::doc::Document) -> &prikaz::doc::Table {
    doc.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
        .expect("a table")
}

fn pdfinfo_tagged(pdf: &Path) -> Option<bool> {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().find(|l| l.starts_with("Tagged:")).map(|l| l.ends_with("yes"))
}

#[test]
fn a_tagged_pdf_has_headings_a_table_with_its_header_once_and_lists() {
    if !tool("qpdf") || !tool("pdfinfo") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let rel = "samples/solnechnogorsk-2023.json";
    let pdf = render(rel, dir.path(), &["--tagged"]);
    assert_eq!(pdfinfo_tagged(&pdf), Some(true));
    let tree = structure(&pdf).expect("a structure tree");
    assert_eq!(tree.children.len(), 1, "one Document element");
    assert!(tree.count("H1") >= 2, "the order's and the appendix's titles: {}", tree.count("H1"));
    assert!(tree.count("P") > 10);
    // The table: as many rows as the document model has (the header once, though it is
    // drawn on each of the table's pages), header cells with their scope.
    let doc = ir(rel);
    let table = first_table(&doc);
    let mut tables = Vec::new();
    tree.all("Table", &mut tables);
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].count("TR"), table.head.len() + table.body.len());
    let head_cells: usize = table.head.iter().map(|r| r.cells.len()).sum();
    assert_eq!(tables[0].count("TH"), head_cells, "the header is tagged once");
    let mut th = Vec::new();
    tables[0].all("TH", &mut th);
    assert!(th.iter().all(|c| c.attrs.iter().any(|a| a["/Scope"] == "/Column")), "{th:?}");
    // A section row is one cell across the table.
    let sections = table.body.iter().filter(|r| r.kind == RowKind::Section).count();
    let mut td = Vec::new();
    tables[0].all("TD", &mut td);
    let wide =
        td.iter().filter(|c| c.attrs.iter().any(|a| a["/ColSpan"].as_u64() == Some(table.widths.len() as u64))).count();
    assert_eq!(wide, sections);
    // Lists in cells: each item a label and a body.
    let mut items = Vec::new();
    tree.all("LI", &mut items);
    assert!(!items.is_empty() && items.iter().all(|li| li.count("Lbl") == 1), "{items:?}");
}

#[test]
fn without_tagged_there_are_no_tags_and_with_pdfa_it_is_pdfa_2a() {
    if !tool("qpdf") || !tool("pdfinfo") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plain = render("samples/dubna-2021.json", dir.path(), &[]);
    assert_eq!(pdfinfo_tagged(&plain), Some(false));
    assert!(structure(&plain).is_none());
    // krilla validates PDF/A-2a while writing; the file says what it claims.
    let dir = tempfile::tempdir().unwrap();
    let a = render("samples/kindergarten-2024.json", dir.path(), &["--pdfa", "--tagged"]);
    let xmp = String::from_utf8_lossy(&std::fs::read(&a).unwrap()).into_owned();
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert_eq!(pdfinfo_tagged(&a), Some(true));
}

/// pdf.js is installed in `tests/pdfjs` (`npm ci` there); in CI its absence fails.
fn pdfjs() -> bool {
    let ok = root().join("tests/pdfjs/node_modules/pdfjs-dist").is_dir() && tool("node");
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "pdf.js is required in CI (.ci/run installs it)");
        eprintln!("SKIPPED: pdf.js is not installed (npm ci --prefix tests/pdfjs)");
    }
    ok
}

#[test]
fn pdf_js_reads_the_structure_with_its_text() {
    if !pdfjs() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let rel = "samples/solnechnogorsk-2023.json";
    let pdf = render(rel, dir.path(), &["--tagged"]);
    let out = Command::new("node").arg(root().join("tests/pdfjs/struct-tree.mjs")).arg(&pdf).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // pdf.js warns on its standard output that it has no canvas (it needs none for this).
    let elements: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |role: &str| {
        elements.iter().filter(|e| e["role"] == role).map(|e| e["text"].as_str().unwrap()).collect::<Vec<_>>()
    };
    let h1 = of("H1");
    assert!(h1[0].starts_with("Об утверждении Плана мероприятий"), "{h1:?}");
    assert!(h1[1].starts_with("План мероприятий (дорожная карта)"), "{h1:?}");
    assert_eq!(of("TH").first(), Some(&"№ п/п"));
    let doc = ir(rel);
    let table = first_table(&doc);
    assert_eq!(of("TR").len(), table.head.len() + table.body.len());
    // Each list item reads as its marker and its text.
    let li = of("LI");
    assert!(!li.is_empty() && li.iter().all(|t| t.starts_with("– ") || t.starts_with("• ")), "{li:?}");
}
