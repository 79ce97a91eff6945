//! Deadlines as data: every kind of «Срок» the source documents use.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

use super::{IsoDate, When, YearMonth};

/// # Срок
/// Срок: структурированный, если у него есть структура, или произвольный текст («В течение года», «По отдельному графику»).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Deadline {
    /// # Текстом
    /// Произвольный текст, печатается как написан; команда `roll` не может перенести его на другой год.
    Text(String),
    /// # Структурированный срок
    /// Структурированный срок.
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

/// # Структурированный срок
/// Виды структурированного срока: объект ровно с одним из этих ключей.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum DeadlineSpec {
    /// # Дата
    /// Точная дата: «20.10.2020». Записывается как `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    Date(IsoDate),
    /// # Месяц
    /// Месяц: «Сентябрь 2023 г.». Записывается как `ГГГГ-ММ`.
    Month(YearMonth),
    /// # Период
    /// С — по, каждое — дата или месяц: «Сентябрь–октябрь 2023 г.», «Октябрь 2023 г. – апрель 2024 г.».
    Range(DeadlineRange),
    /// # До даты
    /// «До 29 апреля 2022 г.», «До декабря 2022 г.».
    Until(When),
    /// # На дату
    /// «на 15.12.2020».
    AsOf(When),
    /// # Ежегодно
    /// «Ежегодно» или «Ежегодно, май».
    Yearly(Recurrence),
    /// # Ежеквартально
    /// «Ежеквартально».
    Quarterly(Recurrence),
    /// # Ежемесячно
    /// «Ежемесячно».
    Monthly(Recurrence),
    /// # Несколько сроков
    /// Несколько сроков в одной ячейке: каждый с новой строки, через запятую или через пробел (дата и следом текстовое пояснение).
    Several(Several),
}

/// # Период
/// Промежуток между двумя моментами времени.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRange {
    /// # Начало
    /// Начало: дата `ГГГГ-ММ-ДД` или месяц `ГГГГ-ММ`.
    pub from: When,
    /// # Окончание
    /// Окончание: дата или месяц, не раньше `from`.
    pub to: When,
}

/// # Повторяющийся срок
/// Повторяющийся срок.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recurrence {
    /// # Месяц
    /// Месяц, на который приходится срок (от 1 до 12), — для «Ежегодно, май».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// # Пояснение
    /// Текст после слова о периодичности («с последующим ежегодным обновлением»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// # Несколько сроков
/// Несколько сроков в одной ячейке.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Several {
    /// # Сроки
    /// Сроки по порядку.
    pub items: Vec<Deadline>,
    /// # Соединение
    /// Как они соединяются. По умолчанию — `lines`.
    #[serde(default)]
    pub join: Join,
}

/// # Соединение значений
/// Как соединяются несколько значений в одной ячейке.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// # С новой строки
    /// Каждое с новой строки.
    #[default]
    Lines,
    /// # Через запятую
    /// Через запятую: «на 15.12.2020, ежеквартально».
    Comma,
    /// # Через пробел
    /// Через пробел: дата и следом слова, «До 15.01.2022 с последующим ежегодным обновлением».
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
