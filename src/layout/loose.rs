//! Loose lines: justified lines whose spaces first-fit line breaking had to stretch far.
//! Both outputs break and stretch them alike (the signable pages' rule), so the fix is
//! the author's — another word order or a synonym — and `validate` names each line with
//! its page and words.

use super::text::Measurer;
use super::{Item, Page};

/// A space wider than this (in em of its text, as the layout sets it) makes a line loose.
/// The signable pages' check bounds the gap between poppler's word boxes at 0.75 em; a
/// line it passes (Детский сад, page 1) has a 0.781 em gap here, so the bound is 0.8 em:
/// `validate` names no line the page check would pass.
pub const MAX_GAP_EM: f64 = 0.8;

/// A loose line: where it is and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Loose {
    /// The page, from 1.
    pub page: usize,
    /// The line's text.
    pub text: String,
    /// Its widest space, in em.
    pub gap_em: f64,
}

/// Every loose line of the pages, in reading order.
pub fn loose_lines(pages: &[Page], m: &Measurer) -> Vec<Loose> {
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        // The runs of one line share its baseline: a line is the runs in a row on one y.
        let mut line: Option<(f64, String, f64)> = None;
        let mut flush = |line: &mut Option<(f64, String, f64)>| {
            if let Some((_, text, gap)) = line.take().filter(|l| l.2 > MAX_GAP_EM) {
                out.push(Loose { page: p + 1, text, gap_em: gap });
            }
        };
        for item in &page.items {
            let Item::Text { y, text, face, size, spacing, .. } = item else { continue };
            let gap =
                if *spacing > 0.0 && text.contains(' ') { (m.width(*face, " ", *size) + spacing) / size } else { 0.0 };
            match line.as_mut() {
                Some((ly, t, g)) if *ly == *y => {
                    t.push_str(text);
                    *g = g.max(gap);
                }
                _ => {
                    flush(&mut line);
                    line = Some((*y, text.clone(), gap));
                }
            }
        }
        flush(&mut line);
    }
    out
}
