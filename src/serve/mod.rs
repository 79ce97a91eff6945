//! `prikaz serve`: a local web editor with a live preview, on the library's [`Engine`].
//!
//! An HTTP server on 127.0.0.1 (another address only when asked, with a warning) serves
//! the editor page and its front-end files — embedded in the binary, nothing from the
//! network — and a JSON API the page uses:
//!
//! | request | answer |
//! |---|---|
//! | `GET /api/schema` | the input format's JSON Schema |
//! | `GET /api/samples`, `GET /api/samples/{id}` | the built-in samples, one sample's text |
//! | `POST /api/validate` (body: the document) | 200 `{"errors": […], "warnings": […]}` |
//! | `POST /api/render?format=pdf\|docx` | 200 with the file; 422 with the errors |
//! | `GET /api/file` | the opened file: `{"name", "text", "version"}` |
//! | `PUT /api/file` (`{"text", "version"}`) | saves it; 409 if the file changed since `version` |
//! | `PUT /api/picture` (header `x-file-name`; body: PNG or JPEG) | stores it in the document's folder: `{"path", "width_px", "height_px"}` |
//!
//! `validate`, `render` and `picture` take `?scratch=1` for a document that is not the
//! opened file (a sample, a file the browser opened, a new one): the names it holds are
//! found in a folder of this run that holds the samples' files and such pictures.
//!
//! Only this user's browser may use it (see [`guard`]): a `Host` of this computer, no
//! foreign `Origin`, and the run's random token on every API call. The first save of a
//! run keeps the file as it was in `ФАЙЛ.bak`; later saves of the run leave that alone.
//!
//! A body over 20 MB gets 413; a render that takes over 30 s is answered with 503 (its
//! thread finishes in the background; the next requests are served meanwhile); at most
//! as many renders run at once as there are cores, the rest wait their turn.

mod api;
mod assets;
mod file;
pub mod guard;
mod picture;
mod reply;
pub mod team;

pub use file::check_openable;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use prikaz::Engine;

/// How the server is started.
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// The file the editor opens and saves, if any.
    pub file: Option<PathBuf>,
    /// Host names the server answers to besides this computer's (`--host`).
    pub hosts: Vec<String>,
    /// Called with the editor's address, token included, once the server listens (to
    /// open a browser, to print it).
    pub on_ready: Box<dyn FnOnce(&str) + Send>,
}

/// The largest request body (as for input files).
pub const MAX_BODY: usize = 20 << 20;

/// Runs the server until the process is stopped.
pub fn run(engine: Engine, config: Config) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("не удалось запустить сервер: {}", prikaz::output::os_error(&e)))?;
    runtime.block_on(async move {
        let listener = bind(config.addr).await?;
        let addr = listener.local_addr().map_err(|e| prikaz::output::os_error(&e))?;
        let token = guard::new_token()?;
        let access = Arc::new(guard::Access::new(addr, &config.hosts, token.clone()));
        let state = Arc::new(api::State::new(engine, config.file)?);
        let app = api::router(state, access);
        // A socket address prints an IPv6 host in brackets, as a URL wants it.
        (config.on_ready)(&format!("http://{addr}/?token={token}"));
        axum::serve(listener, app).await.map_err(|e| format!("сервер остановился: {}", prikaz::output::os_error(&e)))
    })
}

/// Listens on `addr`, or says in Russian why not.
async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, String> {
    tokio::net::TcpListener::bind(addr).await.map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => {
            format!("адрес {addr} занят другой программой; укажите другой порт: --port 8081")
        }
        std::io::ErrorKind::AddrNotAvailable => {
            format!("адреса {} у этого компьютера нет; для --listen укажите адрес одной из его сетевых карт", addr.ip())
        }
        _ => format!("не удалось занять адрес {addr}: {}", prikaz::output::os_error(&e)),
    })
}
