//! Layout, step 1: blocks → lines. Paragraphs, lists, zones, side-by-side columns, the
//! signature and pictures become runs of placed lines ([`Chunk`]), each line's items
//! relative to its top-left; no page is known here (step 2, [`super::pages`], puts them on
//! pages).

use super::linebreak::{break_lines, Line};
use super::text::{face_index, Measurer};
use super::Item;
use crate::doc::geometry::{image_line_height, IMAGE_LINE_EXTRA};
use crate::doc::structure::{LeafId, Leaves};
use crate::doc::{geometry, Align, Block, Columns, Image, Inline, List, Paragraph, Signature, VAlign, ZoneKind};

/// One laid-out line, its items relative to the line's top-left.
#[derive(Debug, Clone)]
pub(super) struct PLine {
    pub height: f64,
    pub items: Vec<Item>,
}

/// A run of lines placed together or split between them.
#[derive(Debug, Clone)]
pub(super) struct Chunk {
    pub lines: Vec<PLine>,
    pub space_before: f64,
    pub space_after: f64,
    pub keep_next: bool,
    /// Never split (the signature).
    pub whole: bool,
}

/// What setting a block into lines needs to know of the document.
pub(super) struct Setter<'m> {
    pub m: &'m Measurer,
    pub hyphenate: bool,
    pub body_size: f64,
    pub table_size: f64,
    /// The number of each paragraph in the document's structure, stamped on its texts.
    pub leaves: Leaves,
}

impl Setter<'_> {
    /// Lines of a non-table block in a text area `text_width` wide, `left`/`right` extra
    /// indents (zones).
    pub fn chunk(&self, b: &Block, text_width: f64, left: f64, right: f64) -> Chunk {
        let width = text_width - left - right;
        match b {
            Block::Paragraph(p) => {
                let mut c = paragraph_chunk(self.m, p, self.body_size, width, left, self.hyphenate);
                stamp(&mut c.lines, self.leaves.paragraph(p));
                c
            }
            Block::List(l) => list_chunk(self.m, &self.leaves, l, self.body_size, width, left, self.hyphenate),
            Block::Signature(s) => {
                let mut c = signature_chunk(self.m, s, self.body_size, text_width);
                stamp(&mut c.lines, self.leaves.signature(s));
                c
            }
            Block::Zone(z) => {
                let free = (width - z.width.to_pt()).max(0.0);
                let (l, r) = match z.kind {
                    ZoneKind::Blank => (left, right + free),
                    ZoneKind::Right => (left + free, right),
                };
                let mut all =
                    Chunk { lines: Vec::new(), space_before: 0.0, space_after: 0.0, keep_next: false, whole: true };
                for (i, inner) in z.blocks.iter().enumerate() {
                    let c = self.chunk(inner, text_width, l, r);
                    if i > 0 && c.space_before > 0.0 {
                        all.lines.push(PLine { height: c.space_before, items: Vec::new() });
                    } else if i == 0 {
                        all.space_before = c.space_before;
                    }
                    all.lines.extend(c.lines);
                    if c.space_after > 0.0 {
                        all.lines.push(PLine { height: c.space_after, items: Vec::new() });
                    }
                }
                all
            }
            Block::Image(i) => image_chunk(i, width, left),
            Block::Columns(c) => self.columns_chunk(c, text_width),
            // The markup reader lets tables stand only directly in a section, where they
            // are units of their own; a table met here is drawn as nothing rather than
            // stopping the document (the reader's check is what users see).
            Block::Table(_) => {
                Chunk { lines: Vec::new(), space_before: 0.0, space_after: 0.0, keep_next: false, whole: true }
            }
        }
    }

    /// Blocks side by side as one unbreakable line as tall as the tallest column: the
    /// first column at the left margin, the last at the right, the rest of the width shared
    /// between them; a framed column's content inset by [`geometry::FRAME_PAD`].
    fn columns_chunk(&self, cs: &Columns, tw: f64) -> Chunk {
        let n = cs.columns.len();
        let used: f64 = cs.columns.iter().map(|c| c.width.to_pt()).sum();
        let gap = if n > 1 { ((tw - used) / (n - 1) as f64).max(0.0) } else { 0.0 };
        let lone_right = n == 1; // one column stands at the right, as a mark or a гриф does
        let pad = geometry::FRAME_PAD.to_pt();
        let mut x = if lone_right { (tw - used).max(0.0) } else { 0.0 };
        let mut laid = Vec::with_capacity(n);
        for c in &cs.columns {
            let w = c.width.to_pt();
            let inset = if c.frame { pad } else { 0.0 };
            let (l, r) = (x + inset, (tw - x - w).max(0.0) + inset);
            let mut lines = Vec::new();
            for (i, inner) in c.blocks.iter().enumerate() {
                let ch = self.chunk(inner, tw, l, r);
                if i > 0 && ch.space_before > 0.0 {
                    lines.push(PLine { height: ch.space_before, items: Vec::new() });
                }
                lines.extend(ch.lines);
                if ch.space_after > 0.0 && i + 1 < c.blocks.len() {
                    lines.push(PLine { height: ch.space_after, items: Vec::new() });
                }
            }
            laid.push((x, w, inset, lines));
            x += w + gap;
        }
        let row_h = laid.iter().map(|(_, _, inset, lines)| height(lines) + 2.0 * inset).fold(0.0, f64::max);
        let mut items = Vec::new();
        for ((x, w, inset, lines), c) in laid.iter().zip(&cs.columns) {
            let free = row_h - 2.0 * inset - height(lines);
            let mut y = inset
                + match c.valign {
                    VAlign::Top => 0.0,
                    VAlign::Center => free / 2.0,
                    VAlign::Bottom => free,
                };
            for l in lines {
                items.extend(l.items.iter().map(|it| shift(it, 0.0, y)));
                y += l.height;
            }
            if c.frame {
                let (x0, x1) = (*x, x + w);
                items.extend([
                    Item::Line { x1: x0, y1: 0.0, x2: x1, y2: 0.0 },
                    Item::Line { x1: x0, y1: row_h, x2: x1, y2: row_h },
                    Item::Line { x1: x0, y1: 0.0, x2: x0, y2: row_h },
                    Item::Line { x1, y1: 0.0, x2: x1, y2: row_h },
                ]);
            }
        }
        // The space before is a line of its own, kept even at the top of a page: the DOCX
        // has an empty paragraph there (a table has no space before).
        let mut lines = Vec::with_capacity(2);
        if cs.space_before.to_pt() > 0.0 {
            lines.push(PLine { height: (cs.space_before.to_pt() * 20.0).round() / 20.0, items: Vec::new() });
        }
        lines.push(PLine { height: row_h, items });
        Chunk { lines, space_before: 0.0, space_after: 0.0, keep_next: false, whole: true }
    }
}

