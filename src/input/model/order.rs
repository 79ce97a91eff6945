//! The order's requisites and its text: preamble, «ПРИКАЗЫВАЮ:», points, signature.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

use super::{ESignature, IsoDate, PersonRef, PersonWithPosition};

/// Requisites of the order (вид документа, дата, номер, место, заголовок) and its text.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Приказ",
    description = "Реквизиты приказа (вид документа, дата, номер, место составления, заголовок к тексту) и его текст."
)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Вид документа, printed in capitals on the бланк.
    #[schemars(
        title = "Вид документа",
        description = "Вид документа; печатается на бланке прописными буквами. По умолчанию — `ПРИКАЗ`."
    )]
    #[serde(default = "default_kind")]
    pub kind: String,
    /// Дата документа.
    #[schemars(
        title = "Дата документа",
        description = "Дата документа: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`, например `2023-08-28`."
    )]
    pub date: IsoDate,
    /// Регистрационный номер as written: «15 а», «175/1.1 – 08», «520»; with its own «№»
    /// («№26/1») printed exactly so.
    #[schemars(
        title = "Регистрационный номер",
        description = "Регистрационный номер в том виде, как он пишется: «15 а», «175/1.1 – 08», «520». Перед номером печатается «№ »; номер, набранный со своим знаком («№26/1», «№_2_____»), печатается в точности как набран. Строка или целое число."
    )]
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
    /// Место составления («г. Новочеркасск»), when the бланк does not make it evident.
    #[schemars(
        title = "Место составления",
        description = "Место составления документа («г. Новочеркасск»), если его не видно из бланка."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// How the date, the number and the place are set under the document's kind.
    #[schemars(
        title = "Строка даты и номера",
        description = "Как располагаются дата, номер и место составления под видом документа. По умолчанию — `stacked`."
    )]
    #[serde(default)]
    pub date_line: DateLine,
    /// The order's date as «06.10.2020» or «6 октября 2020 г.».
    #[schemars(
        title = "Запись даты приказа",
        description = "Дата приказа в виде «06.10.2020» (`numeric`, по умолчанию) или «6 октября 2020 г.» (`words`)."
    )]
    #[serde(default)]
    pub date_format: OrderDateFormat,
    /// The date line as the organisation writes it, by a pattern: replaces `date_format`.
    #[schemars(
        title = "Дата по образцу",
        description = "Как записать дату приказа, по образцу — вместо `date_format`. Поля в фигурных скобках: `{ДД}` — день двумя цифрами, `{Д}` — день, `{ММ}` — месяц двумя цифрами, `{М}` — месяц, `{месяца}` — месяц словом («марта»), `{месяц}` — «март», `{ГГГГ}` — год, `{ГГ}` — две последние цифры года; остальное печатается как написано. Например: `от {ДД}.{ММ}.{ГГГГ} г.`, `{ДД}. {ММ}. {ГГ} г.`."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_pattern: Option<String>,
    /// Заголовок к тексту, without a final period; `\n` forces a line break.
    #[schemars(
        title = "Заголовок к тексту",
        description = "Заголовок к тексту приказа, без точки в конце; `\\n` — принудительный перенос строки."
    )]
    pub title: String,
    /// Who issued the order, as it reads after «к приказу» in appendix marks, in the
    /// genitive («Управления образования Администрации города»). Defaults to the бланк's
    /// short name.
    #[schemars(
        title = "Кто издал приказ",
        description = "Кто издал приказ — в родительном падеже, как после слов «к приказу» в отметках о приложении («Управления образования Администрации города»). По умолчанию — сокращённое наименование организации с бланка."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The text of the order. Absent when only the appendices are rendered (the order
    /// itself was issued elsewhere and is only referred to by the marks).
    #[schemars(
        title = "Текст приказа",
        description = "Текст приказа. Не указывается, если выводятся только приложения: сам приказ издан отдельно, и на него лишь ссылаются отметки о приложении."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<OrderBody>,
}

