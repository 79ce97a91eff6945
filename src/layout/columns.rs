//! Column widths from content. The input's relative widths are a wish: no column is made
//! narrower than the widest piece of text it cannot break (a date, «№ 15 а», «2023 г.», a
//! word of a column that is not hyphenated, a syllable chunk of one that is — see
//! [`super::breaks`]); what is left is shared in proportion to the wishes.
//!
//! The widths are decided here once, measured with the fonts the PDF is drawn with, and
//! written into the IR in whole twips: the layout and the DOCX grid then use the same
//! numbers, so Word and LibreOffice see the columns our PDF is laid out in.

use std::borrow::Cow;

use super::text::{face_index, Measurer};
use crate::breaks::{nbsp_breaks, unbreakable_pieces};
use crate::doc::{geometry, Block, Cell, Document, Inline, Paragraph, Table};

/// A column that cannot hold a piece of its text even at the narrowest the other columns
/// allow: the piece will be cut by characters.
#[derive(Debug, Clone, PartialEq)]
pub struct TooNarrow {
    /// The table, counted from 1 through the document.
    pub table: usize,
    /// The column, counted from 1.
    pub column: usize,
    /// The widest piece that does not fit.
    pub piece: String,
    /// The width it needs, in millimetres (padding included).
    pub need_mm: f64,
    /// The width the column gets, in millimetres.
    pub have_mm: f64,
}

impl std::fmt::Display for TooNarrow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A pasted link or blob is named by its start.
        let piece = self.piece.replace('\u{a0}', " ");
        let shown: String = piece.chars().take(40).collect();
        let more = if shown.len() < piece.len() { "…" } else { "" };
        write!(
            f,
            "таблица {}, столбец {}: «{shown}{more}» шире столбца ({:.1} мм, нужно {:.1} мм) и будет разорван \
             посередине; сократите или разбейте этот текст, уменьшите число столбцов или задайте альбомную ориентацию",
            self.table, self.column, self.have_mm, self.need_mm
        )
    }
}

/// What a column needs beside its text: the padding on each side, and half a point for
/// the rules and for the rounding of LibreOffice's measures (whole twips, ours are not): a
/// date that fits ours exactly was cut by characters in LibreOffice.
const CELL_EXTRA: f64 = 2.0 * geometry::CELL_PAD_X.to_pt() + 0.5;

/// The warnings to print: one per table, naming every column too narrow and the widest
/// piece among them (a table of thirty columns gets one line, not thirty).
pub fn messages(narrow: &[TooNarrow]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < narrow.len() {
        let table = narrow[i].table;
        let same: Vec<&TooNarrow> = narrow[i..].iter().take_while(|n| n.table == table).collect();
        i += same.len();
        if let [one] = same[..] {
            out.push(one.to_string());
            continue;
        }
        let worst = same.iter().max_by(|a, b| (a.need_mm - a.have_mm).total_cmp(&(b.need_mm - b.have_mm)));
        let columns: Vec<String> = same.iter().map(|n| n.column.to_string()).collect();
        if let Some(w) = worst {
            out.push(format!(
                "таблица {table}: в столбцах {} текст шире столбца и будет разорван посередине (например, «{}» в столбце {}: \
                 нужно {:.1} мм, есть {:.1} мм); уменьшите число столбцов, сократите текст или задайте альбомную ориентацию",
                columns.join(", "),
                w.piece.replace('\u{a0}', " ").chars().take(40).collect::<String>(),
                w.column,
                w.need_mm,
                w.have_mm
            ));
        }
    }
    out
}

/// How strictly a column's minimum is taken.
#[derive(Clone, Copy, PartialEq)]
enum Strictness {
    /// No-break groups held together («До 01.01.2021» on one line).
    Groups,
    /// No-break groups may be broken at their no-break spaces (the last resort before
    /// cutting by characters).
    Pieces,
}

/// Fits the columns of every table of the document to its content; returns the columns
/// whose text cannot be set even so.
pub fn fit(doc: &mut Document, m: &Measurer) -> Vec<TooNarrow> {
    let (size, hyphenation) = (doc.fonts.table_size.to_pt(), doc.fonts.hyphenation);
    let mut warnings = Vec::new();
    let mut ordinal = 0;
    for s in &mut doc.sections {
        let total = s.page.text_width().to_twips().max(1);
        for b in &mut s.blocks {
            if let Block::Table(t) = b {
                ordinal += 1;
                let (twips, narrow) = fit_table(t, m, size, hyphenation, total);
                t.widths = twips.iter().map(|&w| w as f64 / 20.0).collect();
                warnings.extend(narrow.into_iter().map(|(column, piece, need)| TooNarrow {
                    table: ordinal,
                    column: column + 1,
                    piece,
                    need_mm: need / 20.0 * 25.4 / 72.0,
                    have_mm: twips[column] as f64 / 20.0 * 25.4 / 72.0,
                }));
            }
        }
    }
    warnings
}

