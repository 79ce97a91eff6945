//! Fonts in the DOCX: the bundled faces embedded (obfuscated, ECMA-376 17.8.1) when asked,
//! and a theme naming the body font, so Word's theme-font lookups land on the same face.

use crate::diag::Diagnostic;

use docx_rs::XMLDocx;

use super::schema::{FONT, R_NS, SETTINGS};
use crate::markup::tree::Node;
use crate::writers::xml::{self, el, reorder};

/// Fixed keys, one per face, so embedding stays deterministic.
const FONT_KEYS: [&str; 4] = [
    "{5072696B-617A-4C69-6265-726174696F01}",
    "{5072696B-617A-4C69-6265-726174696F02}",
    "{5072696B-617A-4C69-6265-726174696F03}",
    "{5072696B-617A-4C69-6265-726174696F04}",
];
const FONT_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
const FONT_TYPE: &str = "application/vnd.openxmlformats-officedocument.obfuscatedFont";

/// Obfuscates a font for embedding (ECMA-376 Part 1, 17.8.1): the first 32 bytes are XORed
/// with the key's 16 bytes taken in reverse order of the GUID's hex digits.
pub fn obfuscate_font(data: &[u8], guid: &str) -> Vec<u8> {
    let hex: String = guid.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    let key: Vec<u8> = (0..16).map(|i| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap_or(0)).rev().collect();
    let mut out = data.to_vec();
    for (i, b) in out.iter_mut().take(32).enumerate() {
        *b ^= key[i % 16];
    }
    out
}

pub(super) fn embed_fonts(x: &mut XMLDocx, extra: &mut Vec<(String, Vec<u8>)>, family: &str) -> Result<(), Diagnostic> {
    use crate::fonts::{bundled, Face};
    let mut table = xml::parse(&x.font_table)?;
    table.children.retain(|c| !matches!(c, Node::Element(e) if e.name == "w:font" && e.attr("w:name") == Some(family)));
    let mut font = el("w:font", &[("w:name", family)]);
    for (name, val) in [("w:charset", "CC"), ("w:family", "roman"), ("w:pitch", "variable")] {
        font.children.push(Node::Element(el(name, &[("w:val", val)])));
    }
    let mut rels = el("Relationships", &[("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")]);
    let tags = ["w:embedRegular", "w:embedBold", "w:embedItalic", "w:embedBoldItalic"];
    for (i, face) in Face::ALL.iter().enumerate() {
        let id = format!("rIdPrikazFont{}", i + 1);
        let target = format!("fonts/prikaz-font{}.odttf", i + 1);
        font.children.push(Node::Element(el(tags[i], &[("r:id", &id), ("w:fontKey", FONT_KEYS[i])])));
        rels.children.push(Node::Element(el("Relationship", &[("Id", &id), ("Type", FONT_REL), ("Target", &target)])));
        extra.push((format!("word/{target}"), obfuscate_font(bundled(*face), FONT_KEYS[i])));
    }
    reorder(&mut font, FONT);
    table.children.push(Node::Element(font));
    if !table.attrs.iter().any(|(k, _)| k == "xmlns:r") {
        table.attrs.push(("xmlns:r".into(), R_NS.into()));
    }
    x.font_table = xml::write(&table);
    extra.push(("word/_rels/fontTable.xml.rels".into(), xml::write(&rels)));
    let mut types = xml::parse(&x.content_type)?;
    types.children.insert(0, Node::Element(el("Default", &[("Extension", "odttf"), ("ContentType", FONT_TYPE)])));
    x.content_type = xml::write(&types);
    let mut settings = xml::parse(&x.settings)?;
    settings.children.push(Node::Element(el("w:embedTrueTypeFonts", &[])));
    reorder(&mut settings, SETTINGS);
    x.settings = xml::write(&settings);
    Ok(())
}

/// A minimal Office theme naming the body font for every script, so theme-font lookups in
/// Word land on the same face.
pub(super) fn theme_xml(font: &str) -> Vec<u8> {
    let font = font.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let colors = [
        ("dk1", "000000"),
        ("lt1", "FFFFFF"),
        ("dk2", "1F497D"),
        ("lt2", "EEECE1"),
        ("accent1", "4F81BD"),
        ("accent2", "C0504D"),
        ("accent3", "9BBB59"),
        ("accent4", "8064A2"),
        ("accent5", "4BACC6"),
        ("accent6", "F79646"),
        ("hlink", "0000FF"),
        ("folHlink", "800080"),
    ];
    let clr: String = colors.iter().map(|(n, v)| format!("<a:{n}><a:srgbClr val=\"{v}\"/></a:{n}>")).collect();
    let fonts = format!("<a:latin typeface=\"{font}\"/><a:ea typeface=\"\"/><a:cs typeface=\"{font}\"/>");
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = "<a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>";
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"prikaz\"><a:themeElements>\
         <a:clrScheme name=\"prikaz\">{clr}</a:clrScheme>\
         <a:fontScheme name=\"prikaz\"><a:majorFont>{fonts}</a:majorFont><a:minorFont>{fonts}</a:minorFont></a:fontScheme>\
         <a:fmtScheme name=\"prikaz\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>\
         <a:lnStyleLst>{line}{line}{line}</a:lnStyleLst>\
         <a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>\
         <a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>\
         </a:themeElements></a:theme>"
    )
    .into_bytes()
}
