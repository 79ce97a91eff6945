//! The one post-pass over docx-rs output: everything docx-rs cannot say or says wrong,
//! mended in its XML parts, then packed into a deterministic, compressed zip.
//!
//! Each fix names its reason:
//! - HACK: docx-rs has no `w:tblHeader`; header rows must repeat on every page (ECMA-376
//!   17.4.49), so the first rows of each table are marked here.
//! - HACK: docx-rs writes no `w:lang`; Russian hyphenation and spelling need ru-RU on every
//!   run (17.3.2.20), set in the document defaults and on each run.
//! - HACK: docx-rs writes children out of schema order (rFonts/jc and others); Word then
//!   may repair the file. `w:rPr`, `w:pPr`, `w:tblPr`, `w:tcPr`, `w:sectPr` and the settings
//!   are sorted into their schema sequence.
//! - HACK: a docx-rs `Section` keeps only one header; page numbers from page 2 need a
//!   default and an empty first-page header plus `w:titlePg`, so both are written here.
//! - HACK: docx-rs numbers paragraphs (`w14:paraId`) from a per-thread counter, so the
//!   second document built in a process differs from the first; the ids are dropped.
//! - HACK: docx-rs stores entries uncompressed with the clock's time; we deflate (all but the
//!   tiniest), in a fixed order, with a fixed time.
//! - HACK: docx-rs writes comments, footnotes and numbering parts and relationship parts of
//!   headers that do not exist into every package; the ones nothing refers to are left out.
//! - The body (`document.xml`) is mended in one streaming pass ([`super::body`]); the
//!   other parts are small and go through a tree.
//! - Hyphenation is switched on in the settings (`w:autoHyphenation`) when the style asks.
//! - HACK: docx-rs has no `w:suppressAutoHyphens`; paragraphs that must not be hyphenated
//!   (the бланк, headings) take the paragraph style [`NO_HYPHENS_STYLE`], added here.
//! - Characters XML cannot carry are dropped from text, should any have got this far.

use crate::diag::Diagnostic;

use chrono::NaiveDateTime;
use docx_rs::XMLDocx;

use super::body::{self, BodyFixes, Orders};
use super::fonts::{embed_fonts, theme_xml};
use super::package::{add_override, add_rel, drop_unused_parts, pack};
use super::schema::{PPR, RPR, R_NS, SECTPR, SETTINGS, STYLE, TBLPR, TCPR, TRPR, W_NS};
use crate::markup::tree::{Element, Node};
use crate::writers::xml::{self, child_mut, children_mut, el, reorder};

/// The DOCX writer's state while it writes one document: what the body pass learns (styles,
/// numbering, pictures, header rows) and what the post-pass then writes into the other
/// parts (metadata, settings, fonts, the QR footer).
#[derive(Debug, Clone)]
pub struct DocxState {
    /// Header-row count of each table, in document order.
    pub table_headers: Vec<usize>,
    /// Page numbers at the top centre from page 2.
    pub page_numbers: bool,
    /// Automatic hyphenation.
    pub hyphenation: bool,
    /// Body font family.
    pub font: String,
    /// Metadata title.
    pub title: String,
    /// Metadata author (and the company of `app.xml`).
    pub author: String,
    /// Metadata subject («Тема»).
    pub subject: String,
    /// Custom properties, in order.
    pub custom: Vec<(String, String)>,
    /// The fixed time of zip entries.
    pub timestamp: NaiveDateTime,
    /// The document's date for `dcterms:created`/`modified`; none is written without one.
    pub dated: Option<NaiveDateTime>,
    /// Embed the bundled fonts.
    pub embed_fonts: bool,
    /// The QR code in the first page's footer.
    pub qr: Option<QrFooter>,
    /// Pictures in the body so far (their relationship ids are numbered by it).
    pub images: usize,
    /// The named paragraph styles the body uses.
    pub styles: super::styles::StyleBook,
    /// The list numbering of the points.
    pub numbering: super::numbering::NumberingBook,
    /// Who made the revisions of a tracked render.
    pub revisions_by: Option<super::Reviser>,
    /// Paragraphs written so far in a tracked render (their revisions' times alternate).
    pub revised_paragraphs: usize,
    /// The revision of the table row being written.
    pub row_revision: Option<crate::doc::Revision>,
}

