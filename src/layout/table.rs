//! Layout, step 2 for tables: the rows [`super::rows`] set, put on pages. Rows never split
//! (unless taller than a page), rows bound by a row span kept together when they fit and parted
//! between rows when they do not (the spanning cell going on, as in Word and LibreOffice),
//! section rows kept with the next row, and the header rows repeated on every page.

use super::cursor::Flow;
use super::lines::{height, shift, stamp, Setter};
use super::rows::{lay_rows, LCell, LRow, PAD_X, PAD_Y};
use super::Item;
use crate::doc::{RowKind, Table};

/// Puts a table on pages: the header, then the rows, repeated header on each new page.
pub(super) fn place(f: &mut Flow<'_>, setter: &Setter<'_>, t: &Table) {
    let total: f64 = t.widths.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let tw = f.text_width();
    let widths: Vec<f64> = t.widths.iter().map(|w| w / total * tw).collect();
    let mut xs = vec![0.0];
    for w in &widths {
        xs.push(xs.last().copied().unwrap_or(0.0) + w);
    }
    let mut head = lay_rows(setter, &t.head, &widths);
    let mut body = lay_rows(setter, &t.body, &widths);
    let mut head_h: f64 = head.iter().map(|r| r.height).sum();
    if head_h > (f.bottom() - f.top()) / 2.0 {
        // A header taller than half a page is not repeated (nor is it by Word): its rows
        // lead the body and split like body rows, so pages still advance.
        head.append(&mut body);
        body = std::mem::take(&mut head);
        head_h = 0.0;
    }
    let groups = groups(&body);
    // What must share a page with what comes before it: a whole row, or the first row of
    // rows bound by a span (they may part between rows, as in Word and LibreOffice).
    let lead = |a: usize, b: usize| if b - a > 1 { body[a].own } else { body[a..b].iter().map(|r| r.height).sum() };
    // The header starts a page when it and the first rows do not fit below what precedes.
    let first: f64 = groups.first().map_or(0.0, |&(a, b)| lead(a, b));
    if !f.at_top() && head_h + first.min(f.bottom() - f.top() - head_h) > f.bottom() - f.y {
        f.new_page();
    }
    draw_rows(f, &head, &xs);
    // The header drawn again on later pages is no content of its own (a tagged PDF reads
    // it once).
    let head = untagged(&head);
    let mut gi = 0;
    while gi < groups.len() {
        let (a, b) = groups[gi];
        let mut h: f64 = lead(a, b);
        // A section row travels with the group after it.
        let mut end = gi + 1;
        if body[a].kind == RowKind::Section && b - a == 1 && gi + 1 < groups.len() {
            let (c, d) = groups[gi + 1];
            h += lead(c, d);
            end = gi + 2;
        }
        let room = f.bottom() - f.y;
        let fresh = f.bottom() - f.top() - head_h;
        if h > room && h <= fresh {
            f.new_page();
            draw_rows(f, &head, &xs);
        }
        for &(c, d) in &groups[gi..end] {
            let gh: f64 = body[c..d].iter().map(|r| r.height).sum();
            if gh > f.bottom() - f.y && d - c == 1 {
                // Taller than a whole page: split between lines, header repeated.
                split_row(f, &body[c], &xs, &head);
            } else if gh > f.bottom() - f.y && d - c > 1 {
                // Rows bound by a span that do not fit what is left: row by row.
                place_spanned(f, &body[c..d], &xs, &head);
            } else if gh > f.bottom() - f.y {
                f.new_page();
                draw_rows(f, &head, &xs);
                draw_rows(f, &body[c..d], &xs);
            } else {
                draw_rows(f, &body[c..d], &xs);
            }
        }
        gi = end;
    }
}

/// Consecutive body rows bound by row spans: [start, end).
fn groups(rows: &[LRow]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut end = i + 1;
        let mut j = i;
        while j < end {
            for c in &rows[j].cells {
                end = end.max((j + c.rowspan).min(rows.len()));
            }
            j += 1;
        }
        out.push((i, end));
        i = end;
    }
    out
}

