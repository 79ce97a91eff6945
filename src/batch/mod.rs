//! Batch: one municipal order plus a school-level template, and a list of schools; every
//! school gets its own order and roadmap. The template is an ordinary input file whose
//! strings may hold `{{поле}}` placeholders, filled from the school's row; a bad row is
//! reported and the others are produced.

pub mod header;
pub mod run;

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::diag::Diagnostic;

/// The batch file: the municipal order (rendered once) and the school template.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchFile {
    /// Where the schema lives (ignored).
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The municipal order as an ordinary input document.
    #[serde(default)]
    pub municipal: Option<serde_json::Value>,
    /// The school's document, with `{{поле}}` placeholders.
    pub school: serde_json::Value,
    /// The school list's column headers in the organisation's words → the placeholders
    /// they fill: `{"Наименование ОУ": "short_name"}`.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// The column (after `columns`) whose value names each school's files; by default
    /// `short_name`, else `name`, else the list's first column.
    #[serde(default)]
    pub name_column: Option<String>,
}

impl BatchFile {
    /// Reads a batch file's text (comments allowed, as in every input file); the refusal
    /// is the reason in Russian, for the caller to name the file.
    pub fn parse(text: &str) -> Result<BatchFile, String> {
        serde_json::from_str(&crate::input::jsonc::to_json(text))
            .map_err(|e| crate::input::translate::serde_json_reason(&e))
    }
}

/// What a school list's header is matched against: the placeholders the template wants
/// (and `drop`), and the batch file's mapping of headers to them.
#[derive(Debug, Default, Clone)]
pub struct Wanted {
    /// The placeholders (and the name column) a header should name.
    pub names: Vec<String>,
    /// Header words → placeholder, from the batch file's `columns`.
    pub mapping: BTreeMap<String, String>,
}

/// One school: its fields and the activities it drops from the template.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// Field name → value («short_name», «director», «order_date», …).
    pub fields: BTreeMap<String, String>,
    /// Activities (by their exact text in the activity column) this school leaves out.
    #[serde(default)]
    pub drop: Vec<String>,
}

/// A schools file in JSON: `{"schools": [...]}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchoolsJson {
    schools: Vec<School>,
}

/// A list of schools as read: each row (its 1-based number in the file, the header being
/// row 1 of a table) with its school or why it cannot be used; the columns; notes on how
/// the file was read (an encoding, a separator).
#[derive(Debug, Default)]
pub struct SchoolList {
    /// Rows in file order.
    pub rows: Vec<(usize, Result<School, String>)>,
    /// The field names (the table's header; the JSON list's keys).
    pub columns: Vec<String>,
    /// How the file was read, for the user («Windows-1251», «;»).
    pub notes: Vec<String>,
}

/// Reads a list of schools: a table (CSV as Excel saves it — UTF-8 with or without BOM or
/// Windows-1251, «,» or «;» or tab — or the first sheet of an .xlsx, .xls or .ods) with a
/// header naming the fields, one school per row, a `drop` column listing activities
/// separated by «;»; or JSON `{"schools": [...]}`. The header is found by the columns
/// `wanted` (under title rows, in two levels, in the organisation's words: see
/// [`header::find`]). A row that does not fit the header fails alone; only a file with no
/// usable header fails as a whole.
pub fn read_school_list(path: &std::path::Path, wanted: &Wanted) -> Result<SchoolList, Diagnostic> {
    let name = path.display().to_string();
    if name.to_lowercase().ends_with(".json") {
        let src =
            crate::input::source::read_source(path).map_err(|d| Diagnostic::error(format!("{name}: {}", d.message)))?;
        return read_schools(&name, &src.text);
    }
    let (table, notes) = crate::sheet::read_table(path)?;
    Ok(table_schools(&name, table, notes, crate::sheet::is_spreadsheet(path), wanted))
}

