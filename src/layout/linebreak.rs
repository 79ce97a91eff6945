//! First-fit line breaking with Russian hyphenation, as Word and LibreOffice break lines,
//! so our lines match the DOCX.

use super::text::{face_index, Measurer};
use crate::breaks::{breaks, nbsp_breaks, Break, Kind, MAX_CONSECUTIVE_HYPHENS};

/// The share of a space's width a justified line may give up to take one more word or
/// hyphenated part (Word's justification since 2013; LibreOffice's
/// `JustifyLinesWithShrinking` for a DOCX). Measured against LibreOffice 25.2: a line that
/// needed 23.7 % was not taken (kindergarten sample, «… О.Н. Кравец, заме-»); at 20 % every
/// page-1 line and every page's last row of the eleven checked documents match.
pub const SPACE_SHRINK: f64 = 0.2;
use crate::doc::{Inline, RunStyle};

/// A piece of text on a line, positioned from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Frag {
    /// Offset from the line's left edge.
    pub x: f64,
    /// The text (with a trailing «-» where a word was hyphenated).
    pub text: String,
    /// Face index.
    pub face: usize,
    /// Width.
    pub width: f64,
    /// Font size: the paragraph's, smaller only for a single character wider than a whole
    /// line (a «ǅ» in a column barely wider than a letter), which is shrunk to fit.
    pub size: f64,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// Fragments left to right.
    pub frags: Vec<Frag>,
    /// Natural width (before justification).
    pub width: f64,
    /// Ends with a word hyphenated between syllables (a hyphen written in the text, as in
    /// «организационно-», does not count: Word's and LibreOffice's limit of consecutive
    /// hyphenated lines counts only the hyphens they add).
    pub hyphenated: bool,
    /// Ends at a forced break or the paragraph's end (not justified).
    pub last: bool,
}

/// A word or a space between words, with its style.
#[derive(Debug, Clone)]
enum Token {
    Word(String, RunStyle),
    Space(RunStyle),
    Break,
}

/// Runs without a space longer than this (a pasted base64 image, a URL of thousands of
/// characters) are cut into pieces set without a gap: a line then measures a bounded
/// piece, so such a "word" is laid out in linear time and memory, not quadratic.
const MAX_WORD_CHARS: usize = 200;

fn tokens(inlines: &[Inline]) -> Vec<Token> {
    let mut out = Vec::new();
    for i in inlines {
        match i {
            Inline::Text(t, st) => {
                let mut word = String::new();
                let mut chars = 0;
                for c in t.chars() {
                    if c == ' ' || c == '\t' {
                        if !word.is_empty() {
                            out.push(Token::Word(std::mem::take(&mut word), *st));
                        }
                        out.push(Token::Space(*st));
                        chars = 0;
                    } else {
                        if chars == MAX_WORD_CHARS {
                            out.push(Token::Word(std::mem::take(&mut word), *st));
                            chars = 0;
                        }
                        word.push(c);
                        chars += 1;
                    }
                }
                if !word.is_empty() {
                    out.push(Token::Word(word, *st));
                }
            }
            Inline::LineBreak => out.push(Token::Break),
            Inline::Tab => out.push(Token::Space(RunStyle::default())),
        }
    }
    // A word continues across a style change when no space separates the parts; keep the
    // parts as separate tokens but never break between them.
    out
}

