//! Filters for templates, thin wrappers over `crate::ru`.

use chrono::NaiveDate;
use tera::{Kwargs, State, StringInput, Tera, Value};

use crate::ru::dates;

/// Registers every filter of ours.
pub fn register(tera: &mut Tera) {
    tera.register_filter("br", br);
    tera.register_filter("date_numeric", |s: &str, _: Kwargs, _: &State| with_date(s, dates::date_numeric));
    tera.register_filter("date_words", |s: &str, _: Kwargs, _: &State| with_date(s, dates::date_words));
    tera.register_filter("date_quoted", |s: &str, _: Kwargs, _: &State| with_date(s, dates::date_quoted_day));
}

/// Escapes the text and turns its line breaks into `<br/>`: data keeps its lines, and can
/// never inject markup.
fn br(s: StringInput<'_>, _: Kwargs, state: &State) -> Value {
    let text = s.as_str();
    let escaped: Vec<String> = text
        .split('\n')
        .map(|line| if s.is_safe() || !state.autoescaping_enabled() { line.to_owned() } else { escape(line) })
        .collect();
    Value::safe_string(&escaped.join("<br/>"))
}

fn with_date(s: &str, f: fn(NaiveDate) -> String) -> String {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => f(d),
        Err(_) => s.to_owned(),
    }
}

/// XML escaping of text content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
