//! Calendar values of the input: ISO dates, months, and «a date or a month».
//!
//! They parse from strings with Russian messages, so an impossible date such as
//! `2023-02-30` is reported at its own line and column.

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date written as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub NaiveDate);

/// A month of a year written as `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year, 1900..=2200.
    pub year: i32,
    /// 1..=12
    pub month: u32,
}

/// A point in time with the precision the author gave: a day or a whole month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    /// A day: `2023-09-01`.
    Day(IsoDate),
    /// A whole month: `2023-09`.
    Month(YearMonth),
}

const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2200;

impl IsoDate {
    /// The day, when it exists and its year is one the format takes (1900–2200).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<IsoDate> {
        (MIN_YEAR..=MAX_YEAR).contains(&year).then(|| NaiveDate::from_ymd_opt(year, month, day)).flatten().map(IsoDate)
    }
}

impl YearMonth {
    /// The month, when it exists and its year is one the format takes (1900–2200).
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        ((MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }
    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("validated month")
    }
    /// The last day of the month.
    pub fn last_day(self) -> NaiveDate {
        let (y, m) = if self.month == 12 { (self.year + 1, 1) } else { (self.year, self.month + 1) };
        NaiveDate::from_ymd_opt(y, m, 1).expect("validated month").pred_opt().expect("not the first day ever")
    }
}

impl When {
    /// The earliest day this value can mean.
    pub fn first_day(self) -> NaiveDate {
        match self {
            When::Day(d) => d.0,
            When::Month(m) => m.first_day(),
        }
    }
    /// The latest day this value can mean.
    pub fn last_day(self) -> NaiveDate {
        match self {
            When::Day(d) => d.0,
            When::Month(m) => m.last_day(),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    YearMonth { year, month }.last_day().day()
}

/// Parses `YYYY-MM-DD`, or `ДД.ММ.ГГГГ` as Russian documents and Excel write dates,
/// strictly, with a Russian explanation of what is wrong.
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, String> {
    let form = || {
        format!("дата «{s}» записана не в виде ГГГГ-ММ-ДД и не в виде ДД.ММ.ГГГГ; напишите, например, «2023-08-28» или «28.08.2023»")
    };
    let parts: Vec<&str> = s.split('-').collect();
    let dotted: Vec<&str> = s.split('.').collect();
    let (y, m, d) = if parts.len() == 3 && parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2 {
        (parts[0], parts[1], parts[2])
    } else if dotted.len() == 3 && dotted[0].len() == 2 && dotted[1].len() == 2 && dotted[2].len() == 4 {
        (dotted[2], dotted[1], dotted[0])
    } else {
        return Err(form());
    };
    let num = |p: &str| p.chars().all(|c| c.is_ascii_digit()).then(|| p.parse::<u32>().ok()).flatten();
    let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) else {
        return Err(form());
    };
    let y = y as i32;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(format!("год {y} в дате «{s}» вне допустимого диапазона {MIN_YEAR}–{MAX_YEAR}"));
    }
    if !(1..=12).contains(&m) {
        return Err(format!("в дате «{s}» месяц {m:02} не существует: месяцы нумеруются от 01 до 12"));
    }
    let max = days_in_month(y, m);
    if d == 0 || d > max {
        return Err(format!("несуществующая дата «{s}»: в этом месяце {max} дн."));
    }
    Ok(NaiveDate::from_ymd_opt(y, m, d).expect("checked above"))
}

/// Parses `YYYY-MM` strictly.
pub fn parse_year_month(s: &str) -> Result<YearMonth, String> {
    let form = || format!("месяц «{s}» записан не в виде ГГГГ-ММ; напишите, например, «2023-09»");
    let Some((y, m)) = s.split_once('-') else { return Err(form()) };
    if y.len() != 4 || m.len() != 2 || !y.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
        return Err(form());
    }
    let (y, m): (i32, u32) = (y.parse().map_err(|_| form())?, m.parse().map_err(|_| form())?);
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(format!("год {y} в «{s}» вне допустимого диапазона {MIN_YEAR}–{MAX_YEAR}"));
    }
    if !(1..=12).contains(&m) {
        return Err(format!("месяца {m:02} не существует (в «{s}»): месяцы нумеруются от 01 до 12"));
    }
    Ok(YearMonth { year: y, month: m })
}

