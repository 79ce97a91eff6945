//! The editor's JSON API: every answer is JSON or a file, every refusal a 4xx with a
//! Russian message; nothing a request sends can stop the server.

// A refusal is an axum `Response`, returned as an early answer (`Result<_, Response>`), as
// axum's own extractors do; it is built once per refused request, never stored.
#![allow(clippy::result_large_err)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State as Axum};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use prikaz::diag::{Diagnostic, Severity};
use prikaz::input::source::Source;
use prikaz::{Engine, Options};

use super::reply::refuse;

/// How long a render may take before the request is answered without it.
pub(super) const RENDER_TIMEOUT: Duration = Duration::from_secs(30);

/// What every request shares.
pub struct State {
    engine: Arc<Engine>,
    /// The opened file, if any.
    file: Option<PathBuf>,
    /// Where names in the opened file (a logo) are found: its folder.
    base: Option<PathBuf>,
    /// Where names in any other document of the page (a sample, a file the browser
    /// opened, a new one) are found: a folder of this run holding the samples' files and
    /// the pictures sent for such documents; requests say `?scratch=1`.
    scratch: tempfile::TempDir,
    /// Renders running at once (the cores), the others wait.
    renders: Arc<tokio::sync::Semaphore>,
    /// One save at a time.
    saving: tokio::sync::Mutex<()>,
    /// Whether this run saved the file already (the first save makes the `.bak`).
    saved_once: AtomicBool,
}

impl State {
    pub fn new(engine: Engine, file: Option<PathBuf>) -> Result<State, String> {
        let base = file.as_ref().map(|f| match f.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        });
        let scratch = tempfile::tempdir()
            .map_err(|e| format!("не удалось создать временную папку: {}", prikaz::output::os_error(&e)))?;
        for s in prikaz::samples::ALL {
            for (name, bytes) in s.files {
                prikaz::output::write_atomic(&scratch.path().join(name), bytes).map_err(|e| e.to_string())?;
            }
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(State {
            engine: Arc::new(engine),
            file,
            base,
            scratch,
            renders: Arc::new(tokio::sync::Semaphore::new(cores)),
            saving: tokio::sync::Mutex::new(()),
            saved_once: AtomicBool::new(false),
        })
    }

    /// The folder names of the request's document are found in: the opened file's, unless
    /// the request says `scratch=1` or no file is open.
    fn folder(&self, query: Option<&str>) -> PathBuf {
        let scratch = form_urlencoded::parse(query.unwrap_or("").as_bytes()).any(|(k, v)| k == "scratch" && v == "1");
        match &self.base {
            Some(base) if !scratch => base.clone(),
            _ => self.scratch.path().to_path_buf(),
        }
    }

    fn name(&self) -> String {
        self.file
            .as_ref()
            .and_then(|f| f.file_name())
            .map_or_else(|| "документ.json".to_owned(), |n| n.to_string_lossy().into_owned())
    }
}

