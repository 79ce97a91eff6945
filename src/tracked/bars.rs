//! The PDF's change bars: a thin black bar in the left margin beside every line of a
//! paragraph that changed, as drafting offices mark a revised text in the margin.

use std::collections::{BTreeMap, HashSet};

use crate::doc::structure::{LeafId, LABEL};
use crate::layout::{Item, Page};

/// The bar's width and its distance from the text's left edge, in points.
const WIDTH: f64 = 1.5;
const GAP: f64 = 8.0;

/// Draws the bars beside the lines whose texts belong to `leaves`.
pub fn draw(pages: &mut [Page], leaves: &HashSet<LeafId>) {
    if leaves.is_empty() {
        return;
    }
    for page in pages {
        // The page's left text edge: its leftmost text or rule.
        let left = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, .. } => Some(*x),
                Item::Line { x1, x2, .. } => Some(x1.min(*x2)),
                _ => None,
            })
            .fold(f64::INFINITY, f64::min);
        if !left.is_finite() {
            continue;
        }
        // One bar per changed line: from the line's ascent to its descent (baselines to
        // 0.1 pt, so the texts of one line are one key).
        let mut lines: BTreeMap<i64, (f64, f64)> = BTreeMap::new();
        for i in &page.items {
            if let Item::Text { y, size, tag, .. } = i {
                if leaves.contains(&(tag & !LABEL)) {
                    let (top, bottom) = (y - size * 0.85, y + size * 0.3);
                    let e = lines.entry((y * 10.0).round() as i64).or_insert((top, bottom));
                    *e = (e.0.min(top), e.1.max(bottom));
                }
            }
        }
        let x = (left - GAP - WIDTH).max(0.0);
        for (top, bottom) in lines.into_values() {
            page.items.push(Item::Rect { x, y: top, w: WIDTH, h: bottom - top });
        }
    }
}
