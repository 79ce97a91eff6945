//! The post-pass over `word/document.xml`, in one streaming pass.
//!
//! The body is the one large part (775 KB for 200 rows), and parsing it into a tree, editing
//! and writing it back cost more than building it. This pass copies the events through and
//! holds back only what it must reorder or complete: the children of a property element
//! (`w:rPr`, `w:pPr`, `w:tblPr`, `w:tcPr`, `w:sectPr`), of a run (does it have `w:rPr`?) and
//! of a header row. Those are small, and are written into reused scratch buffers and then
//! copied out in their new order.
//!
//! The fixes are the ones [`super::fixups`] documents: header rows, page-number header
//! references on the first section, ru-RU on every run, schema order of properties, no
//! per-thread paragraph ids, no `w:type` on grid columns, no XML-illegal characters in text.

use crate::diag::Diagnostic;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::input::validate::is_xml_illegal;

/// What the body pass needs to know.
pub struct BodyFixes<'a> {
    /// Header-row count of each top-level table, in document order.
    pub table_headers: &'a [usize],
    /// Header references (default, first) for the first section, and `w:titlePg`.
    pub headers: Option<(&'a str, &'a str)>,
    /// The first page's footer (the QR code), for the first section; it too needs `w:titlePg`.
    pub first_footer: Option<&'a str>,
    /// The sequences children are sorted into.
    pub order: Orders<'a>,
}

/// Schema sequences of the property elements.
pub struct Orders<'a> {
    /// CT_RPr.
    pub rpr: &'a [&'a str],
    /// CT_PPr.
    pub ppr: &'a [&'a str],
    /// CT_TblPr.
    pub tblpr: &'a [&'a str],
    /// CT_TcPr.
    pub tcpr: &'a [&'a str],
    /// CT_TrPr.
    pub trpr: &'a [&'a str],
    /// CT_SectPr.
    pub sectpr: &'a [&'a str],
}

/// CT_NumPr's sequence.
const NUMPR: &[&str] = &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"];

/// The language of every run: Russian (hyphenation, spelling).
pub(super) const LANG: &str = "<w:lang w:val=\"ru-RU\" w:eastAsia=\"ru-RU\" w:bidi=\"ar-SA\"/>";
use super::schema::R_NS;

/// Mends `document.xml`.
pub fn fix(bytes: &[u8], fx: &BodyFixes<'_>) -> Result<Vec<u8>, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| Diagnostic::error(e.to_string()))?;
    let mut pass = Pass {
        reader: Reader::from_str(text),
        fx,
        tables: fx.table_headers.iter(),
        section_done: fx.headers.is_none() && fx.first_footer.is_none(),
        pool: Vec::new(),
        revisions: 0,
    };
    pass.reader.config_mut().check_end_names = true;
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 4);
    out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    let mut roots = 0;
    loop {
        match pass.next()? {
            Event::Start(s) => {
                roots += 1;
                pass.root(&s, false, &mut out)?;
            }
            Event::Empty(s) => {
                roots += 1;
                pass.root(&s, true, &mut out)?;
            }
            Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
            _ => return Err(Diagnostic::error("текст вне корневого элемента")),
        }
    }
    if roots != 1 {
        return Err(Diagnostic::error(format!("ожидался один корневой элемент, найдено {roots}")));
    }
    Ok(out)
}

/// Where an element stands, for the fixes that depend on it.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// A child of `w:body`.
    Body,
    /// A child of a top-level table, whose first rows repeat as its header.
    TopTable,
    /// A child of such a row (its `w:trPr` gets `w:tblHeader`).
    InHeaderRow,
    /// Inside `w:t` or `w:instrText`: text is filtered.
    Text,
    /// Anywhere else.
    Other,
}

struct Pass<'a, 'f> {
    reader: Reader<&'a [u8]>,
    fx: &'f BodyFixes<'f>,
    tables: std::slice::Iter<'f, usize>,
    section_done: bool,
    /// Scratch buffers, reused by the elements that hold back their children.
    pool: Vec<Vec<u8>>,
    /// Revisions (`w:ins`, `w:del`) numbered so far.
    revisions: usize,
}

/// One child held back in a scratch buffer: its bytes there, and whether it is an element
/// (its name is read back from its start tag).
struct Item {
    element: bool,
    range: std::ops::Range<usize>,
}

