//! Writing output files atomically: a temporary file in the same folder, then a rename, so
//! a failed or killed run never leaves a half-written file or damages an earlier good one.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically. The error says what failed and where, in Russian.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("не удалось создать папку {}: {e}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".prikaz-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("не удалось создать временный файл в {}: {e}", dir.display()))?;
    // Temporary files are private (0600); the result is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(|e| format!("не удалось задать права файла в {}: {e}", dir.display()))?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("не удалось записать {}: {e}", path.display()))?;
    tmp.persist(path).map_err(|e| format!("не удалось сохранить {}: {}", path.display(), e.error))?;
    Ok(())
}
