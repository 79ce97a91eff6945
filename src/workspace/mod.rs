//! A department's shared workspace: one folder holding one SQLite database
//! (`prikaz.sqlite`, WAL mode) with the users, their sessions, the organisations, every
//! document with every version of it, the documents' pictures and the audit log; and a
//! `cache/` of the pictures as files, rebuilt from the database whenever it is missing.
//!
//! `prikaz serve --workspace` serves it to many users ([`crate::serve::team`]); `prikaz
//! users` manages its accounts and `prikaz backup` copies it while the server runs. Every
//! access decision is made here, by the user's role and organisation
//! ([`documents`]): the HTTP layer only turns the answers into statuses.

pub mod accounts;
pub mod backup;
pub mod documents;
mod error;
pub mod orgs;
mod schema;
pub mod sessions;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use error::Error;

/// The database's file name inside the workspace folder.
pub const DATABASE: &str = "prikaz.sqlite";

/// How long a writer waits for another one before giving up (saves are short).
const BUSY_WAIT: Duration = Duration::from_secs(20);

/// An opened workspace: its folder and a few idle connections to reuse.
pub struct Workspace {
    folder: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

/// Seconds since 1970, the workspace's clock.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Writes a line of the audit log: who (none from the command line), what, to which
/// document, with what detail.
fn audit(c: &Connection, by: Option<i64>, action: &str, doc: Option<i64>, detail: &str) -> Result<(), Error> {
    c.execute(
        "INSERT INTO audit (at, user_id, action, document_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![now(), by, action, doc, detail],
    )?;
    Ok(())
}

/// A moment as the API and the command line show it: `2026-12-08T09:30:00Z`.
pub fn iso(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map_or_else(String::new, |t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

impl Workspace {
    /// Opens the workspace in `folder`. With `create`, a missing folder and database are
    /// made (the first `users add`); without it, a folder with no database is refused with
    /// the command that makes one.
    pub fn open(folder: &Path, create: bool) -> Result<Workspace, Error> {
        let db = folder.join(DATABASE);
        if !db.exists() {
            if !create {
                return Err(Error::Invalid(format!(
                    "в папке {} нет рабочей базы ({DATABASE}); создайте её вместе с первым администратором: \
                     prikaz users add admin --name \"Администратор\" --role admin --workspace {}",
                    folder.display(),
                    folder.display()
                )));
            }
            make_private_folder(folder)?;
        } else if !folder.is_dir() {
            return Err(Error::Invalid(format!("{} — не папка", folder.display())));
        }
        let ws = Workspace { folder: folder.to_path_buf(), idle: Mutex::new(Vec::new()) };
        ws.with(|c| schema::migrate(c, &db))?;
        Ok(ws)
    }

    /// The workspace folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The database file.
    pub fn database(&self) -> PathBuf {
        self.folder.join(DATABASE)
    }

    /// Runs `work` on a connection of this workspace (an idle one, or a new one).
    pub fn with<T>(&self, work: impl FnOnce(&mut Connection) -> Result<T, Error>) -> Result<T, Error> {
        let taken = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut conn = match taken {
            Some(c) => c,
            None => connect(&self.database())?,
        };
        let result = work(&mut conn);
        // A connection left inside a transaction by a failure is not reused.
        if conn.is_autocommit() {
            if let Ok(mut idle) = self.idle.lock() {
                if idle.len() < 8 {
                    idle.push(conn);
                }
            }
        }
        result
    }

    /// Checks the database's pages and indexes (`PRAGMA quick_check`): at the server's start.
    pub fn check(&self) -> Result<(), Error> {
        self.with(|c| {
            let answer: String = c.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
            if answer == "ok" {
                Ok(())
            } else {
                Err(Error::Storage(format!(
                    "база {} повреждена ({answer}); восстановите её из резервной копии: prikaz restore",
                    self.database().display()
                )))
            }
        })
    }
}

/// A connection with the workspace's settings: WAL (readers never wait for a writer),
/// every commit synced to disk (a save the user was told about survives a power cut),
/// foreign keys enforced, and a wait instead of an error when another writer is busy.
fn connect(db: &Path) -> Result<Connection, Error> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(db, flags).map_err(|e| Error::storage_at(db, &e))?;
    conn.busy_timeout(BUSY_WAIT)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Storage(format!(
            "{}: база не перешла в режим WAL (файловая система его не поддерживает?); \
             положите рабочую папку на локальный диск",
            db.display()
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// Makes the folder, readable only by its owner where the system has such rights: the
/// database holds password hashes and every document.
fn make_private_folder(folder: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(folder)
        .map_err(|e| Error::Storage(format!("{}: {}", folder.display(), prikaz::output::os_error(&e))))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| Error::Storage(format!("{}: {}", folder.display(), prikaz::output::os_error(&e))))?;
    }
    Ok(())
}