/// How the requisites line is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Строка даты и номера",
    description = "Как располагается строка реквизитов: дата, номер и место составления."
)]
#[serde(rename_all = "snake_case")]
pub enum DateLine {
    /// «06.10.2020 № 520» centred, the place on the line below.
    #[schemars(
        title = "Дата и номер по центру",
        description = "«06.10.2020 № 520» по центру, место составления — строкой ниже."
    )]
    #[default]
    Stacked,
    /// One line across the page: the date at the left, the place in the middle, «№ 520» at
    /// the right (as many school orders are set).
    #[schemars(
        title = "В одну строку",
        description = "Одна строка во всю ширину страницы: дата слева, место составления посередине, «№ 520» справа (так оформлены многие школьные приказы)."
    )]
    Spread,
}

/// How the order's date is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Запись даты приказа", description = "Как записывается дата приказа.")]
#[serde(rename_all = "snake_case")]
pub enum OrderDateFormat {
    /// «06.10.2020».
    #[schemars(title = "Цифрами", description = "Цифрами: «06.10.2020».")]
    #[default]
    Numeric,
    /// «6 октября 2020 г.».
    #[schemars(title = "Словами", description = "С месяцем словами: «6 октября 2020 г.».")]
    Words,
}

fn default_kind() -> String {
    "ПРИКАЗ".to_owned()
}

/// The text of the order.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Текст приказа",
    description = "Текст приказа: констатирующая часть, распорядительное слово, пункты, подпись, ознакомление."
)]
#[serde(deny_unknown_fields)]
pub struct OrderBody {
    /// Констатирующая часть: paragraphs before the decree word.
    #[schemars(
        title = "Констатирующая часть",
        description = "Констатирующая часть: абзацы перед распорядительным словом."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<String>,
    /// The decree word and where it stands.
    #[schemars(
        title = "Распорядительное слово",
        description = "Распорядительное слово («ПРИКАЗЫВАЮ:») и его место в тексте."
    )]
    #[serde(default)]
    pub decree: Decree,
    /// Numbered points of the order.
    #[schemars(title = "Пункты приказа", description = "Нумерованные пункты приказа.")]
    pub points: Vec<Point>,
    /// What marks the points: numbers «1.» / «1.1.», or a dash or a bullet (top-level
    /// points; sub-points are then marked alike).
    #[schemars(
        title = "Обозначение пунктов",
        description = "Чем обозначаются пункты: номерами «1.» / «1.1.», тире или маркером (для пунктов верхнего уровня; подпункты обозначаются так же). По умолчанию — `numbers`."
    )]
    #[serde(default)]
    pub markers: PointMarkers,
    /// Who signs.
    #[schemars(title = "Подпись", description = "Кто подписывает приказ.")]
    pub signatory: Signatory,
    /// «С приказом ознакомлен(а/ы):» and the people.
    #[schemars(title = "Ознакомление", description = "«С приказом ознакомлен(а/ы):» и список ознакомляемых.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquaintance: Option<Acquaintance>,
}

/// The decree word («ПРИКАЗЫВАЮ:»).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Распорядительное слово", description = "Распорядительное слово («ПРИКАЗЫВАЮ:»).")]
#[serde(deny_unknown_fields)]
pub struct Decree {
    /// The word itself, without the colon.
    #[schemars(
        title = "Слово",
        description = "Само распорядительное слово, без двоеточия. По умолчанию — `ПРИКАЗЫВАЮ`."
    )]
    #[serde(default = "default_decree_word")]
    pub word: String,
    /// On its own line in capitals, or at the end of the preamble.
    #[schemars(
        title = "Место слова",
        description = "Отдельной строкой прописными буквами (`own_line`, по умолчанию) или в конце констатирующей части (`inline`)."
    )]
    #[serde(default)]
    pub placement: DecreePlacement,
    /// A colon after the word («ПРИКАЗЫВАЮ:»); some organisations print none.
    #[schemars(
        title = "Двоеточие",
        description = "Ставить ли двоеточие после слова («ПРИКАЗЫВАЮ:»); некоторые организации его не ставят. По умолчанию — `true`."
    )]
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