/// Widths in twips summing to `total`, and the columns (with their widest piece and its
/// need in twips) that still cannot hold it.
fn fit_table(
    t: &Table,
    m: &Measurer,
    size: f64,
    hyphenation: bool,
    total: i32,
) -> (Vec<i32>, Vec<(usize, String, f64)>) {
    let wish: Vec<f64> = t.widths.iter().map(|w| w.max(0.0)).collect();
    let total_f = total as f64;
    let groups = minima(t, m, size, hyphenation, Strictness::Groups);
    let chosen = if groups.iter().map(|(w, _)| w).sum::<f64>() <= total_f {
        groups
    } else {
        minima(t, m, size, hyphenation, Strictness::Pieces)
    };
    // Whole twips, so a column held at its minimum is not rounded below it.
    let min = attainable(&chosen.iter().map(|(w, _)| w.ceil()).collect::<Vec<_>>(), &wish, total_f);
    let widths = share(&wish, &min, total_f);
    let twips = whole_twips(&widths, total);
    let narrow = chosen
        .into_iter()
        .enumerate()
        .filter(|(c, (need, _))| *need > twips[*c] as f64 + 0.5)
        .map(|(c, (need, piece))| (c, piece, need))
        .collect();
    (twips, narrow)
}

/// Each column's narrowest width in twips (padding included) and the piece that sets it.
/// Cells spanning several columns are left out: their text has the room of all of them.
fn minima(t: &Table, m: &Measurer, size: f64, hyphenation: bool, strict: Strictness) -> Vec<(f64, String)> {
    let n = t.widths.len();
    let mut min: Vec<(f64, String)> = vec![(0.0, String::new()); n];
    for part in [&t.head, &t.body] {
        for (row, starts) in part.iter().zip(Table::grid(part, n)) {
            for (cell, col) in row.cells.iter().zip(starts) {
                if cell.colspan != 1 || col >= n {
                    continue;
                }
                let (w, piece) = cell_minimum(cell, m, size, hyphenation, strict);
                let w = (w + CELL_EXTRA) * 20.0;
                if w > min[col].0 {
                    min[col] = (w, piece);
                }
            }
        }
    }
    min
}

/// The widest unbreakable piece of a cell's text, in points, with the list hang where
/// the text is a list item's.
fn cell_minimum(cell: &Cell, m: &Measurer, size: f64, hyphenation: bool, strict: Strictness) -> (f64, String) {
    let mut best = (0.0, String::new());
    let mut paragraph = |p: &Paragraph, indent: f64| {
        let size = p.style.size.map_or(size, |s| s.to_pt());
        let syllables = hyphenation && !p.style.no_hyphens;
        for i in p.shown_inlines().iter() {
            let Inline::Text(text, st) = i else { continue };
            let face = face_index(st.bold, st.italic);
            let text = m.visible(text);
            for word in text.split([' ', '\t']).filter(|w| !w.is_empty()) {
                // A piece is never wider than its word: most words need no breaking up.
                if m.width(face, word, size) + indent <= best.0 {
                    continue;
                }
                for piece in pieces(word, syllables, strict) {
                    let w = m.width(face, &piece, size) + indent;
                    if w > best.0 {
                        best = (w, piece.into_owned());
                    }
                }
            }
        }
    };
    for b in &cell.blocks {
        match b {
            Block::Paragraph(p) => {
                paragraph(p, p.style.left_indent.to_pt() + p.style.first_line_indent.to_pt().max(0.0))
            }
            Block::List(l) => l.items.iter().for_each(|p| paragraph(p, geometry::LIST_HANG.to_pt())),
            _ => {}
        }
    }
    best
}

/// The pieces a word cannot be broken inside, no-break groups held or not.
fn pieces(word: &str, syllables: bool, strict: Strictness) -> Vec<Cow<'_, str>> {
    match strict {
        Strictness::Groups => unbreakable_pieces(word, syllables),
        Strictness::Pieces => {
            let mut out = Vec::new();
            let mut from = 0;
            for at in nbsp_breaks(word).chain(std::iter::once(word.len())) {
                let group = &word[from..at];
                out.extend(unbreakable_pieces(group.trim_start_matches('\u{a0}'), syllables));
                from = at;
            }
            out
        }
    }
}

/// Minima the table can give: while they add up to more than the total, the widest is cut
/// to what the others leave it (or, when they leave nothing, to its wished share), so one
/// piece wider than the page (a pasted link) does not squeeze every other column to nothing.
fn attainable(min: &[f64], wish: &[f64], total: f64) -> Vec<f64> {
    let mut min = min.to_vec();
    let wished: f64 = wish.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    for _ in 0..min.len() {
        let sum: f64 = min.iter().sum();
        if sum <= total {
            break;
        }
        let Some(widest) = (0..min.len()).max_by(|&a, &b| min[a].total_cmp(&min[b])) else { break };
        let others = sum - min[widest];
        let share = wish[widest] / wished * total;
        min[widest] = if others < total { (total - others).max(share.min(min[widest])) } else { share };
    }
    min
}

