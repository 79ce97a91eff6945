//! Style settings of a document. Every default follows ГОСТ Р 7.0.97-2025 as summarised in
//! `shared/reference/gost.md`; organisations with their own instructions change them here.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::ru::typography::Typography;

/// Page, type and typography settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Оформление", description = "Параметры страницы, шрифта и типографики.")]
#[serde(deny_unknown_fields, default)]
pub struct Style {
    /// The body font family as named in the DOCX.
    #[schemars(
        title = "Шрифт",
        description = "Гарнитура основного текста, как она называется в DOCX. По умолчанию — `Times New Roman`."
    )]
    pub font: String,
    /// Body text size in points (ГОСТ recommends 12–14).
    #[schemars(
        title = "Размер шрифта текста, пт",
        description = "Размер шрифта основного текста в пунктах (ГОСТ рекомендует 12–14). По умолчанию — 14."
    )]
    pub body_size_pt: f64,
    /// Table text size in points.
    #[schemars(
        title = "Размер шрифта таблиц, пт",
        description = "Размер шрифта в таблицах в пунктах. По умолчанию — 12."
    )]
    pub table_size_pt: f64,
    /// Page margins in millimetres.
    #[schemars(title = "Поля страницы, мм", description = "Поля страницы в миллиметрах.")]
    pub margins_mm: Margins,
    /// First-line indent of body paragraphs, millimetres.
    #[schemars(
        title = "Абзацный отступ, мм",
        description = "Отступ первой строки абзацев основного текста в миллиметрах. По умолчанию — 12,5."
    )]
    pub first_line_indent_mm: f64,
    /// Automatic hyphenation of body text.
    #[schemars(
        title = "Переносы",
        description = "Автоматическая расстановка переносов в основном тексте. По умолчанию — `true`."
    )]
    pub hyphenation: bool,
    /// A roadmap goes on landscape pages when it has at least this many columns
    /// (unless the appendix sets `orientation`).
    #[schemars(
        title = "Порог альбомной ориентации",
        description = "План мероприятий располагается на страницах альбомной ориентации, если в нём не меньше этого числа столбцов (если в приложении не задана `orientation`). По умолчанию — 5."
    )]
    pub landscape_from_columns: usize,
    /// How dates inside deadlines are written: «29.04.2022» or «29 апреля 2022 г.».
    #[schemars(
        title = "Даты в сроках",
        description = "Как записываются даты в сроках: «29.04.2022» или «29 апреля 2022 г.». По умолчанию — `numeric`."
    )]
    pub deadline_dates: DeadlineDates,
    /// «г.» after a year in deadlines given as data: «Сентябрь 2024 г.» or «Сентябрь 2024».
    #[schemars(
        title = "«г.» в сроках",
        description = "Ставить ли «г.» после года в сроках, заданных данными: «Сентябрь 2024 г.», «До 15.10.2024», «До декабря 2024 г.» — или «Сентябрь 2024». По умолчанию — `true`."
    )]
    pub deadline_year_suffix: bool,
    /// A capital first letter in deadlines given as data: «Сентябрь 2024 г.» or «сентябрь 2024 г.».
    #[schemars(
        title = "Сроки с прописной",
        description = "Начинать ли срок, заданный данными, с прописной буквы: «Сентябрь 2024 г.», «До 15.10.2024» — или «сентябрь 2024 г.», «до 15.10.2024». По умолчанию — `true`."
    )]
    pub deadline_capitalized: bool,
    /// How points refer to appendices.
    #[schemars(title = "Ссылки на приложения", description = "Как пункты ссылаются на приложения.")]
    pub appendix_refs: AppendixRefs,
    /// Typography corrections applied to the text.
    #[schemars(title = "Типографика", description = "Типографские исправления, применяемые к тексту.")]
    pub typography: Typography,
    /// How the order's title (заголовок к тексту) is set.
    #[schemars(title = "Заголовок приказа", description = "Как набран заголовок к тексту приказа.")]
    pub title: TitleStyle,
}

