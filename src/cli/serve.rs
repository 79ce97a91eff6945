//! `prikaz serve [FILE] [--port 8080] [--listen ADDR] [--open]`: the local web editor.

use super::outln;
use std::path::PathBuf;
use std::process::ExitCode;

use super::outcome::{finish, Done, Failure, Outcome};

pub fn run(
    file: Option<PathBuf>,
    port: u16,
    listen: Option<std::net::IpAddr>,
    hosts: Vec<String>,
    open: bool,
) -> Outcome {
    serve(file, port, listen, hosts, open, false)
}

/// `prikaz.exe` double-clicked in Explorer: the console window belongs to this process
/// alone. A command line run from cmd or PowerShell shares it with the shell.
pub fn started_by_double_click() -> bool {
    #[cfg(windows)]
    {
        #[link(name = "kernel32")]
        extern "system" {
            fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
        }
        let mut ids = [0u32; 4];
        // SAFETY: the buffer holds `ids.len()` process ids; the call writes at most that many.
        let attached = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
        attached == 1
    }
    #[cfg(not(windows))]
    {
        false
    }
}

/// The editor's start page in the default browser, for a user who double-clicked the
/// program: the console says what it is and that closing it stops the editor; if the
/// editor cannot start, the window waits for Enter so the reason can be read.
pub fn run_from_explorer() -> ExitCode {
    outln!("prikaz — редактор приказов. Сейчас он откроется в браузере.");
    outln!("Не закрывайте это окно, пока работаете: закрыв его, вы остановите редактор.");
    // The usual port if it is free, any free one otherwise (a second copy still starts).
    let free = std::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 8080)).is_ok();
    let outcome = serve(None, if free { 8080 } else { 0 }, None, Vec::new(), true, true);
    let stopped = outcome.is_err();
    let code = finish(outcome);
    if stopped {
        outln!("Нажмите Enter, чтобы закрыть окно.");
        let _ = std::io::stdin().read_line(&mut String::new());
    }
    code
}

fn serve(
    file: Option<PathBuf>,
    port: u16,
    listen: Option<std::net::IpAddr>,
    hosts: Vec<String>,
    open: bool,
    quiet: bool,
) -> Outcome {
    let ip = listen.unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    if !ip.is_loopback() {
        super::report::warning(format_args!(
            "редактор будет доступен с других компьютеров по адресу {ip}; \
             открыть его можно только по адресу с ключом доступа (?token=…), который напечатан ниже"
        ));
    }
    if let Some(Err(why)) = file.as_deref().map(crate::serve::check_openable) {
        return Err(Failure::invalid(why));
    }
    let engine = prikaz::Engine::builtin().map_err(|d| Failure::in_file("шаблоны", d))?;
    let config = crate::serve::Config {
        addr: std::net::SocketAddr::new(ip, port),
        file,
        hosts,
        on_ready: Box::new(move |url| {
            if quiet {
                outln!("Адрес редактора: {url}");
            } else {
                outln!("редактор: {url} (остановить: Ctrl+C)");
            }
            if open {
                open_browser(url);
            }
        }),
    };
    crate::serve::run(engine, config).map(|()| Done::Ok).map_err(|e| Failure::invalid(e.to_string()))
}

/// Opens the page in the user's browser.
fn open_browser(url: &str) {
    let tried = if cfg!(target_os = "windows") {
        std::process::Command::new("cmd").args(["/C", "start", "", url]).spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if tried.is_err() {
        super::report::warning(format_args!("браузер не открылся; откройте {url} сами"));
    }
}

/// `prikaz serve --workspace ПАПКА`: the department's server.
pub fn run_workspace(
    folder: &std::path::Path,
    port: u16,
    listen: Option<std::net::IpAddr>,
    hosts: Vec<String>,
    behind_https: bool,
) -> Outcome {
    let ip = listen.unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    let workspace = crate::workspace::Workspace::open(folder, false).map_err(|e| Failure::invalid(e.to_string()))?;
    if workspace.users().map_err(|e| Failure::invalid(e.to_string()))?.is_empty() {
        return Err(Failure::invalid(format!(
            "в рабочей папке {} нет пользователей; добавьте администратора: prikaz users add admin --name \
             \"Администратор\" --role admin --workspace {}",
            folder.display(),
            folder.display()
        )));
    }
    let engine = prikaz::Engine::builtin().map_err(|d| Failure::in_file("шаблоны", d))?;
    let config = crate::serve::team::Config {
        addr: std::net::SocketAddr::new(ip, port),
        hosts,
        behind_https,
        on_ready: Box::new(|url| outln!("сервер отдела: {url} (остановить: Ctrl+C)")),
    };
    crate::serve::team::run(engine, workspace, config).map(|()| Done::Ok).map_err(Failure::invalid)
}
