//! `prikaz serve [FILE] [--port 8080] [--listen ADDR] [--open]`: the local web editor.

use super::outln;
use std::path::PathBuf;
use std::process::ExitCode;

use super::EXIT_INVALID;

pub fn run(file: Option<PathBuf>, port: u16, listen: Option<std::net::IpAddr>, hosts: Vec<String>, open: bool) -> ExitCode {
    let ip = listen.unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    if !ip.is_loopback() {
        eprintln!(
            "предупреждение: редактор будет доступен с других компьютеров по адресу {ip}; \
             открыть его можно только по адресу с ключом доступа (?token=…), который напечатан ниже"
        );
    }
    if let Some(Err(why)) = file.as_deref().map(prikaz::serve::check_openable) {
        eprintln!("ошибка: {why}");
        return ExitCode::from(EXIT_INVALID);
    }
    let engine = match prikaz::Engine::builtin() {
        Ok(e) => e,
        Err(d) => {
            eprintln!("{}", d.render("шаблоны", None, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let config = prikaz::serve::Config {
        addr: std::net::SocketAddr::new(ip, port),
        file,
        hosts,
        on_ready: Box::new(move |url| {
            outln!("редактор: {url} (остановить: Ctrl+C)");
            if open {
                open_browser(url);
            }
        }),
    };
    match prikaz::serve::run(engine, config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ошибка: {e}");
            ExitCode::from(EXIT_INVALID)
        }
    }
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
        eprintln!("предупреждение: браузер не открылся; откройте {url} сами");
    }
}