pub(super) fn shift(it: &Item, dx: f64, dy: f64) -> Item {
    match it {
        Item::Text { x, y, text, face, size, spacing, tag } => Item::Text {
            x: x + dx,
            y: y + dy,
            text: text.clone(),
            face: *face,
            size: *size,
            spacing: *spacing,
            tag: *tag,
        },
        Item::Line { x1, y1, x2, y2 } => Item::Line { x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy },
        Item::Rect { x, y, w, h } => Item::Rect { x: x + dx, y: y + dy, w: *w, h: *h },
        Item::Image { x, y, w, h, picture } => {
            Item::Image { x: x + dx, y: y + dy, w: *w, h: *h, picture: picture.clone() }
        }
    }
}

/// Marks every text of `lines` as belonging to leaf `id` of the structure.
pub(super) fn stamp(lines: &mut [PLine], id: LeafId) {
    for l in lines {
        l.items.iter_mut().for_each(|it| stamp_item(it, id));
    }
}

pub(super) fn stamp_item(it: &mut Item, id: LeafId) {
    if let Item::Text { tag, .. } = it {
        *tag = id;
    }
}

pub(super) fn height(lines: &[PLine]) -> f64 {
    lines.iter().map(|l| l.height).sum()
}

/// A paragraph's lines, aligned and justified, at absolute x from the text area's left
/// edge plus `left`.
pub(super) fn paragraph_chunk(
    m: &Measurer,
    p: &Paragraph,
    default_size: f64,
    width: f64,
    left: f64,
    hyphenate: bool,
) -> Chunk {
    let st = &p.style;
    let size = st.size.map_or(default_size, |s| s.to_pt());
    let left_indent = st.left_indent.to_pt();
    let first = st.first_line_indent.to_pt();
    let w = (width - left_indent).max(10.0);
    // Our layout draws an automatic number as the text it reads as.
    let inlines: Vec<Inline> = p
        .shown_inlines()
        .iter()
        .map(|i| match i {
            Inline::Text(t, st) => Inline::Text(m.visible(t).into_owned(), *st),
            other => other.clone(),
        })
        .collect();
    let lines = break_lines(m, &inlines, size, w, first, hyphenate && !st.no_hyphens, st.align == Align::Justify);
    let lh = m.line_height(size);
    let asc = m.ascent(size);
    let plines = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let indent = if i == 0 { first } else { 0.0 };
            PLine {
                height: lh,
                items: place_line(m, line, st.align, left + left_indent + indent, w - indent, asc, size),
            }
        })
        .collect();
    Chunk {
        lines: plines,
        space_before: st.space_before.to_pt(),
        space_after: st.space_after.to_pt(),
        keep_next: st.keep_with_next,
        whole: false,
    }
}