pub fn router(state: Arc<State>, access: Arc<super::guard::Access>) -> Router {
    Router::new()
        .route("/", get(|| async { super::assets::index() }))
        .route("/static/{*path}", get(asset))
        .route("/api/schema", get(schema))
        .route("/api/samples", get(samples))
        .route("/api/samples/{id}", get(sample))
        .route("/api/validate", post(validate))
        .route("/api/render", post(render))
        .route("/api/context", post(context))
        .route("/api/diff", post(diff))
        .route("/api/amend", post(amend))
        .route("/api/tracked", post(tracked))
        .route("/api/file", get(get_file).put(put_file))
        .route("/api/picture", axum::routing::put(put_picture))
        .fallback(|| async {
            refuse(StatusCode::NOT_FOUND, "такого адреса нет; API описан в docs/development.md")
        })
        .method_not_allowed_fallback(|| async {
            refuse(StatusCode::METHOD_NOT_ALLOWED, "этот адрес не принимает такой запрос (метод HTTP)")
        })
        .layer(DefaultBodyLimit::max(super::MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(access, super::guard::check))
        .with_state(state)
}

/// The request body as text, or the refusal to give.
pub(super) fn body_text(body: Result<Bytes, BytesRejection>) -> Result<String, Response> {
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
pub(super) fn diagnostic_json(d: &Diagnostic) -> Value {
    json!({
        "severity": if d.severity == Severity::Error { "error" } else { "warning" },
        "message": d.message,
        "hint": d.hint,
        "path": d.path.as_ref().map(|p| p.to_string()),
        "line": d.location.as_ref().map(|l| l.line),
        "column": d.location.as_ref().map(|l| l.column),
    })
}

pub(super) fn split(diags: &[Diagnostic]) -> Value {
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diags.iter().partition(|d| d.severity == Severity::Error);
    json!({
        "errors": errors.into_iter().map(diagnostic_json).collect::<Vec<_>>(),
        "warnings": warnings.into_iter().map(diagnostic_json).collect::<Vec<_>>(),
    })
}

/// A path segment that is not UTF-8 (`%FF`) gets a Russian refusal, not axum's English.
pub(super) fn segment(path: Result<Path<String>, PathRejection>) -> Result<String, Response> {
    path.map(|Path(p)| p).map_err(|_| refuse(StatusCode::BAD_REQUEST, "в адресе неверные символы"))
}

pub(super) async fn asset(path: Result<Path<String>, PathRejection>) -> Response {
    let path = match segment(path) {
        Ok(p) => p,
        Err(r) => return r,
    };
    match super::assets::file(&path) {
        Some((kind, bytes)) => ([(header::CONTENT_TYPE, kind)], bytes).into_response(),
        None => refuse(StatusCode::NOT_FOUND, "такого файла нет"),
    }
}

pub(super) async fn schema() -> Response {
    ([(header::CONTENT_TYPE, "application/schema+json")], prikaz::input::schema_json()).into_response()
}

pub(super) async fn samples() -> Json<Value> {
    Json(Value::Array(prikaz::samples::ALL.iter().map(|s| json!({ "id": s.id, "title": s.title })).collect()))
}

pub(super) async fn sample(id: Result<Path<String>, PathRejection>) -> Response {
    let id = match segment(id) {
        Ok(p) => p,
        Err(r) => return r,
    };
    match prikaz::samples::by_id(&id) {
        Some(s) => ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], s.text).into_response(),
        None => refuse(StatusCode::NOT_FOUND, &format!("образца «{id}» нет; список: /api/samples")),
    }
}

/// The request's document parsed and checked, the names it holds looked up in `base`
/// (off the request threads): what `validate` answers and `context` builds on.
pub(super) async fn checked(name: String, base: PathBuf, text: String) -> Result<prikaz::input::Loaded, Response> {
    tokio::task::spawn_blocking(move || {
        let mut loaded = prikaz::input::load_source(Source { name, text });
        prikaz::input::resolve_files_within(&mut loaded, &base);
        loaded
    })
    .await
    .map_err(|_| refuse(StatusCode::INTERNAL_SERVER_ERROR, "сбой при проверке"))
}

/// `validate`'s answer: the errors and warnings.
pub(super) fn validation(loaded: &prikaz::input::Loaded) -> Response {
    Json(split(&loaded.diagnostics)).into_response()
}

/// `context`'s answer: what the templates see for the document (as `render --emit
/// context`), so the form can show the values printed for fields left empty (defaults
/// taken from elsewhere: the mark's issuer, the acquaintance label); 422 with the errors.
pub(super) fn template_context(loaded: &prikaz::input::Loaded) -> Response {
    match loaded.document.as_ref().filter(|_| !loaded.has_errors()) {
        Some(input) => Json(prikaz::template_view(input)).into_response(),
        None => (StatusCode::UNPROCESSABLE_ENTITY, Json(split(&loaded.diagnostics))).into_response(),
    }
}

async fn validate(
    Axum(state): Axum<Arc<State>>,
    RawQuery(query): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    match checked(state.name(), state.folder(query.as_deref()), text).await {
        Ok(loaded) => validation(&loaded),
        Err(r) => r,
    }
}

