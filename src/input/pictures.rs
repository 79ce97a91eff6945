//! The pictures a document prints (its logo), read with the input: each file is read and
//! decoded once, here, and the markup reader takes it by the path the templates give
//! (`logo.path`). A picture a template names on its own (an emblem of a custom template)
//! is read when the markup asks for it — still here, on the input's side.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::diag::Diagnostic;
use crate::doc::picture::{decode, PictureSource, MAX_BYTES};
use crate::doc::Picture;

/// Pictures read with the input, by the path the templates see; for a document from a
/// browser, the folder every other picture must lie in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pictures {
    read: BTreeMap<String, Arc<Picture>>,
    within: Option<std::path::PathBuf>,
}

impl Pictures {
    /// Keeps a picture read for `path`.
    pub fn insert(&mut self, path: String, picture: Picture) {
        self.read.insert(path, Arc::new(picture));
    }

    /// The picture read for `path`.
    pub fn get(&self, path: &str) -> Option<Arc<Picture>> {
        self.read.get(path).cloned()
    }

    /// Any other picture (a template's own) must lie inside `folder`.
    pub fn confine_to(&mut self, folder: &Path) {
        self.within = Some(folder.to_path_buf());
    }
}

impl PictureSource for Pictures {
    /// The input's picture, or the file a template names, read now.
    fn picture(&self, src: &str) -> Result<Arc<Picture>, Diagnostic> {
        if let Some(p) = self.get(src) {
            return Ok(p);
        }
        if let Some(root) = &self.within {
            let inside = match (std::fs::canonicalize(src), std::fs::canonicalize(root)) {
                (Ok(real), Ok(root)) => real.starts_with(root),
                _ => false,
            };
            if !inside {
                return Err(Diagnostic::error(format!(
                    "изображение «{src}» лежит вне папки документа — такие файлы не читаются"
                )));
            }
        }
        read(Path::new(src)).map(Arc::new)
    }
}

/// Reads a PNG or JPEG file; the error says, in Russian, what is wrong and what to do.
pub fn read(path: &Path) -> Result<Picture, Diagnostic> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::error(match e.kind() {
            std::io::ErrorKind::NotFound => format!("файла изображения «{shown}» нет"),
            std::io::ErrorKind::PermissionDenied => format!("нет прав на чтение файла изображения «{shown}»"),
            _ => format!("файл изображения «{shown}» не читается: {e}"),
        })
    })?;
    if !meta.is_file() {
        return Err(Diagnostic::error(format!("«{shown}» — не файл, а папка")));
    }
    if meta.len() > MAX_BYTES {
        return Err(Diagnostic::error(format!("файл изображения «{shown}» больше 20 МБ: уменьшите его")));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Diagnostic::error(format!("файл изображения «{shown}» не читается: {e}")))?;
    decode(bytes).map_err(|why| Diagnostic::error(format!("«{shown}»: {why}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_named_in_russian() {
        let e = read(Path::new("/нет/такого/файла.png")).unwrap_err();
        assert!(e.message.contains("нет"), "{e}");
    }

    #[test]
    fn a_picture_read_with_the_input_is_not_read_again() {
        let mut known = Pictures::default();
        let png = {
            let img = image::RgbImage::new(3, 2);
            let mut out = std::io::Cursor::new(Vec::new());
            img.write_to(&mut out, image::ImageFormat::Png).unwrap();
            decode(out.into_inner()).unwrap()
        };
        known.insert("/нигде/logo.png".into(), png);
        // No such file: the picture comes from what the input read.
        assert_eq!(known.picture("/нигде/logo.png").unwrap().pixels, (3, 2));
        assert!(known.picture("/нигде/other.png").is_err());
    }

    #[test]
    fn a_confined_document_reads_no_picture_outside_its_folder() {
        let dir = std::env::temp_dir().join(format!("prikaz-pictures-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut known = Pictures::default();
        known.confine_to(&dir);
        let e = known.picture("/etc/hostname").unwrap_err();
        assert!(e.message.contains("вне папки документа"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
