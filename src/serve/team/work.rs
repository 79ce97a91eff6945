//! Work on one document's text as the editor sends it — check, render, the tracked DOCX,
//! a picture — with the names it holds (a logo) found among that document's pictures
//! only; the batch of a template; and the health check.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::json;

use super::answer;
use super::Shared;
use crate::serve::api::{self, RenderJob};
use crate::serve::reply::refuse;
use crate::workspace::accounts::User;
use crate::workspace::sessions::Session;
use crate::workspace::{Error, Workspace};

/// How long a template's batch may take.
const BATCH_TIMEOUT: Duration = Duration::from_secs(600);

/// `GET /healthz`: 200 `ok` when the database answers.
pub async fn healthz(State(shared): State<Arc<Shared>>) -> Response {
    let ws = shared.workspace.clone();
    match answer::blocking(move || {
        ws.with(|c| Ok(c.query_row("SELECT count(*) FROM users", [], |r| r.get::<_, i64>(0))?))
    })
    .await
    {
        Ok(_) => "ok\n".into_response(),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "база недоступна\n").into_response(),
    }
}

/// The document's pictures as files in `cache/<id>/` of the workspace, after checking the
/// user may read it: the folder its names are found in. Only a missing file is read from
/// the database (a picture's name never changes its bytes, and files are written
/// atomically), so a preview on each keystroke reads names, not pictures.
fn picture_folder(ws: &Workspace, user: &User, id: i64) -> Result<PathBuf, Error> {
    let names = ws.picture_names(user, id)?;
    let folder = ws.folder().join("cache").join(id.to_string());
    std::fs::create_dir_all(&folder)
        .map_err(|e| Error::Storage(format!("{}: {}", folder.display(), prikaz::output::os_error(&e))))?;
    for name in names {
        let path = folder.join(&name);
        if !path.is_file() {
            let bytes = ws.picture(user, id, &name)?;
            prikaz::output::write_atomic(&path, &bytes).map_err(|d| Error::Storage(d.message))?;
        }
    }
    Ok(folder)
}

/// The document's title and picture folder, if the user may read it.
async fn prepared(shared: &Shared, s: &Session, id: i64) -> Result<(String, PathBuf), Response> {
    let (ws, user) = (shared.workspace.clone(), s.user.clone());
    answer::blocking(move || {
        let title = ws.summary(&user, id)?.title;
        Ok((title, picture_folder(&ws, &user, id)?))
    })
    .await
}

/// The request's text checked, with the names it holds found among the document's pictures.
async fn loaded(
    shared: &Shared,
    s: &Session,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<prikaz::input::Loaded, Response> {
    let id = answer::id(id)?;
    let text = api::body_text(body)?;
    let (title, base) = prepared(shared, s, id).await?;
    api::checked(format!("{title}.json"), base, text).await
}

pub async fn validate(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    api::validation(&or_answer!(loaded(&shared, &s, id, body).await))
}

pub async fn context(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    api::template_context(&or_answer!(loaded(&shared, &s, id, body).await))
}

/// A render of the request's text as document `id` (its title names the file).
async fn job(shared: &Shared, s: &Session, id: Result<Path<String>, PathRejection>) -> Result<RenderJob, Response> {
    let id = answer::id(id)?;
    let (title, base) = prepared(shared, s, id).await?;
    Ok(RenderJob { engine: shared.engine.clone(), name: format!("{title}.json"), stem: title, base })
}

pub async fn render(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let docx = or_answer!(api::render_format(query.as_deref()));
    let text = or_answer!(api::body_text(body));
    or_answer!(job(&shared, &s, id).await).answer(&shared.renders, text, docx).await
}

pub async fn tracked(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let text = or_answer!(api::body_text(body));
    or_answer!(job(&shared, &s, id).await).tracked(&shared.renders, text).await
}

/// `PUT /api/documents/{id}/picture` (header `x-file-name`; body: PNG or JPEG): kept with
/// the document, answered as in the local editor.
pub async fn picture(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    let bytes = match body {
        Ok(b) => b.to_vec(),
        Err(e) => {
            return refuse(
                e.status(),
                &format!("изображение не принято: не больше {} МБ", crate::serve::MAX_BODY >> 20),
            )
        }
    };
    let name = crate::serve::picture::sent_name(&headers);
    let ws = shared.workspace.clone();
    // The refusal of the picture itself (422) inside, of the workspace (403, 404…) outside.
    let stored = answer::blocking(move || {
        ws.may_write(&s.user, id)?;
        let picture = match crate::serve::picture::Checked::new(&name, bytes) {
            Ok(p) => p,
            Err(why) => return Ok(Err(why)),
        };
        for candidate in picture.names() {
            if ws.put_picture(&s.user, id, &candidate, &picture.bytes)? {
                return Ok(Ok(picture.stored_as(candidate)));
            }
        }
        Ok(Err(picture.no_name_left()))
    })
    .await;
    match or_answer!(stored) {
        Ok(stored) => Json(json!({ "path": stored.name, "width_px": stored.pixels.0, "height_px": stored.pixels.1 }))
            .into_response(),
        Err(why) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &format!("изображение не принято: {why}")),
    }
}

/// `POST /api/documents/{id}/batch` (a template; header `x-file-name` with the list's
/// name; body: the school list, CSV, Excel, Calc or JSON): the list is kept (each school's
/// row, which documents made from the template are filled from) and every school's
/// documents are built, answered as one ZIP with the failures in «ошибки.txt».
/// Methodologists and administrators only.
pub async fn batch(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let id = or_answer!(answer::id(id));
    if !s.user.role.sees_all() {
        return refuse(StatusCode::FORBIDDEN, "документы всех школ формируют методисты управления образования");
    }
    let list = match body {
        Ok(b) => b.to_vec(),
        Err(e) => return refuse(e.status(), "список школ не принят: не больше 20 МБ"),
    };
    let list_name = match crate::serve::picture::sent_name(&headers) {
        n if n.is_empty() => "список школ.csv".to_owned(),
        n => n.rsplit(['/', '\\']).next().unwrap_or(&n).to_owned(),
    };
    let (title, base) = or_answer!(prepared(&shared, &s, id).await);
    let Ok(permit) = shared.renders.clone().acquire_owned().await else {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "сервер останавливается");
    };
    let (ws, engine) = (shared.workspace.clone(), shared.engine.clone());
    let job = tokio::task::spawn_blocking(move || {
        let _slot = permit;
        let (text, summary) = ws.text(&s.user, id)?;
        if !summary.template {
            return Err(Error::Invalid(format!("документ № {id} — не шаблон: пакет строится по шаблону")));
        }
        crate::serve::team::batch::build(&ws, &engine, &s.user, &text, &list_name, &list, &base)
    });
    let zip = match tokio::time::timeout(BATCH_TIMEOUT, job).await {
        Ok(Ok(Ok(zip))) => zip,
        Ok(Ok(Err(e))) => return answer::error(e),
        Ok(Err(_)) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, "сбой при сборке документов школ"),
        Err(_) => return refuse(StatusCode::SERVICE_UNAVAILABLE, "документы школ собираются дольше 10 минут"),
    };
    let disposition = format!("attachment; filename*=UTF-8''{}", api::percent(&format!("{title} — школы.zip")));
    ([(header::CONTENT_TYPE, "application/zip".to_owned()), (header::CONTENT_DISPOSITION, disposition)], zip)
        .into_response()
}