/// Items of one line: alignment, and justification by widening the spaces between words.
/// Words of one face separated by one plain space become one item (one text object in the
/// PDF), its spaces widened by the justification.
pub(super) fn place_line(
    m: &Measurer,
    line: &Line,
    align: Align,
    x0: f64,
    width: f64,
    asc: f64,
    size: f64,
) -> Vec<Item> {
    let slack = width - line.width;
    let gaps = line.frags.len().saturating_sub(1);
    // A justified line that took a word by narrowing its spaces is set narrowed, even when
    // it is the paragraph's last.
    if slack < 0.0 && gaps > 0 && align == Align::Justify {
        return place_words(m, line, x0, slack / gaps as f64, asc, size);
    }
    let slack = slack.max(0.0);
    let (offset, extra) = match align {
        Align::Left => (0.0, 0.0),
        Align::Center => (slack / 2.0, 0.0),
        Align::Right => (slack, 0.0),
        Align::Justify if !line.last && gaps > 0 => (0.0, slack / gaps as f64),
        Align::Justify => (0.0, 0.0),
    };
    place_words(m, line, x0 + offset, extra, asc, size)
}

/// Items of a line's fragments from `x0`, each gap between them widened by `extra`
/// (narrowed when negative).
fn place_words(m: &Measurer, line: &Line, x0: f64, extra: f64, asc: f64, size: f64) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::with_capacity(line.frags.len());
    let mut prev_end = f64::NAN;
    for (i, f) in line.frags.iter().enumerate() {
        let x = x0 + f.x + extra * i as f64;
        let gap = f.x - prev_end;
        prev_end = f.x + f.width;
        if let Some(Item::Text { text, face, spacing, size: s, .. }) = items.last_mut() {
            // Only runs of one face at the paragraph's size join; a shrunk character
            // (linebreak.rs) stays an item of its own.
            let same_run = *face == f.face && *s == size && f.size == size;
            if same_run && (gap - m.width(f.face, " ", size)).abs() < 1e-6 {
                text.push(' ');
                text.push_str(&f.text);
                *spacing = extra;
                continue;
            }
            // Pieces of one over-long word follow without a gap (linebreak.rs).
            if same_run && gap.abs() < 1e-6 && extra == 0.0 {
                text.push_str(&f.text);
                continue;
            }
        }
        items.push(Item::Text { x, y: asc, text: f.text.clone(), face: f.face, size: f.size, spacing: 0.0, tag: 0 });
    }
    items
}

/// The line an image stands on: as tall as the image and [`IMAGE_LINE_EXTRA`], which the
/// DOCX gives the picture's paragraph as its exact line height.
fn image_chunk(i: &Image, width: f64, left: f64) -> Chunk {
    let (w, h) = (i.width.to_pt().min(width), i.height().to_pt() * (i.width.to_pt().min(width) / i.width.to_pt()));
    let x = left
        + match i.align {
            Align::Center => (width - w) / 2.0,
            Align::Right => width - w,
            Align::Left | Align::Justify => 0.0,
        };
    let line = PLine {
        height: image_line_height(h),
        items: vec![Item::Image { x, y: IMAGE_LINE_EXTRA, w, h, picture: i.picture.clone() }],
    };
    Chunk { lines: vec![line], space_before: 0.0, space_after: 0.0, keep_next: true, whole: true }
}

