//! The editor's page and front-end files, embedded in the binary.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// A file by its path under `/static/`.
pub fn file(path: &str) -> Option<(&'static str, &'static [u8])> {
    Some(match path {
        "editor.js" => ("text/javascript; charset=utf-8", include_bytes!("../../web/editor.js")),
        "editor.css" => ("text/css; charset=utf-8", include_bytes!("../../web/editor.css")),
        "pdfjs/pdf.min.mjs" => ("text/javascript; charset=utf-8", include_bytes!("../../web/vendor/pdfjs/pdf.min.mjs")),
        "pdfjs/pdf.worker.min.mjs" => {
            ("text/javascript; charset=utf-8", include_bytes!("../../web/vendor/pdfjs/pdf.worker.min.mjs"))
        }
        "tabulator/tabulator.min.mjs" => {
            ("text/javascript; charset=utf-8", include_bytes!("../../web/vendor/tabulator/tabulator_esm.min.mjs"))
        }
        "tabulator/tabulator.min.css" => {
            ("text/css; charset=utf-8", include_bytes!("../../web/vendor/tabulator/tabulator.min.css"))
        }
        "form.js" => ("text/javascript; charset=utf-8", include_bytes!("../../web/form.js")),
        "grid.js" => ("text/javascript; charset=utf-8", include_bytes!("../../web/grid.js")),
        _ => return None,
    })
}

/// The editor page.
pub fn index() -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], include_str!("../../web/index.html")).into_response()
}
