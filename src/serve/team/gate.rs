//! Who may use the workspace server, decided before any handler runs.
//!
//! - `Host` must be one of the server's names (as in the local editor): a page whose DNS
//!   name is rebound to this server is refused.
//! - An API call with a foreign `Origin` (or `Sec-Fetch-Site: cross-site`) is refused:
//!   only the server's own pages call it from a browser.
//! - Every API call but the login needs a current session (the HttpOnly cookie); every
//!   changing call also needs the session's CSRF token in `X-CSRF-Token`, which another
//!   site cannot read.
//! - Pages other than the login page send a browser without a session to it.
//!
//! Wrong passwords are slowed down and, after [`MAX_FAILURES`], refused for a while.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::Shared;
use crate::serve::reply::refuse;
use crate::workspace::sessions::Session;

/// The session cookie's name.
pub const COOKIE: &str = "prikaz_session";

/// Wrong passwords for one login within [`WINDOW`] before it is refused outright.
pub const MAX_FAILURES: u32 = 10;

/// How long failures are remembered and the refusal lasts.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

pub struct Gate {
    names: crate::serve::guard::Access,
    /// Cookies are marked Secure (the proxy in front speaks HTTPS).
    pub behind_https: bool,
    /// Wrong passwords per login: how many, since when.
    failures: Mutex<HashMap<String, (u32, Instant)>>,
    /// Password checks at once (each takes 19 MiB and tens of milliseconds).
    pub hashing: Arc<tokio::sync::Semaphore>,
}

impl Gate {
    pub fn new(addr: std::net::SocketAddr, hosts: &[String], behind_https: bool) -> Gate {
        Gate {
            names: crate::serve::guard::Access::new(addr, hosts, String::new()),
            behind_https,
            failures: Mutex::new(HashMap::new()),
            hashing: Arc::new(tokio::sync::Semaphore::new(2)),
        }
    }

    /// Seconds to wait before this login may try again, if it is locked out.
    pub fn locked(&self, login: &str) -> Option<u64> {
        let failures = self.failures.lock().ok()?;
        let (count, since) = failures.get(login)?;
        let left = WINDOW.checked_sub(since.elapsed())?;
        (*count >= MAX_FAILURES).then(|| left.as_secs().max(1))
    }

    /// Counts a wrong password; answers how long to hold the answer back (1, 2, 4, 8 s).
    pub fn failed(&self, login: &str) -> Duration {
        let Ok(mut failures) = self.failures.lock() else { return Duration::from_secs(8) };
        if failures.len() > 10_000 {
            failures.retain(|_, (_, since)| since.elapsed() < WINDOW);
        }
        let entry = failures.entry(login.to_owned()).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= WINDOW {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
        Duration::from_secs(1 << (entry.0 - 1).min(3))
    }

    /// Forgets the failures of a login that got its password right.
    pub fn succeeded(&self, login: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(login);
        }
    }

    /// The request comes through HTTPS: the server is told so, or the proxy says so.
    pub fn secure(&self, headers: &HeaderMap) -> bool {
        self.behind_https
            || headers.get("x-forwarded-proto").is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"))
    }
}

/// No `Origin`, or the request's own (`http://` or `https://` and its `Host`).
fn same_origin(headers: &HeaderMap) -> bool {
    if headers.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site") {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else { return true };
    let (Ok(origin), Some(Ok(host))) = (origin.to_str(), headers.get(header::HOST).map(|h| h.to_str())) else {
        return false;
    };
    let origin = origin.to_ascii_lowercase();
    let host = host.trim().to_ascii_lowercase();
    let bare = |scheme: &str, port: &str| host.strip_suffix(port).map(|h| format!("{scheme}{h}"));
    origin == format!("http://{host}")
        || origin == format!("https://{host}")
        || bare("http://", ":80").as_deref() == Some(origin.as_str())
        || bare("https://", ":443").as_deref() == Some(origin.as_str())
}

