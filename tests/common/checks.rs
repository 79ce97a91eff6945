//! Checks of rendered output shared by the robustness tests: the DOCX is well-formed XML
//! that Word can open, the PDF parses, nothing is drawn outside the printable area, and
//! every word of the input reaches the output.

use std::io::Read;

use prikaz::doc::Document;
use prikaz::layout::{text::Measurer, Item, Page};

/// True for a character XML 1.0 cannot carry (the reason Word calls a file corrupt).
fn xml_illegal(c: char) -> bool {
    prikaz::input::validate::is_xml_illegal(c)
}

/// Reads every XML part of a DOCX with quick-xml: well-formed, end tags matching, no
/// character XML 1.0 forbids (raw or as a character reference). Returns the text of the
/// body's `w:t` runs, one run after another, for word checks.
pub fn docx_text(bytes: &[u8]) -> Result<String, String> {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a zip: {e}"))?;
    let mut body = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = f.name().to_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut s = String::new();
        f.read_to_string(&mut s).map_err(|e| format!("{name}: not UTF-8: {e}"))?;
        if let Some(c) = s.chars().find(|c| xml_illegal(*c)) {
            return Err(format!("{name}: raw character U+{:04X}", c as u32));
        }
        let mut reader = quick_xml::Reader::from_str(&s);
        let mut in_text = false;
        let mut depth = 0usize;
        loop {
            let ev = reader.read_event().map_err(|e| format!("{name}: not well-formed: {e}"))?;
            match ev {
                Event::Eof => break,
                Event::Start(e) => {
                    depth += 1;
                    in_text = e.name().as_ref() == b"w:t";
                    attributes_legal(&name, &e)?;
                }
                Event::Empty(e) => attributes_legal(&name, &e)?,
                Event::End(_) => {
                    depth = depth.checked_sub(1).ok_or_else(|| format!("{name}: unbalanced end tag"))?;
                    in_text = false;
                }
                Event::Text(t) => {
                    let text = t.decode().map_err(|e| format!("{name}: {e}"))?;
                    let text = quick_xml::escape::unescape(&text).map_err(|e| format!("{name}: bad entity: {e}"))?;
                    if let Some(c) = text.chars().find(|c| xml_illegal(*c)) {
                        return Err(format!("{name}: character reference to U+{:04X}", c as u32));
                    }
                    if in_text && name == "word/document.xml" {
                        body.push_str(&text);
                    }
                }
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref().map_err(|e| format!("{name}: {e}"))? {
                        Some(c) => c,
                        None => {
                            let ent = r.decode().map_err(|e| format!("{name}: {e}"))?;
                            quick_xml::escape::resolve_predefined_entity(&ent)
                                .and_then(|s| s.chars().next())
                                .ok_or_else(|| format!("{name}: unknown entity &{ent};"))?
                        }
                    };
                    if xml_illegal(c) {
                        return Err(format!("{name}: character reference to U+{:04X}", c as u32));
                    }
                    if in_text && name == "word/document.xml" {
                        body.push(c);
                    }
                }
                _ => {}
            }
        }
        if depth != 0 {
            return Err(format!("{name}: {depth} elements left open"));
        }
    }
    Ok(body)
}

fn attributes_legal(part: &str, e: &quick_xml::events::BytesStart<'_>) -> Result<(), String> {
    for a in e.attributes() {
        let a = a.map_err(|err| format!("{part}: bad attribute: {err}"))?;
        let v =
            a.decode_and_unescape_value(e.decoder()).map_err(|err| format!("{part}: bad attribute value: {err}"))?;
        if let Some(c) = v.chars().find(|c| xml_illegal(*c)) {
            return Err(format!("{part}: attribute with U+{:04X}", c as u32));
        }
    }
    Ok(())
}

/// Parses a PDF with lopdf; returns its page count.
pub fn pdf_pages(bytes: &[u8]) -> Result<usize, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("lopdf cannot read the PDF: {e}"))?;
    Ok(doc.get_pages().len())
}