/// Draws rows from the current position, with borders.
fn draw_rows(f: &mut Flow<'_>, rows: &[LRow], xs: &[f64]) {
    let left = f.left();
    let heights: Vec<f64> = rows.iter().map(|r| r.height).collect();
    for (i, row) in rows.iter().enumerate() {
        let y0 = f.y;
        for c in &row.cells {
            let end = (i + c.rowspan).min(rows.len());
            let h: f64 = heights[i..end].iter().sum();
            let x0 = left + xs[c.col];
            let x1 = left + xs[c.col + c.colspan];
            let free = if c.middle { (h - 2.0 * PAD_Y - height(&c.lines)).max(0.0) / 2.0 } else { 0.0 };
            let mut y = y0 + PAD_Y + free;
            let mut items = Vec::new();
            for l in &c.lines {
                items.extend(l.items.iter().map(|it| shift(it, x0 + PAD_X, y)));
                y += l.height;
            }
            items.extend(borders(x0, y0, x1, y0 + h));
            f.page().items.extend(items);
        }
        f.page().last_row = Some(row.kind);
        f.y += row.height;
    }
}

/// Rows with their texts belonging to no paragraph.
fn untagged(rows: &[LRow]) -> Vec<LRow> {
    let mut out = rows.to_vec();
    for c in out.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        stamp(&mut c.lines, 0);
    }
    out
}

fn borders(x0: f64, y0: f64, x1: f64, y1: f64) -> [Item; 4] {
    [
        Item::Line { x1: x0, y1: y0, x2: x1, y2: y0 },
        Item::Line { x1: x0, y1, x2: x1, y2: y1 },
        Item::Line { x1: x0, y1: y0, x2: x0, y2: y1 },
        Item::Line { x1, y1: y0, x2: x1, y2: y1 },
    ]
}

/// Rows bound by row spans, placed as Word and LibreOffice place them: each row whole, a
/// page break allowed between rows, and a spanning cell's lines going on in its rows on the
/// next page (the header repeated there).
fn place_spanned(f: &mut Flow<'_>, rows: &[LRow], xs: &[f64], head: &[LRow]) {
    let n = rows.len();
    // Lines of each cell drawn so far (only spanning cells are ever drawn in parts).
    let mut taken: Vec<Vec<usize>> = rows.iter().map(|r| vec![0; r.cells.len()]).collect();
    let mut r = 0;
    // The page holds nothing but the repeated header yet.
    let mut fresh = f.at_top();
    while r < n {
        let start = r;
        let mut heights: Vec<f64> = Vec::new();
        let mut y = f.y;
        while r < n {
            // A spanning cell whose last row this is must show the rest of its lines.
            let mut h = rows[r].own;
            for (i, row) in rows.iter().enumerate().take(r + 1) {
                for (k, c) in row.cells.iter().enumerate() {
                    if c.rowspan > 1 && i + c.rowspan - 1 == r {
                        let above: f64 = heights[i.max(start) - start..].iter().sum();
                        h = h.max(height(&c.lines[taken[i][k]..]) + 2.0 * PAD_Y - above);
                    }
                }
            }
            if y + h > f.bottom() + 0.01 {
                break;
            }
            heights.push(h);
            y += h;
            r += 1;
        }
        if heights.is_empty() {
            if fresh || f.at_top() {
                // Not even one row fits a whole page: the rest is split between lines.
                split_row(f, &rest_as_one_row(rows, start, &taken), xs, head);
                return;
            }
            f.new_page();
            draw_rows(f, head, xs);
            fresh = true;
            continue;
        }
        fresh = false;
        let segment = segment(rows, start, &heights, &mut taken);
        draw_rows(f, &segment, xs);
        if r < n {
            f.new_page();
            draw_rows(f, head, xs);
            fresh = true;
        }
    }
}

