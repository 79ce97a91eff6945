//! A consistent copy of a workspace while its server runs, and a workspace made from one.
//!
//! The copy is SQLite's `VACUUM INTO`: one read transaction, so it holds every version
//! committed before it began and nothing half-written, and saves go on meanwhile (WAL).
//! The pictures are in the database, so the one file is the whole workspace.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{Error, Workspace, DATABASE};

impl Workspace {
    /// Writes the copy to `file` (through a temporary file beside it, so a failed copy
    /// leaves no half file); an existing file is refused.
    pub fn backup(&self, file: &Path) -> Result<(), Error> {
        if file.exists() {
            return Err(Error::Invalid(format!("{} уже есть: укажите новое имя файла копии", file.display())));
        }
        let folder = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".prikaz-backup-")
            .tempfile_in(&folder)
            .map_err(|e| Error::Storage(format!("{}: {}", folder.display(), prikaz::output::os_error(&e))))?;
        let temp_path = temp.path().to_path_buf();
        // VACUUM INTO wants no file there.
        drop(temp);
        let copied = self.with(|c| {
            c.execute("VACUUM INTO ?1", [temp_path.to_string_lossy()])?;
            Ok(())
        });
        if let Err(e) = copied {
            let _ = std::fs::remove_file(&temp_path);
            return Err(e);
        }
        check_copy(&temp_path)
            .and_then(|()| {
                std::fs::rename(&temp_path, file)
                    .map_err(|e| Error::Storage(format!("{}: {}", file.display(), prikaz::output::os_error(&e))))
            })
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&temp_path);
            })
    }

    /// Makes a workspace in `folder` (new or empty of a database) from a copy made by
    /// [`Workspace::backup`], after checking the copy.
    pub fn restore_from(file: &Path, folder: &Path) -> Result<Workspace, Error> {
        if !file.is_file() {
            return Err(Error::Invalid(format!("{}: файла копии нет", file.display())));
        }
        check_copy(file)?;
        let db = folder.join(DATABASE);
        if db.exists() {
            return Err(Error::Invalid(format!(
                "в {} уже есть рабочая база: восстанавливайте в новую папку (или остановите сервер и \
                 переименуйте старую базу)",
                folder.display()
            )));
        }
        super::make_private_folder(folder)?;
        let source = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| Error::storage_at(file, &e))?;
        source.execute("VACUUM INTO ?1", [db.to_string_lossy()]).map_err(|e| Error::storage_at(&db, &e))?;
        drop(source);
        let ws = Workspace::open(folder, false)?;
        ws.check()?;
        Ok(ws)
    }
}

/// The copy opens, is whole, and is a workspace.
fn check_copy(file: &Path) -> Result<(), Error> {
    let c =
        Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| Error::storage_at(file, &e))?;
    let whole: String =
        c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| Error::storage_at(file, &e))?;
    if whole != "ok" {
        return Err(Error::Storage(format!("{}: копия повреждена ({whole})", file.display())));
    }
    let users: Result<i64, _> = c.query_row("SELECT count(*) FROM users", [], |r| r.get(0));
    if users.is_err() {
        return Err(Error::Invalid(format!("{}: это не копия рабочей папки prikaz", file.display())));
    }
    Ok(())
}
