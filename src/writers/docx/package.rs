//! The package: parts nobody refers to left out, relationships and content types added,
//! and the zip packed deterministically (fixed order, fixed time, deflated but the tiny).

use crate::diag::Diagnostic;

use std::io::{Cursor, Write};

use chrono::{Datelike, NaiveDateTime, Timelike};
use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;

use crate::markup::tree::Node;
use crate::writers::xml::{self, el};

/// The parts docx-rs always writes that our documents may not use, by their target in
/// `word/_rels/document.xml.rels`.
pub(super) const OPTIONAL_PARTS: [&str; 4] = ["comments.xml", "commentsExtended.xml", "footnotes.xml", "numbering.xml"];

/// HACK: docx-rs writes comments, extended comments, footnotes and numbering parts into every
/// package, and relationship parts for three headers that do not exist. None is used by our
/// documents; an unused part only costs a deflate stream and space, and a relationship part
/// of a missing part is a dangling reference. The extended-comments relationship (nothing in
/// the body points at it) goes; each part no relationship then names is left out, with its
/// content-type override, and returned (as its target). (The header relationship parts are
/// left out in [`pack`].)
pub(super) fn drop_unused_parts(x: &mut XMLDocx) -> Result<Vec<&'static str>, Diagnostic> {
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

pub(super) fn add_rel(bytes: &[u8], id: &str, kind: &str, target: &str) -> Result<Vec<u8>, Diagnostic> {
    let mut root = xml::parse(bytes)?;
    root.children.push(Node::Element(el("Relationship", &[("Id", id), ("Type", kind), ("Target", target)])));
    Ok(xml::write(&root))
}

pub(super) fn add_override(bytes: &[u8], part: &str, kind: &str) -> Result<Vec<u8>, Diagnostic> {
    let mut root = xml::parse(bytes)?;
    root.children.push(Node::Element(el("Override", &[("PartName", part), ("ContentType", kind)])));
    Ok(xml::write(&root))
}

/// Parts shorter than this are stored, not deflated.
const STORE_BELOW: usize = 512;

/// Packs the parts in a fixed order, deflated (the smallest stored), with one fixed time.
pub(super) fn pack(
    x: XMLDocx,
    extra: Vec<(String, Vec<u8>)>,
    unused: &[&str],
    when: NaiveDateTime,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let time = zip::DateTime::from_date_and_time(
        when.year().clamp(crate::writers::ZIP_EPOCH_YEAR, 2107) as u16,
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
