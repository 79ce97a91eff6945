//! What the workspace answers instead of a result: each kind is one HTTP status and one
//! exit of a command, and every message is Russian and says what to do.

use std::fmt;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The user may see this but not do that (403).
    Forbidden(String),
    /// No such thing, or not one this user may see (404): the two are not told apart,
    /// so a school cannot learn which numbers the others' documents have.
    NotFound(String),
    /// Saved by someone else since (409), with the version now current.
    Conflict { message: String, current: i64 },
    /// Too many tries (429), with the seconds to wait.
    TooMany { message: String, wait: u64 },
    /// The request cannot be done as asked (422): a bad login name, a short password…
    Invalid(String),
    /// The database or the disk failed (500).
    Storage(String),
}

impl Error {
    /// A database that cannot be opened, named by its file.
    pub fn storage_at(db: &Path, e: &rusqlite::Error) -> Error {
        Error::Storage(format!("{}: {}", db.display(), sqlite_reason(e)))
    }

    /// The message alone.
    pub fn message(&self) -> &str {
        match self {
            Error::Forbidden(m)
            | Error::NotFound(m)
            | Error::Invalid(m)
            | Error::Storage(m)
            | Error::Conflict { message: m, .. }
            | Error::TooMany { message: m, .. } => m,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Storage(format!("ошибка базы данных: {}", sqlite_reason(&e)))
    }
}

/// What SQLite said, in Russian where it is something the user can act on.
fn sqlite_reason(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            "база занята другой программой слишком долго; повторите через минуту".to_owned()
        }
        Some(C::ReadOnly) => "база открыта только для чтения: у программы нет права записи в рабочую папку".to_owned(),
        Some(C::CannotOpen) => "базу не удалось открыть: нет папки или нет прав на неё".to_owned(),
        Some(C::DiskFull) => "диск заполнен: освободите место".to_owned(),
        Some(C::NotADatabase) => "файл не является базой prikaz (или повреждён)".to_owned(),
        Some(C::DatabaseCorrupt) => "база повреждена; восстановите её из резервной копии".to_owned(),
        Some(C::SystemIoFailure) => "ошибка чтения или записи диска".to_owned(),
        _ => format!("SQLite: {e}"),
    }
}
