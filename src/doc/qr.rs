//! The QR code requisite: one module matrix, drawn as squares in the PDF and as a PNG in the
//! DOCX, so both print the same code.

use crate::diag::Diagnostic;

use qrcode::{EcLevel, QrCode};

/// Modules of quiet zone around the code, as the QR standard requires.
pub const QUIET: usize = 4;

/// The dark modules of the code for `text`, row by row, `side` × `side` without the quiet
/// zone. Error correction M: a printed page survives a stain or a fold.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// Modules per side.
    pub side: usize,
    /// `side * side` values, true where dark.
    pub dark: Vec<bool>,
}

/// Encodes `text`; an error (in Russian) when it is too long for any QR code.
pub fn matrix(text: &str) -> Result<Matrix, Diagnostic> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|_| {
        Diagnostic::error(format!(
            "текст QR-кода слишком длинный ({} байт): в QR-код помещается до 2331 байта",
            text.len()
        ))
    })?;
    Ok(Matrix { side: code.width(), dark: code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect() })
}

impl Matrix {
    /// Modules per side with the quiet zone on both sides.
    pub fn total(&self) -> usize {
        self.side + 2 * QUIET
    }

    /// Runs of dark modules per row, as (row, first column, length), quiet zone excluded:
    /// one rectangle per run keeps the PDF small.
    pub fn runs(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for y in 0..self.side {
            let row = &self.dark[y * self.side..(y + 1) * self.side];
            let mut x = 0;
            while x < self.side {
                if row[x] {
                    let start = x;
                    while x < self.side && row[x] {
                        x += 1;
                    }
                    out.push((y, start, x - start));
                } else {
                    x += 1;
                }
            }
        }
        out
    }

    /// A black-and-white PNG, quiet zone included, `scale` pixels per module.
    pub fn png(&self, scale: u32) -> Vec<u8> {
        let px = self.total() as u32 * scale;
        let img = image::GrayImage::from_fn(px, px, |x, y| {
            let (mx, my) = ((x / scale) as usize, (y / scale) as usize);
            let dark = mx >= QUIET
                && my >= QUIET
                && mx < QUIET + self.side
                && my < QUIET + self.side
                && self.dark[(my - QUIET) * self.side + (mx - QUIET)];
            image::Luma([if dark { 0 } else { 255 }])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).expect("an in-memory PNG always encodes");
        out.into_inner()
    }
}