/// Widths proportional to the wishes, none below its minimum: a column held at its
/// minimum leaves the rest to share among the others, until no share is below a minimum.
/// When the minima alone exceed the total, they are scaled down to it.
fn share(wish: &[f64], min: &[f64], total: f64) -> Vec<f64> {
    let n = wish.len();
    let sum_min: f64 = min.iter().sum();
    if sum_min >= total {
        return if sum_min > 0.0 {
            min.iter().map(|m| m / sum_min * total).collect()
        } else {
            vec![total / n as f64; n]
        };
    }
    let mut held = vec![false; n];
    loop {
        let free = total - (0..n).filter(|&i| held[i]).map(|i| min[i]).sum::<f64>();
        let wished: f64 = (0..n).filter(|&i| !held[i]).map(|i| wish[i]).sum();
        let share_of = |i: usize| if wished > 0.0 { wish[i] / wished * free } else { free / (n as f64) };
        let newly: Vec<usize> = (0..n).filter(|&i| !held[i] && share_of(i) < min[i]).collect();
        if newly.is_empty() {
            return (0..n).map(|i| if held[i] { min[i] } else { share_of(i) }).collect();
        }
        for i in newly {
            held[i] = true;
        }
    }
}

/// Rounds to whole twips keeping the sum exactly `total` (largest remainders first, ties
/// to the left, so the result is deterministic).
fn whole_twips(widths: &[f64], total: i32) -> Vec<i32> {
    let mut out: Vec<i32> = widths.iter().map(|w| w.floor() as i32).collect();
    let mut left = total - out.iter().sum::<i32>();
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by(|&a, &b| (widths[b] - widths[b].floor()).total_cmp(&(widths[a] - widths[a].floor())).then(a.cmp(&b)));
    for i in order.into_iter().cycle().take(widths.len() * 2) {
        if left == 0 {
            break;
        }
        out[i] += left.signum();
        left -= left.signum();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_follow_the_wishes_above_the_minima() {
        let w = share(&[40.0, 12.0, 20.0], &[10.0, 50.0, 10.0], 180.0);
        assert!((w.iter().sum::<f64>() - 180.0).abs() < 1e-9);
        assert_eq!(w[1], 50.0);
        assert!((w[0] / w[2] - 2.0).abs() < 1e-9, "{w:?}");
        // Nothing to widen: the proportions are kept exactly.
        let w = share(&[1.0, 3.0], &[0.0, 0.0], 100.0);
        assert_eq!(w, [25.0, 75.0]);
        // Minima over the total are scaled down.
        let w = share(&[1.0, 1.0], &[150.0, 50.0], 100.0);
        assert_eq!(w, [75.0, 25.0]);
    }

    #[test]
    fn a_piece_wider_than_the_page_leaves_the_other_columns_their_minima() {
        let min = attainable(&[100.0, 5000.0, 80.0], &[1.0, 3.0, 1.0], 1000.0);
        assert_eq!(min, [100.0, 820.0, 80.0]);
        // Others that alone exceed the total: the widest falls back to its share.
        let min = attainable(&[600.0, 600.0], &[1.0, 1.0], 1000.0);
        assert!(min.iter().sum::<f64>() <= 1000.0, "{min:?}");
    }

    #[test]
    fn twips_add_up_to_the_text_width() {
        let t = whole_twips(&[100.4, 100.4, 100.2], 301);
        assert_eq!(t.iter().sum::<i32>(), 301);
        assert_eq!(t, [101, 100, 100]);
    }

    #[test]
    fn a_date_column_is_widened_to_hold_its_dates() {
        use crate::doc::{Align, Row, RowKind};
        let m = Measurer::bundled();
        let cell = |text: &str| Cell {
            colspan: 1,
            rowspan: 1,
            align: Align::Left,
            bold: false,
            middle: false,
            blocks: vec![Block::Paragraph(Paragraph {
                inlines: vec![Inline::Text(text.into(), Default::default())],
                ..Default::default()
            })],
        };
        let row =
            Row { kind: RowKind::Body, cells: vec![cell("Мероприятие"), cell("До\u{a0}01.01.2021")], revision: None };
        let t = Table { widths: vec![95.0, 5.0], head: vec![], body: vec![row] };
        let total = (180.0 * 72.0 / 25.4 * 20.0) as i32; // 180 mm in twips
        let (tw, narrow) = fit_table(&t, &m, 12.0, true, total);
        assert!(narrow.is_empty());
        assert_eq!(tw.iter().sum::<i32>(), total);
        let need = (m.width(0, "До\u{a0}01.01.2021", 12.0) + CELL_EXTRA) * 20.0;
        assert!(tw[1] as f64 >= need - 1.0, "{tw:?}, need {need}");
    }
}