fn list_chunk(m: &Measurer, leaves: &Leaves, l: &List, size: f64, width: f64, left: f64, hyphenate: bool) -> Chunk {
    let hang = geometry::LIST_HANG.to_pt();
    let mut out = Chunk { lines: Vec::new(), space_before: 0.0, space_after: 0.0, keep_next: false, whole: false };
    for (i, item) in l.items.iter().enumerate() {
        let s = item.style.size.map_or(size, |x| x.to_pt());
        let mut c = paragraph_chunk(m, item, s, width - hang, left + hang, hyphenate);
        if let Some(first) = c.lines.first_mut() {
            first.items.push(Item::Text {
                x: left,
                y: m.ascent(s),
                text: l.marker.text(i),
                face: 0,
                size: s,
                spacing: 0.0,
                tag: 0,
            });
        }
        let id = leaves.paragraph(item);
        stamp(&mut c.lines, id);
        if let Some(marker) = c.lines.first_mut().and_then(|l| l.items.last_mut()) {
            stamp_item(marker, id | crate::doc::structure::LABEL);
        }
        if i == 0 {
            out.space_before = c.space_before;
        }
        out.lines.append(&mut c.lines);
    }
    out
}

fn signature_chunk(m: &Measurer, s: &Signature, size: f64, width: f64) -> Chunk {
    let lh = m.line_height(size);
    let asc = m.ascent(size);
    let face = face_index(false, false);
    let n = s.position.len().max(1);
    let mut lines: Vec<PLine> = Vec::with_capacity(n);
    let mut last_width = 0.0;
    for i in 0..n {
        let text = m.visible(s.position.get(i).map_or("", String::as_str)).into_owned();
        last_width = m.width(face, &text, size);
        if last_width <= width {
            let mut items = Vec::new();
            if !text.is_empty() {
                items.push(Item::Text { x: 0.0, y: asc, text, face, size, spacing: 0.0, tag: 0 });
            }
            lines.push(PLine { height: lh, items });
            continue;
        }
        // A position wider than the page wraps, as its paragraph does in Word.
        let wrapped = break_lines(m, &[Inline::Text(text, Default::default())], size, width, 0.0, false, false);
        for l in &wrapped {
            lines.push(PLine { height: lh, items: place_line(m, l, Align::Left, 0.0, width, asc, size) });
            last_width = l.width;
        }
    }
    let name = m.visible(&s.name).into_owned();
    let nw = m.width(0, &name, size);
    if last_width > 0.0 && last_width + m.width(face, " ", size) > width - nw {
        // The name does not fit after the position: Word's right tab moves it to a new line.
        lines.push(PLine { height: lh, items: Vec::new() });
    }
    if let Some(last) = lines.last_mut() {
        last.items.push(Item::Text { x: width - nw, y: asc, text: name, face: 0, size, spacing: 0.0, tag: 0 });
    }
    Chunk { lines, space_before: s.space_before.to_pt(), space_after: 0.0, keep_next: false, whole: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into(), Default::default())]
    }

    #[test]
    fn the_pieces_of_a_long_word_are_set_without_a_gap() {
        let m = Measurer::bundled();
        let word = "ab".repeat(300);
        let lines = break_lines(&m, &text(&word), 12.0, 5000.0, 0.0, true, false);
        assert_eq!(lines.len(), 1);
        let items = place_line(&m, &lines[0], Align::Center, 0.0, 5000.0, 10.0, 12.0);
        assert!(matches!(&items[..], [Item::Text { text, .. }] if *text == word), "{items:?}");
    }

    #[test]
    fn a_character_shrunk_to_fit_is_placed_at_its_own_size() {
        let m = Measurer::bundled();
        let width = m.width(0, "ǅ", 12.0) * 0.8;
        let lines = break_lines(&m, &text("ǅǅ а"), 12.0, width, 0.0, true, false);
        let items = place_line(&m, &lines[0], Align::Left, 0.0, width, 10.0, 12.0);
        assert!(matches!(&items[..], [Item::Text { size, .. }] if *size < 12.0), "{items:?}");
    }
}