/// `POST /api/context`: see [`template_context`].
async fn context(
    Axum(state): Axum<Arc<State>>,
    RawQuery(query): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    match checked(state.name(), state.folder(query.as_deref()), text).await {
        Ok(loaded) => template_context(&loaded),
        Err(r) => r,
    }
}

/// `?format=pdf|docx` (pdf when absent), once; the token may stand beside it.
pub(super) fn render_format(query: Option<&str>) -> Result<bool, Response> {
    let mut formats = form_urlencoded::parse(query.unwrap_or("").as_bytes()).filter(|(k, _)| k == "format");
    let format = formats.next().map(|(_, v)| v.into_owned());
    if formats.next().is_some() {
        return Err(refuse(StatusCode::BAD_REQUEST, "формат указан дважды: оставьте один параметр format"));
    }
    match format.as_deref().unwrap_or("pdf") {
        "pdf" => Ok(false),
        "docx" => Ok(true),
        other => Err(refuse(StatusCode::BAD_REQUEST, &format!("формат «{other}» неизвестен: pdf или docx"))),
    }
}

async fn render(
    Axum(state): Axum<Arc<State>>,
    RawQuery(query): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let docx = match render_format(query.as_deref()) {
        Ok(d) => d,
        Err(r) => return r,
    };
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let stem = state
        .file
        .as_ref()
        .and_then(|f| f.file_stem())
        .map_or_else(|| "документ".into(), |s| s.to_string_lossy().into_owned());
    let job =
        RenderJob { engine: state.engine.clone(), name: state.name(), stem, base: state.folder(query.as_deref()) };
    job.answer(&state.renders, text, docx).await
}

/// One render of a document's text, for the local editor and the workspace server alike.
pub(super) struct RenderJob {
    pub engine: Arc<Engine>,
    /// The name messages give the document.
    pub name: String,
    /// The downloaded file's name without extension.
    pub stem: String,
    /// The folder the names in the document (a logo) are found in, and confined to.
    pub base: PathBuf,
}

impl RenderJob {
    /// The PDF or DOCX (its warnings in `x-prikaz-warnings`), 422 with the errors, or 503
    /// when it takes longer than [`RENDER_TIMEOUT`]; waits for one of `renders`' slots.
    pub async fn answer(self, renders: &Arc<tokio::sync::Semaphore>, text: String, docx: bool) -> Response {
        let (format, kind) = if docx {
            ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        } else {
            ("pdf", "application/pdf")
        };
        let Ok(permit) = renders.clone().acquire_owned().await else {
            return refuse(StatusCode::SERVICE_UNAVAILABLE, "сервер останавливается");
        };
        let RenderJob { engine, name, stem, base } = self;
        let job = tokio::task::spawn_blocking(move || {
            // The slot is held until the render really ends, even after its request gave up.
            let _slot = permit;
            let opts = Options { docx, pdf: !docx, files_within_base: true, ..Options::default() };
            prikaz::render(&engine, &name, &text, Some(&base), &opts)
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
}

/// Percent-encoding for a header value (RFC 5987), so Cyrillic names and JSON pass.
pub(super) fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs blocking file work off the request threads.
pub(super) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, Response> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| refuse(StatusCode::INTERNAL_SERVER_ERROR, "сбой при работе с файлом"))
}

async fn get_file(Axum(state): Axum<Arc<State>>) -> Response {
    let Some(path) = state.file.clone() else {
        return refuse(StatusCode::NOT_FOUND, "файл не открыт: запустите prikaz serve ФАЙЛ.json");
    };
    let name = state.name();
    let read = {
        let name = name.clone();
        blocking(move || super::file::read_text(&path, &name)).await
    };
    match read {
        Ok(Ok((text, version))) => Json(json!({ "name": name, "text": text, "version": version })).into_response(),
        Ok(Err(why)) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &why),
        Err(r) => r,
    }
}

/// Two versions of a document: the one compared with (a saved, signed file) and the page's.
#[derive(serde::Deserialize)]
struct Versions {
    old: String,
    new: String,
}

