//! Table cell values: text, several lines, lists, people, deadlines, spans.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

use super::{Deadline, DeadlineRange, DeadlineSpec, IsoDate, PersonRef, Recurrence, Several, When, YearMonth};

/// # Значение ячейки
/// Значение одной ячейки.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Cell {
    /// # Текст
    /// Текст; `\n` начинает новую строку внутри ячейки.
    Text(String),
    /// # Абзацы и списки
    /// Несколько абзацев и списков по порядку («Проведение совещания для:», а затем список с тире).
    Blocks(Vec<Block>),
    /// # Структурированное значение
    /// Структурированное значение: люди, список, срок или объединённая ячейка.
    Object(CellObject),
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        UntaggedEnumVisitor::new()
            .expecting(
                "значение ячейки: строка, массив абзацев или объект с одним из ключей \
                 \"people\", \"list\", \"deadline\", \"span\" (или сроком: \"date\", \"month\", \"until\" …)",
            )
            .string(|s| Ok(Cell::Text(s.to_owned())))
            .seq(|s| s.deserialize().map(Cell::Blocks))
            .map(|m| m.deserialize().map(Cell::Object))
            .deserialize(d)
    }
}

/// A structured cell value; the object has exactly one of these keys. A deadline may also
/// be written without its wrapper: `{"date": "2024-09-02"}` is `{"deadline": {"date": …}}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellObject {
    /// Several people (or roles, such as «Руководители ОУ»), one per line.
    People(Vec<PersonRef>),
    /// A list inside the cell.
    List(List),
    /// A deadline.
    Deadline(Deadline),
    /// A value that covers several consecutive rows and/or columns.
    Span(Box<Span>),
}

/// # Структурированное значение
/// Структурированное значение ячейки: объект ровно с одним из этих ключей. Срок можно записать и без обёртки: `{"date": "2024-09-02"}` — то же, что `{"deadline": {"date": …}}`.
#[derive(Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[schemars(rename = "CellObject")]
enum CellObjectInput {
    /// # Люди
    /// Несколько человек (или ролей, например «Руководители ОУ»), по одному на строку.
    People(Vec<PersonRef>),
    /// # Список
    /// Список внутри ячейки.
    List(List),
    /// # Срок
    /// Срок.
    Deadline(Deadline),
    /// # Объединённая ячейка
    /// Значение, занимающее несколько соседних строк и/или столбцов.
    Span(Box<Span>),
    /// # Срок — дата
    /// Срок на дату (краткая запись `{"deadline": {"date": …}}`): `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    Date(IsoDate),
    /// # Срок — месяц
    /// Срок в пределах месяца: `ГГГГ-ММ`.
    Month(YearMonth),
    /// # Срок — период
    /// Срок с — по.
    Range(DeadlineRange),
    /// # Срок «до …»
    /// Срок «до …».
    Until(When),
    /// # Срок «на …»
    /// Срок «на …».
    AsOf(When),
    /// # Ежегодно
    /// «Ежегодно».
    Yearly(Recurrence),
    /// # Ежеквартально
    /// «Ежеквартально».
    Quarterly(Recurrence),
    /// # Ежемесячно
    /// «Ежемесячно».
    Monthly(Recurrence),
    /// # Несколько сроков
    /// Несколько сроков.
    Several(Several),
}

impl<'de> Deserialize<'de> for CellObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use CellObjectInput as I;
        let spec = |s| CellObject::Deadline(Deadline::Spec(s));
        Ok(match I::deserialize(d)? {
            I::People(p) => CellObject::People(p),
            I::List(l) => CellObject::List(l),
            I::Deadline(x) => CellObject::Deadline(x),
            I::Span(x) => CellObject::Span(x),
            I::Date(x) => spec(DeadlineSpec::Date(x)),
            I::Month(x) => spec(DeadlineSpec::Month(x)),
            I::Range(x) => spec(DeadlineSpec::Range(x)),
            I::Until(x) => spec(DeadlineSpec::Until(x)),
            I::AsOf(x) => spec(DeadlineSpec::AsOf(x)),
            I::Yearly(x) => spec(DeadlineSpec::Yearly(x)),
            I::Quarterly(x) => spec(DeadlineSpec::Quarterly(x)),
            I::Monthly(x) => spec(DeadlineSpec::Monthly(x)),
            I::Several(x) => spec(DeadlineSpec::Several(x)),
        })
    }
}

impl JsonSchema for CellObject {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CellObject".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        CellObjectInput::json_schema(g)
    }
}

/// # Абзац или список
/// Абзац или список внутри ячейки.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Block {
    /// # Абзац
    /// Абзац.
    Text(String),
    /// # Список
    /// Список: `{"list": {...}}`.
    Object(BlockObject),
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        UntaggedEnumVisitor::new()
            .expecting("абзац строкой или объект {\"list\": {...}}")
            .string(|s| Ok(Block::Text(s.to_owned())))
            .map(|m| m.deserialize().map(Block::Object))
            .deserialize(d)
    }
}

/// # Блок-объект
/// Структурированный блок внутри ячейки.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum BlockObject {
    /// # Список
    /// Список.
    List(List),
}

/// # Список
/// Список из элементов.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct List {
    /// # Обозначение элементов
    /// Чем обозначаются элементы. По умолчанию — `dash`.
    #[serde(default)]
    pub marker: ListMarker,
    /// # Элементы
    /// Элементы по порядку.
    pub items: Vec<String>,
}

/// # Обозначение элементов
/// Знак перед элементами списка.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ListMarker {
    /// # Тире
    /// Тире: «- встреча-знакомство;».
    #[default]
    Dash,
    /// # Маркер
    /// Маркер: «• Лучшие практики наставничества.»
    Bullet,
    /// # Номер со скобкой
    /// Номер со скобкой: «1) …».
    Numbered,
    /// # Номер с точкой
    /// Номер с точкой: «1. …», с выступом.
    NumberedDot,
}

/// # Объединённая ячейка
/// Значение, занимающее несколько строк (в пределах одного раздела) и/или столбцов.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// # Число строк
    /// Сколько строк занимает, считая эту (1, если объединяются только столбцы). По умолчанию — 1.
    #[serde(default = "one")]
    pub rows: u32,
    /// # Число столбцов
    /// Сколько столбцов занимает, считая этот. По умолчанию — 1.
    #[serde(default = "one")]
    pub columns: u32,
    /// # Значение
    /// Значение, печатаемое в объединённой ячейке.
    pub value: Cell,
}

fn one() -> u32 {
    1
}

impl Cell {
    /// True when the cell prints nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Blocks(b) => b.iter().all(|b| matches!(b, Block::Text(s) if s.trim().is_empty())),
            Cell::Object(CellObject::People(p)) => p.is_empty(),
            Cell::Object(CellObject::List(l)) => l.items.is_empty(),
            Cell::Object(CellObject::Deadline(Deadline::Text(s))) => s.trim().is_empty(),
            Cell::Object(CellObject::Deadline(_)) => false,
            Cell::Object(CellObject::Span(s)) => s.value.is_empty(),
        }
    }

    /// The span, when this cell is merged with its neighbours.
    pub fn span(&self) -> Option<&Span> {
        match self {
            Cell::Object(CellObject::Span(s)) => Some(s),
            _ => None,
        }
    }

    /// The deadline inside this cell (looking through a span).
    pub fn deadline(&self) -> Option<&Deadline> {
        match self {
            Cell::Object(CellObject::Deadline(d)) => Some(d),
            Cell::Object(CellObject::Span(s)) => s.value.deadline(),
            _ => None,
        }
    }
}
