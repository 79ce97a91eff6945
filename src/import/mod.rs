//! `import`: what users already have into an input file.
//! - A Word document (ours, Word's, LibreOffice's, python-docx's): the order when it has
//!   one, and each appendix with its mark, title and roadmap table (`document`, over the
//!   body `docx` reads and the table conversion in `table`).
//! - A spreadsheet or CSV: one row per activity; the header row names the columns, a
//!   column of sections («Раздел», «Направление») groups the rows, and so does a row with
//!   only its first cell filled.
//!
//! Column roles come from the header words («№», «Мероприятие», «Срок», «Ответственные»
//! …). Numbers become automatic numbering when they are what it would print; others stay
//! as written. Deadlines become data when printing the data gives back their text
//! (`deadline`).

use crate::diag::Diagnostic;

mod deadline;
mod document;
pub mod docx;
pub mod into;
mod kept;
mod table;

pub use table::is_roadmap;
mod xml;

use serde_json::{json, Value};

/// What the import made: the document and, in Russian, what it recognised.
#[derive(Debug)]
pub struct Imported {
    /// The input document (a roadmap appendix, no order).
    pub document: Value,
    /// What was recognised and what was left as text.
    pub summary: Vec<String>,
    /// Files to write beside the input file (a logo taken from the document): name, bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// Where rows and values came from in the source, by their JSON path in `document`
    /// («appendices[0].table.items[3].values.deadline» → «строка 12, столбец C («Срок»)»),
    /// most specific first: a check of the result is reported there, not in a file that
    /// was never written.
    pub places: Vec<(String, String)>,
}

impl Imported {
    /// The place in the source of the value at `path` (a JSON path as diagnostics print
    /// it), or of the nearest row holding it.
    pub fn place_of(&self, path: &str) -> Option<&str> {
        place_of(&self.places, path)
    }
}

/// The most specific of `places` that `path` lies in.
pub fn place_of<'a>(places: &'a [(String, String)], path: &str) -> Option<&'a str> {
    places
        .iter()
        .filter(|(p, _)| {
            path.strip_prefix(p.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
        .max_by_key(|(p, _)| p.len())
        .map(|(_, place)| place.as_str())
}

/// A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Builds the document from a spreadsheet's rows (the header first; row numbers as the
/// file shows them). `title` is the appendix's title.
pub fn from_rows(rows: &[(usize, Vec<String>)], title: &str) -> Result<Imported, Diagnostic> {
    let rows: Vec<(usize, Vec<String>)> =
        rows.iter().filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty())).cloned().collect();
    if rows.is_empty() {
        return Err(Diagnostic::error("в таблице нет строк"));
    }
    let grid = table::grid_of_rows(&rows);
    let converted = table::convert(
        &grid,
        &table::Options {
            section_column: true,
            one_filled_is_section: true,
            dates: crate::input::deadline_text::DateStyle::Numeric,
        },
    )?;
    let document = json!({
        "$schema": "prikaz.schema.json",
        "appendices": [{ "kind": "roadmap", "title": title, "table": converted.table }]
    });
    let places = converted
        .origins
        .iter()
        .filter_map(|o| {
            let (row, _) = rows.get(o.row)?;
            let place = match o.col {
                Some(c) => {
                    let title = converted.titles.get(c).map(|t| t.replace('\n', " ")).unwrap_or_default();
                    format!("строка {row}, столбец {} («{title}»)", column_letters(c))
                }
                None => format!("строка {row}"),
            };
            Some((format!("appendices[0].table.{}", o.path), place))
        })
        .collect();
    Ok(Imported { document, summary: converted.summary, files: Vec::new(), places })
}

/// Builds the document from a Word file: the order when it has one, and its appendices.
/// `title` names a plan whose title the document does not give; `stem` names the files
/// written beside the input file («<stem>-логотип.png»).
pub fn from_docx(path: &std::path::Path, title: &str, stem: &str) -> Result<Imported, Diagnostic> {
    let read = docx::read_all(path)?;
    document::build(&read, title, stem)
}

/// The document as JSON text in the order a reader expects (the бланк before the order,
/// the order before its appendices, a column's key before its title), two-space indents.
pub fn to_json_text(v: &Value) -> String {
    let mut out = String::new();
    write_value(v, 0, &mut out);
    out.push('\n');
    out
}