/// Both versions read and checked; 422 names the version with errors.
fn versions(text: &str) -> Result<(prikaz::input::model::Document, prikaz::input::model::Document), Response> {
    versions_within(text, None)
}

/// [`versions`], with the files they name (a logo) found in `base` and confined to it.
pub(super) fn versions_within(
    text: &str,
    base: Option<&std::path::Path>,
) -> Result<(prikaz::input::model::Document, prikaz::input::model::Document), Response> {
    let Ok(v) = serde_json::from_str::<Versions>(text) else {
        return Err(refuse(StatusCode::BAD_REQUEST, "ожидается {\"old\": …, \"new\": …}"));
    };
    let mut docs = Vec::new();
    for (which, text) in [("сравниваемый файл", v.old), ("документ", v.new)] {
        let mut loaded = prikaz::input::load_source(Source { name: which.to_owned(), text });
        if let Some(base) = base {
            prikaz::input::resolve_files_within(&mut loaded, base);
        }
        match loaded.document.filter(|_| !loaded.diagnostics.iter().any(|d| d.severity == Severity::Error)) {
            Some(d) => docs.push(d),
            None => {
                let first = loaded.diagnostics.iter().find(|d| d.severity == Severity::Error);
                let why = first.map_or(String::new(), |d| format!(": {}", d.message));
                return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, &format!("{which} с ошибками{why}")));
            }
        }
    }
    let new = docs.pop().expect("two documents");
    let old = docs.pop().expect("two documents");
    Ok((old, new))
}

/// `POST /api/diff` `{"old", "new"}`: the changes from `old` to `new`, each with its line as
/// `prikaz diff` says it (`text`) and as data.
pub(super) async fn diff(body: Result<Bytes, BytesRejection>) -> Response {
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let work = blocking(move || {
        let (old, new) = versions(&text)?;
        let changes = prikaz::Engine::changes(&old, &new);
        let list: Vec<Value> = changes
            .iter()
            .map(|c| {
                let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
                v["text"] = json!(c.to_string());
                v
            })
            .collect();
        Ok::<_, Response>(Json(Value::Array(list)).into_response())
    })
    .await;
    match work {
        Ok(Ok(r)) | Ok(Err(r)) | Err(r) => r,
    }
}

/// `POST /api/amend?date=ГГГГ-ММ-ДД&number=N` `{"old", "new"}`: the amending order's input
/// file (as `prikaz amend`), to download.
pub(super) async fn amend(RawQuery(query): RawQuery, body: Result<Bytes, BytesRejection>) -> Response {
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let (mut date, mut number) = (None, None);
    for (k, v) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "date" if !v.is_empty() => match prikaz::input::model::parse_iso_date(&v) {
                Ok(d) => date = Some(prikaz::input::model::IsoDate(d)),
                Err(e) => return refuse(StatusCode::BAD_REQUEST, &format!("дата: {e}")),
            },
            "number" if !v.trim().is_empty() => number = Some(v.trim().to_owned()),
            _ => {}
        }
    }
    let work = blocking(move || {
        let (old, new) = versions(&text)?;
        let own = prikaz::amend::Requisites { date, number };
        prikaz::Engine::amending_order(&old, &new, &own)
            .map(|doc| {
                let text = serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
                ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], text).into_response()
            })
            .map_err(|d| {
                let message = match &d.hint {
                    Some(h) => format!("{}; {h}", d.message),
                    None => d.message.clone(),
                };
                refuse(StatusCode::UNPROCESSABLE_ENTITY, &message)
            })
    })
    .await;
    match work {
        Ok(Ok(r)) | Ok(Err(r)) | Err(r) => r,
    }
}

/// `POST /api/tracked` `{"old", "new"}`: the new version's DOCX with the changes since the
/// old one as Word revisions (as `prikaz render НОВЫЙ --changes-from СТАРЫЙ`), to download.
async fn tracked(Axum(state): Axum<Arc<State>>, body: Result<Bytes, BytesRejection>) -> Response {
    let text = match body_text(body) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let stem = state
        .file
        .as_ref()
        .and_then(|f| f.file_stem())
        .map_or_else(|| "документ".into(), |s| s.to_string_lossy().into_owned());
    let job = RenderJob { engine: state.engine.clone(), name: state.name(), stem, base: state.folder(None) };
    job.tracked(&state.renders, text).await
}

