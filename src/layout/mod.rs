//! Our own layout engine: the IR → pages of positioned text and lines, with no PDF types.
//! First-fit lines with Russian hyphenation, keep-with-next, widow and orphan control,
//! tables whose header repeats, whose section rows stay with the next row and whose rows
//! do not split, landscape sections, page numbers from page 2.

pub mod columns;
mod cursor;
pub mod ladders;
pub mod linebreak;
mod lines;
pub mod loose;
mod pages;
mod rows;
mod table;
pub mod text;

use std::fmt::Write;

pub use pages::layout;

/// A page of positioned items; y grows downwards from the top edge, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// What is drawn.
    pub items: Vec<Item>,
    /// The kind of the last table row drawn on this page, when the page ends in a table
    /// (for checks: no page may end with a section row).
    pub last_row: Option<crate::doc::RowKind>,
    /// The bookmark of a section that starts on this page.
    pub bookmark: Option<String>,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text on a baseline.
    Text {
        /// Left edge.
        x: f64,
        /// Baseline.
        y: f64,
        /// The text.
        text: String,
        /// Face index (regular, bold, italic, bold italic).
        face: usize,
        /// Size in points.
        size: f64,
        /// Width added at each space of `text`, in points (justification).
        spacing: f64,
        /// The paragraph or signature it belongs to, for the PDF's tags
        /// ([`crate::doc::structure`]); 0 for what is no content (page numbers, a repeated
        /// table header).
        tag: crate::doc::structure::LeafId,
    },
    /// A straight line (table borders).
    Line {
        /// Start x.
        x1: f64,
        /// Start y.
        y1: f64,
        /// End x.
        x2: f64,
        /// End y.
        y2: f64,
    },
    /// A filled black rectangle (the modules of a QR code).
    Rect {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
    },
    /// A raster image.
    Image {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Printed width.
        w: f64,
        /// Printed height.
        h: f64,
        /// The file.
        picture: std::sync::Arc<crate::doc::Picture>,
    },
}

/// A character no bundled face can draw, and where it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// The text around it.
    pub context: String,
}

/// Every character of the document the fonts lack (each once, with its first context), so
/// the user is told instead of finding empty boxes.
pub fn missing_glyphs(doc: &crate::doc::Document, m: &text::Measurer) -> Vec<MissingGlyph> {
    use crate::doc::{Block, Inline, Paragraph};
    use std::borrow::Cow;
    // A paragraph's texts as printed: its number's label joined to the first.
    fn shown<'a>(p: &'a Paragraph, out: &mut Vec<Cow<'a, str>>) {
        for (k, i) in p.inlines.iter().enumerate() {
            let Inline::Text(t, _) = i else { continue };
            match p.style.number.filter(|_| k == 0) {
                Some(n) => out.push(Cow::Owned(n.label() + t)),
                None => out.push(Cow::Borrowed(t)),
            }
        }
    }
    fn texts<'a>(b: &'a Block, out: &mut Vec<Cow<'a, str>>) {
        match b {
            Block::Paragraph(p) => shown(p, out),
            Block::List(l) => l.items.iter().for_each(|p| shown(p, out)),
            Block::Signature(s) => {
                out.extend(s.position.iter().map(|t| Cow::Borrowed(t.as_str())));
                out.push(Cow::Borrowed(&s.name));
            }
            Block::Zone(z) => z.blocks.iter().for_each(|b| texts(b, out)),
            Block::Table(t) => {
                for r in t.head.iter().chain(&t.body) {
                    for c in &r.cells {
                        c.blocks.iter().for_each(|b| texts(b, out));
                    }
                }
            }
            Block::Image(_) => {}
            Block::Columns(cs) => cs.columns.iter().flat_map(|c| &c.blocks).for_each(|b| texts(b, out)),
        }
    }
    let mut all = Vec::new();
    for s in &doc.sections {
        for b in &s.blocks {
            texts(b, &mut all);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for t in &all {
        for (i, c) in t.char_indices() {
            if !c.is_whitespace() && !text::is_invisible(c) && !m.has_glyph(c) && seen.insert(c) {
                let start = t[..i].char_indices().rev().nth(15).map_or(0, |(k, _)| k);
                let end = t[i..].char_indices().nth(16).map_or(t.len(), |(k, _)| i + k);
                out.push(MissingGlyph { ch: c, context: t[start..end].to_owned() });
            }
        }
    }
    out
}

#[cfg(any(test, feature = "internals"))]
/// Every text run with its place, for snapshots that must see horizontal moves too: per
/// page, each run's baseline y, left x and the extra width at each space (justification),
/// in points to 0.1 (0.01 for the spacing), sorted by y then x.
pub fn dump_positions(pages: &[Page]) -> String {
    let mut out = String::new();
    for (i, p) in pages.iter().enumerate() {
        let _ = writeln!(out, "page {} {}x{}", i + 1, p.width.round(), p.height.round());
        let mut runs: Vec<(i64, i64, f64, &str)> = p
            .items
            .iter()
            .filter_map(|it| match it {
                Item::Text { x, y, text, spacing, .. } => {
                    Some(((y * 10.0).round() as i64, (x * 10.0).round() as i64, *spacing, text.as_str()))
                }
                _ => None,
            })
            .collect();
        runs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        for (y, x, spacing, text) in runs {
            let text = text.replace('\u{a0}', "~");
            if spacing.abs() >= 0.005 {
                let _ = writeln!(out, "  {:7.1} {:6.1} {spacing:+.2} {text}", y as f64 / 10.0, x as f64 / 10.0);
            } else {
                let _ = writeln!(out, "  {:7.1} {:6.1} {text}", y as f64 / 10.0, x as f64 / 10.0);
            }
        }
    }
    out
}

/// A text dump of the layout: page, baseline y and the text of each line (fragments on one
/// baseline joined left to right), hyphens visible. Used by `--emit layout` and tests.
pub fn dump(pages: &[Page]) -> String {
    let mut out = String::new();
    for (i, p) in pages.iter().enumerate() {
        let _ = writeln!(out, "page {} {}x{}", i + 1, p.width.round(), p.height.round());
        let mut rows: Vec<(i64, f64, String)> = Vec::new();
        for it in &p.items {
            if let Item::Text { x, y, text, .. } = it {
                let key = (y * 10.0).round() as i64;
                rows.push((key, *x, text.clone()));
            }
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut current: Option<i64> = None;
        let mut line = String::new();
        for (key, _, text) in rows {
            if current != Some(key) {
                if let Some(k) = current {
                    let _ = writeln!(out, "  {:7.1} {}", k as f64 / 10.0, line.replace('\u{a0}', "~"));
                }
                current = Some(key);
                line.clear();
            } else {
                line.push(' ');
            }
            line.push_str(&text);
        }
        if let Some(k) = current {
            let _ = writeln!(out, "  {:7.1} {}", k as f64 / 10.0, line.replace('\u{a0}', "~"));
        }
    }
    out
}
