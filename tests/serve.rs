//! `prikaz serve`: the real server, started as a user starts it, answering its API over
//! real HTTP — validate, render, schema, samples, the opened file — with a clear 4xx for
//! every bad request and an answer to the next one after it; 50 renders at once; and the
//! editor page driven in headless Chromium (tests/web/editor.py) from opening a file to a
//! refused conflicting save, with a screenshot of each state.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::http::{raw_request, Answer};
use common::{root, tool};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    /// The address as printed, token included.
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(file: Option<&std::path::Path>) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prikaz"));
    cmd.arg("serve").args(["--port", "0"]).current_dir(root()).stdout(Stdio::piped()).stderr(Stdio::inherit());
    if let Some(f) = file {
        cmd.arg(f);
    }
    let mut child = cmd.spawn().expect("prikaz serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    // «редактор: http://127.0.0.1:PORT/?token=… (остановить: Ctrl+C)»
    let url = line.split_whitespace().find(|w| w.starts_with("http://")).expect("the address is printed").to_owned();
    let addr = url["http://".len()..].split('/').next().unwrap().to_owned();
    let token = url.split("token=").nth(1).expect("the address carries the token").to_owned();
    TOKENS.lock().unwrap().insert(addr.clone(), token);
    Server { child, addr, url }
}

/// Each running server's token by its address, sent by `request`.
static TOKENS: std::sync::Mutex<std::collections::BTreeMap<String, String>> =
    std::sync::Mutex::new(std::collections::BTreeMap::new());

fn request(addr: &str, method: &str, path: &str, body: &[u8]) -> Answer {
    let token = TOKENS.lock().unwrap().get(addr).cloned().unwrap_or_default();
    raw_request(addr, method, path, &[("Host", addr), ("Authorization", &format!("Bearer {token}"))], body)
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples").join(name)).unwrap()
}

#[test]
fn the_api_answers_and_refuses_clearly() {
    let server = start(None);
    let a = server.addr.as_str();
    let alive = || assert_eq!(request(a, "GET", "/api/samples", b"").status, 200, "the server still answers");

    let schema = request(a, "GET", "/api/schema", b"");
    assert_eq!(schema.status, 200);
    assert!(schema.json()["properties"]["appendices"].is_object());
    let list = request(a, "GET", "/api/samples", b"").json();
    assert_eq!(list.as_array().unwrap().len(), prikaz::samples::ALL.len());
    assert_eq!(request(a, "GET", "/api/samples/order", b"").body, sample("solnechnogorsk-2023.json"));

    let ok = request(a, "POST", "/api/validate", &sample("solnechnogorsk-2023.json")).json();
    assert_eq!(ok["errors"], serde_json::json!([]));
    let bad_date = r#"{"order": {"kind": "ПРИКАЗ", "date": "2024-02-30", "number": "1", "title": "О"}}"#.as_bytes();
    let bad = request(a, "POST", "/api/validate", bad_date).json();
    let first = &bad["errors"][0];
    assert_eq!((first["path"].as_str(), first["line"].as_u64()), (Some("order.date"), Some(1)), "{bad}");
    assert!(first["message"].as_str().unwrap().contains("несуществующая дата"));

    // A logo beside a built-in sample is found (the samples' files are served with them).
    let pdf = request(a, "POST", "/api/render?format=pdf", &sample("kindergarten-2024.json"));
    assert_eq!(pdf.status, 200, "{}", String::from_utf8_lossy(&pdf.body));
    assert!(pdf.body.starts_with(b"%PDF") && pdf.headers.contains("application/pdf"));
    let docx = request(a, "POST", "/api/render?format=docx", &sample("solnechnogorsk-2023.json"));
    assert!(docx.status == 200 && docx.body.starts_with(b"PK"));

    // Bad requests: each a 4xx with a Russian message, and the server goes on.
    let refused = request(a, "POST", "/api/render?format=pdf", bad_date);
    assert_eq!(refused.status, 422);
    assert_eq!(refused.json()["errors"][0]["path"], "order.date");
    alive();
    let broken = request(a, "POST", "/api/render", b"{\"order\": ");
    assert_eq!(broken.status, 422);
    assert!(broken.json()["errors"][0]["line"].is_u64());
    alive();
    assert_eq!(request(a, "POST", "/api/render?format=odt", b"{}").status, 400);
    alive();
    // Refusals are Russian JSON, axum's English never reaches the page.
    for (method, path) in [
        ("POST", "/api/render?format=pdf&format=docx"),
        ("GET", "/api/samples/%FF"),
        ("DELETE", "/api/file"),
        ("GET", "/static/%FF"),
    ] {
        let r = request(a, method, path, b"");
        assert!((400..500).contains(&r.status), "{method} {path}: {}", r.status);
        let message = r.json()["error"].as_str().unwrap().to_owned();
        assert!(message.chars().any(|c| ('а'..='я').contains(&c)), "{method} {path}: {message}");
    }
    assert_eq!(request(a, "POST", "/api/validate", &[0xff, 0xfe, 0x00]).status, 400);
    alive();
    let huge = request(a, "POST", "/api/validate", &vec![b' '; 21 << 20]);
    assert_eq!(huge.status, 413);
    assert!(huge.json()["error"].as_str().unwrap().contains("20 МБ"));
    alive();
    let missing = request(a, "GET", "/api/nothing", b"");
    assert_eq!(missing.status, 404);
    assert!(missing.json()["error"].as_str().unwrap().contains("такого адреса нет"));
    assert_eq!(request(a, "GET", "/api/file", b"").status, 404, "no file was opened");
    alive();
}

