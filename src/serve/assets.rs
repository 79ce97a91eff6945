//! The editor's page and front-end files, embedded in the binary.
//!
//! For front-end work, `PRIKAZ_WEB_DIR=web` makes a debug build read the same files from
//! that folder on each request (only these names: nothing else of the folder is served),
//! so a change to the page needs a reload, not a rebuild. Release builds ignore it.

use axum::http::header;
use axum::response::{IntoResponse, Response};

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const HTML: &str = "text/html; charset=utf-8";

/// Served name → (content type, path under web/, embedded bytes).
macro_rules! files {
    ($($name:literal => $kind:expr, $path:literal;)*) => {
        const FILES: &[(&str, &str, &str, &[u8])] = &[$(($name, $kind, $path, include_bytes!(concat!("../../web/", $path)))),*];
    };
}

files! {
    "index.html" => HTML, "index.html";
    "editor.js" => JS, "editor.js";
    "editor.css" => CSS, "editor.css";
    "form.js" => JS, "form.js";
    "grid.js" => JS, "grid.js";
    "grid.css" => CSS, "grid.css";
    "form.css" => CSS, "form.css";
    "draft.js" => JS, "draft.js";
    "api.js" => JS, "api.js";
    "team/login.html" => HTML, "team/login.html";
    "team/documents.html" => HTML, "team/documents.html";
    "team/versions.html" => HTML, "team/versions.html";
    "team/users.html" => HTML, "team/users.html";
    "team/users.js" => JS, "team/users.js";
    "team/common.js" => JS, "team/common.js";
    "team/login.js" => JS, "team/login.js";
    "team/documents.js" => JS, "team/documents.js";
    "team/versions.js" => JS, "team/versions.js";
    "team/bar.js" => JS, "team/bar.js";
    "team/team.css" => CSS, "team/team.css";
    "pdfjs/pdf.min.mjs" => JS, "vendor/pdfjs/pdf.min.mjs";
    "pdfjs/pdf.worker.min.mjs" => JS, "vendor/pdfjs/pdf.worker.min.mjs";
}

/// A file by its path under `/static/`.
pub fn file(path: &str) -> Option<(&'static str, std::borrow::Cow<'static, [u8]>)> {
    let &(_, kind, rel, bytes) = FILES.iter().find(|(name, ..)| *name == path)?;
    if cfg!(debug_assertions) {
        if let Some(dir) = std::env::var_os("PRIKAZ_WEB_DIR") {
            if let Ok(fresh) = std::fs::read(std::path::Path::new(&dir).join(rel)) {
                return Some((kind, fresh.into()));
            }
        }
    }
    Some((kind, bytes.into()))
}

/// The editor page.
pub fn index() -> Response {
    page("index.html")
}

/// An embedded page by its path under `/static/`.
pub fn page(path: &str) -> Response {
    let (kind, bytes) = file(path).expect("the page is embedded");
    ([(header::CONTENT_TYPE, kind)], bytes).into_response()
}
