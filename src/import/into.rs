//! `import TABLE --into DOC.json`: a plan's rows from a spreadsheet (or a Word table) put
//! into an existing document's roadmap appendix. The appendix keeps its columns, its
//! title, its mark and its numbering; only its rows (`items` and `sections`) are replaced,
//! and only the text of its `table` is rewritten — the rest of the file, comments and
//! formatting included, stays as it was.

use crate::diag::Diagnostic;

use serde_json::{Map, Value};

use crate::diag::JsonPath;
use crate::input::locate::Locator;
use crate::input::model::{ColumnRole, Table};
use crate::input::written::{self, Json};

/// The document's new text, and what was done (in Russian).
pub struct Merged {
    /// The whole file with the appendix's rows replaced.
    pub text: String,
    /// What was mapped to what, and which columns stay empty.
    pub summary: Vec<String>,
    /// The appendix whose rows were replaced (from 0).
    pub appendix: usize,
    /// Value keys of the table as imported → as the appendix names them.
    pub renames: Vec<(String, String)>,
}

impl Merged {
    /// `places` of the imported table (paths under `appendices[0].table`) as paths in the
    /// merged document.
    pub fn places(&self, places: &[(String, String)]) -> Vec<(String, String)> {
        let (from, to) = ("appendices[0].table.", format!("appendices[{}].table.", self.appendix));
        places
            .iter()
            .filter_map(|(p, place)| {
                let mut path = format!("{to}{}", p.strip_prefix(from)?);
                if let Some((head, key)) = path.rsplit_once(".values.") {
                    if let Some((_, renamed)) = self.renames.iter().find(|(f, _)| f == key) {
                        path = format!("{head}.values.{renamed}");
                    }
                }
                Some((path, place.clone()))
            })
            .collect()
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Puts the rows of `table` (an imported table) into the roadmap appendix
/// `appendix` (its `id`, or its number from 1) of the document `text`.
pub fn merge(text: &str, table: &Table, appendix: Option<&str>) -> Result<Merged, Diagnostic> {
    let doc: Value = serde_json::from_str(&crate::input::jsonc::to_json(text)).map_err(|e| {
        Diagnostic::error(format!("файл документа не читается как JSON ({e}); сначала исправьте его: prikaz validate"))
    })?;
    let appendices = doc["appendices"].as_array().cloned().unwrap_or_default();
    let roadmaps: Vec<usize> = (0..appendices.len())
        .filter(|&i| appendices[i]["kind"] == "roadmap" && appendices[i]["table"].is_object())
        .collect();
    let describe = |i: usize| match appendices[i]["id"].as_str() {
        Some(id) => format!("{} («{id}»)", i + 1),
        None => (i + 1).to_string(),
    };
    let index = match appendix {
        Some(a) => {
            let by_id = appendices.iter().position(|x| x["id"].as_str() == Some(a));
            let by_number = a.parse::<usize>().ok().filter(|n| (1..=appendices.len()).contains(n)).map(|n| n - 1);
            by_id.or(by_number).ok_or_else(|| {
                Diagnostic::error(format!(
                    "в документе нет приложения «{a}»; приложения с таблицей плана: {}",
                    roadmaps.iter().map(|&i| describe(i)).collect::<Vec<_>>().join(", ")
                ))
            })?
        }
        None => match roadmaps.as_slice() {
            [one] => *one,
            [] => return Err(Diagnostic::error("в документе нет приложения с таблицей плана (kind: roadmap)")),
            many => {
                return Err(Diagnostic::error(format!(
                    "в документе несколько планов ({}); укажите, в какой: --appendix ID или номер",
                    many.iter().map(|&i| describe(i)).collect::<Vec<_>>().join(", ")
                )))
            }
        },
    };
    if !roadmaps.contains(&index) {
        return Err(Diagnostic::error(format!("приложение {} — не таблица плана (kind: roadmap)", describe(index))));
    }
    let existing: Vec<Map<String, Value>> = appendices[index]["table"]["columns"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c.as_object().cloned()).collect())
        .unwrap_or_default();
    let mut summary = Vec::new();
    // Each imported column to a column of the appendix: by title, else by a role only one column has.
    let mut renames: Vec<(String, String)> = Vec::new();
    let mut unmatched = Vec::new();
    let mut used = Vec::new();
    for col in &table.columns {
        let (key, title) = (col.key.as_str(), col.title.as_str());
        let role = col.role.and_then(|r| serde_json::to_value(r).ok()).and_then(|v| v.as_str().map(str::to_owned));
        let role = role.as_deref();
        if col.role == Some(ColumnRole::Number) {
            continue;
        }
        let by_title = existing.iter().find(|c| norm(c["title"].as_str().unwrap_or("")) == norm(title));
        let by_role = role.and_then(|r| {
            let same: Vec<&Map<String, Value>> = existing.iter().filter(|c| c["role"].as_str() == Some(r)).collect();
            (same.len() == 1).then(|| same[0])
        });
        match by_title.or(by_role) {
            Some(c) => {
                let to = c["key"].as_str().unwrap_or("").to_owned();
                summary.push(format!(
                    "столбец «{}» → «{}»",
                    title.replace('\n', " "),
                    c["title"].as_str().unwrap_or("").replace('\n', " ")
                ));
                used.push(to.clone());
                renames.push((key.to_owned(), to));
            }
            None => unmatched.push(format!("«{}»", title.replace('\n', " "))),
        }
    }
    if !unmatched.is_empty() {
        return Err(Diagnostic::error(format!(
            "столбцы {} из таблицы не найдены в приложении {} (его столбцы: {}); назовите их как в приложении",
            unmatched.join(", "),
            describe(index),
            existing
                .iter()
                .map(|c| format!("«{}»", c["title"].as_str().unwrap_or("").replace('\n', " ")))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    for c in &existing {
        let key = c["key"].as_str().unwrap_or("");
        if c["role"].as_str() != Some("number") && !used.iter().any(|u| u == key) {
            summary.push(format!(
                "столбец приложения «{}» останется пустым",
                c["title"].as_str().unwrap_or("").replace('\n', " ")
            ));
        }
    }
    // The appendix's table as written (its keys in the file's order), its rows replaced.
    let whole: Json = serde_json::from_str(&crate::input::jsonc::to_json(text))
        .map_err(|e| Diagnostic::error(format!("файл документа не читается как JSON ({e})")))?;
    let Some(Json::Object(mut target)) =
        at(&whole, "appendices").and_then(|a| at_index(a, index)).and_then(|a| at(a, "table")).cloned()
    else {
        return Err(Diagnostic::error("таблица приложения не найдена в тексте файла"));
    };
    target.shift_remove("items");
    target.shift_remove("sections");
    if let Json::Object(rows) = written::table(table) {
        for k in ["items", "sections"] {
            if let Some(r) = rows.get(k) {
                target.insert(k.to_owned(), rename_rows(r, &renames));
            }
        }
    }
    // The table's text, indented as the key it stands under.
    let path = JsonPath::root().key("appendices").index(index).key("table");
    let span = Locator::new(text)
        .value_span(&path)
        .ok_or_else(|| Diagnostic::error("таблица приложения не найдена в тексте файла"))?;
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let indent: String = text[line_start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    let body = Json::Object(target).pretty();
    let body = body.trim_end().replace('\n', &format!("\n{indent}"));
    let mut out = String::with_capacity(text.len() + body.len());
    out.push_str(&text[..span.start]);
    out.push_str(&body);
    out.push_str(&text[span.end..]);
    Ok(Merged { text: out, summary, appendix: index, renames })
}

/// The value under `key` of an object.
fn at<'a>(v: &'a Json, key: &str) -> Option<&'a Json> {
    match v {
        Json::Object(m) => m.get(key),
        _ => None,
    }
}

fn at_index(v: &Json, i: usize) -> Option<&Json> {
    match v {
        Json::Array(a) => a.get(i),
        _ => None,
    }
}

/// Rows with their value keys renamed (`items` and `sections`, at any depth).
fn rename_rows(v: &Json, renames: &[(String, String)]) -> Json {
    let renamed =
        |key: &str| renames.iter().find(|(from, _)| from == key).map_or(key, |(_, to)| to.as_str()).to_owned();
    match v {
        Json::Array(a) => Json::Array(a.iter().map(|x| rename_rows(x, renames)).collect()),
        Json::Object(m) => Json::Object(
            m.iter()
                .map(|(k, x)| match x {
                    Json::Object(values) if k == "values" => {
                        (k.clone(), Json::Object(values.iter().map(|(key, val)| (renamed(key), val.clone())).collect()))
                    }
                    _ => (k.clone(), rename_rows(x, renames)),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}
