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
//! - The body (`document.xml`) is mended in one streaming pass ([`super::docx_body`]); the
//!   other parts are small and go through a tree.
//! - Hyphenation is switched on in the settings (`w:autoHyphenation`) when the style asks.
//! - HACK: docx-rs has no `w:suppressAutoHyphens`; paragraphs that must not be hyphenated
//!   (the бланк, headings) take the paragraph style [`NO_HYPHENS_STYLE`], added here.
//! - Characters XML cannot carry are dropped from text, should any have got this far.

use std::io::{Cursor, Write};

use chrono::{Datelike, NaiveDateTime, Timelike};
use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;

use super::docx_body::{self, BodyFixes, Orders};
use super::xml::{self, child_mut, children_mut, el, reorder};
use crate::markup::tree::{Element, Node};

/// What the post-pass needs to know about the document.
#[derive(Debug, Clone)]
pub struct Fixups {
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
    pub styles: super::docx_styles::StyleBook,
    /// The list numbering of the points.
    pub numbering: super::docx_numbering::NumberingBook,
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

impl Default for Fixups {
    fn default() -> Self {
        Fixups {
            table_headers: Vec::new(),
            page_numbers: true,
            hyphenation: true,
            font: String::new(),
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            custom: Vec::new(),
            timestamp: chrono::NaiveDate::from_ymd_opt(1980, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("valid"),
            dated: None,
            embed_fonts: false,
            qr: None,
            images: 0,
            styles: Default::default(),
            numbering: Default::default(),
        }
    }
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
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

/// CT_RPr's sequence (ECMA-376 17.3.2.28).
const RPR: &[&str] = &[
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];
/// CT_PPr's sequence (17.3.1.26).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];
/// CT_TblPr's sequence (17.4.60).
const TBLPR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];
/// CT_TcPr's sequence (17.4.70).
const TCPR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];
/// CT_SectPr's sequence (17.6.17).
const SECTPR: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];
/// CT_Style's sequence (17.7.4.17).
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];
/// CT_Settings' sequence (17.15.1.78), the part docx-rs and we write.
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// Mends the parts and packs the DOCX.
pub fn finish(mut x: XMLDocx, fx: &Fixups) -> Result<Vec<u8>, String> {
    let part = |name: &str, e: String| format!("DOCX, часть {name}: {e}");
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
    if !unused.contains(&"numbering.xml") {
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
    pack(x, extra, &unused, fx.timestamp).map_err(|e| format!("DOCX: не удалось упаковать: {e}"))
}

/// The parts docx-rs always writes that our documents may not use, by their target in
/// `word/_rels/document.xml.rels`.
const OPTIONAL_PARTS: [&str; 4] = ["comments.xml", "commentsExtended.xml", "footnotes.xml", "numbering.xml"];

/// HACK: docx-rs writes comments, extended comments, footnotes and numbering parts into every
/// package, and relationship parts for three headers that do not exist. None is used by our
/// documents; an unused part only costs a deflate stream and space, and a relationship part
/// of a missing part is a dangling reference. The extended-comments relationship (nothing in
/// the body points at it) goes; each part no relationship then names is left out, with its
/// content-type override, and returned (as its target). (The header relationship parts are
/// left out in [`pack`].)
fn drop_unused_parts(x: &mut XMLDocx) -> Result<Vec<&'static str>, String> {
    const COMMENTS_EXTENDED_REL: &str = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended";
    let mut rels = xml::parse(&x.document_rels)?;
    rels.children.retain(|c| !matches!(c, Node::Element(e) if e.attr("Type") == Some(COMMENTS_EXTENDED_REL)));
    let named =
        |target: &str| rels.children.iter().any(|c| matches!(c, Node::Element(e) if e.attr("Target") == Some(target)));
    let unused: Vec<&str> = OPTIONAL_PARTS.into_iter().filter(|t| !named(t)).collect();
    x.document_rels = xml::write(&rels);
    let mut types = xml::parse(&x.content_type)?;
    types.children.retain(|c| {
        !matches!(c, Node::Element(e)
            if e.attr("PartName").and_then(|p| p.strip_prefix("/word/")).is_some_and(|p| unused.contains(&p)))
    });
    x.content_type = xml::write(&types);
    Ok(unused)
}

