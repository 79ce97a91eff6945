//! The markup text → a small element tree with positions, via quick-xml.

use quick_xml::events::Event;
use quick_xml::Reader;

/// An element or a piece of text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Text, entities resolved.
    Text(String),
}

/// An element with its attributes, children and byte offset in the markup.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Tag name.
    pub name: String,
    /// Attributes in order.
    pub attrs: Vec<(String, String)>,
    /// Children.
    pub children: Vec<Node>,
    /// Byte offset of the start tag.
    pub at: usize,
}

impl Element {
    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// A syntax error in the markup, at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// What is wrong.
    pub message: String,
    /// Byte offset.
    pub at: usize,
}

/// Parses markup that must consist of elements (and whitespace) at the top level.
pub fn parse(text: &str) -> Result<Vec<Element>, SyntaxError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut top: Vec<Element> = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| SyntaxError {
            message: format!("ошибка разметки: {e}"),
            at: reader.error_position() as usize,
        })?;
        match event {
            Event::Start(s) => stack.push(element(&s, pos)?),
            Event::Empty(s) => {
                let el = element(&s, pos)?;
                push(&mut stack, &mut top, el, pos)?;
            }
            Event::End(_) => {
                let el = stack
                    .pop()
                    .ok_or(SyntaxError { message: "лишний закрывающий тег".into(), at: pos })?;
                push(&mut stack, &mut top, el, pos)?;
            }
            Event::Text(t) => {
                let s = t.xml_content().map_err(|e| SyntaxError { message: e.to_string(), at: pos })?;
                text_into(&mut stack, &s, pos)?;
            }
            Event::CData(c) => {
                let s = String::from_utf8_lossy(&c).into_owned();
                text_into(&mut stack, &s, pos)?;
            }
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match &*r {
                        b"amp" => "&".into(),
                        b"lt" => "<".into(),
                        b"gt" => ">".into(),
                        b"quot" => "\"".into(),
                        b"apos" => "'".into(),
                        other => {
                            return Err(SyntaxError {
                                message: format!("неизвестная сущность &{};", String::from_utf8_lossy(other)),
                                at: pos,
                            })
                        }
                    },
                    Err(e) => {
                        return Err(SyntaxError {
                            message: format!("неверная ссылка на символ: {e}"), at: pos
                        })
                    }
                };
                text_into(&mut stack, &s, pos)?;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(SyntaxError { message: format!("тег <{}> не закрыт", open.name), at: open.at });
    }
    Ok(top)
}

fn element(s: &quick_xml::events::BytesStart<'_>, at: usize) -> Result<Element, SyntaxError> {
    let name = String::from_utf8_lossy(s.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| SyntaxError {
            message: format!("ошибка в атрибуте тега <{name}>: {e}"), at
        })?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .decode_and_unescape_value(s.decoder())
            .map_err(|e| SyntaxError {
                message: format!("ошибка в значении атрибута {key}: {e}"), at
            })?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Element { name, attrs, children: Vec::new(), at })
}

fn push(stack: &mut [Element], top: &mut Vec<Element>, el: Element, _at: usize) -> Result<(), SyntaxError> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(el)),
        None => top.push(el),
    }
    Ok(())
}

fn text_into(stack: &mut [Element], s: &str, at: usize) -> Result<(), SyntaxError> {
    match stack.last_mut() {
        Some(parent) => {
            if let Some(Node::Text(prev)) = parent.children.last_mut() {
                prev.push_str(s);
            } else {
                parent.children.push(Node::Text(s.to_owned()));
            }
            Ok(())
        }
        None if s.trim().is_empty() => Ok(()),
        None => Err(SyntaxError { message: "текст вне элемента".into(), at }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_nesting() {
        let els = parse("<p a=\"1\">x &amp; &#x2F; <b>y</b></p>").unwrap();
        assert_eq!(els[0].attr("a"), Some("1"));
        assert_eq!(els[0].children[0], Node::Text("x & / ".into()));
        assert!(matches!(&els[0].children[1], Node::Element(e) if e.name == "b"));
    }

    #[test]
    fn errors_have_offsets() {
        let e = parse("<p>\n<b>x</p>").unwrap_err();
        assert!(e.at > 0, "{e:?}");
        assert!(parse("<p>").unwrap_err().message.contains("не закрыт"));
    }
}
