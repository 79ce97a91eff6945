//! A picture (the бланк's logo) sent from the page: checked to be a PNG or JPEG that
//! decodes, written into the document's folder under a plain name of its own, never
//! over another file.

use std::path::Path;

/// The name under which it was stored and its size in pixels.
pub struct Stored {
    pub name: String,
    pub pixels: (u32, u32),
}

/// A picture that decodes, with the plain names it may be stored under.
pub struct Checked {
    /// Its bytes (a JPEG turned into the PNG documents carry).
    pub bytes: Vec<u8>,
    pub pixels: (u32, u32),
    stem: String,
    extension: &'static str,
}

impl Checked {
    /// Checks `bytes` sent as `name`.
    pub fn new(name: &str, bytes: Vec<u8>) -> Result<Checked, String> {
        let picture = prikaz::doc::picture::decode(bytes).map_err(|e| e.to_string())?;
        let extension = match picture.format {
            prikaz::doc::PictureFormat::Png => "png",
            prikaz::doc::PictureFormat::Jpeg => "jpg",
        };
        Ok(Checked { bytes: picture.bytes, pixels: picture.pixels, stem: plain_stem(name), extension })
    }

    /// The names to try in turn: the same picture sent again is the same file; another one
    /// gets «-2», «-3» …
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        (1..=100).map(|n| {
            if n == 1 {
                format!("{}.{}", self.stem, self.extension)
            } else {
                format!("{}-{n}.{}", self.stem, self.extension)
            }
        })
    }

    /// Why none of [`Checked::names`] was free.
    pub fn no_name_left(&self) -> String {
        format!("у документа уже 100 изображений с именем «{}»: переименуйте файл", self.stem)
    }

    pub fn stored_as(&self, name: String) -> Stored {
        Stored { name, pixels: self.pixels }
    }
}

/// Stores `bytes` sent as `name` in `folder`.
pub fn store(folder: &Path, name: &str, bytes: Vec<u8>) -> Result<Stored, String> {
    let picture = Checked::new(name, bytes)?;
    for candidate in picture.names() {
        let path = folder.join(&candidate);
        match std::fs::read(&path) {
            Ok(existing) if existing == picture.bytes => return Ok(picture.stored_as(candidate)),
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                prikaz::output::write_atomic(&path, &picture.bytes).map_err(|e| e.to_string())?;
                return Ok(picture.stored_as(candidate));
            }
            Err(e) => return Err(format!("папка документа недоступна: {}", prikaz::output::os_error(&e))),
        }
    }
    Err(picture.no_name_left())
}

/// The sent file's name from the `x-file-name` header (percent-encoded).
pub fn sent_name(headers: &axum::http::HeaderMap) -> String {
    headers
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            form_urlencoded::parse(format!("n={v}").as_bytes()).next().map(|(_, n)| n.into_owned()).unwrap_or_default()
        })
        .unwrap_or_default()
}

/// The file's name without folders and extension, with only letters, digits, spaces, «-»
/// and «_» (so it is a plain name on every system); «логотип» when nothing is left.
fn plain_stem(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = last.rsplit_once('.').map_or(last, |(s, _)| s);
    let clean: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | ' ') { c } else { '_' })
        .take(60)
        .collect();
    let clean = clean.trim().trim_matches('_').to_owned();
    if clean.is_empty() {
        "логотип".to_owned()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::plain_stem;

    #[test]
    fn names_are_plain() {
        assert_eq!(plain_stem("C:\\Users\\a\\Герб школы.PNG"), "Герб школы");
        assert_eq!(plain_stem("../../etc/passwd"), "passwd");
        assert_eq!(plain_stem(".."), "логотип");
        assert_eq!(plain_stem("a:b*c?.jpg"), "a_b_c");
    }
}