/// The first page's footer with the QR code at the right margin.
#[derive(Debug, Clone)]
pub struct QrFooter {
    /// The code as PNG, quiet zone included.
    pub png: Vec<u8>,
    /// The printed side in EMU.
    pub size_emu: u32,
    /// The exact line height of the footer's paragraph, in twips.
    pub line_twips: i32,
    /// What the code holds (the picture's description, for screen readers).
    pub text: String,
}

impl Default for DocxState {
    fn default() -> Self {
        DocxState {
            revisions_by: None,
            revised_paragraphs: 0,
            row_revision: None,
            table_headers: Vec::new(),
            page_numbers: true,
            hyphenation: true,
            font: String::new(),
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            custom: Vec::new(),
            timestamp: crate::writers::zip_epoch(),
            dated: None,
            embed_fonts: false,
            qr: None,
            images: 0,
            styles: Default::default(),
            numbering: Default::default(),
        }
    }
}

const HEADER_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
const HEADER_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
const HEADER_ID: &str = "rIdPrikazHeader";
const FOOTER_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
const FOOTER_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
const IMAGE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const FIRST_FOOTER_ID: &str = "rIdPrikazFirstFooter";
const NUMBERING_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
const THEME_ID: &str = "rIdPrikazTheme";
const THEME_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
const THEME_TYPE: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
const FIRST_HEADER_ID: &str = "rIdPrikazFirstHeader";

/// Mends the parts and packs the DOCX.
pub fn finish(mut x: XMLDocx, fx: &DocxState) -> Result<Vec<u8>, Diagnostic> {
    let part = |name: &str, e: Diagnostic| Diagnostic::error(format!("DOCX, часть {name}: {e}"));
    x.document = fix_document(&x.document, fx).map_err(|e| part("document.xml", e))?;
    x.styles = fix_styles(&x.styles, fx).map_err(|e| part("styles.xml", e))?;
    x.settings = fix_settings(&x.settings, fx).map_err(|e| part("settings.xml", e))?;
    if fx.numbering.is_used() {
        // Our own numbering part in place of docx-rs's (which defines lists we never use).
        x.numberings = fx.numbering.xml();
        if !String::from_utf8_lossy(&x.document_rels).contains("Target=\"numbering.xml\"") {
            x.document_rels = add_rel(&x.document_rels, "rIdPrikazNumbering", NUMBERING_REL, "numbering.xml")
                .map_err(|e| part("document.xml.rels", e))?;
        }
    }
    let unused = drop_unused_parts(&mut x).map_err(|e| part("document.xml.rels", e))?;
    // Our own numbering part is written in schema order already; only docx-rs's needs mending.
    if !fx.numbering.is_used() && !unused.contains(&"numbering.xml") {
        x.numberings = fix_numbering(&x.numberings).map_err(|e| part("numbering.xml", e))?;
    }
    // HACK: docx-rs writes no theme; validators (and some Word versions) expect one.
    x.document_rels =
        add_rel(&x.document_rels, THEME_ID, THEME_REL, "theme/theme1.xml").map_err(|e| part("document.xml.rels", e))?;
    x.content_type = add_override(&x.content_type, "/word/theme/theme1.xml", THEME_TYPE)
        .map_err(|e| part("[Content_Types].xml", e))?;
    x.doc_props.core = fix_core(&x.doc_props.core, fx).map_err(|e| part("core.xml", e))?;
    x.doc_props.app = fix_app(&x.doc_props.app, fx).map_err(|e| part("app.xml", e))?;
    // HACK: docx-rs keeps custom properties in a HashMap, so their order (and the file)
    // changes from run to run; the part is written again here in the given order.
    if !fx.custom.is_empty() {
        x.doc_props.custom = custom_xml(&fx.custom);
    }
    let mut extra: Vec<(String, Vec<u8>)> = vec![("word/theme/theme1.xml".into(), theme_xml(&fx.font))];
    if fx.page_numbers {
        for (id, target) in [(HEADER_ID, "prikaz-header.xml"), (FIRST_HEADER_ID, "prikaz-first-header.xml")] {
            x.document_rels =
                add_rel(&x.document_rels, id, HEADER_REL, target).map_err(|e| part("document.xml.rels", e))?;
            x.content_type = add_override(&x.content_type, &format!("/word/{target}"), HEADER_TYPE)
                .map_err(|e| part("[Content_Types].xml", e))?;
        }
        extra.push(("word/prikaz-header.xml".into(), header_xml(true)));
        extra.push(("word/prikaz-first-header.xml".into(), header_xml(false)));
    }
    if let Some(q) = &fx.qr {
        let target = "prikaz-first-footer.xml";
        x.document_rels =
            add_rel(&x.document_rels, FIRST_FOOTER_ID, FOOTER_REL, target).map_err(|e| part("document.xml.rels", e))?;
        x.content_type = add_override(&x.content_type, &format!("/word/{target}"), FOOTER_TYPE)
            .map_err(|e| part("[Content_Types].xml", e))?;
        let rels = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
             xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdPrikazQr\" \
             Type=\"{IMAGE_REL}\" Target=\"media/prikaz-qr.png\"/></Relationships>"
        );
        extra.push((format!("word/{target}"), qr_footer_xml(q)));
        extra.push((format!("word/_rels/{target}.rels"), rels.into_bytes()));
        extra.push(("word/media/prikaz-qr.png".into(), q.png.clone()));
    }
    if fx.embed_fonts {
        embed_fonts(&mut x, &mut extra, &fx.font).map_err(|e| part("fontTable.xml", e))?;
    }
    pack(x, extra, &unused, fx.timestamp).map_err(|e| Diagnostic::error(format!("DOCX: не удалось упаковать: {e}")))
}

