//! `prikaz serve --workspace ПАПКА`: the editor for a whole department — accounts,
//! each organisation's documents, every version kept, the municipal template handed out.
//!
//! State lives in the workspace ([`crate::workspace`]); this layer checks who is asking
//! ([`gate`]) and turns the workspace's answers into HTTP. The API (the pages use it;
//! scripts may too) is listed in docs/server.md. Every refusal is `{"error": "…"}` in
//! Russian with 401, 403, 404, 409, 413, 422 or 429.

/// Unwraps a step's result or answers with its refusal (used by the handlers' modules,
/// declared after it).
macro_rules! or_answer {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(r) => return r,
        }
    };
}

mod answer;
mod auth;
mod batch;
mod docs;
pub mod gate;
mod users;
mod work;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::Router;

use prikaz::Engine;

use super::reply::refuse;
use crate::workspace::Workspace;

/// How the workspace server is started.
pub struct Config {
    pub addr: SocketAddr,
    /// Host names it answers to besides this computer's (the name in front of the proxy).
    pub hosts: Vec<String>,
    /// Cookies only over HTTPS: the server is behind a proxy that terminates it.
    pub behind_https: bool,
    /// Called with the address once the server listens.
    pub on_ready: Box<dyn FnOnce(&str) + Send>,
}

/// What every request shares.
pub struct Shared {
    pub workspace: Arc<Workspace>,
    pub engine: Arc<Engine>,
    /// Renders running at once (the cores); the others wait.
    pub renders: Arc<tokio::sync::Semaphore>,
    pub gate: gate::Gate,
}

/// Runs the server until the process is stopped.
pub fn run(engine: Engine, workspace: Workspace, config: Config) -> Result<(), String> {
    workspace.check().map_err(|e| e.to_string())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("не удалось запустить сервер: {}", prikaz::output::os_error(&e)))?;
    runtime.block_on(async move {
        let listener = super::bind(config.addr).await?;
        let addr = listener.local_addr().map_err(|e| prikaz::output::os_error(&e))?;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let shared = Arc::new(Shared {
            workspace: Arc::new(workspace),
            engine: Arc::new(engine),
            renders: Arc::new(tokio::sync::Semaphore::new(cores)),
            gate: gate::Gate::new(addr, &config.hosts, config.behind_https),
        });
        (config.on_ready)(&format!("http://{addr}/"));
        axum::serve(listener, router(shared).into_make_service_with_connect_info::<SocketAddr>())
            .await
            .map_err(|e| format!("сервер остановился: {}", prikaz::output::os_error(&e)))
    })
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(|| async { super::assets::page("team/documents.html") }))
        .route("/login", get(|| async { super::assets::page("team/login.html") }))
        .route("/documents/{id}", get(|| async { super::assets::index() }))
        .route("/documents/{id}/versions", get(|| async { super::assets::page("team/versions.html") }))
        .route("/users", get(|| async { super::assets::page("team/users.html") }))
        .route("/healthz", get(work::healthz))
        .route("/static/{*path}", get(super::api::asset))
        .route("/api/login", post(auth::login))
        .route("/api/logout", post(auth::logout))
        .route("/api/me", get(auth::me))
        .route("/api/schema", get(super::api::schema))
        .route("/api/samples", get(super::api::samples))
        .route("/api/samples/{id}", get(super::api::sample))
        .route("/api/diff", post(super::api::diff))
        .route("/api/amend", post(super::api::amend))
        .route("/api/users", get(users::list).post(users::add))
        .route("/api/users/{login}", axum::routing::delete(users::remove))
        .route("/api/users/{login}/password", put(users::password))
        .route("/api/documents", get(docs::list).post(docs::create))
        .route("/api/documents/{id}", get(docs::read).put(docs::save))
        .route("/api/documents/{id}/title", put(docs::rename))
        .route("/api/documents/{id}/file", get(docs::read_as_file).put(docs::save_as_file))
        .route("/api/documents/{id}/versions", get(docs::versions))
        .route("/api/documents/{id}/versions/{n}", get(docs::version))
        .route("/api/documents/{id}/versions/{n}/restore", post(docs::restore))
        .route("/api/documents/{id}/signed", get(docs::signed).put(docs::mark_signed))
        .route("/api/documents/{id}/validate", post(work::validate))
        .route("/api/documents/{id}/context", post(work::context))
        .route("/api/documents/{id}/render", post(work::render))
        .route("/api/documents/{id}/tracked", post(work::tracked))
        .route("/api/documents/{id}/picture", put(work::picture))
        .route("/api/documents/{id}/batch", post(work::batch))
        .fallback(|| async {
            refuse(StatusCode::NOT_FOUND, "такого адреса нет; API описан в docs/server.md")
        })
        .method_not_allowed_fallback(|| async {
            refuse(StatusCode::METHOD_NOT_ALLOWED, "этот адрес не принимает такой запрос (метод HTTP)")
        })
        .layer(DefaultBodyLimit::max(super::MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(shared.clone(), gate::check))
        .with_state(shared)
}
