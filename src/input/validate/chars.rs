//! Characters that XML 1.0 cannot carry: a DOCX holding one is "unreadable content" in Word.

use super::super::locate::for_each_string;
use crate::diag::{Diagnostic, Location};

/// True for a character an XML 1.0 document cannot contain. Tab, line feed and carriage
/// return are allowed (a CR from a Windows paste becomes part of a line break).
pub fn is_xml_illegal(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Reports every XML-illegal character in every string of `text`, with its path and place.
/// Raw control characters are already refused by the JSON parser; this finds the escaped
/// ones (`\u000b`) and the non-characters U+FFFE/U+FFFF, which JSON allows.
pub fn check_characters(text: &str) -> Vec<Diagnostic> {
    // Fast path: without an escape that can make a control character (`\u000b`, and the
    // short forms `\b` and `\f` that JSON writers use for U+0008 and U+000C) or a
    // non-character, nothing can be wrong.
    let escapes = ["\\u", "\\b", "\\f"];
    if !escapes.iter().any(|e| text.contains(e)) && !text.contains(['\u{FFFE}', '\u{FFFF}']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for_each_string(text, |path, value, range| {
        if let Some((i, c)) = value.char_indices().find(|(_, c)| is_xml_illegal(*c)) {
            let count = value.chars().filter(|c| is_xml_illegal(*c)).count();
            let pos = value[..i].chars().count() + 1;
            let more =
                if count > 1 { format!(" (всего таких символов: {count})") } else { String::new() };
            out.push(
                Diagnostic::error(format!(
                    "недопустимый символ U+{:04X} ({}) в {pos}-м знаке строки{more}",
                    c as u32,
                    describe(c)
                ))
                .at(path.clone())
                .located(Location::of_span(text, range))
                .hint("такой символ нельзя записать в DOCX (Word сочтёт файл повреждённым); удалите его — он мог попасть при копировании из Word или PDF"),
            );
        }
    });
    out
}

fn describe(c: char) -> &'static str {
    match c {
        '\u{0}' => "нулевой символ",
        '\u{B}' => "вертикальная табуляция, разрыв строки Word",
        '\u{C}' => "перевод страницы",
        '\u{FFFE}' | '\u{FFFF}' => "не символ Юникода",
        _ => "управляющий символ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_control_characters_are_found_with_their_path() {
        let text = r#"{"order": {"title": "Об\u000bутверждении"}}"#;
        let d = check_characters(text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path.as_ref().unwrap().to_string(), "order.title");
        assert!(d[0].message.contains("U+000B"));
        assert!(check_characters(r#"{"a": "tab\tok\nline"}"#).is_empty());
        assert!(check_characters(r#"{"a": "\\u000b is text"}"#).is_empty());
        // The short escapes of form feed and backspace (Python's json.dumps writes them).
        let d = check_characters(r#"{"a": "page\fbreak", "b": "back\bspace", "c": "\\f is text"}"#);
        let found: Vec<String> = d.iter().map(|d| d.path.as_ref().unwrap().to_string()).collect();
        assert_eq!(found, ["a", "b"]);
    }
}
