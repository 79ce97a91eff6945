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

/// Reads a file, refusing what is too large, not UTF-8 or empty.
pub fn read_source(path: &Path) -> Result<Source, Diagnostic> {
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
    decode(name, bytes)
}

/// Turns bytes into a [`Source`]: strips a UTF-8 BOM, rejects other encodings and empty input.
pub fn decode(name: String, mut bytes: Vec<u8>) -> Result<Source, Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error("файл записан в кодировке UTF-16, а нужна UTF-8")
            .hint("пересохраните файл в UTF-8 (в Блокноте: «Сохранить как» → кодировка UTF-8)"));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            let loc = Location::of_span(&valid, at..at);
            return Err(Diagnostic::error(format!(
                "файл не в кодировке UTF-8: недопустимый байт 0x{:02X} в строке {}, столбце {}",
                e.as_bytes()[at],
                loc.line,
                loc.column
            ))
            .hint("пересохраните файл в UTF-8; кодировка Windows-1251 не поддерживается"));
        }
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::error("файл пуст")
            .hint("начните с примера: prikaz init ПАПКА, или скопируйте файл из samples/"));
    }
    Ok(Source { name, text })
}

fn too_large(len: u64) -> Diagnostic {
    Diagnostic::error(format!(
        "файл слишком большой: {:.1} МБ при пределе {} МБ",
        len as f64 / 1_048_576.0,
        MAX_INPUT_BYTES / 1_048_576
    ))
    .hint("это не похоже на описание приказа; проверьте, тот ли файл указан")
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "файл не найден".to_owned(),
        std::io::ErrorKind::PermissionDenied => "нет прав на чтение".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped() {
        let s = decode("x".into(), b"\xEF\xBB\xBF{}".to_vec()).unwrap();
        assert_eq!(s.text, "{}");
    }

    #[test]
    fn windows_1251_is_refused_with_position() {
        let err = decode("x".into(), b"{\n \"a\": \"\xCF\xF0\"}".to_vec()).unwrap_err();
        assert!(err.message.contains("0xCF в строке 2, столбце 8"), "{}", err.message);
    }

    #[test]
    fn empty_and_utf16_are_refused() {
        assert!(decode("x".into(), b"  \n".to_vec()).unwrap_err().message.contains("пуст"));
        assert!(decode("x".into(), b"\xFF\xFE{\x00".to_vec()).unwrap_err().message.contains("UTF-16"));
    }
}
