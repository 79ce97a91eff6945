//! Who may use the server: only this user's browser, on this computer.
//!
//! Three checks, each against a different attack:
//! - `Host` must name this computer (127.0.0.1, localhost, [::1], the address given with
//!   `--listen`, or a name given with `--host`): a web page whose DNS name is rebound to
//!   127.0.0.1 sends its own name and is refused.
//! - a foreign `Origin` (or `Sec-Fetch-Site: cross-site`) is refused on every API call:
//!   another page the user has open cannot read or change the file through the browser.
//! - every API call carries the run's random token (`Authorization: Bearer …` or
//!   `?token=…`), which `serve` prints in the address it opens, as Jupyter does: another
//!   program or user of this computer cannot use the server without it.
//!
//! The page and its front-end files need no token (they are the same for everyone), but
//! still a right `Host`.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::reply::refuse;

/// What a request is checked against.
pub struct Access {
    /// Host names (lower case, IPv6 in brackets) this server answers to.
    hosts: Vec<String>,
    /// The port it listens on, for the `Origin` check.
    port: u16,
    /// The run's token.
    token: String,
}

impl Access {
    /// The loopback names, the listening address and the extra names.
    pub fn new(addr: std::net::SocketAddr, extra: &[String], token: String) -> Access {
        let mut hosts: Vec<String> = ["127.0.0.1", "localhost", "[::1]"].map(str::to_owned).into();
        hosts.push(match addr.ip() {
            std::net::IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        });
        hosts.extend(extra.iter().map(|h| h.trim().to_ascii_lowercase()));
        hosts.sort();
        hosts.dedup();
        Access { hosts, port: addr.port(), token }
    }

    /// The `Host` header's name (without the port) is one of ours.
    pub fn host_allowed(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let name = match host.strip_prefix('[') {
            Some(v6) => v6.split_once(']').map(|(ip, _)| format!("[{ip}]")),
            None => host.split(':').next().map(str::to_owned),
        };
        name.is_some_and(|n| self.hosts.contains(&n))
    }

    /// No `Origin`, or the page's own.
    fn origin_allowed(&self, headers: &HeaderMap) -> bool {
        if headers.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site") {
            return false;
        }
        let Some(origin) = headers.get(header::ORIGIN) else { return true };
        let Ok(origin) = origin.to_str() else { return false };
        let Some(rest) = origin.to_ascii_lowercase().strip_prefix("http://").map(str::to_owned) else {
            return false;
        };
        let port = self.port.to_string();
        let (host, origin_port) = match rest.rsplit_once(':') {
            Some((h, p)) if !p.contains(']') => (h.to_owned(), p.to_owned()),
            _ => (rest.clone(), "80".to_owned()),
        };
        origin_port == port && self.host_allowed(&host)
    }

    /// The token from `Authorization: Bearer` or `?token=`, compared in constant time.
    fn token_given(&self, req: &Request) -> bool {
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_owned());
        let query = req.uri().query().and_then(|q| {
            form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "token").map(|(_, v)| v.into_owned())
        });
        [bearer, query].into_iter().flatten().any(|t| same(t.as_bytes(), self.token.as_bytes()))
    }
}

/// Equality that takes the same time wherever the first difference is.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new random token: 128 bits from the operating system, in hex.
pub fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("система не дала случайных чисел для ключа доступа: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The middleware: refuses before any handler runs.
pub async fn check(State(access): State<Arc<Access>>, req: Request, next: Next) -> Response {
    let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !access.host_allowed(host) {
        // The page that sent this sees no file text, only that it is not welcome.
        return refuse(
            StatusCode::MISDIRECTED_REQUEST,
            "редактор отвечает только по адресу 127.0.0.1 или localhost; \
             другое имя — добавьте его параметром --host, если вы его задали сами",
        );
    }
    if req.uri().path().starts_with("/api/") {
        if !access.origin_allowed(req.headers()) {
            return refuse(
                StatusCode::FORBIDDEN,
                "запрос с другого сайта отклонён: редактор принимает запросы только от своей страницы",
            );
        }
        if !access.token_given(&req) {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "нет ключа доступа: откройте редактор по адресу, который напечатала команда prikaz serve \
                 (в нём есть ?token=…)",
            );
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access() -> Access {
        Access::new("127.0.0.1:8080".parse().unwrap(), &["Prikaz.Local".to_owned()], "t".into())
    }

    #[test]
    fn hosts() {
        let a = access();
        for ok in ["127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]:8080", "prikaz.local:8080"] {
            assert!(a.host_allowed(ok), "{ok}");
        }
        for bad in ["evil.example:8080", "127.0.0.2", "", "[::2]", "localhost.evil.example", "[::1"] {
            assert!(!a.host_allowed(bad), "{bad}");
        }
    }

    #[test]
    fn origins() {
        let a = access();
        let with = |o: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ORIGIN, o.parse().unwrap());
            h
        };
        assert!(a.origin_allowed(&HeaderMap::new()));
        assert!(a.origin_allowed(&with("http://127.0.0.1:8080")));
        assert!(a.origin_allowed(&with("http://localhost:8080")));
        assert!(a.origin_allowed(&with("http://[::1]:8080")));
        for bad in
            ["http://evil.example:8080", "http://127.0.0.1:9090", "null", "https://127.0.0.1:8080", "http://localhost"]
        {
            assert!(!a.origin_allowed(&with(bad)), "{bad}");
        }
        let mut cross = HeaderMap::new();
        cross.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(!a.origin_allowed(&cross));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd") && !same(b"ab", b"abc") && !same(b"", b"a"));
    }
}