#[test]
fn fifty_renders_at_once_all_complete() {
    let server = start(None);
    let body = sample("solnechnogorsk-2023.json");
    let results: Vec<(u16, bool)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..50)
            .map(|i| {
                let (a, body) = (server.addr.as_str(), &body);
                let format = if i % 2 == 0 { "pdf" } else { "docx" };
                s.spawn(move || {
                    let r = request(a, "POST", &format!("/api/render?format={format}"), body);
                    (r.status, r.body.starts_with(if format == "pdf" { b"%PDF" } else { b"PK\x03\x04" }))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(results.iter().all(|&(s, ok)| s == 200 && ok), "{results:?}");
}

#[test]
fn the_opened_file_is_saved_with_a_backup_and_a_stale_save_is_refused() {
    let dir = common::temp_dir("serve-file");
    let file = dir.join("приказ.json");
    std::fs::write(&file, sample("solnechnogorsk-2023.json")).unwrap();
    let server = start(Some(&file));
    let a = server.addr.as_str();
    let opened = request(a, "GET", "/api/file", b"").json();
    assert_eq!(opened["name"], "приказ.json");
    let version = opened["version"].as_str().unwrap().to_owned();
    let edited = opened["text"].as_str().unwrap().replace("15 а", "16");
    let save = serde_json::json!({ "text": edited, "version": version }).to_string();
    let saved = request(a, "PUT", "/api/file", save.as_bytes());
    assert_eq!(saved.status, 200, "{}", String::from_utf8_lossy(&saved.body));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    assert_eq!(std::fs::read(dir.join("приказ.json.bak")).unwrap(), sample("solnechnogorsk-2023.json"));
    // A second tab still holds the first version: its save is a conflict, nothing is written.
    let stale = request(a, "PUT", "/api/file", save.replace("16", "17").as_bytes());
    assert_eq!(stale.status, 409);
    assert!(stale.json()["error"].as_str().unwrap().contains("изменён в другой вкладке"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    assert_eq!(request(a, "PUT", "/api/file", b"not json").status, 400);
    std::fs::remove_dir_all(&dir).ok();
}

/// What another web page or another program of this computer can do: nothing. Each
/// refusal is tried as an attacker would send it, over real HTTP.
#[test]
fn only_this_users_browser_may_use_the_server() {
    let dir = common::temp_dir("serve-guard");
    let file = dir.join("приказ.json");
    let original = sample("solnechnogorsk-2023.json");
    std::fs::write(&file, &original).unwrap();
    let server = start(Some(&file));
    let a = server.addr.as_str();
    let token = server.url.split("token=").nth(1).unwrap().to_owned();
    let bearer = format!("Bearer {token}");
    let secret = "Солнечногорск";

    // DNS rebinding: the attacker's page reaches 127.0.0.1 under its own name.
    for host in ["evil.example", "evil.example:80", &format!("attacker.test:{}", a.split(':').nth(1).unwrap()), ""] {
        let r = raw_request(a, "GET", "/api/file", &[("Host", host), ("Authorization", &bearer)], b"");
        assert!((400..500).contains(&r.status), "Host «{host}»: {}", r.status);
        assert!(!String::from_utf8_lossy(&r.body).contains(secret), "no file text for Host «{host}»");
        assert!(r.json()["error"].as_str().unwrap().contains("127.0.0.1"), "a Russian refusal");
    }
    // Another site's page posting through the user's browser: refused, the file unchanged.
    let version = request(a, "GET", "/api/file", b"").json()["version"].as_str().unwrap().to_owned();
    let evil = serde_json::json!({ "text": "{}", "version": version }).to_string();
    for (name, value) in [("Origin", "http://evil.example"), ("Origin", "null"), ("Sec-Fetch-Site", "cross-site")] {
        let r = raw_request(
            a,
            "PUT",
            "/api/file",
            &[("Host", a), ("Authorization", &bearer), (name, value)],
            evil.as_bytes(),
        );
        assert_eq!(r.status, 403, "{name}: {value}");
        assert_eq!(std::fs::read(&file).unwrap(), original, "the file is unchanged after {name}: {value}");
    }
    // The page's own origin is fine.
    let own = format!("http://{a}");
    let r = raw_request(a, "GET", "/api/file", &[("Host", a), ("Authorization", &bearer), ("Origin", &own)], b"");
    assert_eq!(r.status, 200);
    // No token, a wrong one, one a character short: refused; in the query it is accepted.
    for auth in ["", "Bearer ", "Bearer 0123", &bearer[..bearer.len() - 1]] {
        let r = raw_request(a, "GET", "/api/file", &[("Host", a), ("Authorization", auth)], b"");
        assert_eq!(r.status, 401, "Authorization «{auth}»");
        assert!(!String::from_utf8_lossy(&r.body).contains(secret));
        assert!(r.json()["error"].as_str().unwrap().contains("ключа доступа"));
    }
    assert_eq!(raw_request(a, "GET", &format!("/api/file?token={token}"), &[("Host", a)], b"").status, 200);
    // The page itself needs no token (it carries none) but a right Host.
    assert_eq!(raw_request(a, "GET", "/", &[("Host", a)], b"").status, 200);
    assert_eq!(raw_request(a, "GET", "/", &[("Host", "evil.example")], b"").status, 421);

    // A logo path leading out of the document's folder: one located error, whether or not
    // the file is there (so the answer does not tell what exists on the disk).
    let real_png = root().join("samples/logo-sad.png");
    let mut messages = Vec::new();
    for path in [
        real_png.to_string_lossy().into_owned(),
        "/nonexistent/logo.png".into(),
        "../samples/logo-sad.png".into(),
        "../nothing/none.png".into(),
        "C:\\Windows\\logo.png".into(),
    ] {
        let mut doc: serde_json::Value = serde_json::from_slice(&original).unwrap();
        doc["blank"]["logo"] = serde_json::json!({ "path": path });
        let body = serde_json::to_vec(&doc).unwrap();
        let checked = request(a, "POST", "/api/validate", &body).json();
        let e = &checked["errors"][0];
        assert_eq!(e["path"], "blank.logo.path", "{path}: {checked}");
        assert!(e["line"].is_u64(), "located: {checked}");
        messages.push(e["message"].as_str().unwrap().to_owned());
        let rendered = request(a, "POST", "/api/render?format=docx", &body);
        assert_eq!(rendered.status, 422, "{path}: nothing of the disk is embedded");
    }
    assert!(messages.windows(2).all(|w| w[0] == w[1]), "the same words whether the file exists: {messages:?}");

    // A logo sent from the page lands in the document's folder under a plain name.
    let png = std::fs::read(&real_png).unwrap();
    let up = |name: &str, body: &[u8]| {
        raw_request(a, "PUT", "/api/picture", &[("Host", a), ("Authorization", &bearer), ("x-file-name", name)], body)
    };
    let stored = up("..%2F..%2F%D0%93%D0%B5%D1%80%D0%B1.png", &png);
    assert_eq!(stored.status, 200, "{}", String::from_utf8_lossy(&stored.body));
    let stored = stored.json();
    assert_eq!(stored["path"], "Герб.png");
    assert_eq!(std::fs::read(dir.join("Герб.png")).unwrap(), png);
    assert!(stored["width_px"].as_u64().unwrap() > 0);
    assert_eq!(up("a.png", b"not a picture").status, 422);

    // Saving: the first save of the run keeps the file as it was in .bak, the next ones
    // leave that alone; a file replaced by a link is written through to its target.
    let save = |text: &str| {
        let version = request(a, "GET", "/api/file", b"").json()["version"].as_str().unwrap().to_owned();
        let body = serde_json::json!({ "text": text, "version": version }).to_string();
        assert_eq!(request(a, "PUT", "/api/file", body.as_bytes()).status, 200);
    };
    let bak = dir.join("приказ.json.bak");
    let first = String::from_utf8(original.clone()).unwrap().replace("15 а", "16");
    save(&first);
    save(&first.replace("16", "17"));
    assert_eq!(std::fs::read(&bak).unwrap(), original, "two saves keep the version before them in .bak");
    #[cfg(unix)]
    {
        let target = dir.join("настоящий.json");
        std::fs::rename(&file, &target).unwrap();
        std::os::unix::fs::symlink(&target, &file).unwrap();
        save("{\"через\": \"ссылку\"}");
        assert!(std::fs::symlink_metadata(&file).unwrap().file_type().is_symlink(), "the link stays a link");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "{\"через\": \"ссылку\"}");
        // The file turned into a FIFO while the server runs: a refusal, not a hang.
        std::fs::remove_file(&file).unwrap();
        assert!(Command::new("mkfifo").arg(&file).status().unwrap().success());
        let r = request(a, "GET", "/api/file", b"");
        assert!((400..500).contains(&r.status), "{}", r.status);
        assert!(r.json()["error"].as_str().unwrap().contains("не обычный файл"));
        assert_eq!(request(a, "GET", "/api/samples", b"").status, 200, "the server still answers");
    }
    drop(server);
    std::fs::remove_dir_all(&dir).ok();
}

/// A device or a FIFO given as the file: refused at start, with the reason, at once.
#[cfg(unix)]
#[test]
fn serve_refuses_devices_and_fifos_at_start() {
    let dir = common::temp_dir("serve-fifo");
    let fifo = dir.join("канал.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for path in [std::path::Path::new("/dev/zero"), fifo.as_path()] {
        let started = std::time::Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_prikaz")).args(["serve", "--port", "0"]).arg(path).output().unwrap();
        assert!(!out.status.success(), "{}", path.display());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("не обычный файл"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Whether headless Chromium can be driven here (CI installs it; elsewhere the browser
/// tests are skipped).
fn browser() -> bool {
    tool("chromium") && tool("chromedriver") && common::python_modules("selenium")
}

/// Runs tests/web/SCRIPT with the server's address, then `args`, then the screenshots'
/// folder (target/editor-screenshots/); fails with what it printed unless it exits 0.
/// Its standard output is returned.
fn browser_script(script: &str, server: &Server, args: &[&std::path::Path]) -> String {
    let run = Command::new("python3")
        .arg(root().join("tests/web").join(script))
        .arg(&server.url)
        .args(args)
        .arg(root().join("target/editor-screenshots"))
        .current_dir(root())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(run.status.success(), "{script}: {stdout}\n{}", String::from_utf8_lossy(&run.stderr));
    stdout
}

/// A server with a copy of the municipal sample opened as `name`, in a folder of its own.
fn start_with_sample(folder: &str, name: &str) -> (Server, std::path::PathBuf, std::path::PathBuf) {
    let dir = common::temp_dir(folder);
    let file = dir.join(name);
    std::fs::write(&file, sample("solnechnogorsk-2023.json")).unwrap();
    (start(Some(&file)), dir, file)
}

/// The page in headless Chromium: see tests/web/editor.py for the steps. The screenshots
/// land in target/editor-screenshots/.
#[test]
fn the_editor_works_in_a_real_browser() {
    if !browser() {
        return;
    }
    let (server, dir, file) = start_with_sample("serve-editor", "p.json");
    let stdout = browser_script("editor.py", &server, &[&file]);
    // {"pages": [before, after adding rows], …}
    let report: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap_or("{}")).unwrap();
    let grown = report["pages"][1].as_u64().unwrap() as usize;
    assert!(grown > report["pages"][0].as_u64().unwrap() as usize);
    let downloads = root().join("target/editor-screenshots/downloads");
    let pdf = std::fs::read(downloads.join("p.pdf")).unwrap();
    assert_eq!(common::checks::pdf_pages(&pdf).unwrap(), grown, "the downloaded PDF has the added rows");
    if tool("openxml-audit") {
        let out = Command::new("openxml-audit").arg(downloads.join("p.docx")).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
        assert!(text.contains("Errors: 0"), "{text}");
    }
    std::fs::remove_dir_all(&downloads).ok();
    std::fs::remove_dir_all(&dir).ok();
}

/// «Сравнить с…» in headless Chromium: the signed file chosen, the title retyped and a row
/// added; the change list names both, and the amending order and the DOCX with the changes
/// as Word revisions download (tests/web/compare.py).
#[test]
fn the_editor_compares_with_the_signed_version_in_a_real_browser() {
    if !browser() {
        return;
    }
    let (server, dir, file) = start_with_sample("serve-compare", "p.json");
    let signed = dir.join("подписанный.json");
    std::fs::copy(&file, &signed).unwrap();
    browser_script("compare.py", &server, &[&signed]);
    std::fs::remove_dir_all(root().join("target/editor-screenshots/compare-downloads")).ok();
    std::fs::remove_dir_all(&dir).ok();
}

/// `prikaz serve` without a file, in headless Chromium: the start page, a sample opened,
/// downloads named after the document, the draft back after a reload, «Новый документ»
/// asking first (tests/web/start.py).
#[test]
fn the_start_page_keeps_unsaved_work_in_a_real_browser() {
    if browser() {
        browser_script("start.py", &start(None), &[]);
    }
}

/// Every value of every built-in sample is shown in a form control (tests/web/form.py
/// names the few left to other tabs, with the reason), and the form prints what it shows:
/// point 2's addressee of the municipal sample, retyped and removed in the form.
#[test]
fn the_form_shows_every_printed_field_in_a_real_browser() {
    if browser() {
        browser_script("form.py", &start(None), &[]);
    }
}

/// The plan's grid typed into as in Excel, with real keys (tests/web/grid.py): a 4×3 block
/// with Tab and Enter, Alt+Enter inside a cell, a block pasted from the clipboard, undone
/// and redone; the saved file has every value in its cell and nowhere else.
#[test]
fn the_plan_grid_types_like_excel_in_a_real_browser() {
    if !browser() {
        return;
    }
    let (server, dir, file) = start_with_sample("serve-grid", "план.json");
    browser_script("grid.py", &server, &[&file]);
    drop(server);
    std::fs::remove_dir_all(&dir).ok();
}
