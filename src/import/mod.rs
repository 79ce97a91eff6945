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

use crate::input::model::{Appendix, AppendixKind, Document};

/// What the import made: the document and, in Russian, what it recognised.
#[derive(Debug)]
pub struct Imported {
    /// The input document: the order when the source has one, and its appendices.
    pub document: Document,
    /// What was recognised and what was left as text.
    pub summary: Vec<String>,
    /// Files to write beside the input file (a logo taken from the document): name, bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// Where rows and values came from in the source, by their JSON path in `document`
    /// («appendices[0].table.items[3].values.deadline» → «строка 12, столбец C («Срок»)»),
    /// most specific first: a check of the result is reported there, not in a file that
    /// was never written.
    pub places: Vec<(String, String)>,
    /// What the reader noticed about the file itself («столбцы разделены «;»»), in Russian.
    pub notes: Vec<String>,
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
    let mut appendix = Appendix::new(AppendixKind::Roadmap, title.to_owned());
    appendix.table = Some(converted.table);
    let document = Document { schema: Some(SCHEMA.to_owned()), appendices: vec![appendix], ..Document::default() };
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
    Ok(Imported { document, summary: converted.summary, files: Vec::new(), places, notes: Vec::new() })
}

/// Reads what a user has, chosen by the file's extension: a Word document (`from_docx`), or
/// a spreadsheet or CSV (`sheet` names the book's sheet; `from_rows`). `title` names a plan
/// whose title the file does not give; `files_stem` the files written beside the result.
pub fn read(
    file: &std::path::Path,
    title: &str,
    sheet: Option<&str>,
    files_stem: &str,
) -> Result<Imported, Diagnostic> {
    let ext = file.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "doc" | "odt" | "rtf" => Err(Diagnostic::error(format!(
            "формат .{ext} не читается; откройте файл в Word или LibreOffice и сохраните как .docx"
        ))),
        "docx" | "docm" if sheet.is_some() => {
            Err(Diagnostic::error("--sheet относится к книгам Excel и Calc, а это документ Word"))
        }
        "docx" | "docm" => from_docx(file, title, files_stem),
        _ => {
            // The reader names the file; the caller does too.
            let prefix = format!("{}: ", file.display());
            let (rows, notes, sheet_name) = crate::sheet::read_table_named(file, sheet).map_err(|e| {
                let e = e.to_string();
                Diagnostic::error(e.strip_prefix(&prefix).map_or_else(|| e.clone(), str::to_owned))
            })?;
            let mut imported = from_rows(&rows, title)?;
            imported.notes = notes;
            // A book's places name the sheet too.
            if let Some(sheet) = sheet_name {
                for (_, place) in &mut imported.places {
                    *place = format!("лист «{sheet}», {place}");
                }
            }
            Ok(imported)
        }
    }
}

/// Builds the document from a Word file: the order when it has one, and its appendices.
/// `title` names a plan whose title the document does not give; `stem` names the files
/// written beside the input file («<stem>-логотип.png»).
pub fn from_docx(path: &std::path::Path, title: &str, stem: &str) -> Result<Imported, Diagnostic> {
    let read = docx::read_all(path)?;
    document::build(&read, title, stem)
}

/// Where an imported file finds its schema (beside it, as `init` writes it).
const SCHEMA: &str = "prikaz.schema.json";

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
        let written = crate::input::written::value(&got.document);
        let table = &written["appendices"][0]["table"];
        assert_eq!(table["numbering"], "per_section");
        assert_eq!(table["columns"][1]["role"], "activity");
        assert_eq!(table["sections"][1]["title"], "Кадровое обеспечение");
        assert_eq!(table["sections"][0]["items"][1]["values"]["deadline"]["deadline"]["month"], "2024-09");
        assert_eq!(table["sections"][1]["items"][0]["values"]["deadline"], "В течение года");
        assert!(table["sections"][0]["items"][0].get("number").is_none());
        let input: crate::input::model::Document = serde_json::from_value(written.clone()).unwrap();
        assert_eq!(input.appendices.len(), 1);
    }

    #[test]
    fn a_table_without_an_activity_column_is_refused_with_its_headers() {
        let err = from_rows(&rows(&[&["A", "B"], &["1", "2"]]), "План").unwrap_err();
        assert!(err.message.contains("«A», «B»"), "{err}");
    }
}
