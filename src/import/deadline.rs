//! Deadlines read back from text: «До 01.09.2024», «Сентябрь 2024 г.», «Октябрь 2024 г. –
//! март 2025 г.», «Ежегодно, май». A reading is kept only when printing it gives the very
//! text it came from, so nothing a reader sees changes; anything else («В течение года»,
//! «По графику») stays text.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::input::deadline_text::{format_deadline, DateStyle};
use crate::input::model::{Deadline, DeadlineSpec};
use crate::ru::dates::{month_genitive, month_nominative};

/// The deadline as data (the value of a `deadline` cell object), if the text is one
/// printed with dates in `style`.
pub fn recognise(text: &str, style: DateStyle) -> Option<Value> {
    let text = text.trim();
    let check = |spec: Value| check_text(spec, text, style);
    if let Some(v) = guess(text).and_then(check) {
        return Some(v);
    }
    // Several in one cell: one per line, «на 15.12.2020, ежеквартально», or a date and a
    // remark «До 15.01.2022 с последующим ежегодным обновлением».
    let several = |parts: Vec<&str>, join: &str| -> Option<Value> {
        if parts.len() < 2 {
            return None;
        }
        // After a comma or a space a generated form goes on in lower case.
        let items: Vec<Value> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let p = p.trim();
                let raised =
                    if i > 0 && join != "lines" { crate::ru::dates::capitalize_first(p) } else { p.to_owned() };
                recognise(&raised, style).unwrap_or_else(|| json!(p))
            })
            .collect();
        if items.iter().all(Value::is_string) {
            return None;
        }
        check(json!({ "several": { "items": items, "join": join } }))
    };
    if text.contains('\n') {
        return several(text.split('\n').collect(), "lines");
    }
    if let Some(v) = several(text.split(", ").collect(), "comma") {
        return Some(v);
    }
    // A deadline followed by words: the shortest head that is one deadline.
    let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
    spaces.iter().find_map(|&i| {
        let (head, tail) = (&text[..i], text[i + 1..].trim());
        guess(head).and_then(|g| check_text(g, head, style)).filter(|_| !tail.is_empty())?;
        several(vec![head, tail], "space")
    })
}

/// The spec if it prints as `text`.
fn check_text(spec: Value, text: &str, style: DateStyle) -> Option<Value> {
    let parsed: DeadlineSpec = serde_json::from_value(spec.clone()).ok()?;
    let printed = format_deadline(&Deadline::Spec(parsed), style).replace('\u{a0}', " ");
    (printed == text).then_some(spec)
}

fn guess(t: &str) -> Option<Value> {
    if let Some(w) = when(t) {
        return Some(match w {
            W::Day(d) => json!({ "date": d }),
            W::Month(m) => json!({ "month": m }),
        });
    }
    for (prefix, key) in [("До ", "until"), ("до ", "until"), ("на ", "as_of")] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return when(rest).map(|w| json!({ key: w.text() }));
        }
    }
    for (word, key) in [("Ежегодно", "yearly"), ("Ежеквартально", "quarterly"), ("Ежемесячно", "monthly")]
    {
        if let Some(rest) = t.strip_prefix(word) {
            let rest = rest.trim();
            if rest.is_empty() {
                return Some(json!({ key: {} }));
            }
            if let Some(m) = rest.strip_prefix(", ").and_then(month_of) {
                return Some(json!({ key: { "month": m } }));
            }
            return Some(json!({ key: { "note": rest } }));
        }
    }
    // Ranges: «Сентябрь–октябрь 2023 г.», «01.09.2023–15.09.2023», «A – B».
    if let Some((a, b)) = t.split_once(" – ") {
        let (a, b) = (when(a)?, when(b)?);
        return Some(json!({ "range": { "from": a.text(), "to": b.text() } }));
    }
    if let Some((a, b)) = t.split_once('–') {
        if let (Some(a), Some(b)) = (when(a), when(b)) {
            return Some(json!({ "range": { "from": a.text(), "to": b.text() } }));
        }
        // «Сентябрь–октябрь 2023 г.»: the year is written once, after the second month.
        if let (Some(ma), Some(W::Month(mb))) = (month_of(a), when(b)) {
            let year = &mb[..4];
            return Some(json!({ "range": { "from": format!("{year}-{ma:02}"), "to": mb } }));
        }
    }
    None
}

