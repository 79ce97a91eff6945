//! Pictures (logos, emblems): checked to decode, so neither writer meets a file it cannot
//! use. The files are read on the input's side ([`crate::input::pictures`]); this module
//! opens none.

use crate::diag::Diagnostic;

use std::sync::Arc;

use super::{Picture, PictureFormat};

/// Largest image accepted: a logo of 20 MB is a mistake, and each writer keeps a copy.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Where the markup's pictures come from: the reader of the markup asks by `src` and opens
/// no file itself (the input's side reads them: [`crate::input::pictures`]).
pub trait PictureSource {
    /// The picture `<image src>` names, or why there is none, in Russian.
    fn picture(&self, src: &str) -> Result<Arc<Picture>, Diagnostic>;
}

/// Checks that bytes are a PNG or a JPEG that decodes, and reads its size in pixels.
pub fn decode(bytes: Vec<u8>) -> Result<Picture, Diagnostic> {
    let format = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        PictureFormat::Png
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        PictureFormat::Jpeg
    } else {
        return Err(Diagnostic::error("это не PNG и не JPEG: сохраните изображение в одном из этих форматов"));
    };
    let kind = match format {
        PictureFormat::Png => image::ImageFormat::Png,
        PictureFormat::Jpeg => image::ImageFormat::Jpeg,
    };
    // A full decode, not only the header: a truncated file must fail here, not in a writer.
    let img = image::load_from_memory_with_format(&bytes, kind)
        .map_err(|e| Diagnostic::error(format!("изображение повреждено или не поддерживается ({e})")))?;
    let pixels = (img.width(), img.height());
    if pixels.0 == 0 || pixels.1 == 0 {
        return Err(Diagnostic::error("изображение пустое (0 пикселей)"));
    }
    Ok(Picture { bytes, format, pixels })
}

/// The picture as PNG bytes (docx-rs packs PNG only): a PNG as it is, a JPEG re-encoded.
pub fn png_bytes(p: &Picture) -> Result<Vec<u8>, Diagnostic> {
    match p.format {
        PictureFormat::Png => Ok(p.bytes.clone()),
        PictureFormat::Jpeg => {
            let img = image::load_from_memory_with_format(&p.bytes, image::ImageFormat::Jpeg)
                .map_err(|e| Diagnostic::error(format!("изображение не декодируется: {e}")))?;
            let mut out = std::io::Cursor::new(Vec::new());
            img.write_to(&mut out, image::ImageFormat::Png)
                .map_err(|e| Diagnostic::error(format!("PNG не записывается: {e}")))?;
            Ok(out.into_inner())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(format: image::ImageFormat) -> Vec<u8> {
        let img = image::RgbImage::from_fn(30, 20, |x, y| image::Rgb([(x * 8) as u8, (y * 12) as u8, 90]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn png_and_jpeg_decode_with_their_size_and_jpeg_becomes_png_for_the_docx() {
        let png = decode(encoded(image::ImageFormat::Png)).unwrap();
        assert_eq!((png.format, png.pixels), (PictureFormat::Png, (30, 20)));
        assert_eq!(png_bytes(&png).unwrap(), png.bytes, "a PNG is packed as it is");
        let jpeg = decode(encoded(image::ImageFormat::Jpeg)).unwrap();
        assert_eq!((jpeg.format, jpeg.pixels), (PictureFormat::Jpeg, (30, 20)));
        let converted = png_bytes(&jpeg).unwrap();
        assert!(converted.starts_with(b"\x89PNG"));
        assert_eq!(decode(converted).unwrap().pixels, (30, 20));
    }

    #[test]
    fn broken_or_foreign_files_are_refused_in_russian() {
        let mut png = encoded(image::ImageFormat::Png);
        png.truncate(png.len() / 2);
        assert!(decode(png).unwrap_err().message.contains("повреждено"));
        assert!(decode(b"GIF89a....".to_vec()).unwrap_err().message.contains("не PNG и не JPEG"));
    }
}
