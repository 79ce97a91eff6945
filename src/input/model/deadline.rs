//! Deadlines as data: every kind of «Срок» the source documents use.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

use super::{IsoDate, When, YearMonth};

/// A deadline: structured where it has structure, free text where it has none
/// («В течение года», «По отдельному графику»).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Deadline {
    /// Free text, printed as written; `roll` cannot move it to another year.
    Text(String),
    /// A structured deadline.
    Spec(DeadlineSpec),
}

impl<'de> Deserialize<'de> for Deadline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        UntaggedEnumVisitor::new()
            .expecting("срок: строка («В течение года») или объект вроде {\"month\": \"2023-09\"}")
            .string(|s| Ok(Deadline::Text(s.to_owned())))
            .map(|m| m.deserialize().map(Deadline::Spec))
            .deserialize(d)
    }
}

/// The structured kinds of deadline; the object has exactly one of these keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum DeadlineSpec {
    /// An exact date: «20.10.2020».
    Date(IsoDate),
    /// A month: «Сентябрь 2023 г.».
    Month(YearMonth),
    /// From–to, each a date or a month: «Сентябрь–октябрь 2023 г.», «Октябрь 2023 г. – апрель 2024 г.».
    Range(DeadlineRange),
    /// «До 29 апреля 2022 г.», «До декабря 2022 г.».
    Until(When),
    /// «на 15.12.2020».
    AsOf(When),
    /// «Ежегодно» or «Ежегодно, май».
    Yearly(Recurrence),
    /// «Ежеквартально».
    Quarterly(Recurrence),
    /// «Ежемесячно».
    Monthly(Recurrence),
    /// Several deadlines in one cell: one per line, separated by commas, or by spaces (a date
    /// followed by a free-text remark).
    Several(Several),
}

/// A period between two points in time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRange {
    /// The start: a date `YYYY-MM-DD` or a month `YYYY-MM`.
    pub from: When,
    /// The end: a date or a month, not before `from`.
    pub to: When,
}

/// A recurring deadline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recurrence {
    /// The month it falls in (1–12), for «Ежегодно, май».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// Text after the recurrence («с последующим ежегодным обновлением»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Several deadlines in one cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Several {
    /// The deadlines, in order.
    pub items: Vec<Deadline>,
    /// How they are joined.
    #[serde(default)]
    pub join: Join,
}

/// How several values are joined in one cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// Each on its own line.
    #[default]
    Lines,
    /// «на 15.12.2020, ежеквартально».
    Comma,
    /// With a space: a date followed by words, «До 15.01.2022 с последующим ежегодным обновлением».
    Space,
}

impl Deadline {
    /// Every structured point in time inside this deadline, for checks and for `roll`.
    pub fn points_in_time(&self) -> Vec<When> {
        let mut out = Vec::new();
        self.collect_points(&mut out);
        out
    }

    fn collect_points(&self, out: &mut Vec<When>) {
        let Deadline::Spec(spec) = self else { return };
        match spec {
            DeadlineSpec::Date(d) => out.push(When::Day(*d)),
            DeadlineSpec::Month(m) => out.push(When::Month(*m)),
            DeadlineSpec::Range(r) => out.extend([r.from, r.to]),
            DeadlineSpec::Until(w) | DeadlineSpec::AsOf(w) => out.push(*w),
            DeadlineSpec::Yearly(_) | DeadlineSpec::Quarterly(_) | DeadlineSpec::Monthly(_) => {}
            DeadlineSpec::Several(s) => s.items.iter().for_each(|d| d.collect_points(out)),
        }
    }
}
