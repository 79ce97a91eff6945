//! The workspace's answers as HTTP: each kind of refusal its status, the body always
//! `{"error": "…"}` (a conflict also says the current version).

// A refusal is an axum `Response`, returned early as axum's own extractors do.
#![allow(clippy::result_large_err)]

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::serve::reply::refuse;
use crate::workspace::Error;

pub fn error(e: Error) -> Response {
    match e {
        Error::Forbidden(m) => refuse(StatusCode::FORBIDDEN, &m),
        Error::NotFound(m) => refuse(StatusCode::NOT_FOUND, &m),
        Error::Conflict { message, current } => {
            (StatusCode::CONFLICT, Json(json!({ "error": message, "version": current }))).into_response()
        }
        Error::TooMany { message, wait } => {
            let mut r = refuse(StatusCode::TOO_MANY_REQUESTS, &message);
            r.headers_mut().insert(header::RETRY_AFTER, wait.into());
            r
        }
        Error::Invalid(m) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &m),
        Error::Storage(m) => {
            eprintln!("prikaz serve: {m}");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, &m)
        }
    }
}

/// Runs workspace work off the request threads; its refusal becomes the answer.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Response> {
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(error(e)),
        Err(_) => Err(refuse(StatusCode::INTERNAL_SERVER_ERROR, "сбой сервера при работе с базой")),
    }
}

/// A document number from the address.
pub fn id(path: Result<Path<String>, PathRejection>) -> Result<i64, Response> {
    let raw = crate::serve::api::segment(path)?;
    raw.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        refuse(StatusCode::NOT_FOUND, &format!("«{raw}» — не номер документа; откройте список документов"))
    })
}

/// A document number and a version number from the address.
pub fn id_and_version(path: Result<Path<(String, String)>, PathRejection>) -> Result<(i64, i64), Response> {
    let Ok(Path((doc, version))) = path else {
        return Err(refuse(StatusCode::BAD_REQUEST, "в адресе неверные символы"));
    };
    let number = |s: &str| s.parse::<i64>().ok().filter(|n| *n > 0);
    match (number(&doc), number(&version)) {
        (Some(d), Some(v)) => Ok((d, v)),
        _ => Err(refuse(StatusCode::NOT_FOUND, "в адресе не номер документа или версии")),
    }
}

/// The body as JSON of type `T`, or 400 saying what shape was expected.
pub fn json_body<T: serde::de::DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
    expected: &str,
) -> Result<T, Response> {
    let text = crate::serve::api::body_text(body)?;
    serde_json::from_str(&text).map_err(|e| {
        refuse(
            StatusCode::BAD_REQUEST,
            &format!("ожидается {expected} ({})", prikaz::input::translate::serde_json_reason(&e)),
        )
    })
}