impl Item {
    fn name<'b>(&self, buf: &'b [u8]) -> &'b [u8] {
        if !self.element {
            return b"";
        }
        let tag = &buf[self.range.start + 1..self.range.end];
        let end = tag.iter().position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>').unwrap_or(tag.len());
        &tag[..end]
    }
}

/// Children the pass adds to a sorted element.
#[derive(Clone, Copy)]
enum Extra {
    None,
    /// `w:lang` ru-RU, if the run properties have none.
    Lang,
    /// The page-number header references and `w:titlePg` (first section only).
    Headers,
    /// `w:tblHeader`, if a header row's properties have none.
    TableHeader,
}

impl<'a> Pass<'a, '_> {
    fn next(&mut self) -> Result<Event<'a>, Diagnostic> {
        self.reader
            .read_event()
            .map_err(|e| Diagnostic::error(format!("ошибка XML в позиции {}: {e}", self.reader.error_position())))
    }

    fn root(&mut self, s: &BytesStart<'_>, empty: bool, out: &mut Vec<u8>) -> Result<(), Diagnostic> {
        out.push(b'<');
        out.extend_from_slice(s);
        if !s.attributes().flatten().any(|a| a.key.as_ref() == b"xmlns:r") {
            out.extend_from_slice(b" xmlns:r=\"");
            out.extend_from_slice(R_NS.as_bytes());
            out.push(b'"');
        }
        if empty {
            out.extend_from_slice(b"/>");
            return Ok(());
        }
        out.push(b'>');
        self.children(s.name().as_ref(), Place::Other, 0, out, None)?;
        close(s, out);
        Ok(())
    }

    /// Copies the children of the element just opened, through its end tag's event (the
    /// caller writes the end tag). `place` is where the children stand; in a top-level
    /// table the first `header_rows` rows are header rows. With `items`, each child is also
    /// recorded as an item of `out` (text next to text is one item, as in a tree).
    fn children(
        &mut self,
        parent: &[u8],
        place: Place,
        mut header_rows: usize,
        out: &mut Vec<u8>,
        mut items: Option<&mut Vec<Item>>,
    ) -> Result<(), Diagnostic> {
        loop {
            let at = out.len();
            let element = match self.next()? {
                Event::Start(s) => {
                    self.child(&s, false, place, &mut header_rows, out)?;
                    true
                }
                Event::Empty(s) => {
                    self.child(&s, true, place, &mut header_rows, out)?;
                    true
                }
                Event::End(_) => return Ok(()),
                Event::Text(t) => {
                    if place == Place::Text && t.iter().any(|&b| b < 0x20 || b == 0xEF) {
                        filtered(&t, out);
                    } else {
                        out.extend_from_slice(&t);
                    }
                    false
                }
                Event::GeneralRef(r) => {
                    let illegal =
                        place == Place::Text && matches!(r.resolve_char_ref(), Ok(Some(c)) if is_xml_illegal(c));
                    if !illegal {
                        out.push(b'&');
                        out.extend_from_slice(&r);
                        out.push(b';');
                    }
                    false
                }
                Event::CData(c) => {
                    out.extend_from_slice(b"<![CDATA[");
                    out.extend_from_slice(&c);
                    out.extend_from_slice(b"]]>");
                    false
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
                Event::Eof => {
                    return Err(Diagnostic::error(format!("тег <{}> не закрыт", String::from_utf8_lossy(parent))))
                }
            };
            if let Some(items) = items.as_deref_mut() {
                match items.last_mut() {
                    Some(last) if !element && !last.element && last.range.end == at => last.range.end = out.len(),
                    _ => items.push(Item { element, range: at..out.len() }),
                }
            }
        }
    }

    /// Writes the children of the element just opened into a scratch buffer, one item per
    /// child, for the caller to reorder or complete (and then hand back with [`Pass::give`]).
    fn hold(&mut self, s: &BytesStart<'_>, empty: bool, place: Place) -> Result<(Vec<u8>, Vec<Item>), Diagnostic> {
        let mut buf = self.pool.pop().unwrap_or_default();
        buf.clear();
        let mut items = Vec::new();
        if !empty {
            self.children(s.name().as_ref(), place, 0, &mut buf, Some(&mut items))?;
        }
        Ok((buf, items))
    }

    /// One child of a `children` loop; counts a top-level table's header rows down.
    fn child(
        &mut self,
        s: &BytesStart<'_>,
        empty: bool,
        place: Place,
        header_rows: &mut usize,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        let place = if place == Place::TopTable {
            if s.name().as_ref() == b"w:tr" && *header_rows > 0 {
                *header_rows -= 1;
                return self.header_row(s, empty, out);
            }
            Place::Other
        } else {
            place
        };
        if s.name().as_ref() == b"w:tbl" && place == Place::Body {
            let rows = self.tables.next().copied().unwrap_or(0);
            open(s, empty, out);
            if !empty {
                self.children(b"w:tbl", Place::TopTable, rows, out, None)?;
                close(s, out);
            }
            return Ok(());
        }
        self.element(s, empty, place, out)
    }

    /// Copies one element (its start tag just read) with its fixes.
    fn element(&mut self, s: &BytesStart<'_>, empty: bool, place: Place, out: &mut Vec<u8>) -> Result<(), Diagnostic> {
        let name = s.name();
        let name = name.as_ref();
        let order = &self.fx.order;
        match name {
            b"w:rPr" => self.sorted(s, empty, order.rpr, Extra::Lang, out),
            b"w:pPr" => self.sorted(s, empty, order.ppr, Extra::None, out),
            b"w:tblPr" => self.sorted(s, empty, order.tblpr, Extra::None, out),
            b"w:tcPr" => self.sorted(s, empty, order.tcpr, Extra::None, out),
            // HACK: docx-rs writes numId before ilvl; CT_NumPr wants ilvl first.
            b"w:numPr" => self.sorted(s, empty, NUMPR, Extra::None, out),
            b"w:sectPr" => {
                let extra = if self.section_done { Extra::None } else { Extra::Headers };
                self.section_done = true;
                self.sorted(s, empty, order.sectpr, extra, out)
            }
            b"w:r" => self.completed(s, empty, b"w:rPr", &[b"<w:rPr>", LANG.as_bytes(), b"</w:rPr>"], true, out),
            // Sorted too: a header row taken away (a tracked render) has its `w:del`, which
            // must come after `w:tblHeader`.
            b"w:trPr" if place == Place::InHeaderRow => self.sorted(s, empty, order.trpr, Extra::TableHeader, out),
            b"w:trPr" => self.sorted(s, empty, order.trpr, Extra::None, out),
            _ => {
                match name {
                    b"w:p" => open_without(s, &[b"w14:paraId", b"w14:textId"], empty, out),
                    // HACK: docx-rs writes w:type on w:gridCol, which CT_TblGridCol does not declare.
                    b"w:gridCol" => open_without(s, &[b"w:type"], empty, out),
                    // docx-rs numbers revisions from a process-wide counter: numbered here in
                    // document order, the file is the same whatever was written before it.
                    b"w:ins" | b"w:del" => {
                        self.revisions += 1;
                        open_with_id(s, self.revisions, empty, out)
                    }
                    _ => open(s, empty, out),
                }
                if !empty {
                    let inner = match name {
                        b"w:t" | b"w:delText" | b"w:instrText" => Place::Text,
                        b"w:body" => Place::Body,
                        _ => Place::Other,
                    };
                    self.children(name, inner, 0, out, None)?;
                    close(s, out);
                }
                Ok(())
            }
        }
    }

    /// A header row: its `w:trPr` gets `w:tblHeader`, and is added (before the first element
    /// other than `w:tblPrEx`) if missing.
    fn header_row(&mut self, s: &BytesStart<'_>, empty: bool, out: &mut Vec<u8>) -> Result<(), Diagnostic> {
        let (buf, items) = self.hold(s, empty, Place::InHeaderRow)?;
        open(s, false, out);
        if items.iter().any(|i| i.name(&buf) == b"w:trPr") {
            out.extend_from_slice(&buf);
        } else {
            let at = items.iter().find(|i| i.element && i.name(&buf) != b"w:tblPrEx").map_or(0, |i| i.range.start);
            out.extend_from_slice(&buf[..at]);
            out.extend_from_slice(b"<w:trPr><w:tblHeader/></w:trPr>");
            out.extend_from_slice(&buf[at..]);
        }
        close(s, out);
        self.give(buf);
        Ok(())
    }

    /// An element that must have a child named `child`: `missing` is written when it has
    /// none, before the other children (`first`) or after them.
    fn completed(
        &mut self,
        s: &BytesStart<'_>,
        empty: bool,
        child: &[u8],
        missing: &[&[u8]],
        first: bool,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        let (buf, items) = self.hold(s, empty, Place::Other)?;
        let added = if items.iter().any(|i| i.name(&buf) == child) { &[][..] } else { missing };
        let (before, after) = if first { (added, &[][..]) } else { (&[][..], added) };
        open(s, false, out);
        before.iter().for_each(|m| out.extend_from_slice(m));
        out.extend_from_slice(&buf);
        after.iter().for_each(|m| out.extend_from_slice(m));
        close(s, out);
        self.give(buf);
        Ok(())
    }

    /// A property element: children sorted into `sequence` (a stable sort; unknown names
    /// last, text after them), with `extra` children added.
    fn sorted(
        &mut self,
        s: &BytesStart<'_>,
        empty: bool,
        sequence: &[&str],
        extra: Extra,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        let (mut buf, mut items) = self.hold(s, empty, Place::Other)?;
        if let Extra::Headers = extra {
            // Before the children: the stable sort keeps them ahead of any the section had.
            let mut refs = Vec::new();
            let headers =
                self.fx.headers.map(|(d, f)| [("w:headerReference", "default", d), ("w:headerReference", "first", f)]);
            let footer = self.fx.first_footer.map(|id| ("w:footerReference", "first", id));
            for (tag, kind, id) in headers.into_iter().flatten().chain(footer) {
                let at = buf.len();
                buf.extend_from_slice(format!("<{tag} w:type=\"{kind}\" r:id=\"{id}\"/>").as_bytes());
                refs.push(Item { element: true, range: at..buf.len() });
            }
            items.splice(0..0, refs);
        }
        let added: &[u8] = match extra {
            Extra::Lang if !items.iter().any(|i| i.name(&buf) == b"w:lang") => LANG.as_bytes(),
            Extra::Headers if !items.iter().any(|i| i.name(&buf) == b"w:titlePg") => b"<w:titlePg/>",
            Extra::TableHeader if !items.iter().any(|i| i.name(&buf) == b"w:tblHeader") => b"<w:tblHeader/>",
            _ => b"",
        };
        if !added.is_empty() {
            let at = buf.len();
            buf.extend_from_slice(added);
            items.push(Item { element: true, range: at..buf.len() });
        }
        let rank = |i: &Item| {
            if i.element {
                let name = i.name(&buf);
                sequence.iter().position(|s| s.as_bytes() == name).unwrap_or(sequence.len())
            } else {
                sequence.len() + 1
            }
        };
        // Most are already in order; checking is cheaper than sorting.
        if !items.is_sorted_by_key(rank) {
            items.sort_by_cached_key(rank);
        }
        open(s, items.is_empty(), out);
        if !items.is_empty() {
            for item in &items {
                out.extend_from_slice(&buf[item.range.clone()]);
            }
            close(s, out);
        }
        self.give(buf);
        Ok(())
    }

    fn give(&mut self, b: Vec<u8>) {
        self.pool.push(b);
    }
}

