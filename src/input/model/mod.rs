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

/// A piece of an imported document that import found no place for.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Неразмещённый текст",
    description = "Абзац, ячейка или надпись исходного документа, не перенесённые ни в одно поле."
)]
#[serde(deny_unknown_fields)]
pub struct Unplaced {
    /// Where it stood in the source («абзац 14», «таблица 2, строка 3, столбец 1»).
    #[schemars(
        title = "Откуда",
        description = "Где текст стоял в исходном документе: «абзац 14», «таблица 2, строка 3, столбец 1»."
    )]
    #[serde(default)]
    pub from: String,
    /// The text.
    #[schemars(title = "Текст", description = "Текст, как он был в исходном документе.")]
    pub text: String,
}

/// One input file: an order (приказ) with its бланк and appendices.
///
/// Documents that are only an appendix (the order itself was issued elsewhere) leave out
/// `order.body`; a bare appendix with no order at all leaves out `order`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Приказ и приложения",
    description = "Один входной файл: приказ с бланком и приложениями. Если сам приказ издан отдельно и нужны только приложения, `order.body` не указывается; для отдельного приложения без приказа не указывается `order`."
)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Where the JSON Schema of this format lives (for editors); not used when rendering.
    #[schemars(
        title = "Адрес схемы",
        description = "Где находится схема этого формата (для редактора); при формировании документа не используется."
    )]
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Page, font and typography settings; defaults follow ГОСТ Р 7.0.97-2025.
    #[schemars(
        title = "Оформление",
        description = "Параметры страницы, шрифта и типографики; по умолчанию — по ГОСТ Р 7.0.97-2025."
    )]
    #[serde(default)]
    pub style: Style,
    /// The бланк: issuing organisation, its parent bodies and contact details.
    #[schemars(
        title = "Бланк",
        description = "Бланк документа: организация — автор документа, вышестоящие органы и контактные данные."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blank: Option<Blank>,
    /// The order's requisites and, when the order itself is rendered, its text.
    #[schemars(title = "Приказ", description = "Реквизиты приказа и, если выводится сам приказ, его текст.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// Appendices in the order they are numbered.
    #[schemars(title = "Приложения", description = "Приложения в порядке их нумерации.")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
    /// The QR code at the lower right of the first page.
    #[schemars(title = "QR-код", description = "QR-код в правом нижнем углу первой страницы.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr: Option<Qr>,
    /// Text import could not place; not printed, named by `validate` until moved.
    #[schemars(
        title = "Не размещено при импорте",
        description = "Текст из исходного документа, для которого импорт не нашёл места. Не печатается; пока список не пуст, проверка напоминает о нём. Перенесите текст в нужные поля и удалите записи."
    )]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Unplaced>,
    /// The folder file names in the input (the logo) are relative to: the input file's.
    /// Not part of the format.
    #[serde(skip)]
    #[schemars(skip)]
    pub base_dir: Option<std::path::PathBuf>,
}
