//! Measuring text exactly as the PDF writer draws it: rustybuzz shaping (kerning on) over
//! the bundled faces, one word at a time. Words repeat, so each (face, word) is shaped once
//! per process and its glyphs are kept: the layout reads their widths and the PDF writer
//! draws the very same glyphs, so what is measured is what is printed.

use std::cell::{Cell, RefCell};

use rustc_hash::FxHashMap;
use rustybuzz::{Direction, Script, ShapePlan, UnicodeBuffer};

use crate::fonts::FontBook;

/// Index of a face in the font book.
pub fn face_index(bold: bool, italic: bool) -> usize {
    match (bold, italic) {
        (false, false) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (true, true) => 3,
    }
}

/// One shaped glyph, in font units, with the byte range of the word it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    /// Glyph id in the face.
    pub id: u16,
    /// Horizontal advance.
    pub advance: i32,
    /// Horizontal offset.
    pub x_offset: i32,
    /// Vertical offset.
    pub y_offset: i32,
    /// Start of the glyph's cluster in the word, in bytes.
    pub start: u32,
    /// End of the glyph's cluster in the word, in bytes.
    pub end: u32,
}

/// A shaped word: its glyphs in visual order and its total advance in font units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shaped {
    /// Sum of the advances.
    pub advance: i64,
    /// The glyphs.
    pub glyphs: Box<[Glyph]>,
}

/// A face with what shaping it needs, built once: the parsed face, its shaping plans
/// (one per direction and script met) and the words shaped so far.
struct FaceState {
    face: rustybuzz::Face<'static>,
    plans: RefCell<Vec<(Direction, Option<Script>, ShapePlan)>>,
    words: RefCell<FxHashMap<Box<str>, Shaped>>,
}

/// The faces, their metrics and the shaped words.
pub struct Measurer {
    faces: Vec<FaceState>,
    upem: f64,
    /// (ascender + |descender| + line gap) / units per em.
    line_factor: f64,
    /// Ascender / units per em.
    ascent_factor: f64,
    /// Whether the regular face covers a character, for the first code points (Latin,
    /// Cyrillic, punctuation, symbols): 0 unknown, 1 yes, 2 no.
    coverage: Box<[Cell<u8>]>,
    /// One buffer reused for every shaping call.
    buffer: RefCell<Option<UnicodeBuffer>>,
    /// Bytes of text measured so far: the layout's work, counted so tests can check that
    /// it grows linearly with the input without timing anything.
    measured: Cell<u64>,
}

/// Characters below this code point have their coverage remembered.
const COVERAGE_LIMIT: usize = 0x2600;

impl Measurer {
    /// Loads the bundled faces.
    pub fn bundled() -> Self {
        Self::new(&FontBook::bundled())
    }

    /// Loads the faces of a font book (checked to parse when the book was made).
    pub fn new(book: &FontBook) -> Self {
        let faces: Vec<FaceState> = book
            .faces
            .iter()
            .map(|f| FaceState {
                face: rustybuzz::Face::from_slice(f, 0).expect("font book faces parse"),
                plans: RefCell::new(Vec::new()),
                words: RefCell::new(FxHashMap::default()),
            })
            .collect();
        let f = &faces[0].face;
        let upem = f.units_per_em() as f64;
        let (asc, desc, gap) = (f.ascender() as f64, f.descender() as f64, f.line_gap() as f64);
        Measurer {
            upem,
            line_factor: (asc - desc + gap) / upem,
            ascent_factor: asc / upem,
            faces,
            coverage: (0..COVERAGE_LIMIT).map(|_| Cell::new(0)).collect(),
            buffer: RefCell::new(Some(UnicodeBuffer::new())),
            measured: Cell::new(0),
        }
    }

    /// Units per em of the faces (glyph advances are in these units).
    pub fn units_per_em(&self) -> f64 {
        self.upem
    }

    /// Bytes of text measured by [`Measurer::width`] since this measurer was made.
    pub fn measured_bytes(&self) -> u64 {
        self.measured.get()
    }