/// Rows `start..start + heights.len()` as they are drawn on one page: spanning cells cut to
/// the rows they cover here, holding the lines that fit (a cell that began on an earlier
/// page goes on in the first row).
fn segment(rows: &[LRow], start: usize, heights: &[f64], taken: &mut [Vec<usize>]) -> Vec<LRow> {
    let end = start + heights.len();
    let mut out: Vec<LRow> = (start..end)
        .map(|i| LRow {
            kind: rows[i].kind,
            cells: rows[i].cells.iter().filter(|c| c.rowspan == 1).cloned().collect(),
            height: heights[i - start],
            own: rows[i].own,
        })
        .collect();
    for (i, row) in rows.iter().enumerate().take(end) {
        for (k, c) in row.cells.iter().enumerate() {
            let last = i + c.rowspan;
            if c.rowspan == 1 || last <= start {
                continue;
            }
            let from = i.max(start);
            let to = last.min(end);
            let room: f64 = heights[from - start..to - start].iter().sum::<f64>() - 2.0 * PAD_Y;
            let mut lines = Vec::new();
            let mut h = 0.0;
            while taken[i][k] < c.lines.len() && (last <= end || h + c.lines[taken[i][k]].height <= room + 0.01) {
                h += c.lines[taken[i][k]].height;
                lines.push(c.lines[taken[i][k]].clone());
                taken[i][k] += 1;
            }
            let cell = LCell { col: c.col, colspan: c.colspan, rowspan: to - from, middle: c.middle, lines };
            let row = &mut out[from - start];
            let at = row.cells.iter().position(|x| x.col > cell.col).unwrap_or(row.cells.len());
            row.cells.insert(at, cell);
        }
    }
    out
}

/// What is left of rows bound by spans, as one row to split between lines.
fn rest_as_one_row(rows: &[LRow], start: usize, taken: &[Vec<usize>]) -> LRow {
    let rest: Vec<LRow> = rows
        .iter()
        .enumerate()
        .filter(|(i, r)| *i >= start || r.cells.iter().any(|c| i + c.rowspan > start))
        .map(|(i, r)| LRow {
            kind: r.kind,
            cells: r
                .cells
                .iter()
                .enumerate()
                .filter(|(_, c)| i >= start || i + c.rowspan > start)
                .map(|(k, c)| LCell { lines: c.lines[taken[i][k]..].to_vec(), ..c.clone() })
                .collect(),
            height: r.height,
            own: r.own,
        })
        .collect();
    merge_rows(&rest)
}

/// Rows bound by spans as one row: each column's lines one after another (a cell that
/// starts inside a wider one's columns goes into it), for splitting across pages.
fn merge_rows(rows: &[LRow]) -> LRow {
    let mut cells: Vec<LCell> = Vec::new();
    for c in rows.iter().flat_map(|r| &r.cells) {
        match cells.iter_mut().find(|m| m.col <= c.col && c.col < m.col + m.colspan) {
            Some(m) => m.lines.extend(c.lines.iter().cloned()),
            None => {
                cells.push(LCell { col: c.col, colspan: c.colspan, rowspan: 1, middle: false, lines: c.lines.clone() })
            }
        }
    }
    let height = rows.iter().map(|r| r.height).sum();
    LRow { kind: rows[0].kind, cells, height, own: height }
}

/// A row taller than a page, split between lines across pages with the header repeated.
fn split_row(f: &mut Flow<'_>, row: &LRow, xs: &[f64], head: &[LRow]) {
    let mut cursors: Vec<usize> = vec![0; row.cells.len()];
    loop {
        let room = f.bottom() - f.y - 2.0 * PAD_Y;
        let mut part = LRow { kind: row.kind, cells: Vec::new(), height: 0.0, own: 0.0 };
        let mut done = true;
        let mut any = false;
        for (k, c) in row.cells.iter().enumerate() {
            let mut h = 0.0;
            let mut take = Vec::new();
            while cursors[k] < c.lines.len() && h + c.lines[cursors[k]].height <= room {
                h += c.lines[cursors[k]].height;
                take.push(c.lines[cursors[k]].clone());
                cursors[k] += 1;
            }
            if take.is_empty() && cursors[k] < c.lines.len() && room >= f.bottom() - f.top() - 1.0 {
                take.push(c.lines[cursors[k]].clone());
                cursors[k] += 1;
            }
            if cursors[k] < c.lines.len() {
                done = false;
            }
            any |= !take.is_empty();
            part.height = part.height.max(height(&take) + 2.0 * PAD_Y);
            part.cells.push(LCell { col: c.col, colspan: c.colspan, rowspan: 1, middle: false, lines: take });
        }
        // No line fits what is left of the page: no empty sliver of a row there.
        if any || done {
            draw_rows(f, std::slice::from_ref(&part), xs);
        }
        if done {
            break;
        }
        f.new_page();
        draw_rows(f, head, xs);
    }
}
