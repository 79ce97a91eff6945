//! Sessions: a random token in the user's cookie, kept in the database only as its
//! SHA-256 (a stolen copy of the database logs nobody in), with the CSRF token the page
//! sends back on every change, and an end.

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::accounts::{user_row, User, USER_COLUMNS};
use super::{audit, now, Error, Workspace};

/// How long a session lasts: a working day.
pub const LIFETIME: i64 = 12 * 3600;

/// A logged-in user and the CSRF token of the session.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf: String,
}

/// `bytes` random bytes from the operating system, in hex.
pub fn random_hex(bytes: usize) -> Result<String, Error> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| Error::Storage(format!("система не дала случайных чисел: {e}")))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl Workspace {
    /// A new session for the user: its cookie token and CSRF token. Ended sessions are
    /// swept out on the way.
    pub fn start_session(&self, user: &User) -> Result<(String, String), Error> {
        let (token, csrf) = (random_hex(32)?, random_hex(16)?);
        self.with(|c| {
            let t = now();
            c.execute("DELETE FROM sessions WHERE expires <= ?1", [t])?;
            c.execute(
                "INSERT INTO sessions (token_hash, user_id, csrf, expires) VALUES (?1, ?2, ?3, ?4)",
                params![digest(&token), user.id, csrf, t + LIFETIME],
            )?;
            audit(c, Some(user.id), "login", None, "")?;
            Ok(())
        })?;
        Ok((token, csrf))
    }

    /// The session of this cookie token, if it is current and its user not removed.
    pub fn session(&self, token: &str) -> Result<Option<Session>, Error> {
        self.with(|c| {
            Ok(c.query_row(
                &format!(
                    "SELECT {USER_COLUMNS}, s.csrf FROM sessions s \
                     JOIN users u ON u.id = s.user_id LEFT JOIN orgs o ON o.id = u.org_id \
                     WHERE s.token_hash = ?1 AND s.expires > ?2 AND u.removed = 0"
                ),
                params![digest(token), now()],
                |r| Ok(Session { user: user_row(r)?, csrf: r.get(6)? }),
            )
            .optional()?)
        })
    }

    /// Ends the session of this cookie token.
    pub fn end_session(&self, token: &str) -> Result<(), Error> {
        self.with(|c| {
            c.execute("DELETE FROM sessions WHERE token_hash = ?1", [digest(token)])?;
            Ok(())
        })
    }
}
