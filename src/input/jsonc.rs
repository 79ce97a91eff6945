//! JSON with comments (`//`, `/* */`) and trailing commas, as VS Code writes
//! `settings.json`: turned into plain JSON for serde by blanking what JSON does not allow,
//! byte for byte, so every line, column and byte offset stays where the author sees it.

use std::borrow::Cow;

/// `text` with comments and trailing commas replaced by spaces (newlines kept).
pub fn to_json(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    if !b.iter().any(|&c| c == b'/' || c == b',') {
        return Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    let mut changed = false;
    let mut i = 0;
    // The last comma outside strings, not yet followed by a value.
    let mut pending_comma: Option<usize> = None;
    while i < b.len() {
        match b[i] {
            b'"' => {
                pending_comma = None;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
                changed = true;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
                for c in &mut out[i..end] {
                    if *c != b'\n' && *c != b'\r' {
                        *c = b' ';
                    }
                }
                changed = true;
                i = end;
                continue;
            }
            // Two commas in a row are a mistake to show where it is, not to blank.
            b',' => pending_comma = if pending_comma.is_some() { None } else { Some(i) },
            b'}' | b']' => {
                if let Some(at) = pending_comma.take() {
                    out[at] = b' ';
                    changed = true;
                }
            }
            c if c.is_ascii_whitespace() => {}
            _ => pending_comma = None,
        }
        i += 1;
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    // Only ASCII bytes were replaced, by ASCII spaces, and whole multi-byte characters in
    // comments byte by byte: the result is UTF-8 (a comment's character becomes spaces).
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::to_json;

    #[test]
    fn comments_and_trailing_commas_become_spaces_in_place() {
        let src = "{\n  // заголовок\n  \"a\": [1, 2,], /* x */\n  \"b\": \"//не комментарий,\",\n}";
        let out = to_json(src);
        assert_eq!(out.len(), src.len());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["a"], serde_json::json!([1, 2]));
        assert_eq!(v["b"], "//не комментарий,");
        // Lines stay where they were.
        assert_eq!(out.lines().count(), src.lines().count());
        assert!(matches!(to_json("{\"a\": 1}"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_comma_between_values_stays() {
        assert_eq!(to_json("[1, 2]"), "[1, 2]");
        assert_eq!(to_json("[1,, ]"), "[1,, ]");
        assert_eq!(to_json("{\"a\": \"x\\\",\", \"b\": 1}"), "{\"a\": \"x\\\",\", \"b\": 1}");
    }
}
