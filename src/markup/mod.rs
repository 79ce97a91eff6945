//! The reader: template output (a small XML vocabulary) → the document IR.
//!
//! Vocabulary (documented for template authors in docs/templates.md):
//! `<section orientation margins page-numbers>` holding blocks; blocks are `<p>` (with
//! `align indent left before after keep-next hyphenate size bold italic`, inline `<b> <i> <br/> <tab/>`),
//! `<list marker><item>…</item></list>`, `<signature before><position/>…<name/></signature>`,
//! `<zone kind="blank|right" width>`, `<image src width/>`, and
//! `<table widths><head><row kind><cell colspan rowspan align bold>…` with `<body>` alike.

pub mod read;
pub mod tree;

use crate::doc::Section;
pub use read::Defaults;

/// A markup error, placed in the template that produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkupError {
    /// Template file name.
    pub template: String,
    /// What is wrong.
    pub message: String,
    /// Line in the template output.
    pub output_line: usize,
    /// The template line that most likely produced it, found by the offending tag's text.
    pub template_line: Option<usize>,
}

impl std::fmt::Display for MarkupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.template_line {
            Some(l) => write!(f, "шаблон {}, строка {l}: {}", self.template, self.message),
            None => write!(f, "шаблон {} (строка {} его вывода): {}", self.template, self.output_line, self.message),
        }
    }
}

/// Reads the output of one template.
pub fn read(markup: &str, template: &str, template_source: &str, d: &Defaults) -> Result<Vec<Section>, MarkupError> {
    let (message, at) = match tree::parse(markup) {
        Ok(top) => match read::sections(&top, d) {
            Ok(s) => return Ok(s),
            Err(e) => (e.message, e.at),
        },
        Err(e) => (e.message, e.at),
    };
    // The XML reader may place an error inside a multi-byte letter (found by fuzzing).
    let mut at = at.min(markup.len());
    while !markup.is_char_boundary(at) {
        at -= 1;
    }
    let output_line = markup[..at].matches('\n').count() + 1;
    Err(MarkupError {
        template: template.to_owned(),
        message,
        output_line,
        template_line: template_line_of(markup, at, template_source),
    })
}

#[cfg(any(test, feature = "internals"))]
/// Reads markup on its own as a whole document: the standard's margins (see
/// [`crate::doc::geometry::default_margins`]), 14 pt text, 12 pt tables, hyphenation and typography on. For the fuzzers and
/// their regression tests, which feed markup no input file stands behind.
pub fn standalone(markup: &str) -> Result<crate::doc::Document, MarkupError> {
    use crate::doc::{geometry, Document, FontSetup, Length, Meta};
    let defaults = Defaults { margins: geometry::default_margins(), pictures: &crate::input::pictures::Pictures::default() };
    let sections = read(markup, "markup.xml", markup, &defaults)?;
    let mut doc = Document {
        meta: Meta { title: "markup".into(), lang: "ru-RU".into(), ..Meta::default() },
        fonts: FontSetup {
            family: "Liberation Serif".into(),
            body_size: Length::pt(14.0),
            table_size: Length::pt(12.0),
            hyphenation: true,
        },
        sections,
        qr: None,
    };
    crate::normalize::normalize(&mut doc, &crate::input::model::Typography::default());
    Ok(doc)
}

/// The template line holding the tag found at `at` in the output: the first line of the
/// template containing that tag's opening text (`<pp` for `<pp a="…">`).
fn template_line_of(markup: &str, at: usize, source: &str) -> Option<usize> {
    let rest = &markup[at..];
    let tag: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/' || *c == '<').collect();
    let tag = tag.trim_end_matches('/');
    if tag.len() < 2 || !tag.starts_with('<') {
        return None;
    }
    source.lines().position(|l| l.contains(tag)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Length, Margins};

    #[test]
    fn errors_point_at_the_template_line() {
        let src = "<section>\n  <p>{{ x }}</p>\n  <pp>oops</pp>\n</section>";
        let out = "<section>\n  <p>x</p>\n  <pp>oops</pp>\n</section>";
        let m = Margins {
            top: Length::mm(20.0),
            right: Length::mm(10.0),
            bottom: Length::mm(20.0),
            left: Length::mm(20.0),
        };
        let e = read(out, "order.xml", src, &Defaults { margins: m, pictures: &crate::input::pictures::Pictures::default() }).unwrap_err();
        assert_eq!(e.template_line, Some(3));
        assert_eq!(
            e.to_string(),
            "шаблон order.xml, строка 3: неизвестный элемент <pp>: блоки — p, list, table, signature, zone, image, columns"
        );
    }
}
