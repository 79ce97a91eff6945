//! The order's requisites and its text: preamble, «ПРИКАЗЫВАЮ:», points, signature.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

use super::{ESignature, IsoDate, PersonRef, PersonWithPosition};

/// # Приказ
/// Реквизиты приказа (вид документа, дата, номер, место составления, заголовок к тексту) и его текст.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// # Вид документа
    /// Вид документа; печатается на бланке прописными буквами. По умолчанию — `ПРИКАЗ`.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// # Дата документа
    /// Дата документа: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`, например `2023-08-28`.
    pub date: IsoDate,
    /// # Регистрационный номер
    /// Регистрационный номер в том виде, как он пишется: «15 а», «175/1.1 – 08», «520». Перед номером печатается «№ »; номер, набранный со своим знаком («№26/1», «№_2_____»), печатается в точности как набран. Строка или целое число.
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
    /// # Место составления
    /// Место составления документа («г. Новочеркасск»), если его не видно из бланка.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// # Строка даты и номера
    /// Как располагаются дата, номер и место составления под видом документа. По умолчанию — `stacked`.
    #[serde(default)]
    pub date_line: DateLine,
    /// # Запись даты приказа
    /// Дата приказа в виде «06.10.2020» (`numeric`, по умолчанию) или «6 октября 2020 г.» (`words`).
    #[serde(default)]
    pub date_format: OrderDateFormat,
    /// # Дата по образцу
    /// Как записать дату приказа, по образцу — вместо `date_format`. Поля в фигурных скобках: `{ДД}` — день двумя цифрами, `{Д}` — день, `{ММ}` — месяц двумя цифрами, `{М}` — месяц, `{месяца}` — месяц словом («марта»), `{месяц}` — «март», `{ГГГГ}` — год, `{ГГ}` — две последние цифры года; остальное печатается как написано. Например: `от {ДД}.{ММ}.{ГГГГ} г.`, `{ДД}. {ММ}. {ГГ} г.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_pattern: Option<String>,
    /// # Заголовок к тексту
    /// Заголовок к тексту приказа, без точки в конце; `\n` — принудительный перенос строки.
    pub title: String,
    /// # Кто издал приказ
    /// Кто издал приказ — в родительном падеже, как после слов «к приказу» в отметках о приложении («Управления образования Администрации города»). По умолчанию — сокращённое наименование организации с бланка.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// # Текст приказа
    /// Текст приказа. Не указывается, если выводятся только приложения: сам приказ издан отдельно, и на него лишь ссылаются отметки о приложении.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<OrderBody>,
}

/// # Строка даты и номера
/// Как располагается строка реквизитов: дата, номер и место составления.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateLine {
    /// # Дата и номер по центру
    /// «06.10.2020 № 520» по центру, место составления — строкой ниже.
    #[default]
    Stacked,
    /// # В одну строку
    /// Одна строка во всю ширину страницы: дата слева, место составления посередине, «№ 520» справа (так оформлены многие школьные приказы).
    Spread,
}

/// # Запись даты приказа
/// Как записывается дата приказа.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrderDateFormat {
    /// # Цифрами
    /// Цифрами: «06.10.2020».
    #[default]
    Numeric,
    /// # Словами
    /// С месяцем словами: «6 октября 2020 г.».
    Words,
}

fn default_kind() -> String {
    "ПРИКАЗ".to_owned()
}

/// # Текст приказа
/// Текст приказа: констатирующая часть, распорядительное слово, пункты, подпись, ознакомление.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderBody {
    /// # Констатирующая часть
    /// Констатирующая часть: абзацы перед распорядительным словом.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<String>,
    /// # Распорядительное слово
    /// Распорядительное слово («ПРИКАЗЫВАЮ:») и его место в тексте.
    #[serde(default)]
    pub decree: Decree,
    /// # Пункты приказа
    /// Нумерованные пункты приказа.
    pub points: Vec<Point>,
    /// # Обозначение пунктов
    /// Чем обозначаются пункты: номерами «1.» / «1.1.», тире или маркером (для пунктов верхнего уровня; подпункты обозначаются так же). По умолчанию — `numbers`.
    #[serde(default)]
    pub markers: PointMarkers,
    /// # Подпись
    /// Кто подписывает приказ.
    pub signatory: Signatory,
    /// # Ознакомление
    /// «С приказом ознакомлен(а/ы):» и список ознакомляемых.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquaintance: Option<Acquaintance>,
}