fn fix_document(bytes: &[u8], fx: &DocxState) -> Result<Vec<u8>, Diagnostic> {
    // Page numbers: the first section gets both headers and a distinct first page; later
    // sections inherit the default header, so numbering continues across them.
    let fixes = BodyFixes {
        table_headers: &fx.table_headers,
        headers: fx.page_numbers.then_some((HEADER_ID, FIRST_HEADER_ID)),
        first_footer: fx.qr.as_ref().map(|_| FIRST_FOOTER_ID),
        order: Orders { rpr: RPR, ppr: PPR, tblpr: TBLPR, tcpr: TCPR, trpr: TRPR, sectpr: SECTPR },
    };
    body::fix(bytes, &fixes)
}

/// Applies `f` to every element, depth first (parents before children).
fn visit(e: &mut Element, f: &mut impl FnMut(&mut Element)) {
    f(e);
    for c in children_mut(e) {
        visit(c, f);
    }
}

fn lang() -> Element {
    xml::parse(body::LANG.as_bytes()).expect("LANG is one well-formed element")
}

/// HACK: docx-rs puts an empty `w:rPr` inside the `w:pPr` of styles and numbering levels,
/// where CT_PPrGeneral has no run properties.
fn drop_rpr_in_ppr(e: &mut Element) {
    if e.name == "w:pPr" {
        e.children.retain(|c| !matches!(c, Node::Element(x) if x.name == "w:rPr"));
    }
}

fn fix_numbering(bytes: &[u8]) -> Result<Vec<u8>, Diagnostic> {
    let mut root = xml::parse(bytes)?;
    visit(&mut root, &mut |e| {
        drop_rpr_in_ppr(e);
        if e.name == "w:pPr" {
            reorder(e, PPR);
        }
    });
    Ok(xml::write(&root))
}

/// The id of the paragraph style that switches hyphenation off (Word: «Запретить
/// автоматический перенос слов»), for paragraphs the template marks `hyphenate="false"`.
pub const NO_HYPHENS_STYLE: &str = "NoHyphens";

/// The style itself: the default paragraph with hyphenation suppressed, so a user editing
/// the DOCX can also apply it by name.
fn no_hyphens_style() -> Element {
    let child = |e: Element| Node::Element(e);
    let mut ppr = el("w:pPr", &[]);
    ppr.children.push(child(el("w:suppressAutoHyphens", &[])));
    let mut style = el("w:style", &[("w:type", "paragraph"), ("w:customStyle", "1"), ("w:styleId", NO_HYPHENS_STYLE)]);
    style.children = vec![
        child(el("w:name", &[("w:val", "Без переносов")])),
        child(el("w:basedOn", &[("w:val", "Normal")])),
        child(el("w:qFormat", &[])),
        child(ppr),
    ];
    style
}

