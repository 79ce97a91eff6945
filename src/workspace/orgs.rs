//! Organisations (schools, the department): a name, and the school list's row for it,
//! which a template's `{{поле}}` placeholders are filled from.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::{now, Error, Workspace};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub id: i64,
    pub name: String,
}

/// The organisation of this name, made when new.
pub(super) fn ensure(conn: &Connection, name: &str) -> Result<i64, Error> {
    if let Some(id) = conn.query_row("SELECT id FROM orgs WHERE name = ?1", [name], |r| r.get(0)).optional()? {
        return Ok(id);
    }
    conn.execute("INSERT INTO orgs (name) VALUES (?1)", [name])?;
    Ok(conn.last_insert_rowid())
}

/// An organisation's fields for filling a template: its school list row, and its name as
/// `short_name` and `name` where the row has none.
pub(super) fn fields(conn: &Connection, org: &Org) -> Result<BTreeMap<String, String>, Error> {
    let text: String = conn.query_row("SELECT fields FROM orgs WHERE id = ?1", [org.id], |r| r.get(0))?;
    let mut fields: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_default();
    for key in ["short_name", "name"] {
        fields.entry(key.to_owned()).or_insert_with(|| org.name.clone());
    }
    Ok(fields)
}

/// What storing a school list did.
#[derive(Debug, Default)]
pub struct Stored {
    /// Organisations made by the list.
    pub added: Vec<String>,
    /// Organisations whose fields the list replaced.
    pub updated: Vec<String>,
}

impl Workspace {
    /// Stores the school list's rows: each row's organisation is the one named by its value
    /// in `naming` (made when new), and the row becomes its fields.
    pub fn store_school_list(&self, by: i64, rows: &[BTreeMap<String, String>], naming: &str) -> Result<Stored, Error> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut stored = Stored::default();
            for row in rows {
                let Some(name) = row.get(naming).map(|n| n.trim()).filter(|n| !n.is_empty()) else { continue };
                let known =
                    tx.query_row("SELECT 1 FROM orgs WHERE name = ?1", [name], |_| Ok(())).optional()?.is_some();
                let id = ensure(&tx, name)?;
                let text = serde_json::to_string(row).unwrap_or_else(|_| "{}".into());
                tx.execute("UPDATE orgs SET fields = ?1 WHERE id = ?2", params![text, id])?;
                if known { &mut stored.updated } else { &mut stored.added }.push(name.to_owned());
            }
            tx.execute(
                "INSERT INTO audit (at, user_id, action, detail) VALUES (?1, ?2, 'school list', ?3)",
                params![now(), by, format!("{} строк", rows.len())],
            )?;
            tx.commit()?;
            Ok(stored)
        })
    }
}