/// The session cookie's value.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == COOKIE && !value.is_empty()).then(|| value.to_owned())
    })
}

/// Paths anyone may fetch: the login page, the front-end files, the health check.
fn public(path: &str) -> bool {
    path == "/login" || path == "/healthz" || path.starts_with("/static/")
}

/// The middleware.
pub async fn check(State(shared): State<Arc<Shared>>, mut req: Request, next: Next) -> Response {
    let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !shared.gate.names.host_allowed(host) {
        return refuse(
            StatusCode::MISDIRECTED_REQUEST,
            "сервер отвечает только по своим именам: добавьте это имя параметром --host",
        );
    }
    let path = req.uri().path().to_owned();
    if public(&path) {
        return next.run(req).await;
    }
    let api = path.starts_with("/api/");
    if api && !same_origin(req.headers()) {
        return refuse(
            StatusCode::FORBIDDEN,
            "запрос с другого сайта отклонён: сервер принимает запросы только от своих страниц",
        );
    }
    if path == "/api/login" {
        return next.run(req).await;
    }
    let session = match cookie_token(req.headers()) {
        Some(token) => {
            let ws = shared.workspace.clone();
            match tokio::task::spawn_blocking(move || ws.session(&token)).await {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => return super::answer::error(e),
                Err(_) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, "сбой при проверке входа"),
            }
        }
        None => None,
    };
    let Some(session) = session else {
        if api {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "вы не вошли (или сеанс закончился): войдите заново на странице /login",
            );
        }
        return Redirect::to("/login").into_response();
    };
    if api && !matches!(*req.method(), Method::GET | Method::HEAD) && !csrf_given(req.headers(), &session) {
        return refuse(
            StatusCode::FORBIDDEN,
            "нет ключа защиты (X-CSRF-Token): изменения принимаются только со страниц сервера; обновите страницу",
        );
    }
    req.extensions_mut().insert(session);
    next.run(req).await
}

fn csrf_given(headers: &HeaderMap, session: &Session) -> bool {
    headers.get("x-csrf-token").is_some_and(|v| crate::serve::guard::same(v.as_bytes(), session.csrf.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(origin: Option<&str>, host: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, host.parse().unwrap());
        if let Some(o) = origin {
            h.insert(header::ORIGIN, o.parse().unwrap());
        }
        h
    }

    #[test]
    fn origins_are_the_request_own() {
        assert!(same_origin(&with(None, "prikaz.uo.local")));
        assert!(same_origin(&with(Some("https://prikaz.uo.local"), "prikaz.uo.local")));
        assert!(same_origin(&with(Some("https://Prikaz.uo.local"), "prikaz.uo.local:443")));
        assert!(same_origin(&with(Some("http://127.0.0.1:8080"), "127.0.0.1:8080")));
        for bad in ["https://evil.example", "http://127.0.0.1:9090", "null", "https://prikaz.uo.local.evil.example"] {
            assert!(!same_origin(&with(Some(bad), "prikaz.uo.local")), "{bad}");
        }
    }

    #[test]
    fn failures_slow_down_then_lock() {
        let g = Gate::new("127.0.0.1:1".parse().unwrap(), &[], false);
        assert_eq!(g.failed("a"), Duration::from_secs(1));
        assert_eq!(g.failed("a"), Duration::from_secs(2));
        assert_eq!(g.failed("a"), Duration::from_secs(4));
        assert_eq!(g.failed("a"), Duration::from_secs(8));
        assert!(g.locked("a").is_none());
        for _ in 4..MAX_FAILURES {
            g.failed("a");
        }
        assert!(g.locked("a").is_some());
        assert!(g.locked("b").is_none());
        g.succeeded("a");
        assert!(g.locked("a").is_none());
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, "a=1; prikaz_session=abc; b=2".parse().unwrap());
        assert_eq!(cookie_token(&h).as_deref(), Some("abc"));
        h.insert(header::COOKIE, "prikaz_session=".parse().unwrap());
        assert_eq!(cookie_token(&h), None);
    }
}