/// Everything drawn outside the printable area (the margins of the section whose pages
/// have this shape); page numbers in the top margin are allowed. Empty when all is inside.
pub fn outside_printable_area(d: &Document, ps: &[Page], m: &Measurer) -> Vec<String> {
    let mut out = Vec::new();
    for (i, p) in ps.iter().enumerate() {
        let landscape = p.width > p.height;
        let Some(sec) = d.sections.iter().find(|s| s.page.landscape == landscape) else {
            out.push(format!("p{}: no section has pages of this shape", i + 1));
            continue;
        };
        let mg = sec.page.margins;
        let (left, right) = (mg.left.to_pt() - 0.5, p.width - mg.right.to_pt() + 0.5);
        let (top, bottom) = (mg.top.to_pt(), p.height - mg.bottom.to_pt() + 0.5);
        for it in &p.items {
            match it {
                Item::Text { x, y, text, face, size, spacing, .. } => {
                    if !(x.is_finite() && y.is_finite()) {
                        out.push(format!("p{}: «{text}» at a non-finite position", i + 1));
                    } else if *y < top {
                        if i == 0 || !text.chars().all(|c| c.is_ascii_digit()) {
                            out.push(format!("p{}: «{text}» in the top margin", i + 1));
                        }
                    } else if *x < left {
                        out.push(format!("p{}: «{text}» left of the margin", i + 1));
                    } else if x + m.width(*face, text, *size) + spacing * text.matches(' ').count() as f64 > right {
                        out.push(format!("p{}: «{text}» past the right margin", i + 1));
                    } else if *y > bottom {
                        out.push(format!("p{}: «{text}» below the bottom margin", i + 1));
                    }
                }
                Item::Line { x1, y1, x2, y2 } => {
                    let xs_in = [x1, x2].iter().all(|x| **x >= left && **x <= right);
                    let ys_in = [y1, y2].iter().all(|y| **y >= top - 0.5 && **y <= bottom);
                    if !(xs_in && ys_in) {
                        out.push(format!("p{}: a line ({x1:.1},{y1:.1})–({x2:.1},{y2:.1}) outside", i + 1));
                    }
                }
                Item::Image { x, y, w, h, .. } => {
                    if *x < left || x + w > right || *y < top || y + h > bottom {
                        out.push(format!("p{}: an image at ({x:.1},{y:.1}) {w:.1}×{h:.1} outside", i + 1));
                    }
                }
                // The QR code: in the first page's footer, within the side margins and at
                // least the footer's distance from the sheet's bottom edge.
                Item::Rect { x, y, w, h } => {
                    let floor = p.height - prikaz::doc::geometry::FOOTER_OFFSET.to_pt() + 0.01;
                    if i != 0 || *x < left || x + w > right || *y < top || y + h > floor {
                        out.push(format!("p{}: a filled box at ({x:.1},{y:.1}) {w:.1}×{h:.1} outside", i + 1));
                    }
                }
            }
        }
    }
    out
}

/// The letters of a text, upper-cased: what a word check compares, ignoring spaces,
/// hyphens added at line ends, punctuation and typographic replacements.
pub fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_uppercase).collect()
}

/// The words (runs of letters) of a text.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty())
}

/// Printed text, for word checks. The DOCX's is one stream; the layout's is one stream per
/// table cell's columns (the interval between the vertical rules beside a text at its
/// height: the borders of its own cell) plus one for text outside tables, each also without
/// the repeated table headers, so a cell's text split between pages reads on as one. A
/// word counts as found when its letters occur in a stream, or split in two at a piece
/// boundary.
pub struct Printed {
    streams: Vec<String>,
    pieces: Vec<String>,
}

impl Printed {
    pub fn from_pieces(pieces: impl IntoIterator<Item = String>) -> Self {
        let pieces: Vec<String> = pieces.into_iter().map(|p| letters(&p)).filter(|p| !p.is_empty()).collect();
        Printed { streams: vec![pieces.concat()], pieces }
    }

    pub fn from_layout(d: &Document, ps: &[Page], m: &Measurer) -> Self {
        let key = |v: f64| (v * 10.0).round() as i64;
        // A text drawn at the same place on two pages or more is a repeated header row.
        let mut seen: std::collections::HashMap<(i64, i64, &str), usize> = Default::default();
        for p in ps {
            for it in &p.items {
                if let Item::Text { x, y, text, .. } = it {
                    *seen.entry((key(*x), key(*y), text.as_str())).or_default() += 1;
                }
            }
        }
        let mut raw: std::collections::BTreeMap<(i64, i64), String> = Default::default();
        let mut stripped: std::collections::BTreeMap<(i64, i64), String> = Default::default();
        let mut pieces = Vec::new();
        for p in ps {
            // Vertical rules: x and the span of y they cover (a cell's own borders).
            let rules: Vec<(f64, f64, f64)> = p
                .items
                .iter()
                .filter_map(|it| match it {
                    Item::Line { x1, x2, y1, y2 } if (x1 - x2).abs() < 0.01 && (y1 - y2).abs() > 0.01 => {
                        Some((*x1, y1.min(*y2), y1.max(*y2)))
                    }
                    _ => None,
                })
                .collect();
            for it in &p.items {
                let Item::Text { x, y, text, .. } = it else { continue };
                let around = rules.iter().filter(|r| r.1 <= *y && *y <= r.2).map(|r| r.0);
                let left = around.clone().filter(|r| *r <= x + 0.01).reduce(f64::max);
                let right = around.filter(|r| *r > x + 0.01).reduce(f64::min);
                let column = match (left, right) {
                    (Some(l), Some(r)) => (key(l), key(r)),
                    _ => (-1, -1),
                };
                let l = letters(text);
                raw.entry(column).or_default().push_str(&l);
                if seen[&(key(*x), key(*y), text.as_str())] < 2 {
                    stripped.entry(column).or_default().push_str(&l);
                }
                if !l.is_empty() {
                    pieces.push(l);
                }
            }
        }
        // A table on two pages repeats its header once: take header texts out by content.
        let heads = header_letters(d, m);
        let mut streams: Vec<String> = raw.into_values().collect();
        streams.extend(stripped.into_values().flat_map(|s| {
            let without = heads.iter().fold(s.clone(), |s, h| s.replace(h.as_str(), ""));
            [s, without]
        }));
        Printed { streams, pieces }
    }

