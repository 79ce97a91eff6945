//! Writing output files atomically: a temporary file in the same folder, then a rename, so
//! a failed or killed run never leaves a half-written file or damages an earlier good one.
//! A run killed while writing cannot remove its temporary file; the next run in that
//! folder does (the files are named after the process that wrote them).

use crate::diag::Diagnostic;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tempfile::NamedTempFile;

/// Temporary files are `.prikaz-<pid>-<random>.tmp`.
const TEMP_PREFIX: &str = ".prikaz-";
const TEMP_SUFFIX: &str = ".tmp";

/// A write error in Russian, with what to do where there is something to do.
pub fn os_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // Windows: ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33) — Word holds the file.
    if matches!(e.raw_os_error(), Some(32 | 33)) && cfg!(windows) {
        return "файл занят другой программой — закройте его в Word или в программе просмотра PDF".to_owned();
    }
    match e.kind() {
        K::NotFound => "нет такого файла или папки".to_owned(),
        K::PermissionDenied => {
            "нет прав на запись (файл только для чтения или открыт в другой программе — закройте его)".to_owned()
        }
        K::StorageFull => "на диске нет места".to_owned(),
        K::ReadOnlyFilesystem => "диск доступен только для чтения".to_owned(),
        K::AlreadyExists => "файл уже есть".to_owned(),
        K::IsADirectory => "это папка, а не файл".to_owned(),
        K::NotADirectory => "в пути стоит файл там, где нужна папка".to_owned(),
        K::InvalidFilename => "недопустимое имя файла".to_owned(),
        K::QuotaExceeded => "превышена квота на диске".to_owned(),
        K::FileTooLarge => "файл слишком велик для этого диска".to_owned(),
        _ => match e.raw_os_error() {
            Some(code) => format!("ошибка ввода-вывода (код системы {code})"),
            None => "ошибка ввода-вывода".to_owned(),
        },
    }
}

/// Writes `bytes` to `path` atomically. The error says what failed and where, in Russian.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    write_atomic_all(&[(path.to_path_buf(), bytes)])
}

/// Writes several files so that a write error (a full disk) changes none of them: every
/// file is written to its temporary first, and only then are they renamed into place.
pub fn write_atomic_all(files: &[(PathBuf, &[u8])]) -> Result<(), Diagnostic> {
    let staged = files.iter().map(|(path, bytes)| stage(path, bytes)).collect::<Result<Vec<_>, _>>()?;
    commit_all(staged)
}

/// A file written in full to its temporary (and flushed to disk), not yet in place.
/// Dropped without [`commit_all`], the temporary is removed.
pub struct Staged {
    tmp: NamedTempFile,
    path: PathBuf,
}

/// Writes `bytes` to a temporary beside `path`: the slow part of an atomic write, which a
/// thread can do as soon as its file is ready while another is still being made.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, Diagnostic> {
    Ok(Staged { tmp: write_temporary(path, bytes)?, path: path.to_path_buf() })
}

/// Renames staged files into place.
pub fn commit_all(staged: Vec<Staged>) -> Result<(), Diagnostic> {
    for Staged { tmp, path } in staged {
        tmp.persist(&path).map_err(|e| {
            Diagnostic::error(format!("не удалось сохранить {}: {}", path.display(), os_error(&e.error)))
        })?;
    }
    Ok(())
}

fn write_temporary(path: &Path, bytes: &[u8]) -> Result<NamedTempFile, Diagnostic> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| Diagnostic::error(format!("не удалось создать папку {}: {}", dir.display(), os_error(&e))))?;
    remove_stale_temporaries_once(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| {
            Diagnostic::error(format!("не удалось создать временный файл в {}: {}", dir.display(), os_error(&e)))
        })?;
    // Temporary files are private (0600); the result is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(|e| {
            Diagnostic::error(format!("не удалось задать права файла в {}: {}", dir.display(), os_error(&e)))
        })?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Diagnostic::error(format!("не удалось записать {}: {}", path.display(), os_error(&e))))?;
    Ok(tmp)
}

/// Tidies each folder once per process: a batch writes hundreds of files into one folder,
/// and reading it before every file would make the batch quadratic.
fn remove_stale_temporaries_once(dir: &Path) {
    static CLEANED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    let mut cleaned = CLEANED.lock().unwrap_or_else(|e| e.into_inner());
    if !cleaned.iter().any(|d| d == dir) {
        cleaned.push(dir.to_path_buf());
        remove_stale_temporaries(dir);
    }
}

/// Removes our temporary files in `dir` whose writer no longer runs (killed mid-write).
/// Where the process table cannot be read, or the name has no process id, a file older
/// than a day counts as abandoned. Failures are ignored: this is tidying, not the work.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let proc_fs = Path::new("/proc/self").exists();
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else { continue };
        if !rest.ends_with(TEMP_SUFFIX) {
            continue;
        }
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let stale = match pid {
            Some(pid) if proc_fs => pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists(),
            _ => e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600),
        };
        if stale {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_of_dead_runs_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // A process that has exited: its id is free.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".prikaz-{dead}-abc.tmp"));
        let live = dir.path().join(format!(".prikaz-{}-def.tmp", std::process::id()));
        let other = dir.path().join(".prikaz-notes.txt");
        for p in [&stale, &live, &other] {
            std::fs::write(p, b"x").unwrap();
        }
        write_atomic(&dir.path().join("out.docx"), b"doc").unwrap();
        assert!(!stale.exists() || !Path::new("/proc/self").exists());
        assert!(live.exists() && other.exists());
        assert_eq!(std::fs::read(dir.path().join("out.docx")).unwrap(), b"doc");
    }

    #[test]
    fn a_failed_write_changes_none_of_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.docx");
        std::fs::write(&good, b"old").unwrap();
        // The second file's folder cannot be created (a file stands in its way).
        std::fs::write(dir.path().join("blocked"), b"").unwrap();
        let bad = dir.path().join("blocked").join("b.pdf");
        let err = write_atomic_all(&[(good.clone(), b"new"), (bad, b"pdf")]).unwrap_err();
        assert!(err.message.starts_with("не удалось создать папку"), "{err}");
        assert_eq!(std::fs::read(&good).unwrap(), b"old");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 2, "no temporary file remains: {names:?}");
    }
}
