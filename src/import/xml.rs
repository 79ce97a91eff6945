//! A small element tree of an XML part, enough to walk a Word document: names without
//! their namespace prefix (Word writes `w:`, Strict files other prefixes), attributes the
//! same way, text unescaped. Parts are read whole; a Word body of a few megabytes is a
//! few times that in memory, well within the 20 MB input limit's reach.

use crate::diag::Diagnostic;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// An element.
#[derive(Debug, Default)]
pub struct Node {
    /// The local name (`p` for `w:p`).
    pub name: String,
    attrs: Vec<(String, String)>,
    /// Children in order.
    pub children: Vec<Child>,
}

/// A child of an element.
#[derive(Debug)]
pub enum Child {
    /// An element.
    El(Node),
    /// Text (already unescaped).
    Text(String),
}

impl Node {
    /// An attribute's value by its local name (`val` for `w:val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::El(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The first child element with this name.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.elements().find(|n| n.name == name)
    }

    /// `child(a).child(b)…`.
    pub fn path(&self, names: &[&str]) -> Option<&Node> {
        names.iter().try_fold(self, |n, name| n.child(name))
    }

    /// The first element with this name at any depth below, in document order.
    pub fn descendant(&self, name: &str) -> Option<&Node> {
        self.elements().find_map(|n| if n.name == name { Some(n) } else { n.descendant(name) })
    }

    /// The `val` attribute of the child `name` (`<w:jc w:val="center"/>`).
    pub fn val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|n| n.attr("val"))
    }

    /// The text directly inside this element.
    pub fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|c| match c {
                Child::Text(t) => Some(t.as_str()),
                Child::El(_) => None,
            })
            .collect()
    }
}

fn local(name: &[u8]) -> String {
    let name = name.rsplit(|&b| b == b':').next().unwrap_or(name);
    String::from_utf8_lossy(name).into_owned()
}

fn element(s: &BytesStart<'_>) -> Result<Node, Diagnostic> {
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| Diagnostic::error(format!("ошибка в атрибуте: {e}")))?;
        let value = a
            .decode_and_unescape_value(s.decoder())
            .map_err(|e| Diagnostic::error(format!("ошибка в атрибуте: {e}")))?;
        attrs.push((local(a.key.as_ref()), value.into_owned()));
    }
    Ok(Node { name: local(s.name().as_ref()), attrs, children: Vec::new() })
}

/// The deepest nesting of elements accepted.
const MAX_DEPTH: usize = 256;

/// The most elements and texts a part may hold: a 300-page Word document has a few
/// hundred thousand; each costs about 150 bytes in the tree, so this bounds its memory
/// (a part of a few megabytes of `<w:p/>` would otherwise grow to gigabytes).
const MAX_NODES: usize = 1_000_000;

/// Parses a part into its root element.
pub fn parse(text: &str) -> Result<Node, Diagnostic> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    let add = |stack: &mut Vec<Node>, c: Child| stack.last_mut().expect("root stays").children.push(c);
    let mut nodes = 0usize;
    loop {
        let at = reader.buffer_position();
        let fail = |e: &dyn std::fmt::Display| Diagnostic::error(format!("XML испорчен (байт {at}): {e}"));
        let event = reader.read_event().map_err(|e| fail(&e))?;
        // Each element and each text counts once (an element at its start).
        if matches!(event, Event::Start(_) | Event::Empty(_) | Event::Text(_) | Event::CData(_) | Event::GeneralRef(_))
        {
            nodes += 1;
            if nodes > MAX_NODES {
                return Err(Diagnostic::error(format!(
                    "в части документа больше {MAX_NODES} элементов — больше, чем в документе на тысячу страниц; \
                     это не документ Word, или его нужно разделить"
                )));
            }
        }
        match event {
            Event::Start(s) => {
                // Word nests a few dozen levels; a deeper part is not a document (and the
                // walks over the tree are recursive).
                if stack.len() > MAX_DEPTH {
                    return Err(fail(&format!("элементы вложены глубже {MAX_DEPTH} уровней")));
                }
                stack.push(element(&s)?)
            }
            Event::Empty(s) => {
                let n = element(&s)?;
                add(&mut stack, Child::El(n));
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(fail(&"лишний закрывающий тег"));
                }
                let n = stack.pop().expect("checked");
                add(&mut stack, Child::El(n));
            }
            Event::Text(t) => {
                let s = t.xml_content().map_err(|e| fail(&e))?;
                add(&mut stack, Child::Text(s.into_owned()));
            }
            Event::CData(c) => add(&mut stack, Child::Text(String::from_utf8_lossy(&c).into_owned())),
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref().map_err(|e| fail(&e))? {
                    Some(c) => c.to_string(),
                    None => match &*r {
                        b"amp" => "&".into(),
                        b"lt" => "<".into(),
                        b"gt" => ">".into(),
                        b"quot" => "\"".into(),
                        b"apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                add(&mut stack, Child::Text(s));
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() != 1 {
        return Err(Diagnostic::error("XML испорчен: не все теги закрыты"));
    }
    let root = stack.pop().expect("one left");
    root.children
        .into_iter()
        .find_map(|c| match c {
            Child::El(n) => Some(n),
            Child::Text(_) => None,
        })
        .ok_or_else(|| Diagnostic::error("XML пуст"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_prefix_and_text_is_unescaped() {
        let n = parse(r#"<w:p xmlns:w="x"><w:r><w:t xml:space="preserve">a &amp; b&#160;c</w:t></w:r><w:jc w:val="center"/></w:p>"#)
            .unwrap();
        assert_eq!(n.name, "p");
        assert_eq!(n.val("jc"), Some("center"));
        assert_eq!(n.path(&["r", "t"]).unwrap().text(), "a & b\u{a0}c");
    }
}