/// # Распорядительное слово
/// Распорядительное слово («ПРИКАЗЫВАЮ:»).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decree {
    /// # Слово
    /// Само распорядительное слово, без двоеточия. По умолчанию — `ПРИКАЗЫВАЮ`.
    #[serde(default = "default_decree_word")]
    pub word: String,
    /// # Место слова
    /// Отдельной строкой прописными буквами (`own_line`, по умолчанию) или в конце констатирующей части (`inline`).
    #[serde(default)]
    pub placement: DecreePlacement,
    /// # Двоеточие
    /// Ставить ли двоеточие после слова («ПРИКАЗЫВАЮ:»); некоторые организации его не ставят. По умолчанию — `true`.
    #[serde(default = "yes")]
    pub colon: bool,
}

impl Default for Decree {
    fn default() -> Self {
        Decree { word: default_decree_word(), placement: DecreePlacement::default(), colon: true }
    }
}

fn yes() -> bool {
    true
}

fn default_decree_word() -> String {
    "ПРИКАЗЫВАЮ".to_owned()
}

/// # Обозначение пунктов
/// Чем обозначаются пункты приказа.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PointMarkers {
    /// # Номера
    /// Номерами: «1.», «1.1.», «1.1.1.».
    #[default]
    Numbers,
    /// # Тире
    /// Тире: «–».
    Dashes,
    /// # Маркеры
    /// Маркером: «•».
    Bullets,
}

/// # Место распорядительного слова
/// Где стоит распорядительное слово.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecreePlacement {
    /// # Отдельной строкой
    /// «ПРИКАЗЫВАЮ:» отдельной строкой от левой границы текста.
    #[default]
    OwnLine,
    /// # В конце констатирующей части
    /// «… приказываю:» в конце последнего абзаца констатирующей части.
    Inline,
}

/// # Пункт приказа
/// Один пункт приказа, возможно с подпунктами (до трёх уровней: 1. / 1.1. / 1.1.1.).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// # Номер пункта
    /// Номер, заданный явно («2.1»); иначе пункты нумеруются автоматически. Строка или целое число.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// # Адресат
    /// Кому адресован пункт; печатается перед текстом в дательном падеже.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Addressee>,
    /// # Текст пункта
    /// Текст пункта.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// # Ссылка на приложение
    /// Значение `id` приложения, на которое ссылается пункт; перед завершающим знаком препинания пункта добавляется «(приложение N)».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appendix: Option<String>,
    /// # Подпункты
    /// Подпункты этого пункта.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// # Печатать обозначение
    /// Печатать ли у пункта номер или маркер; `false` — для первого пункта, который служит вводным (только при обозначении тире или маркерами). По умолчанию — `true`.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub marker: bool,
    /// # Ответственные
    /// Кто отвечает за пункт: после текста печатается «Ответственный: И.О. Фамилия» (если их несколько — «Ответственные: …»).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<PersonRef>,
    /// # Слово перед ответственными
    /// Что печатается перед ответственными вместо «Ответственный» / «Ответственные» (например, «Ответственный за исполнение», «Исполнители»); двоеточие ставится само.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_title: Option<String>,
    /// # Состав группы
    /// Группа, которую создаёт пункт («Создать рабочую группу в составе:»); печатается после текста: «руководитель – …; заместитель руководителя – …; члены группы: …».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,

    /// # Таблица пункта
    /// Строки таблицы, которые печатаются после текста пункта, — например, строка плана в приказе о внесении изменений («дополнить строкой 1.5 следующего содержания:»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<PointTable>,
}