/// Reads schools from the text of a CSV or JSON list (see [`read_school_list`]), the
/// header being the first row.
pub fn read_schools(name: &str, text: &str) -> Result<SchoolList, Diagnostic> {
    let text = text.trim_start_matches('\u{feff}');
    if name.to_lowercase().ends_with(".json") {
        let parsed: SchoolsJson = serde_json::from_str(&crate::input::jsonc::to_json(text))
            .map_err(|e| Diagnostic::error(format!("{name}: {}", crate::input::translate::serde_json_reason(&e))))?;
        let mut columns: Vec<String> = Vec::new();
        for s in &parsed.schools {
            for k in s.fields.keys() {
                if !columns.contains(k) {
                    columns.push(k.clone());
                }
            }
        }
        let rows = parsed.schools.into_iter().enumerate().map(|(i, s)| (i + 1, Ok(s))).collect();
        return Ok(SchoolList { rows, columns, notes: Vec::new() });
    }
    let (table, notes) = crate::sheet::csv_rows(name, text)?;
    Ok(table_schools(name, table, notes, false, &Wanted::default()))
}

/// Rows of a table (the header first) as schools; blank rows are skipped, a row with more
/// filled cells than the header has columns, or missing ones, fails alone. A sheet's row
/// simply ends at its last filled cell (`pad`): the cells after it are empty, not missing.
fn table_schools(
    name: &str,
    table: Vec<(usize, Vec<String>)>,
    mut notes: Vec<String>,
    pad: bool,
    wanted: &Wanted,
) -> SchoolList {
    let table: Vec<(usize, Vec<String>)> =
        table.into_iter().filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty())).collect();
    if table.is_empty() {
        return SchoolList {
            rows: vec![(1, Err(format!("{name}: в списке нет строки заголовка с названиями полей")))],
            columns: Vec::new(),
            notes,
        };
    }
    let mut names = wanted.names.clone();
    names.push("drop".to_owned());
    let found = header::find(&table, &names, &wanted.mapping);
    let header_line = table[found.at].0;
    if !found.skipped.is_empty() {
        let list: Vec<String> = found.skipped.iter().map(|(l, w)| format!("{l} («{}»)", cut(w, 40))).collect();
        notes.push(format!(
            "{name}: заголовок списка — строка {header_line}; строки над ним пропущены: {}",
            list.join(", ")
        ));
    }
    if found.two_level {
        notes.push(format!(
            "{name}: заголовок в две строки ({} и {header_line}); столбцы: «{}»",
            header_line - 1,
            found.columns.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join("», «")
        ));
    }
    let columns = found.columns;
    let rows = table.into_iter().skip(found.at + 1);
    let mut out = Vec::new();
    for (line, mut cells) in rows {
        // Trailing empty cells are what spreadsheets leave; they do not count.
        while cells.len() > columns.len() && cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        if pad && cells.len() < columns.len() {
            cells.resize(columns.len(), String::new());
        }
        if cells.len() != columns.len() {
            let why = if cells.len() < columns.len() {
                format!(
                    "в строке {} значений, а столбцов {}: нет значений для «{}» (не потерялся ли разделитель?)",
                    cells.len(),
                    columns.len(),
                    columns[cells.len()..].join("», «")
                )
            } else {
                format!(
                    "в строке {} значений, а столбцов {}: лишние значения (текст с «{}» нужно взять в кавычки)",
                    cells.len(),
                    columns.len(),
                    if name.to_lowercase().ends_with(".csv") { "," } else { "разделителем" }
                )
            };
            out.push((line, Err(why)));
            continue;
        }
        let mut fields = BTreeMap::new();
        let mut drop = Vec::new();
        for (h, v) in columns.iter().zip(&cells) {
            if h == "drop" {
                drop.extend(v.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned));
            } else {
                fields.insert(h.clone(), v.trim().to_owned());
            }
        }
        out.push((line, Ok(School { fields, drop })));
    }
    SchoolList { rows: out, columns, notes }
}

