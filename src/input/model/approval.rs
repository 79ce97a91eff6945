//! Approval and signature requisites: грифы утверждения, согласования и принятия, the
//! e-signature mark, the QR code.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{IsoDate, PersonRef};

/// A гриф at the top of a document's first page (ГОСТ Р 7.0.97-2025): «УТВЕРЖДАЮ»,
/// «УТВЕРЖДЕН приказом …», «СОГЛАСОВАНО», «ПРИНЯТО». Two stand side by side: the first at
/// the left, the second at the right.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Which гриф.
    pub kind: ApprovalKind,
    /// The signer's position, one entry per printed line («Директор МБОУ СОШ № 5»).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub position: Vec<String>,
    /// The signer; printed as «________ И.О. Фамилия».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonRef>,
    /// The date of the signature; absent, a line to fill in by hand: «"___" ________ 20___ г.».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    /// A collegial body, as it reads in the гриф («на заседании педагогического совета»,
    /// «Педагогическим советом МБОУ СОШ № 5»); `\n` forces a line break.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The protocol of the body's meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// For `approved`: the approving document; the order's own requisites when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<Act>,
}

/// The kinds of гриф.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalKind {
    /// «УТВЕРЖДАЮ»: position, signature line with the name, date.
    Approve,
    /// «УТВЕРЖДЕН(А/О/Ы) приказом … от … № …», agreeing with the document's title.
    Approved,
    /// «СОГЛАСОВАНО»: a person (position, signature, date) or a body with its protocol.
    Agreed,
    /// «ПРИНЯТО»: a collegial body with its protocol.
    Accepted,
}

/// A protocol of a meeting.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    /// The words before the date, «Протокол» unless given
    /// («Протокол заседания педагогического совета»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date of the meeting.
    pub date: IsoDate,
    /// The protocol's number.
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
}

/// The document that approves: «приказом <issuer> от <date> № <number>».
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// The kind in the instrumental case, «приказом» unless given («распоряжением»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Who issued it, in the genitive («директора МБОУ СОШ № 5»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Its date.
    pub date: IsoDate,
    /// Its number.
    #[serde(deserialize_with = "super::number_text")]
    #[schemars(schema_with = "super::number_schema")]
    pub number: String,
}

/// The mark of an electronic signature, printed at the place of the handwritten one.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ESignature {
    /// The certificate's serial number as the signing tool shows it.
    pub certificate: String,
    /// The owner's full name («Иванова Мария Петровна»); the signatory's full name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// First day of validity.
    pub valid_from: IsoDate,
    /// Last day of validity.
    pub valid_to: IsoDate,
}

/// The QR code of the document (requisite 31 of ГОСТ Р 7.0.97-2025), at the lower right
/// of the first page.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Qr {
    /// What the code holds: the address of the published document, or a text.
    pub text: String,
    /// The printed side in millimetres, quiet zone included (15 to 40; 20 when absent).
    #[serde(default = "default_qr_size")]
    pub size_mm: f64,
}

fn default_qr_size() -> f64 {
    20.0
}