/// Breaks a paragraph's inlines into lines of at most `width`, the first line `first_indent`
/// narrower (or wider when negative). Breaks inside words follow [`super::breaks`]: at most
/// [`MAX_CONSECUTIVE_HYPHENS`] lines in a row end with a hyphen unless a word is wider than
/// a whole line, a no-break group is broken at its no-break space only when it is wider
/// than a whole line, and a piece is cut by characters only when nothing else fits.
///
/// In a justified paragraph (`justify`) a line may also take a word that fits only when
/// its spaces are narrowed by up to [`SPACE_SHRINK`], as Word 2013 and later do with
/// justified text (and LibreOffice with such a DOCX); the line is then set with narrower
/// spaces.
pub fn break_lines(
    m: &Measurer,
    inlines: &[Inline],
    size: f64,
    width: f64,
    first_indent: f64,
    hyphenate: bool,
    justify: bool,
) -> Vec<Line> {
    let toks = tokens(inlines);
    let mut lines = Vec::new();
    let mut open = Open::default();
    let shrink = if justify { SPACE_SHRINK } else { 0.0 };
    let avail = |lines: &Vec<Line>| if lines.is_empty() { width - first_indent } else { width };
    // Lines in a row, up to the current one, that end with a hyphen.
    let hyphen_run = |lines: &Vec<Line>| lines.iter().rev().take_while(|l| l.hyphenated).count();
    let mut queue: std::collections::VecDeque<Token> = toks.into();
    while let Some(tok) = queue.pop_front() {
        match tok {
            Token::Break => {
                open.line.last = true;
                let x = open.x;
                open.close(&mut lines, x);
            }
            Token::Space(st) => {
                if !open.line.frags.is_empty() {
                    open.pending_space = Some(m.width(face_index(st.bold, st.italic), " ", size));
                }
            }
            Token::Word(w, st) => {
                let face = face_index(st.bold, st.italic);
                let ww = m.width(face, &w, size);
                let space = open.pending_space.unwrap_or(0.0);
                let limit = avail(&lines);
                let squeeze = shrink * (open.spaces + space);
                let empty = open.line.frags.is_empty();
                if open.x + space + ww <= limit + squeeze + 0.01 || (empty && ww <= limit + 0.01) {
                    let fx = if empty { 0.0 } else { open.x + space };
                    open.line.frags.push(Frag { x: fx, text: w, face, width: ww, size });
                    open.x = fx + ww;
                    open.spaces += space;
                    open.pending_space = None;
                    continue;
                }
                let room = limit + squeeze - open.x - if empty { 0.0 } else { space };
                // A word wider than a whole line must be broken whatever the hyphen count.
                // The limit bars syllable hyphens only: a hyphen written in the text
                // («организациями-партнерами») still breaks, as in Word and LibreOffice.
                let may_hyphenate = hyphen_run(&lines) < MAX_CONSECUTIVE_HYPHENS || (empty && ww > limit + 0.01);
                let split = best_break(m, &w, face, size, room, hyphenate && may_hyphenate);
                let split = split.or_else(|| if empty { nbsp_split(m, &w, face, size, limit) } else { None });
                if let Some((head, tail, hyphenated)) = split {
                    let fx = if empty { 0.0 } else { open.x + space };
                    let hw = m.width(face, &head, size);
                    open.line.frags.push(Frag { x: fx, text: head, face, width: hw, size });
                    open.line.hyphenated = hyphenated;
                    open.close(&mut lines, fx + hw);
                    queue.push_front(Token::Word(tail, st));
                    continue;
                }
                if !empty {
                    let x = open.x;
                    open.close(&mut lines, x);
                    queue.push_front(Token::Word(w, st));
                    continue;
                }
                // Nothing the rules allow fits a whole line: break by characters.
                let (head, tail) = char_split(m, &w, face, size, limit);
                let hw = m.width(face, &head, size);
                // Only one character, and still too wide: drawn smaller rather than over the
                // cell's border or off the page.
                let (hs, hw) = if hw > limit && limit > 0.0 { (size * limit / hw, limit) } else { (size, hw) };
                open.line.frags.push(Frag { x: 0.0, text: head, face, width: hw, size: hs });
                open.close(&mut lines, hw);
                if !tail.is_empty() {
                    queue.push_front(Token::Word(tail, st));
                }
            }
        }
    }
    let mut line = open.line;
    line.width = open.x;
    line.last = true;
    if !line.frags.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The line being filled.
#[derive(Default)]
struct Open {
    line: Line,
    /// Where the next word would start, before its space.
    x: f64,
    /// The width of the spaces between its words (what justification may narrow).
    spaces: f64,
    /// The space met after the last word, placed only if another word follows.
    pending_space: Option<f64>,
}

impl Open {
    /// Ends the line at natural width `width` and starts an empty one.
    fn close(&mut self, lines: &mut Vec<Line>, width: f64) {
        self.line.width = width;
        lines.push(std::mem::take(&mut self.line));
        *self = Open::default();
    }
}

/// The longest head of `word` that fits `room`, broken where [`breaks`] allows (as Word
/// and LibreOffice do: the last break opportunity that fits, a hyphenation point counting
/// as one); the head, the rest, and whether the break is a syllable hyphenation.
fn best_break(
    m: &Measurer,
    word: &str,
    face: usize,
    size: f64,
    room: f64,
    syllables: bool,
) -> Option<(String, String, bool)> {
    if room <= 0.0 {
        return None;
    }
    let all = breaks(word, syllables);
    let fitting: Vec<&Break> = all.iter().take_while(|b| m.width(face, &b.head(word), size) <= room + 0.01).collect();
    let b = compound_break(word, &all, &fitting).or_else(|| fitting.last().copied())?;
    Some((b.head(word).into_owned(), word[b.at..].to_owned(), b.kind == Kind::Syllable))
}

/// A compound («мотивационно-личностного») that runs past its first hyphen is hyphenated in
/// its first part when that part has a break leaving three letters before the hyphen
/// («мотиваци-онно-личностного»), not at the hyphen or in a later part: LibreOffice
/// hyphenates compounds so, and our lines must break where its lines break. A first part
/// with no such break («учебно») leaves the later breaks as they are («учебно-методи-»).
fn compound_break<'a>(word: &str, all: &'a [Break], fitting: &[&'a Break]) -> Option<&'a Break> {
    let hyphen = all.iter().find(|b| b.kind == Kind::Hard && word[..b.at].ends_with('-'))?;
    let last = fitting.last()?;
    if last.at <= hyphen.at {
        return None;
    }
    let first_part = &word[..hyphen.at - 1];
    fitting
        .iter()
        .rev()
        .copied()
        .find(|b| b.kind == Kind::Syllable && b.at < hyphen.at && first_part[b.at..].chars().count() >= COMPOUND_TAIL)
}

/// Letters a break in a compound's first part leaves before its hyphen (libhyphen's
/// compound minimum, which LibreOffice applies).
const COMPOUND_TAIL: usize = 3;

/// A no-break group wider than a whole line, broken at its last no-break space that leaves
/// a head fitting the line («До 01.01.2021» → «До» / «01.01.2021»); the space is dropped.
fn nbsp_split(m: &Measurer, word: &str, face: usize, size: f64, limit: f64) -> Option<(String, String, bool)> {
    if m.width(face, word, size) <= limit + 0.01 {
        return None;
    }
    let at = nbsp_breaks(word).take_while(|&i| m.width(face, &word[..i], size) <= limit + 0.01).last()?;
    Some((word[..at].to_owned(), word[at + '\u{a0}'.len_utf8()..].to_owned(), false))
}

fn char_split(m: &Measurer, word: &str, face: usize, size: f64, limit: f64) -> (String, String) {
    let mut end = 0;
    for (i, c) in word.char_indices() {
        let next = i + c.len_utf8();
        if m.width(face, &word[..next], size) > limit && end > 0 {
            break;
        }
        end = next;
    }
    (word[..end].to_owned(), word[end..].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into(), RunStyle::default())]
    }

    #[test]
    fn a_compound_is_hyphenated_in_its_first_part_as_libreoffice_does() {
        let m = Measurer::bundled();
        let first = |text: &str, width: f64| {
            let lines = break_lines(&m, &self::text(text), 12.0, width, 0.0, true, false);
            lines[0].frags.iter().map(|f| f.text.clone()).collect::<Vec<_>>().join(" ")
        };
        // Room for «мотивационно-лич-»: the first part is hyphenated all the same.
        let room = m.width(0, "Оценка мотивационно-лич-", 12.0) + 1.0;
        assert_eq!(first("Оценка мотивационно-личностного роста", room), "Оценка мотиваци-");
        // «учебно» has no break leaving three letters before the hyphen: the second part is.
        let room = m.width(0, "и учебно-методи-", 12.0) + 1.0;
        assert_eq!(first("и учебно-методических материалов", room), "и учебно-методи-");
    }

    #[test]
    fn lines_fit_and_hyphenate_in_russian() {
        let m = Measurer::bundled();
        let lines = break_lines(
            &m,
            &text("Организация взаимодействия и сотрудничества школ с низкими образовательными результатами"),
            12.0,
            120.0,
            0.0,
            true,
            false,
        );
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 120.01, "{l:?}");
        }
        assert!(lines.iter().any(|l| l.hyphenated), "{lines:#?}");
        // Every hyphen leaves at least two letters on each side.
        for l in lines.iter().filter(|l| l.hyphenated) {
            let last = &l.frags.last().unwrap().text;
            assert!(last.trim_end_matches('-').chars().rev().take_while(|c| c.is_alphabetic()).count() >= 2);
        }
    }

    #[test]
    fn no_break_spaces_hold_and_long_words_break_by_characters() {
        let m = Measurer::bundled();
        let lines = break_lines(&m, &text("Н.П.\u{a0}Клюева Н.П.\u{a0}Клюева"), 14.0, 80.0, 0.0, true, false);
        assert!(lines.iter().all(|l| l.frags.iter().all(|f| !f.text.ends_with("Н.П.") || f.text.contains('\u{a0}'))));
        let long = "Щ".repeat(200);
        let lines = break_lines(&m, &text(&long), 12.0, 100.0, 0.0, true, false);
        assert!(lines.len() > 3 && lines.iter().all(|l| l.width <= 100.01));
        let joined: String = lines.iter().flat_map(|l| l.frags.iter().map(|f| f.text.as_str())).collect();
        assert_eq!(joined, long);
    }

    #[test]
    fn long_lower_case_words_hyphenate_or_break_without_a_panic() {
        // hypher without `alloc` panicked on words over 45 bytes (23 Cyrillic letters).
        let m = Measurer::bundled();
        for word in ["человеконенавистничество", &"щ".repeat(3000)] {
            let lines = break_lines(&m, &text(word), 12.0, 60.0, 0.0, true, false);
            assert!(lines.len() > 1 && lines.iter().all(|l| l.width <= 60.01), "{word}");
            let joined: String =
                lines.iter().flat_map(|l| l.frags.iter().map(|f| f.text.trim_end_matches('-'))).collect();
            assert_eq!(joined, word);
        }
        let lines = break_lines(&m, &text("человеконенавистничество"), 12.0, 60.0, 0.0, true, false);
        assert!(lines[0].hyphenated, "{lines:?}");
    }

    #[test]
    fn a_huge_word_is_laid_out_in_linear_time() {
        // Each line used to measure (and cache) the whole rest of the word: quadratic. The
        // work is counted in bytes measured, which does not depend on the machine's load.
        let work = |n: usize| {
            let m = Measurer::bundled();
            let word = "iVBORw0KGgo".repeat(n / 11);
            let lines = break_lines(&m, &text(&word), 12.0, 200.0, 0.0, true, false);
            let joined: String = lines.iter().flat_map(|l| l.frags.iter().map(|f| f.text.as_str())).collect();
            assert_eq!(joined, word);
            assert!(lines.iter().all(|l| l.width <= 200.01));
            m.measured_bytes() as f64
        };
        let (small, large) = (work(20_000), work(200_000));
        assert!(large < small * 11.0, "10× the text took {:.1}× the work", large / small);
    }

    #[test]
    fn a_character_wider_than_the_line_is_shrunk_to_fit() {
        let m = Measurer::bundled();
        let wide = m.width(0, "ǅ", 12.0);
        let width = wide * 0.8;
        let lines = break_lines(&m, &text("ǅǅ а"), 12.0, width, 0.0, true, false);
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            assert!(l.width <= width + 1e-9, "{l:?}");
            for f in &l.frags {
                assert!(f.x + m.width(f.face, &f.text, f.size) <= width + 1e-9, "{f:?}");
            }
        }
        assert!(lines[0].frags[0].size < 12.0 && lines[0].frags[0].text == "ǅ");
        assert_eq!(lines.last().unwrap().frags[0].size, 12.0);
    }
}
