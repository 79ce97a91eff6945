//! Appendices: a roadmap table, a list of people, or a text of clauses.

use std::fmt;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize};

use super::{Cell, IsoDate, PersonWithPosition, Point};
pub use crate::ru::grammar::GrammaticalForm;

/// One appendix to the order.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Приложение", description = "Одно приложение к приказу.")]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// A name for points to refer to this appendix by (`"appendix": "plan"`).
    #[schemars(
        title = "Идентификатор",
        description = "Имя, по которому на приложение ссылаются пункты приказа (`\"appendix\": \"plan\"`)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the appendix holds: `roadmap` needs `table`, `list` needs `items`, `text` needs `clauses`.
    #[schemars(
        title = "Вид приложения",
        description = "Что содержит приложение: для `roadmap` нужна `table`, для `list` — `items`, для `text` — `clauses`."
    )]
    pub kind: AppendixKind,
    /// An explicit number («Приложение 2» when appendix 1 is not part of this file);
    /// automatic otherwise (none when the order has one appendix).
    #[schemars(
        title = "Номер приложения",
        description = "Номер, заданный явно («Приложение 2», если приложения 1 нет в этом файле); иначе — автоматически (без номера, если приложение у приказа одно)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The mark in the top-right corner.
    #[schemars(title = "Отметка о приложении", description = "Отметка в правом верхнем углу.")]
    #[serde(default)]
    pub mark: Mark,
    /// Грифы at the top of the first page, above the mark: one stands at the right, two side
    /// by side (the first at the left: СОГЛАСОВАНО or ПРИНЯТО; the second at the right:
    /// УТВЕРЖДАЮ or УТВЕРЖДЕНО), three in a row.
    #[schemars(
        title = "Грифы",
        description = "Грифы вверху первой страницы, над отметкой о приложении: один стоит справа, два — рядом (первый слева: СОГЛАСОВАНО или ПРИНЯТО; второй справа: УТВЕРЖДАЮ или УТВЕРЖДЕНО), три — в ряд."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<super::Approval>,
    /// The title, centred; `\n` forces a line break.
    #[schemars(title = "Заголовок", description = "Заголовок, по центру; `\\n` — принудительный перенос строки.")]
    pub title: String,
    /// A line under the title («Период 2021 - 2024 г.г.», «по внедрению целевой модели наставничества.»).
    #[schemars(
        title = "Подзаголовок",
        description = "Строка под заголовком («Период 2021 - 2024 г.г.», «по внедрению целевой модели наставничества.»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The period the plan covers; deadlines outside it are warned about.
    #[schemars(
        title = "Период",
        description = "Период, на который составлен план; о сроках вне него выдаётся предупреждение."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Page orientation; by default landscape for tables of five or more columns.
    #[schemars(
        title = "Ориентация страниц",
        description = "Ориентация страниц; по умолчанию для таблиц из пяти и более столбцов — альбомная."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orientation: Option<Orientation>,
    /// The table of a `roadmap`.
    #[schemars(title = "Таблица", description = "Таблица приложения вида `roadmap`.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// The numbered entries of a `list` («Состав рабочей группы»).
    #[schemars(
        title = "Элементы списка",
        description = "Нумерованные элементы приложения вида `list` («Состав рабочей группы»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<ListItem>>,
    /// The clauses of a `text` appendix (a Положение, a Порядок).
    #[schemars(title = "Разделы текста", description = "Разделы приложения вида `text` (Положение, Порядок).")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clauses: Option<Vec<Clause>>,
    /// The title before the mark and the грифы (header → title → «Приложение» → грифы).
    #[schemars(
        title = "Заголовок над грифами",
        description = "Печатать ли заголовок над отметкой и грифами (шапка → заголовок → «Приложение» → грифы), а не под ними. По умолчанию — `false`."
    )]
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub title_first: bool,
    /// A signature under the appendix (a plan signed by its author), with an e-signature
    /// mark when signed electronically.
    #[schemars(
        title = "Подпись под приложением",
        description = "Подпись под приложением — например, план подписывает заместитель директора; с отметкой об электронной подписи (`e_signature`), если подписан электронно."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signatory: Option<super::Signatory>,
}

