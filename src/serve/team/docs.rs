//! Documents and versions over HTTP: the list, a new document, its text, a save (a new
//! version, 409 when someone saved in between), the versions, one version, a restore, and
//! the mark «подписан». Who may do what is the workspace's to decide.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::answer;
use super::Shared;
use crate::serve::reply::refuse;
use crate::workspace::documents::Origin;
use crate::workspace::sessions::Session;

pub async fn list(State(shared): State<Arc<Shared>>, Extension(s): Extension<Session>) -> Response {
    let ws = shared.workspace.clone();
    let docs = or_answer!(answer::blocking(move || ws.documents(&s.user)).await);
    Json(json!(docs)).into_response()
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NewDocument {
    title: String,
    #[serde(default)]
    text: Option<String>,
    /// A sample's id, or a template's number.
    #[serde(default)]
    from: Option<Value>,
    #[serde(default)]
    template: bool,
}

pub async fn create(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let asked: NewDocument = or_answer!(answer::json_body(
        body,
        "{\"title\": …, \"text\": …} или {\"title\": …, \"from\": образец или номер шаблона}"
    ));
    let ws = shared.workspace.clone();
    let made = answer::blocking(move || {
        let origin = match (&asked.text, &asked.from) {
            (Some(t), None) => Origin::Text(t),
            (None, Some(Value::Number(n))) => Origin::Template(n.as_i64().unwrap_or(0)),
            (None, Some(Value::String(id))) => match id.parse::<i64>() {
                Ok(n) => Origin::Template(n),
                Err(_) => Origin::Sample(prikaz::samples::by_id(id).ok_or_else(|| {
                    crate::workspace::Error::Invalid(format!("образца «{id}» нет; список: /api/samples"))
                })?),
            },
            (None, None) => Origin::Text("{\n}\n"),
            _ => {
                return Err(crate::workspace::Error::Invalid(
                    "укажите одно из двух: text (текст документа) или from (образец или шаблон)".into(),
                ))
            }
        };
        ws.create(&s.user, &asked.title, origin, asked.template)
    })
    .await;
    let id = or_answer!(made);
    (StatusCode::CREATED, Json(json!({ "id": id }))).into_response()
}

pub async fn read(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let ws = shared.workspace.clone();
    let (text, summary) = or_answer!(answer::blocking(move || ws.text(&s.user, id)).await);
    let mut v = json!(summary);
    v["text"] = json!(text);
    Json(v).into_response()
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Save {
    text: String,
    version: Value,
    #[serde(default)]
    comment: String,
}

/// A version number sent as a number or as its text.
fn version_number(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

async fn store(shared: &Shared, s: Session, id: i64, save: Save) -> Result<i64, Response> {
    let Some(base) = version_number(&save.version) else {
        return Err(refuse(StatusCode::BAD_REQUEST, "version — номер версии, с которой начата правка"));
    };
    let ws = shared.workspace.clone();
    answer::blocking(move || ws.save(&s.user, id, &save.text, base, &save.comment)).await
}

pub async fn save(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let save: Save = or_answer!(answer::json_body(body, "{\"text\": …, \"version\": …, \"comment\": …}"));
    let version = or_answer!(store(&shared, s, id, save).await);
    Json(json!({ "version": version })).into_response()
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Title {
    title: String,
}

pub async fn rename(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let t: Title = or_answer!(answer::json_body(body, "{\"title\": …}"));
    let ws = shared.workspace.clone();
    or_answer!(answer::blocking(move || ws.rename(&s.user, id, &t.title)).await);
    Json(json!({ "ok": true })).into_response()
}

/// The editor page's view of a document: as the local editor's opened file
/// (`{"name", "text", "version"}`), with the title and whether it may be saved.
pub async fn read_as_file(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let ws = shared.workspace.clone();
    let (text, summary) = or_answer!(answer::blocking(move || ws.text(&s.user, id)).await);
    Json(json!({
        "name": format!("{} (№ {id})", summary.title),
        "text": text,
        "version": summary.version,
        "editable": summary.editable,
        "signed": summary.signed,
    }))
    .into_response()
}

/// The editor page's save: `{"text", "version"}` (and a `comment` when given), answered
/// with the new version and what to tell the user.
pub async fn save_as_file(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let save: Save = or_answer!(answer::json_body(body, "{\"text\": …, \"version\": …}"));
    let version = or_answer!(store(&shared, s, id, save).await);
    Json(json!({ "version": version, "message": format!("Сохранено: версия {version}") })).into_response()
}

pub async fn versions(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let ws = shared.workspace.clone();
    let (list, summary) =
        or_answer!(answer::blocking(move || Ok((ws.versions(&s.user, id)?, ws.summary(&s.user, id)?))).await);
    Json(json!({ "document": summary, "versions": list })).into_response()
}

/// One version's text: `{"number", "text"}`, or with `?download=1` the JSON file itself.
pub async fn version(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    path: Result<Path<(String, String)>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Response {
    let (id, number) = or_answer!(answer::id_and_version(path));
    let ws = shared.workspace.clone();
    let (text, title) = or_answer!(
        answer::blocking(move || Ok((ws.version_text(&s.user, id, number)?, ws.summary(&s.user, id)?.title))).await
    );
    let download =
        form_urlencoded::parse(query.unwrap_or_default().as_bytes()).any(|(k, v)| k == "download" && v == "1");
    if download {
        let name = format!("{title} (версия {number}).json");
        let disposition = format!("attachment; filename*=UTF-8''{}", crate::serve::api::percent(&name));
        return (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8".to_owned()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            text,
        )
            .into_response();
    }
    Json(json!({ "number": number, "text": text })).into_response()
}

pub async fn restore(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let (id, number) = or_answer!(answer::id_and_version(path));
    let ws = shared.workspace.clone();
    let version = or_answer!(answer::blocking(move || ws.restore_version(&s.user, id, number)).await);
    Json(json!({ "version": version })).into_response()
}

/// The version marked signed: `{"version", "text"}`; 404 when none is.
pub async fn signed(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let ws = shared.workspace.clone();
    match or_answer!(answer::blocking(move || ws.signed_text(&s.user, id)).await) {
        Some((number, text)) => Json(json!({ "version": number, "text": text })).into_response(),
        None => refuse(StatusCode::NOT_FOUND, "подписанная версия не отмечена: отметьте её в списке версий"),
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Mark {
    /// The signed version's number, or `null` to take the mark off.
    version: Option<i64>,
}

pub async fn mark_signed(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let mark: Mark = or_answer!(answer::json_body(body, "{\"version\": номер или null}"));
    let ws = shared.workspace.clone();
    or_answer!(
        answer::blocking(move || match mark.version {
            Some(n) => ws.mark_signed(&s.user, id, n, true),
            None => {
                let current = ws.signed_text(&s.user, id)?;
                match current {
                    Some((n, _)) => ws.mark_signed(&s.user, id, n, false),
                    None => Ok(()),
                }
            }
        })
        .await
    );
    Json(json!({ "signed": mark.version })).into_response()
}
