//! Appendices: a roadmap table, a list of people, or a text of clauses.

use std::fmt;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{de, Deserialize, Deserializer, Serialize};

use super::{Cell, IsoDate, PersonWithPosition, Point};
pub use crate::ru::grammar::GrammaticalForm;

/// # Приложение
/// Одно приложение к приказу.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// # Идентификатор
    /// Имя, по которому на приложение ссылаются пункты приказа (`"appendix": "plan"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// # Вид приложения
    /// Что содержит приложение: для `roadmap` нужна `table`, для `list` — `items`, для `text` — `clauses`.
    pub kind: AppendixKind,
    /// # Номер приложения
    /// Номер, заданный явно («Приложение 2», если приложения 1 нет в этом файле); иначе — автоматически (без номера, если приложение у приказа одно).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// # Отметка о приложении
    /// Отметка в правом верхнем углу.
    #[serde(default)]
    pub mark: Mark,
    /// # Грифы
    /// Грифы вверху первой страницы, над отметкой о приложении: один стоит справа, два — рядом (первый слева: СОГЛАСОВАНО или ПРИНЯТО; второй справа: УТВЕРЖДАЮ или УТВЕРЖДЕНО), три — в ряд.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<super::Approval>,
    /// # Заголовок
    /// Заголовок, по центру; `\n` — принудительный перенос строки.
    pub title: String,
    /// # Подзаголовок
    /// Строка под заголовком («Период 2021 - 2024 г.г.», «по внедрению целевой модели наставничества.»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// # Период
    /// Период, на который составлен план; о сроках вне него выдаётся предупреждение.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// # Ориентация страниц
    /// Ориентация страниц; по умолчанию для таблиц из пяти и более столбцов — альбомная.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orientation: Option<Orientation>,
    /// # Таблица
    /// Таблица приложения вида `roadmap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// # Элементы списка
    /// Нумерованные элементы приложения вида `list` («Состав рабочей группы»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<ListItem>>,
    /// # Разделы текста
    /// Разделы приложения вида `text` (Положение, Порядок).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clauses: Option<Vec<Clause>>,
    /// # Заголовок над грифами
    /// Печатать ли заголовок над отметкой и грифами (шапка → заголовок → «Приложение» → грифы), а не под ними. По умолчанию — `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub title_first: bool,
    /// # Подпись под приложением
    /// Подпись под приложением — например, план подписывает заместитель директора; с отметкой об электронной подписи (`e_signature`), если подписан электронно.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signatory: Option<super::Signatory>,
}

/// # Вид приложения
/// Виды приложений.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppendixKind {
    /// # План мероприятий
    /// План мероприятий (дорожная карта) в виде таблицы.
    Roadmap,
    /// # Список
    /// Нумерованный список лиц с должностями.
    List,
    /// # Текст
    /// Текст из разделов.
    Text,
}

/// # Отметка о приложении
/// Отметка на первой странице приложения.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// # Вид отметки
    /// «Приложение … к приказу …», «УТВЕРЖДЕН приказом …», обе одна над другой или никакой. По умолчанию — `appendix`.
    #[serde(default)]
    pub style: MarkStyle,
    /// # Знак «№»
    /// Ставить ли «№» перед номером («Приложение № 2» или «Приложение 2»). По умолчанию — `true`.
    #[serde(default = "yes")]
    pub number_sign: bool,
    /// # Запись даты
    /// Как записывается дата приказа в отметке. По умолчанию — `numeric`.
    #[serde(default)]
    pub date_format: DateFormat,
    /// # Кто издал приказ
    /// Кто издал приказ — после «к приказу» / «приказом»; по умолчанию — `issuer` приказа.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// # С заголовком приказа
    /// Приводить ли после реквизитов приказа его заголовок в «ёлочках». По умолчанию — `false`.
    #[serde(default)]
    pub with_order_title: bool,
    /// # Слова «к приказу»
    /// Печатать ли «к приказу <кем издан>»; `false` даёт «Приложение № 1 / от … № …». По умолчанию — `true`.
    #[serde(default = "yes")]
    pub to_order: bool,
    /// # Место отметки
    /// Где стоит отметка: над заголовком (как в ГОСТ) или под ним. По умолчанию — `above_title`.
    #[serde(default)]
    pub placement: MarkPlacement,
    /// # Дата приказа в отметке
    /// Дата приказа, которую приводит отметка, если она отличается от `order.date` (приложение может ссылаться не на тот приказ, с которым оно идёт): `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<super::IsoDate>,
    /// # Номер приказа в отметке
    /// Номер приказа, который приводит отметка, если он отличается от `order.number`. Строка или целое число.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// # Род и число
    /// Род и число утверждаемого документа — для формы УТВЕРЖДЕН/УТВЕРЖДЕНА/УТВЕРЖДЕНО/УТВЕРЖДЕНЫ; если не указано, определяется по первому слову заголовка.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_form: Option<GrammaticalForm>,
    /// # Строки отметки
    /// Строки отметки так, как их пишет организация, — вместо формулировки по остальным полям. Поля в фигурных скобках: `{приложение}` — номер приложения, `{номер}` — номер приказа, `{дата}` — его дата по `date_format`, `{ДД}`, `{Д}`, `{ММ}`, `{М}`, `{месяца}`, `{месяц}`, `{ГГГГ}`, `{ГГ}` — части даты, `{издатель}` — кто издал приказ, `{заголовок}` — заголовок приказа. Например: `["Приложение {приложение}", "к приказу № {номер} от {дата}"]`.
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

