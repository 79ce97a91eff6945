//! Reading an input file into trusted text: bounded size, UTF-8, no BOM.

use std::io::Read;
use std::path::Path;

use crate::diag::{Diagnostic, Location};

/// The largest input accepted. A 5,000-row roadmap is about 3 MB; anything far larger is
/// not an order but a mistake (a log, a dump), and reading it would only waste memory.
pub const MAX_INPUT_BYTES: u64 = 20 * 1024 * 1024;

/// An input's text and the name to show in messages.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file name as the user gave it.
    pub name: String,
    /// The text, without a byte order mark.
    pub text: String,
}

/// Reads a file, refusing what is too large, in UTF-16 or empty; text that is not UTF-8 is
/// read as Windows-1251 (see [`read_source_noted`] to learn so).
pub fn read_source(path: &Path) -> Result<Source, Diagnostic> {
    read_source_noted(path).map(|(s, _)| s)
}

/// Reads a file as [`read_source`] does, and names the encoding when it was not UTF-8.
pub fn read_source_noted(path: &Path) -> Result<(Source, Option<&'static str>), Diagnostic> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| {
        Diagnostic::error(format!("не удалось открыть файл: {}", io_reason(&e)))
            .hint("проверьте путь к файлу и права на чтение")
    })?;
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(Diagnostic::error("это папка, а не файл").hint("укажите путь к файлу .json"));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(too_large(meta.len()));
        }
    }
    let mut bytes = Vec::new();
    // Read one byte past the limit, so a file that grows (or a pipe) is still bounded.
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::error(format!("не удалось прочитать файл: {}", io_reason(&e))))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    decode_noted(name, bytes)
}

/// Turns bytes into a [`Source`]: strips a UTF-8 BOM, reads text that is not UTF-8 as
/// Windows-1251, rejects UTF-16 and empty input.
pub fn decode(name: String, bytes: Vec<u8>) -> Result<Source, Diagnostic> {
    decode_noted(name, bytes).map(|(s, _)| s)
}

/// A document of another program given where text is expected (an input or a CSV), told
/// by its first bytes, with what to do: never decoded as Windows-1251 text.
fn not_text(bytes: &[u8]) -> Option<Diagnostic> {
    const SAVE_AS: &str =
        "откройте исходный документ в Word или LibreOffice и сохраните как .docx (таблицу — как .xlsx), \
                           затем prikaz import";
    let (what, hint) = if bytes.starts_with(b"%PDF-") {
        (
            "это PDF, а не текст: из PDF документ не восстановить",
            "возьмите исходный документ Word; если есть только PDF, откройте его в Word или LibreOffice, \
             сохраните как .docx и выполните prikaz import",
        )
    } else if bytes.starts_with(b"{\\rtf") {
        ("это документ RTF, а не текст", SAVE_AS)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        ("это документ Word (.doc) или книга Excel (.xls) старого формата, а не текст", SAVE_AS)
    } else if bytes.starts_with(b"PK\x03\x04") {
        (
            "это архив — документ Word, книга Excel или файл LibreOffice, а не текст",
            "если это .docx, .xlsx или .ods, дайте prikaz import файл с этим расширением; .odt сохраните как .docx",
        )
    } else {
        return None;
    };
    Some(Diagnostic::error(what).hint(hint))
}

