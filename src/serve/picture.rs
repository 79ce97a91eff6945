//! A picture (the бланк's logo) sent from the page: checked to be a PNG or JPEG that
//! decodes, written into the document's folder under a plain name of its own, never
//! over another file.

use std::path::Path;

/// The name under which it was stored and its size in pixels.
pub struct Stored {
    pub name: String,
    pub pixels: (u32, u32),
}

/// Stores `bytes` sent as `name` in `folder`.
pub fn store(folder: &Path, name: &str, bytes: Vec<u8>) -> Result<Stored, String> {
    store_with(name, bytes, |candidate, data| {
        let path = folder.join(candidate);
        match std::fs::read(&path) {
            Ok(existing) => Ok(existing == data),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                prikaz::output::write_atomic(&path, data).map_err(|e| e.to_string())?;
                Ok(true)
            }
            Err(e) => Err(format!("папка документа недоступна: {}", prikaz::output::os_error(&e))),
        }
    })
}

/// Checks the picture and offers it to `place` under a plain name of its own: `place`
/// stores it and answers `true`, or answers `false` when another picture has that name.
pub fn store_with(
    name: &str,
    bytes: Vec<u8>,
    mut place: impl FnMut(&str, &[u8]) -> Result<bool, String>,
) -> Result<Stored, String> {
    let picture = prikaz::doc::picture::decode(bytes).map_err(|e| e.to_string())?;
    let extension = match picture.format {
        prikaz::doc::PictureFormat::Png => "png",
        prikaz::doc::PictureFormat::Jpeg => "jpg",
    };
    let stem = plain_stem(name);
    // The same picture sent again is the same file; another one gets «-2», «-3» …
    for n in 1..=100 {
        let candidate = if n == 1 { format!("{stem}.{extension}") } else { format!("{stem}-{n}.{extension}") };
        if place(&candidate, &picture.bytes)? {
            return Ok(Stored { name: candidate, pixels: picture.pixels });
        }
    }
    Err(format!("у документа уже 100 изображений с именем «{stem}»: переименуйте файл"))
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
