//! The bundled fonts (Liberation Serif, SIL OFL 1.1, see `fonts/README.md`): compiled into
//! the binary so output never depends on what a machine has installed.

use crate::diag::Diagnostic;

pub mod dehint;

/// Family name of the bundled faces.
pub const BUNDLED_FAMILY: &str = "Liberation Serif";

/// One face of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Regular.
    Regular,
    /// Bold.
    Bold,
    /// Italic.
    Italic,
    /// Bold italic.
    BoldItalic,
}

impl Face {
    /// All faces in the order DOCX lists them (embedRegular, embedBold, embedItalic, embedBoldItalic).
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];
}

/// The bytes of a bundled face.
pub fn bundled(face: Face) -> &'static [u8] {
    match face {
        Face::Regular => include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
        Face::Bold => include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
        Face::Italic => include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
        Face::BoldItalic => include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
    }
}

/// The four faces used for a document: the bundled ones, or a user's from `--font-dir`.
#[derive(Debug, Clone)]
pub struct FontBook {
    /// Family name, as the DOCX names it.
    pub family: String,
    /// Font file bytes: regular, bold, italic, bold italic.
    pub faces: [&'static [u8]; 4],
}

impl FontBook {
    /// The bundled Liberation Serif.
    pub fn bundled() -> Self {
        FontBook { family: BUNDLED_FAMILY.to_owned(), faces: Face::ALL.map(bundled) }
    }

    /// Faces from a folder of `.ttf`/`.otf` files, chosen by their names («…Regular»,
    /// «…Bold», «…Italic», «…BoldItalic»); a face that is absent falls back to the
    /// regular one. The files are read once and kept for the life of the process.
    pub fn from_dir(dir: &std::path::Path) -> Result<Self, Diagnostic> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Diagnostic::error(format!("не удалось открыть папку шрифтов {}: {e}", dir.display())))?;
        let mut found: [Option<std::path::PathBuf>; 4] = [None, None, None, None];
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_lowercase();
            if !(name.ends_with(".ttf") || name.ends_with(".otf")) {
                continue;
            }
            let bold = name.contains("bold");
            let italic = name.contains("italic") || name.contains("oblique");
            let slot = match (bold, italic) {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            // Prefer the shortest name in a slot («Times-Regular» over «Times-Regular-Condensed»).
            let better = found[slot].as_ref().is_none_or(|p| p.as_os_str().len() > e.path().as_os_str().len());
            if better {
                found[slot] = Some(e.path());
            }
        }
        let regular = found[0].clone().ok_or_else(|| {
            Diagnostic::error(format!("в папке {} нет обычного начертания (файл …Regular.ttf)", dir.display()))
        })?;
        let load = |p: &std::path::Path| -> Result<&'static [u8], Diagnostic> {
            let bytes = std::fs::read(p).map_err(|e| Diagnostic::error(format!("шрифт {}: {e}", p.display())))?;
            if rustybuzz::Face::from_slice(&bytes, 0).is_none() {
                return Err(Diagnostic::error(format!("шрифт {} не читается как TrueType/OpenType", p.display())));
            }
            // Kept for the process: the shaper borrows the bytes for its whole life.
            Ok(Box::leak(bytes.into_boxed_slice()))
        };
        let reg = load(&regular)?;
        let mut faces = [reg; 4];
        for (slot, path) in found.iter().enumerate().skip(1) {
            if let Some(p) = path {
                faces[slot] = load(p)?;
            }
        }
        let family = family_name(reg)
            .unwrap_or_else(|| regular.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
        Ok(FontBook { family, faces })
    }
}

/// The family name from a font's name table.
fn family_name(data: &[u8]) -> Option<String> {
    let face = rustybuzz::ttf_parser::Face::parse(data, 0).ok()?;
    let names = face.names();
    let pick = |id: u16| names.into_iter().filter(|n| n.name_id == id && n.is_unicode()).find_map(|n| n.to_string());
    pick(rustybuzz::ttf_parser::name_id::TYPOGRAPHIC_FAMILY).or_else(|| pick(rustybuzz::ttf_parser::name_id::FAMILY))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_family_is_named_from_its_name_table() {
        assert_eq!(family_name(bundled(Face::Regular)).as_deref(), Some("Liberation Serif"));
    }

    #[test]
    fn a_font_folder_is_read_by_face_names() {
        let dir = std::env::temp_dir().join(format!("prikaz-fonts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("MySerif-Regular.ttf"), bundled(Face::Regular)).unwrap();
        std::fs::write(dir.join("MySerif-Bold.ttf"), bundled(Face::Bold)).unwrap();
        let book = FontBook::from_dir(&dir).unwrap();
        assert_eq!(book.family, "Liberation Serif");
        assert_eq!(book.faces[1].len(), bundled(Face::Bold).len());
        assert_eq!(book.faces[2].len(), bundled(Face::Regular).len(), "italic falls back to regular");
        std::fs::remove_file(dir.join("MySerif-Regular.ttf")).unwrap();
        assert!(FontBook::from_dir(&dir).unwrap_err().message.contains("Regular"));
        std::fs::remove_dir_all(&dir).ok();
    }
}