/// [`decode`], naming the encoding when it was not UTF-8. Windows-1251 is what Excel saves
/// a CSV in and Notepad used to write on Russian Windows; a UTF-8 file with a piece in
/// another encoding is refused at the piece.
pub fn decode_noted(name: String, mut bytes: Vec<u8>) -> Result<(Source, Option<&'static str>), Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if let Some(refusal) = not_text(&bytes) {
        return Err(refusal);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error("файл записан в кодировке UTF-16, а нужна UTF-8")
            .hint("пересохраните файл в UTF-8 (в Блокноте: «Сохранить как» → кодировка UTF-8)"));
    }
    let (text, encoding) = match String::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // More letters in UTF-8 than bytes that are not means a UTF-8 file with a piece in
            // another encoding pasted in: read as Windows-1251 it would all turn to
            // «РџСЂРёРєР°Р·». (Windows-1251 text makes a valid UTF-8 pair now and then, «Ш»,
            // «»» for one, but far fewer than its bytes that are not UTF-8.)
            let (mut utf8_letters, mut foreign) = (0usize, 0usize);
            for c in bytes.utf8_chunks() {
                utf8_letters += c.valid().chars().filter(|ch| !ch.is_ascii()).count();
                foreign += c.invalid().len();
            }
            if utf8_letters > foreign {
                let valid = String::from_utf8_lossy(&bytes[..at]).into_owned();
                let loc = Location::of_span(&valid, at..at);
                return Err(Diagnostic::error(format!(
                    "файл в UTF-8, но байт 0x{:02X} в строке {}, столбце {} — в другой кодировке",
                    bytes[at], loc.line, loc.column
                ))
                .hint("часть текста вставлена из файла в Windows-1251? Пересохраните файл целиком в UTF-8"));
            }
            // Every byte has a meaning in Windows-1251 (as the WHATWG table reads it).
            let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(&bytes);
            (text.into_owned(), Some("Windows-1251"))
        }
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::error("файл пуст")
            .hint("начните с примера: prikaz init ПАПКА, или скопируйте файл из samples/"));
    }
    Ok((Source { name, text }, encoding))
}

fn too_large(len: u64) -> Diagnostic {
    Diagnostic::error(format!(
        "файл слишком большой: {:.1} МБ при пределе {} МБ",
        len as f64 / 1_048_576.0,
        MAX_INPUT_BYTES / 1_048_576
    ))
    .hint("это не похоже на описание приказа; проверьте, тот ли файл указан")
}

/// An OS error reading a file, in Russian.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "файл не найден".to_owned(),
        std::io::ErrorKind::PermissionDenied => "нет прав на чтение".to_owned(),
        std::io::ErrorKind::IsADirectory => "это папка, а не файл".to_owned(),
        _ => crate::output::os_error(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_of_other_programs_are_refused_with_advice() {
        for (bytes, words) in [
            (&b"%PDF-1.7\n%\xe2\xe3"[..], "PDF"),
            (b"{\\rtf1\\ansi x}", "RTF"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", ".doc"),
            (b"PK\x03\x04\x14\0", "архив"),
        ] {
            let d = decode("x".into(), bytes.to_vec()).unwrap_err();
            assert!(d.message.contains(words), "{}", d.message);
            assert!(d.hint.as_deref().unwrap_or("").contains("docx"), "{:?}", d.hint);
        }
        assert!(decode("x".into(), b"%PDF in a CSV cell is text, not a PDF".to_vec()).is_ok());
    }

    #[test]
    fn bom_is_stripped() {
        let s = decode("x".into(), b"\xEF\xBB\xBF{}".to_vec()).unwrap();
        assert_eq!(s.text, "{}");
    }

    #[test]
    fn windows_1251_is_read_and_named() {
        let (s, enc) = decode_noted("x".into(), b"{\n \"a\": \"\xCF\xF0\"}".to_vec()).unwrap();
        assert_eq!(s.text, "{\n \"a\": \"Пр\"}");
        assert_eq!(enc, Some("Windows-1251"));
        // «СОШ»» in Windows-1251 holds a valid UTF-8 pair (Ш, »): still Windows-1251.
        let (s, _) = decode_noted("x".into(), b"\"\xCC\xC1\xCE\xD3 \xAB\xD1\xCE\xD8\xBB\"".to_vec()).unwrap();
        assert_eq!(s.text, "\"МБОУ «СОШ»\"");
        let (_, enc) = decode_noted("x".into(), "{\"a\": \"Пр\"}".as_bytes().to_vec()).unwrap();
        assert_eq!(enc, None);
        // UTF-8 with a piece of Windows-1251 in it is refused, at the piece.
        let err = decode("x".into(), "{\"a\": \"Пр\", \"b\": \"".bytes().chain(*b"\xCF\"}").collect()).unwrap_err();
        assert!(err.message.contains("0xCF в строке 1"), "{}", err.message);
    }

    #[test]
    fn empty_and_utf16_are_refused() {
        assert!(decode("x".into(), b"  \n".to_vec()).unwrap_err().message.contains("пуст"));
        assert!(decode("x".into(), b"\xFF\xFE{\x00".to_vec()).unwrap_err().message.contains("UTF-16"));
    }
}
