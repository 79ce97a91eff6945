//! Deadlines as data: every kind of «Срок» the source documents use.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

use super::{IsoDate, When, YearMonth};

/// A deadline: structured where it has structure, free text where it has none
/// («В течение года», «По отдельному графику»).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(
    title = "Срок",
    description = "Срок: структурированный, если у него есть структура, или произвольный текст («В течение года», «По отдельному графику»)."
)]
#[serde(untagged)]
pub enum Deadline {
    /// Free text, printed as written; `roll` cannot move it to another year.
    #[schemars(
        title = "Текстом",
        description = "Произвольный текст, печатается как написан; команда `roll` не может перенести его на другой год."
    )]
    Text(String),
    /// A structured deadline.
    #[schemars(title = "Структурированный срок", description = "Структурированный срок.")]
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
#[schemars(
    title = "Структурированный срок",
    description = "Виды структурированного срока: объект ровно с одним из этих ключей."
)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum DeadlineSpec {
    /// An exact date: «20.10.2020».
    #[schemars(
        title = "Дата",
        description = "Точная дата: «20.10.2020». Записывается как `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`."
    )]
    Date(IsoDate),
    /// A month: «Сентябрь 2023 г.».
    #[schemars(title = "Месяц", description = "Месяц: «Сентябрь 2023 г.». Записывается как `ГГГГ-ММ`.")]
    Month(YearMonth),
    /// From–to, each a date or a month: «Сентябрь–октябрь 2023 г.», «Октябрь 2023 г. – апрель 2024 г.».
    #[schemars(
        title = "Период",
        description = "С — по, каждое — дата или месяц: «Сентябрь–октябрь 2023 г.», «Октябрь 2023 г. – апрель 2024 г.»."
    )]
    Range(DeadlineRange),
    /// «До 29 апреля 2022 г.», «До декабря 2022 г.».
    #[schemars(title = "До даты", description = "«До 29 апреля 2022 г.», «До декабря 2022 г.».")]
    Until(When),
    /// «на 15.12.2020».
    #[schemars(title = "На дату", description = "«на 15.12.2020».")]
    AsOf(When),
    /// «Ежегодно» or «Ежегодно, май».
    #[schemars(title = "Ежегодно", description = "«Ежегодно» или «Ежегодно, май».")]
    Yearly(Recurrence),
    /// «Ежеквартально».
    #[schemars(title = "Ежеквартально", description = "«Ежеквартально».")]
    Quarterly(Recurrence),
    /// «Ежемесячно».
    #[schemars(title = "Ежемесячно", description = "«Ежемесячно».")]
    Monthly(Recurrence),
    /// Several deadlines in one cell: one per line, separated by commas, or by spaces (a date
    /// followed by a free-text remark).
    #[schemars(
        title = "Несколько сроков",
        description = "Несколько сроков в одной ячейке: каждый с новой строки, через запятую или через пробел (дата и следом текстовое пояснение)."
    )]
    Several(Several),
}

/// A period between two points in time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Период", description = "Промежуток между двумя моментами времени.")]
#[serde(deny_unknown_fields)]
pub struct DeadlineRange {
    /// The start: a date `YYYY-MM-DD` or a month `YYYY-MM`.
    #[schemars(title = "Начало", description = "Начало: дата `ГГГГ-ММ-ДД` или месяц `ГГГГ-ММ`.")]
    pub from: When,
    /// The end: a date or a month, not before `from`.
    #[schemars(title = "Окончание", description = "Окончание: дата или месяц, не раньше `from`.")]
    pub to: When,
}

/// A recurring deadline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Повторяющийся срок", description = "Повторяющийся срок.")]
#[serde(deny_unknown_fields)]
pub struct Recurrence {
    /// The month it falls in (1–12), for «Ежегодно, май».
    #[schemars(
        title = "Месяц",
        description = "Месяц, на который приходится срок (от 1 до 12), — для «Ежегодно, май»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// Text after the recurrence («с последующим ежегодным обновлением»).
    #[schemars(
        title = "Пояснение",
        description = "Текст после слова о периодичности («с последующим ежегодным обновлением»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Several deadlines in one cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Несколько сроков", description = "Несколько сроков в одной ячейке.")]
#[serde(deny_unknown_fields)]
pub struct Several {
    /// The deadlines, in order.
    #[schemars(title = "Сроки", description = "Сроки по порядку.")]
    pub items: Vec<Deadline>,
    /// How they are joined.
    #[schemars(title = "Соединение", description = "Как они соединяются. По умолчанию — `lines`.")]
    #[serde(default)]
    pub join: Join,
}

/// How several values are joined in one cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Соединение значений", description = "Как соединяются несколько значений в одной ячейке.")]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// Each on its own line.
    #[schemars(title = "С новой строки", description = "Каждое с новой строки.")]
    #[default]
    Lines,
    /// «на 15.12.2020, ежеквартально».
    #[schemars(title = "Через запятую", description = "Через запятую: «на 15.12.2020, ежеквартально».")]
    Comma,
    /// With a space: a date followed by words, «До 15.01.2022 с последующим ежегодным обновлением».
    #[schemars(
        title = "Через пробел",
        description = "Через пробел: дата и следом слова, «До 15.01.2022 с последующим ежегодным обновлением»."
    )]
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
