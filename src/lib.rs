//! # prikaz
//!
//! Turns a structured description of a Russian official order (приказ) and its
//! appendices — above all the roadmap table «План мероприятий (дорожная карта)» — into
//! documents ready to sign: a DOCX to edit and a PDF to sign.
//!
//! ```
//! // One engine (templates, fonts, measurers) for any number of documents and threads.
//! let engine = prikaz::Engine::builtin().unwrap();
//! let text = std::fs::read_to_string("samples/solnechnogorsk-2023.json").unwrap();
//! let out = prikaz::render(&engine, "solnechnogorsk-2023.json", &text, None, &prikaz::Options::default())
//!     .expect("the sample is valid");
//! assert!(out.docx.unwrap().starts_with(b"PK"));
//! assert!(out.pdf.unwrap().starts_with(b"%PDF"));
//! ```
//!
//! A document with mistakes gives every error, located and in Russian:
//!
//! ```
//! let engine = prikaz::Engine::builtin().unwrap();
//! let errors = prikaz::render(&engine, "x.json", r#"{"order": {"date": "2024-02-30"}}"#, None, &Default::default())
//!     .unwrap_err();
//! assert!(errors[0].message.contains("2024-02-30"));
//! ```
//!
//! The pipeline reads as a story:
//!
//! 1. [`input`] loads a JSON file, refusing anything it cannot trust (size, encoding,
//!    syntax, types, unknown keys) and checking what the types cannot say (impossible
//!    ranges, colliding numbers, spans across sections, characters XML cannot carry).
//!    Every problem is a [`diag::Diagnostic`] that names the file, the JSON path and the
//!    line and column, in Russian.
//! 2. [`template`] renders the Tera templates over a view of the input into markup, which
//!    [`markup`] reads into one document model ([`doc`]), normalised by [`normalize`]
//!    (typography, no-break spaces) — [`pipeline`].
//! 3. [`writers::docx`] writes the model as a DOCX; [`layout`] sets it on pages with our own
//!    line and page breaking, and [`writers::pdf`] writes those pages with krilla.
//! 4. [`engine`] runs 2–3 for a checked input; `batch`, `roll`, `import` build on it.

#![deny(missing_docs)]

pub mod engine;
pub use engine::{render, Engine, LayoutNotes, Options, Rendered};

/// A stage of the pipeline: the crate's own, reachable from outside only with the feature
/// `internals` (the integration tests turn it on through their self dev-dependency). The
/// command-line and the editor's server are built without it, so the compiler holds them to
/// the face below.
macro_rules! stage {
    ($(#[$meta:meta])* $name:ident) => {
        #[cfg(feature = "internals")]
        $(#[$meta])*
        pub mod $name;
        #[cfg(not(feature = "internals"))]
        $(#[$meta])*
        pub(crate) mod $name;
    };
}

// The face: what the front ends use.
pub mod amend;
pub mod batch;
pub mod diag;
pub mod diff;
pub mod doc;
pub mod import;
pub mod input;
pub mod output;
pub mod roll;
pub mod roll_text;
pub mod ru;
pub mod samples;
pub mod sheet;
pub use layout::{ladders::Ladder as HyphenLadder, loose::Loose as LooseLine};
pub use pipeline::{find_appendix, Parts};
pub use template::{view::build as template_view, Templates, BUILTIN as BUILTIN_TEMPLATES};
pub use writers::docx::Reviser;

// The stages.
stage!(breaks);
stage!(fonts);
stage!(layout);
stage!(markup);
stage!(normalize);
stage!(pipeline);
stage!(template);
stage!(tracked);
stage!(writers);
