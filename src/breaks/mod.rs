//! Where a word may be broken at a line end. The one place that says it, below both
//! outputs: our layout's line breaker takes its breaks from here, the column widths are
//! fitted so that no cell needs a break this module does not allow, and the DOCX writer
//! takes the soft hyphens, bound ranges and the hyphen limit it writes for Word and
//! LibreOffice (so it never depends on our layout).
//!
//! A "word" is a run without spaces; words glued by no-break spaces («До 01.01.2021»,
//! «в образовательных») are one word with their no-break spaces inside.
//!
//! The rules follow what Word and LibreOffice do with our DOCX (Unicode line breaking with
//! Russian hyphenation patterns), with the clerk's rules on top:
//! - after a hyphen between letters («организационно-/методической»), never before a digit
//!   («Р-145», «64-97-54» stay whole);
//! - after an en or em dash («Сентябрь–/октябрь»);
//! - after a slash between words of three letters or more («организаций/учреждений»), never
//!   inside «1128/08» or «п/п»;
//! - by syllables (LibreOffice's Russian patterns, [`hyphenate`]) only inside a run of letters of at least [`MIN_HEAD`] + [`MIN_TAIL`]
//!   letters, with at most one capital (no abbreviations: «МСН», «ГОРУНО»), leaving at least
//!   [`MIN_HEAD`] letters on the line and carrying at least [`MIN_TAIL`] (two only in a word
//!   with no other break, as Word and LibreOffice would: [`syllable_points`]);
//! - never inside a number or a date, never at a no-break space: a no-break group wider than
//!   a whole line is broken at its no-break space by the line breaker as a last resort.

use std::borrow::Cow;

mod hyphenate;

/// Letters left on the line before a syllable hyphen («пе-»).
pub const MIN_HEAD: usize = 2;
/// Letters carried to the next line after a syllable hyphen («-ние», not «-да»), unless the
/// word has no other break (see [`syllable_points`]).
pub const MIN_TAIL: usize = 3;
/// Letters Word and LibreOffice carry at least (their default, which a DOCX cannot change).
const WORD_MIN_TAIL: usize = 2;
/// Lines in a row that may end with a syllable hyphen (Word's `w:consecutiveHyphenLimit`,
/// which, like LibreOffice's, does not count hyphens written in the text).
pub const MAX_CONSECUTIVE_HYPHENS: usize = 2;

/// Longer runs of letters are not hyphenated: no Russian word is this long, and
/// hyphenating pasted garbage on every line would be quadratic.
const MAX_HYPHENATED_BYTES: usize = 120;

const NBSP: char = '\u{a0}';

/// What kind of break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// After a hyphen, dash or slash written in the text: nothing is added.
    Hard,
    /// Between syllables: a hyphen is added at the line end.
    Syllable,
}

/// A place a word may be broken: the line keeps `word[..at]` (plus «-» for a syllable
/// break) and the next line starts with `word[at..]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Break {
    /// Byte offset in the word.
    pub at: usize,
    /// Hard or syllable.
    pub kind: Kind,
}

impl Break {
    /// The part left on the line, with the hyphen a syllable break adds.
    pub fn head<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self.kind {
            Kind::Hard => Cow::Borrowed(&word[..self.at]),
            Kind::Syllable => Cow::Owned(format!("{}-", &word[..self.at])),
        }
    }
}

fn is_letter(c: char) -> bool {
    is_alpha(c) || c == '\u{301}'
}

/// `char::is_alphabetic`, answered at once for Russian and Latin letters (the general
/// lookup is slow, and every character of a document passes here).
fn is_alpha(c: char) -> bool {
    matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' | 'a'..='z' | 'A'..='Z') || (!c.is_ascii() && c.is_alphabetic())
}

/// Letters right before and right after the character at byte `at`.
fn letters_around(word: &str, at: usize) -> (usize, usize) {
    let before = word[..at].chars().rev().take_while(|c| is_letter(*c)).count();
    let after = word[at..].chars().skip(1).take_while(|c| is_letter(*c)).count();
    (before, after)
}

