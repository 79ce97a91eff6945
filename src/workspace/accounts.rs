//! Users: who they are, their role and organisation, and their password, kept only as an
//! argon2id hash.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rusqlite::{params, Connection, OptionalExtension};

use super::{audit, now, orgs, Error, Workspace};

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Manages users; sees and edits every document.
    Admin,
    /// Sees and edits every document, publishes templates, builds every school's documents.
    Methodologist,
    /// Sees and edits its organisation's documents; starts from templates.
    School,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Methodologist => "methodologist",
            Role::School => "school",
        }
    }

    /// The role as users read it.
    pub fn russian(self) -> &'static str {
        match self {
            Role::Admin => "администратор",
            Role::Methodologist => "методист",
            Role::School => "школа",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "methodologist" => Some(Role::Methodologist),
            "school" => Some(Role::School),
            _ => None,
        }
    }

    /// Sees every organisation's documents.
    pub fn sees_all(self) -> bool {
        self != Role::School
    }
}

/// A user as the rest of the workspace knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub role: Role,
    /// The organisation (always set for a school).
    pub org: Option<orgs::Org>,
}

/// Twelve letters and digits without look-alikes (0/O, 1/l/I), from the system's random
/// source: a password to hand to a new user.
pub fn made_up_password() -> Result<String, Error> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes).map_err(|e| Error::Storage(format!("система не дала случайных чисел: {e}")))?;
    Ok(bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect())
}

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 8;

/// A login as it is stored: trimmed, lower case; letters, digits and `. _ - @`.
pub fn normalize_login(login: &str) -> Result<String, Error> {
    let login = login.trim().to_lowercase();
    if login.is_empty() || login.chars().count() > 64 {
        return Err(Error::Invalid("логин — от 1 до 64 знаков".to_owned()));
    }
    if let Some(c) = login.chars().find(|c| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))) {
        return Err(Error::Invalid(format!(
            "в логине «{login}» знак «{c}»: можно буквы, цифры и . _ - @ (без пробелов)"
        )));
    }
    Ok(login)
}

fn check_password(password: &str) -> Result<(), Error> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(Error::Invalid(format!("пароль короче {MIN_PASSWORD} знаков: придумайте длиннее")));
    }
    if password.len() > 1024 {
        return Err(Error::Invalid("пароль длиннее 1024 байт".to_owned()));
    }
    Ok(())
}

/// An argon2id hash of the password (the crate's defaults: 19 MiB, 2 passes), with a
/// random salt from the operating system, in the PHC string form.
fn hash(password: &str) -> Result<String, Error> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| Error::Storage(format!("система не дала случайных чисел: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Storage(format!("соль пароля: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Storage(format!("пароль не удалось зашифровать: {e}")))
}

fn matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A hash no password matches, checked for unknown logins so that they take as long as
/// known ones (the time does not tell which logins exist).
fn decoy() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash("нет такого пользователя — проверка для равного времени").unwrap_or_default())
}

/// The columns [`user_row`] reads, first in a query over `users u LEFT JOIN orgs o`.
pub(super) const USER_COLUMNS: &str = "u.id, u.login, u.name, u.role, o.id, o.name";

const SELECT: &str = "FROM users u LEFT JOIN orgs o ON o.id = u.org_id";

pub(super) fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get(3)?;
    let org = match (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<String>>(5)?) {
        (Some(id), Some(name)) => Some(orgs::Org { id, name }),
        _ => None,
    };
    Ok(User { id: r.get(0)?, login: r.get(1)?, name: r.get(2)?, role: Role::parse(&role).unwrap_or(Role::School), org })
}

fn by_login(conn: &Connection, login: &str) -> Result<Option<User>, Error> {
    Ok(conn
        .query_row(&format!("SELECT {USER_COLUMNS} {SELECT} WHERE u.login = ?1 AND u.removed = 0"), [login], user_row)
        .optional()?)
}

