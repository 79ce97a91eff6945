//! Russian hyphenation points over the patterns LibreOffice uses (ruhyphal,
//! `hyphenation/hyph_ru_RU.dic`, compiled into a table by `build.rs`), found as libhyphen finds them, so our PDF hyphenates
//! where LibreOffice hyphenates our DOCX. No crate reads libhyphen dictionaries.
//!
//! libhyphen is not plain Liang: it walks the word through an automaton of the patterns'
//! prefixes and applies, at each letter, only the pattern the automaton stands on — the
//! longest suffix of the text read so far that begins some pattern — and never the shorter
//! patterns inside it (a dictionary is meant to be preprocessed so that longer patterns
//! carry the shorter ones; ruhyphal is not). Single-letter patterns («1ю») thus apply only
//! where no longer prefix matches. We do exactly the same.

use rustc_hash::FxHashMap;

/// The patterns as `build.rs` compiles them: a trie of the automaton's states in flat
/// arrays, and the patterns' digits.
mod table {
    include!(concat!(env!("OUT_DIR"), "/hyphenation_ru.rs"));
}

/// The node reached from `node` by `c`, if any.
fn step(node: usize, c: char) -> Option<usize> {
    let start = if node == 0 { 0 } else { table::EDGE_ENDS[node - 1] as usize };
    let edges = &table::EDGE_CHARS[start..table::EDGE_ENDS[node] as usize];
    edges.binary_search(&(c as u32)).ok().map(|i| table::EDGE_TARGETS[start + i] as usize)
}

/// The digits of the pattern a node spells, if it is a whole pattern.
fn digits(node: usize) -> Option<&'static [u8]> {
    let p = table::PATTERNS[node];
    (p != u16::MAX).then(|| {
        let p = p as usize;
        let start = if p == 0 { 0 } else { table::DIGIT_ENDS[p - 1] as usize };
        &table::DIGITS[start..table::DIGIT_ENDS[p] as usize]
    })
}

/// Where a word of letters may be hyphenated: the number of characters before each
/// allowed break, every part at least `head` and `tail` letters.
pub fn points(word: &str, head: usize, tail: usize) -> Vec<usize> {
    /// Words repeat: each is run through the patterns once per process, whichever thread
    /// (the DOCX writer's or the layout's) meets it first.
    type Points = FxHashMap<Box<str>, Box<[usize]>>;
    static CACHE: std::sync::RwLock<Option<Points>> = std::sync::RwLock::new(None);
    let letters = word.chars().count();
    let keep = |&k: &usize| k >= head.max(1) && letters - k >= tail.max(1);
    if let Some(all) = CACHE.read().ok().and_then(|c| c.as_ref().and_then(|m| m.get(word).cloned())) {
        return all.iter().copied().filter(keep).collect();
    }
    let all = all_points(word);
    let out = all.iter().copied().filter(keep).collect();
    if let Ok(mut c) = CACHE.write() {
        c.get_or_insert_with(FxHashMap::default).insert(word.into(), all.into_boxed_slice());
    }
    out
}

/// Every break the patterns allow, one letter at least on each side.
fn all_points(word: &str) -> Vec<usize> {
    // libhyphen reads a digit as a word edge.
    let text: Vec<char> = std::iter::once('.')
        .chain(word.chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_digit() { '.' } else { c }))
        .chain(['.'])
        .collect();
    let n = text.len();
    let mut score = vec![0u8; n + 1];
    // From each start, the trie nodes of the ever longer stretches that are states (states
    // are closed under prefixes, so they are the nodes along one walk): all walks in one
    // buffer, `walk[s]` the range of start `s`.
    let mut nodes: Vec<u32> = Vec::with_capacity(n * 4);
    let mut walk: Vec<(u32, u32)> = Vec::with_capacity(n);
    for s in 0..n {
        let from = nodes.len() as u32;
        let mut node = 0;
        for &c in &text[s..] {
            match step(node, c) {
                Some(next) => {
                    nodes.push(next as u32);
                    node = next;
                }
                None => break,
            }
        }
        walk.push((from, nodes.len() as u32 - from));
    }
    let mut start = 0;
    for end in 0..n {
        // The automaton's state after `text[..=end]`: its longest suffix that is a state;
        // only that state's own pattern applies.
        while start <= end && start + walk[start].1 as usize <= end {
            start += 1;
        }
        if start > end {
            continue;
        }
        if let Some(values) = digits(nodes[walk[start].0 as usize + end - start] as usize) {
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