fn fix_styles(bytes: &[u8], fx: &DocxState) -> Result<Vec<u8>, Diagnostic> {
    let mut root = xml::parse(bytes)?;
    // Word's own default paragraph style is marked as the default (python-docx and other
    // readers find body paragraphs' style by it), and a default table style exists.
    for c in children_mut(&mut root) {
        if c.name == "w:style" && c.attr("w:styleId") == Some("Normal") && c.attr("w:default").is_none() {
            c.attrs.insert(1, ("w:default".into(), "1".into()));
        }
    }
    root.children.push(Node::Element(xml::parse(TABLE_NORMAL.as_bytes())?));
    root.children.push(Node::Element(no_hyphens_style()));
    for style in fx.styles.xml() {
        root.children.push(Node::Element(xml::parse(style.as_bytes())?));
    }
    visit(&mut root, &mut drop_rpr_in_ppr);
    if let Some(defaults) = child_mut(&mut root, "w:docDefaults") {
        if let Some(rpr) = child_mut(defaults, "w:rPrDefault").and_then(|d| child_mut(d, "w:rPr")) {
            rpr.children.retain(|c| !matches!(c, Node::Element(x) if matches!(x.name.as_str(), "w:lang" | "w:kern")));
            rpr.children.push(Node::Element(lang()));
            // Pair kerning at every size, as our PDF shapes text (without it LibreOffice's
            // lines are wider than ours and break elsewhere).
            rpr.children.push(Node::Element(el("w:kern", &[("w:val", "1")])));
        }
    }
    visit(&mut root, &mut |e| match e.name.as_str() {
        "w:style" => reorder(e, STYLE),
        "w:rPr" => reorder(e, RPR),
        "w:pPr" => reorder(e, PPR),
        "w:tblPr" => reorder(e, TBLPR),
        "w:tcPr" => reorder(e, TCPR),
        _ => {}
    });
    Ok(xml::write(&root))
}

/// Word's default table style, as Word writes it: tables that name no style use it.
const TABLE_NORMAL: &str = "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">\
    <w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>\
    <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
    <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
    </w:tblCellMar></w:tblPr></w:style>";

fn fix_settings(bytes: &[u8], fx: &DocxState) -> Result<Vec<u8>, Diagnostic> {
    let mut root = xml::parse(bytes)?;
    // HACK: docx-rs copies East Asian layout flags (useFELayout, balanceSingleByteDoubleByteWidth…)
    // from a Japanese template; they change how Word spaces Cyrillic text. Only the
    // compatibility mode settings stay.
    if let Some(compat) = child_mut(&mut root, "w:compat") {
        compat.children.retain(|c| matches!(c, Node::Element(x) if x.name == "w:compatSetting"));
        // A justified line ending in a manual line break is not stretched (our PDF leaves
        // it ragged, as Word would stretch it to the margin with gaps of several ems).
        compat.children.insert(0, Node::Element(el("w:doNotExpandShiftReturn", &[])));
    }
    const HYPHENATION: [&str; 4] =
        ["w:autoHyphenation", "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps"];
    root.children.retain(|c| !matches!(c, Node::Element(x) if HYPHENATION.contains(&x.name.as_str())));
    if fx.hyphenation {
        // The rules our layout follows (src/breaks/): at most two hyphenated lines in
        // a row, no hyphens in words of capitals.
        let limit = crate::breaks::MAX_CONSECUTIVE_HYPHENS.to_string();
        root.children.push(Node::Element(el("w:autoHyphenation", &[])));
        root.children.push(Node::Element(el("w:consecutiveHyphenLimit", &[("w:val", &limit)])));
        // No hyphenation zone: a word is hyphenated whenever a part fits, however little
        // room is left (Word's default zone of 0.25" leaves such lines loose, and ours
        // would break elsewhere).
        root.children.push(Node::Element(el("w:hyphenationZone", &[("w:val", "0")])));
        root.children.push(Node::Element(el("w:doNotHyphenateCaps", &[])));
    }
    reorder(&mut root, SETTINGS);
    Ok(xml::write(&root))
}

