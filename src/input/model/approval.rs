//! Approval and signature requisites: грифы утверждения, согласования и принятия, the
//! e-signature mark, the QR code.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{IsoDate, PersonRef};

/// A гриф at the top of a document's first page (ГОСТ Р 7.0.97-2025): «УТВЕРЖДАЮ»,
/// «УТВЕРЖДЕН приказом …», «СОГЛАСОВАНО», «ПРИНЯТО». Two stand side by side: the first at
/// the left, the second at the right.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Гриф",
    description = "Гриф вверху первой страницы документа (ГОСТ Р 7.0.97-2025): «УТВЕРЖДАЮ», «УТВЕРЖДЕН приказом …», «СОГЛАСОВАНО», «ПРИНЯТО». Два грифа стоят рядом: первый слева, второй справа."
)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Which гриф.
    #[schemars(title = "Вид грифа", description = "Какой гриф.")]
    pub kind: ApprovalKind,
    /// The signer's position, one entry per printed line («Директор МБОУ СОШ № 5»).
    #[schemars(
        title = "Должность",
        description = "Должность подписывающего, по одной печатаемой строке на элемент («Директор МБОУ СОШ № 5»)."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub position: Vec<String>,
    /// The signer; printed as «________ И.О. Фамилия».
    #[schemars(title = "Подписывающий", description = "Кто подписывает; печатается как «________ И.О. Фамилия».")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonRef>,
    /// The date of the signature; absent, a line to fill in by hand: «"___" ________ 20___ г.».
    #[schemars(
        title = "Дата подписи",
        description = "Дата подписи: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`. Если не указана — строка для заполнения от руки: «\"___\" ________ 20___ г.»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    /// A collegial body, as it reads in the гриф («на заседании педагогического совета»,
    /// «Педагогическим советом МБОУ СОШ № 5»); `\n` forces a line break.
    #[schemars(
        title = "Коллегиальный орган",
        description = "Коллегиальный орган так, как он записывается в грифе («на заседании педагогического совета», «Педагогическим советом МБОУ СОШ № 5»); `\\n` — принудительный перенос строки."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The protocol of the body's meeting.
    #[schemars(title = "Протокол", description = "Протокол заседания коллегиального органа.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// For `approved`: the approving document; the order's own requisites when absent.
    #[schemars(
        title = "Утверждающий документ",
        description = "Документ, которым утверждено. У грифа `approved` — «приказом <кем издан> от … № …» (если не указан — реквизиты самого приказа); у остальных грифов — строкой под подписью: «Приказ от 30.08.2024 № 112»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<Act>,
    /// The гриф's word as the organisation writes it («Утверждаю»); by its kind otherwise.
    #[schemars(
        title = "Слово грифа",
        description = "Слово грифа так, как его пишет организация («Утверждаю», «Согласовано»); если не указано — по виду грифа прописными: «УТВЕРЖДАЮ», «СОГЛАСОВАНО», «ПРИНЯТО», «УТВЕРЖДЕН(А/О/Ы)»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word: Option<String>,
    /// Whether the date line under the signature is printed.
    #[schemars(
        title = "Строка даты",
        description = "Печатать ли под подписью строку даты (дату подписи или «\"___\" ________ 20___ г.» для заполнения от руки). По умолчанию — `true`."
    )]
    #[serde(default = "yes")]
    pub date_line: bool,
}

fn yes() -> bool {
    true
}

/// The kinds of гриф.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Вид грифа", description = "Виды грифов.")]
#[serde(rename_all = "snake_case")]
pub enum ApprovalKind {
    /// «УТВЕРЖДАЮ»: position, signature line with the name, date.
    #[schemars(title = "УТВЕРЖДАЮ", description = "«УТВЕРЖДАЮ»: должность, строка для подписи с именем, дата.")]
    Approve,
    /// «УТВЕРЖДЕН(А/О/Ы) приказом … от … № …», agreeing with the document's title.
    #[schemars(
        title = "УТВЕРЖДЕН приказом",
        description = "«УТВЕРЖДЕН(А/О/Ы) приказом … от … № …», в согласовании с заголовком документа."
    )]
    Approved,
    /// «СОГЛАСОВАНО»: a person (position, signature, date) or a body with its protocol.
    #[schemars(
        title = "СОГЛАСОВАНО",
        description = "«СОГЛАСОВАНО»: лицо (должность, подпись, дата) или коллегиальный орган с протоколом."
    )]
    Agreed,
    /// «ПРИНЯТО»: a collegial body with its protocol.
    #[schemars(title = "ПРИНЯТО", description = "«ПРИНЯТО»: коллегиальный орган с протоколом.")]
    Accepted,
}