/// # Вид отметки
/// Вид отметки о приложении.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkStyle {
    /// # Приложение
    /// «Приложение № 1 к приказу … от … № …».
    #[default]
    Appendix,
    /// # УТВЕРЖДЕН
    /// «УТВЕРЖДЕН приказом … от … № …».
    Approved,
    /// # Обе отметки
    /// Обе отметки: «Приложение» над «УТВЕРЖДЕН».
    Both,
    /// # Без отметки
    /// Отметки нет совсем: самостоятельный план, утверждённый грифом или не утверждаемый.
    None,
}

/// # Место отметки
/// Где стоит отметка о приложении.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkPlacement {
    /// # Над заголовком
    /// В правом верхнем углу, над заголовком.
    #[default]
    AboveTitle,
    /// # Под заголовком
    /// Под заголовком (в некоторых организациях заголовок идёт первым).
    BelowTitle,
}

/// # Запись даты
/// Как записывается дата.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// # Цифрами
    /// Цифрами: «28.08.2023».
    #[default]
    Numeric,
    /// # Словами
    /// С месяцем словами: «28 августа 2023 г.».
    Words,
    /// # День в кавычках
    /// День в кавычках, месяц словами: «от «28» августа 2023 г.».
    QuotedDay,
}

/// # Период плана
/// Период, на который составлен план.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Period {
    /// # Учебный год
    /// Учебный год по его первому календарному году: `2023` — с 1 сентября 2023 г. по 31 августа 2024 г.
    SchoolYear(i32),
    /// # Календарные годы
    /// Целые календарные годы: `{"from": 2021, "to": 2024}`.
    Years(YearSpan),
    /// # Даты
    /// Точные даты.
    Dates(DateSpan),
}

/// # Годы
/// Календарные годы с — по, включительно.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    /// # Первый год
    /// Первый год.
    pub from: i32,
    /// # Последний год
    /// Последний год.
    pub to: i32,
}

/// # Даты
/// Даты с — по, включительно.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateSpan {
    /// # Первый день
    /// Первый день: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    pub from: IsoDate,
    /// # Последний день
    /// Последний день: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.
    pub to: IsoDate,
}

/// # Ориентация страниц
/// Ориентация страницы.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// # Книжная
    /// Книжная ориентация.
    Portrait,
    /// # Альбомная
    /// Альбомная ориентация.
    Landscape,
}

/// # Таблица плана
/// Таблица плана мероприятий (дорожной карты).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// # Столбцы
    /// Столбцы, слева направо.
    pub columns: Vec<Column>,
    /// # Строка номеров столбцов
    /// Печатать ли под шапкой строку «1 2 3 …» с номерами столбцов. По умолчанию — `false`.
    #[serde(default)]
    pub number_row: bool,
    /// # Нумерация строк
    /// Как нумеруются строки в столбце `number`. По умолчанию — `hierarchical`.
    #[serde(default)]
    pub numbering: Numbering,
    /// # Нумерация разделов
    /// Как нумеруются разделы верхнего уровня: `arabic` («1.») или `roman` («I.»). По умолчанию — `arabic`.
    #[serde(default)]
    pub section_numbers: SectionNumbers,
    /// # Номер раздела в столбце
    /// Номер раздела стоит в столбце `number` (первом), а заголовок — в ячейке, объединённой по остальным столбцам, вместо «1. Заголовок» во всю строку. По умолчанию — `false`.
    #[serde(default)]
    pub section_number_in_column: bool,
    /// # Мероприятия вне разделов
    /// Мероприятия, не входящие ни в один раздел (в таблице без разделов или перед первым разделом).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Activity>,
    /// # Разделы
    /// Разделы; у каждого — строка во всю ширину таблицы.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// # Столбец
/// Один столбец таблицы.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// # Ключ столбца
    /// Ключ, под которым мероприятия указывают значение этого столбца.
    pub key: String,
    /// # Заголовок столбца
    /// Текст в шапке таблицы; `\n` — принудительный перенос строки.
    pub title: String,
    /// # Ширина
    /// Относительная ширина (ширины пропорционально подгоняются под страницу). По умолчанию — 1.
    #[serde(default = "unit_width")]
    pub width: f64,
    /// # Общий заголовок
    /// Общий заголовок над этим и соседними столбцами с той же группой (двухуровневая шапка: «Срок реализации» над «Дата начала» / «Дата окончания»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// # Назначение столбца
    /// Что содержит столбец; столбцы `number` заполняются автоматически.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ColumnRole>,
    /// # Следует за столбцом
    /// Для столбца `number`: ключ столбца (например, этапов), за объединёнными ячейками которого он следует — один номер на каждую объединённую группу, объединённый по тем же строкам.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
}

