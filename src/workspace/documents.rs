//! Documents and their versions, with who may do what to them.
//!
//! - A school sees its organisation's documents and the published templates; it edits
//!   only its own documents.
//! - A methodologist and an administrator see and edit every document, and publish
//!   templates.
//!
//! A document another organisation owns answers «нет» exactly as a number that does not
//! exist: a school learns nothing of the others' documents. Every save is a new version;
//! nothing is ever overwritten.

use prikaz::batch::{BatchFile, School};
use rusqlite::{params, Connection, OptionalExtension};

use super::accounts::User;
use super::{audit, now, orgs, Error, Workspace};

/// A document as the list shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub id: i64,
    pub title: String,
    /// The owning organisation's name.
    pub org: Option<String>,
    pub template: bool,
    /// The latest version's number.
    pub version: i64,
    /// When and by whom the latest version was saved.
    pub saved: String,
    pub author: String,
    /// The version marked signed, if any.
    pub signed: Option<i64>,
    /// Whether this user may save it.
    pub editable: bool,
}

/// One version, without its text.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Version {
    pub number: i64,
    pub author: String,
    pub saved: String,
    pub comment: String,
    pub signed: bool,
    /// The text's size in bytes.
    pub size: i64,
}

/// What a document was made from.
pub enum Origin<'a> {
    /// Text the user sent (a new document, a file from the computer).
    Text(&'a str),
    /// A built-in sample: its text and its files (a logo).
    Sample(&'a prikaz::samples::Sample),
    /// A published template (its id): a school's document filled from its organisation's
    /// school list row.
    Template(i64),
}

/// Where a document stands: its owner and kind.
struct Row {
    org_id: Option<i64>,
    template: bool,
}

fn row(c: &Connection, id: i64) -> Result<Option<Row>, Error> {
    Ok(c.query_row("SELECT org_id, template FROM documents WHERE id = ?1", [id], |r| {
        Ok(Row { org_id: r.get(0)?, template: r.get::<_, i64>(1)? != 0 })
    })
    .optional()?)
}

fn not_found(id: i64) -> Error {
    Error::NotFound(format!("документа № {id} нет или он вам недоступен; откройте список документов"))
}

fn can_read(user: &User, r: &Row) -> bool {
    user.role.sees_all() || r.template || (r.org_id.is_some() && r.org_id == user.org.as_ref().map(|o| o.id))
}

fn can_write(user: &User, r: &Row) -> bool {
    user.role.sees_all() || (!r.template && r.org_id.is_some() && r.org_id == user.org.as_ref().map(|o| o.id))
}

/// The document, if the user may read it (else «not found»).
fn readable(c: &Connection, user: &User, id: i64) -> Result<Row, Error> {
    row(c, id)?.filter(|r| can_read(user, r)).ok_or_else(|| not_found(id))
}

/// The document, if the user may change it: 404 when it may not even read it, 403 when it
/// may read but not change it (a template, for a school).
fn writable(c: &Connection, user: &User, id: i64) -> Result<Row, Error> {
    let r = readable(c, user, id)?;
    if !can_write(user, &r) {
        return Err(Error::Forbidden(
            "этот документ — шаблон управления образования: его меняют методисты; \
             создайте по нему свой документ"
                .to_owned(),
        ));
    }
    Ok(r)
}

fn latest(c: &Connection, id: i64) -> Result<i64, Error> {
    Ok(c.query_row("SELECT coalesce(max(number), 0) FROM versions WHERE document_id = ?1", [id], |r| r.get(0))?)
}

fn check_title(title: &str) -> Result<String, Error> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::Invalid("у документа должно быть название".to_owned()));
    }
    if title.chars().count() > 300 {
        return Err(Error::Invalid("название длиннее 300 знаков: сократите его".to_owned()));
    }
    Ok(title.to_owned())
}

impl Workspace {
    /// The documents this user sees: templates first, then by title.
    pub fn documents(&self, user: &User) -> Result<Vec<Summary>, Error> {
        self.with(|c| summaries(c, user, None))
    }

