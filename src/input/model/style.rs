//! Style settings of a document. Every default follows ГОСТ Р 7.0.97-2025 as summarised in
//! `shared/reference/gost.md`; organisations with their own instructions change them here.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::ru::typography::Typography;

/// # Оформление
/// Параметры страницы, шрифта и типографики.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Style {
    /// # Шрифт
    /// Гарнитура основного текста, как она называется в DOCX. По умолчанию — `Times New Roman`.
    pub font: String,
    /// # Размер шрифта текста, пт
    /// Размер шрифта основного текста в пунктах (ГОСТ рекомендует 12–14). По умолчанию — 14.
    pub body_size_pt: f64,
    /// # Размер шрифта таблиц, пт
    /// Размер шрифта в таблицах в пунктах. По умолчанию — 12.
    pub table_size_pt: f64,
    /// # Поля страницы, мм
    /// Поля страницы в миллиметрах.
    pub margins_mm: Margins,
    /// # Абзацный отступ, мм
    /// Отступ первой строки абзацев основного текста в миллиметрах. По умолчанию — 12,5.
    pub first_line_indent_mm: f64,
    /// # Переносы
    /// Автоматическая расстановка переносов в основном тексте. По умолчанию — `true`.
    pub hyphenation: bool,
    /// # Порог альбомной ориентации
    /// План мероприятий располагается на страницах альбомной ориентации, если в нём не меньше этого числа столбцов (если в приложении не задана `orientation`). По умолчанию — 5.
    pub landscape_from_columns: usize,
    /// # Даты в сроках
    /// Как записываются даты в сроках: «29.04.2022» или «29 апреля 2022 г.». По умолчанию — `numeric`.
    pub deadline_dates: DeadlineDates,
    /// # «г.» в сроках
    /// Ставить ли «г.» после года в сроках, заданных данными: «Сентябрь 2024 г.», «До 15.10.2024», «До декабря 2024 г.» — или «Сентябрь 2024». По умолчанию — `true`.
    pub deadline_year_suffix: bool,
    /// # Сроки с прописной
    /// Начинать ли срок, заданный данными, с прописной буквы: «Сентябрь 2024 г.», «До 15.10.2024» — или «сентябрь 2024 г.», «до 15.10.2024». По умолчанию — `true`.
    pub deadline_capitalized: bool,
    /// # Ссылки на приложения
    /// Как пункты ссылаются на приложения.
    pub appendix_refs: AppendixRefs,
    /// # Типографика
    /// Типографские исправления, применяемые к тексту.
    pub typography: Typography,
    /// # Заголовок приказа
    /// Как набран заголовок к тексту приказа.
    pub title: TitleStyle,
}

/// # Заголовок приказа
/// Ширина, выравнивание и начертание заголовка к тексту приказа. По умолчанию — блок слева шириной 90 мм, обычным шрифтом.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct TitleStyle {
    /// # Ширина, мм
    /// Ширина блока заголовка в миллиметрах. По умолчанию — 90.
    pub width_mm: f64,
    /// # Во всю ширину
    /// Заголовок во всю ширину текста, а не блоком `width_mm`. По умолчанию — `false`.
    pub full_width: bool,
    /// # Выравнивание
    /// Влево или по центру. По умолчанию — `left`.
    pub align: TitleAlign,
    /// # Полужирный
    /// Полужирным шрифтом. По умолчанию — `false`.
    pub bold: bool,
}

impl Default for TitleStyle {
    fn default() -> Self {
        TitleStyle { width_mm: 90.0, full_width: false, align: TitleAlign::Left, bold: false }
    }
}

/// # Выравнивание заголовка
/// Как выровнен заголовок к тексту.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TitleAlign {
    /// # Влево
    /// По левому краю.
    #[default]
    Left,
    /// # По центру
    /// По центру.
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

/// # Поля страницы
/// Поля страницы в миллиметрах.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Margins {
    /// # Левое поле
    /// Левое поле, мм (30 — для документов со сроком хранения более 10 лет). По умолчанию — 20.
    pub left: f64,
    /// # Правое поле
    /// Правое поле, мм. По умолчанию — 10.
    pub right: f64,
    /// # Верхнее поле
    /// Верхнее поле, мм. По умолчанию — 20.
    pub top: f64,
    /// # Нижнее поле
    /// Нижнее поле, мм. По умолчанию — 20.
    pub bottom: f64,
}

impl Default for Margins {
    fn default() -> Self {
        Margins { left: 20.0, right: 10.0, top: 20.0, bottom: 20.0 }
    }
}

/// # Ссылки на приложения
/// Как пункт ссылается на приложение: «(приложение 1)», «(Приложение № 1)».
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct AppendixRefs {
    /// # С прописной буквы
    /// «(Приложение)» вместо «(приложение)». По умолчанию — `false`.
    pub capitalized: bool,
    /// # Знак «№»
    /// «(приложение № 1)» вместо «(приложение 1)». По умолчанию — `false`.
    pub number_sign: bool,
}

/// # Даты в сроках
/// Как записываются даты в сроках.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineDates {
    /// # Цифрами
    /// Цифрами: «29.04.2022».
    #[default]
    Numeric,
    /// # Словами
    /// С месяцем словами: «29 апреля 2022 г.».
    Words,
}
