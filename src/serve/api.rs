//! The editor's JSON API: every answer is JSON or a file, every refusal a 4xx with a
//! Russian message; nothing a request sends can stop the server.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, State as Axum};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::diag::{Diagnostic, Severity};
use crate::input::source::Source;
use crate::{Engine, Options};

/// How long a render may take before the request is answered without it.
const RENDER_TIMEOUT: Duration = Duration::from_secs(30);

/// What every request shares.
pub struct State {
    engine: Arc<Engine>,
    /// The opened file, if any.
    file: Option<PathBuf>,
    /// Where names in a document (a logo) are found: the opened file's folder, else a
    /// folder holding the built-in samples' files.
    base: PathBuf,
    /// Keeps the samples' folder while the server runs.
    _samples_dir: Option<tempfile::TempDir>,
    /// Renders running at once (the cores), the others wait.
    renders: tokio::sync::Semaphore,
    /// One save at a time.
    saving: tokio::sync::Mutex<()>,
}

impl State {
    pub fn new(engine: Engine, file: Option<PathBuf>) -> State {
        let (base, samples_dir) =
            match file.as_ref().map(|f| f.parent().unwrap_or(std::path::Path::new("")).to_path_buf()) {
                Some(dir) => (if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir }, None),
                None => {
                    let dir = tempfile::tempdir().ok();
                    if let Some(d) = &dir {
                        for s in crate::samples::ALL {
                            for (name, bytes) in s.files {
                                let _ = std::fs::write(d.path().join(name), bytes);
                            }
                        }
                    }
                    (dir.as_ref().map_or_else(|| PathBuf::from("."), |d| d.path().to_path_buf()), dir)
                }
            };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        State {
            engine: Arc::new(engine),
            file,
            base,
            _samples_dir: samples_dir,
            renders: tokio::sync::Semaphore::new(cores),
            saving: tokio::sync::Mutex::new(()),
        }
    }

    fn name(&self) -> String {
        self.file
            .as_ref()
            .and_then(|f| f.file_name())
            .map_or_else(|| "документ.json".to_owned(), |n| n.to_string_lossy().into_owned())
    }
}

pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(|| async { super::assets::index() }))
        .route("/static/{*path}", get(asset))
        .route("/api/schema", get(schema))
        .route("/api/samples", get(samples))
        .route("/api/samples/{id}", get(sample))
        .route("/api/validate", post(validate))
        .route("/api/render", post(render))
        .route("/api/file", get(get_file).put(put_file))
        .fallback(|| async {
            refuse(StatusCode::NOT_FOUND, "такого адреса нет; API описан в docs/development.md")
        })
        .layer(DefaultBodyLimit::max(super::MAX_BODY))
        .with_state(state)
}

/// A refusal: `{"error": message}` with the status.
fn refuse(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

/// The request body as text, or the refusal to give.
fn body_text(body: Result<Bytes, BytesRejection>) -> Result<String, Response> {
    let bytes = body.map_err(|e| {
        let status = e.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            refuse(status, &format!("документ больше {} МБ", super::MAX_BODY >> 20))
        } else {
            refuse(status, "тело запроса не прочитано")
        }
    })?;
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        refuse(StatusCode::BAD_REQUEST, &format!("документ не в UTF-8 (байт {})", e.utf8_error().valid_up_to()))
    })
}

/// A diagnostic as the page shows it: message, hint, JSON path, line and column.
fn diagnostic_json(d: &Diagnostic) -> Value {
    json!({
        "severity": if d.severity == Severity::Error { "error" } else { "warning" },
        "message": d.message,
        "hint": d.hint,
        "path": d.path.as_ref().map(|p| p.to_string()),
        "line": d.location.as_ref().map(|l| l.line),
        "column": d.location.as_ref().map(|l| l.column),
    })
}

fn split(diags: &[Diagnostic]) -> Value {
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diags.iter().partition(|d| d.severity == Severity::Error);
    json!({
        "errors": errors.into_iter().map(diagnostic_json).collect::<Vec<_>>(),
        "warnings": warnings.into_iter().map(diagnostic_json).collect::<Vec<_>>(),
    })
}

async fn asset(Path(path): Path<String>) -> Response {
    match super::assets::file(&path) {
        Some((kind, bytes)) => ([(header::CONTENT_TYPE, kind)], bytes).into_response(),
        None => refuse(StatusCode::NOT_FOUND, "такого файла нет"),
    }
}

async fn schema() -> Response {
    ([(header::CONTENT_TYPE, "application/schema+json")], crate::input::schema_json()).into_response()
}

async fn samples() -> Json<Value> {
    Json(Value::Array(crate::samples::ALL.iter().map(|s| json!({ "id": s.id, "title": s.title })).collect()))
}

async fn sample(Path(id): Path<String>) -> Response {
    match crate::samples::by_id(&id) {
        Some(s) => ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], s.text).into_response(),
        None => refuse(StatusCode::NOT_FOUND, &format!("образца «{id}» нет; список: /api/samples")),
    }
}

