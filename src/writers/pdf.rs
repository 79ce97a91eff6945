//! Pages → PDF with krilla: the bundled faces subset-embedded (with ToUnicode, so copying
//! and searching give Cyrillic), metadata from the document, dates never from the clock.

use crate::diag::Diagnostic;

use chrono::{Datelike, Timelike};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image as PdfImage;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::Document as PdfDocument;
use krilla::SerializeSettings;

use crate::doc::Document;
use crate::fonts::FontBook;
use crate::layout::text::Measurer;
use crate::layout::{Item, Page};

/// Options of the PDF writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfOptions {
    /// PDF/A, checked by krilla's validator while writing (archives require PDF/A):
    /// PDF/A-2b, or PDF/A-2a when `tagged`.
    pub pdfa: bool,
    /// A tagged PDF: headings, paragraphs, lists and tables marked for screen readers and
    /// table-aware extractors (see [`super::pdf_tags`]). Off by default: the tags make the
    /// samples' PDFs 10–150 % larger (83 % over all of them), beyond the 25 % a default may
    /// cost; render time grows about 5 %.
    pub tagged: bool,
}

/// The four faces as krilla fonts, hinting removed (see [`crate::fonts::dehint`]). Each is
/// prepared on first use (most documents need two) and shared by every document and
/// thread that uses the same book.
pub struct PdfFonts {
    sources: [&'static [u8]; 4],
    fonts: [std::sync::OnceLock<Option<Font>>; 4],
}

impl PdfFonts {
    /// The faces of a font book.
    pub fn new(book: &FontBook) -> Self {
        PdfFonts { sources: book.faces, fonts: Default::default() }
    }

    /// The bundled faces.
    pub fn bundled() -> &'static PdfFonts {
        static FONTS: std::sync::OnceLock<PdfFonts> = std::sync::OnceLock::new();
        FONTS.get_or_init(|| PdfFonts::new(&FontBook::bundled()))
    }

    /// Prepares the given faces now (a second thread can do it while the input is read);
    /// a face that does not parse is reported when a document needs it.
    pub fn prepare(&self, faces: &[usize]) {
        for &f in faces {
            let _ = self.font(f);
        }
    }

    fn font(&self, face: usize) -> Result<Font, Diagnostic> {
        self.fonts[face]
            .get_or_init(|| {
                let data = self.sources[face];
                match crate::fonts::dehint::strip_hinting(data) {
                    Some(stripped) => Font::new(stripped.into(), 0),
                    None => Font::new(data.into(), 0),
                }
            })
            .clone()
            .ok_or_else(|| Diagnostic::error("шрифт не читается"))
    }
}

#[cfg(any(test, feature = "internals"))]
/// Writes laid-out pages as PDF bytes with the bundled faces.
pub fn write_pdf(doc: &Document, pages: &[Page], m: &Measurer) -> Result<Vec<u8>, Diagnostic> {
    write_pdf_with(doc, pages, m, PdfFonts::bundled(), PdfOptions::default())
}

