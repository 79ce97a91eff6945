//! Finding where a JSON path stands in the source text.
//!
//! serde tells *what* is wrong and the semantic checks know the *path*; this module turns a
//! path into a byte range with `jsonc-parser`'s syntax tree, which keeps positions. It runs
//! only when there is something to report, so a valid file never pays for it.

use std::ops::Range;

use jsonc_parser::ast::{ObjectProp, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::diag::{JsonPath, Segment};

/// A parsed source that can answer "where is this path?".
pub struct Locator<'a> {
    root: Option<Value<'a>>,
}

impl<'a> Locator<'a> {
    /// Parses `text`; an unparsable text gives a locator that finds nothing.
    pub fn new(text: &'a str) -> Self {
        Locator { root: parse_bounded(text) }
    }

    /// The byte range to point at for `path`: the value for a scalar, the key for an object
    /// or array (whose value spans lines), or the deepest existing ancestor.
    pub fn find(&self, path: &JsonPath) -> Option<Range<usize>> {
        let mut node = self.root.as_ref()?;
        let mut prop: Option<&ObjectProp<'a>> = None;
        for seg in &path.0 {
            let next = match (seg, node) {
                (Segment::Key(k), Value::Object(obj)) => {
                    obj.properties.iter().rev().find(|p| p.name.as_str() == k).map(|p| {
                        prop = Some(p);
                        &p.value
                    })
                }
                (Segment::Index(i), Value::Array(arr)) => {
                    prop = None;
                    arr.elements.get(*i)
                }
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => return Some(span_of(node, prop)),
            }
        }
        Some(span_of(node, prop))
    }
}

impl Locator<'_> {
    /// The whole value at `path` (an object from `{` to `}`), if the path exists.
    pub fn value_span(&self, path: &JsonPath) -> Option<Range<usize>> {
        let mut node = self.root.as_ref()?;
        for seg in &path.0 {
            node = match (seg, node) {
                (Segment::Key(k), Value::Object(obj)) => {
                    &obj.properties.iter().rev().find(|p| p.name.as_str() == k)?.value
                }
                (Segment::Index(i), Value::Array(arr)) => arr.elements.get(*i)?,
                _ => return None,
            };
        }
        let r = node.range();
        Some(r.start..r.end)
    }
}

/// The deepest nesting the syntax tree is built for. serde_json refuses more than 128
/// levels; the tree builder recurses, so deeper text must never reach it.
const MAX_TREE_DEPTH: usize = 200;

fn parse_bounded(text: &str) -> Option<Value<'_>> {
    if nesting_depth(text) > MAX_TREE_DEPTH {
        return None;
    }
    jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok().and_then(|r| r.value)
}

/// The deepest bracket nesting outside strings, found without recursion.
pub fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn span_of(node: &Value<'_>, prop: Option<&ObjectProp<'_>>) -> Range<usize> {
    match (node, prop) {
        (Value::Object(_) | Value::Array(_), Some(p)) => {
            let r = p.name.range();
            r.start..r.end
        }
        (Value::Object(_) | Value::Array(_), None) => {
            let r = node.range();
            r.start..r.start + 1
        }
        _ => {
            let r = node.range();
            r.start..r.end
        }
    }
}

/// Every string in the text (keys and values) with its path and range, for checks that
/// look at all text at once (XML-illegal characters).
pub fn for_each_string(text: &str, mut f: impl FnMut(&JsonPath, &str, Range<usize>)) {
    let Some(root) = parse_bounded(text) else { return };
    walk(&root, &mut JsonPath::root(), true, &mut f);
}

/// Every string value (not the keys) with its path and range: the text an author wrote.
pub fn for_each_value(text: &str, mut f: impl FnMut(&JsonPath, &str, Range<usize>)) {
    let Some(root) = parse_bounded(text) else { return };
    walk(&root, &mut JsonPath::root(), false, &mut f);
}

/// Every scalar value (string, number, boolean) with its path, its value and its range.
pub fn for_each_scalar(text: &str, mut f: impl FnMut(&JsonPath, serde_json::Value, Range<usize>)) {
    fn go(node: &Value<'_>, path: &mut JsonPath, f: &mut impl FnMut(&JsonPath, serde_json::Value, Range<usize>)) {
        match node {
            Value::StringLit(s) => f(path, serde_json::Value::String(s.value.to_string()), s.range.start..s.range.end),
            Value::NumberLit(n) => {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(n.value) {
                    f(path, v, n.range.start..n.range.end)
                }
            }
            Value::BooleanLit(b) => f(path, serde_json::Value::Bool(b.value), b.range.start..b.range.end),
            Value::Object(obj) => {
                for p in &obj.properties {
                    path.0.push(Segment::Key(p.name.as_str().to_owned()));
                    go(&p.value, path, f);
                    path.0.pop();
                }
            }
            Value::Array(arr) => {
                for (i, el) in arr.elements.iter().enumerate() {
                    path.0.push(Segment::Index(i));
                    go(el, path, f);
                    path.0.pop();
                }
            }
            _ => {}
        }
    }
    let Some(root) = parse_bounded(text) else { return };
    go(&root, &mut JsonPath::root(), &mut f);
}

fn walk(node: &Value<'_>, path: &mut JsonPath, keys: bool, f: &mut impl FnMut(&JsonPath, &str, Range<usize>)) {
    match node {
        Value::StringLit(s) => f(path, &s.value, s.range.start..s.range.end),
        Value::Object(obj) => {
            for p in &obj.properties {
                path.0.push(Segment::Key(p.name.as_str().to_owned()));
                if keys {
                    let r = p.name.range();
                    f(path, p.name.as_str(), r.start..r.end);
                }
                walk(&p.value, path, keys, f);
                path.0.pop();
            }
        }
        Value::Array(arr) => {
            for (i, el) in arr.elements.iter().enumerate() {
                path.0.push(Segment::Index(i));
                walk(el, path, keys, f);
                path.0.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_and_keys() {
        let text = r#"{"a": [1, {"b": "xyz"}], "c": {"d": 1}}"#;
        let loc = Locator::new(text);
        let r = loc.find(&JsonPath::root().key("a").index(1).key("b")).unwrap();
        assert_eq!(&text[r], "\"xyz\"");
        let r = loc.find(&JsonPath::root().key("c")).unwrap();
        assert_eq!(&text[r], "\"c\"");
        assert_eq!(nesting_depth(r#"{"a": "[[[", "b": [[1]]}"#), 3);
        // A missing key points at the deepest ancestor that exists.
        let r = loc.find(&JsonPath::root().key("a").index(1).key("zz")).unwrap();
        assert_eq!(&text[r], "{");
    }
}
