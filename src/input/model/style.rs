//! Style settings of a document. Every default follows ГОСТ Р 7.0.97-2025 as summarised in
//! `shared/reference/gost.md`; organisations with their own instructions change them here.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Page, type and typography settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Style {
    /// The body font family as named in the DOCX.
    pub font: String,
    /// Body text size in points (ГОСТ recommends 12–14).
    pub body_size_pt: f64,
    /// Table text size in points.
    pub table_size_pt: f64,
    /// Page margins in millimetres.
    pub margins_mm: Margins,
    /// First-line indent of body paragraphs, millimetres.
    pub first_line_indent_mm: f64,
    /// Automatic hyphenation of body text.
    pub hyphenation: bool,
    /// A roadmap goes on landscape pages when it has at least this many columns
    /// (unless the appendix sets `orientation`).
    pub landscape_from_columns: usize,
    /// How dates inside deadlines are written: «29.04.2022» or «29 апреля 2022 г.».
    pub deadline_dates: DeadlineDates,
    /// How points refer to appendices.
    pub appendix_refs: AppendixRefs,
    /// Typography corrections applied to the text.
    pub typography: Typography,
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
            appendix_refs: AppendixRefs::default(),
            typography: Typography::default(),
        }
    }
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Margins {
    /// Left (30 for documents kept over 10 years).
    pub left: f64,
    /// Right.
    pub right: f64,
    /// Top.
    pub top: f64,
    /// Bottom.
    pub bottom: f64,
}

impl Default for Margins {
    fn default() -> Self {
        Margins { left: 20.0, right: 10.0, top: 20.0, bottom: 20.0 }
    }
}

/// How a point refers to an appendix: «(приложение 1)», «(Приложение № 1)».
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct AppendixRefs {
    /// «(Приложение)» rather than «(приложение)».
    pub capitalized: bool,
    /// «(приложение № 1)» rather than «(приложение 1)».
    pub number_sign: bool,
}

/// Typography passes; each can be switched off, since the text is legally the author's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Typography {
    /// Non-breaking spaces in «Н.П. Клюева», «№ 15», «2023 г.».
    pub nbsp: bool,
    /// «Ёлочки» for straight quotes, „лапки“ inside.
    pub quotes: bool,
    /// En dash in ranges («2023–2024»), em dash between words.
    pub dashes: bool,
}

impl Default for Typography {
    fn default() -> Self {
        Typography { nbsp: true, quotes: true, dashes: true }
    }
}

/// How dates inside deadlines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineDates {
    /// «29.04.2022».
    #[default]
    Numeric,
    /// «29 апреля 2022 г.».
    Words,
}