/// The first `max` characters of `s`, with «…» when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// The `{{поле}}` placeholders of a template, each with the first string it is in.
pub fn placeholders(template: &serde_json::Value) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) => {
                let mut rest = s.as_str();
                while let Some(start) = rest.find("{{") {
                    let after = &rest[start + 2..];
                    let Some(end) = after.find("}}") else { break };
                    let key = after[..end].trim().to_owned();
                    if !out.iter().any(|(k, _)| *k == key) {
                        out.push((key, s.clone()));
                    }
                    rest = &after[end + 2..];
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(template, &mut out);
    out
}

/// Fills `{{поле}}` placeholders in every string of the template; an unknown field is an
/// error naming it, never an empty gap in an official document.
pub fn fill(template: &serde_json::Value, school: &School) -> Result<serde_json::Value, Diagnostic> {
    use serde_json::Value;
    Ok(match template {
        Value::String(s) => Value::String(fill_str(s, school)?),
        Value::Array(a) => Value::Array(a.iter().map(|v| fill(v, school)).collect::<Result<_, _>>()?),
        Value::Object(o) => {
            let mut out = serde_json::Map::new();
            for (k, v) in o {
                out.insert(k.clone(), fill(v, school)?);
            }
            Value::Object(out)
        }
        other => other.clone(),
    })
}

fn fill_str(s: &str, school: &School) -> Result<String, Diagnostic> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or_else(|| Diagnostic::error(format!("незакрытая подстановка в «{s}»")))?;
        let key = after[..end].trim();
        let value = school.fields.get(key).ok_or_else(|| {
            let known: Vec<&str> = school.fields.keys().map(String::as_str).collect();
            Diagnostic::error(format!("нет поля «{key}» (есть: {})", known.join(", ")))
        })?;
        if value.is_empty() {
            return Err(Diagnostic::error(format!("поле «{key}» пустое")));
        }
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Removes the activities a school drops (matched by the text of any value), reporting
/// drops that match nothing.
pub fn drop_activities(doc: &mut serde_json::Value, drop: &[String]) -> Result<(), Diagnostic> {
    if drop.is_empty() {
        return Ok(());
    }
    let mut found: HashSet<String> = HashSet::new();
    fn walk(v: &mut serde_json::Value, drop: &[String], found: &mut HashSet<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(serde_json::Value::Array(items)) = o.get_mut("items") {
                    items.retain(|it| {
                        let hit = it["values"].as_object().and_then(|vals| {
                            vals.values()
                                .filter_map(|x| x.as_str())
                                .find(|t| drop.iter().any(|d| d == t))
                                .map(str::to_owned)
                        });
                        match hit {
                            Some(t) => {
                                found.insert(t);
                                false
                            }
                            None => true,
                        }
                    });
                }
                o.values_mut().for_each(|x| walk(x, drop, found));
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, drop, found)),
            _ => {}
        }
    }
    walk(doc, drop, &mut found);
    match drop.iter().find(|d| !found.contains(*d)) {
        Some(d) => Err(Diagnostic::error(format!("мероприятия «{d}» нет в шаблоне — нечего исключать"))),
        None => Ok(()),
    }
}