/// How the order's title is set: ГОСТ's block at the left, 90 mm wide, by default.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Заголовок приказа",
    description = "Ширина, выравнивание и начертание заголовка к тексту приказа. По умолчанию — блок слева шириной 90 мм, обычным шрифтом."
)]
#[serde(deny_unknown_fields, default)]
pub struct TitleStyle {
    /// The block's width in millimetres.
    #[schemars(title = "Ширина, мм", description = "Ширина блока заголовка в миллиметрах. По умолчанию — 90.")]
    pub width_mm: f64,
    /// Across the whole text width instead of the block.
    #[schemars(
        title = "Во всю ширину",
        description = "Заголовок во всю ширину текста, а не блоком `width_mm`. По умолчанию — `false`."
    )]
    pub full_width: bool,
    /// Left or centred.
    #[schemars(title = "Выравнивание", description = "Влево или по центру. По умолчанию — `left`.")]
    pub align: TitleAlign,
    /// Bold.
    #[schemars(title = "Полужирный", description = "Полужирным шрифтом. По умолчанию — `false`.")]
    pub bold: bool,
}

impl Default for TitleStyle {
    fn default() -> Self {
        TitleStyle { width_mm: 90.0, full_width: false, align: TitleAlign::Left, bold: false }
    }
}

/// The title's alignment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Выравнивание заголовка", description = "Как выровнен заголовок к тексту.")]
#[serde(rename_all = "snake_case")]
pub enum TitleAlign {
    /// At the left.
    #[schemars(title = "Влево", description = "По левому краю.")]
    #[default]
    Left,
    /// Centred.
    #[schemars(title = "По центру", description = "По центру.")]
    Center,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            font: "Times New Roman".to_owned(),
            body_size_pt: 14.0,
            table_size_pt: 12.0,
            margins_mm: Margins::default(),
            first_line_indent_mm: 12.5,
            hyphenation: true,
            landscape_from_columns: 5,
            deadline_dates: DeadlineDates::default(),
            deadline_year_suffix: true,
            deadline_capitalized: true,
            appendix_refs: AppendixRefs::default(),
            typography: Typography::default(),
            title: TitleStyle::default(),
        }
    }
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Поля страницы", description = "Поля страницы в миллиметрах.")]
#[serde(deny_unknown_fields, default)]
pub struct Margins {
    /// Left (30 for documents kept over 10 years).
    #[schemars(
        title = "Левое поле",
        description = "Левое поле, мм (30 — для документов со сроком хранения более 10 лет). По умолчанию — 20."
    )]
    pub left: f64,
    /// Right.
    #[schemars(title = "Правое поле", description = "Правое поле, мм. По умолчанию — 10.")]
    pub right: f64,
    /// Top.
    #[schemars(title = "Верхнее поле", description = "Верхнее поле, мм. По умолчанию — 20.")]
    pub top: f64,
    /// Bottom.
    #[schemars(title = "Нижнее поле", description = "Нижнее поле, мм. По умолчанию — 20.")]
    pub bottom: f64,
}

impl Default for Margins {
    fn default() -> Self {
        Margins { left: 20.0, right: 10.0, top: 20.0, bottom: 20.0 }
    }
}

/// How a point refers to an appendix: «(приложение 1)», «(Приложение № 1)».
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Ссылки на приложения",
    description = "Как пункт ссылается на приложение: «(приложение 1)», «(Приложение № 1)»."
)]
#[serde(deny_unknown_fields, default)]
pub struct AppendixRefs {
    /// «(Приложение)» rather than «(приложение)».
    #[schemars(
        title = "С прописной буквы",
        description = "«(Приложение)» вместо «(приложение)». По умолчанию — `false`."
    )]
    pub capitalized: bool,
    /// «(приложение № 1)» rather than «(приложение 1)».
    #[schemars(
        title = "Знак «№»",
        description = "«(приложение № 1)» вместо «(приложение 1)». По умолчанию — `false`."
    )]
    pub number_sign: bool,
}

/// How dates inside deadlines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Даты в сроках", description = "Как записываются даты в сроках.")]
#[serde(rename_all = "snake_case")]
pub enum DeadlineDates {
    /// «29.04.2022».
    #[schemars(title = "Цифрами", description = "Цифрами: «29.04.2022».")]
    #[default]
    Numeric,
    /// «29 апреля 2022 г.».
    #[schemars(title = "Словами", description = "С месяцем словами: «29 апреля 2022 г.».")]
    Words,
}
