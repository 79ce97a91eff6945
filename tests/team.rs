//! `prikaz serve --workspace`: the department's server, started as the IT specialist
//! starts it, on a workspace with an administrator, a methodologist and two schools made
//! by `prikaz users add` — who sees what on every endpoint, logged out, wrong passwords,
//! cross-site requests, versions, the template handed out and built for every school,
//! 30 users at once, `kill -9` during saves, and a backup taken while serving.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::http::{raw_request, try_request, Answer};
use common::root;
use serde_json::{json, Value};

const PASSWORD: &str = "пароль-для-проверки";

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

fn prikaz(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_prikaz"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn add_user(ws: &Path, login: &str, role: &str, org: Option<&str>) {
    let mut args = vec!["users", "add", login, "--name", login, "--role", role, "--workspace", ws.to_str().unwrap()];
    if let Some(o) = org {
        args.extend(["--org", o]);
    }
    let out = prikaz(&args, &format!("{PASSWORD}\n"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A new workspace with `admin`, `metod` and the schools `school1` (МБОУ СОШ № 1) and
/// `school2` (МБОУ СОШ № 2).
fn workspace(name: &str) -> PathBuf {
    let ws = common::temp_dir(name).join("ws");
    let _ = std::fs::remove_dir_all(&ws);
    add_user(&ws, "admin", "admin", None);
    add_user(&ws, "metod", "methodologist", None);
    add_user(&ws, "school1", "school", Some("МБОУ СОШ № 1"));
    add_user(&ws, "school2", "school", Some("МБОУ СОШ № 2"));
    ws
}

fn start(ws: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_prikaz"))
        .args(["serve", "--port", "0", "--workspace", ws.to_str().unwrap()])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    // «сервер отдела: http://127.0.0.1:PORT/ (остановить: Ctrl+C)»
    let url = line.split_whitespace().find(|w| w.starts_with("http://")).unwrap_or_else(|| panic!("{line}"));
    let addr = url["http://".len()..].trim_end_matches('/').to_owned();
    Server { child, addr }
}

/// A logged-in user: its cookie and CSRF token.
#[derive(Clone)]
struct User {
    addr: String,
    cookie: String,
    csrf: String,
}

impl User {
    fn call(&self, method: &str, path: &str, body: &[u8]) -> Answer {
        let cookie = format!("prikaz_session={}", self.cookie);
        let mut headers = vec![("Host", self.addr.as_str()), ("Cookie", cookie.as_str())];
        if method != "GET" {
            headers.push(("X-CSRF-Token", self.csrf.as_str()));
        }
        raw_request(&self.addr, method, path, &headers, body)
    }

    fn json(&self, method: &str, path: &str, body: Value) -> Answer {
        self.call(method, path, body.to_string().as_bytes())
    }

    /// [`User::call`], or `None` when the server is gone.
    fn try_call(&self, method: &str, path: &str, body: &[u8]) -> Option<Answer> {
        let cookie = format!("prikaz_session={}", self.cookie);
        let headers = [("Host", self.addr.as_str()), ("Cookie", cookie.as_str()), ("X-CSRF-Token", self.csrf.as_str())];
        try_request(&self.addr, method, path, &headers, body)
    }
}

fn login_answer(addr: &str, login: &str, password: &str) -> Answer {
    let body = json!({ "login": login, "password": password }).to_string();
    raw_request(addr, "POST", "/api/login", &[("Host", addr), ("Content-Type", "application/json")], body.as_bytes())
}

fn login(addr: &str, login: &str) -> User {
    let a = login_answer(addr, login, PASSWORD);
    assert_eq!(a.status, 200, "{login}: {}", a.text());
    let set = a.header("set-cookie").expect("a session cookie");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="] {
        assert!(set.contains(part), "{set}");
    }
    // Plain HTTP on 127.0.0.1 (no proxy): a Secure cookie would never come back.
    assert!(!set.contains("Secure"), "{set}");
    let cookie = set.split(';').next().unwrap().trim_start_matches("prikaz_session=").to_owned();
    User { addr: addr.to_owned(), cookie, csrf: a.json()["csrf"].as_str().unwrap().to_owned() }
}

fn create(user: &User, title: &str, from: &str) -> i64 {
    let a = user.json("POST", "/api/documents", json!({ "title": title, "from": from }));
    assert_eq!(a.status, 201, "{}", a.text());
    a.json()["id"].as_i64().unwrap()
}

fn png() -> Vec<u8> {
    std::fs::read(root().join("samples/logo-sad.png")).unwrap()
}

/// Every endpoint that reads or changes document `id`, as (method, path, body).
fn endpoints(id: i64) -> Vec<(&'static str, String, Vec<u8>)> {
    let text = std::fs::read(root().join("samples/solnechnogorsk-2023.json")).unwrap();
    let pair = json!({ "old": String::from_utf8_lossy(&text), "new": String::from_utf8_lossy(&text) }).to_string();
    let save = json!({ "text": "{}", "version": 1, "comment": "чужая правка" }).to_string();
    vec![
        ("GET", format!("/api/documents/{id}"), vec![]),
        ("PUT", format!("/api/documents/{id}"), save.clone().into_bytes()),
        ("PUT", format!("/api/documents/{id}/title"), br#"{"title": "x"}"#.to_vec()),
        ("GET", format!("/api/documents/{id}/file"), vec![]),
        ("PUT", format!("/api/documents/{id}/file"), save.into_bytes()),
        ("GET", format!("/api/documents/{id}/versions"), vec![]),
        ("GET", format!("/api/documents/{id}/versions/1"), vec![]),
        ("GET", format!("/api/documents/{id}/versions/1?download=1"), vec![]),
        ("POST", format!("/api/documents/{id}/versions/1/restore"), vec![]),
        ("GET", format!("/api/documents/{id}/signed"), vec![]),
        ("PUT", format!("/api/documents/{id}/signed"), br#"{"version": 1}"#.to_vec()),
        ("POST", format!("/api/documents/{id}/validate"), text.clone()),
        ("POST", format!("/api/documents/{id}/context"), text.clone()),
        ("POST", format!("/api/documents/{id}/render?format=pdf"), text.clone()),
        ("POST", format!("/api/documents/{id}/render?format=docx"), text),
        ("POST", format!("/api/documents/{id}/tracked"), pair.into_bytes()),
        ("PUT", format!("/api/documents/{id}/picture"), png()),
        ("POST", format!("/api/documents/{id}/batch"), b"short_name\n".to_vec()),
        ("POST", "/api/documents".to_owned(), format!(r#"{{"title": "x", "from": {id}}}"#).into_bytes()),
    ]
}

#[test]
fn a_school_cannot_reach_another_schools_documents_on_any_endpoint() {
    let ws = workspace("team-isolation");
    let server = start(&ws);
    let (one, two, metod) =
        (login(&server.addr, "school1"), login(&server.addr, "school2"), login(&server.addr, "metod"));
    let mine = create(&one, "Дорожная карта СОШ 1", "order");
    let theirs = create(&two, "Дорожная карта СОШ 2", "order");
    // The other school's document is in no list of school 2's and answers nothing.
    let list = two.call("GET", "/api/documents", b"").json();
    let ids: Vec<i64> = list.as_array().unwrap().iter().map(|d| d["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![theirs]);
    for (method, path, body) in endpoints(mine) {
        let a = two.call(method, &path, &body);
        assert!(matches!(a.status, 403 | 404), "{method} {path}: {} {}", a.status, a.text());
        assert!(a.json()["error"].as_str().is_some_and(|e| e.chars().any(|c| ('а'..='я').contains(&c))), "{path}");
    }
    // Nothing of it changed: one version, its title, no picture, not signed.
    let a = one.call("GET", &format!("/api/documents/{mine}"), b"");
    assert_eq!(
        (a.status, a.json()["version"].as_i64(), a.json()["title"].as_str()),
        (200, Some(1), Some("Дорожная карта СОШ 1"))
    );
    assert!(a.json()["signed"].is_null());
    // Its own school renders it; the methodologist sees both.
    let text = std::fs::read(root().join("samples/solnechnogorsk-2023.json")).unwrap();
    let pdf = one.call("POST", &format!("/api/documents/{mine}/render"), &text);
    assert_eq!(pdf.status, 200, "{}", pdf.text());
    assert!(pdf.body.starts_with(b"%PDF"));
    let all = metod.call("GET", "/api/documents", b"").json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    for (method, path, body) in endpoints(theirs).into_iter().filter(|(m, p, _)| *m == "GET" && !p.ends_with("signed"))
    {
        let a = metod.call(method, &path, &body);
        assert_eq!(a.status, 200, "{method} {path}: {}", a.text());
    }
}

#[test]
fn logged_out_everything_but_the_login_page_is_refused() {
    let ws = workspace("team-logged-out");
    let server = start(&ws);
    let one = login(&server.addr, "school1");
    let id = create(&one, "Документ", "order");
    let anonymous = User { addr: server.addr.clone(), cookie: String::new(), csrf: String::new() };
    let forged = User { cookie: "0".repeat(64), ..anonymous.clone() };
    let mut all = endpoints(id);
    for path in ["/api/documents", "/api/me", "/api/schema", "/api/samples", "/api/samples/order"] {
        all.push(("GET", path.to_owned(), vec![]));
    }
    all.push(("POST", "/api/diff".into(), b"{}".to_vec()));
    all.push(("POST", "/api/amend".into(), b"{}".to_vec()));
    all.push(("POST", "/api/logout".into(), vec![]));
    all.push(("GET", "/api/users".into(), vec![]));
    all.push(("POST", "/api/users".into(), br#"{"login": "x", "name": "x", "role": "admin"}"#.to_vec()));
    all.push(("PUT", "/api/users/admin/password".into(), b"{}".to_vec()));
    all.push(("DELETE", "/api/users/admin".into(), vec![]));
    for who in [&anonymous, &forged] {
        for (method, path, body) in &all {
            let a = who.call(method, path, body);
            assert_eq!(a.status, 401, "{method} {path}: {}", a.text());
        }
        // Pages send the browser to the login page.
        for page in ["/", "/users", &format!("/documents/{id}"), &format!("/documents/{id}/versions")] {
            let a = who.call("GET", page, b"");
            assert_eq!((a.status, a.header("location").as_deref()), (303, Some("/login")), "{page}");
        }
    }
    assert_eq!(anonymous.call("GET", "/login", b"").status, 200);
    assert_eq!(anonymous.call("GET", "/static/team/login.js", b"").status, 200);
    assert_eq!(anonymous.call("GET", "/healthz", b"").text(), "ok\n");
    // Logging out ends the session on the server, not only in the browser.
    assert_eq!(one.call("POST", "/api/logout", b"").status, 200);
    assert_eq!(one.call("GET", "/api/documents", b"").status, 401);
}

#[test]
fn wrong_passwords_are_slowed_down() {
    let ws = workspace("team-passwords");
    let server = start(&ws);
    let t = Instant::now();
    let a = login_answer(&server.addr, "school1", "не тот пароль");
    let first = t.elapsed();
    assert_eq!(a.status, 401);
    assert!(a.header("set-cookie").is_none());
    let t = Instant::now();
    login_answer(&server.addr, "school1", "снова не тот");
    let second = t.elapsed();
    // An unknown login is answered the same way (no hint which logins exist).
    let t = Instant::now();
    let unknown = login_answer(&server.addr, "nobody", "что угодно");
    assert_eq!((unknown.status, unknown.json()), (401, a.json()));
    assert!(t.elapsed() >= Duration::from_secs(1));
    let t = Instant::now();
    login(&server.addr, "school1");
    let right = t.elapsed();
    assert!(first >= Duration::from_secs(1) && second >= Duration::from_secs(2), "{first:?} {second:?}");
    assert!(right < Duration::from_secs(1), "{right:?}");
}

#[test]
fn a_cross_site_request_without_the_csrf_token_changes_nothing() {
    let ws = workspace("team-csrf");
    let server = start(&ws);
    let one = login(&server.addr, "school1");
    let id = create(&one, "Документ", "order");
    let cookie = format!("prikaz_session={}", one.cookie);
    let save = json!({ "text": "{\"подменено\": true}", "version": 1 }).to_string();
    let path = format!("/api/documents/{id}");
    let attempts: Vec<Vec<(&str, &str)>> = vec![
        // The browser sends the cookie along (were it not SameSite=Strict), but no token.
        vec![("Host", &server.addr), ("Cookie", &cookie)],
        vec![("Host", &server.addr), ("Cookie", &cookie), ("X-CSRF-Token", "угадал")],
        vec![
            ("Host", &server.addr),
            ("Cookie", &cookie),
            ("X-CSRF-Token", &one.csrf),
            ("Origin", "https://evil.example"),
        ],
        vec![
            ("Host", &server.addr),
            ("Cookie", &cookie),
            ("X-CSRF-Token", &one.csrf),
            ("Sec-Fetch-Site", "cross-site"),
        ],
        // DNS rebinding: a foreign name for this address.
        vec![("Host", "evil.example"), ("Cookie", &cookie), ("X-CSRF-Token", &one.csrf)],
    ];
    for headers in &attempts {
        let a = raw_request(&server.addr, "PUT", &path, headers, save.as_bytes());
        assert!(matches!(a.status, 403 | 421), "{headers:?}: {} {}", a.status, a.text());
    }
    let a = raw_request(&server.addr, "POST", "/api/documents", &attempts[0], br#"{"title": "x", "from": "order"}"#);
    assert_eq!(a.status, 403);
    let login = json!({ "login": "school1", "password": PASSWORD }).to_string();
    let a = raw_request(
        &server.addr,
        "POST",
        "/api/login",
        &[("Host", &server.addr), ("Origin", "https://evil.example")],
        login.as_bytes(),
    );
    assert_eq!(a.status, 403);
    // Behind a proxy that says it speaks HTTPS, the cookie is sent over HTTPS only.
    let login = json!({ "login": "school2", "password": PASSWORD }).to_string();
    let proxied = [("Host", server.addr.as_str()), ("X-Forwarded-Proto", "https")];
    let a = raw_request(&server.addr, "POST", "/api/login", &proxied, login.as_bytes());
    assert!(a.header("set-cookie").unwrap().ends_with("; Secure"), "{}", a.headers);
    let now = one.call("GET", &path, b"").json();
    assert_eq!(now["version"], 1);
    assert!(!now["text"].as_str().unwrap().contains("подменено"));
    assert_eq!(one.call("GET", "/api/documents", b"").json().as_array().unwrap().len(), 1);
}

#[test]
fn every_save_is_a_version_and_a_stale_one_is_refused() {
    let ws = workspace("team-versions");
    let server = start(&ws);
    let one = login(&server.addr, "school1");
    let id = create(&one, "Документ", "order");
    let path = format!("/api/documents/{id}");
    let first = one.call("GET", &path, b"").json()["text"].as_str().unwrap().to_owned();
    let second = first.replacen("\"number\": \"", "\"number\": \"2-", 1);
    assert_ne!(first, second);
    let a = one.json("PUT", &path, json!({ "text": second, "version": 1, "comment": "номер приказа" }));
    assert_eq!((a.status, a.json()["version"].as_i64()), (200, Some(2)));
    // Another tab still at version 1.
    let a = one.json("PUT", &path, json!({ "text": "{}", "version": 1 }));
    assert_eq!((a.status, a.json()["version"].as_i64()), (409, Some(2)));
    assert!(a.json()["error"].as_str().unwrap().contains("версия 2"));
    let a = one.json("PUT", &format!("{path}/signed"), json!({ "version": 2 }));
    assert_eq!(a.status, 200, "{}", a.text());
    let a = one.call("POST", &format!("{path}/versions/1/restore"), b"");
    assert_eq!(a.json()["version"], 3);
    let list = one.call("GET", &format!("{path}/versions"), b"").json();
    let versions = list["versions"].as_array().unwrap();
    let numbers: Vec<i64> = versions.iter().map(|v| v["number"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [3, 2, 1]);
    assert_eq!(versions[0]["comment"], "восстановлена версия 1");
    assert_eq!(versions[1]["comment"], "номер приказа");
    assert_eq!((versions[1]["signed"].as_bool(), versions[0]["author"].as_str()), (Some(true), Some("school1")));
    assert_eq!(one.call("GET", &format!("{path}/versions/1"), b"").json()["text"], first);
    assert_eq!(one.call("GET", &format!("{path}/versions/2"), b"").json()["text"], second);
    assert_eq!(one.call("GET", &path, b"").json()["text"], first);
    let signed = one.call("GET", &format!("{path}/signed"), b"").json();
    assert_eq!((signed["version"].as_i64(), signed["text"].as_str()), (Some(2), Some(second.as_str())));
    // A version that does not exist, a number that is not one.
    assert_eq!(one.call("GET", &format!("{path}/versions/9"), b"").status, 404);
    assert_eq!(one.call("GET", "/api/documents/abc", b"").status, 404);
    let big = vec![b' '; 21 << 20];
    assert_eq!(one.call("PUT", &path, &big).status, 413);
}

#[test]
fn the_municipal_template_is_handed_out_and_built_for_every_school() {
    let ws = workspace("team-template");
    let server = start(&ws);
    let (one, metod) = (login(&server.addr, "school1"), login(&server.addr, "metod"));
    let batch = std::fs::read_to_string(root().join("samples/batch/municipal.json")).unwrap();
    // Only methodologists publish templates.
    let a = one.json("POST", "/api/documents", json!({ "title": "Шаблон", "text": batch, "template": true }));
    assert_eq!(a.status, 403);
    let a = metod.json(
        "POST",
        "/api/documents",
        json!({ "title": "Наставничество 2023/2024", "text": batch, "template": true }),
    );
    assert_eq!(a.status, 201, "{}", a.text());
    let template = a.json()["id"].as_i64().unwrap();
    // Before the school list, a school cannot fill it: the message says what is missing.
    let a = one.json("POST", "/api/documents", json!({ "title": "Моя карта", "from": template }));
    assert_eq!(a.status, 422, "{}", a.text());
    // The batch: the list kept, every school's documents in one ZIP.
    let schools = std::fs::read(root().join("samples/batch/schools.csv")).unwrap();
    assert_eq!(one.call("POST", &format!("/api/documents/{template}/batch"), &schools).status, 403);
    let zip = metod.call("POST", &format!("/api/documents/{template}/batch"), &schools);
    assert_eq!(zip.status, 200, "{}", zip.text());
    let archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body)).unwrap();
    let names: Vec<&str> = archive.file_names().collect();
    let rows = String::from_utf8_lossy(&schools).lines().filter(|l| !l.trim().is_empty()).count() - 1;
    assert_eq!(names.iter().filter(|n| n.ends_with(".pdf")).count(), rows + 1, "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("МБОУ СОШ № 1.")), "{names:?}");
    // Now the school starts from the template, filled from its row.
    let a = one.json("POST", "/api/documents", json!({ "title": "Моя карта", "from": template }));
    assert_eq!(a.status, 201, "{}", a.text());
    let text =
        one.call("GET", &format!("/api/documents/{}", a.json()["id"]), b"").json()["text"].as_str().unwrap().to_owned();
    assert!(text.contains("К.О. Попова") && text.contains("54-ОД") && !text.contains("{{"), "{text}");
    // The school sees the template but cannot change it.
    assert_eq!(one.call("GET", &format!("/api/documents/{template}"), b"").status, 200);
    let a = one.json("PUT", &format!("/api/documents/{template}"), json!({ "text": "{}", "version": 1 }));
    assert_eq!(a.status, 403);
}

/// Saves acknowledged by the server: (version, text).
type Saved = Vec<(i64, String)>;

/// What one simulated user did: who, its document, its saves, its renders' times.
type Session = (User, i64, Saved, Vec<Duration>);

/// Saves of `user` to document `id` for `seconds`; every acknowledged (version, text).
fn keep_saving(user: &User, id: i64, until: Instant, mut render: impl FnMut(&str)) -> Vec<(i64, String)> {
    let path = format!("/api/documents/{id}");
    let mut saved = Vec::new();
    let mut n = 0;
    while Instant::now() < until {
        // The server may be killed on purpose at any moment.
        let Some(doc) = user.try_call("GET", &path, b"").filter(|a| a.status == 200) else { break };
        let doc = doc.json();
        n += 1;
        let text = doc["text"].as_str().unwrap().replacen("\"number\": \"", &format!("\"number\": \"{n}-"), 1);
        let save = json!({ "text": text, "version": doc["version"], "comment": format!("правка {n}") });
        let Some(a) = user.try_call("PUT", &path, save.to_string().as_bytes()).filter(|a| a.status == 200) else {
            break;
        };
        saved.push((a.json()["version"].as_i64().unwrap(), text.clone()));
        render(&text);
    }
    saved
}

#[test]
fn thirty_users_edit_save_and_render_at_once() {
    let ws = workspace("team-thirty");
    for i in 1..=26 {
        add_user(&ws, &format!("user{i}"), "school", Some(&format!("МБОУ СОШ № {}", 1 + i % 13)));
    }
    let server = start(&ws);
    let seconds: u64 = std::env::var("PRIKAZ_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let logins: Vec<String> = ["metod", "school1", "school2", "admin"]
        .iter()
        .map(|s| s.to_string())
        .chain((1..=26).map(|i| format!("user{i}")))
        .collect();
    assert_eq!(logins.len(), 30);
    let users: Vec<(User, i64)> = logins
        .iter()
        .map(|l| {
            let u = login(&server.addr, l);
            let id = create(&u, &format!("Документ {l}"), "order");
            (u, id)
        })
        .collect();
    let until = Instant::now() + Duration::from_secs(seconds);
    let results: Vec<Session> = std::thread::scope(|s| {
        let handles: Vec<_> = users
            .iter()
            .map(|(u, id)| {
                s.spawn(move || {
                    let mut times = Vec::new();
                    let saved = keep_saving(u, *id, until, |text| {
                        let t = Instant::now();
                        let a = u.call("POST", &format!("/api/documents/{id}/render"), text.as_bytes());
                        assert_eq!(a.status, 200, "{}", a.text());
                        assert!(a.body.starts_with(b"%PDF"));
                        times.push(t.elapsed());
                    });
                    (u.clone(), *id, saved, times)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut all: Vec<Duration> = results.iter().flat_map(|r| r.3.iter().copied()).collect();
    all.sort();
    let saves: usize = results.iter().map(|r| r.2.len()).sum();
    for (u, id, saved, _) in &results {
        assert!(!saved.is_empty(), "a user saved nothing");
        // Every version this user saved is there, with its text.
        for (version, text) in saved {
            let a = u.call("GET", &format!("/api/documents/{id}/versions/{version}"), b"");
            assert_eq!(a.json()["text"].as_str(), Some(text.as_str()), "document {id} version {version}");
        }
        let list = u.call("GET", &format!("/api/documents/{id}/versions"), b"").json();
        assert_eq!(list["versions"].as_array().unwrap().len(), saved.len() + 1);
    }
    let p = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    println!(
        "30 пользователей, {seconds} с: сохранений {saves}, сборок PDF {}; сборка PDF: медиана {:?}, p95 {:?}",
        all.len(),
        p(0.5),
        p(0.95)
    );
}

#[test]
fn kill_9_during_saves_keeps_every_committed_version() {
    let ws = workspace("team-kill");
    let mut server = start(&ws);
    let users: Vec<(User, i64)> = ["school1", "school2", "metod", "admin"]
        .iter()
        .map(|l| {
            let u = login(&server.addr, l);
            let id = create(&u, &format!("Документ {l}"), "order");
            (u, id)
        })
        .collect();
    let until = Instant::now() + Duration::from_secs(30);
    let pid = server.child.id();
    let results: Vec<(i64, Vec<(i64, String)>)> = std::thread::scope(|s| {
        let handles: Vec<_> =
            users.iter().map(|(u, id)| s.spawn(move || (*id, keep_saving(u, *id, until, |_| {})))).collect();
        std::thread::sleep(Duration::from_secs(3));
        // SIGKILL: no shutdown, no flush, in the middle of saves.
        assert!(Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap().success());
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let _ = server.child.wait();
    let saves: usize = results.iter().map(|r| r.1.len()).sum();
    assert!(saves >= 4, "only {saves} saves before the kill");
    // The database opens (the server checks it at start) with every acknowledged save.
    let server = start(&ws);
    for ((login_name, (_, id)), (_, saved)) in ["school1", "school2", "metod", "admin"].iter().zip(&users).zip(&results)
    {
        let u = login(&server.addr, login_name);
        for (version, text) in saved {
            let a = u.call("GET", &format!("/api/documents/{id}/versions/{version}"), b"");
            assert_eq!(a.json()["text"].as_str(), Some(text.as_str()), "document {id} version {version}");
        }
    }
}

#[test]
fn a_backup_taken_while_serving_restores_every_document_and_version() {
    let ws = workspace("team-backup");
    let server = start(&ws);
    let users: Vec<(User, i64)> = ["school1", "school2"]
        .iter()
        .map(|l| {
            let u = login(&server.addr, l);
            (u.clone(), create(&u, &format!("Документ {l}"), "order"))
        })
        .collect();
    let copy = ws.parent().unwrap().join("копия.sqlite");
    let _ = std::fs::remove_file(&copy);
    let until = Instant::now() + Duration::from_secs(6);
    let results: Vec<Vec<(i64, String)>> = std::thread::scope(|s| {
        let handles: Vec<_> = users.iter().map(|(u, id)| s.spawn(move || keep_saving(u, *id, until, |_| {}))).collect();
        std::thread::sleep(Duration::from_secs(2));
        let out = prikaz(&["backup", "--workspace", ws.to_str().unwrap(), copy.to_str().unwrap()], "");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    drop(server);
    // A backup over an existing file is refused.
    let again = prikaz(&["backup", "--workspace", ws.to_str().unwrap(), copy.to_str().unwrap()], "");
    assert!(!again.status.success());
    let restored = ws.parent().unwrap().join("восстановлено");
    let _ = std::fs::remove_dir_all(&restored);
    let out = prikaz(&["restore", copy.to_str().unwrap(), "--workspace", restored.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let server = start(&restored);
    for (((u, id), saved), login_name) in users.iter().zip(&results).zip(["school1", "school2"]) {
        let _ = u;
        let u = login(&server.addr, login_name);
        let list = u.call("GET", &format!("/api/documents/{id}/versions"), b"").json();
        let kept = list["versions"].as_array().unwrap().len() as i64;
        // The copy holds a prefix of the saves: every version up to where it was taken,
        // each with its text, and none half-written.
        assert!(kept >= 2, "the copy holds {kept} versions of document {id}");
        for (version, text) in saved.iter().filter(|(v, _)| *v <= kept) {
            let a = u.call("GET", &format!("/api/documents/{id}/versions/{version}"), b"");
            assert_eq!(a.json()["text"].as_str(), Some(text.as_str()));
        }
    }
}

#[test]
fn users_are_managed_from_the_command_line() {
    let ws = workspace("team-users");
    let w = ws.to_str().unwrap();
    let list = prikaz(&["users", "list", "--workspace", w], "");
    let list = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(list.contains("school1\tschool\tschool1\tМБОУ СОШ № 1"), "{list}");
    // A generated password is printed once and works.
    let out = prikaz(&["users", "add", "new", "--name", "Новый", "--role", "methodologist", "--workspace", w], "\n");
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    let password =
        printed.lines().find_map(|l| l.strip_prefix("пароль: ")).unwrap_or_else(|| panic!("{printed}")).to_owned();
    // Refusals in Russian: a school without its organisation, a short password, the same login.
    for (args, stdin, says) in [
        (
            vec!["users", "add", "s", "--name", "S", "--role", "school", "--workspace", w],
            "длинный-пароль\n",
            "организация",
        ),
        (vec!["users", "add", "s", "--name", "S", "--role", "admin", "--workspace", w], "корот\n", "пароль короче"),
        (
            vec!["users", "add", "school1", "--name", "S", "--role", "admin", "--workspace", w],
            "длинный-пароль\n",
            "уже есть",
        ),
        (vec!["users", "remove", "admin", "--workspace", w], "", "последний администратор"),
    ] {
        let out = prikaz(&args, stdin);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains(says), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let server = start(&ws);
    assert_eq!(login_answer(&server.addr, "new", &password).status, 200);
    // A new password ends the sessions; a removed user cannot log in.
    let one = login(&server.addr, "school1");
    assert!(prikaz(&["users", "passwd", "school1", "--workspace", w], "другой-пароль-1\n").status.success());
    assert_eq!(one.call("GET", "/api/documents", b"").status, 401);
    assert_eq!(login_answer(&server.addr, "school1", "другой-пароль-1").status, 200);
    assert!(prikaz(&["users", "remove", "school2", "--workspace", w], "").status.success());
    assert_eq!(login_answer(&server.addr, "school2", PASSWORD).status, 401);
    // The database holds no password and no session token in the clear.
    let mut db = std::fs::read(ws.join("prikaz.sqlite")).unwrap();
    db.extend(std::fs::read(ws.join("prikaz.sqlite-wal")).unwrap_or_default());
    assert!(!db.windows(PASSWORD.len()).any(|w| w == PASSWORD.as_bytes()));
    assert!(!db.windows(one.cookie.len()).any(|w| w == one.cookie.as_bytes()));
    // Without a workspace of its own, serve says how to make one.
    let out = prikaz(&["serve", "--workspace", ws.parent().unwrap().join("нет").to_str().unwrap()], "");
    assert!(String::from_utf8_lossy(&out.stderr).contains("prikaz users add"));
}

/// Whether headless Chromium can be driven here (CI installs it).
fn browser() -> bool {
    common::tool("chromium") && common::tool("chromedriver") && common::python_modules("selenium")
}

#[test]
fn the_department_server_works_in_a_real_browser() {
    if !browser() {
        return;
    }
    let ws = workspace("team-browser");
    let server = start(&ws);
    let (two, metod) = (login(&server.addr, "school2"), login(&server.addr, "metod"));
    create(&two, "Дорожная карта СОШ 2", "order");
    let batch = std::fs::read_to_string(root().join("samples/batch/municipal.json")).unwrap();
    let a = metod.json(
        "POST",
        "/api/documents",
        json!({ "title": "Шаблон: наставничество", "text": batch, "template": true }),
    );
    assert_eq!(a.status, 201);
    let run = Command::new("python3")
        .arg(root().join("tests/web/team.py"))
        .arg(format!("http://{}/", server.addr))
        .args(["school1", PASSWORD])
        .arg(root().join("target/editor-screenshots"))
        .current_dir(root())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(run.status.success(), "team.py: {stdout}\n{}", String::from_utf8_lossy(&run.stderr));
    // What the browser saved is on the server: version 2 with the typed title, 1 signed.
    let one = login(&server.addr, "school1");
    let id: i64 = stdout.trim().parse().unwrap();
    let doc = one.call("GET", &format!("/api/documents/{id}"), b"").json();
    assert_eq!((doc["version"].as_i64(), doc["signed"].as_i64()), (Some(2), Some(1)));
    assert!(doc["text"].as_str().unwrap().contains("\"title\": \"О наставничестве в 2026/2027 учебном году\""));
    let versions = one.call("GET", &format!("/api/documents/{id}/versions"), b"").json();
    assert_eq!(versions["versions"][0]["comment"], "новый заголовок");
}

#[test]
fn only_administrators_manage_users_on_the_server() {
    let ws = workspace("team-admin");
    let server = start(&ws);
    let (admin, metod, one) =
        (login(&server.addr, "admin"), login(&server.addr, "metod"), login(&server.addr, "school1"));
    let new = json!({ "login": "sosh3", "name": "Кузнецова Н. А.", "role": "school", "org": "МБОУ СОШ № 3" });
    let calls: Vec<(&str, &str, Vec<u8>)> = vec![
        ("GET", "/api/users", vec![]),
        ("POST", "/api/users", new.to_string().into_bytes()),
        ("PUT", "/api/users/school2/password", b"{}".to_vec()),
        ("DELETE", "/api/users/school2", vec![]),
    ];
    for who in [&metod, &one] {
        for (method, path, body) in &calls {
            assert_eq!(who.call(method, path, body).status, 403, "{method} {path}");
        }
    }
    assert_eq!(login_answer(&server.addr, "school2", PASSWORD).status, 200, "nothing changed");
    // The administrator: a made-up password answered once, and it works.
    let a = admin.call("POST", "/api/users", new.to_string().as_bytes());
    assert_eq!(a.status, 201, "{}", a.text());
    let password = a.json()["password"].as_str().unwrap().to_owned();
    assert_eq!(login_answer(&server.addr, "sosh3", &password).status, 200);
    assert_eq!(a.json()["org"], "МБОУ СОШ № 3");
    let list = admin.call("GET", "/api/users", b"").json();
    assert_eq!(list.as_array().unwrap().len(), 5);
    let a = admin.call("PUT", "/api/users/school2/password", b"{}");
    let fresh = a.json()["password"].as_str().unwrap().to_owned();
    assert_eq!(login_answer(&server.addr, "school2", PASSWORD).status, 401);
    assert_eq!(login_answer(&server.addr, "school2", &fresh).status, 200);
    assert_eq!(admin.call("DELETE", "/api/users/school2", b"").status, 200);
    assert_eq!(login_answer(&server.addr, "school2", &fresh).status, 401);
    assert_eq!(admin.call("DELETE", "/api/users/admin", b"").status, 422);
    assert_eq!(admin.call("DELETE", "/api/users/nobody", b"").status, 404);
    let a = admin.call(
        "POST",
        "/api/users",
        json!({ "login": "x y", "name": "X", "role": "admin" }).to_string().as_bytes(),
    );
    assert_eq!(a.status, 422, "{}", a.text());
    // The page itself is served to a session; its calls are refused to others above.
    assert_eq!(admin.call("GET", "/users", b"").status, 200);
}
