//! A minimal XML tree round-trip for the DOCX post-pass: parse a part, edit, write back.

use crate::diag::Diagnostic;

use crate::markup::tree::{self, Element, Node};

/// Parses one XML part (its single root element).
pub fn parse(bytes: &[u8]) -> Result<Element, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| Diagnostic::error(e.to_string()))?;
    let mut top = tree::parse(text).map_err(|e| Diagnostic::error(e.message))?;
    if top.len() != 1 {
        return Err(Diagnostic::error(format!("ожидался один корневой элемент, найдено {}", top.len())));
    }
    Ok(top.remove(0))
}

/// Writes a part with its XML declaration.
pub fn write(root: &Element) -> Vec<u8> {
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    element(root, &mut out);
    out.into_bytes()
}

fn element(e: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&e.name);
    for (k, v) in &e.attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape(v, true, out);
        out.push('"');
    }
    if e.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for c in &e.children {
        match c {
            Node::Element(ch) => element(ch, out),
            Node::Text(t) => escape(t, false, out),
        }
    }
    out.push_str("</");
    out.push_str(&e.name);
    out.push('>');
}

fn escape(s: &str, attr: bool, out: &mut String) {
    if !s.contains(['&', '<', '>', '"']) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// A text escaped for an attribute value (line breaks kept as character references).
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape(s, true, &mut out);
    out.replace('\n', "&#10;").replace('\r', "&#13;").replace('\t', "&#9;")
}

/// A new element with attributes and no children.
pub fn el(name: &str, attrs: &[(&str, &str)]) -> Element {
    Element {
        name: name.to_owned(),
        attrs: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        children: Vec::new(),
        at: 0,
    }
}

/// The child elements of `e` (mutable), skipping text.
pub fn children_mut(e: &mut Element) -> impl Iterator<Item = &mut Element> {
    e.children.iter_mut().filter_map(|c| match c {
        Node::Element(x) => Some(x),
        Node::Text(_) => None,
    })
}

/// The first child element named `name`.
pub fn child_mut<'a>(e: &'a mut Element, name: &str) -> Option<&'a mut Element> {
    children_mut(e).find(|c| c.name == name)
}

/// Sorts child elements by their position in a schema sequence; unknown names go last,
/// each group keeping its order (a stable sort).
pub fn reorder(e: &mut Element, sequence: &[&str]) {
    let rank = |n: &Node| match n {
        Node::Element(x) => sequence.iter().position(|s| *s == x.name).unwrap_or(sequence.len()),
        Node::Text(_) => sequence.len() + 1,
    };
    // Most elements are already in order; checking is cheaper than sorting.
    if !e.children.is_sorted_by_key(rank) {
        e.children.sort_by_cached_key(rank);
    }
}
