//! Dates and months in the forms Russian documents use.

use chrono::{Datelike, NaiveDate};

const NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// «сентябрь»; "" outside 1..=12.
pub fn month_nominative(m: u32) -> &'static str {
    NOMINATIVE.get((m as usize).wrapping_sub(1)).copied().unwrap_or("")
}

/// «сентября»; "" outside 1..=12.
pub fn month_genitive(m: u32) -> &'static str {
    GENITIVE.get((m as usize).wrapping_sub(1)).copied().unwrap_or("")
}

/// The text with its first letter in upper case.
pub fn capitalize_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The text with its first letter in lower case.
pub fn decapitalize_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// «28.08.2023»: the standard's numeric form, no «г.».
pub fn date_numeric(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// «28 августа 2023 г.»: no-break spaces bind the day to the month and «г.» to the year; the
/// space between month and year may break, so a narrow table column never splits a number.
pub fn date_words(d: NaiveDate) -> String {
    format!("{}\u{a0}{} {}\u{a0}г.", d.day(), month_genitive(d.month()), d.year())
}

/// «"28" августа 2023 г.» in «ёлочки», as the seeds write the date of an order.
pub fn date_quoted_day(d: NaiveDate) -> String {
    format!("«{}»\u{a0}{} {}\u{a0}г.", d.day(), month_genitive(d.month()), d.year())
}

/// The fields a date pattern may hold, in braces: «{ДД}.{ММ}.{ГГГГ}».
pub const PATTERN_FIELDS: [&str; 8] = ["ДД", "Д", "ММ", "М", "месяца", "месяц", "ГГГГ", "ГГ"];

/// A date written by a pattern as a document prints it: «от {ДД}.{ММ}.{ГГГГ} г.» →
/// «от 09.02.2023 г.», «{ДД}. {ММ}. {ГГ} г.» → «31. 03. 22 г.», «{Д} {месяца} {ГГГГ} г.» →
/// «6 октября 2020 г.». Text outside braces is printed as written; the spaces of the pattern
/// are kept as typed. An unknown field is left as written (validation names it).
pub fn date_by_pattern(d: NaiveDate, pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let field = &rest[open + 1..open + close];
        match field {
            "ДД" => out.push_str(&format!("{:02}", d.day())),
            "Д" => out.push_str(&d.day().to_string()),
            "ММ" => out.push_str(&format!("{:02}", d.month())),
            "М" => out.push_str(&d.month().to_string()),
            "месяца" => out.push_str(month_genitive(d.month())),
            "месяц" => out.push_str(month_nominative(d.month())),
            "ГГГГ" => out.push_str(&d.year().to_string()),
            "ГГ" => out.push_str(&format!("{:02}", d.year().rem_euclid(100))),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The fields of a date pattern that are not known ones, and whether it names a day, a
/// month and a year.
pub fn pattern_faults(pattern: &str) -> (Vec<String>, bool) {
    let fields: Vec<&str> = pattern.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(f, _)| f)).collect();
    let unknown = fields.iter().filter(|f| !PATTERN_FIELDS.contains(f)).map(|f| format!("{{{f}}}")).collect();
    let has = |set: &[&str]| fields.iter().any(|f| set.contains(f));
    let complete = has(&["ДД", "Д"]) && has(&["ММ", "М", "месяца", "месяц"]) && has(&["ГГГГ", "ГГ"]);
    (unknown, complete)
}

/// «Сентябрь 2023 г.».
pub fn month_year(year: i32, month: u32) -> String {
    format!("{} {}\u{a0}г.", capitalize_first(month_nominative(month)), year)
}

/// Forms of a school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchoolYearForm {
    /// «2023–2024 учебный год».
    Nominative,
    /// «2023–2024 учебном году».
    Prepositional,
    /// «2023/2024».
    Slash,
    /// «2023–2024».
    Short,
}

/// A school year starting in `start`.
pub fn school_year(start: i32, form: SchoolYearForm) -> String {
    let end = start + 1;
    match form {
        SchoolYearForm::Nominative => format!("{start}–{end} учебный год"),
        SchoolYearForm::Prepositional => format!("{start}–{end} учебном году"),
        SchoolYearForm::Slash => format!("{start}/{end}"),
        SchoolYearForm::Short => format!("{start}–{end}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_printed_by_its_pattern() {
        let date = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        assert_eq!(date_by_pattern(date, "от {ДД}.{ММ}.{ГГГГ} г."), "от 01.03.2022 г.");
        assert_eq!(date_by_pattern(date, "{ДД}. {ММ}. {ГГ} г."), "01. 03. 22 г.");
        assert_eq!(date_by_pattern(date, "«{Д}» {месяца} {ГГГГ} года"), "«1» марта 2022 года");
        assert_eq!(date_by_pattern(date, "{Дата}"), "{Дата}");
        assert_eq!(pattern_faults("{Д} {месяца} {ГГГГ}"), (vec![], true));
        assert_eq!(pattern_faults("{ДД}.{MM}.{ГГГГ}"), (vec!["{MM}".to_owned()], false));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_seeds_dates() {
        assert_eq!(date_numeric(d(2023, 8, 28)), "28.08.2023");
        assert_eq!(date_numeric(d(2020, 10, 6)), "06.10.2020");
        assert_eq!(date_words(d(2022, 4, 29)), "29\u{a0}апреля 2022\u{a0}г.");
        assert_eq!(date_quoted_day(d(2023, 8, 28)), "«28»\u{a0}августа 2023\u{a0}г.");
        assert_eq!(month_year(2023, 9), "Сентябрь 2023\u{a0}г.");
        assert_eq!(month_genitive(12), "декабря");
        assert_eq!(month_nominative(13), "");
    }

    #[test]
    fn school_years() {
        assert_eq!(school_year(2023, SchoolYearForm::Nominative), "2023–2024 учебный год");
        assert_eq!(school_year(2023, SchoolYearForm::Prepositional), "2023–2024 учебном году");
        assert_eq!(school_year(2023, SchoolYearForm::Slash), "2023/2024");
    }
}
