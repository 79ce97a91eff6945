//! `import`: a roadmap kept in a spreadsheet (CSV as Excel saves it, .xlsx, .xls, .ods)
//! into an input file. One row per activity; the header row names the columns, whose roles
//! are recognised from their words («№», «Мероприятие», «Срок», «Ответственные» …); a
//! column of sections («Раздел», «Направление») groups the rows, and so does a row with
//! only its first cell filled. Numbers that count 1, 2, 3 … become automatic numbering;
//! others stay as they are written. Deadlines stay text (said in the summary).

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

/// What the import made: the document and, in Russian, what it recognised.
#[derive(Debug)]
pub struct Imported {
    /// The input document (a roadmap appendix, no order).
    pub document: Value,
    /// What was recognised and what was left as text.
    pub summary: Vec<String>,
}

/// What a header says a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Activity,
    Deadline,
    Responsible,
    Participants,
    Result,
    Indicator,
    Section,
    Other,
}

fn kind_of(header: &str) -> Kind {
    let h = header.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if h.trim() == "№" || has(&["п/п", "№ п", "номер"]) {
        Kind::Number
    } else if has(&["раздел", "направлен", "этап", "блок"]) {
        Kind::Section
    } else if has(&["мероприят", "наименование", "содержание", "вид работ"]) {
        Kind::Activity
    } else if has(&["срок", "дата", "период", "когда"]) {
        Kind::Deadline
    } else if has(&["ответствен", "исполнител"]) {
        Kind::Responsible
    } else if has(&["участник"]) {
        Kind::Participants
    } else if has(&["показател", "индикатор"]) {
        Kind::Indicator
    } else if has(&["результат", "итог", "форма отч", "продукт"]) {
        Kind::Result
    } else {
        Kind::Other
    }
}

impl Kind {
    fn key_and_role(self) -> (&'static str, Option<&'static str>) {
        match self {
            Kind::Number => ("no", Some("number")),
            Kind::Activity => ("activity", Some("activity")),
            Kind::Deadline => ("deadline", Some("deadline")),
            Kind::Responsible => ("responsible", Some("responsible")),
            Kind::Participants => ("participants", Some("participants")),
            Kind::Result => ("result", Some("result")),
            Kind::Indicator => ("indicator", Some("indicator")),
            Kind::Section | Kind::Other => ("col", None),
        }
    }
}

