//! The order's requisites and its text: preamble, «ПРИКАЗЫВАЮ:», points, signature.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

use super::{ESignature, IsoDate, PersonRef, PersonWithPosition};

/// Requisites of the order (вид документа, дата, номер, место, заголовок) and its text.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Вид документа, printed in capitals on the бланк.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// Дата документа.
    pub date: IsoDate,
    /// Регистрационный номер as written: «15 а», «175/1.1 – 08», «520».
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
    /// Место составления («г. Новочеркасск»), when the бланк does not make it evident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// How the date, the number and the place are set under the document's kind.
    #[serde(default)]
    pub date_line: DateLine,
    /// The order's date as «06.10.2020» or «6 октября 2020 г.».
    #[serde(default)]
    pub date_format: OrderDateFormat,
    /// Заголовок к тексту, without a final period; `\n` forces a line break.
    pub title: String,
    /// Who issued the order, as it reads after «к приказу» in appendix marks, in the
    /// genitive («Управления образования Администрации города»). Defaults to the бланк's
    /// short name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The text of the order. Absent when only the appendices are rendered (the order
    /// itself was issued elsewhere and is only referred to by the marks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<OrderBody>,
}

/// How the requisites line is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateLine {
    /// «06.10.2020 № 520» centred, the place on the line below.
    #[default]
    Stacked,
    /// One line across the page: the date at the left, the place in the middle, «№ 520» at
    /// the right (as many school orders are set).
    Spread,
}

/// How the order's date is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrderDateFormat {
    /// «06.10.2020».
    #[default]
    Numeric,
    /// «6 октября 2020 г.».
    Words,
}

fn default_kind() -> String {
    "ПРИКАЗ".to_owned()
}

/// The text of the order.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderBody {
    /// Констатирующая часть: paragraphs before the decree word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<String>,
    /// The decree word and where it stands.
    #[serde(default)]
    pub decree: Decree,
    /// Numbered points of the order.
    pub points: Vec<Point>,
    /// What marks the points: numbers «1.» / «1.1.», or a dash or a bullet (top-level
    /// points; sub-points are then marked alike).
    #[serde(default)]
    pub markers: PointMarkers,
    /// Who signs.
    pub signatory: Signatory,
    /// «С приказом ознакомлен(а/ы):» and the people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquaintance: Option<Acquaintance>,
}

/// The decree word («ПРИКАЗЫВАЮ:»).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decree {
    /// The word itself, without the colon.
    #[serde(default = "default_decree_word")]
    pub word: String,
    /// On its own line in capitals, or at the end of the preamble.
    #[serde(default)]
    pub placement: DecreePlacement,
    /// A colon after the word («ПРИКАЗЫВАЮ:»); some organisations print none.
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
#[serde(rename_all = "snake_case")]
pub enum PointMarkers {
    /// «1.», «1.1.», «1.1.1.».
    #[default]
    Numbers,
    /// «–».
    Dashes,
    /// «•».
    Bullets,
}

/// Where the decree word stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecreePlacement {
    /// «ПРИКАЗЫВАЮ:» on its own line from the left border.
    #[default]
    OwnLine,
    /// «… приказываю:» at the end of the last preamble paragraph.
    Inline,
}

/// One point of the order, possibly with sub-points (up to three levels: 1. / 1.1. / 1.1.1.).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// An explicit number («2.1»); numbers are automatic otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::opt_number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: Option<String>,
    /// To whom the point is addressed, printed before the text in the dative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Addressee>,
    /// The text of the point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The `id` of an appendix this point refers to; «(приложение N)» is added before the
    /// point's final punctuation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appendix: Option<String>,
    /// Sub-points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// Whether the point prints its marker; `false` for a first point that reads as an
    /// introduction (with dashes or bullets only).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub marker: bool,
    /// Who answers for the point: «Ответственный: И.О. Фамилия» (several: «Ответственные: …»)
    /// after its text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<PersonRef>,
    /// A group the point creates («Создать рабочую группу в составе:»), printed after the
    /// text: «руководитель – …; заместитель руководителя – …; члены группы: …».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
}

/// The composition of a group, commission or council named in a point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The head; «руководитель» unless `head_title` says otherwise («председатель»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<PersonRef>,
    /// The head's title in the group, «руководитель» when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_title: Option<String>,
    /// The deputy head («заместитель руководителя»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy: Option<PersonRef>,
    /// The secretary («секретарь»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<PersonRef>,
    /// The members; a name may carry its position after a comma («О.С. Крылова, методист»).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<PersonRef>,
    /// The members' title, «члены группы» when absent («члены комиссии»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_title: Option<String>,
}

fn is_true(b: &bool) -> bool {
    *b
}

/// The addressee of a point.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Addressee {
    /// Written out in the dative: «Руководителям МБОУ СОШ, лицея № 7, МБОУ ДО».
    Text(String),
    /// One official: the name is put in the dative automatically (or from `cases.dative`),
    /// followed by `position_dative`.
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
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// The position, one entry per printed line («Директор МКУ ДПО», «"Учебно-методический Центр"»).
    pub position: Vec<String>,
    /// The person; printed as «И.О. Фамилия» at the right margin.
    pub person: PersonRef,
    /// The document is signed electronically: the mark of the e-signature stands between
    /// the position and the name instead of the handwritten signature's place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_signature: Option<ESignature>,
}

/// The acquaintance list.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acquaintance {
    /// The label, when it must differ from the automatic «С приказом ознакомлен(а/ы):».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Who signs that they have read the order.
    pub people: Vec<PersonRef>,
}
