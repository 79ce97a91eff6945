//! Layout, step 1 for tables: each row's cells set into lines at their columns' widths,
//! and the rows' heights. Step 2 ([`super::table`]) puts the rows on pages.

use super::lines::{height, paragraph_chunk, stamp, stamp_item, PLine, Setter};
use super::{text::Measurer, Item};
use crate::doc::structure::{Leaves, LABEL};
use crate::doc::{geometry, Block, Cell, Row, RowKind, Table};

pub(super) const PAD_X: f64 = geometry::CELL_PAD_X.to_pt();
pub(super) const PAD_Y: f64 = geometry::CELL_PAD_Y.to_pt();

/// A laid-out cell: its lines, grid position and spans.
#[derive(Clone)]
pub(super) struct LCell {
    pub col: usize,
    pub colspan: usize,
    pub rowspan: usize,
    /// Centred vertically in its row.
    pub middle: bool,
    pub lines: Vec<PLine>,
}

#[derive(Clone)]
pub(super) struct LRow {
    pub kind: RowKind,
    pub cells: Vec<LCell>,
    pub height: f64,
    /// The height its own cells need, before a cell spanning down to it made it taller.
    pub own: f64,
}

/// The rows of a table set into lines at the columns' `widths`: each cell's lines, each
/// row's height (a cell spanning rows makes the last of them taller when it needs more).
pub(super) fn lay_rows(f: &Setter<'_>, rows: &[Row], widths: &[f64]) -> Vec<LRow> {
    let n = widths.len();
    let starts = Table::grid(rows, n);
    let mut out: Vec<LRow> = rows
        .iter()
        .zip(&starts)
        .map(|(row, st)| {
            let cells: Vec<LCell> = row
                .cells
                .iter()
                .zip(st)
                .map(|(c, &col)| {
                    let colspan = c.colspan.min(n.saturating_sub(col)).max(1);
                    let w: f64 = widths[col..col + colspan].iter().sum::<f64>() - 2.0 * PAD_X;
                    LCell {
                        col,
                        colspan,
                        rowspan: c.rowspan.max(1),
                        middle: c.middle,
                        lines: cell_lines(f.m, &f.leaves, c, w, f.table_size, f.hyphenate),
                    }
                })
                .collect();
            let height = cells
                .iter()
                .filter(|c| c.rowspan == 1)
                .map(|c| height(&c.lines) + 2.0 * PAD_Y)
                .fold(f.m.line_height(f.table_size) + 2.0 * PAD_Y, f64::max);
            LRow { kind: row.kind, cells, height, own: height }
        })
        .collect();
    // A cell spanning rows makes the last of them taller when it needs more room.
    for i in 0..out.len() {
        for k in 0..out[i].cells.len() {
            let span = out[i].cells[k].rowspan;
            if span > 1 {
                let end = (i + span).min(out.len());
                let need = height(&out[i].cells[k].lines) + 2.0 * PAD_Y;
                let have: f64 = out[i..end].iter().map(|r| r.height).sum();
                if need > have {
                    out[end - 1].height += need - have;
                }
            }
        }
    }
    out
}

fn cell_lines(m: &Measurer, leaves: &Leaves, c: &Cell, width: f64, size: f64, hyphenate: bool) -> Vec<PLine> {
    let mut lines = Vec::new();
    for b in &c.blocks {
        match b {
            Block::Paragraph(p) => {
                let mut c = paragraph_chunk(m, p, size, width, 0.0, hyphenate).lines;
                stamp(&mut c, leaves.paragraph(p));
                lines.extend(c);
            }
            Block::List(l) => {
                let hang = geometry::LIST_HANG.to_pt();
                for (i, item) in l.items.iter().enumerate() {
                    let mut c = paragraph_chunk(m, item, size, width - hang, hang, hyphenate).lines;
                    if let Some(first) = c.first_mut() {
                        first.items.push(Item::Text {
                            x: 0.0,
                            y: m.ascent(size),
                            text: l.marker.text(i),
                            face: 0,
                            size,
                            spacing: 0.0,
                            tag: 0,
                        });
                    }
                    let id = leaves.paragraph(item);
                    stamp(&mut c, id);
                    if let Some(marker) = c.first_mut().and_then(|l| l.items.last_mut()) {
                        stamp_item(marker, id | LABEL);
                    }
                    lines.extend(c);
                }
            }
            // Tables, zones and signatures never come out of the markup reader inside a cell.
            _ => {}
        }
    }
    lines
}
