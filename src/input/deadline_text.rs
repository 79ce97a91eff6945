//! The input's deadlines as text (above `ru`, which knows no input type): «Сентябрь–октябрь 2023 г.», «До 29 апреля 2022 г.», «Ежегодно, май».

use chrono::Datelike;

use crate::input::model::{Deadline, DeadlineSpec, Join, Recurrence, When};
use crate::ru::dates::{
    capitalize_first, date_numeric, date_words, decapitalize_first, month_genitive, month_nominative,
};

/// How dates inside deadlines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DateStyle {
    /// «29.04.2022».
    #[default]
    Numeric,
    /// «29 апреля 2022 г.».
    Words,
}

/// How a document writes its deadlines: dates in figures or words, «г.» after a year or
/// not («Сентябрь 2024 г.» / «сентябрь 2024»), a capital first letter or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Form {
    /// Dates in figures or words.
    pub dates: DateStyle,
    /// «г.» after a year.
    pub year_suffix: bool,
    /// A capital first letter.
    pub capitalized: bool,
}

impl Default for Form {
    fn default() -> Self {
        Form { dates: DateStyle::Numeric, year_suffix: true, capitalized: true }
    }
}

/// The deadline as printed in `form`; text deadlines as written.
pub fn format_deadline_in(d: &Deadline, form: Form) -> String {
    let printed = format_deadline(d, form.dates);
    if matches!(d, Deadline::Text(_)) {
        return printed;
    }
    let printed = if form.year_suffix { printed } else { printed.replace("\u{a0}г.", "") };
    if form.capitalized {
        printed
    } else {
        printed.split('\n').map(decapitalize_first).collect::<Vec<_>>().join("\n")
    }
}

/// The deadline as printed; lines are separated by '\n'.
pub fn format_deadline(d: &Deadline, style: DateStyle) -> String {
    match d {
        Deadline::Text(t) => t.clone(),
        Deadline::Spec(s) => spec(s, style),
    }
}

fn spec(s: &DeadlineSpec, style: DateStyle) -> String {
    match s {
        DeadlineSpec::Date(d) => day(d.0, style),
        DeadlineSpec::Month(m) => capitalize_first(&month_year_lower(m.year, m.month)),
        DeadlineSpec::Range(r) => capitalize_first(&range(r.from, r.to, style)),
        DeadlineSpec::Until(w) => format!("До\u{a0}{}", until(*w, style)),
        DeadlineSpec::AsOf(w) => format!("на\u{a0}{}", when(*w, style)),
        DeadlineSpec::Yearly(r) => recurring("Ежегодно", r),
        DeadlineSpec::Quarterly(r) => recurring("Ежеквартально", r),
        DeadlineSpec::Monthly(r) => recurring("Ежемесячно", r),
        DeadlineSpec::Several(sv) => {
            let parts: Vec<String> = sv
                .items
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let t = format_deadline(d, style);
                    // Generated forms continue the sentence in lower case after a comma or a space.
                    if i > 0 && sv.join != Join::Lines && matches!(d, Deadline::Spec(_)) {
                        decapitalize_first(&t)
                    } else {
                        t
                    }
                })
                .collect();
            let sep = match sv.join {
                Join::Lines => "\n",
                Join::Comma => ", ",
                Join::Space => " ",
            };
            parts.join(sep)
        }
    }
}

fn day(d: chrono::NaiveDate, style: DateStyle) -> String {
    match style {
        DateStyle::Numeric => date_numeric(d),
        DateStyle::Words => date_words(d),
    }
}

fn month_year_lower(year: i32, month: u32) -> String {
    format!("{} {year}\u{a0}г.", month_nominative(month))
}

fn when(w: When, style: DateStyle) -> String {
    match w {
        When::Day(d) => day(d.0, style),
        When::Month(m) => month_year_lower(m.year, m.month),
    }
}

/// «До 29 апреля 2022 г.» takes the date as is; «До декабря 2022 г.» the month in the genitive.
fn until(w: When, style: DateStyle) -> String {
    match w {
        When::Day(d) => day(d.0, style),
        When::Month(m) => format!("{} {}\u{a0}г.", month_genitive(m.month), m.year),
    }
}