/// The kinds of appendix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Вид приложения", description = "Виды приложений.")]
#[serde(rename_all = "snake_case")]
pub enum AppendixKind {
    /// A plan of activities as a table.
    #[schemars(title = "План мероприятий", description = "План мероприятий (дорожная карта) в виде таблицы.")]
    Roadmap,
    /// A numbered list of people with positions.
    #[schemars(title = "Список", description = "Нумерованный список лиц с должностями.")]
    List,
    /// Clauses of text.
    #[schemars(title = "Текст", description = "Текст из разделов.")]
    Text,
}

/// The mark on the appendix's first page.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Отметка о приложении", description = "Отметка на первой странице приложения.")]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// «Приложение … к приказу …», «УТВЕРЖДЕН приказом …», both one above the other, or none.
    #[schemars(
        title = "Вид отметки",
        description = "«Приложение … к приказу …», «УТВЕРЖДЕН приказом …», обе одна над другой или никакой. По умолчанию — `appendix`."
    )]
    #[serde(default)]
    pub style: MarkStyle,
    /// Whether «№» stands before the number («Приложение № 2» or «Приложение 2»).
    #[schemars(
        title = "Знак «№»",
        description = "Ставить ли «№» перед номером («Приложение № 2» или «Приложение 2»). По умолчанию — `true`."
    )]
    #[serde(default = "yes")]
    pub number_sign: bool,
    /// How the order's date is written in the mark.
    #[schemars(
        title = "Запись даты",
        description = "Как записывается дата приказа в отметке. По умолчанию — `numeric`."
    )]
    #[serde(default)]
    pub date_format: DateFormat,
    /// Who issued the order, after «к приказу» / «приказом»; defaults to the order's `issuer`.
    #[schemars(
        title = "Кто издал приказ",
        description = "Кто издал приказ — после «к приказу» / «приказом»; по умолчанию — `issuer` приказа."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Whether the order's title follows in «» (seed 001).
    #[schemars(
        title = "С заголовком приказа",
        description = "Приводить ли после реквизитов приказа его заголовок в «ёлочках». По умолчанию — `false`."
    )]
    #[serde(default)]
    pub with_order_title: bool,
    /// Whether «к приказу <issuer>» is printed; `false` gives «Приложение № 1 / от … № …».
    #[schemars(
        title = "Слова «к приказу»",
        description = "Печатать ли «к приказу <кем издан>»; `false` даёт «Приложение № 1 / от … № …». По умолчанию — `true`."
    )]
    #[serde(default = "yes")]
    pub to_order: bool,
    /// Where the mark stands: above the title (as ГОСТ shows it) or under it.
    #[schemars(
        title = "Место отметки",
        description = "Где стоит отметка: над заголовком (как в ГОСТ) или под ним. По умолчанию — `above_title`."
    )]
    #[serde(default)]
    pub placement: MarkPlacement,
    /// The order's date as the mark cites it, when it differs from `order.date` (real
    /// appendices may cite another order than the one they travel with).
    #[schemars(
        title = "Дата приказа в отметке",
        description = "Дата приказа, которую приводит отметка, если она отличается от `order.date` (приложение может ссылаться не на тот приказ, с которым оно идёт): `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<super::IsoDate>,
    /// The order's number as the mark cites it, when it differs from `order.number`.
    #[schemars(
        title = "Номер приказа в отметке",
        description = "Номер приказа, который приводит отметка, если он отличается от `order.number`. Строка или целое число."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// Gender and number of the approved document, for УТВЕРЖДЕН/УТВЕРЖДЕНА/УТВЕРЖДЕНО/УТВЕРЖДЕНЫ;
    /// guessed from the title's first word when absent.
    #[schemars(
        title = "Род и число",
        description = "Род и число утверждаемого документа — для формы УТВЕРЖДЕН/УТВЕРЖДЕНА/УТВЕРЖДЕНО/УТВЕРЖДЕНЫ; если не указано, определяется по первому слову заголовка."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_form: Option<GrammaticalForm>,
    /// The mark's lines as the organisation writes them, with the cited order's requisites
    /// as fields (so `roll` moves the date): replaces the wording the other fields make.
    #[schemars(
        title = "Строки отметки",
        description = "Строки отметки так, как их пишет организация, — вместо формулировки по остальным полям. Поля в фигурных скобках: `{приложение}` — номер приложения, `{номер}` — номер приказа, `{дата}` — его дата по `date_format`, `{ДД}`, `{Д}`, `{ММ}`, `{М}`, `{месяца}`, `{месяц}`, `{ГГГГ}`, `{ГГ}` — части даты, `{издатель}` — кто издал приказ, `{заголовок}` — заголовок приказа. Например: `[\"Приложение {приложение}\", \"к приказу № {номер} от {дата}\"]`."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<String>>,
}