impl RenderJob {
    /// The tracked DOCX of `{"old", "new"}` (see [`tracked`]), in a render slot.
    pub async fn tracked(self, renders: &Arc<tokio::sync::Semaphore>, text: String) -> Response {
        let Ok(permit) = renders.clone().acquire_owned().await else {
            return refuse(StatusCode::SERVICE_UNAVAILABLE, "сервер останавливается");
        };
        let RenderJob { engine, stem, base, .. } = self;
        let disposition = format!("attachment; filename*=UTF-8''{}.docx", percent(&format!("{stem}-изменения")));
        let job = tokio::task::spawn_blocking(move || {
            let _slot = permit;
            let (old, new) = versions_within(&text, Some(&base))?;
            let by = prikaz::Engine::reviser(&new, None, None);
            let opts = Options { pdf: false, files_within_base: true, ..Options::default() };
            engine
                .render_tracked(&old, &new, &opts, &by)
                .map_err(|d| refuse(StatusCode::UNPROCESSABLE_ENTITY, &d.message))
                .map(|out| out.docx.unwrap_or_default())
        });
        match tokio::time::timeout(RENDER_TIMEOUT, job).await {
            Ok(Ok(Ok(bytes))) => (
                [
                    (
                        header::CONTENT_TYPE,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document".to_owned(),
                    ),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                bytes,
            )
                .into_response(),
            Ok(Ok(Err(r))) => r,
            Ok(Err(_)) => refuse(StatusCode::INTERNAL_SERVER_ERROR, "сбой при сборке документа"),
            Err(_) => refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                &format!(
                    "документ собирается дольше {} с; соберите его командой prikaz render",
                    RENDER_TIMEOUT.as_secs()
                ),
            ),
        }
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
    let first = !state.saved_once.load(Ordering::SeqCst);
    let written = blocking(move || {
        let old = super::file::read_bytes(&path).map_err(|why| (StatusCode::FORBIDDEN, why, None))?;
        let current = super::file::version_of(old.as_deref().unwrap_or(b""));
        if current != save.version {
            let why = "файл изменён в другой вкладке или программе после того, как вы его открыли; \
                       скачайте свою версию (JSON) и откройте файл заново";
            return Err((StatusCode::CONFLICT, why.to_owned(), Some(current)));
        }
        super::file::save(&path, old.as_deref(), first, &save.text)
            .map_err(|why| (StatusCode::INTERNAL_SERVER_ERROR, why, None))?;
        Ok(super::file::version_of(save.text.as_bytes()))
    })
    .await;
    match written {
        Ok(Ok(version)) => {
            state.saved_once.store(true, Ordering::SeqCst);
            Json(json!({ "version": version })).into_response()
        }
        Ok(Err((status, why, current))) => (status, Json(json!({ "error": why, "version": current }))).into_response(),
        Err(r) => r,
    }
}

/// `PUT /api/picture` (header `x-file-name`, percent-encoded; body: the PNG or JPEG):
/// stores it in the document's folder, answers its name there and its size in pixels.
async fn put_picture(
    Axum(state): Axum<Arc<State>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let bytes = match body {
        Ok(b) => b.to_vec(),
        Err(e) => {
            return refuse(e.status(), &format!("изображение не принято: не больше {} МБ", super::MAX_BODY >> 20))
        }
    };
    let name = super::picture::sent_name(&headers);
    let folder = state.folder(query.as_deref());
    match blocking(move || super::picture::store(&folder, &name, bytes)).await {
        Ok(Ok(stored)) => Json(json!({
            "path": stored.name,
            "width_px": stored.pixels.0,
            "height_px": stored.pixels.1,
        }))
        .into_response(),
        Ok(Err(why)) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &format!("изображение не принято: {why}")),
        Err(r) => r,
    }
}
