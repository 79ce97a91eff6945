//! The database's tables, made or brought up to date when a workspace is opened.

use std::path::Path;

use rusqlite::Connection;

use super::Error;

/// The schema's version (`PRAGMA user_version`); a database from a newer prikaz is refused.
const VERSION: i64 = 1;

const TABLES: &str = "
CREATE TABLE orgs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    -- its row of the school list (JSON: fields and the activities it drops), which
    -- templates are filled from; none until a list names it
    school TEXT
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'methodologist', 'school')),
    org_id INTEGER REFERENCES orgs(id),
    password TEXT NOT NULL,
    created INTEGER NOT NULL,
    -- a removed user cannot log in; the row stays, as the author of its versions
    removed INTEGER NOT NULL DEFAULT 0,
    CHECK (role <> 'school' OR org_id IS NOT NULL)
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf TEXT NOT NULL,
    expires INTEGER NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    org_id INTEGER REFERENCES orgs(id),
    -- a municipal template (a batch file) every user sees and schools start from
    template INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created INTEGER NOT NULL
);
CREATE TABLE versions (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    author INTEGER NOT NULL REFERENCES users(id),
    saved INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    signed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, number)
);
CREATE TABLE pictures (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    name TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (document_id, name)
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id),
    action TEXT NOT NULL,
    document_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_by_org ON documents(org_id);
CREATE INDEX sessions_by_user ON sessions(user_id);
";

/// Creates the tables in a new database; refuses one of a newer schema or another program.
pub fn migrate(conn: &mut Connection, db: &Path) -> Result<(), Error> {
    let version: i64 =
        conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| Error::storage_at(db, &e))?;
    match version {
        0 => {
            let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(Error::Invalid(format!(
                    "{} — база другой программы, не рабочая папка prikaz; укажите пустую папку",
                    db.display()
                )));
            }
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
            tx.execute_batch(TABLES)?;
            tx.pragma_update(None, "user_version", VERSION)?;
            tx.commit()?;
            Ok(())
        }
        VERSION => Ok(()),
        newer => Err(Error::Invalid(format!(
            "{} создана более новой версией prikaz (схема {newer}, эта программа знает {VERSION}); обновите prikaz",
            db.display()
        ))),
    }
}