fn open(s: &BytesStart<'_>, empty: bool, out: &mut Vec<u8>) {
    out.push(b'<');
    out.extend_from_slice(s);
    out.extend_from_slice(if empty { b"/>" } else { b">" });
}

/// A start tag with its `w:id` replaced.
fn open_with_id(s: &BytesStart<'_>, id: usize, empty: bool, out: &mut Vec<u8>) {
    open_rewritten(s, &[b"w:id"], Some(("w:id", &id.to_string())), empty, out);
}

/// Opens an element without the named attributes.
fn open_without(s: &BytesStart<'_>, drop: &[&[u8]], empty: bool, out: &mut Vec<u8>) {
    if !s.attributes().flatten().any(|a| drop.contains(&a.key.as_ref())) {
        return open(s, empty, out);
    }
    open_rewritten(s, drop, None, empty, out);
}

/// A start tag without the `drop` attributes, `first` written before the others.
fn open_rewritten(s: &BytesStart<'_>, drop: &[&[u8]], first: Option<(&str, &str)>, empty: bool, out: &mut Vec<u8>) {
    out.push(b'<');
    out.extend_from_slice(s.name().as_ref());
    if let Some((key, value)) = first {
        out.extend_from_slice(format!(" {key}=\"{value}\"").as_bytes());
    }
    for a in s.attributes().flatten() {
        if drop.contains(&a.key.as_ref()) {
            continue;
        }
        out.push(b' ');
        out.extend_from_slice(a.key.as_ref());
        out.extend_from_slice(b"=\"");
        out.extend_from_slice(&a.value);
        out.push(b'"');
    }
    out.extend_from_slice(if empty { b"/>" } else { b">" });
}

