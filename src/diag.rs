//! Diagnostics: what is wrong, where (file, JSON path, line:column), and what to do.
//!
//! Messages are in Russian, for the people who write the input files. Rendering uses
//! `annotate-snippets`, so the offending source line is shown with a caret under it.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input is usable; `--strict` makes this an error.
    Warning,
    /// The input cannot be used as it is.
    Error,
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// A path into the input, printed as `appendices[0].table.sections[1].items[3].values.deadline`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    /// The document root.
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }
    /// This path with one more key.
    pub fn key(&self, k: impl Into<String>) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Key(k.into()));
        p
    }
    /// This path with one more index.
    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Index(i));
        p
    }
}

/// Paths longer than this print their head and tail only.
const MAX_SHOWN_SEGMENTS: usize = 16;

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(корень документа)");
        }
        let n = self.0.len();
        for (i, seg) in self.0.iter().enumerate() {
            if n > MAX_SHOWN_SEGMENTS && i >= 8 && i < n - 6 {
                if i == 8 {
                    write!(f, "…(ещё {} уровней)…", n - 14)?;
                }
                continue;
            }
            match seg {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A position in the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters (not bytes: the text is Cyrillic).
    pub column: usize,
    /// Byte range of what is pointed at, within the whole text.
    pub span: Range<usize>,
}

impl Location {
    /// The location of a byte range in `text`.
    pub fn of_span(text: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        Location { line, column, span: start..end }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found in an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in Russian.
    pub message: String,
    /// Where in the data, when known.
    pub path: Option<JsonPath>,
    /// Where in the text, when known.
    pub location: Option<Location>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error with a message.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, message: message.into(), path: None, location: None, hint: None }
    }
    /// A warning with a message.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }
    /// Attaches a JSON path.
    pub fn at(mut self, path: JsonPath) -> Self {
        self.path = Some(path);
        self
    }
    /// Attaches a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// Attaches a source location.
    pub fn located(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Renders the diagnostic for a terminal or a log: the header, the source line with a
    /// caret, and the hint. `file` is the name shown; `text` the source the location refers to.
    pub fn render(&self, file: &str, text: Option<&str>, styled: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name("ошибка"),
            Severity::Warning => Level::WARNING.with_name("предупреждение"),
        };
        let path_label = self.path.as_ref().map(|p| p.to_string());
        let title = level.primary_title(self.message.as_str());
        let group = match (&self.location, text) {
            (Some(loc), Some(text)) => {
                let (line_text, line_start) = line_at(text, loc.span.start);
                let local =
                    (loc.span.start - line_start)..(loc.span.end.min(line_start + line_text.len()) - line_start);
                let local = if local.is_empty() { widen_to_char(line_text, local.start) } else { local };
                let mut ann = AnnotationKind::Primary.span(local);
                if let Some(label) = &path_label {
                    ann = ann.label(label.as_str());
                }
                title.element(Snippet::source(line_text).line_start(loc.line).path(file).annotation(ann))
            }
            _ => {
                let origin = match &path_label {
                    Some(p) => format!("{file}: {p}"),
                    None => file.to_owned(),
                };
                title.element(annotate_snippets::Origin::path(origin))
            }
        };
        let mut groups: Vec<Group<'_>> = vec![group];
        if let Some(h) = &self.hint {
            groups.push(Group::with_level(Level::HELP).element(Level::HELP.with_name("подсказка").message(h.as_str())));
        }
        let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
        renderer.term_width(120).render(&groups)
    }
}

/// One line: the message, and the hint after «; » — for places that name a failure in a
/// sentence of their own (a batch row's reason, a server's JSON answer).
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.hint {
            Some(h) => write!(f, "{}; {h}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The line containing byte `at` (without its line break) and the byte offset of its start.
fn line_at(text: &str, at: usize) -> (&str, usize) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (text[start..end].trim_end_matches('\r'), start)
}

/// A one-character span at `at`, or an empty one at the end of the line.
fn widen_to_char(line: &str, at: usize) -> Range<usize> {
    match line[at.min(line.len())..].chars().next() {
        Some(c) => at..at + c.len_utf8(),
        None => at..at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_like_code() {
        let p = JsonPath::root().key("appendices").index(0).key("table").key("sections").index(1);
        assert_eq!(p.to_string(), "appendices[0].table.sections[1]");
        assert_eq!(JsonPath::root().to_string(), "(корень документа)");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\n  \"титул\": 5\n}";
        let at = text.find('5').unwrap();
        let loc = Location::of_span(text, at..at + 1);
        assert_eq!((loc.line, loc.column), (2, 12));
    }

    #[test]
    fn rendering_shows_line_and_caret() {
        let text = "{\n  \"date\": \"2023-02-30\"\n}";
        let at = text.find("\"2023").unwrap();
        let d = Diagnostic::error("несуществующая дата")
            .at(JsonPath::root().key("date"))
            .located(Location::of_span(text, at..at + 12))
            .hint("проверьте число");
        let out = d.render("x.json", Some(text), false);
        assert!(out.contains("ошибка: несуществующая дата"), "{out}");
        assert!(out.contains("x.json:2:11"), "{out}");
        assert!(out.contains("^^^^^^^^^^^^ date"), "{out}");
        assert!(out.contains("подсказка: проверьте число"), "{out}");
    }
}
