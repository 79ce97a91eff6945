//! IR → IR passes shared by both writers: Russian typography (each pass can be switched
//! off in the input's style), the removal of characters XML cannot carry, and table cells'
//! alignment and boldness passed down to their paragraphs.

use crate::doc::{Align, Block, Cell, Document, Inline, Paragraph};
use crate::input::model::Typography;
use crate::input::validate::is_xml_illegal;
use crate::ru::typography;

/// Applies every pass to every text of the document.
pub fn normalize(doc: &mut Document, t: &Typography) {
    for s in &mut doc.sections {
        for b in &mut s.blocks {
            block(b, t, true);
        }
    }
}

/// `running`: running text, not a table cell (where a date in words is bound whole).
fn block(b: &mut Block, t: &Typography, running: bool) {
    match b {
        Block::Paragraph(p) => paragraph(p, t, running),
        Block::List(l) => l.items.iter_mut().for_each(|p| paragraph(p, t, running)),
        Block::Signature(s) => {
            for line in &mut s.position {
                *line = text(line, t);
            }
            s.name = text(&s.name, t);
        }
        Block::Zone(z) => z.blocks.iter_mut().for_each(|b| block(b, t, running)),
        Block::Table(tb) => {
            for row in tb.head.iter_mut().chain(tb.body.iter_mut()) {
                for cell in &mut row.cells {
                    inherit_cell_style(cell);
                    cell.blocks.iter_mut().for_each(|b| block(b, t, false));
                }
            }
        }
        Block::Image(_) => {}
        Block::Columns(cs) => {
            cs.columns.iter_mut().flat_map(|c| c.blocks.iter_mut()).for_each(|b| block(b, t, running))
        }
    }
}

/// A cell's alignment and boldness written into its paragraphs, so both writers only read
/// the paragraphs (a paragraph's own alignment wins over the cell's).
fn inherit_cell_style(cell: &mut Cell) {
    for b in &mut cell.blocks {
        let Block::Paragraph(p) = b else { continue };
        if p.style.align == Align::Left {
            p.style.align = cell.align;
        }
        if cell.bold {
            for i in &mut p.inlines {
                if let Inline::Text(_, st) = i {
                    st.bold = true;
                }
            }
        }
    }
}

fn paragraph(p: &mut Paragraph, t: &Typography, running: bool) {
    // The passes read the number with the text after it, as printed; then it is taken off
    // again (a pass that changed it leaves the number as text).
    let label = p.style.number.map(|n| n.label());
    if let (Some(label), Some(Inline::Text(first, _))) = (&label, p.inlines.first_mut()) {
        first.insert_str(0, label);
    }
    for i in &mut p.inlines {
        if let Inline::Text(s, _) = i {
            *s = text(s, t);
            if running && t.nbsp {
                *s = typography::nbsp_dates(s);
            }
        }
    }
    if let (Some(label), Some(Inline::Text(first, _))) = (&label, p.inlines.first_mut()) {
        let cut = first.find([' ', '\u{a0}']).unwrap_or(first.len());
        if first[..cut] == **label {
            first.replace_range(..cut, "");
        } else {
            p.style.number = None;
        }
    }
}

/// One text through the passes. Characters XML cannot carry never reach a writer:
/// validation refuses them in input, and anything a template produced is dropped here.
pub fn text(s: &str, t: &Typography) -> String {
    let clean: String =
        if s.chars().any(is_xml_illegal) { s.chars().filter(|c| !is_xml_illegal(*c)).collect() } else { s.to_owned() };
    typography::apply(&clean, t)
}

/// Lines of text that must go with the signature to a new page (the standard forbids a
/// signature alone on a page and asks for at least three lines with it).
const LINES_WITH_SIGNATURE: f64 = 3.0;

/// Marks the paragraphs before each signature «keep with next» until they hold about
/// three lines, estimating a line from the text width and the body size. Shared by both
/// writers, so Word, LibreOffice and our PDF move the same text with the signature.
pub fn keep_signature_with_text(doc: &mut Document) {
    let size = doc.fonts.body_size.to_pt().max(1.0);
    for s in &mut doc.sections {
        // An average Cyrillic letter of a serif face is about half its size wide.
        let chars_per_line = (s.page.text_width().to_pt() / (size * 0.5)).max(10.0);
        let Some(sig) = s.blocks.iter().position(|b| matches!(b, Block::Signature(_))) else { continue };
        let mut lines = 0.0;
        for b in s.blocks[..sig].iter_mut().rev() {
            let Block::Paragraph(p) = b else { break };
            let chars: usize = p
                .shown_inlines()
                .iter()
                .map(|i| match i {
                    Inline::Text(t, _) => t.chars().count(),
                    _ => 0,
                })
                .sum();
            p.style.keep_with_next = true;
            lines += (chars as f64 / chars_per_line).ceil().max(1.0);
            if lines >= LINES_WITH_SIGNATURE {
                break;
            }
        }
    }
}