    /// Width of `text` in points at `size`: its words as shaped one by one, plus its spaces.
    pub fn width(&self, face: usize, text: &str, size: f64) -> f64 {
        if text.is_empty() {
            return 0.0;
        }
        self.measured.set(self.measured.get() + text.len() as u64);
        let mut units = 0i64;
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                units += self.with_shaped(face, " ", |s| s.advance);
            }
            if !word.is_empty() {
                units += self.with_shaped(face, word, |s| s.advance);
            }
        }
        units as f64 / self.upem * size
    }

    /// Calls `f` with the shaped glyphs of one word (shaped on first use, then remembered).
    pub fn with_shaped<R>(&self, face: usize, word: &str, f: impl FnOnce(&Shaped) -> R) -> R {
        let state = &self.faces[face];
        if let Some(s) = state.words.borrow().get(word) {
            return f(s);
        }
        let shaped = self.shape(state, word);
        let r = f(&shaped);
        state.words.borrow_mut().insert(word.into(), shaped);
        r
    }

    fn shape(&self, state: &FaceState, word: &str) -> Shaped {
        let mut buf = self.buffer.borrow_mut().take().unwrap_or_default();
        buf.push_str(word);
        buf.guess_segment_properties();
        let dir = buf.direction();
        let script = Some(buf.script()).filter(|s| *s != rustybuzz::script::UNKNOWN);
        let mut plans = state.plans.borrow_mut();
        let k = match plans.iter().position(|(d, s, _)| *d == dir && *s == script) {
            Some(k) => k,
            None => {
                plans.push((dir, script, ShapePlan::new(&state.face, dir, script, None, &[])));
                plans.len() - 1
            }
        };
        let out = rustybuzz::shape_with_plan(&state.face, &plans[k].2, buf);
        let infos = out.glyph_infos();
        // A glyph's text is its cluster up to the next larger cluster start (clusters are
        // byte offsets; in right-to-left runs they decrease along the glyphs).
        let mut starts: Vec<u32> = infos.iter().map(|g| g.cluster).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |c: u32| match starts.binary_search(&c) {
            Ok(k) if k + 1 < starts.len() => starts[k + 1],
            _ => word.len() as u32,
        };
        let glyphs: Box<[Glyph]> = infos
            .iter()
            .zip(out.glyph_positions())
            .map(|(g, p)| Glyph {
                id: g.glyph_id as u16,
                advance: p.x_advance,
                x_offset: p.x_offset,
                y_offset: p.y_offset,
                start: g.cluster,
                end: end_of(g.cluster),
            })
            .collect();
        let advance = glyphs.iter().map(|g| g.advance as i64).sum();
        *self.buffer.borrow_mut() = Some(out.clear());
        Shaped { advance, glyphs }
    }

    /// Baseline-to-baseline distance of single spacing at `size` (what Word and LibreOffice
    /// use for "single": the font's ascent, descent and line gap).
    pub fn line_height(&self, size: f64) -> f64 {
        self.line_factor * size
    }

    /// Distance from a line's top to its baseline.
    pub fn ascent(&self, size: f64) -> f64 {
        self.ascent_factor * size
    }

    /// Whether the regular face has a glyph for `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        let Some(cell) = self.coverage.get(c as usize) else {
            return self.faces[0].face.glyph_index(c).is_some();
        };
        match cell.get() {
            1 => true,
            2 => false,
            _ => {
                let has = self.faces[0].face.glyph_index(c).is_some();
                cell.set(if has { 1 } else { 2 });
                has
            }
        }
    }
}

/// What stands in for a character no bundled face has: a visible box, never an empty gap.
pub const REPLACEMENT: char = '□';

/// Characters that are invisible by definition (Unicode's default-ignorable code points:
/// soft hyphen, zero-width spaces and joiners, direction marks, variation selectors, the
/// BOM): without a glyph they are drawn as nothing, not as a box, and not reported.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

impl Measurer {
    /// The text with characters the faces lack replaced by [`REPLACEMENT`] (or «?»), and
    /// invisible ones the faces lack left out.
    pub fn visible<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        if s.chars().all(|c| c.is_whitespace() || self.has_glyph(c)) {
            return std::borrow::Cow::Borrowed(s);
        }
        let rep = if self.has_glyph(REPLACEMENT) { REPLACEMENT } else { '?' };
        std::borrow::Cow::Owned(
            s.chars()
                .filter(|c| !is_invisible(*c) || self.has_glyph(*c))
                .map(|c| if c.is_whitespace() || self.has_glyph(c) { c } else { rep })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liberation_serif_measures_like_times() {
        let m = Measurer::bundled();
        // Times New Roman and Liberation Serif share widths: «Приказ» at 14 pt.
        let w = m.width(0, "Приказ", 14.0);
        assert!(w > 35.0 && w < 50.0, "{w}");
        assert!(m.width(1, "Приказ", 14.0) > w, "bold is wider");
        let lh = m.line_height(14.0);
        assert!((lh - 16.1).abs() < 0.2, "single spacing at 14 pt is about 16.1 pt, got {lh}");
        assert!(m.has_glyph('Ж') && !m.has_glyph('\u{1F600}'));
    }

    #[test]
    fn a_phrase_measures_as_its_words_and_spaces() {
        let m = Measurer::bundled();
        let sum = m.width(0, "План", 12.0) + m.width(0, " ", 12.0) + m.width(0, "мероприятий", 12.0);
        assert!((m.width(0, "План мероприятий", 12.0) - sum).abs() < 1e-9);
        // The width is the font's own advances as rustybuzz shapes the word outside the
        // measurer, the first time (shaped) and the second (remembered).
        let book = FontBook::bundled();
        let face = rustybuzz::Face::from_slice(book.faces[0], 0).expect("the bundled face parses");
        let mut buf = rustybuzz::UnicodeBuffer::new();
        buf.push_str("мероприятий");
        let units: i32 = rustybuzz::shape(&face, &[], buf).glyph_positions().iter().map(|p| p.x_advance).sum();
        let expected = units as f64 / face.units_per_em() as f64 * 12.0;
        let fresh = Measurer::bundled();
        assert_eq!(fresh.width(0, "мероприятий", 12.0), expected);
        assert_eq!(fresh.width(0, "мероприятий", 12.0), expected);
    }

    #[test]
    fn glyphs_carry_their_clusters_in_both_directions() {
        let m = Measurer::bundled();
        m.with_shaped(0, "Дом", |s| {
            let ranges: Vec<(u32, u32)> = s.glyphs.iter().map(|g| (g.start, g.end)).collect();
            assert_eq!(ranges, [(0, 2), (2, 4), (4, 6)]);
        });
        // Hebrew is shaped right to left: the first glyph drawn is the last letter.
        m.with_shaped(0, "שלום", |s| {
            assert_eq!(s.glyphs.first().map(|g| (g.start, g.end)), Some((6, 8)));
            assert_eq!(s.glyphs.last().map(|g| (g.start, g.end)), Some((0, 2)));
        });
    }
}
