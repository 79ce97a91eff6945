//! The бланк: the organisation block in the top-left corner of the first page.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// # Бланк
/// Реквизиты, печатаемые на бланке.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Blank {
    /// # Вышестоящие органы
    /// Органы над организацией, сверху вниз: «Администрация городского округа Солнечногорск Московской области», «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ». `\n` внутри строки — принудительный перенос.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
    /// # Организация
    /// Организация — автор документа.
    pub organization: Organization,
    /// # Почтовый адрес
    /// Почтовый адрес.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// # Телефон
    /// Номер телефона в том виде, как он печатается.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// # Факс
    /// Номер факса в том виде, как он печатается.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// # Электронная почта
    /// Адрес электронной почты.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// # Сайт
    /// Адрес сайта.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// # Логотип
    /// Логотип или эмблема над реквизитами бланка.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
    /// # Вид бланка
    /// Угловой (в левом верхнем углу) или продольный (по центру страницы). По умолчанию — `corner`.
    #[serde(default)]
    pub layout: BlankLayout,
}

/// # Вид бланка
/// Где располагаются реквизиты бланка.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlankLayout {
    /// # Угловой
    /// Угловой бланк: реквизиты в левом верхнем углу, шириной не более 80 мм.
    #[default]
    Corner,
    /// # Продольный
    /// Продольный бланк: каждая строка по центру страницы.
    Centered,
}

/// # Наименования организации
/// Наименования организации.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// # Полное наименование
    /// Полное наименование, как на бланке; `\n` — принудительный перенос строки.
    pub full_name: String,
    /// # Сокращённое наименование
    /// Сокращённое наименование («МКУ ДПО «Учебно-методический Центр»»); используется после «к приказу» в отметках о приложении, если в приказе не указан `issuer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
}

/// # Логотип
/// Изображение на бланке.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// # Файл изображения
    /// Файл PNG или JPEG; путь указывается относительно входного файла.
    pub path: String,
    /// # Ширина, мм
    /// Ширина при печати в миллиметрах (высота — по пропорциям изображения); если не указана — 15.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width_mm: Option<f64>,
}