    /// Whether one piece (one drawn text) holds the whole word.
    pub fn in_one_piece(&self, word: &str) -> bool {
        let w = letters(word);
        self.pieces.iter().any(|p| p.contains(&w))
    }

    pub fn contains(&self, word: &str) -> bool {
        let w = letters(word);
        if w.is_empty() || self.streams.iter().any(|s| s.contains(&w)) {
            return true;
        }
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        chars.iter().skip(1).any(|&(k, _)| {
            let (a, b) = w.split_at(k);
            self.pieces.iter().any(|p| p.ends_with(a)) && self.pieces.iter().any(|p| p.starts_with(b))
        })
    }
}

/// The letters of every table header cell as drawn (characters the fonts lack are boxes),
/// four letters or more.
fn header_letters(d: &Document, m: &Measurer) -> Vec<String> {
    use prikaz::doc::{Block, Inline};
    fn texts(b: &Block, out: &mut String) {
        let para = |p: &prikaz::doc::Paragraph, out: &mut String| {
            for i in &p.inlines {
                if let Inline::Text(t, _) = i {
                    out.push_str(t);
                }
            }
        };
        match b {
            Block::Paragraph(p) => para(p, out),
            Block::List(l) => l.items.iter().for_each(|p| para(p, out)),
            _ => {}
        }
    }
    let mut out: Vec<String> = Vec::new();
    for b in d.sections.iter().flat_map(|s| &s.blocks) {
        if let Block::Table(t) = b {
            for c in t.head.iter().flat_map(|r| &r.cells) {
                let mut s = String::new();
                c.blocks.iter().for_each(|b| texts(b, &mut s));
                // Short ones would take the same letters out of words everywhere.
                let l = letters(&m.visible(&s));
                if l.chars().count() >= 4 {
                    out.push(l);
                }
            }
        }
    }
    // Longer first, so a header that contains another is taken out whole.
    out.sort_by_key(|h| std::cmp::Reverse(h.len()));
    out
}

/// Letters of every text of the document as the layout must draw them (characters the
/// fonts lack become boxes), counted.
pub fn document_letters(d: &Document, m: &Measurer) -> std::collections::BTreeMap<char, usize> {
    use prikaz::doc::{Block, Inline};
    fn walk(b: &Block, out: &mut Vec<String>) {
        let para = |p: &prikaz::doc::Paragraph, out: &mut Vec<String>| {
            out.extend(p.inlines.iter().filter_map(|i| match i {
                Inline::Text(t, _) => Some(t.clone()),
                _ => None,
            }))
        };
        match b {
            Block::Paragraph(p) => para(p, out),
            Block::List(l) => l.items.iter().for_each(|p| para(p, out)),
            Block::Signature(s) => {
                out.extend(s.position.iter().cloned());
                out.push(s.name.clone());
            }
            Block::Zone(z) => z.blocks.iter().for_each(|b| walk(b, out)),
            Block::Table(t) => t
                .head
                .iter()
                .chain(&t.body)
                .flat_map(|r| &r.cells)
                .for_each(|c| c.blocks.iter().for_each(|b| walk(b, out))),
            Block::Image(_) => {}
            Block::Columns(cs) => cs.columns.iter().flat_map(|c| &c.blocks).for_each(|b| walk(b, out)),
        }
    }
    let mut texts = Vec::new();
    d.sections.iter().flat_map(|s| &s.blocks).for_each(|b| walk(b, &mut texts));
    let mut counts = std::collections::BTreeMap::new();
    for t in texts {
        for c in letters(&m.visible(&t)).chars() {
            *counts.entry(c).or_default() += 1;
        }
    }
    counts
}

/// Letters the layout draws, counted.
pub fn drawn_letters(ps: &[Page]) -> std::collections::BTreeMap<char, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for it in ps.iter().flat_map(|p| &p.items) {
        if let Item::Text { text, .. } = it {
            for c in letters(text).chars() {
                *counts.entry(c).or_default() += 1;
            }
        }
    }
    counts
}
