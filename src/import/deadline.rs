//! Deadlines read back from text: «До 01.09.2024», «Сентябрь 2024 г.», «Октябрь 2024 г. –
//! март 2025 г.», «Ежегодно, май». A reading is kept only when printing it gives the very
//! text it came from, so nothing a reader sees changes; anything else («В течение года»,
//! «По графику») stays text.

use crate::input::deadline_text::{format_deadline, DateStyle};
use crate::input::model::{Deadline, DeadlineRange, DeadlineSpec, IsoDate, Join, Recurrence, Several, When, YearMonth};
use crate::ru::dates::{month_genitive, month_nominative};

/// The deadline as data (the value of a `deadline` cell object), if the text is one
/// printed with dates in `style`.
pub fn recognise(text: &str, style: DateStyle) -> Option<DeadlineSpec> {
    let text = text.trim();
    let check = |spec: DeadlineSpec| check_text(spec, text, style);
    if let Some(v) = guess(text).and_then(check) {
        return Some(v);
    }
    // Several in one cell: one per line, «на 15.12.2020, ежеквартально», or a date and a
    // remark «До 15.01.2022 с последующим ежегодным обновлением».
    let several = |parts: Vec<&str>, join: Join| -> Option<DeadlineSpec> {
        if parts.len() < 2 {
            return None;
        }
        // After a comma or a space a generated form goes on in lower case.
        let items: Vec<Deadline> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let p = p.trim();
                let raised =
                    if i > 0 && join != Join::Lines { crate::ru::dates::capitalize_first(p) } else { p.to_owned() };
                recognise(&raised, style).map_or_else(|| Deadline::Text(p.to_owned()), Deadline::Spec)
            })
            .collect();
        if items.iter().all(|d| matches!(d, Deadline::Text(_))) {
            return None;
        }
        check(DeadlineSpec::Several(Several { items, join }))
    };
    if text.contains('\n') {
        return several(text.split('\n').collect(), Join::Lines);
    }
    if let Some(v) = several(text.split(", ").collect(), Join::Comma) {
        return Some(v);
    }
    // A deadline followed by words: the shortest head that is one deadline.
    let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
    spaces.iter().find_map(|&i| {
        let (head, tail) = (&text[..i], text[i + 1..].trim());
        guess(head).and_then(|g| check_text(g, head, style)).filter(|_| !tail.is_empty())?;
        several(vec![head, tail], Join::Space)
    })
}

/// The spec if it prints as `text`.
fn check_text(spec: DeadlineSpec, text: &str, style: DateStyle) -> Option<DeadlineSpec> {
    let spec = Deadline::Spec(spec);
    let printed = format_deadline(&spec, style).replace('\u{a0}', " ");
    match spec {
        Deadline::Spec(s) if printed == text => Some(s),
        _ => None,
    }
}

fn guess(t: &str) -> Option<DeadlineSpec> {
    if let Some(w) = when(t) {
        return Some(match w {
            When::Day(d) => DeadlineSpec::Date(d),
            When::Month(m) => DeadlineSpec::Month(m),
        });
    }
    for (prefix, until) in [("До ", true), ("до ", true), ("на ", false)] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return when(rest).map(if until { DeadlineSpec::Until } else { DeadlineSpec::AsOf });
        }
    }
    type Kind = fn(Recurrence) -> DeadlineSpec;
    let kinds: [(&str, Kind); 3] = [
        ("Ежегодно", DeadlineSpec::Yearly),
        ("Ежеквартально", DeadlineSpec::Quarterly),
        ("Ежемесячно", DeadlineSpec::Monthly),
    ];
    for (word, kind) in kinds {
        if let Some(rest) = t.strip_prefix(word) {
            let rest = rest.trim();
            if rest.is_empty() {
                return Some(kind(Recurrence::default()));
            }
            if let Some(m) = rest.strip_prefix(", ").and_then(month_of) {
                return Some(kind(Recurrence { month: Some(m), note: None }));
            }
            return Some(kind(Recurrence { month: None, note: Some(rest.to_owned()) }));
        }
    }
    // Ranges: «Сентябрь–октябрь 2023 г.», «01.09.2023–15.09.2023», «A – B».
    let range = |from, to| Some(DeadlineSpec::Range(DeadlineRange { from, to }));
    if let Some((a, b)) = t.split_once(" – ") {
        return range(when(a)?, when(b)?);
    }
    if let Some((a, b)) = t.split_once('–') {
        if let (Some(a), Some(b)) = (when(a), when(b)) {
            return range(a, b);
        }
        // «Сентябрь–октябрь 2023 г.»: the year is written once, after the second month.
        if let (Some(ma), Some(When::Month(mb))) = (month_of(a), when(b)) {
            return range(When::Month(YearMonth::new(mb.year, ma)?), When::Month(mb));
        }
    }
    None
}

/// «01.09.2024» or «сентябрь 2024 г.» / «сентября 2024 г.».
fn when(t: &str) -> Option<When> {
    let t = t.trim();
    let day = |y, m, d| IsoDate::from_ymd(y, m, d).map(When::Day);
    // «29 апреля 2022 г.»
    let words: Vec<&str> = t.split(' ').collect();
    if words.len() == 4 && words[3] == "г." {
        if let (Ok(d), Some(m), Ok(y)) = (words[0].parse::<u32>(), month_of(words[1]), words[2].parse::<i32>()) {
            if month_genitive(m) == words[1] {
                return day(y, m, d);
            }
        }
    }
    let parts: Vec<&str> = t.split('.').collect();
    if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        let (d, m, y) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
        return day(y, m, d);
    }
    let mut words = t.split(' ');
    let month = month_of(words.next()?)?;
    let year: i32 = words.next()?.parse().ok()?;
    if words.next() != Some("г.") || words.next().is_some() {
        return None;
    }
    YearMonth::new(year, month).map(When::Month)
}

/// A month's name in the nominative or genitive, any case.
fn month_of(word: &str) -> Option<u32> {
    let w = word.trim().to_lowercase();
    (1..=12).find(|&m| month_nominative(m) == w || month_genitive(m) == w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn deadlines_are_read_back_only_when_they_print_the_same() {
        let recognise = |t: &str| super::recognise(t, DateStyle::Numeric).map(|s| serde_json::to_value(s).unwrap());
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
        let words =
            super::recognise("До 29 апреля 2022 г.", DateStyle::Words).map(|s| serde_json::to_value(s).unwrap());
        assert_eq!(words, Some(json!({ "until": "2022-04-29" })));
        assert_eq!(recognise("До 29 апреля 2022 г."), None);
    }
}