/// Builds the document from a table's rows (the header first; row numbers as the file
/// shows them). `title` is the appendix's title.
pub fn from_rows(rows: &[(usize, Vec<String>)], title: &str) -> Result<Imported, String> {
    let mut rows = rows.iter().filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    let (_, header) = rows.next().ok_or("в таблице нет строк")?;
    let kinds: Vec<Kind> = header.iter().map(|h| kind_of(h)).collect();
    if !kinds.contains(&Kind::Activity) {
        return Err(format!(
            "не найден столбец мероприятий: заголовки {}; назовите его «Мероприятие» или «Наименование мероприятия»",
            header.iter().map(|h| format!("«{}»", h.trim())).collect::<Vec<_>>().join(", ")
        ));
    }
    let mut summary = Vec::new();
    // Columns of the table (the section column is not one), with unique keys.
    let mut columns: Vec<(usize, String, Value)> = Vec::new();
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (h, k)) in header.iter().zip(&kinds).enumerate() {
        if *k == Kind::Section {
            summary.push(format!("столбец «{}» — разделы плана", h.trim()));
            continue;
        }
        let (base, role) = k.key_and_role();
        let n = used.entry(base.to_owned()).or_insert(0);
        *n += 1;
        let key = if *n == 1 && base != "col" { base.to_owned() } else { format!("{base}{}", n) };
        let mut col = Map::new();
        col.insert("key".into(), json!(key));
        col.insert("title".into(), json!(h.trim()));
        if let Some(r) = role {
            col.insert("role".into(), json!(r));
            summary.push(format!("столбец «{}» — {}", h.trim(), role_name(r)));
        } else {
            summary.push(format!("столбец «{}» — обычный текст", h.trim()));
        }
        columns.push((i, key, Value::Object(col)));
    }
    let section_col = kinds.iter().position(|k| *k == Kind::Section);
    let number_col = kinds.iter().position(|k| *k == Kind::Number);
    let body: Vec<&(usize, Vec<String>)> = rows.collect();
    // Widths from the text: the longer a column's words, the wider (within bounds).
    for (i, _, col) in &mut columns {
        let longest = body.iter().filter_map(|(_, r)| r.get(*i)).map(|c| c.chars().count()).max().unwrap_or(0);
        let mean: usize =
            body.iter().filter_map(|(_, r)| r.get(*i)).map(|c| c.chars().count()).sum::<usize>() / body.len().max(1);
        let width = if Some(*i) == number_col { 5 } else { (mean.max(longest / 3)).clamp(8, 40) };
        col["width"] = json!(width);
    }
    // Sections: a section column, or rows with only their first cell filled.
    let mut sections: Vec<(Option<String>, Vec<(usize, &Vec<String>)>)> = vec![(None, Vec::new())];
    for (line, r) in &body {
        let filled: Vec<usize> = (0..r.len()).filter(|&c| !r[c].trim().is_empty()).collect();
        let heading_row = section_col.is_none() && filled.len() == 1 && r.len() > 1 && Some(filled[0]) != number_col;
        let section = if heading_row {
            Some(r[filled[0]].trim().to_owned())
        } else {
            section_col.and_then(|c| r.get(c)).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
        };
        if let Some(s) = section {
            if sections.last().is_some_and(|(t, _)| t.as_deref() != Some(s.as_str())) {
                sections.push((Some(s), Vec::new()));
            }
            if heading_row {
                continue;
            }
        }
        sections.last_mut().expect("one at least").1.push((*line, r));
    }
    let item = |r: &Vec<String>| -> Value {
        let mut values = Map::new();
        for (i, key, _) in &columns {
            if Some(*i) == number_col {
                continue;
            }
            let v = r.get(*i).map(|s| s.trim()).unwrap_or("");
            if !v.is_empty() {
                values.insert(key.clone(), json!(v));
            }
        }
        json!({ "values": values })
    };
    // Automatic numbers when the written ones count 1, 2, 3 … (through the table or
    // anew in each section); otherwise each row keeps its own.
    let numbers: Vec<Vec<String>> = sections
        .iter()
        .map(|(_, rs)| {
            rs.iter()
                .map(|(_, r)| number_col.and_then(|c| r.get(c)).map(|s| s.trim().to_owned()).unwrap_or_default())
                .collect()
        })
        .collect();
    let counts = |from: usize, list: &[String]| {
        list.iter().enumerate().all(|(k, n)| n.trim_end_matches('.') == (from + k).to_string())
    };
    let flat_numbers: Vec<String> = numbers.iter().flatten().cloned().collect();
    let (numbering, explicit) = if number_col.is_none() {
        ("none", false)
    } else if counts(1, &flat_numbers) {
        ("flat", false)
    } else if numbers.iter().all(|n| counts(1, n)) {
        ("per_section", false)
    } else {
        ("flat", true)
    };
    summary.push(match (number_col, explicit) {
        (None, _) => "номеров нет".to_owned(),
        (Some(_), false) => "номера идут по порядку — нумерация автоматическая".to_owned(),
        (Some(_), true) => "номера не по порядку — записаны как есть".to_owned(),
    });
    let with_number = |v: &mut Value, n: &str| {
        if explicit && !n.is_empty() {
            v["number"] = json!(n.trim_end_matches('.'));
        }
    };
    let mut items = Vec::new();
    let mut out_sections = Vec::new();
    for ((title, rs), nums) in sections.iter().zip(&numbers) {
        let list: Vec<Value> = rs
            .iter()
            .zip(nums)
            .map(|((_, r), n)| {
                let mut v = item(r);
                with_number(&mut v, n);
                v
            })
            .collect();
        match title {
            None => items.extend(list),
            Some(t) => out_sections.push(json!({ "title": t, "items": list })),
        }
    }
    let activities =
        items.len() + out_sections.iter().map(|s| s["items"].as_array().map_or(0, Vec::len)).sum::<usize>();
    summary.push(format!("мероприятий: {activities}, разделов: {}", out_sections.len()));
    if kinds.contains(&Kind::Deadline) {
        summary.push("сроки оставлены текстом, как написаны".to_owned());
    }
    let mut table = Map::new();
    table.insert("columns".into(), Value::Array(columns.into_iter().map(|(_, _, c)| c).collect()));
    table.insert("numbering".into(), json!(numbering));
    if !items.is_empty() {
        table.insert("items".into(), Value::Array(items));
    }
    if !out_sections.is_empty() {
        table.insert("sections".into(), Value::Array(out_sections));
    }
    let document = json!({
        "$schema": "prikaz.schema.json",
        "appendices": [{ "kind": "roadmap", "title": title, "table": table }]
    });
    Ok(Imported { document, summary })
}

fn role_name(role: &str) -> &'static str {
    match role {
        "number" => "номера",
        "activity" => "мероприятия",
        "deadline" => "сроки",
        "responsible" => "ответственные",
        "participants" => "участники",
        "result" => "результат",
        _ => "показатели",
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(table["sections"][0]["items"][1]["values"]["deadline"], "Сентябрь 2024 г.");
        assert!(table["sections"][0]["items"][0].get("number").is_none());
        let input: crate::input::model::Document = serde_json::from_value(got.document.clone()).unwrap();
        assert_eq!(input.appendices.len(), 1);
    }

    #[test]
    fn a_table_without_an_activity_column_is_refused_with_its_headers() {
        let err = from_rows(&rows(&[&["A", "B"], &["1", "2"]]), "План").unwrap_err();
        assert!(err.contains("«A», «B»"), "{err}");
    }
}
