//! Our own layout engine: the IR → pages of positioned text and lines, with no PDF types.
//! First-fit lines with Russian hyphenation, keep-with-next, widow and orphan control,
//! tables whose header repeats, whose section rows stay with the next row and whose rows
//! do not split, landscape sections, page numbers from page 2.

mod flow;
pub mod linebreak;
mod table;
pub mod text;

use std::fmt::Write;

pub use flow::layout;

/// A page of positioned items; y grows downwards from the top edge, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// What is drawn.
    pub items: Vec<Item>,
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
