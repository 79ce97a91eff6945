//! `prikaz serve`: the real server, started as a user starts it, answering its API over
//! real HTTP — validate, render, schema, samples, the opened file — with a clear 4xx for
//! every bad request and an answer to the next one after it; 50 renders at once; and the
//! editor page driven in headless Chromium (tests/web/editor.py) from opening a file to a
//! refused conflicting save, with a screenshot of each state.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use common::{root, tool};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
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
    // «редактор: http://127.0.0.1:PORT/ (остановить: Ctrl+C)»
    let addr =
        line.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("the address is printed").to_owned();
    Server { child, addr }
}

struct Answer {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }
}

fn request(addr: &str, method: &str, path: &str, body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    // A body the server refuses may be cut short: the answer is still read.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a full answer");
    let headers = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = headers.split(' ').nth(1).unwrap().parse().unwrap();
    let mut body = raw[split + 4..].to_vec();
    if headers.to_lowercase().contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    Answer { status, headers, body }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&b[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[end + 2..end + 2 + size]);
        b = &b[end + 4 + size..];
    }
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

/// The page in headless Chromium: see tests/web/editor.py for the steps. The screenshots
/// land in target/editor-screenshots/.
#[test]
fn the_editor_works_in_a_real_browser() {
    if !tool("chromium") || !tool("chromedriver") || !common::python_modules("selenium") {
        return;
    }
    let dir = common::temp_dir("serve-editor");
    let file = dir.join("p.json");
    std::fs::write(&file, sample("solnechnogorsk-2023.json")).unwrap();
    let server = start(Some(&file));
    let shots = root().join("target/editor-screenshots");
    let run = Command::new("python3")
        .arg(root().join("tests/web/editor.py"))
        .arg(format!("http://{}/", server.addr))
        .arg(&file)
        .arg(&shots)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}\n{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    // {"pages": [before, after adding rows], …}
    let report: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&run.stdout).lines().last().unwrap_or("{}")).unwrap();
    let grown = report["pages"][1].as_u64().unwrap() as usize;
    assert!(grown > report["pages"][0].as_u64().unwrap() as usize);
    let downloads = shots.join("downloads");
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