async fn validate(Axum(state): Axum<Arc<State>>, body: Result<Bytes, BytesRejection>) -> Response {
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let name = state.name();
    let base = state.base.clone();
    let checked = tokio::task::spawn_blocking(move || {
        let mut loaded = crate::input::load_source(Source { name, text });
        crate::input::resolve_files(&mut loaded, &base);
        split(&loaded.diagnostics)
    })
    .await;
    match checked {
        Ok(v) => Json(v).into_response(),
        Err(_) => refuse(StatusCode::INTERNAL_SERVER_ERROR, "сбой при проверке"),
    }
}

#[derive(serde::Deserialize)]
struct RenderQuery {
    format: Option<String>,
}

async fn render(
    Axum(state): Axum<Arc<State>>,
    Query(q): Query<RenderQuery>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let format = q.format.as_deref().unwrap_or("pdf");
    let (docx, kind) = match format {
        "pdf" => (false, "application/pdf"),
        "docx" => (true, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        other => return refuse(StatusCode::BAD_REQUEST, &format!("формат «{other}» неизвестен: pdf или docx")),
    };
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let Ok(_permit) = state.renders.acquire().await else {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "сервер останавливается");
    };
    let (engine, name, base) = (state.engine.clone(), state.name(), state.base.clone());
    let job = tokio::task::spawn_blocking(move || {
        let opts = Options { docx, pdf: !docx, ..Options::default() };
        crate::render(&engine, &name, &text, Some(&base), &opts)
    });
    let result = match tokio::time::timeout(RENDER_TIMEOUT, job).await {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, "сбой при сборке документа"),
        Err(_) => {
            return refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                &format!(
                    "документ собирается дольше {} с; упростите его или соберите командой prikaz render",
                    RENDER_TIMEOUT.as_secs()
                ),
            )
        }
    };
    match result {
        Ok(out) => {
            let bytes = if docx { out.docx } else { out.pdf }.unwrap_or_default();
            let stem = state
                .file
                .as_ref()
                .and_then(|f| f.file_stem())
                .map_or_else(|| "prikaz".into(), |s| s.to_string_lossy().into_owned());
            let disposition = format!("attachment; filename*=UTF-8''{}.{format}", percent(&stem));
            let warnings = serde_json::to_string(&out.warnings.iter().map(diagnostic_json).collect::<Vec<_>>())
                .unwrap_or_default();
            (
                [
                    (header::CONTENT_TYPE, kind.to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::HeaderName::from_static("x-prikaz-warnings"), percent(&warnings)),
                ],
                bytes,
            )
                .into_response()
        }
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, Json(split(&errors))).into_response(),
    }
}

/// Percent-encoding for a header value (RFC 5987), so Cyrillic names and JSON pass.
fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn version_of(bytes: &[u8]) -> String {
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}", h.finish())
}

async fn get_file(Axum(state): Axum<Arc<State>>) -> Response {
    let Some(path) = &state.file else {
        return refuse(StatusCode::NOT_FOUND, "файл не открыт: запустите prikaz serve ФАЙЛ.json");
    };
    match std::fs::read(path) {
        Ok(bytes) => match crate::input::source::read_source_noted(path) {
            Ok((src, _)) => {
                Json(json!({ "name": state.name(), "text": src.text, "version": version_of(&bytes) })).into_response()
            }
            Err(d) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &d.message),
        },
        // A file not made yet: the editor starts empty and the first save creates it.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Json(json!({ "name": state.name(), "text": "", "version": version_of(b"") })).into_response()
        }
        Err(e) => refuse(StatusCode::FORBIDDEN, &crate::input::source::io_reason(&e)),
    }
}

#[derive(serde::Deserialize)]
struct Save {
    text: String,
    version: String,
}

async fn put_file(Axum(state): Axum<Arc<State>>, body: Result<Bytes, BytesRejection>) -> Response {
    let Some(path) = state.file.clone() else {
        return refuse(StatusCode::NOT_FOUND, "файл не открыт: сохранять некуда; скачайте JSON");
    };
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let Ok(save) = serde_json::from_str::<Save>(&text) else {
        return refuse(StatusCode::BAD_REQUEST, "ожидается {\"text\": …, \"version\": …}");
    };
    let _one = state.saving.lock().await;
    let old = match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return refuse(StatusCode::FORBIDDEN, &crate::input::source::io_reason(&e)),
    };
    let current = version_of(old.as_deref().unwrap_or(b""));
    if current != save.version {
        return (
            StatusCode::CONFLICT,
            Json(json!({
                "error": "файл изменён в другой вкладке или программе после того, как вы его открыли; \
                          скачайте свою версию (JSON) и откройте файл заново",
                "version": current,
            })),
        )
            .into_response();
    }
    // The previous version as .bak, then the new text, each atomically.
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    let bak = path.with_file_name(format!("{}.bak", state.name()));
    if let Some(old) = &old {
        files.push((bak, old));
    }
    files.push((path.clone(), save.text.as_bytes()));
    match crate::output::write_atomic_all(&files) {
        Ok(()) => Json(json!({ "version": version_of(save.text.as_bytes()) })).into_response(),
        Err(e) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}