/// The fields a mark's `lines` may hold besides a date's parts.
pub const MARK_FIELDS: [&str; 5] = ["приложение", "номер", "дата", "издатель", "заголовок"];

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
            lines: None,
        }
    }
}

fn yes() -> bool {
    true
}

/// The kind of mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Вид отметки", description = "Вид отметки о приложении.")]
#[serde(rename_all = "snake_case")]
pub enum MarkStyle {
    /// «Приложение № 1 к приказу … от … № …».
    #[schemars(title = "Приложение", description = "«Приложение № 1 к приказу … от … № …».")]
    #[default]
    Appendix,
    /// «УТВЕРЖДЕН приказом … от … № …».
    #[schemars(title = "УТВЕРЖДЕН", description = "«УТВЕРЖДЕН приказом … от … № …».")]
    Approved,
    /// Both, «Приложение» above «УТВЕРЖДЕН».
    #[schemars(title = "Обе отметки", description = "Обе отметки: «Приложение» над «УТВЕРЖДЕН».")]
    Both,
    /// No mark at all: a plan that stands on its own, approved by a гриф or by nothing.
    #[schemars(
        title = "Без отметки",
        description = "Отметки нет совсем: самостоятельный план, утверждённый грифом или не утверждаемый."
    )]
    None,
}

/// Where an appendix's mark stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Место отметки", description = "Где стоит отметка о приложении.")]
#[serde(rename_all = "snake_case")]
pub enum MarkPlacement {
    /// In the top-right corner, above the title.
    #[schemars(title = "Над заголовком", description = "В правом верхнем углу, над заголовком.")]
    #[default]
    AboveTitle,
    /// Under the title (some organisations set the title first).
    #[schemars(
        title = "Под заголовком",
        description = "Под заголовком (в некоторых организациях заголовок идёт первым)."
    )]
    BelowTitle,
}

/// How a date is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Запись даты", description = "Как записывается дата.")]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// «28.08.2023».
    #[schemars(title = "Цифрами", description = "Цифрами: «28.08.2023».")]
    #[default]
    Numeric,
    /// «28 августа 2023 г.».
    #[schemars(title = "Словами", description = "С месяцем словами: «28 августа 2023 г.».")]
    Words,
    /// «от «28» августа 2023 г.».
    #[schemars(title = "День в кавычках", description = "День в кавычках, месяц словами: «от «28» августа 2023 г.».")]
    QuotedDay,
}

/// The period a plan covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Период плана", description = "Период, на который составлен план.")]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Period {
    /// A school year by its first calendar year: 2023 → 1 September 2023 – 31 August 2024.
    #[schemars(
        title = "Учебный год",
        description = "Учебный год по его первому календарному году: `2023` — с 1 сентября 2023 г. по 31 августа 2024 г."
    )]
    SchoolYear(i32),
    /// Whole calendar years: `{"from": 2021, "to": 2024}`.
    #[schemars(title = "Календарные годы", description = "Целые календарные годы: `{\"from\": 2021, \"to\": 2024}`.")]
    Years(YearSpan),
    /// Exact dates.
    #[schemars(title = "Даты", description = "Точные даты.")]
    Dates(DateSpan),
}