/// Parses a day (`YYYY-MM-DD` or `ДД.ММ.ГГГГ`) or a month (`YYYY-MM`), chosen by the
/// string's length.
pub fn parse_when(s: &str) -> Result<When, String> {
    match s.len() {
        7 => parse_year_month(s).map(When::Month),
        10 => parse_iso_date(s).map(|d| When::Day(IsoDate(d))),
        _ => Err(format!(
            "«{s}» — ни дата ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (например, «2023-08-28»), ни месяц ГГГГ-ММ (например, «2023-09»)"
        )),
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}
impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}
impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Day(d) => d.fmt(f),
            When::Month(m) => m.fmt(f),
        }
    }
}

macro_rules! string_value {
    ($ty:ty, $parse:expr, $expecting:literal, $pattern:literal, $title:literal, $descr:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl de::Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$ty, E> {
                        $parse(s).map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "pattern": $pattern, "title": $title, "description": $descr })
            }
        }
    };
}

string_value!(
    IsoDate,
    |s| parse_iso_date(s).map(IsoDate),
    "дата строкой ГГГГ-ММ-ДД или ДД.ММ.ГГГГ",
    "^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}[.][0-9]{2}[.][0-9]{4})$",
    "Дата",
    "Дата в виде `ГГГГ-ММ-ДД` (`2023-08-28`) или `ДД.ММ.ГГГГ` (`28.08.2023`)."
);
string_value!(
    YearMonth,
    parse_year_month,
    "месяц строкой ГГГГ-ММ",
    "^[0-9]{4}-[0-9]{2}$",
    "Месяц",
    "Месяц года в виде `ГГГГ-ММ`, например `2023-09`."
);
string_value!(
    When,
    parse_when,
    "дата ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, или месяц ГГГГ-ММ",
    "^([0-9]{4}-[0-9]{2}(-[0-9]{2})?|[0-9]{2}[.][0-9]{2}[.][0-9]{4})$",
    "Дата или месяц",
    "Момент времени с той точностью, какую указал автор: дата `ГГГГ-ММ-ДД` (`2023-08-28`) или `ДД.ММ.ГГГГ` (`28.08.2023`), либо целый месяц `ГГГГ-ММ` (`2023-09`)."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_the_seeds_parse() {
        assert_eq!(parse_iso_date("2023-08-28").unwrap(), NaiveDate::from_ymd_opt(2023, 8, 28).unwrap());
        assert_eq!(parse_year_month("2023-09").unwrap(), YearMonth { year: 2023, month: 9 });
        assert!(matches!(parse_when("2021-10-04").unwrap(), When::Day(_)));
        assert!(matches!(parse_when("2024-04").unwrap(), When::Month(_)));
    }

    #[test]
    fn impossible_dates_are_explained() {
        assert!(parse_iso_date("2023-02-29").unwrap_err().contains("28 дн."));
        assert!(parse_iso_date("2024-02-29").is_ok());
        assert!(parse_iso_date("2023-13-01").unwrap_err().contains("месяц 13"));
        // As Russian documents and Excel write them.
        assert_eq!(parse_iso_date("28.08.2023").unwrap(), NaiveDate::from_ymd_opt(2023, 8, 28).unwrap());
        assert!(parse_iso_date("31.02.2023").unwrap_err().contains("28 дн."));
        assert!(parse_iso_date("28.8.2023").unwrap_err().contains("ДД.ММ.ГГГГ"));
        assert!(matches!(parse_when("02.09.2023").unwrap(), When::Day(_)));
        assert!(parse_iso_date("2023-8-28").is_err());
        assert!(parse_year_month("2023-00").is_err());
        assert!(parse_when("сентябрь").is_err());
    }

    #[test]
    fn month_bounds() {
        let feb = YearMonth { year: 2024, month: 2 };
        assert_eq!(feb.last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        let dec = YearMonth { year: 2023, month: 12 };
        assert_eq!(dec.last_day(), NaiveDate::from_ymd_opt(2023, 12, 31).unwrap());
    }
}