/// A file name from a school's name: Cyrillic kept, separators and reserved characters
/// removed, never a path; `taken` holds names already used (collisions get «-2», «-3»).
pub fn file_name(name: &str, taken: &mut HashSet<String>) -> String {
    let cleaned: String =
        name.chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                    ' '
                } else {
                    c
                }
            })
            .collect();
    let mut base: String = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    base = base.trim_matches(|c: char| c == '.' || c == ' ').to_owned();
    if base.is_empty() {
        base = "школа".to_owned();
    }
    if base.chars().count() > 100 {
        base = base.chars().take(100).collect();
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// A failure of one school.
#[derive(Debug, Clone)]
pub struct Failure {
    /// 1-based row in the schools file (CSV: counting the header as row 1).
    pub row: usize,
    /// The school's name, if known.
    pub school: String,
    /// What went wrong.
    pub reason: String,
}

/// Summarises the errors of a document built from `template` (the batch file's part
/// `part`: «school» or «municipal»), one each, by where the wrong value came from: the
/// list's fields the template's value there is made of («поле «order_date»: …»), else
/// the place in the batch file («school.order.title: …»).
pub fn reasons(diags: &[Diagnostic], template: &serde_json::Value, part: &str) -> String {
    diags
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .map(|d| {
            let fields: Vec<String> = d
                .path
                .as_ref()
                .and_then(|p| pointer(template, p))
                .map(|v| placeholders(v).into_iter().map(|(k, _)| k).collect())
                .unwrap_or_default();
            match (&d.path, fields.as_slice()) {
                (_, [one]) => format!("поле «{one}»: {}", d.message),
                (_, [_, ..]) => format!("поля «{}»: {}", fields.join("», «"), d.message),
                (Some(p), []) => format!("{part}.{p}: {}", d.message),
                (None, []) => d.message.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether a JSON text is a batch file (a school template, perhaps a municipal order) rather
/// than a document.
pub fn is_batch(text: &str) -> bool {
    let json = crate::input::jsonc::to_json(text);
    serde_json::from_str::<serde_json::Value>(&json)
        .ok()
        .and_then(|v| v.as_object().map(|o| o.contains_key("school") && !o.contains_key("order")))
        .unwrap_or(false)
}

/// Checks a batch file as far as it can be without the schools: its shape, the municipal
/// order as a document, and the school template with every placeholder filled by a sample
/// value (what is said about a value holding a placeholder is left out: the school's own
/// value will be checked when it is built). Diagnostics carry paths in the batch file.
pub fn check_batch(text: &str) -> Vec<Diagnostic> {
    use crate::diag::{JsonPath, Segment};
    let json = crate::input::jsonc::to_json(text);
    let file: BatchFile = match serde_json::from_str(&json) {
        Ok(f) => f,
        Err(e) => {
            let message = e.to_string();
            let message = message.rfind(" at line ").map_or(message.as_str(), |i| &message[..i]).to_owned();
            let (m, hint) = crate::input::translate::translate_serde_message(&message, e.classify());
            let mut d = Diagnostic::error(format!("файл пакета: {m}"))
                .hint(hint.unwrap_or_else(|| "файл пакета — {\"municipal\": {…}, \"school\": {…}}".into()));
            if e.line() > 0 {
                let at =
                    text.lines().take(e.line() - 1).map(|l| l.len() + 1).sum::<usize>() + e.column().saturating_sub(1);
                d = d.located(crate::diag::Location::of_span(text, at.min(text.len())..at.min(text.len())));
            }
            return vec![d];
        }
    };
    let mut out = Vec::new();
    let prefixed = |d: Diagnostic, part: &str| -> Diagnostic {
        let mut d = d;
        let mut path = vec![Segment::Key(part.to_owned())];
        path.extend(d.path.take().map(|p| p.0).unwrap_or_default());
        d.path = Some(JsonPath(path));
        d.location = None;
        d
    };
    if let Some(m) = &file.municipal {
        let loaded = crate::input::load_source(crate::input::source::Source {
            name: "municipal".into(),
            text: serde_json::to_string(m).unwrap_or_default(),
        });
        out.extend(loaded.diagnostics.into_iter().map(|d| prefixed(d, "municipal")));
    }
    let sample = sample_school(&file.school);
    if let Ok(filled) = fill(&file.school, &sample) {
        let loaded = crate::input::load_source(crate::input::source::Source {
            name: "school".into(),
            text: serde_json::to_string(&filled).unwrap_or_default(),
        });
        for d in loaded.diagnostics {
            // A misspelt key is wrong whatever its value; a value's fault may be the sample's.
            let about_key = d.message.starts_with("неизвестное поле");
            let holds_placeholder =
                d.path.as_ref().and_then(|p| pointer(&file.school, p)).is_some_and(|v| v.to_string().contains("{{"));
            if about_key || !holds_placeholder {
                out.push(prefixed(d, "school"));
            }
        }
    }
    crate::input::locate_all(text, &mut out);
    out
}

/// The value at `path` in `v`.
fn pointer<'a>(v: &'a serde_json::Value, path: &crate::diag::JsonPath) -> Option<&'a serde_json::Value> {
    path.0.iter().try_fold(v, |v, s| match s {
        crate::diag::Segment::Key(k) => v.get(k),
        crate::diag::Segment::Index(i) => v.get(i),
    })
}

/// The school template with every placeholder filled by a sample value (see
/// [`sample_school`]): a document the checks and `roll` can read.
pub fn with_samples(template: &serde_json::Value) -> Result<serde_json::Value, Diagnostic> {
    fill(template, &sample_school(template))
}

/// A school whose fields hold sample values fitting their names: a date for «…date»,
/// a number for «…number», a name for people, text otherwise.
fn sample_school(template: &serde_json::Value) -> School {
    let fields = placeholders(template)
        .into_iter()
        .map(|(k, _)| {
            let lower = k.to_lowercase();
            let v = if lower.contains("date") || lower.contains("дата") {
                "2000-09-01"
            } else if lower.contains("number") || lower.contains("номер") {
                "1"
            } else if ["director", "curator", "head", "person", "директор", "куратор"].iter().any(|w| lower.contains(w))
            {
                "И.И. Иванова"
            } else {
                "Образец"
            };
            (k, v.to_owned())
        })
        .collect();
    School { fields, drop: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(pairs: &[(&str, &str)]) -> School {
        School { fields: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), drop: vec![] }
    }

    #[test]
    fn placeholders_are_filled_or_named() {
        let s = school(&[("director", "И.И. Петрова")]);
        assert_eq!(fill_str("Ответственный: {{ director }}", &s).unwrap(), "Ответственный: И.И. Петрова");
        assert!(fill_str("{{curator}}", &s).unwrap_err().message.contains("нет поля «curator»"));
    }

    #[test]
    fn excel_csv_with_semicolons_reads_and_a_short_row_fails_alone() {
        let csv = "short_name;order_date;director\nМБОУ СОШ № 1;02.09.2023;К.О. Попова\nМБОУ СОШ № 2;04.09.2023\n\n\"Лицей; № 3\";05.09.2023;А.А. Орлова\n";
        let list = read_schools("schools.csv", csv).unwrap();
        assert_eq!(list.columns, ["short_name", "order_date", "director"]);
        assert_eq!(list.rows.len(), 3);
        assert_eq!(list.rows[0].1.as_ref().unwrap().fields["order_date"], "02.09.2023");
        let (line, err) = (&list.rows[1].0, list.rows[1].1.as_ref().unwrap_err());
        assert_eq!(*line, 3);
        assert!(err.contains("нет значений для «director»"), "{err}");
        assert_eq!(list.rows[2].0, 5);
        assert_eq!(list.rows[2].1.as_ref().unwrap().fields["short_name"], "Лицей; № 3");
        assert!(list.notes[0].contains("«;»"));
        assert_eq!(crate::sheet::sniff_separator("a,b,c\n"), b',');
        // Excel's CRLF endings: the lines are still counted right.
        let crlf = read_schools("s.csv", "a;b\r\nx;1\r\ny;2\r\nz\r\n").unwrap();
        assert_eq!(crlf.rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3, 4]);
        assert_eq!(crate::sheet::sniff_separator("a\tb\n"), b'\t');
    }

    #[test]
    fn placeholders_are_listed_once_with_their_string() {
        let t = serde_json::json!({"a": "{{x}} и {{ y }}", "b": ["{{x}}"]});
        assert_eq!(
            placeholders(&t),
            [("x".to_owned(), "{{x}} и {{ y }}".to_owned()), ("y".to_owned(), "{{x}} и {{ y }}".to_owned())]
        );
    }

    #[test]
    fn file_names_are_safe_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(file_name("МБОУ СОШ № 7", &mut taken), "МБОУ СОШ № 7");
        assert_eq!(file_name("МБОУ СОШ № 7", &mut taken), "МБОУ СОШ № 7-2");
        assert_eq!(file_name("../../etc/passwd", &mut taken), "etc passwd");
        assert_eq!(file_name("Гимназия «Ступени»: 1/2", &mut taken), "Гимназия «Ступени» 1 2");
        assert_eq!(file_name("..", &mut taken), "школа");
    }
}