    /// A new document of the user's organisation (version 1); a template when asked (by a
    /// methodologist or an administrator).
    pub fn create(&self, user: &User, title: &str, origin: Origin<'_>, template: bool) -> Result<i64, Error> {
        let title = check_title(title)?;
        if template && !user.role.sees_all() {
            return Err(Error::Forbidden("шаблоны публикуют методисты управления образования".to_owned()));
        }
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let (text, pictures, comment) = match origin {
                Origin::Text(t) => (t.to_owned(), Vec::new(), "создан".to_owned()),
                Origin::Sample(s) => {
                    let files = s.files.iter().map(|(n, b)| ((*n).to_owned(), b.to_vec())).collect();
                    (s.text.to_owned(), files, format!("создан по образцу «{}»", s.title))
                }
                Origin::Template(id) => {
                    let r = readable(&tx, user, id)?;
                    if !r.template {
                        return Err(Error::Invalid(format!("документ № {id} — не шаблон")));
                    }
                    let org = user.org.clone().ok_or_else(|| {
                        Error::Invalid(
                            "у вас нет организации: документ по шаблону создаёт пользователь школы".to_owned(),
                        )
                    })?;
                    let source: String = tx.query_row(
                        "SELECT text FROM versions WHERE document_id = ?1 ORDER BY number DESC LIMIT 1",
                        [id],
                        |r| r.get(0),
                    )?;
                    let school = orgs::school(&tx, &org)?;
                    (fill_school(&source, &school)?, pictures_of(&tx, id)?, format!("создан по шаблону № {id}"))
                }
            };
            let org = user.org.as_ref().map(|o| o.id);
            tx.execute(
                "INSERT INTO documents (title, org_id, template, created_by, created) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![title, org, template, user.id, now()],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO versions (document_id, number, text, author, saved, comment) VALUES (?1, 1, ?2, ?3, ?4, ?5)",
                params![id, text, user.id, now(), comment],
            )?;
            for (name, bytes) in pictures {
                tx.execute(
                    "INSERT OR IGNORE INTO pictures (document_id, name, bytes) VALUES (?1, ?2, ?3)",
                    params![id, name, bytes],
                )?;
            }
            audit(&tx, Some(user.id), "create", Some(id), &title)?;
            tx.commit()?;
            Ok(id)
        })
    }

    /// The latest text, with the list entry (its `version` is the text's).
    pub fn text(&self, user: &User, id: i64) -> Result<(String, Summary), Error> {
        self.with(|c| {
            let summary = summaries(c, user, Some(id))?.pop().ok_or_else(|| not_found(id))?;
            let text = c.query_row(
                "SELECT text FROM versions WHERE document_id = ?1 AND number = ?2",
                [id, summary.version],
                |r| r.get(0),
            )?;
            Ok((text, summary))
        })
    }

    /// The list entry of one document.
    pub fn summary(&self, user: &User, id: i64) -> Result<Summary, Error> {
        self.with(|c| summaries(c, user, Some(id))?.pop().ok_or_else(|| not_found(id)))
    }

    /// Saves `text` as the next version, if `base` is still the latest (else 409 with the
    /// current number: someone saved in between).
    pub fn save(&self, user: &User, id: i64, text: &str, base: i64, comment: &str) -> Result<i64, Error> {
        let comment = comment.trim();
        if comment.chars().count() > 500 {
            return Err(Error::Invalid("комментарий длиннее 500 знаков".to_owned()));
        }
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            writable(&tx, user, id)?;
            let current = latest(&tx, id)?;
            if current != base {
                return Err(Error::Conflict {
                    message: format!(
                        "документ сохранили после того, как вы его открыли (версия {current}, у вас {base}); \
                         скачайте свою версию (JSON) и откройте документ заново"
                    ),
                    current,
                });
            }
            tx.execute(
                "INSERT INTO versions (document_id, number, text, author, saved, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, current + 1, text, user.id, now(), comment],
            )?;
            audit(&tx, Some(user.id), "save", Some(id), &format!("версия {}", current + 1))?;
            tx.commit()?;
            Ok(current + 1)
        })
    }

    /// Renames a document.
    pub fn rename(&self, user: &User, id: i64, title: &str) -> Result<(), Error> {
        let title = check_title(title)?;
        self.with(|c| {
            writable(c, user, id)?;
            c.execute("UPDATE documents SET title = ?1 WHERE id = ?2", params![title, id])?;
            audit(c, Some(user.id), "rename", Some(id), &title)
        })
    }

    /// Every version, newest first.
    pub fn versions(&self, user: &User, id: i64) -> Result<Vec<Version>, Error> {
        self.with(|c| {
            readable(c, user, id)?;
            let mut st = c.prepare(
                "SELECT v.number, u.name, v.saved, v.comment, v.signed, length(CAST(v.text AS BLOB)) \
                 FROM versions v JOIN users u ON u.id = v.author WHERE v.document_id = ?1 ORDER BY v.number DESC",
            )?;
            let list = st
                .query_map([id], |r| {
                    Ok(Version {
                        number: r.get(0)?,
                        author: r.get(1)?,
                        saved: super::iso(r.get(2)?),
                        comment: r.get(3)?,
                        signed: r.get::<_, i64>(4)? != 0,
                        size: r.get(5)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(list)
        })
    }

    /// One version's text.
    pub fn version_text(&self, user: &User, id: i64, number: i64) -> Result<String, Error> {
        self.with(|c| {
            readable(c, user, id)?;
            c.query_row("SELECT text FROM versions WHERE document_id = ?1 AND number = ?2", [id, number], |r| r.get(0))
                .optional()?
                .ok_or_else(|| Error::NotFound(format!("у документа № {id} нет версии {number}")))
        })
    }

    /// The version marked signed, with its text.
    pub fn signed_text(&self, user: &User, id: i64) -> Result<Option<(i64, String)>, Error> {
        self.with(|c| {
            readable(c, user, id)?;
            Ok(c.query_row(
                "SELECT number, text FROM versions WHERE document_id = ?1 AND signed = 1 ORDER BY number DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
        })
    }

    /// Saves an old version's text as the newest one (nothing is lost: the versions after
    /// it stay in the list).
    pub fn restore_version(&self, user: &User, id: i64, number: i64) -> Result<i64, Error> {
        let text = self.version_text(user, id, number)?;
        let base = self.with(|c| latest(c, id))?;
        self.save(user, id, &text, base, &format!("восстановлена версия {number}"))
    }

    /// Marks a version as the signed one (the others lose the mark), or takes the mark off.
    pub fn mark_signed(&self, user: &User, id: i64, number: i64, signed: bool) -> Result<(), Error> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            writable(&tx, user, id)?;
            let exists = tx
                .query_row("SELECT 1 FROM versions WHERE document_id = ?1 AND number = ?2", [id, number], |_| Ok(()))
                .optional()?;
            if exists.is_none() {
                return Err(Error::NotFound(format!("у документа № {id} нет версии {number}")));
            }
            tx.execute("UPDATE versions SET signed = 0 WHERE document_id = ?1", [id])?;
            if signed {
                tx.execute("UPDATE versions SET signed = 1 WHERE document_id = ?1 AND number = ?2", [id, number])?;
            }
            let what = if signed { "подписана" } else { "отметка снята" };
            audit(&tx, Some(user.id), "signed", Some(id), &format!("версия {number}: {what}"))?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Checks that the user may change the document.
    pub fn may_write(&self, user: &User, id: i64) -> Result<(), Error> {
        self.with(|c| writable(c, user, id).map(|_| ()))
    }

    /// The names of the document's pictures.
    pub fn picture_names(&self, user: &User, id: i64) -> Result<Vec<String>, Error> {
        self.with(|c| {
            readable(c, user, id)?;
            let mut st = c.prepare_cached("SELECT name FROM pictures WHERE document_id = ?1 ORDER BY name")?;
            let names = st.query_map([id], |r| r.get(0))?.collect::<Result<Vec<_>, _>>()?;
            Ok(names)
        })
    }

    /// One picture's bytes.
    pub fn picture(&self, user: &User, id: i64, name: &str) -> Result<Vec<u8>, Error> {
        self.with(|c| {
            readable(c, user, id)?;
            c.query_row("SELECT bytes FROM pictures WHERE document_id = ?1 AND name = ?2", params![id, name], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("у документа № {id} нет изображения «{name}»")))
        })
    }

    /// Stores a picture under `name` unless another picture has it (then the answer is
    /// `false`: the caller chooses another name); the same bytes under the same name are
    /// kept once.
    pub fn put_picture(&self, user: &User, id: i64, name: &str, bytes: &[u8]) -> Result<bool, Error> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            writable(&tx, user, id)?;
            let existing: Option<Vec<u8>> = tx
                .query_row("SELECT bytes FROM pictures WHERE document_id = ?1 AND name = ?2", params![id, name], |r| {
                    r.get(0)
                })
                .optional()?;
            match existing {
                Some(b) => Ok(b == bytes),
                None => {
                    tx.execute(
                        "INSERT INTO pictures (document_id, name, bytes) VALUES (?1, ?2, ?3)",
                        params![id, name, bytes],
                    )?;
                    audit(&tx, Some(user.id), "picture", Some(id), name)?;
                    tx.commit()?;
                    Ok(true)
                }
            }
        })
    }
}

/// The list entries the user may see (one, with `only`).
fn summaries(c: &Connection, user: &User, only: Option<i64>) -> Result<Vec<Summary>, Error> {
    let mut st = c.prepare_cached(
        "SELECT d.id, d.title, o.name, d.template, d.org_id, v.number, v.saved, u.name, \
         (SELECT max(number) FROM versions WHERE document_id = d.id AND signed = 1) \
         FROM documents d LEFT JOIN orgs o ON o.id = d.org_id \
         JOIN versions v ON v.document_id = d.id \
           AND v.number = (SELECT max(number) FROM versions WHERE document_id = d.id) \
         JOIN users u ON u.id = v.author \
         WHERE (?1 OR d.template = 1 OR d.org_id = ?2) AND (?3 IS NULL OR d.id = ?3) \
         ORDER BY d.template DESC, d.title, d.id",
    )?;
    let org = user.org.as_ref().map(|o| o.id);
    let list = st
        .query_map(params![user.role.sees_all(), org, only], |r| {
            let row = Row { org_id: r.get(4)?, template: r.get::<_, i64>(3)? != 0 };
            Ok(Summary {
                id: r.get(0)?,
                title: r.get(1)?,
                org: r.get(2)?,
                template: row.template,
                version: r.get(5)?,
                saved: super::iso(r.get(6)?),
                author: r.get(7)?,
                signed: r.get(8)?,
                editable: can_write(user, &row),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(list)
}

fn pictures_of(c: &Connection, id: i64) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let mut st = c.prepare("SELECT name, bytes FROM pictures WHERE document_id = ?1 ORDER BY name")?;
    let list = st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
    Ok(list)
}

/// The template's school document filled for a school.
fn fill_school(template: &str, school: &School) -> Result<String, Error> {
    let batch =
        BatchFile::parse(template).map_err(|why| Error::Invalid(format!("шаблон — не пакетный файл: {why}")))?;
    let mut filled = prikaz::batch::fill(&batch.school, school).map_err(|d| {
        let hint = " попросите методиста загрузить список школ с этими полями (кнопка «Документы всех школ»)";
        Error::Invalid(format!("{};{hint}", d.message))
    })?;
    prikaz::batch::drop_activities(&mut filled, &school.drop).map_err(|d| Error::Invalid(d.message))?;
    Ok(serde_json::to_string_pretty(&filled).unwrap_or_default() + "\n")
}