/// Keys in reading order; others follow alphabetically.
const KEY_ORDER: &[&str] = &[
    "$schema",
    "style",
    "blank",
    "layout",
    "logo",
    "path",
    "width_mm",
    "parents",
    "organization",
    "full_name",
    "short_name",
    "address",
    "phone",
    "fax",
    "email",
    "site",
    "order",
    "id",
    "kind",
    "number",
    "date",
    "date_line",
    "date_format",
    "place",
    "mark",
    "approvals",
    "title",
    "subtitle",
    "period",
    "orientation",
    "position",
    "person",
    "body",
    "protocol",
    "act",
    "preamble",
    "decree",
    "points",
    "addressee",
    "from",
    "text",
    "appendix",
    "markers",
    "signatory",
    "e_signature",
    "acquaintance",
    "table",
    "columns",
    "key",
    "group",
    "width",
    "role",
    "follows",
    "number_row",
    "numbering",
    "section_numbers",
    "section_number_in_column",
    "values",
    "items",
    "sections",
    "clauses",
    "blocks",
    "qr",
    "unplaced",
];

fn write_value(v: &Value, indent: usize, out: &mut String) {
    let pad = |n: usize| "  ".repeat(n);
    match v {
        Value::Object(m) if !m.is_empty() => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort_by_key(|k| (KEY_ORDER.iter().position(|o| o == k).unwrap_or(KEY_ORDER.len()), k.as_str()));
            out.push_str("{\n");
            for (i, k) in keys.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push_str(": ");
                write_value(&m[*k], indent + 1, out);
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        Value::Array(a) if !a.is_empty() => {
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                write_value(x, indent + 1, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_letters_are_as_a_spreadsheet_shows_them() {
        let l: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].into_iter().map(super::column_letters).collect();
        assert_eq!(l, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn a_path_lies_in_its_most_specific_place() {
        let places = vec![
            ("appendices[0].table.items[1].values.deadline".to_owned(), "строка 3, столбец C".to_owned()),
            ("appendices[0].table.items[1]".to_owned(), "строка 3".to_owned()),
            ("appendices[0].table.items[10]".to_owned(), "строка 12".to_owned()),
        ];
        assert_eq!(
            super::place_of(&places, "appendices[0].table.items[1].values.deadline"),
            Some("строка 3, столбец C")
        );
        assert_eq!(super::place_of(&places, "appendices[0].table.items[1].values"), Some("строка 3"));
        assert_eq!(super::place_of(&places, "appendices[0].table.items[10].number"), Some("строка 12"));
        assert_eq!(super::place_of(&places, "appendices[0].title"), None);
    }

    use super::*;

    fn rows(t: &[&[&str]]) -> Vec<(usize, Vec<String>)> {
        t.iter().enumerate().map(|(i, r)| (i + 1, r.iter().map(|s| s.to_string()).collect())).collect()
    }

    #[test]
    fn columns_sections_and_numbers_are_recognised() {
        let t = rows(&[
            &["№ п/п", "Мероприятие", "Срок", "Ответственные"],
            &["", "Нормативное обеспечение", "", ""],
            &["1", "Приказ о наставничестве", "До 01.09.2024", "Иванова И.И."],
            &["2", "Положение", "Сентябрь 2024 г.", "Петрова П.П."],
            &["", "Кадровое обеспечение", "", ""],
            &["1", "Курсы", "В течение года", "Сидорова С.С."],
        ]);
        let got = from_rows(&t, "План").unwrap();
        let table = &got.document["appendices"][0]["table"];
        assert_eq!(table["numbering"], "per_section");
        assert_eq!(table["columns"][1]["role"], "activity");
        assert_eq!(table["sections"][1]["title"], "Кадровое обеспечение");
        assert_eq!(table["sections"][0]["items"][1]["values"]["deadline"]["deadline"]["month"], "2024-09");
        assert_eq!(table["sections"][1]["items"][0]["values"]["deadline"], "В течение года");
        assert!(table["sections"][0]["items"][0].get("number").is_none());
        let input: crate::input::model::Document = serde_json::from_value(got.document.clone()).unwrap();
        assert_eq!(input.appendices.len(), 1);
    }

    #[test]
    fn a_table_without_an_activity_column_is_refused_with_its_headers() {
        let err = from_rows(&rows(&[&["A", "B"], &["1", "2"]]), "План").unwrap_err();
        assert!(err.message.contains("«A», «B»"), "{err}");
    }
}
