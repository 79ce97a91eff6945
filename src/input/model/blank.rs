//! The бланк: the organisation block in the top-left corner of the first page.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Requisites printed on the бланк.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Blank {
    /// Parent bodies above the organisation, top first
    /// («Администрация городского округа Солнечногорск Московской области», «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ»).
    /// A `\n` inside a line forces a line break there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
    /// The issuing organisation.
    pub organization: Organization,
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Phone number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Fax number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// A logo or emblem above the block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
    /// Corner (угловой, top left) or centred (продольный, across the page).
    #[serde(default)]
    pub layout: BlankLayout,
}

/// Where the бланк stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlankLayout {
    /// The угловой бланк: the block in the top-left corner, at most 80 mm wide.
    #[default]
    Corner,
    /// The продольный бланк: each line centred across the page.
    Centered,
}

/// The organisation's names.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Full name as on the бланк; `\n` forces a line break.
    pub full_name: String,
    /// Short name («МКУ ДПО «Учебно-методический Центр»»), used after «к приказу» in
    /// appendix marks unless the order gives `issuer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
}

/// An image on the бланк.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// PNG or JPEG file, relative to the input file.
    pub path: String,
    /// Printed width in millimetres (height follows the image's proportions); 15 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width_mm: Option<f64>,
}