/// What marks the order's points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Обозначение пунктов", description = "Чем обозначаются пункты приказа.")]
#[serde(rename_all = "snake_case")]
pub enum PointMarkers {
    /// «1.», «1.1.», «1.1.1.».
    #[schemars(title = "Номера", description = "Номерами: «1.», «1.1.», «1.1.1.».")]
    #[default]
    Numbers,
    /// «–».
    #[schemars(title = "Тире", description = "Тире: «–».")]
    Dashes,
    /// «•».
    #[schemars(title = "Маркеры", description = "Маркером: «•».")]
    Bullets,
}

/// Where the decree word stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Место распорядительного слова", description = "Где стоит распорядительное слово.")]
#[serde(rename_all = "snake_case")]
pub enum DecreePlacement {
    /// «ПРИКАЗЫВАЮ:» on its own line from the left border.
    #[schemars(title = "Отдельной строкой", description = "«ПРИКАЗЫВАЮ:» отдельной строкой от левой границы текста.")]
    #[default]
    OwnLine,
    /// «… приказываю:» at the end of the last preamble paragraph.
    #[schemars(
        title = "В конце констатирующей части",
        description = "«… приказываю:» в конце последнего абзаца констатирующей части."
    )]
    Inline,
}

/// One point of the order, possibly with sub-points (up to three levels: 1. / 1.1. / 1.1.1.).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Пункт приказа",
    description = "Один пункт приказа, возможно с подпунктами (до трёх уровней: 1. / 1.1. / 1.1.1.)."
)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// An explicit number («2.1»); numbers are automatic otherwise.
    #[schemars(
        title = "Номер пункта",
        description = "Номер, заданный явно («2.1»); иначе пункты нумеруются автоматически. Строка или целое число."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// To whom the point is addressed, printed before the text in the dative.
    #[schemars(title = "Адресат", description = "Кому адресован пункт; печатается перед текстом в дательном падеже.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Addressee>,
    /// The text of the point.
    #[schemars(title = "Текст пункта", description = "Текст пункта.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The `id` of an appendix this point refers to; «(приложение N)» is added before the
    /// point's final punctuation.
    #[schemars(
        title = "Ссылка на приложение",
        description = "Значение `id` приложения, на которое ссылается пункт; перед завершающим знаком препинания пункта добавляется «(приложение N)»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appendix: Option<String>,
    /// Sub-points.
    #[schemars(title = "Подпункты", description = "Подпункты этого пункта.")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// Whether the point prints its marker; `false` for a first point that reads as an
    /// introduction (with dashes or bullets only).
    #[schemars(
        title = "Печатать обозначение",
        description = "Печатать ли у пункта номер или маркер; `false` — для первого пункта, который служит вводным (только при обозначении тире или маркерами). По умолчанию — `true`."
    )]
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub marker: bool,
    /// Who answers for the point: «Ответственный: И.О. Фамилия» (several: «Ответственные: …»)
    /// after its text.
    #[schemars(
        title = "Ответственные",
        description = "Кто отвечает за пункт: после текста печатается «Ответственный: И.О. Фамилия» (если их несколько — «Ответственные: …»)."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<PersonRef>,
    /// The word before the responsible people, «Ответственный»/«Ответственные» unless given
    /// («Ответственный за исполнение», «Исполнитель»).
    #[schemars(
        title = "Слово перед ответственными",
        description = "Что печатается перед ответственными вместо «Ответственный» / «Ответственные» (например, «Ответственный за исполнение», «Исполнители»); двоеточие ставится само."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_title: Option<String>,
    /// A group the point creates («Создать рабочую группу в составе:»), printed after the
    /// text: «руководитель – …; заместитель руководителя – …; члены группы: …».
    #[schemars(
        title = "Состав группы",
        description = "Группа, которую создаёт пункт («Создать рабочую группу в составе:»); печатается после текста: «руководитель – …; заместитель руководителя – …; члены группы: …»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
}