/// Calendar years from–to, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Годы", description = "Календарные годы с — по, включительно.")]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    /// The first year.
    #[schemars(title = "Первый год", description = "Первый год.")]
    pub from: i32,
    /// The last year.
    #[schemars(title = "Последний год", description = "Последний год.")]
    pub to: i32,
}

/// Dates from–to, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Даты", description = "Даты с — по, включительно.")]
#[serde(deny_unknown_fields)]
pub struct DateSpan {
    /// The first day.
    #[schemars(title = "Первый день", description = "Первый день: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.")]
    pub from: IsoDate,
    /// The last day.
    #[schemars(title = "Последний день", description = "Последний день: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.")]
    pub to: IsoDate,
}

/// Page orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Ориентация страниц", description = "Ориентация страницы.")]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Книжная.
    #[schemars(title = "Книжная", description = "Книжная ориентация.")]
    Portrait,
    /// Альбомная.
    #[schemars(title = "Альбомная", description = "Альбомная ориентация.")]
    Landscape,
}

/// A roadmap table.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Таблица плана", description = "Таблица плана мероприятий (дорожной карты).")]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The columns, left to right.
    #[schemars(title = "Столбцы", description = "Столбцы, слева направо.")]
    pub columns: Vec<Column>,
    /// Whether a row «1 2 3 …» under the header numbers the columns.
    #[schemars(
        title = "Строка номеров столбцов",
        description = "Печатать ли под шапкой строку «1 2 3 …» с номерами столбцов. По умолчанию — `false`."
    )]
    #[serde(default)]
    pub number_row: bool,
    /// How rows are numbered in the `number` column.
    #[schemars(
        title = "Нумерация строк",
        description = "Как нумеруются строки в столбце `number`. По умолчанию — `hierarchical`."
    )]
    #[serde(default)]
    pub numbering: Numbering,
    /// How top-level sections are numbered: `arabic` («1.») or `roman` («I.»).
    #[schemars(
        title = "Нумерация разделов",
        description = "Как нумеруются разделы верхнего уровня: `arabic` («1.») или `roman` («I.»). По умолчанию — `arabic`."
    )]
    #[serde(default)]
    pub section_numbers: SectionNumbers,
    /// A section's number stands in the `number` column (the first column) and its title
    /// in a cell across the others, instead of «1. Title» across the whole row.
    #[schemars(
        title = "Номер раздела в столбце",
        description = "Номер раздела стоит в столбце `number` (первом), а заголовок — в ячейке, объединённой по остальным столбцам, вместо «1. Заголовок» во всю строку. По умолчанию — `false`."
    )]
    #[serde(default)]
    pub section_number_in_column: bool,
    /// Activities outside any section (a table without sections, or before the first one).
    #[schemars(
        title = "Мероприятия вне разделов",
        description = "Мероприятия, не входящие ни в один раздел (в таблице без разделов или перед первым разделом)."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Activity>,
    /// Sections, each with a row spanning the table.
    #[schemars(title = "Разделы", description = "Разделы; у каждого — строка во всю ширину таблицы.")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// One column of a table.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Столбец", description = "Один столбец таблицы.")]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The key activities use for this column's value.
    #[schemars(
        title = "Ключ столбца",
        description = "Ключ, под которым мероприятия указывают значение этого столбца."
    )]
    pub key: String,
    /// The header text; `\n` forces a line break.
    #[schemars(
        title = "Заголовок столбца",
        description = "Текст в шапке таблицы; `\\n` — принудительный перенос строки."
    )]
    pub title: String,
    /// Relative width (the widths are scaled to the page).
    #[schemars(
        title = "Ширина",
        description = "Относительная ширина (ширины пропорционально подгоняются под страницу). По умолчанию — 1."
    )]
    #[serde(default = "unit_width")]
    pub width: f64,
    /// A title over this and the adjacent columns with the same group (two-level header:
    /// «Срок реализации» over «Дата начала» / «Дата окончания»).
    #[schemars(
        title = "Общий заголовок",
        description = "Общий заголовок над этим и соседними столбцами с той же группой (двухуровневая шапка: «Срок реализации» над «Дата начала» / «Дата окончания»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// What the column holds; `number` columns are filled automatically.
    #[schemars(
        title = "Назначение столбца",
        description = "Что содержит столбец; столбцы `number` заполняются автоматически."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ColumnRole>,
    /// For the `number` column: the key of a column whose merged cells it follows (a stage
    /// column): one number per merged group, merged over the same rows.
    #[schemars(
        title = "Следует за столбцом",
        description = "Для столбца `number`: ключ столбца (например, этапов), за объединёнными ячейками которого он следует — один номер на каждую объединённую группу, объединённый по тем же строкам."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
}