/// Every break the word allows, in order; syllable breaks only when `syllables` is set.
pub fn breaks(word: &str, syllables: bool) -> Vec<Break> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let (Some(&(_, prev)), Some(&(next_at, next))) = (k.checked_sub(1).map(|p| &chars[p]), chars.get(k + 1)) else {
            continue;
        };
        let hard = match c {
            '-' => is_letter(prev) && is_letter(next),
            // Never after the dash of a range of numbers («2021–2024», «10–15»): a year range is
            // not split across lines (the DOCX binds it with a word joiner, see [`bind_ranges`]).
            '–' if prev.is_ascii_digit() && next.is_ascii_digit() => false,
            '–' | '—' => prev != NBSP && next != NBSP && next != WORD_JOINER,
            '/' => {
                let (before, after) = letters_around(word, i);
                before >= 3 && after >= 3
            }
            _ => false,
        };
        if hard {
            debug_assert_eq!(next_at, i + c.len_utf8());
            out.push(Break { at: next_at, kind: Kind::Hard });
        }
    }
    if syllables {
        for (start, end) in letter_runs(word) {
            syllable_breaks(word, start, end, &mut out);
        }
        out.sort_by_key(|b| b.at);
    }
    out
}

/// Byte ranges of the runs of letters that may be hyphenated: not touching a digit
/// («5-й», «2023г»), at most one capital, long enough to leave both parts their letters.
fn letter_runs(word: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in word.char_indices().chain(std::iter::once((word.len(), ' '))) {
        let letter = i < word.len() && is_letter(c);
        match (start, letter) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let before = word[..s].chars().next_back();
                let after = (i < word.len()).then_some(c);
                let touches_digit =
                    before.is_some_and(|b| b.is_ascii_digit()) || after.is_some_and(|a| a.is_ascii_digit());
                let run = &word[s..i];
                let capitals = run
                    .chars()
                    .filter(|c| matches!(c, 'А'..='Я' | 'Ё' | 'A'..='Z') || (!c.is_ascii() && c.is_uppercase()))
                    .count();
                if !touches_digit
                    && capitals <= 1
                    && run.chars().filter(|c| is_alpha(*c)).count() >= MIN_HEAD + MIN_TAIL
                    && run.len() <= MAX_HYPHENATED_BYTES
                {
                    runs.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    runs
}

fn syllable_breaks(word: &str, start: usize, end: usize, out: &mut Vec<Break>) {
    let run = &word[start..end];
    // Combining accents are not letters of their own for the patterns.
    let offsets: Vec<usize> = run.char_indices().filter(|(_, c)| is_alpha(*c)).map(|(i, _)| i).collect();
    let letters: String = run.chars().filter(|c| is_alpha(*c)).collect();
    for k in syllable_points(&letters) {
        out.push(Break { at: start + offsets[k], kind: Kind::Syllable });
    }
}

#[cfg(any(test, feature = "internals"))]
/// Every break LibreOffice's hyphenation allows in a word of letters (its patterns, as
/// libhyphen applies them, two letters at least on each side): the number of letters
/// before each.
pub fn libreoffice_points(letters: &str) -> Vec<usize> {
    hyphenate::points(letters, MIN_HEAD, WORD_MIN_TAIL)
}

/// Where a word of letters is hyphenated: the patterns' breaks leaving [`MIN_HEAD`] and
/// [`MIN_TAIL`] letters; a word with no such break («модели», «между») keeps the breaks
/// that carry two letters («моде-ли»), as Word and LibreOffice hyphenate it, so that the
/// two outputs still break it alike.
pub fn syllable_points(letters: &str) -> Vec<usize> {
    let ours = hyphenate::points(letters, MIN_HEAD, MIN_TAIL);
    if ours.is_empty() {
        hyphenate::points(letters, MIN_HEAD, WORD_MIN_TAIL)
    } else {
        ours
    }
}

/// U+2060: no line break on either side, in Word and LibreOffice alike.
const WORD_JOINER: char = '\u{2060}';

/// The text with a word joiner after the dash of each range of numbers («2021–2024»), so
/// that Word and LibreOffice do not break after it, as our layout does not.
pub fn bind_ranges(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let ranges: Vec<usize> = text
        .match_indices('–')
        .filter(|(i, d)| {
            let after = i + d.len();
            *i > 0 && b[i - 1].is_ascii_digit() && after < b.len() && b[after].is_ascii_digit()
        })
        .map(|(i, d)| i + d.len())
        .collect();
    if ranges.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 3 * ranges.len());
    let mut from = 0;
    for at in ranges {
        out.push_str(&text[from..at]);
        out.push(WORD_JOINER);
        from = at;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// The soft hyphen: Word and LibreOffice break a word that has one only there.
const SOFT_HYPHEN: char = '\u{ad}';

/// The text with soft hyphens at our breaks in each word LibreOffice's own hyphenation
/// (the same patterns, but two letters may be carried) would break elsewhere: a word with a
/// soft hyphen is broken by Word and LibreOffice only at its soft hyphens, so the DOCX
/// breaks where our PDF breaks. Words hyphenated alike are left as they are.
pub fn soft_hyphens(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (start, end) in letter_runs(text) {
        let run = &text[start..end];
        let letters: String = run.chars().filter(|c| is_alpha(*c)).collect();
        let theirs = hyphenate::points(&letters, MIN_HEAD, WORD_MIN_TAIL);
        // Ours differ only by the breaks carrying two letters, and only when another exists.
        let n = letters.chars().count();
        if theirs.iter().all(|&k| n - k >= MIN_TAIL) || theirs.iter().all(|&k| n - k < MIN_TAIL) {
            continue;
        }
        let ours: Vec<usize> = theirs.into_iter().filter(|&k| n - k >= MIN_TAIL).collect();
        let offsets: Vec<usize> = run.char_indices().filter(|(_, c)| is_alpha(*c)).map(|(i, _)| i).collect();
        let s = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
        s.push_str(&text[copied..start]);
        let mut from = 0;
        for k in ours {
            s.push_str(&run[from..offsets[k]]);
            s.push(SOFT_HYPHEN);
            from = offsets[k];
        }
        s.push_str(&run[from..]);
        copied = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut s) => {
            s.push_str(&text[copied..]);
            Cow::Owned(s)
        }
    }
}

/// Offsets just after each no-break space: where a no-break group wider than a whole line
/// is broken (the space itself is dropped at the line end).
pub fn nbsp_breaks(word: &str) -> impl Iterator<Item = usize> + '_ {
    word.char_indices().filter(|&(i, c)| c == NBSP && i > 0 && i + c.len_utf8() < word.len()).map(|(i, _)| i)
}

/// The pieces a word cannot be broken inside (by the rules above, no-break spaces holding):
/// the widest of them is the narrowest a column may be without cutting it by characters.
pub fn unbreakable_pieces(word: &str, syllables: bool) -> Vec<Cow<'_, str>> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for b in breaks(word, syllables) {
        pieces.push(Break { at: b.at - from, kind: b.kind }.head(&word[from..]));
        from = b.at;
    }
    pieces.push(Cow::Borrowed(&word[from..]));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str, syllables: bool) -> Vec<String> {
        unbreakable_pieces(word, syllables).into_iter().map(Cow::into_owned).collect()
    }

    #[test]
    fn numbers_dates_and_registration_numbers_are_never_broken() {
        for w in [
            "01.01.2021",
            "До\u{a0}10.09.2023",
            "Р-145",
            "8(4962)64-97-54",
            "АЗ-1128/08",
            "№\u{a0}15\u{a0}а",
            "2023\u{a0}г.",
        ] {
            assert_eq!(split(w, true), [w], "{w}");
        }
    }

    #[test]
    fn hyphens_dashes_and_slashes_between_words_are_break_points() {
        assert_eq!(split("Информационно-методический", false), ["Информационно-", "методический"]);
        assert_eq!(split("Сентябрь–октябрь", false), ["Сентябрь–", "октябрь"]);
        assert_eq!(split("организаций/учреждений", false), ["организаций/", "учреждений"]);
        // A range of numbers is not split after its dash; the DOCX binds it with a word joiner.
        assert_eq!(split("2021–2024", false), ["2021–2024"]);
        assert_eq!(bind_ranges("на 2021–2024 гг., сентябрь–октябрь"), "на 2021–\u{2060}2024 гг., сентябрь–октябрь");
    }

    #[test]
    fn syllables_leave_two_letters_and_carry_three() {
        let pieces = split("периода", true);
        assert!(pieces.iter().all(|p| p.trim_end_matches('-').chars().count() >= 2), "{pieces:?}");
        assert!(pieces.last().unwrap().chars().count() >= 3, "{pieces:?}");
        assert!(!pieces.contains(&"да".to_owned()), "{pieces:?}");
        // A word after a no-break space hyphenates like any other.
        let pieces = split("в\u{a0}образовательных", true);
        assert!(pieces.len() > 2 && pieces[0].starts_with("в\u{a0}об"), "{pieces:?}");
        // Abbreviations and words glued to digits are not hyphenated.
        assert_eq!(split("ГОРУНО", true), ["ГОРУНО"]);
        assert_eq!(split("2023года", true), ["2023года"]);
    }

    #[test]
    fn no_break_spaces_are_last_resort_breaks() {
        let w = "До\u{a0}01.01.2021";
        assert_eq!(nbsp_breaks(w).map(|i| &w[..i]).collect::<Vec<_>>(), ["До"]);
    }
}
