//! Appendices: a roadmap table, a list of people, or a text of clauses.

use std::fmt;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize};

use super::{Cell, IsoDate, PersonWithPosition, Point};

/// One appendix to the order.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// A name for points to refer to this appendix by (`"appendix": "plan"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the appendix holds: `roadmap` needs `table`, `list` needs `items`, `text` needs `clauses`.
    pub kind: AppendixKind,
    /// An explicit number («Приложение 2» when appendix 1 is not part of this file);
    /// automatic otherwise (none when the order has one appendix).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The mark in the top-right corner.
    #[serde(default)]
    pub mark: Mark,
    /// Грифы at the top of the first page, above the mark: one stands at the right, two side
    /// by side (the first at the left: СОГЛАСОВАНО or ПРИНЯТО; the second at the right:
    /// УТВЕРЖДАЮ or УТВЕРЖДЕНО), three in a row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<super::Approval>,
    /// The title, centred; `\n` forces a line break.
    pub title: String,
    /// A line under the title («Период 2021 - 2024 г.г.», «по внедрению целевой модели наставничества.»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The period the plan covers; deadlines outside it are warned about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Page orientation; by default landscape for tables of five or more columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orientation: Option<Orientation>,
    /// The table of a `roadmap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// The numbered entries of a `list` («Состав рабочей группы»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<ListItem>>,
    /// The clauses of a `text` appendix (a Положение, a Порядок).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clauses: Option<Vec<Clause>>,
}

/// The kinds of appendix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppendixKind {
    /// A plan of activities as a table.
    Roadmap,
    /// A numbered list of people with positions.
    List,
    /// Clauses of text.
    Text,
}

/// The mark on the appendix's first page.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// «Приложение … к приказу …», «УТВЕРЖДЕН приказом …», both one above the other, or none.
    #[serde(default)]
    pub style: MarkStyle,
    /// Whether «№» stands before the number («Приложение № 2» or «Приложение 2»).
    #[serde(default = "yes")]
    pub number_sign: bool,
    /// How the order's date is written in the mark.
    #[serde(default)]
    pub date_format: DateFormat,
    /// Who issued the order, after «к приказу» / «приказом»; defaults to the order's `issuer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Whether the order's title follows in «» (seed 001).
    #[serde(default)]
    pub with_order_title: bool,
    /// Whether «к приказу <issuer>» is printed; `false` gives «Приложение № 1 / от … № …».
    #[serde(default = "yes")]
    pub to_order: bool,
    /// Where the mark stands: above the title (as ГОСТ shows it) or under it.
    #[serde(default)]
    pub placement: MarkPlacement,
    /// The order's date as the mark cites it, when it differs from `order.date` (real
    /// appendices may cite another order than the one they travel with).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<super::IsoDate>,
    /// The order's number as the mark cites it, when it differs from `order.number`.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// Gender and number of the approved document, for УТВЕРЖДЕН/УТВЕРЖДЕНА/УТВЕРЖДЕНО/УТВЕРЖДЕНЫ;
    /// guessed from the title's first word when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_form: Option<GrammaticalForm>,
}

impl Default for Mark {
    fn default() -> Self {
        Mark {
            style: MarkStyle::default(),
            number_sign: true,
            date_format: DateFormat::default(),
            issuer: None,
            with_order_title: false,
            to_order: true,
            placement: MarkPlacement::default(),
            date: None,
            number: None,
            approved_form: None,
        }
    }
}

fn yes() -> bool {
    true
}

/// The kind of mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkStyle {
    /// «Приложение № 1 к приказу … от … № …».
    #[default]
    Appendix,
    /// «УТВЕРЖДЕН приказом … от … № …».
    Approved,
    /// Both, «Приложение» above «УТВЕРЖДЕН».
    Both,
    /// No mark at all: a plan that stands on its own, approved by a гриф or by nothing.
    None,
}

