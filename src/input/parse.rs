//! Text → typed [`Document`], with serde's errors turned into located Russian diagnostics.

use serde_json::error::Category;

use super::locate::Locator;
use super::model::Document;
use super::source::Source;
use super::translate::translate_serde_message;
use crate::diag::{Diagnostic, JsonPath, Location, Segment};

/// Deserializes the whole text into a [`Document`].
pub fn parse(src: &Source) -> Result<Document, Diagnostic> {
    // Comments and trailing commas are blanked in place: positions stay the author's.
    let json = super::jsonc::to_json(&src.text);
    // serde accepts a struct written as an array; a document that is not an object is a
    // different mistake, and deserves its own message.
    let first = json.trim_start().chars().next();
    if first != Some('{') && matches!(first, Some('[' | '"' | '0'..='9' | '-' | 't' | 'f' | 'n')) {
        let at = json.len() - json.trim_start().len();
        return Err(Diagnostic::error("документ должен быть объектом { … }")
            .located(Location::of_span(&src.text, at..at + 1))
            .hint("начните файл с «{» и поля «order», «appendices»; пример — в папке samples/"));
    }
    // Valid input takes the fast road; only a failure is read again with path tracking,
    // which costs half the parse and is needed only to say where the mistake is.
    let mut fast = serde_json::Deserializer::from_str(&json);
    if let Ok(doc) = <Document as serde::Deserialize>::deserialize(&mut fast) {
        if fast.end().is_ok() {
            return Ok(doc);
        }
    }
    let mut de = serde_json::Deserializer::from_str(&json);
    let result: Result<Document, _> = serde_path_to_error::deserialize(&mut de);
    match result {
        Ok(doc) => match de.end() {
            Ok(()) => Ok(doc),
            Err(e) => Err(from_serde(src, &e, None)),
        },
        Err(e) => {
            let path = convert_path(e.path());
            Err(from_serde(src, e.inner(), Some(path)))
        }
    }
}

fn convert_path(p: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment as S;
    JsonPath(
        p.iter()
            .filter_map(|s| match s {
                S::Seq { index } => Some(Segment::Index(*index)),
                S::Map { key } => Some(Segment::Key(key.clone())),
                S::Enum { variant } => Some(Segment::Key(variant.clone())),
                S::Unknown => None,
            })
            .collect(),
    )
}

fn from_serde(src: &Source, e: &serde_json::Error, path: Option<JsonPath>) -> Diagnostic {
    let raw = e.to_string();
    let message = raw.rfind(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
    let (mut text, mut hint) = translate_serde_message(message, e.classify());
    let mut serde_loc = serde_location(&src.text, e.line(), e.column());
    // Two mistakes serde describes by their consequence: named by their cause, at it.
    if e.classify() == Category::Syntax {
        if let Some((t, h, at)) =
            byte_offset(&src.text, e.line(), e.column()).and_then(|at| cause(&src.text, message, at))
        {
            (text, hint) = (t, Some(h));
            serde_loc = Some(Location::of_span(&src.text, at..at));
        }
    }
    let location = match (e.classify(), &path) {
        // serde points past the offending value; the syntax tree points at the value itself.
        (Category::Data, Some(p)) if !p.0.is_empty() => {
            Locator::new(&src.text).find(p).map(|r| Location::of_span(&src.text, r)).or(serde_loc)
        }
        _ => serde_loc,
    };
    let mut d = Diagnostic::error(text);
    if let Some(p) = path.filter(|p| !p.0.is_empty() && e.classify() == Category::Data) {
        d = d.at(p);
    }
    if let Some(l) = location {
        d = d.located(l);
    }
    if let Some(h) = hint {
        d = d.hint(h);
    }
    d
}

/// serde_json counts lines from 1 and columns in bytes from 1 (0 at a line's very start).
fn serde_location(text: &str, line: usize, column: usize) -> Option<Location> {
    byte_offset(text, line, column).map(|at| Location::of_span(text, at..at))
}

fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let line_start = if line == 1 { 0 } else { text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)? };
    Some((line_start + column.saturating_sub(1)).min(text.len()))
}

/// The cause of a syntax error serde reports at byte `at`, with a hint and where it is:
/// a straight quote inside a text, which ends the string early (the text goes on where
/// serde wants a comma); a string with no closing quote, which runs into the next line.
fn cause(text: &str, message: &str, at: usize) -> Option<(String, String, usize)> {
    let before = text[..at].trim_end_matches([' ', '\t']);
    if message.starts_with("expected `,` or") && before.ends_with('"') {
        let next = text[at..].chars().next()?;
        if next.is_alphanumeric() || matches!(next, '«' | '"' | '(' | '№') {
            return Some((
                "кавычка \" внутри текста закончила строку раньше времени".to_owned(),
                "внутри текста пишите кавычки-«ёлочки» или \\\" (обратная косая черта перед кавычкой)".to_owned(),
                before.len() - 1,
            ));
        }
    }
    if message.starts_with("control character") && (text[..at].ends_with('\n') || text[at..].starts_with('\n')) {
        // The string ran into the line break: it was never closed on its line.
        let end_of_line = text[..at].trim_end_matches(['\n', '\r']).len();
        return Some((
            "строка не закрыта: в конце строки нет закрывающей кавычки \"".to_owned(),
            "допишите \" в конце текста; перевод строки внутри текста пишите как \\n".to_owned(),
            end_of_line,
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> Diagnostic {
        parse(&Source { name: "t.json".into(), text: text.into() }).unwrap_err()
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let d = err("{\n  \"order\": {\n    \"title\": \"Об утверждении\",,\n  }\n}");
        let loc = d.location.unwrap();
        assert_eq!(loc.line, 3);
        assert_eq!(loc.column, 31, "{:?}", d.message);
    }

    #[test]
    fn type_errors_have_the_path() {
        let d = err(r#"{"order": {"date": "2023-08-28", "number": [15], "title": "x"}}"#);
        assert_eq!(d.path.unwrap().to_string(), "order.number");
        assert!(d.message.contains("ожидается номер строкой"), "{}", d.message);
    }
}