/// The composition of a group, commission or council named in a point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Состав группы", description = "Состав группы, комиссии или совета, названных в пункте приказа.")]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The head; «руководитель» unless `head_title` says otherwise («председатель»).
    #[schemars(
        title = "Руководитель",
        description = "Руководитель; называется «руководитель», если в `head_title` не указано иное («председатель»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<PersonRef>,
    /// The head's title in the group, «руководитель» when absent.
    #[schemars(
        title = "Наименование руководителя",
        description = "Как называется руководитель в составе группы; если не указано — «руководитель»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_title: Option<String>,
    /// The deputy head («заместитель руководителя»).
    #[schemars(
        title = "Заместитель руководителя",
        description = "Заместитель руководителя («заместитель руководителя»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy: Option<PersonRef>,
    /// The deputy's title, «заместитель руководителя» (or of the head's title) when absent.
    #[schemars(
        title = "Наименование заместителя",
        description = "Как называется заместитель; если не указано — «заместитель руководителя» (или «заместитель» с наименованием руководителя: «заместитель председателя»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy_title: Option<String>,
    /// The secretary («секретарь»).
    #[schemars(title = "Секретарь", description = "Секретарь («секретарь»).")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<PersonRef>,
    /// The secretary's title, «секретарь» when absent («ответственный секретарь»).
    #[schemars(
        title = "Наименование секретаря",
        description = "Как называется секретарь; если не указано — «секретарь» (например, «ответственный секретарь»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary_title: Option<String>,
    /// The members; a name may carry its position after a comma («О.С. Крылова, методист»).
    #[schemars(
        title = "Члены группы",
        description = "Члены группы; после имени через запятую можно указать должность («О.С. Крылова, методист»)."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<PersonRef>,
    /// The members' title, «члены группы» when absent («члены комиссии»).
    #[schemars(
        title = "Наименование членов",
        description = "Как называются члены группы; если не указано — «члены группы» (например, «члены комиссии»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_title: Option<String>,
}

fn is_true(b: &bool) -> bool {
    *b
}

/// The addressee of a point.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(
    title = "Адресат пункта",
    description = "Кому адресован пункт: текстом в дательном падеже или одно должностное лицо."
)]
#[serde(untagged)]
// Parsed once per document; a Box would only add noise where addressees are matched.
#[allow(clippy::large_enum_variant)]
pub enum Addressee {
    /// Written out in the dative: «Руководителям МБОУ СОШ, лицея № 7, МБОУ ДО».
    #[schemars(
        title = "Текстом",
        description = "Адресат, записанный в дательном падеже: «Руководителям МБОУ СОШ, лицея № 7, МБОУ ДО»."
    )]
    Text(String),
    /// One official: the name is put in the dative automatically (or from `cases.dative`),
    /// followed by `position_dative`.
    #[schemars(
        title = "Должностное лицо",
        description = "Одно должностное лицо: имя ставится в дательный падеж автоматически (или берётся из `cases.dative`), за ним следует `position_dative`."
    )]
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

/// Who signs the order.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Подпись", description = "Кто подписывает приказ.")]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// The position, one entry per printed line («Директор МКУ ДПО», «"Учебно-методический Центр"»).
    #[schemars(
        title = "Должность",
        description = "Должность подписывающего, по одной печатаемой строке на элемент («Директор МКУ ДПО», «\"Учебно-методический Центр\"»)."
    )]
    pub position: Vec<String>,
    /// The person; printed as «И.О. Фамилия» at the right margin.
    #[schemars(
        title = "Подписывающий",
        description = "Кто подписывает; печатается как «И.О. Фамилия» у правого поля."
    )]
    pub person: PersonRef,
    /// The document is signed electronically: the mark of the e-signature stands between
    /// the position and the name instead of the handwritten signature's place.
    #[schemars(
        title = "Электронная подпись",
        description = "Документ подписан электронной подписью: отметка об электронной подписи ставится между должностью и именем вместо места собственноручной подписи."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_signature: Option<ESignature>,
}

/// The acquaintance list.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Ознакомление", description = "Лист ознакомления с приказом.")]
#[serde(deny_unknown_fields)]
pub struct Acquaintance {
    /// The label, when it must differ from the automatic «С приказом ознакомлен(а/ы):».
    #[schemars(
        title = "Надпись",
        description = "Надпись перед списком, если она должна отличаться от автоматической «С приказом ознакомлен(а/ы):»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Who signs that they have read the order.
    #[schemars(title = "Ознакомляемые", description = "Кто расписывается в ознакомлении с приказом.")]
    pub people: Vec<PersonRef>,
}