fn close(s: &BytesStart<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"</");
    out.extend_from_slice(s.name().as_ref());
    out.push(b'>');
}

/// Text with XML-illegal characters dropped.
fn filtered(raw: &[u8], out: &mut Vec<u8>) {
    match std::str::from_utf8(raw) {
        Ok(t) => {
            for c in t.chars().filter(|c| !is_xml_illegal(*c)) {
                let mut b = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
        }
        Err(_) => out.extend_from_slice(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: Orders<'static> = Orders {
        rpr: &["w:b", "w:sz", "w:lang"],
        ppr: &["w:spacing", "w:jc"],
        tblpr: &[],
        tcpr: &[],
        trpr: &[],
        sectpr: &["w:headerReference", "w:pgSz", "w:titlePg"],
    };

    fn run(xml: &str, headers: &[usize], page_numbers: bool) -> String {
        let fx = BodyFixes {
            table_headers: headers,
            headers: page_numbers.then_some(("rD", "rF")),
            first_footer: None,
            order: ORDER,
        };
        let out = fix(xml.as_bytes(), &fx).expect("well-formed");
        let out = String::from_utf8(out).expect("UTF-8");
        out.split_once('\n').expect("declaration").1.to_owned()
    }

    const W: &str = "<w:document xmlns:w=\"w\" xmlns:r=\"r\"><w:body>";
    const END: &str = "</w:body></w:document>";

    #[test]
    fn properties_are_sorted_and_runs_get_ru_ru() {
        let out = run(&format!("{W}<w:p w14:paraId=\"1\" a=\"b\"><w:pPr><w:jc/><w:spacing/></w:pPr><w:r><w:t>x</w:t></w:r><w:r><w:rPr><w:sz/><w:b/></w:rPr></w:r><w:r/></w:p>{END}"), &[], false);
        assert_eq!(
            out,
            format!("{W}<w:p a=\"b\"><w:pPr><w:spacing/><w:jc/></w:pPr><w:r><w:rPr>{LANG}</w:rPr><w:t>x</w:t></w:r><w:r><w:rPr><w:b/><w:sz/>{LANG}</w:rPr></w:r><w:r><w:rPr>{LANG}</w:rPr></w:r></w:p>{END}")
        );
    }

    #[test]
    fn the_first_rows_of_top_level_tables_repeat() {
        let row = "<w:tr><w:tc><w:tbl><w:tr/></w:tbl></w:tc></w:tr>";
        let out = run(&format!("{W}<w:tbl><w:tblGrid><w:gridCol w:w=\"5\" w:type=\"dxa\"/></w:tblGrid>{row}{row}{row}</w:tbl><w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr></w:tbl>{END}"), &[2, 1], false);
        let header = "<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tbl><w:tr/></w:tbl></w:tc></w:tr>";
        assert_eq!(
            out,
            format!("{W}<w:tbl><w:tblGrid><w:gridCol w:w=\"5\"/></w:tblGrid>{header}{header}{row}</w:tbl><w:tbl><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr></w:tr></w:tbl>{END}")
        );
    }

    #[test]
    fn only_the_first_section_gets_the_page_number_headers() {
        let out = run(
            &format!("{W}<w:p><w:pPr><w:sectPr><w:pgSz/></w:sectPr></w:pPr></w:p><w:sectPr><w:pgSz/></w:sectPr>{END}"),
            &[],
            true,
        );
        assert_eq!(
            out,
            format!("{W}<w:p><w:pPr><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rD\"/><w:headerReference w:type=\"first\" r:id=\"rF\"/><w:pgSz/><w:titlePg/></w:sectPr></w:pPr></w:p><w:sectPr><w:pgSz/></w:sectPr>{END}")
        );
    }

    #[test]
    fn illegal_characters_leave_text_and_the_namespace_is_declared() {
        let out =
            run("<w:document xmlns:w=\"w\"><w:body><w:t>a\u{1}b&#x1;c&amp;</w:t></w:body></w:document>", &[], false);
        assert_eq!(
            out,
            format!("<w:document xmlns:w=\"w\" xmlns:r=\"{R_NS}\"><w:body><w:t>abc&amp;</w:t></w:body></w:document>")
        );
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        let fx = BodyFixes { table_headers: &[], headers: None, first_footer: None, order: ORDER };
        for bad in ["<a><b></a>", "<a><w:r>", "<a/><b/>", "text", "<a><w:rPr><w:b></w:rPr></a>"] {
            assert!(fix(bad.as_bytes(), &fx).is_err(), "{bad}");
        }
    }
}
