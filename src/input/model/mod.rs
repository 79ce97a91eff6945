//! The input format: serde types for one order and its appendices.
//!
//! Every struct denies unknown fields, so a typo in a key is an error, not silently
//! ignored data. Values that may be written in several shapes (a string or an object,
//! a string or a list) deserialize through `serde_untagged`, which keeps the position of
//! an error inside the value, unlike `#[serde(untagged)]`.

mod appendix;
mod approval;
mod blank;
mod cell;
mod deadline;
mod number;
mod order;
mod person;
mod style;
mod time;

pub use appendix::*;
pub use approval::*;
pub use blank::*;
pub use cell::*;
pub use deadline::*;
pub(crate) use number::{number_schema, number_text, opt_number_text};
pub use order::*;
pub use person::*;
pub use style::*;
pub use time::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// # Неразмещённый текст
/// Абзац, ячейка или надпись исходного документа, не перенесённые ни в одно поле.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unplaced {
    /// # Откуда
    /// Где текст стоял в исходном документе: «абзац 14», «таблица 2, строка 3, столбец 1».
    #[serde(default)]
    pub from: String,
    /// # Текст
    /// Текст, как он был в исходном документе.
    pub text: String,
}

/// # Приказ и приложения
/// Один входной файл: приказ с бланком и приложениями. Если сам приказ издан отдельно и нужны только приложения, `order.body` не указывается; для отдельного приложения без приказа не указывается `order`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// # Адрес схемы
    /// Где находится схема этого формата (для редактора); при формировании документа не используется.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// # Оформление
    /// Параметры страницы, шрифта и типографики; по умолчанию — по ГОСТ Р 7.0.97-2025.
    #[serde(default)]
    pub style: Style,
    /// # Бланк
    /// Бланк документа: организация — автор документа, вышестоящие органы и контактные данные.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blank: Option<Blank>,
    /// # Приказ
    /// Реквизиты приказа и, если выводится сам приказ, его текст.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// # Приложения
    /// Приложения в порядке их нумерации.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
    /// # QR-код
    /// QR-код в правом нижнем углу первой страницы.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<Qr>,
    /// # Не размещено при импорте
    /// Текст из исходного документа, для которого импорт не нашёл места. Не печатается; пока список не пуст, проверка напоминает о нём. Перенесите текст в нужные поля и удалите записи.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Unplaced>,
    /// The folder file names in the input (the logo) are relative to: the input file's.
    /// Not part of the format.
    #[serde(skip)]
    #[schemars(skip)]
    pub base_dir: Option<std::path::PathBuf>,
    /// The pictures read with the input (its logo), by the path the templates see.
    /// Not part of the format.
    #[serde(skip)]
    #[schemars(skip)]
    pub pictures: crate::input::pictures::Pictures,
}
