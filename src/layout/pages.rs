//! Layout, step 2: lines → pages. A section's blocks, set into lines by step 1
//! ([`super::lines`], [`super::rows`]), are put on pages with keep-with-next, tables row
//! by row ([`super::table`]); then page numbers and the QR code.

use super::cursor::Flow;
use super::lines::{height, Chunk, Setter};
use super::text::Measurer;
use super::{table, Item, Page};
use crate::doc::structure::Leaves;
use crate::doc::{geometry, Block, Document, PageSetup};

/// Lays the document out.
pub fn layout(doc: &Document, m: &Measurer) -> Vec<Page> {
    let setter = Setter {
        m,
        hyphenate: doc.fonts.hyphenation,
        body_size: doc.fonts.body_size.to_pt(),
        table_size: doc.fonts.table_size.to_pt(),
        leaves: Leaves::of(doc),
    };
    let mut f = Flow {
        m,
        pages: Vec::new(),
        numbered: Vec::new(),
        margins: Vec::new(),
        setup: doc.sections.first().map_or_else(|| PageSetup::a4(false, geometry::default_margins()), |s| s.page),
        y: 0.0,
        first_page_bottom: None,
    };
    if let (Some(q), Some(s)) = (&doc.qr, doc.sections.first()) {
        // Word moves the text up when the footer is taller than the bottom margin.
        let footer_top = s.page.height.to_pt() - geometry::FOOTER_OFFSET.to_pt() - q.size.to_pt();
        f.first_page_bottom = Some(footer_top.min(s.page.height.to_pt() - s.page.margins.bottom.to_pt()));
    }
    for s in &doc.sections {
        f.setup = s.page;
        f.new_page();
        f.page().bookmark = s.bookmark.clone();
        let units: Vec<Unit> = s.blocks.iter().map(|b| unit(&setter, b, f.text_width())).collect();
        place_units(&mut f, &setter, units);
    }
    f.number_pages();
    if let (Some(q), Some(s), Some(page)) = (&doc.qr, doc.sections.first(), f.pages.first_mut()) {
        draw_qr(page, q.size.to_pt(), &q.matrix, &s.page);
    }
    f.pages
}

/// The QR code at the lower right of the first page, in its footer: its right edge on the
/// right margin, its bottom [`geometry::FOOTER_OFFSET`] above the sheet's edge. Dark modules
/// are drawn as rectangles, a row's run as one.
fn draw_qr(page: &mut Page, size: f64, m: &crate::doc::qr::Matrix, setup: &PageSetup) {
    let module = size / m.total() as f64;
    let x0 = setup.width.to_pt() - setup.margins.right.to_pt() - size + module * crate::doc::qr::QUIET as f64;
    let y0 = setup.height.to_pt() - geometry::FOOTER_OFFSET.to_pt() - size + module * crate::doc::qr::QUIET as f64;
    for (row, col, len) in m.runs() {
        page.items.push(Item::Rect {
            x: x0 + col as f64 * module,
            y: y0 + row as f64 * module,
            w: len as f64 * module,
            h: module,
        });
    }
}

enum Unit<'a> {
    Chunk(Chunk),
    Table(&'a crate::doc::Table),
}

/// A table stays whole for the pages step; any other block is set into lines now.
fn unit<'a>(setter: &Setter<'_>, b: &'a Block, text_width: f64) -> Unit<'a> {
    match b {
        Block::Table(t) => Unit::Table(t),
        other => Unit::Chunk(setter.chunk(other, text_width, 0.0, 0.0)),
    }
}

/// Puts the blocks of a section on pages: tables row by row, other blocks with
/// keep-with-next.
fn place_units(f: &mut Flow<'_>, setter: &Setter<'_>, units: Vec<Unit<'_>>) {
    let n = units.len();
    for i in 0..n {
        match &units[i] {
            Unit::Table(t) => table::place(f, setter, t),
            Unit::Chunk(c) => {
                // Keep-with-next: this chunk, the chunks chained to it, and the next
                // block's first line must share a page when they can.
                if c.keep_next && !f.at_top() {
                    let mut need = c.space_before + height(&c.lines);
                    let mut j = i + 1;
                    while j < n {
                        match &units[j] {
                            Unit::Chunk(next) if next.keep_next => {
                                need += next.space_before + height(&next.lines);
                                j += 1;
                            }
                            Unit::Chunk(next) => {
                                need += next.space_before + next.lines.first().map_or(0.0, |l| l.height);
                                break;
                            }
                            Unit::Table(_) => {
                                need += 3.0 * setter.m.line_height(setter.table_size);
                                break;
                            }
                        }
                    }
                    let page_h = f.bottom() - f.top();
                    if f.y + need > f.bottom() && need <= page_h {
                        f.new_page();
                    }
                }
                f.place_chunk(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Inline, Paragraph};
    use crate::layout::lines::paragraph_chunk;

    /// The texts of a chunk's lines.
    fn texts(c: &Chunk) -> Vec<String> {
        c.lines
            .iter()
            .map(|l| {
                l.items
                    .iter()
                    .filter_map(|it| match it {
                        Item::Text { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn a_paragraph_marked_no_hyphens_keeps_its_words_whole() {
        let m = Measurer::bundled();
        let text = "Муниципальное казённое учреждение дополнительного профессионального образования";
        let mut p = Paragraph { inlines: vec![Inline::Text(text.into(), Default::default())], ..Default::default() };
        let hyphenated = texts(&paragraph_chunk(&m, &p, 14.0, 200.0, 0.0, true));
        assert!(hyphenated.iter().any(|l| l.ends_with('-')), "the narrow column should hyphenate: {hyphenated:?}");
        p.style.no_hyphens = true;
        let whole = texts(&paragraph_chunk(&m, &p, 14.0, 200.0, 0.0, true));
        assert!(whole.iter().all(|l| !l.ends_with('-')), "{whole:?}");
        assert_eq!(whole.join(" "), text);
    }
}