impl Workspace {
    /// Adds a user; a school needs its organisation, which is made when new. `by` is the
    /// administrator who did it on the server (none from the command line), for the audit log.
    pub fn add_user(
        &self,
        by: Option<&User>,
        login: &str,
        name: &str,
        role: Role,
        org: Option<&str>,
        password: &str,
    ) -> Result<User, Error> {
        let login = normalize_login(login)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Invalid("укажите имя пользователя: --name \"Иванова И. И.\"".to_owned()));
        }
        let org = org.map(str::trim).filter(|o| !o.is_empty());
        if role == Role::School && org.is_none() {
            return Err(Error::Invalid(
                "у пользователя-школы должна быть организация: --org \"МБОУ СОШ № 1\" (как в списке школ)".to_owned(),
            ));
        }
        check_password(password)?;
        let hashed = hash(password)?;
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            if tx.query_row("SELECT 1 FROM users WHERE login = ?1", [&login], |_| Ok(())).optional()?.is_some() {
                return Err(Error::Invalid(format!(
                    "пользователь «{login}» уже есть (или был удалён: логины не используются повторно)"
                )));
            }
            let org_id = match org {
                Some(o) => Some(orgs::ensure(&tx, o)?),
                None => None,
            };
            tx.execute(
                "INSERT INTO users (login, name, role, org_id, password, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![login, name, role.as_str(), org_id, hashed, now()],
            )?;
            audit(&tx, by.map(|u| u.id), "users add", None, &format!("{login} ({})", role.as_str()))?;
            let user = by_login(&tx, &login)?.ok_or_else(|| Error::Storage("пользователь не сохранился".into()))?;
            tx.commit()?;
            Ok(user)
        })
    }

    /// Every user who can log in, by login.
    pub fn users(&self) -> Result<Vec<User>, Error> {
        self.with(|c| {
            let mut st = c.prepare(&format!("SELECT {USER_COLUMNS} {SELECT} WHERE u.removed = 0 ORDER BY u.login"))?;
            let users = st.query_map([], user_row)?.collect::<Result<Vec<_>, _>>()?;
            Ok(users)
        })
    }

    /// Sets a new password; the user's sessions end (whoever knew the old one is logged out).
    pub fn set_password(&self, by: Option<&User>, login: &str, password: &str) -> Result<(), Error> {
        let login = normalize_login(login)?;
        check_password(password)?;
        let hashed = hash(password)?;
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let user = by_login(&tx, &login)?.ok_or_else(|| no_user(&login))?;
            tx.execute("UPDATE users SET password = ?1 WHERE id = ?2", params![hashed, user.id])?;
            tx.execute("DELETE FROM sessions WHERE user_id = ?1", [user.id])?;
            audit(&tx, by.map(|u| u.id), "users passwd", None, &login)?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Removes a user: no more logins, sessions ended; the versions it saved keep its name.
    /// The last administrator stays.
    pub fn remove_user(&self, by: Option<&User>, login: &str) -> Result<(), Error> {
        let login = normalize_login(login)?;
        self.with(|c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let user = by_login(&tx, &login)?.ok_or_else(|| no_user(&login))?;
            if user.role == Role::Admin {
                let admins: i64 =
                    tx.query_row("SELECT count(*) FROM users WHERE role = 'admin' AND removed = 0", [], |r| r.get(0))?;
                if admins <= 1 {
                    return Err(Error::Invalid(format!(
                        "«{login}» — последний администратор: сначала добавьте другого (prikaz users add … --role admin)"
                    )));
                }
            }
            tx.execute("UPDATE users SET removed = 1 WHERE id = ?1", [user.id])?;
            tx.execute("DELETE FROM sessions WHERE user_id = ?1", [user.id])?;
            audit(&tx, by.map(|u| u.id), "users remove", None, &login)?;
            tx.commit()?;
            Ok(())
        })
    }

    /// The user whose password this is, or `None`; the same work whether the login exists or not.
    pub fn verify(&self, login: &str, password: &str) -> Result<Option<User>, Error> {
        let Ok(login) = normalize_login(login) else {
            let _ = matches(password, decoy());
            return Ok(None);
        };
        let found = self.with(|c| {
            Ok(c.query_row(
                &format!("SELECT {USER_COLUMNS}, u.password {SELECT} WHERE u.login = ?1 AND u.removed = 0"),
                [&login],
                |r| Ok((user_row(r)?, r.get::<_, String>(6)?)),
            )
            .optional()?)
        })?;
        match found {
            Some((user, stored)) => Ok(matches(password, &stored).then_some(user)),
            None => {
                let _ = matches(password, decoy());
                Ok(None)
            }
        }
    }
}

fn no_user(login: &str) -> Error {
    Error::NotFound(format!("пользователя «{login}» нет; список: prikaz users list"))
}