/// Fixed keys, one per face, so embedding stays deterministic.
const FONT_KEYS: [&str; 4] = [
    "{5072696B-617A-4C69-6265-726174696F01}",
    "{5072696B-617A-4C69-6265-726174696F02}",
    "{5072696B-617A-4C69-6265-726174696F03}",
    "{5072696B-617A-4C69-6265-726174696F04}",
];
const FONT_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
const FONT_TYPE: &str = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
/// CT_Font's sequence (17.8.3.10).
const FONT: &[&str] = &[
    "w:altName",
    "w:panose1",
    "w:charset",
    "w:family",
    "w:notTrueType",
    "w:pitch",
    "w:sig",
    "w:embedRegular",
    "w:embedBold",
    "w:embedItalic",
    "w:embedBoldItalic",
];

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

fn embed_fonts(x: &mut XMLDocx, extra: &mut Vec<(String, Vec<u8>)>, family: &str) -> Result<(), String> {
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

fn fix_document(bytes: &[u8], fx: &Fixups) -> Result<Vec<u8>, String> {
    // Page numbers: the first section gets both headers and a distinct first page; later
    // sections inherit the default header, so numbering continues across them.
    let body = BodyFixes {
        table_headers: &fx.table_headers,
        headers: fx.page_numbers.then_some((HEADER_ID, FIRST_HEADER_ID)),
        first_footer: fx.qr.as_ref().map(|_| FIRST_FOOTER_ID),
        order: Orders { rpr: RPR, ppr: PPR, tblpr: TBLPR, tcpr: TCPR, sectpr: SECTPR },
    };
    docx_body::fix(bytes, &body)
}

/// Applies `f` to every element, depth first (parents before children).
fn visit(e: &mut Element, f: &mut impl FnMut(&mut Element)) {
    f(e);
    for c in children_mut(e) {
        visit(c, f);
    }
}

fn lang() -> Element {
    xml::parse(docx_body::LANG.as_bytes()).expect("LANG is one well-formed element")
}

/// HACK: docx-rs puts an empty `w:rPr` inside the `w:pPr` of styles and numbering levels,
/// where CT_PPrGeneral has no run properties.
fn drop_rpr_in_ppr(e: &mut Element) {
    if e.name == "w:pPr" {
        e.children.retain(|c| !matches!(c, Node::Element(x) if x.name == "w:rPr"));
    }
}

fn fix_numbering(bytes: &[u8]) -> Result<Vec<u8>, String> {
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

fn fix_styles(bytes: &[u8], fx: &Fixups) -> Result<Vec<u8>, String> {
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

fn fix_settings(bytes: &[u8], fx: &Fixups) -> Result<Vec<u8>, String> {
    let mut root = xml::parse(bytes)?;
    // HACK: docx-rs copies East Asian layout flags (useFELayout, balanceSingleByteDoubleByteWidth…)
    // from a Japanese template; they change how Word spaces Cyrillic text. Only the
    // compatibility mode settings stay.
    if let Some(compat) = child_mut(&mut root, "w:compat") {
        compat.children.retain(|c| matches!(c, Node::Element(x) if x.name == "w:compatSetting"));
    }
    const HYPHENATION: [&str; 4] =
        ["w:autoHyphenation", "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps"];
    root.children.retain(|c| !matches!(c, Node::Element(x) if HYPHENATION.contains(&x.name.as_str())));
    if fx.hyphenation {
        // The rules our layout follows (layout/breaks.rs): at most two hyphenated lines in
        // a row, no hyphens in words of capitals.
        let limit = crate::layout::breaks::MAX_CONSECUTIVE_HYPHENS.to_string();
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
fn fix_app(bytes: &[u8], fx: &Fixups) -> Result<Vec<u8>, String> {
    let mut root = xml::parse(bytes)?;
    if !fx.author.is_empty() {
        root.children.retain(|c| !matches!(c, Node::Element(x) if x.name == "Company"));
        let mut company = el("Company", &[]);
        company.children.push(Node::Text(fx.author.clone()));
        root.children.push(Node::Element(company));
    }
    Ok(xml::write(&root))
}

fn fix_core(bytes: &[u8], fx: &Fixups) -> Result<Vec<u8>, String> {
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

fn add_rel(bytes: &[u8], id: &str, kind: &str, target: &str) -> Result<Vec<u8>, String> {
    let mut root = xml::parse(bytes)?;
    root.children.push(Node::Element(el("Relationship", &[("Id", id), ("Type", kind), ("Target", target)])));
    Ok(xml::write(&root))
}

fn add_override(bytes: &[u8], part: &str, kind: &str) -> Result<Vec<u8>, String> {
    let mut root = xml::parse(bytes)?;
    root.children.push(Node::Element(el("Override", &[("PartName", part), ("ContentType", kind)])));
    Ok(xml::write(&root))
}

/// The page-number header (a PAGE field centred on the text block, at the size our PDF
/// prints it) or the empty first-page header.
fn header_xml(with_number: bool) -> Vec<u8> {
    let half_points = (crate::doc::geometry::PAGE_NUMBER_SIZE.to_pt() * 2.0).round() as u32;
    let lang =
        format!("<w:rPr><w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>{}</w:rPr>", docx_body::LANG);
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

/// Parts shorter than this are stored, not deflated.
const STORE_BELOW: usize = 512;

/// Packs the parts in a fixed order, deflated (the smallest stored), with one fixed time.
fn pack(
    x: XMLDocx,
    extra: Vec<(String, Vec<u8>)>,
    unused: &[&str],
    when: NaiveDateTime,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let time = zip::DateTime::from_date_and_time(
        when.year().clamp(1980, 2107) as u16,
        when.month() as u8,
        when.day() as u8,
        when.hour() as u8,
        when.minute() as u8,
        when.second() as u8,
    )
    .unwrap_or_default();
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), x.content_type),
        ("_rels/.rels".into(), x.rels),
        ("docProps/app.xml".into(), x.doc_props.app),
        ("docProps/core.xml".into(), x.doc_props.core),
        ("docProps/custom.xml".into(), x.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), x.document_rels),
        ("word/document.xml".into(), x.document),
        ("word/styles.xml".into(), x.styles),
        ("word/settings.xml".into(), x.settings),
        ("word/fontTable.xml".into(), x.font_table),
    ];
    for (target, bytes) in [
        ("comments.xml", x.comments),
        ("numbering.xml", x.numberings),
        ("commentsExtended.xml", x.comments_extended),
        ("footnotes.xml", x.footnotes),
    ] {
        if !unused.contains(&target) {
            parts.push((format!("word/{target}"), bytes));
        }
    }
    // Relationship parts only for the headers that exist.
    let headers = x.headers.len();
    for (i, h) in x.headers.into_iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), h));
    }
    for (i, r) in x.header_rels.into_iter().take(headers).enumerate() {
        parts.push((format!("word/_rels/header{}.xml.rels", i + 1), r));
    }
    for (i, h) in x.footers.into_iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), h));
    }
    // Pictures (PNG is compressed already: stored as it is, below).
    for (id, bytes) in x.media {
        parts.push((format!("word/media/{id}.png"), bytes));
    }
    parts.extend(extra);
    // Parts this small gain at most a hundred bytes from deflate, while each deflate stream
    // costs setting up (and zeroing) a few hundred kilobytes of state.
    let stored = opts.compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        let store = bytes.len() < STORE_BELOW || name.ends_with(".png");
        zip.start_file(name, if store { stored } else { opts })?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// A minimal Office theme naming the body font for every script, so theme-font lookups in
/// Word land on the same face.
fn theme_xml(font: &str) -> Vec<u8> {
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
