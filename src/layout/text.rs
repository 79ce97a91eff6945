//! Measuring text exactly as the PDF writer draws it: rustybuzz shaping (kerning on) over
//! the bundled faces, cached per word, since most words repeat.

use std::cell::RefCell;
use std::collections::HashMap;

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

/// The faces, their metrics and a cache of measured widths.
pub struct Measurer {
    faces: Vec<rustybuzz::Face<'static>>,
    upem: f64,
    /// (ascender + |descender| + line gap) / units per em.
    line_factor: f64,
    /// Ascender / units per em.
    ascent_factor: f64,
    cache: RefCell<HashMap<(usize, String), f64>>,
}

impl Measurer {
    /// Loads the bundled faces.
    pub fn bundled() -> Self {
        Self::new(&FontBook::bundled())
    }

    /// Loads the faces of a font book (checked to parse when the book was made).
    pub fn new(book: &FontBook) -> Self {
        let faces: Vec<rustybuzz::Face<'static>> =
            book.faces.iter().map(|f| rustybuzz::Face::from_slice(f, 0).expect("font book faces parse")).collect();
        let f = &faces[0];
        let upem = f.units_per_em() as f64;
        let (asc, desc, gap) = (f.ascender() as f64, f.descender() as f64, f.line_gap() as f64);
        Measurer {
            upem,
            line_factor: (asc - desc + gap) / upem,
            ascent_factor: asc / upem,
            faces,
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, face: usize, text: &str, size: f64) -> f64 {
        if text.is_empty() {
            return 0.0;
        }
        if let Some(w) = self.cache.borrow().get(&(face, text.to_owned())) {
            return w * size;
        }
        let mut buf = rustybuzz::UnicodeBuffer::new();
        buf.push_str(text);
        let shaped = rustybuzz::shape(&self.faces[face], &[], buf);
        let units: i64 = shaped.glyph_positions().iter().map(|p| p.x_advance as i64).sum();
        let em = units as f64 / self.upem;
        self.cache.borrow_mut().insert((face, text.to_owned()), em);
        em * size
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

    /// Whether any face has a glyph for `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.faces[0].glyph_index(c).is_some()
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