/// Where an appendix's mark stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkPlacement {
    /// In the top-right corner, above the title.
    #[default]
    AboveTitle,
    /// Under the title (some organisations set the title first).
    BelowTitle,
}

/// How a date is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// «28.08.2023».
    #[default]
    Numeric,
    /// «28 августа 2023 г.».
    Words,
    /// «от «28» августа 2023 г.».
    QuotedDay,
}

/// Gender and number of a noun, for agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrammaticalForm {
    /// План, Состав → УТВЕРЖДЕН.
    Masculine,
    /// Программа → УТВЕРЖДЕНА.
    Feminine,
    /// Положение → УТВЕРЖДЕНО.
    Neuter,
    /// Правила → УТВЕРЖДЕНЫ.
    Plural,
}

/// The period a plan covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Period {
    /// A school year by its first calendar year: 2023 → 1 September 2023 – 31 August 2024.
    SchoolYear(i32),
    /// Whole calendar years: `{"from": 2021, "to": 2024}`.
    Years(YearSpan),
    /// Exact dates.
    Dates(DateSpan),
}

/// Calendar years from–to, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    /// The first year.
    pub from: i32,
    /// The last year.
    pub to: i32,
}

/// Dates from–to, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateSpan {
    /// The first day.
    pub from: IsoDate,
    /// The last day.
    pub to: IsoDate,
}

/// Page orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Книжная.
    Portrait,
    /// Альбомная.
    Landscape,
}

/// A roadmap table.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// Whether a row «1 2 3 …» under the header numbers the columns.
    #[serde(default)]
    pub number_row: bool,
    /// How rows are numbered in the `number` column.
    #[serde(default)]
    pub numbering: Numbering,
    /// How top-level sections are numbered: `arabic` («1.») or `roman` («I.»).
    #[serde(default)]
    pub section_numbers: SectionNumbers,
    /// A section's number stands in the `number` column (the first column) and its title
    /// in a cell across the others, instead of «1. Title» across the whole row.
    #[serde(default)]
    pub section_number_in_column: bool,
    /// Activities outside any section (a table without sections, or before the first one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Activity>,
    /// Sections, each with a row spanning the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// One column of a table.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The key activities use for this column's value.
    pub key: String,
    /// The header text; `\n` forces a line break.
    pub title: String,
    /// Relative width (the widths are scaled to the page).
    #[serde(default = "unit_width")]
    pub width: f64,
    /// A title over this and the adjacent columns with the same group (two-level header:
    /// «Срок реализации» over «Дата начала» / «Дата окончания»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// What the column holds; `number` columns are filled automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ColumnRole>,
    /// For the `number` column: the key of a column whose merged cells it follows (a stage
    /// column): one number per merged group, merged over the same rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
}

fn unit_width() -> f64 {
    1.0
}

/// What a column holds; used for numbering and checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// «№ п/п», filled by automatic numbering.
    Number,
    /// The activity's name.
    Activity,
    /// A deadline («Сроки»).
    Deadline,
    /// Responsible people («Ответственный»); an empty one is warned about.
    Responsible,
    /// Participants.
    Participants,
    /// Expected result.
    Result,
    /// Performance indicator.
    Indicator,
}

/// How rows are numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// No numbers at all (sections have no numbers either).
    None,
    /// 1, 2, 3 … through the whole table; sections are numbered 1, 2, … on their own.
    Flat,
    /// Sections 1, 1.1; activities 1.1, 1.1.1 under them.
    #[default]
    Hierarchical,
    /// Sections 1., 2.; activities start again at 1 in every section.
    PerSection,
}

/// How top-level sections are numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionNumbers {
    /// «1.», «2.».
    #[default]
    Arabic,
    /// «I.», «II.» (sub-sections and activities keep Arabic numbers).
    Roman,
}

