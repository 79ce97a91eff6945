//! The file the editor opened: read with a bound, saved atomically through a link to its
//! target, with the version it had before this run's first save kept as `.bak`.

use std::io::Read;
use std::path::{Path, PathBuf};

use prikaz::input::source::{decode_noted, io_reason, MAX_INPUT_BYTES};

/// Why the opened file cannot be used, in Russian.
pub type Refusal = String;

/// Refuses what is not a plain file (a folder, a device such as /dev/zero, a FIFO that
/// would block the reader); a file not made yet is fine (the first save makes it).
pub fn check_openable(path: &Path) -> Result<(), Refusal> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) if meta.is_dir() => {
            Err(format!("{} — папка; укажите файл .json (можно ещё не существующий)", path.display()))
        }
        Ok(_) => Err(format!(
            "{} — не обычный файл (устройство или канал); редактор открывает только файлы .json",
            path.display()
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {}", path.display(), io_reason(&e))),
    }
}

/// The file's bytes (at most the input limit), or `None` when it does not exist yet.
pub fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, Refusal> {
    check_openable(path)?;
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_reason(&e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!("файл больше {} МБ: редактор его не откроет", MAX_INPUT_BYTES >> 20));
    }
    Ok(Some(bytes))
}

/// The opened file as text, with its version.
pub fn read_text(path: &Path, name: &str) -> Result<(String, String), Refusal> {
    let bytes = read_bytes(path)?.unwrap_or_default();
    let version = version_of(&bytes);
    let (source, _) = decode_noted(name.to_owned(), bytes).map_err(|d| d.message)?;
    Ok((source.text, version))
}

/// A version stamp of the bytes: a save must name the version it started from.
pub fn version_of(bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// Where a save writes: through a symbolic link to the file it points at (the link stays a link).
fn target(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The backup's name beside the opened file: `приказ.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(|| "документ.json".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.bak"))
}

/// Saves `text` over the file. `old` is what the file held before this save; when
/// `first` (this run's first save) it becomes the `.bak`, so any number of later saves
/// never lose the version the user started from.
pub fn save(path: &Path, old: Option<&[u8]>, first: bool, text: &str) -> Result<(), Refusal> {
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    if let (Some(old), true) = (old, first) {
        files.push((backup_path(path), old));
    }
    files.push((target(path), text.as_bytes()));
    prikaz::output::write_atomic_all(&files).map_err(|e| e.to_string())
}