fn custom_xml(props: &[(String, String)]) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties \
         xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">",
    );
    for (i, (name, value)) in props.iter().enumerate() {
        // Property ids start at 2 (1 is reserved).
        out.push_str(&format!(
            "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{}\" name=\"{}\"><vt:lpwstr>{}</vt:lpwstr></property>",
            i + 2,
            xml::escape_attr(name),
            xml::escape_attr(value)
        ));
    }
    out.push_str("</Properties>");
    out.into_bytes()
}

/// The organisation as the document's company («Учреждение» in Word's properties).
fn fix_app(bytes: &[u8], fx: &DocxState) -> Result<Vec<u8>, Diagnostic> {
    let mut root = xml::parse(bytes)?;
    if !fx.author.is_empty() {
        root.children.retain(|c| !matches!(c, Node::Element(x) if x.name == "Company"));
        let mut company = el("Company", &[]);
        company.children.push(Node::Text(fx.author.clone()));
        root.children.push(Node::Element(company));
    }
    Ok(xml::write(&root))
}

fn fix_core(bytes: &[u8], fx: &DocxState) -> Result<Vec<u8>, Diagnostic> {
    let mut root = xml::parse(bytes)?;

    let set = |root: &mut Element, name: &str, value: &str, attrs: &[(&str, &str)]| {
        root.children.retain(|c| !matches!(c, Node::Element(x) if x.name == name));
        let mut e = el(name, attrs);
        e.children.push(Node::Text(value.to_owned()));
        root.children.push(Node::Element(e));
    };
    set(&mut root, "dc:title", &fx.title, &[]);
    set(&mut root, "dc:creator", &fx.author, &[]);
    if !fx.subject.is_empty() {
        set(&mut root, "dc:subject", &fx.subject, &[]);
    }
    set(&mut root, "dc:language", "ru-RU", &[]);
    set(&mut root, "cp:lastModifiedBy", &fx.author, &[]);
    root.children.retain(|c| !matches!(c, Node::Element(x) if x.name.starts_with("dcterms:")));
    if let Some(when) = fx.dated {
        let stamp = when.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        set(&mut root, "dcterms:created", &stamp, &[("xsi:type", "dcterms:W3CDTF")]);
        set(&mut root, "dcterms:modified", &stamp, &[("xsi:type", "dcterms:W3CDTF")]);
    }
    for (k, v) in [
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ] {
        if !root.attrs.iter().any(|(a, _)| a == k) {
            root.attrs.push((k.into(), v.into()));
        }
    }
    Ok(xml::write(&root))
}

/// The page-number header (a PAGE field centred on the text block, at the size our PDF
/// prints it) or the empty first-page header.
fn header_xml(with_number: bool) -> Vec<u8> {
    let half_points = (crate::doc::geometry::PAGE_NUMBER_SIZE.to_pt() * 2.0).round() as u32;
    let lang = format!("<w:rPr><w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>{}</w:rPr>", body::LANG);
    let body = if with_number {
        format!(
            "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\
             <w:r>{lang}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r>{lang}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
             <w:r>{lang}<w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r>{lang}<w:t>2</w:t></w:r>\
             <w:r>{lang}<w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        )
    } else {
        "<w:p/>".to_owned()
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{body}</w:hdr>"
    )
    .into_bytes()
}

/// The first page's footer: one right-aligned paragraph, its line as tall as the layout's
/// (at least that, as for pictures in the body), holding the QR code as an inline picture.
fn qr_footer_xml(q: &QrFooter) -> Vec<u8> {
    let size = q.size_emu;
    let descr = xml::escape_attr(&q.text);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\" \
         xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
         xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
         <w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{line}\" w:lineRule=\"atLeast\"/><w:jc w:val=\"right\"/>\
         <w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr>\
         <w:r><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr><w:drawing>\
         <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{size}\" cy=\"{size}\"/>\
         <wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"9001\" name=\"QR-код\" descr=\"{descr}\"/>\
         <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>\
         <pic:nvPicPr><pic:cNvPr id=\"0\" name=\"prikaz-qr.png\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"rIdPrikazQr\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{size}\" cy=\"{size}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
         </wp:inline></w:drawing></w:r></w:p></w:ftr>",
        line = q.line_twips,
    )
    .into_bytes()
}