/// A section of the table: a row spanning all columns, then its activities and sub-sections.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// An explicit number; automatic otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// The section's title.
    pub title: String,
    /// Activities of the section, before any sub-sections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Activity>,
    /// Sub-sections (three levels of sections at most).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// One row of the plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// An explicit number; automatic otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// A value per column key; a missing key is an empty cell.
    pub values: Values,
}

/// Column key → cell value, in the order written. A key given twice is an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Values(pub IndexMap<String, Cell>);

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Values;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("объект «ключ столбца: значение»")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Values, A::Error> {
                let mut out = IndexMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    if out.contains_key(&key) {
                        return Err(de::Error::custom(format!(
                            "ключ «{key}» повторяется; второе значение затёрло бы первое"
                        )));
                    }
                    let value: Cell = map.next_value()?;
                    out.insert(key, value);
                }
                Ok(Values(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// One entry of a `list` appendix.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ListItem {
    /// Free text.
    Text(String),
    /// A person with a position: «Муравьева О.Ю., заместитель начальника Управления образования».
    Person(PersonWithPosition),
}

impl<'de> Deserialize<'de> for ListItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde_untagged::UntaggedEnumVisitor::new()
            .expecting("пункт списка строкой или объект {\"person\", \"position\"}")
            .string(|s| Ok(ListItem::Text(s.to_owned())))
            .map(|m| m.deserialize().map(ListItem::Person))
            .deserialize(d)
    }
}

/// A clause of a `text` appendix: an optional heading and numbered points.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// The clause heading («Общие положения»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Paragraphs without numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    /// Numbered points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// Paragraphs, points and lists in the order the clause reads, instead of
    /// `paragraphs` then `points`: a string is a paragraph, `{"point": {…}}` a numbered
    /// point (numbered among the clause's points), `{"list": {…}}` a list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<ClauseBlock>,
}

/// One block of a clause.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ClauseBlock {
    /// A paragraph.
    Text(String),
    /// A point or a list.
    Object(ClauseObject),
}

/// A point or a list in a clause.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ClauseObject {
    /// A numbered point (with its sub-points).
    Point(Box<Point>),
    /// A list with dashes, bullets or numbers.
    List(super::List),
}

impl<'de> serde::Deserialize<'de> for ClauseBlock {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde_untagged::UntaggedEnumVisitor::new()
            .expecting("абзац строкой, {\"point\": {…}} или {\"list\": {…}}")
            .string(|s| Ok(ClauseBlock::Text(s.to_owned())))
            .map(|m| m.deserialize().map(ClauseBlock::Object))
            .deserialize(d)
    }
}

impl Period {
    /// The first and last day of the period (`None` for impossible years).
    pub fn bounds(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        use chrono::NaiveDate;
        match *self {
            Period::SchoolYear(y) => Some((NaiveDate::from_ymd_opt(y, 9, 1)?, NaiveDate::from_ymd_opt(y + 1, 8, 31)?)),
            Period::Years(YearSpan { from, to }) => {
                Some((NaiveDate::from_ymd_opt(from, 1, 1)?, NaiveDate::from_ymd_opt(to, 12, 31)?))
            }
            Period::Dates(DateSpan { from, to }) => Some((from.0, to.0)),
        }
    }
}

impl Appendix {
    /// Whether the appendix is set on landscape pages: as given, or for a roadmap of
    /// `style.landscape_from_columns` columns or more.
    pub fn landscape(&self, style: &super::Style) -> bool {
        match self.orientation {
            Some(Orientation::Landscape) => true,
            Some(Orientation::Portrait) => false,
            None => {
                self.kind == AppendixKind::Roadmap
                    && self.table.as_ref().map_or(0, |t| t.columns.len()) >= style.landscape_from_columns
            }
        }
    }

    /// The printed number of the appendix at `index` among `all`: explicit, or its position
    /// when the order has several appendices, or none for a single one.
    pub fn effective_number(all: &[Appendix], index: usize) -> Option<u32> {
        all[index].number.or_else(|| (all.len() > 1).then_some(index as u32 + 1))
    }
}
