//! Russian hyphenation points over the patterns LibreOffice uses (ruhyphal,
//! `hyphenation/hyph_ru_RU.dic`), found as libhyphen finds them, so our PDF hyphenates
//! where LibreOffice hyphenates our DOCX. No crate reads libhyphen dictionaries.
//!
//! libhyphen is not plain Liang: it walks the word through an automaton of the patterns'
//! prefixes and applies, at each letter, only the pattern the automaton stands on — the
//! longest suffix of the text read so far that begins some pattern — and never the shorter
//! patterns inside it (a dictionary is meant to be preprocessed so that longer patterns
//! carry the shorter ones; ruhyphal is not). Single-letter patterns («1ю») thus apply only
//! where no longer prefix matches. We do exactly the same.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// The dictionary as distributed: a charset line, then one pattern a line.
const DICTIONARY: &[u8] = include_bytes!("../../hyphenation/hyph_ru_RU.dic");

struct Patterns {
    /// Letters of a pattern (with «.» for a word edge) → its digits, one more than letters.
    digits: FxHashMap<Box<str>, Box<[u8]>>,
    /// Every prefix of every pattern's letters: the automaton's states.
    prefixes: FxHashSet<Box<str>>,
    /// The longest pattern, in characters.
    longest: usize,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let (text, _, _) = encoding_rs::KOI8_R.decode(DICTIONARY);
        let mut digits = FxHashMap::default();
        let mut prefixes = FxHashSet::default();
        let mut longest = 0;
        // The first line names the charset; «%» starts a comment.
        for line in text.lines().skip(1).map(str::trim) {
            if line.is_empty() || line.starts_with('%') {
                continue;
            }
            let mut letters = String::new();
            let mut values = vec![0u8];
            for c in line.chars() {
                match c.to_digit(10) {
                    Some(d) => *values.last_mut().expect("starts with one value") = d as u8,
                    None => {
                        letters.push(c);
                        values.push(0);
                    }
                }
            }
            for (i, c) in letters.char_indices() {
                prefixes.insert(letters[..i + c.len_utf8()].into());
            }
            longest = longest.max(letters.chars().count());
            digits.insert(letters.into_boxed_str(), values.into_boxed_slice());
        }
        Patterns { digits, prefixes, longest }
    })
}

/// Where a word of letters may be hyphenated: the number of characters before each
/// allowed break, every part at least `head` and `tail` letters.
pub fn points(word: &str, head: usize, tail: usize) -> Vec<usize> {
    let p = patterns();
    // libhyphen reads a digit as a word edge.
    let text: Vec<char> = std::iter::once('.')
        .chain(word.chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_digit() { '.' } else { c }))
        .chain(['.'])
        .collect();
    let n = text.len();
    let mut score = vec![0u8; n + 1];
    let mut suffix = String::new();
    for i in 0..n {
        // The automaton's state after `text[..=i]`: its longest suffix that is a prefix of
        // some pattern; only that state's own pattern applies.
        let mut state: Option<(usize, &str)> = None;
        for len in (1..=p.longest.min(i + 1)).rev() {
            suffix.clear();
            suffix.extend(&text[i + 1 - len..=i]);
            if p.prefixes.contains(suffix.as_str()) {
                state = Some((len, suffix.as_str()));
                break;
            }
        }
        let Some((len, s)) = state else { continue };
        if let Some(values) = p.digits.get(s) {
            let offset = i + 1 - len;
            for (k, v) in values.iter().enumerate() {
                score[offset + k] = score[offset + k].max(*v);
            }
        }
    }
    // A break before the word's k-th character (from 0) is the score before `text[k + 1]`.
    let letters = n - 2;
    (head.max(1)..=letters.saturating_sub(tail.max(1))).filter(|&k| score[k + 1] % 2 == 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hyphenated(word: &str, head: usize, tail: usize) -> String {
        let chars: Vec<char> = word.chars().collect();
        let mut out = String::new();
        let pts = points(word, head, tail);
        for (i, c) in chars.iter().enumerate() {
            if pts.contains(&i) {
                out.push('-');
            }
            out.push(*c);
        }
        out
    }

    #[test]
    fn breaks_are_libreoffices() {
        // What libhyphen gives with this dictionary (LibreOffice's choices).
        assert_eq!(hyphenated("обучающихся", 2, 2), "обу-чающих-ся");
        assert_eq!(hyphenated("общеобразовательным", 2, 2), "обще-обра-зо-ватель-ным");
        assert_eq!(hyphenated("наставничества", 2, 2), "на-став-ни-че-ства");
        assert_eq!(hyphenated("организациях", 2, 2), "орга-ни-за-ци-ях");
        // Capitals hyphenate as the lower-case word.
        assert_eq!(hyphenated("Методологии", 2, 2), "Ме-то-до-логии");
        // Parts of at least two letters before and three after.
        assert_eq!(hyphenated("обучающихся", 2, 3), "обу-чающихся");
    }
}
