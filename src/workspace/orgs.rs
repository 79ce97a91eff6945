//! Organisations (schools, the department): a name, and the school list's row for it,
//! which a template's `{{поле}}` placeholders are filled from.

use prikaz::batch::School;
use rusqlite::{params, Connection, OptionalExtension};

use super::{audit, Error, Workspace};

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

/// An organisation as a school of the list, for filling a template: its row (none before a
/// list names it), and its name as `short_name` and `name` where the row has none.
pub(super) fn school(conn: &Connection, org: &Org) -> Result<School, Error> {
    let row: Option<String> = conn.query_row("SELECT school FROM orgs WHERE id = ?1", [org.id], |r| r.get(0))?;
    let mut school = row
        .and_then(|json| serde_json::from_str::<School>(&json).ok())
        .unwrap_or_else(|| School { fields: Default::default(), drop: Vec::new() });
    for key in ["short_name", "name"] {
        school.fields.entry(key.to_owned()).or_insert_with(|| org.name.clone());
    }
    Ok(school)
}

impl Workspace {
    /// Stores the school list's rows: each row's organisation is the one named by its value
    /// in `naming` (made when new), and the row becomes its school.
    pub fn store_school_list(&self, by: i64, rows: &[School], naming: &str) -> Result<(), Error> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            for row in rows {
                let Some(name) = row.fields.get(naming).map(|n| n.trim()).filter(|n| !n.is_empty()) else {
                    continue;
                };
                let id = ensure(&tx, name)?;
                let json =
                    serde_json::to_string(row).map_err(|e| Error::Storage(format!("строка списка школ: {e}")))?;
                tx.execute("UPDATE orgs SET school = ?1 WHERE id = ?2", params![json, id])?;
            }
            audit(&tx, Some(by), "school list", None, &format!("{} строк", rows.len()))?;
            tx.commit()?;
            Ok(())
        })
    }
}