fn unit_width() -> f64 {
    1.0
}

/// What a column holds; used for numbering and checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Назначение столбца", description = "Что содержит столбец; используется для нумерации и проверок.")]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// «№ п/п», filled by automatic numbering.
    #[schemars(title = "№ п/п", description = "«№ п/п», заполняется автоматической нумерацией.")]
    Number,
    /// The activity's name.
    #[schemars(title = "Мероприятие", description = "Наименование мероприятия.")]
    Activity,
    /// A deadline («Сроки»).
    #[schemars(title = "Срок", description = "Срок («Сроки»).")]
    Deadline,
    /// Responsible people («Ответственный»); an empty one is warned about.
    #[schemars(
        title = "Ответственные",
        description = "Ответственные исполнители («Ответственный»); о пустой ячейке выдаётся предупреждение."
    )]
    Responsible,
    /// Participants.
    #[schemars(title = "Участники", description = "Участники.")]
    Participants,
    /// Expected result.
    #[schemars(title = "Результат", description = "Ожидаемый результат.")]
    Result,
    /// Performance indicator.
    #[schemars(title = "Показатель", description = "Показатель результативности.")]
    Indicator,
}

/// How rows are numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Нумерация строк", description = "Как нумеруются строки.")]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// No numbers at all (sections have no numbers either).
    #[schemars(title = "Без номеров", description = "Без номеров (разделы тоже не нумеруются).")]
    None,
    /// 1, 2, 3 … through the whole table; sections are numbered 1, 2, … on their own.
    #[schemars(title = "Сквозная", description = "1, 2, 3 … по всей таблице; разделы нумеруются 1, 2, … отдельно.")]
    Flat,
    /// Sections 1, 1.1; activities 1.1, 1.1.1 under them.
    #[schemars(title = "Многоуровневая", description = "Разделы 1, 1.1; мероприятия в них — 1.1, 1.1.1.")]
    #[default]
    Hierarchical,
    /// Sections 1., 2.; activities start again at 1 in every section.
    #[schemars(
        title = "В пределах раздела",
        description = "Разделы 1., 2.; мероприятия в каждом разделе нумеруются заново с 1."
    )]
    PerSection,
}

/// How top-level sections are numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Нумерация разделов", description = "Как нумеруются разделы верхнего уровня.")]
#[serde(rename_all = "snake_case")]
pub enum SectionNumbers {
    /// «1.», «2.».
    #[schemars(title = "Арабские цифры", description = "Арабскими цифрами: «1.», «2.».")]
    #[default]
    Arabic,
    /// «I.», «II.» (sub-sections and activities keep Arabic numbers).
    #[schemars(
        title = "Римские цифры",
        description = "Римскими цифрами: «I.», «II.» (подразделы и мероприятия сохраняют арабские номера)."
    )]
    Roman,
}