enum W {
    Day(String),
    Month(String),
}

impl W {
    fn text(&self) -> &str {
        match self {
            W::Day(s) | W::Month(s) => s,
        }
    }
}

/// «01.09.2024» or «сентябрь 2024 г.» / «сентября 2024 г.».
fn when(t: &str) -> Option<W> {
    let t = t.trim();
    // «29 апреля 2022 г.»
    let words: Vec<&str> = t.split(' ').collect();
    if words.len() == 4 && words[3] == "г." {
        if let (Ok(d), Some(m), Ok(y)) = (words[0].parse::<u32>(), month_of(words[1]), words[2].parse::<i32>()) {
            if month_genitive(m) == words[1] {
                return NaiveDate::from_ymd_opt(y, m, d).map(|d| W::Day(d.format("%Y-%m-%d").to_string()));
            }
        }
    }
    let parts: Vec<&str> = t.split('.').collect();
    if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        let (d, m, y) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
        return NaiveDate::from_ymd_opt(y, m, d).map(|d| W::Day(d.format("%Y-%m-%d").to_string()));
    }
    let mut words = t.split(' ');
    let month = month_of(words.next()?)?;
    let year: i32 = words.next()?.parse().ok()?;
    if words.next() != Some("г.") || words.next().is_some() || !(1900..=2200).contains(&year) {
        return None;
    }
    Some(W::Month(format!("{year}-{month:02}")))
}

/// A month's name in the nominative or genitive, any case.
fn month_of(word: &str) -> Option<u32> {
    let w = word.trim().to_lowercase();
    (1..=12).find(|&m| month_nominative(m) == w || month_genitive(m) == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_are_read_back_only_when_they_print_the_same() {
        let recognise = |t: &str| super::recognise(t, DateStyle::Numeric);
        assert_eq!(recognise("До 01.09.2024"), Some(json!({ "until": "2024-09-01" })));
        assert_eq!(recognise("Сентябрь 2024 г."), Some(json!({ "month": "2024-09" })));
        assert_eq!(recognise("До декабря 2022 г."), Some(json!({ "until": "2022-12" })));
        assert_eq!(recognise("Ежегодно, май"), Some(json!({ "yearly": { "month": 5 } })));
        assert_eq!(
            recognise("Октябрь 2024 г. – март 2025 г."),
            Some(json!({ "range": { "from": "2024-10", "to": "2025-03" } }))
        );
        assert_eq!(
            recognise("Сентябрь–октябрь 2023 г."),
            Some(json!({ "range": { "from": "2023-09", "to": "2023-10" } }))
        );
        assert_eq!(recognise("20.10.2020"), Some(json!({ "date": "2020-10-20" })));
        // Text that would print differently stays text.
        assert_eq!(recognise("сентябрь 2024 г."), None);
        assert_eq!(recognise("В течение года"), None);
        assert_eq!(recognise("31.02.2024"), None);
        assert_eq!(recognise("До 1.09.2024"), None);
        assert_eq!(
            recognise("на 15.12.2020, ежеквартально"),
            Some(json!({ "several": { "items": [{ "as_of": "2020-12-15" }, { "quarterly": {} }], "join": "comma" } }))
        );
        assert_eq!(
            recognise("До 15.01.2022 с последующим ежегодным обновлением"),
            Some(
                json!({ "several": { "items": [{ "until": "2022-01-15" }, "с последующим ежегодным обновлением"], "join": "space" } })
            )
        );
        assert_eq!(super::recognise("До 29 апреля 2022 г.", DateStyle::Words), Some(json!({ "until": "2022-04-29" })));
        assert_eq!(recognise("До 29 апреля 2022 г."), None);
    }
}
