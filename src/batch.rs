//! Batch: one municipal order plus a school-level template, and a list of schools; every
//! school gets its own order and roadmap. The template is an ordinary input file whose
//! strings may hold `{{поле}}` placeholders, filled from the school's row; a bad row is
//! reported and the others are produced.

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
}

/// One school: its fields and the activities it drops from the template.
#[derive(Debug, Clone, Deserialize)]
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

/// Reads schools from CSV (a header row of field names, one school per row; a `drop`
/// column lists activities separated by «;») or from JSON.
pub fn read_schools(name: &str, text: &str) -> Result<Vec<School>, String> {
    if name.to_lowercase().ends_with(".json") {
        let parsed: SchoolsJson =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| format!("{name}: {e}"))?;
        return Ok(parsed.schools);
    }
    let mut reader =
        csv::ReaderBuilder::new().flexible(false).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("{name}: заголовок CSV: {e}"))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| format!("{name}, строка {}: {e}", i + 2))?;
        let mut fields = BTreeMap::new();
        let mut drop = Vec::new();
        for (h, v) in headers.iter().zip(rec.iter()) {
            if h == "drop" {
                drop.extend(v.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned));
            } else {
                fields.insert(h.clone(), v.trim().to_owned());
            }
        }
        out.push(School { fields, drop });
    }
    Ok(out)
}

/// Fills `{{поле}}` placeholders in every string of the template; an unknown field is an
/// error naming it, never an empty gap in an official document.
pub fn fill(template: &serde_json::Value, school: &School) -> Result<serde_json::Value, String> {
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

fn fill_str(s: &str, school: &School) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or_else(|| format!("незакрытая подстановка в «{s}»"))?;
        let key = after[..end].trim();
        let value = school.fields.get(key).ok_or_else(|| {
            let known: Vec<&str> = school.fields.keys().map(String::as_str).collect();
            format!("нет поля «{key}» (есть: {})", known.join(", "))
        })?;
        if value.is_empty() {
            return Err(format!("поле «{key}» пустое"));
        }
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Removes the activities a school drops (matched by the text of any value), reporting
/// drops that match nothing.
pub fn drop_activities(doc: &mut serde_json::Value, drop: &[String]) -> Result<(), String> {
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
        Some(d) => Err(format!("мероприятия «{d}» нет в шаблоне — нечего исключать")),
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

/// Summarises diagnostics of a school's document in one line each.
pub fn reasons(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .map(|d| match &d.path {
            Some(p) => format!("{} ({p})", d.message),
            None => d.message.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
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
        assert!(fill_str("{{curator}}", &s).unwrap_err().contains("нет поля «curator»"));
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