/// A protocol of a meeting.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Протокол", description = "Протокол заседания.")]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    /// The words before the date, «Протокол» unless given
    /// («Протокол заседания педагогического совета»).
    #[schemars(
        title = "Слова перед датой",
        description = "Слова перед датой; если не указаны — «Протокол» (например, «Протокол заседания педагогического совета»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date of the meeting.
    #[schemars(title = "Дата заседания", description = "Дата заседания: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.")]
    pub date: IsoDate,
    /// The protocol's number.
    #[schemars(title = "Номер протокола", description = "Номер протокола. Строка или целое число.")]
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
    /// The protocol's line as the organisation writes it, with the date and number as
    /// fields: replaces «Протокол от … № …».
    #[schemars(
        title = "Строка протокола",
        description = "Строка протокола так, как её пишет организация, — вместо «Протокол от … № …». Поля: `{номер}`, `{дата}` («30.08.2024»), части даты `{ДД}`, `{Д}`, `{ММ}`, `{М}`, `{месяца}`, `{месяц}`, `{ГГГГ}`, `{ГГ}`. Например: `(протокол от {дата} № {номер})`, `Протокол № {номер} заседания педсовета от «{Д}» {ММ}. {ГГГГ} г.`."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
}

/// The document that approves: «приказом <issuer> от <date> № <number>».
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Утверждающий документ",
    description = "Документ, которым утверждено: «приказом <кем издан> от <дата> № <номер>»."
)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// The kind in the instrumental case, «приказом» unless given («распоряжением»).
    #[schemars(
        title = "Вид документа",
        description = "Вид документа в творительном падеже; если не указан — «приказом» (например, «распоряжением»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Who issued it, in the genitive («директора МБОУ СОШ № 5»).
    #[schemars(
        title = "Кем издан",
        description = "Кем издан документ, в родительном падеже («директора МБОУ СОШ № 5»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Its date.
    #[schemars(title = "Дата", description = "Дата утверждающего документа: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`.")]
    pub date: IsoDate,
    /// Its number.
    #[schemars(title = "Номер", description = "Номер утверждающего документа. Строка или целое число.")]
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
}

/// The mark of an electronic signature, printed at the place of the handwritten one.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Отметка об электронной подписи",
    description = "Отметка об электронной подписи; печатается на месте собственноручной подписи."
)]
#[serde(deny_unknown_fields)]
pub struct ESignature {
    /// The certificate's serial number as the signing tool shows it.
    #[schemars(
        title = "Сертификат",
        description = "Серийный номер сертификата в том виде, как его показывает средство электронной подписи."
    )]
    pub certificate: String,
    /// The owner's full name («Иванова Мария Петровна»); the signatory's full name when absent.
    #[schemars(
        title = "Владелец",
        description = "Фамилия, имя, отчество владельца («Иванова Мария Петровна»); если не указано — полное имя подписывающего."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// First day of validity.
    #[schemars(
        title = "Действителен с",
        description = "Первый день срока действия сертификата: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`."
    )]
    pub valid_from: IsoDate,
    /// Last day of validity.
    #[schemars(
        title = "Действителен по",
        description = "Последний день срока действия сертификата: `ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`."
    )]
    pub valid_to: IsoDate,
}

/// The QR code of the document (requisite 31 of ГОСТ Р 7.0.97-2025), at the lower right
/// of the first page.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "QR-код",
    description = "QR-код документа (реквизит 31 по ГОСТ Р 7.0.97-2025) в правом нижнем углу первой страницы."
)]
#[serde(deny_unknown_fields)]
pub struct Qr {
    /// What the code holds: the address of the published document, or a text.
    #[schemars(
        title = "Содержимое кода",
        description = "Что содержит код: адрес опубликованного документа или текст."
    )]
    pub text: String,
    /// The printed side in millimetres, quiet zone included (15 to 40; 20 when absent).
    #[schemars(
        title = "Размер, мм",
        description = "Сторона кода при печати в миллиметрах, включая свободное поле вокруг (от 15 до 40). По умолчанию — 20."
    )]
    #[serde(default = "default_qr_size")]
    pub size_mm: f64,
}

fn default_qr_size() -> f64 {
    20.0
}