/// # Таблица пункта
/// Заголовки граф и строки таблицы, напечатанной после текста пункта.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PointTable {
    /// # Графы
    /// Заголовки граф слева направо.
    pub columns: Vec<String>,
    /// # Ширины граф
    /// Относительные ширины граф (например, 6, 28, 10); по умолчанию графы равной ширины.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub widths: Vec<f64>,
    /// # Строки
    /// Строки таблицы: в каждой — текст каждой графы, столько же, сколько граф.
    pub rows: Vec<Vec<String>>,
}

/// # Состав группы
/// Состав группы, комиссии или совета, названных в пункте приказа.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// # Руководитель
    /// Руководитель; называется «руководитель», если в `head_title` не указано иное («председатель»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<PersonRef>,
    /// # Наименование руководителя
    /// Как называется руководитель в составе группы; если не указано — «руководитель».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_title: Option<String>,
    /// # Заместитель руководителя
    /// Заместитель руководителя («заместитель руководителя»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy: Option<PersonRef>,
    /// # Наименование заместителя
    /// Как называется заместитель; если не указано — «заместитель руководителя» (или «заместитель» с наименованием руководителя: «заместитель председателя»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy_title: Option<String>,
    /// # Секретарь
    /// Секретарь («секретарь»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<PersonRef>,
    /// # Наименование секретаря
    /// Как называется секретарь; если не указано — «секретарь» (например, «ответственный секретарь»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary_title: Option<String>,
    /// # Члены группы
    /// Члены группы; после имени через запятую можно указать должность («О.С. Крылова, методист»).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<PersonRef>,
    /// # Наименование членов
    /// Как называются члены группы; если не указано — «члены группы» (например, «члены комиссии»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_title: Option<String>,
}

impl Point {
    /// A point of this text, everything else as the format assumes.
    pub fn new(text: String) -> Point {
        Point {
            number: None,
            addressee: None,
            text: Some(text),
            appendix: None,
            points: Vec::new(),
            marker: true,
            responsible: Vec::new(),
            responsible_title: None,
            group: None,
            table: None,
        }
    }
}

fn is_true(b: &bool) -> bool {
    *b
}

/// # Адресат пункта
/// Кому адресован пункт: текстом в дательном падеже или одно должностное лицо.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
// Parsed once per document; a Box would only add noise where addressees are matched.
#[allow(clippy::large_enum_variant)]
pub enum Addressee {
    /// # Текстом
    /// Адресат, записанный в дательном падеже: «Руководителям МБОУ СОШ, лицея № 7, МБОУ ДО».
    Text(String),
    /// # Должностное лицо
    /// Одно должностное лицо: имя ставится в дательный падеж автоматически (или берётся из `cases.dative`), за ним следует `position_dative`.
    Person(PersonWithPosition),
}

impl<'de> Deserialize<'de> for Addressee {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        UntaggedEnumVisitor::new()
            .expecting("адресат строкой в дательном падеже или объект {\"person\", \"position_dative\"}")
            .string(|s| Ok(Addressee::Text(s.to_owned())))
            .map(|m| m.deserialize().map(Addressee::Person))
            .deserialize(d)
    }
}

/// # Подпись
/// Кто подписывает приказ.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// # Должность
    /// Должность подписывающего, по одной печатаемой строке на элемент («Директор МКУ ДПО», «"Учебно-методический Центр"»).
    pub position: Vec<String>,
    /// # Подписывающий
    /// Кто подписывает; печатается как «И.О. Фамилия» у правого поля.
    pub person: PersonRef,
    /// # Электронная подпись
    /// Документ подписан электронной подписью: отметка об электронной подписи ставится между должностью и именем вместо места собственноручной подписи.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_signature: Option<ESignature>,
}

/// # Ознакомление
/// Лист ознакомления с приказом.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acquaintance {
    /// # Надпись
    /// Надпись перед списком, если она должна отличаться от автоматической «С приказом ознакомлен(а/ы):».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// # Ознакомляемые
    /// Кто расписывается в ознакомлении с приказом.
    pub people: Vec<PersonRef>,
}
