//! The бланк: the organisation block in the top-left corner of the first page.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Requisites printed on the бланк.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Бланк", description = "Реквизиты, печатаемые на бланке.")]
#[serde(deny_unknown_fields)]
pub struct Blank {
    /// Parent bodies above the organisation, top first
    /// («Администрация городского округа Солнечногорск Московской области», «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ»).
    /// A `\n` inside a line forces a line break there.
    #[schemars(
        title = "Вышестоящие органы",
        description = "Органы над организацией, сверху вниз: «Администрация городского округа Солнечногорск Московской области», «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ». `\\n` внутри строки — принудительный перенос."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
    /// The issuing organisation.
    #[schemars(title = "Организация", description = "Организация — автор документа.")]
    pub organization: Organization,
    /// Postal address.
    #[schemars(title = "Почтовый адрес", description = "Почтовый адрес.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Phone number as printed.
    #[schemars(title = "Телефон", description = "Номер телефона в том виде, как он печатается.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Fax number as printed.
    #[schemars(title = "Факс", description = "Номер факса в том виде, как он печатается.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// E-mail address.
    #[schemars(title = "Электронная почта", description = "Адрес электронной почты.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web site.
    #[schemars(title = "Сайт", description = "Адрес сайта.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// A logo or emblem above the block.
    #[schemars(title = "Логотип", description = "Логотип или эмблема над реквизитами бланка.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
    /// Corner (угловой, top left) or centred (продольный, across the page).
    #[schemars(
        title = "Вид бланка",
        description = "Угловой (в левом верхнем углу) или продольный (по центру страницы). По умолчанию — `corner`."
    )]
    #[serde(default)]
    pub layout: BlankLayout,
}

/// Where the бланк stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Вид бланка", description = "Где располагаются реквизиты бланка.")]
#[serde(rename_all = "snake_case")]
pub enum BlankLayout {
    /// The угловой бланк: the block in the top-left corner, at most 80 mm wide.
    #[schemars(
        title = "Угловой",
        description = "Угловой бланк: реквизиты в левом верхнем углу, шириной не более 80 мм."
    )]
    #[default]
    Corner,
    /// The продольный бланк: each line centred across the page.
    #[schemars(title = "Продольный", description = "Продольный бланк: каждая строка по центру страницы.")]
    Centered,
}

/// The organisation's names.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Наименования организации", description = "Наименования организации.")]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Full name as on the бланк; `\n` forces a line break.
    #[schemars(
        title = "Полное наименование",
        description = "Полное наименование, как на бланке; `\\n` — принудительный перенос строки."
    )]
    pub full_name: String,
    /// Short name («МКУ ДПО «Учебно-методический Центр»»), used after «к приказу» in
    /// appendix marks unless the order gives `issuer`.
    #[schemars(
        title = "Сокращённое наименование",
        description = "Сокращённое наименование («МКУ ДПО «Учебно-методический Центр»»); используется после «к приказу» в отметках о приложении, если в приказе не указан `issuer`."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
}

/// An image on the бланк.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Логотип", description = "Изображение на бланке.")]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// PNG or JPEG file, relative to the input file.
    #[schemars(
        title = "Файл изображения",
        description = "Файл PNG или JPEG; путь указывается относительно входного файла."
    )]
    pub path: String,
    /// Printed width in millimetres (height follows the image's proportions); 15 when absent.
    #[schemars(
        title = "Ширина, мм",
        description = "Ширина при печати в миллиметрах (высота — по пропорциям изображения); если не указана — 15."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width_mm: Option<f64>,
}
