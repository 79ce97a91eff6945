//! # prikaz
//!
//! Turns a structured description of a Russian official order (приказ) and its
//! appendices — above all the roadmap table «План мероприятий (дорожная карта)» — into
//! documents ready to sign.
//!
//! The pipeline reads as a story:
//!
//! 1. [`input`] loads a JSON file, refusing anything it cannot trust (size, encoding,
//!    syntax, types, unknown keys) and checking what the types cannot say (impossible
//!    ranges, colliding numbers, spans across sections, characters XML cannot carry).
//!    Every problem is a [`diag::Diagnostic`] that names the file, the JSON path and the
//!    line and column, in Russian.
//! 2. Templates, the document model and the two writers (DOCX, PDF) follow in later stages.

pub mod batch;
pub mod diag;
pub mod doc;
pub mod fonts;
pub mod import;
pub mod input;
pub mod layout;
pub mod markup;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod roll;
pub mod roll_text;
pub mod ru;
pub mod sheet;
pub mod template;