fn range(from: When, to: When, style: DateStyle) -> String {
    match (from, to) {
        (When::Month(a), When::Month(b)) if a.year == b.year => {
            format!("{}–{} {}\u{a0}г.", month_nominative(a.month), month_nominative(b.month), b.year)
        }
        (When::Day(a), When::Day(b))
            if style == DateStyle::Words && a.0.year() == b.0.year() && a.0.month() == b.0.month() =>
        {
            format!("{}–{}\u{a0}{} {}\u{a0}г.", a.0.day(), b.0.day(), month_genitive(a.0.month()), a.0.year())
        }
        (When::Day(a), When::Day(b)) if style == DateStyle::Numeric => {
            format!("{}–{}", date_numeric(a.0), date_numeric(b.0))
        }
        (a, b) => format!("{} – {}", when(a, style), when(b, style)),
    }
}

fn recurring(word: &str, r: &Recurrence) -> String {
    let mut s = word.to_owned();
    if let Some(m) = r.month.filter(|m| (1..=12).contains(m)) {
        s.push_str(", ");
        s.push_str(month_nominative(m));
    }
    if let Some(note) = &r.note {
        s.push(' ');
        s.push_str(note);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::model::{parse_when, DeadlineRange, IsoDate, Several, YearMonth};

    fn w(s: &str) -> When {
        parse_when(s).unwrap()
    }
    fn f(s: DeadlineSpec) -> String {
        format_deadline(&Deadline::Spec(s), DateStyle::Numeric).replace('\u{a0}', " ")
    }

    #[test]
    fn the_seeds_deadlines() {
        assert_eq!(f(DeadlineSpec::Month(YearMonth { year: 2023, month: 9 })), "Сентябрь 2023 г.");
        assert_eq!(
            f(DeadlineSpec::Range(DeadlineRange { from: w("2023-09"), to: w("2023-10") })),
            "Сентябрь–октябрь 2023 г."
        );
        assert_eq!(
            f(DeadlineSpec::Range(DeadlineRange { from: w("2023-10"), to: w("2024-04") })),
            "Октябрь 2023 г. – апрель 2024 г."
        );
        assert_eq!(
            f(DeadlineSpec::Range(DeadlineRange { from: w("2021-10-04"), to: w("2021-10-09") })),
            "04.10.2021–09.10.2021"
        );
        assert_eq!(
            format_deadline(&Deadline::Spec(DeadlineSpec::Until(w("2022-04-29"))), DateStyle::Words)
                .replace('\u{a0}', " "),
            "До 29 апреля 2022 г."
        );
        assert_eq!(f(DeadlineSpec::Until(w("2022-12"))), "До декабря 2022 г.");
        assert_eq!(f(DeadlineSpec::Yearly(Recurrence { month: Some(5), note: None })), "Ежегодно, май");
        assert_eq!(f(DeadlineSpec::Quarterly(Recurrence::default())), "Ежеквартально");
        assert_eq!(
            f(DeadlineSpec::Date(IsoDate(chrono::NaiveDate::from_ymd_opt(2020, 10, 20).unwrap()))),
            "20.10.2020"
        );
        assert_eq!(format_deadline(&Deadline::Text("В течение года".into()), DateStyle::Numeric), "В течение года");
    }

    #[test]
    fn several_in_one_cell() {
        let comma = Several {
            items: vec![
                Deadline::Spec(DeadlineSpec::AsOf(w("2020-12-15"))),
                Deadline::Spec(DeadlineSpec::Quarterly(Recurrence::default())),
            ],
            join: Join::Comma,
        };
        assert_eq!(f(DeadlineSpec::Several(comma)), "на 15.12.2020, ежеквартально");
        let space = Several {
            items: vec![
                Deadline::Spec(DeadlineSpec::Until(w("2022-01-15"))),
                Deadline::Text("с последующим ежегодным обновлением".into()),
            ],
            join: Join::Space,
        };
        assert_eq!(f(DeadlineSpec::Several(space)), "До 15.01.2022 с последующим ежегодным обновлением");
        let lines = Several {
            items: vec![
                Deadline::Spec(DeadlineSpec::Month(YearMonth { year: 2023, month: 10 })),
                Deadline::Spec(DeadlineSpec::Range(DeadlineRange { from: w("2024-04"), to: w("2024-05") })),
            ],
            join: Join::Lines,
        };
        assert_eq!(f(DeadlineSpec::Several(lines)), "Октябрь 2023 г.\nАпрель–май 2024 г.");
    }
}