/// Writes laid-out pages as PDF bytes. `m` must measure with the faces of `fonts`: the
/// glyphs drawn are the ones the layout measured.
pub fn write_pdf_with(
    doc: &Document,
    pages: &[Page],
    m: &Measurer,
    fonts: &PdfFonts,
    opts: PdfOptions,
) -> Result<Vec<u8>, Diagnostic> {
    let mut pdf = if opts.pdfa {
        let configuration = ConfigurationBuilder::new()
            .with_archival_validator(if opts.tagged { Archival::A2_A } else { Archival::A2_B })
            .finish()
            .map_err(|e| Diagnostic::error(format!("PDF/A: {e:?}")))?;
        PdfDocument::new_with(SerializeSettings {
            configuration,
            enable_tagging: opts.tagged,
            ..SerializeSettings::default()
        })
    } else {
        PdfDocument::new_with(SerializeSettings { enable_tagging: opts.tagged, ..SerializeSettings::default() })
    };
    let mut tags = super::pdf_tags::Marks::new(opts.tagged);
    let mut glyphs: Vec<KrillaGlyph> = Vec::new();
    for p in pages {
        let settings = PageSettings::from_wh(p.width as f32, p.height as f32)
            .ok_or_else(|| Diagnostic::error("неверный размер страницы"))?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for it in &p.items {
            if let Item::Text { x, y, text, face, size, spacing, tag } = it {
                let font = fonts.font(*face)?;
                run_glyphs(m, *face, text, *spacing / *size, &mut glyphs);
                tags.start_text(&mut surface, *tag);
                surface.draw_glyphs(Point::from_xy(*x as f32, *y as f32), &glyphs, font, text, *size as f32, false);
                tags.end(&mut surface);
            }
        }
        // Borders, the QR code's modules and pictures are no text: artifacts.
        tags.start_artifact(&mut surface);
        // All borders of a page as one path: each shared edge once, and the edges of
        // neighbouring cells along one line joined into one segment.
        let segments = merged_segments(p.items.iter().filter_map(|it| match it {
            Item::Line { x1, y1, x2, y2 } => Some([*x1, *y1, *x2, *y2]),
            _ => None,
        }));
        let mut pb = PathBuilder::new();
        for [a, b, c, d] in segments {
            pb.move_to(a as f32 / 1000.0, b as f32 / 1000.0);
            pb.line_to(c as f32 / 1000.0, d as f32 / 1000.0);
        }
        if let Some(path) = pb.finish() {
            surface.set_fill(None);
            let width = crate::doc::geometry::BORDER_WIDTH.to_pt() as f32;
            surface.set_stroke(Some(Stroke { width, ..Default::default() }));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        draw_rects(&mut surface, &p.items);
        for it in &p.items {
            if let Item::Image { x, y, w, h, picture } = it {
                let data: krilla::Data = picture.bytes.clone().into();
                // Smoothing when enlarged, except in PDF/A, which forbids it.
                let smooth = !opts.pdfa;
                let image = match picture.format {
                    crate::doc::PictureFormat::Png => PdfImage::from_png(data, smooth),
                    crate::doc::PictureFormat::Jpeg => PdfImage::from_jpeg(data, smooth),
                }
                .map_err(|e| Diagnostic::error(format!("изображение не вставлено в PDF: {e}")))?;
                let size = Size::from_wh(*w as f32, *h as f32)
                    .ok_or_else(|| Diagnostic::error("изображение нулевого размера"))?;
                surface.push_transform(&Transform::from_translate(*x as f32, *y as f32));
                surface.draw_image(image, size);
                surface.pop();
            }
        }
        tags.end(&mut surface);
        surface.finish();
        page.finish();
    }
    // Bookmarks: the order and each appendix, at the top of their first page.
    let mut outline = krilla::outline::Outline::new();
    for (i, p) in pages.iter().enumerate() {
        if let Some(title) = &p.bookmark {
            let dest = krilla::destination::XyzDestination::new(i, Point::from_xy(0.0, 0.0));
            outline.push_child(krilla::outline::OutlineNode::new(title.clone(), dest));
        }
    }
    pdf.set_outline(outline);
    if let Some(tree) = tags.tree(doc) {
        pdf.set_tag_tree(tree);
    }
    let mut meta =
        Metadata::new().title(doc.meta.title.clone()).language(doc.meta.lang.clone()).creator("prikaz".to_owned());
    // A document with no date of its own (a plan with no order) gets none: no 1980.
    if let Some(t) = super::document_date(doc.meta.date.as_deref()) {
        let date = DateTime::new(t.year() as u16)
            .month(t.month() as u8)
            .day(t.day() as u8)
            .hour(t.hour() as u8)
            .minute(t.minute() as u8)
            .second(t.second() as u8);
        meta = meta.creation_date(date);
    }
    if !doc.meta.author.is_empty() {
        meta = meta.authors(vec![doc.meta.author.clone()]);
    }
    pdf.set_metadata(meta);
    pdf.finish().map_err(krilla_error)
}

/// krilla's refusal in words a user can act on: what is missing as the message, what to
/// do as the hint.
fn krilla_error(e: krilla::error::KrillaError) -> Diagnostic {
    use krilla::configure::ValidationError as V;
    use krilla::error::KrillaError as K;
    match e {
        K::Validation(list) => {
            let (mut reasons, mut hints) = (Vec::new(), Vec::new());
            for (v, _) in &list {
                let (reason, hint) = match v {
                    V::MissingDocumentDate => (
                        "у документа нет даты".to_owned(),
                        "укажите дату приказа (order.date) или дату утверждения в грифе (appendices[].approvals[].date)",
                    ),
                    V::NoDocumentTitle => {
                        ("у документа нет заголовка".to_owned(), "укажите order.title или название приложения")
                    }
                    V::ContainsNotDefGlyph(..) | V::NoCodepointMapping(..) => (
                        "в тексте есть знаки, которых нет в шрифте".to_owned(),
                        "замените их или укажите --font-dir",
                    ),
                    other => (format!("не выполнено требование {other:?}"), ""),
                };
                if !reasons.contains(&reason) {
                    reasons.push(reason);
                }
                if !hint.is_empty() && !hints.contains(&hint) {
                    hints.push(hint);
                }
            }
            let d = Diagnostic::error(format!("PDF/A не собран: {}", reasons.join("; ")));
            if hints.is_empty() {
                d
            } else {
                d.hint(hints.join("; "))
            }
        }
        other => Diagnostic::error(format!("PDF не собран: {other:?}")),
    }
}

/// The page's filled rectangles (a QR code's modules) as one black path.
fn draw_rects(surface: &mut krilla::surface::Surface<'_>, items: &[Item]) {
    let mut pb = PathBuilder::new();
    for it in items {
        if let Item::Rect { x, y, w, h } = it {
            if let Some(r) = Rect::from_xywh(*x as f32, *y as f32, *w as f32, *h as f32) {
                pb.push_rect(r);
            }
        }
    }
    if let Some(path) = pb.finish() {
        surface.set_stroke(None);
        surface.set_fill(Some(Fill::default()));
        surface.draw_path(&path);
        surface.set_fill(None);
    }
}

/// The glyphs of one text item: its words as the layout shaped them, the spaces between
/// widened by `spacing` (in ems). Ranges point into the item's text, so copied text and
/// ToUnicode come out right.
fn run_glyphs(m: &Measurer, face: usize, text: &str, spacing: f64, out: &mut Vec<KrillaGlyph>) {
    out.clear();
    let upem = m.units_per_em() as f32;
    let mut push = |at: usize, s: &crate::layout::text::Shaped, extra: f32| {
        for g in s.glyphs.iter() {
            out.push(KrillaGlyph::new(
                GlyphId::new(g.id as u32),
                g.advance as f32 / upem + extra,
                g.x_offset as f32 / upem,
                g.y_offset as f32 / upem,
                0.0,
                at + g.start as usize..at + g.end as usize,
                None,
            ));
        }
    };
    let mut at = 0;
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            m.with_shaped(face, " ", |s| push(at - 1, s, spacing as f32));
        }
        if !word.is_empty() {
            m.with_shaped(face, word, |s| push(at, s, 0.0));
        }
        at += word.len() + 1;
    }
}