/// A section of the table: a row spanning all columns, then its activities and sub-sections.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Раздел таблицы",
    description = "Раздел таблицы: строка во всю ширину, затем его мероприятия и подразделы."
)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// An explicit number; automatic otherwise.
    #[schemars(
        title = "Номер раздела",
        description = "Номер, заданный явно; иначе — автоматически. Строка или целое число."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// The section's title.
    #[schemars(title = "Заголовок раздела", description = "Заголовок раздела.")]
    pub title: String,
    /// Activities of the section, before any sub-sections.
    #[schemars(title = "Мероприятия", description = "Мероприятия раздела, перед подразделами.")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Activity>,
    /// Sub-sections (three levels of sections at most).
    #[schemars(title = "Подразделы", description = "Подразделы (не более трёх уровней разделов).")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// One row of the plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Мероприятие", description = "Одна строка плана.")]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// An explicit number, printed as typed; automatic otherwise.
    #[schemars(
        title = "Номер",
        description = "Номер, заданный явно; печатается как написан («1.1» — без точки, «1.1.» — с точкой). Иначе — автоматически. Строка или целое число."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// A value per column key; a missing key is an empty cell.
    #[schemars(
        title = "Значения",
        description = "Значение для каждого ключа столбца; отсутствующий ключ — пустая ячейка."
    )]
    pub values: Values,
}

/// Column key → cell value, in the order written. A key given twice is an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[schemars(
    title = "Значения по столбцам",
    description = "Ключ столбца → значение ячейки, в порядке записи. Повтор ключа — ошибка."
)]
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
#[schemars(title = "Элемент списка", description = "Один элемент приложения вида `list`.")]
#[serde(untagged)]
// Parsed once per document; a Box would only add noise where items are matched.
#[allow(clippy::large_enum_variant)]
pub enum ListItem {
    /// Free text.
    #[schemars(title = "Текст", description = "Произвольный текст.")]
    Text(String),
    /// A person with a position: «Муравьева О.Ю., заместитель начальника Управления образования».
    #[schemars(
        title = "Лицо с должностью",
        description = "Лицо с должностью: «Муравьева О.Ю., заместитель начальника Управления образования»."
    )]
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
#[schemars(
    title = "Раздел текста",
    description = "Раздел приложения вида `text`: необязательный заголовок и нумерованные пункты."
)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// The clause heading («Общие положения»).
    #[schemars(title = "Заголовок раздела", description = "Заголовок раздела («Общие положения»).")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Paragraphs without numbers.
    #[schemars(title = "Абзацы", description = "Абзацы без номеров.")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    /// Numbered points.
    #[schemars(title = "Пункты", description = "Нумерованные пункты.")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// Paragraphs, points and lists in the order the clause reads, instead of
    /// `paragraphs` then `points`: a string is a paragraph, `{"point": {…}}` a numbered
    /// point (numbered among the clause's points), `{"list": {…}}` a list.
    #[schemars(
        title = "Содержание по порядку",
        description = "Абзацы, пункты и списки в том порядке, в каком читается раздел, вместо `paragraphs`, а затем `points`: строка — абзац, `{\"point\": {…}}` — нумерованный пункт (нумеруется вместе с пунктами раздела), `{\"list\": {…}}` — список."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<ClauseBlock>,
}

/// One block of a clause.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "Блок раздела", description = "Один блок раздела.")]
#[serde(untagged)]
pub enum ClauseBlock {
    /// A paragraph.
    #[schemars(title = "Абзац", description = "Абзац.")]
    Text(String),
    /// A point or a list.
    #[schemars(title = "Пункт или список", description = "Пункт или список.")]
    Object(ClauseObject),
}

/// A point or a list in a clause.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Пункт или список", description = "Пункт или список в разделе.")]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ClauseObject {
    /// A numbered point (with its sub-points).
    #[schemars(title = "Пункт", description = "Нумерованный пункт (с подпунктами).")]
    Point(Box<Point>),
    /// A list with dashes, bullets or numbers.
    #[schemars(title = "Список", description = "Список с тире, маркерами или номерами.")]
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
