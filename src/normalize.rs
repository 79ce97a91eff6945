//! IR → IR passes shared by both writers: Russian typography (each pass can be switched
//! off in the input's style) and the removal of characters XML cannot carry.

use crate::doc::{Block, Document, Inline, Paragraph};
use crate::input::model::Typography;
use crate::input::validate::is_xml_illegal;
use crate::ru::typography;

/// Applies every pass to every text of the document.
pub fn normalize(doc: &mut Document, t: &Typography) {
    for s in &mut doc.sections {
        for b in &mut s.blocks {
            block(b, t);
        }
    }
}

fn block(b: &mut Block, t: &Typography) {
    match b {
        Block::Paragraph(p) => paragraph(p, t),
        Block::List(l) => l.items.iter_mut().for_each(|p| paragraph(p, t)),
        Block::Signature(s) => {
            for line in &mut s.position {
                *line = text(line, t);
            }
            s.name = text(&s.name, t);
        }
        Block::Zone(z) => z.blocks.iter_mut().for_each(|b| block(b, t)),
        Block::Table(tb) => {
            for row in tb.head.iter_mut().chain(tb.body.iter_mut()) {
                for cell in &mut row.cells {
                    cell.blocks.iter_mut().for_each(|b| block(b, t));
                }
            }
        }
        Block::Image(_) => {}
    }
}

fn paragraph(p: &mut Paragraph, t: &Typography) {
    for i in &mut p.inlines {
        if let Inline::Text(s, _) = i {
            *s = text(s, t);
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
