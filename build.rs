//! Compiles the Russian hyphenation patterns (`hyphenation/hyph_ru_RU.dic`, KOI8-R, in
//! libhyphen's format) into a sorted table of the pattern automaton's states, so that no
//! time goes to reading them when a document is rendered (`src/layout/hyphenate.rs`).

use std::collections::BTreeMap;
use std::fmt::Write;

fn main() {
    let source = "hyphenation/hyph_ru_RU.dic";
    println!("cargo:rerun-if-changed={source}");
    let bytes = std::fs::read(source).expect("the hyphenation patterns are in the repository");
    let (text, _, _) = encoding_rs::KOI8_R.decode(&bytes);
    // Every prefix of every pattern is a state; a whole pattern carries its digits.
    let mut states: BTreeMap<String, Option<Vec<u8>>> = BTreeMap::new();
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
            states.entry(letters[..i + c.len_utf8()].to_owned()).or_insert(None);
        }
        states.insert(letters, Some(values));
    }
    // A trie of the states: node 0 is the empty state; each node's edges are sorted by
    // character. Flat integer arrays, so the binary needs no relocation for them.
    let mut children: Vec<BTreeMap<char, usize>> = vec![BTreeMap::new()];
    let mut pattern_of: Vec<u16> = vec![u16::MAX];
    let mut digits = Vec::new();
    let mut digit_ends = Vec::new();
    for (key, value) in &states {
        let mut node = 0;
        for c in key.chars() {
            node = match children[node].get(&c) {
                Some(&next) => next,
                None => {
                    children.push(BTreeMap::new());
                    pattern_of.push(u16::MAX);
                    let next = children.len() - 1;
                    children[node].insert(c, next);
                    next
                }
            };
        }
        if let Some(v) = value {
            digits.extend_from_slice(v);
            digit_ends.push(digits.len());
            pattern_of[node] = (digit_ends.len() - 1) as u16;
        }
    }
    let mut edge_ends = Vec::new();
    let mut edge_chars = Vec::new();
    let mut edge_targets = Vec::new();
    for map in &children {
        for (c, target) in map {
            edge_chars.push(*c as u32);
            edge_targets.push(*target as u32);
        }
        edge_ends.push(edge_chars.len());
    }
    let mut out = String::new();
    let mut table = |doc: &str, name: &str, ty: &str, values: String, len: usize| {
        writeln!(out, "/// {doc}\npub static {name}: [{ty}; {len}] = {values};").unwrap();
    };
    table(
        "Where each node's edges end in the edge arrays.",
        "EDGE_ENDS",
        "u32",
        format!("{edge_ends:?}"),
        edge_ends.len(),
    );
    table("The character of each edge.", "EDGE_CHARS", "u32", format!("{edge_chars:?}"), edge_chars.len());
    table("The node each edge leads to.", "EDGE_TARGETS", "u32", format!("{edge_targets:?}"), edge_targets.len());
    table(
        "Each node's pattern: its index in `DIGIT_ENDS`, or `u16::MAX`.",
        "PATTERNS",
        "u16",
        format!("{pattern_of:?}"),
        pattern_of.len(),
    );
    table(
        "The digits of all patterns, one more than letters each.",
        "DIGITS",
        "u8",
        format!("{digits:?}"),
        digits.len(),
    );
    table(
        "Where each pattern's digits end in `DIGITS`.",
        "DIGIT_ENDS",
        "u32",
        format!("{digit_ends:?}"),
        digit_ends.len(),
    );
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("hyphenation_ru.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
}
