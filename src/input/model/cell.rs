//! Table cell values: text, several lines, lists, people, deadlines, spans.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

use super::{Deadline, DeadlineRange, DeadlineSpec, IsoDate, PersonRef, Recurrence, Several, When, YearMonth};

/// The value of one cell.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "Значение ячейки", description = "Значение одной ячейки.")]
#[serde(untagged)]
pub enum Cell {
    /// Text; `\n` starts a new line inside the cell.
    #[schemars(title = "Текст", description = "Текст; `\\n` начинает новую строку внутри ячейки.")]
    Text(String),
    /// Several paragraphs and lists, in order («Проведение совещания для:» then a dash list).
    #[schemars(
        title = "Абзацы и списки",
        description = "Несколько абзацев и списков по порядку («Проведение совещания для:», а затем список с тире)."
    )]
    Blocks(Vec<Block>),
    /// A structured value.
    #[schemars(
        title = "Структурированное значение",
        description = "Структурированное значение: люди, список, срок или объединённая ячейка."
    )]
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

/// What a structured cell value may be written as: the four kinds, and a deadline's own keys
/// standing for a deadline.
#[derive(Deserialize, JsonSchema)]
#[schemars(
    title = "Структурированное значение",
    description = "Структурированное значение ячейки: объект ровно с одним из этих ключей. Срок можно записать и без обёртки: `{\"date\": \"2024-09-02\"}` — то же, что `{\"deadline\": {\"date\": …}}`."
)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[schemars(rename = "CellObject")]
enum CellObjectInput {
    /// Several people (or roles, such as «Руководители ОУ»), one per line.
    #[schemars(
        title = "Люди",
        description = "Несколько человек (или ролей, например «Руководители ОУ»), по одному на строку."
    )]
    People(Vec<PersonRef>),
    /// A list inside the cell.
    #[schemars(title = "Список", description = "Список внутри ячейки.")]
    List(List),
    /// A deadline.
    #[schemars(title = "Срок", description = "Срок.")]
    Deadline(Deadline),
    /// A value that covers several consecutive rows and/or columns.
    #[schemars(
        title = "Объединённая ячейка",
        description = "Значение, занимающее несколько соседних строк и/или столбцов."
    )]
    Span(Box<Span>),
    /// A deadline on a date (short for `{"deadline": {"date": …}}`).
    #[schemars(
        title = "Срок — дата",
        description = "Срок на дату (краткая запись `{\"deadline\": {\"date\": …}}`): `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`."
    )]
    Date(IsoDate),
    /// A deadline in a month.
    #[schemars(title = "Срок — месяц", description = "Срок в пределах месяца: `ГГГГ-ММ`.")]
    Month(YearMonth),
    /// A deadline from–to.
    #[schemars(title = "Срок — период", description = "Срок с — по.")]
    Range(DeadlineRange),
    /// A deadline «до …».
    #[schemars(title = "Срок «до …»", description = "Срок «до …».")]
    Until(When),
    /// A deadline «на …».
    #[schemars(title = "Срок «на …»", description = "Срок «на …».")]
    AsOf(When),
    /// «Ежегодно».
    #[schemars(title = "Ежегодно", description = "«Ежегодно».")]
    Yearly(Recurrence),
    /// «Ежеквартально».
    #[schemars(title = "Ежеквартально", description = "«Ежеквартально».")]
    Quarterly(Recurrence),
    /// «Ежемесячно».
    #[schemars(title = "Ежемесячно", description = "«Ежемесячно».")]
    Monthly(Recurrence),
    /// Several deadlines.
    #[schemars(title = "Несколько сроков", description = "Несколько сроков.")]
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

/// A paragraph or a list inside a cell.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "Абзац или список", description = "Абзац или список внутри ячейки.")]
#[serde(untagged)]
pub enum Block {
    /// A paragraph.
    #[schemars(title = "Абзац", description = "Абзац.")]
    Text(String),
    /// A list: `{"list": {...}}`.
    #[schemars(title = "Список", description = "Список: `{\"list\": {...}}`.")]
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

/// A structured block inside a cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Блок-объект", description = "Структурированный блок внутри ячейки.")]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum BlockObject {
    /// A list.
    #[schemars(title = "Список", description = "Список.")]
    List(List),
}

/// A list of items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Список", description = "Список из элементов.")]
#[serde(deny_unknown_fields)]
pub struct List {
    /// How items are marked.
    #[schemars(title = "Обозначение элементов", description = "Чем обозначаются элементы. По умолчанию — `dash`.")]
    #[serde(default)]
    pub marker: ListMarker,
    /// The items, in order.
    #[schemars(title = "Элементы", description = "Элементы по порядку.")]
    pub items: Vec<String>,
}

/// The marker in front of list items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Обозначение элементов", description = "Знак перед элементами списка.")]
#[serde(rename_all = "snake_case")]
pub enum ListMarker {
    /// «- встреча-знакомство;»
    #[schemars(title = "Тире", description = "Тире: «- встреча-знакомство;».")]
    #[default]
    Dash,
    /// «• Лучшие практики наставничества.»
    #[schemars(title = "Маркер", description = "Маркер: «• Лучшие практики наставничества.»")]
    Bullet,
    /// «1) …»
    #[schemars(title = "Номер со скобкой", description = "Номер со скобкой: «1) …».")]
    Numbered,
    /// «1. …», with a hanging indent.
    #[schemars(title = "Номер с точкой", description = "Номер с точкой: «1. …», с выступом.")]
    NumberedDot,
}

/// A value spanning several rows (within one section) and/or columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Объединённая ячейка",
    description = "Значение, занимающее несколько строк (в пределах одного раздела) и/или столбцов."
)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// How many rows, counting this one (1 when it spans columns only).
    #[schemars(
        title = "Число строк",
        description = "Сколько строк занимает, считая эту (1, если объединяются только столбцы). По умолчанию — 1."
    )]
    #[serde(default = "one")]
    pub rows: u32,
    /// How many columns, counting this one.
    #[schemars(title = "Число столбцов", description = "Сколько столбцов занимает, считая этот. По умолчанию — 1.")]
    #[serde(default = "one")]
    pub columns: u32,
    /// The value printed in the merged cell.
    #[schemars(title = "Значение", description = "Значение, печатаемое в объединённой ячейке.")]
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
