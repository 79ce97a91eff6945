//! Pages → PDF with krilla: the bundled faces subset-embedded (with ToUnicode, so copying
//! and searching give Cyrillic), metadata from the document, dates never from the clock.

use chrono::{Datelike, Timelike};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::text::{Font, TextDirection};
use krilla::Document as PdfDocument;
use krilla::SerializeSettings;

use crate::doc::Document;
use crate::fonts::FontBook;
use crate::layout::{Item, Page};

/// Options of the PDF writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfOptions {
    /// PDF/A-2b, checked by krilla's validator while writing (archives require PDF/A).
    pub pdfa: bool,
}

/// Writes laid-out pages as PDF bytes.
pub fn write_pdf(doc: &Document, pages: &[Page]) -> Result<Vec<u8>, String> {
    write_pdf_with(doc, pages, &FontBook::bundled(), PdfOptions::default())
}

/// Writes laid-out pages as PDF bytes with options.
pub fn write_pdf_with(doc: &Document, pages: &[Page], book: &FontBook, opts: PdfOptions) -> Result<Vec<u8>, String> {
    let fonts: Vec<Font> = book
        .faces
        .iter()
        .map(|f| Font::new((*f).into(), 0).ok_or_else(|| "шрифт не читается".to_owned()))
        .collect::<Result<_, _>>()?;
    let mut pdf = if opts.pdfa {
        let configuration = ConfigurationBuilder::new()
            .with_archival_validator(Archival::A2_B)
            .finish()
            .map_err(|e| format!("PDF/A: {e:?}"))?;
        PdfDocument::new_with(SerializeSettings { configuration, ..SerializeSettings::default() })
    } else {
        PdfDocument::new()
    };
    for p in pages {
        let settings = PageSettings::from_wh(p.width as f32, p.height as f32).ok_or("неверный размер страницы")?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for it in &p.items {
            match it {
                Item::Text { x, y, text, face, size } => {
                    surface.draw_text(
                        Point::from_xy(*x as f32, *y as f32),
                        fonts[*face].clone(),
                        *size as f32,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Item::Line { x1, y1, x2, y2 } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(*x1 as f32, *y1 as f32);
                    pb.line_to(*x2 as f32, *y2 as f32);
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke { width: 0.5, ..Default::default() }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    let t = super::fixed_timestamp(doc.meta.date.as_deref());
    let date = DateTime::new(t.year() as u16)
        .month(t.month() as u8)
        .day(t.day() as u8)
        .hour(t.hour() as u8)
        .minute(t.minute() as u8)
        .second(t.second() as u8);
    let mut meta = Metadata::new()
        .title(doc.meta.title.clone())
        .language(doc.meta.lang.clone())
        .creator("prikaz".to_owned())
        .creation_date(date);
    if !doc.meta.author.is_empty() {
        meta = meta.authors(vec![doc.meta.author.clone()]);
    }
    pdf.set_metadata(meta);
    pdf.finish().map_err(|e| format!("PDF не собран: {e:?}"))
}
