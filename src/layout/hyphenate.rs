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

use rustc_hash::FxHashMap;

/// The dictionary as distributed: a charset line, then one pattern a line.
const DICTIONARY: &[u8] = include_bytes!("../../hyphenation/hyph_ru_RU.dic");

struct Patterns {
    /// Every prefix of every pattern's letters (with «.» for a word edge) — the automaton's
    /// states — and, for a whole pattern, its digits (one more than its letters).
    states: FxHashMap<Box<str>, Option<Box<[u8]>>>,
    /// The longest pattern, in bytes.
    longest: usize,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let (text, _, _) = encoding_rs::KOI8_R.decode(DICTIONARY);
        let mut states: FxHashMap<Box<str>, Option<Box<[u8]>>> = FxHashMap::default();
        states.reserve(16_000);
        let mut longest = 0;
        let mut letters = String::new();
        // The first line names the charset; «%» starts a comment.
        for line in text.lines().skip(1).map(str::trim) {
            if line.is_empty() || line.starts_with('%') {
                continue;
            }
            letters.clear();
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
                let end = i + c.len_utf8();
                if end < letters.len() && !states.contains_key(&letters[..end]) {
                    states.insert(letters[..end].into(), None);
                }
            }
            longest = longest.max(letters.len());
            states.insert(letters.as_str().into(), Some(values.into_boxed_slice()));
        }
        Patterns { states, longest }
    })
}

/// Loads the patterns now (on a helper thread, while the input is read).
pub fn prepare() {
    patterns();
}

/// Where a word of letters may be hyphenated: the number of characters before each
/// allowed break, every part at least `head` and `tail` letters.
pub fn points(word: &str, head: usize, tail: usize) -> Vec<usize> {
    thread_local! {
        /// Words repeat: each is run through the patterns once per thread.
        static CACHE: std::cell::RefCell<FxHashMap<Box<str>, Box<[usize]>>> = Default::default();
    }
    let letters = word.chars().count();
    let keep = |&k: &usize| k >= head.max(1) && letters - k >= tail.max(1);
    CACHE.with(|c| {
        if let Some(all) = c.borrow().get(word) {
            return all.iter().copied().filter(keep).collect();
        }
        let all = all_points(word);
        let out = all.iter().copied().filter(keep).collect();
        c.borrow_mut().insert(word.into(), all.into_boxed_slice());
        out
    })
}

/// Every break the patterns allow, one letter at least on each side.
fn all_points(word: &str) -> Vec<usize> {
    let p = patterns();
    // libhyphen reads a digit as a word edge.
    let mut text = String::with_capacity(word.len() + 2);
    text.push('.');
    text.extend(word.chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_digit() { '.' } else { c }));
    text.push('.');
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let n = bounds.len() - 1;
    let mut score = vec![0u8; n + 1];
    // `reach[s]`: how many characters from `s` on still spell a state (states are closed
    // under prefixes, so every shorter stretch from `s` is one too).
    let reach: Vec<usize> = (0..n)
        .map(|s| {
            let mut k = 0;
            while s + k < n
                && bounds[s + k + 1] - bounds[s] <= p.longest
                && p.states.contains_key(&text[bounds[s]..bounds[s + k + 1]])
            {
                k += 1;
            }
            k
        })
        .collect();
    let mut start = 0;
    for end in 0..n {
        // The automaton's state after `text[..=end]`: its longest suffix that is a state;
        // only that state's own pattern applies.
        while start <= end && start + reach[start] <= end {
            start += 1;
        }
        if start > end {
            continue;
        }
        if let Some(Some(values)) = p.states.get(&text[bounds[start]..bounds[end + 1]]) {
            for (k, v) in values.iter().enumerate() {
                score[start + k] = score[start + k].max(*v);
            }
        }
    }
    // A break before the word's k-th character (from 0) is the score before `text[k + 1]`.
    (1..n - 2).filter(|&k| score[k + 1] % 2 == 1).collect()
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