/// Line segments (in points) with duplicates dropped and touching collinear horizontal or
/// vertical pieces joined; coordinates are compared in thousandths of a point.
fn merged_segments(lines: impl Iterator<Item = [f64; 4]>) -> Vec<[i64; 4]> {
    let mut segs: Vec<[i64; 4]> = lines
        .map(|v| v.map(|c| (c * 1000.0).round() as i64))
        .map(|[a, b, c, d]| if (a, b) <= (c, d) { [a, b, c, d] } else { [c, d, a, b] })
        .collect();
    // Horizontal lines sort by (y, x), vertical ones by (x, y); others keep their place.
    let key = |s: &[i64; 4]| match s {
        [x1, y1, _, y2] if y1 == y2 => (0, *y1, *x1),
        [x1, y1, x2, _] if x1 == x2 => (1, *x1, *y1),
        [x1, y1, _, _] => (2, *x1, *y1),
    };
    segs.sort_unstable_by_key(|s| (key(s), *s));
    segs.dedup();
    let mut out: Vec<[i64; 4]> = Vec::with_capacity(segs.len());
    for s in segs {
        if let Some(last) = out.last_mut() {
            let horizontal = last[1] == last[3] && s[1] == s[3] && last[1] == s[1];
            let vertical = last[0] == last[2] && s[0] == s[2] && last[0] == s[0];
            if horizontal && s[0] <= last[2] {
                last[2] = last[2].max(s[2]);
                continue;
            }
            if vertical && !horizontal && s[1] <= last[3] {
                last[3] = last[3].max(s[3]);
                continue;
            }
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::merged_segments;

    #[test]
    fn shared_and_touching_borders_become_one_segment() {
        let cells = [
            [0.0, 0.0, 10.0, 0.0],
            [10.0, 0.0, 20.0, 0.0],
            [20.0, 0.0, 10.0, 0.0], // the same edge drawn backwards
            [10.0, 0.0, 10.0, 5.0],
            [10.0, 5.0, 10.0, 9.0],
            [30.0, 0.0, 40.0, 0.0], // a gap: not joined
            [0.0, 0.0, 5.0, 5.0],   // a diagonal stays as it is
        ];
        let merged = merged_segments(cells.into_iter());
        assert_eq!(
            merged,
            vec![[0, 0, 20_000, 0], [30_000, 0, 40_000, 0], [10_000, 0, 10_000, 9_000], [0, 0, 5_000, 5_000]]
        );
    }
}