fn unit_width() -> f64 {
    1.0
}

/// # Назначение столбца
/// Что содержит столбец; используется для нумерации и проверок.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// # № п/п
    /// «№ п/п», заполняется автоматической нумерацией.
    Number,
    /// # Мероприятие
    /// Наименование мероприятия.
    Activity,
    /// # Срок
    /// Срок («Сроки»).
    Deadline,
    /// # Ответственные
    /// Ответственные исполнители («Ответственный»); о пустой ячейке выдаётся предупреждение.
    Responsible,
    /// # Участники
    /// Участники.
    Participants,
    /// # Результат
    /// Ожидаемый результат.
    Result,
    /// # Показатель
    /// Показатель результативности.
    Indicator,
}

/// # Нумерация строк
/// Как нумеруются строки.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// # Без номеров
    /// Без номеров (разделы тоже не нумеруются).
    None,
    /// # Сквозная
    /// 1, 2, 3 … по всей таблице; разделы нумеруются 1, 2, … отдельно.
    Flat,
    /// # Многоуровневая
    /// Разделы 1, 1.1; мероприятия в них — 1.1, 1.1.1.
    #[default]
    Hierarchical,
    /// # В пределах раздела
    /// Разделы 1., 2.; мероприятия в каждом разделе нумеруются заново с 1.
    PerSection,
}

/// # Нумерация разделов
/// Как нумеруются разделы верхнего уровня.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionNumbers {
    /// # Арабские цифры
    /// Арабскими цифрами: «1.», «2.».
    #[default]
    Arabic,
    /// # Римские цифры
    /// Римскими цифрами: «I.», «II.» (подразделы и мероприятия сохраняют арабские номера).
    Roman,
}

/// # Раздел таблицы
/// Раздел таблицы: строка во всю ширину, затем его мероприятия и подразделы.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// # Постоянный идентификатор
    /// Необязательный постоянный идентификатор раздела: по нему `prikaz diff` узнаёт раздел в новой версии, даже если его переименовали или переставили. Не печатается.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// # Номер раздела
    /// Номер, заданный явно; иначе — автоматически. Строка или целое число.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// # Заголовок раздела
    /// Заголовок раздела.
    pub title: String,
    /// # Мероприятия
    /// Мероприятия раздела, перед подразделами.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Activity>,
    /// # Подразделы
    /// Подразделы (не более трёх уровней разделов).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// # Мероприятие
/// Одна строка плана.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// # Постоянный идентификатор
    /// Необязательный постоянный идентификатор строки: по нему `prikaz diff` узнаёт строку в новой версии, даже если её текст изменили или строку переставили. Не печатается.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// # Номер
    /// Номер, заданный явно; печатается как написан («1.1» — без точки, «1.1.» — с точкой). Иначе — автоматически. Строка или целое число.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// # Значения
    /// Значение для каждого ключа столбца; отсутствующий ключ — пустая ячейка.
    pub values: Values,
}

/// # Значения по столбцам
/// Ключ столбца → значение ячейки, в порядке записи. Повтор ключа — ошибка.
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

/// # Элемент списка
/// Один элемент приложения вида `list`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
// Parsed once per document; a Box would only add noise where items are matched.
#[allow(clippy::large_enum_variant)]
pub enum ListItem {
    /// # Текст
    /// Произвольный текст.
    Text(String),
    /// # Лицо с должностью
    /// Лицо с должностью: «Муравьева О.Ю., заместитель начальника Управления образования».
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

/// # Раздел текста
/// Раздел приложения вида `text`: необязательный заголовок и нумерованные пункты.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// # Заголовок раздела
    /// Заголовок раздела («Общие положения»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// # Абзацы
    /// Абзацы без номеров.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    /// # Пункты
    /// Нумерованные пункты.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// # Содержание по порядку
    /// Абзацы, пункты и списки в том порядке, в каком читается раздел, вместо `paragraphs`, а затем `points`: строка — абзац, `{"point": {…}}` — нумерованный пункт (нумеруется вместе с пунктами раздела), `{"list": {…}}` — список.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<ClauseBlock>,
}

/// # Блок раздела
/// Один блок раздела.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ClauseBlock {
    /// # Абзац
    /// Абзац.
    Text(String),
    /// # Пункт или список
    /// Пункт или список.
    Object(ClauseObject),
}

/// # Пункт или список
/// Пункт или список в разделе.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ClauseObject {
    /// # Пункт
    /// Нумерованный пункт (с подпунктами).
    Point(Box<Point>),
    /// # Список
    /// Список с тире, маркерами или номерами.
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
    /// An appendix of this kind and title, everything else as the format assumes.
    pub fn new(kind: AppendixKind, title: String) -> Appendix {
        Appendix {
            id: None,
            kind,
            number: None,
            mark: Mark::default(),
            approvals: Vec::new(),
            title,
            subtitle: None,
            period: None,
            orientation: None,
            table: None,
            items: None,
            clauses: None,
            title_first: false,
            signatory: None,
        }
    }

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
