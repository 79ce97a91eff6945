//! The hostile corpus and faults: what users paste (tests/fixtures/hostile/, each with its
//! expected outcome in `*.expected`), inputs that are too big or too deep, and output
//! that cannot be written — a folder without rights, a full disk, a run killed while
//! writing. Earlier outputs must stay intact, no temporary file may remain, and every
//! message must say what happened and where.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::checks::{docx_text, outside_printable_area, pdf_pages, Printed};
use common::{check_snapshot, input_words, ir, json_files, prikaz, root, tool};
use prikaz::layout::text::Measurer;

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("prikaz-hostile-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&d).ok();
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Temporary files of ours left in a folder.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".prikaz-") || n.ends_with(".tmp"))
        .collect()
}

/// Runs the binary through `sh` with limits set first (`ulimit` lines).
fn prikaz_limited(limits: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("{limits}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_prikaz"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs")
}

// ------------------------------------------------------------------ the corpus

/// Every fixture renders (or is refused) as its `.expected` file says: the exit code and
/// the messages. What renders is then checked: a DOCX Word can open, a PDF that parses
/// (and passes `qpdf --check`), nothing outside the printable area, every word of the
/// input in both files (in the PDF unless a font lacks its letters: those are listed).
#[test]
fn every_hostile_fixture_has_its_expected_outcome_and_valid_output() {
    let files = json_files("tests/fixtures/hostile");
    assert!(files.len() >= 15, "{files:?}");
    let dir = temp_dir("corpus");
    let m = Measurer::bundled();
    let mut problems = Vec::new();
    for f in &files {
        let out = prikaz(&["render", f, "-o", dir.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        let code = out.status.code();
        let actual = format!("exit {}\n{stderr}", code.map_or("signal".into(), |c| c.to_string()));
        problems.extend(check_snapshot(&root().join(f.replace(".json", ".expected")), &actual));
        match code {
            Some(0) => problems.extend(check_rendered(f, &dir, &stderr, &m)),
            Some(1) => {
                // Refused: an error that names the place in the file.
                if !stderr.starts_with("ошибка: ") || !stderr.contains(&format!("--> {f}:")) {
                    problems.push(format!("{f}: refused without a located error:\n{stderr}"));
                }
            }
            other => problems.push(format!("{f}: exit {other:?}:\n{stderr}")),
        }
    }
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    std::fs::remove_dir_all(&dir).ok();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

fn check_rendered(f: &str, dir: &Path, stderr: &str, m: &Measurer) -> Vec<String> {
    let mut problems = Vec::new();
    let stem = Path::new(f).file_stem().unwrap().to_string_lossy().into_owned();
    let docx_path = dir.join(format!("{stem}.docx"));
    let pdf_path = dir.join(format!("{stem}.pdf"));
    let docx = std::fs::read(&docx_path).unwrap_or_default();
    let pdf = std::fs::read(&pdf_path).unwrap_or_default();
    let body = match docx_text(&docx) {
        Ok(b) => b,
        Err(e) => return vec![format!("{f}: DOCX: {e}")],
    };
    let doc = ir(f);
    let pages = prikaz::layout::layout(&doc, m);
    let outside = outside_printable_area(&doc, &pages, m);
    if !outside.is_empty() {
        problems.push(format!("{f}: outside the printable area: {:?}", &outside[..outside.len().min(5)]));
    }
    match pdf_pages(&pdf) {
        Ok(n) if n == pages.len() => {}
        Ok(n) => problems.push(format!("{f}: the PDF has {n} pages, the layout {}", pages.len())),
        Err(e) => problems.push(format!("{f}: {e}")),
    }
    if tool("qpdf") {
        let check = Command::new("qpdf").arg("--check").arg(&pdf_path).output().unwrap();
        if !check.status.success() {
            problems.push(format!("{f}: qpdf --check: {}", text(&check.stdout)));
        }
    }
    // The PDF's own text when poppler is here, else what the layout drew.
    let pdf_text = tool("pdftotext").then(|| {
        let out = Command::new("pdftotext").arg(&pdf_path).arg("-").output().unwrap();
        Printed::from_pieces(text(&out.stdout).lines().map(str::to_owned))
    });
    let drawn = Printed::from_layout(&doc, &pages, m);
    let in_docx = Printed::from_pieces([body]);
    for w in input_words(f) {
        if !in_docx.contains(&w) {
            problems.push(format!("{f}: «{w}» is not in the DOCX"));
        }
        match w.chars().find(|c| !m.has_glyph(*c)) {
            Some(c) => {
                if !stderr.contains(&format!("U+{:04X}", c as u32)) {
                    problems.push(format!("{f}: «{w}»: U+{:04X} is missing from the fonts but not listed", c as u32));
                }
            }
            None => {
                // pdftotext gives right-to-left words in visual order, reversed.
                let reversed: String = w.chars().rev().collect();
                // Words the layout broke between lines are checked in the layout alone.
                let in_pdf = |t: &Printed| !drawn.in_one_piece(&w) || t.contains(&w) || t.contains(&reversed);
                if !drawn.contains(&w) || pdf_text.as_ref().is_some_and(|t| !in_pdf(t)) {
                    problems.push(format!("{f}: «{w}» is not in the PDF"));
                }
            }
        }
    }
    problems
}

// ------------------------------------------------------------------ size and depth

/// `samples/large-200.json` (200 activities in 40 sections) with its sections repeated
/// until the roadmap has `rows` activities.
fn roadmap_with_rows(rows: usize) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("samples/large-200.json")).unwrap()).unwrap();
    let sections = v["appendices"][0]["table"]["sections"].as_array().unwrap().clone();
    let per: usize = sections.iter().map(|s| s["items"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(per, 200);
    let mut all = Vec::new();
    while all.len() * 5 < rows {
        all.extend(sections.iter().cloned());
    }
    all.truncate(rows / 5);
    v["appendices"][0]["table"]["sections"] = serde_json::Value::Array(all);
    serde_json::to_string(&v).unwrap()
}

/// What rendering one document in process cost.
struct Cost {
    /// Wall time (printed, not asserted: a loaded machine would make it flaky).
    time: Duration,
    pages: usize,
    /// Bytes of text the layout measured: its work, independent of the machine's load.
    measured: u64,
    /// Sizes of the DOCX and the PDF.
    bytes: usize,
}

/// Load, IR, DOCX, layout and PDF in process.
fn render_in_process(json: String) -> Cost {
    let t = Instant::now();
    let loaded = prikaz::input::load_source(prikaz::input::source::Source { name: "big.json".into(), text: json });
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics.first());
    let templates = prikaz::template::Templates::builtin().unwrap();
    let doc = prikaz::pipeline::build_ir(&loaded.document.unwrap(), &templates, prikaz::pipeline::Parts::All).unwrap();
    let docx = prikaz::writers::docx::write_docx(&doc, &Default::default()).unwrap();
    let m = Measurer::bundled();
    let pages = prikaz::layout::layout(&doc, &m);
    let pdf = prikaz::writers::pdf::write_pdf(&doc, &pages, &m).unwrap();
    let time = t.elapsed();
    assert!(docx_text(&docx).is_ok());
    assert_eq!(pdf_pages(&pdf).unwrap(), pages.len());
    assert!(outside_printable_area(&doc, &pages, &m).is_empty());
    Cost { time, pages: pages.len(), measured: m.measured_bytes(), bytes: docx.len() + pdf.len() }
}

#[test]
fn a_5000_row_roadmap_renders_in_linear_time() {
    let small = render_in_process(roadmap_with_rows(1000));
    let large = render_in_process(roadmap_with_rows(5000));
    eprintln!("1000 rows: {:?}, {} pages; 5000 rows: {:?}, {} pages", small.time, small.pages, large.time, large.pages);
    assert!(large.pages > 4 * small.pages, "{} → {} pages", small.pages, large.pages);
    // Five times the rows: linear is 5×. The work is counted, not timed (the wall-time
    // ratio is in `cargo bench`, 200 against 2,000 rows).
    let work = large.measured as f64 / small.measured as f64;
    assert!(work < 5.5, "5× the rows took {work:.2}× the layout's work");
    let size = large.bytes as f64 / small.bytes as f64;
    assert!(size < 5.5, "5× the rows gave {size:.2}× the output");
}

#[test]
fn nesting_1000_deep_is_refused_with_a_located_error_and_bounded_memory() {
    let dir = temp_dir("deep");
    let path = dir.join("deep.json");
    // A cell value nested in spans (a shape the format allows), and bare arrays; built as
    // text, since a value this deep would overflow the test's own stack.
    let minimal = std::fs::read_to_string(root().join("tests/fixtures/valid-minimal.json")).unwrap();
    let cell = format!("{}\"Разработка\"{}", "{\"span\": {\"value\": ".repeat(1000), "}}".repeat(1000));
    let nested = minimal.replacen("\"activity\": \"Разработка дорожных карт\"", &format!("\"activity\": {cell}"), 1);
    assert_ne!(nested, minimal);
    let p = path.to_str().unwrap();
    let d = dir.to_str().unwrap();
    for (doc, message) in [
        (nested, "слишком глубокая вложенность (более 128 уровней)"),
        (format!("{}{}", "[".repeat(1000), "]".repeat(1000)), "документ должен быть объектом"),
    ] {
        std::fs::write(&path, doc).unwrap();
        for args in [&["validate", p][..], &["render", p, "-o", d][..]] {
            let out = prikaz_limited("ulimit -v 1000000", args);
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(stderr.starts_with("ошибка: ") && stderr.contains(message), "{stderr}");
            assert!(stderr.contains(&format!("--> {p}:")), "located: {stderr}");
        }
    }
    assert!(!dir.join("deep.docx").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_50_mb_input_is_refused_with_a_clear_error_and_bounded_memory() {
    let dir = temp_dir("huge");
    let path = dir.join("huge.json");
    // Real bytes, not a sparse file: a valid start, then 50 MB of one string.
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    use std::io::Write;
    f.write_all(b"{\"order\": {\"date\": \"2023-08-28\", \"number\": \"1\", \"title\": \"").unwrap();
    let chunk = "Щ".repeat(512 * 1024);
    for _ in 0..50 {
        f.write_all(chunk.as_bytes()).unwrap();
    }
    f.write_all(b"\"}}").unwrap();
    drop(f);
    assert!(std::fs::metadata(&path).unwrap().len() > 50 * 1024 * 1024);
    let p = path.to_str().unwrap();
    // 200 MB of address space is far less than reading 50 MB and parsing it would take.
    let out = prikaz_limited("ulimit -v 200000", &["render", p, "-o", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("файл слишком большой: 50.0 МБ при пределе 20 МБ") && stderr.contains(p), "{stderr}");
    // The same through a pipe, where the size is not known in advance.
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 200000; cat \"$1\" | \"$0\" validate /dev/stdin")
        .arg(env!("CARGO_BIN_EXE_prikaz"))
        .arg(p)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("файл слишком большой"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

// ------------------------------------------------------------------ faults

/// The earlier output of `samples/dubna-2021.json` in a fresh folder, named as the fixture
/// the fault run renders (so the fault run targets the same files).
fn earlier_output(name: &str) -> (PathBuf, Vec<u8>, Vec<u8>) {
    let dir = temp_dir(name);
    let out = prikaz(&["render", "samples/dubna-2021.json", "-o", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let docx = std::fs::read(dir.join("dubna-2021.docx")).unwrap();
    let pdf = std::fs::read(dir.join("dubna-2021.pdf")).unwrap();
    (dir, docx, pdf)
}

/// A copy of the Солнечногорск sample named `dubna-2021.json`: rendering it replaces the
/// earlier files with different ones.
fn other_input(dir: &Path) -> PathBuf {
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    let path = src.join("dubna-2021.json");
    std::fs::copy(root().join("samples/solnechnogorsk-2023.json"), &path).unwrap();
    path
}

fn assert_intact(dir: &Path, docx: &[u8], pdf: &[u8]) {
    assert!(std::fs::read(dir.join("dubna-2021.docx")).unwrap() == docx, "the earlier DOCX changed");
    assert!(std::fs::read(dir.join("dubna-2021.pdf")).unwrap() == pdf, "the earlier PDF changed");
}

#[test]
fn an_unwritable_output_folder_is_a_clear_error_naming_it() {
    // Root may write anywhere on an ordinary file system, but not into /proc.
    let out = prikaz(&["render", "samples/dubna-2021.json", "-o", "/proc/prikaz-out"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("ошибка: не удалось создать папку /proc/prikaz-out"), "{stderr}");
    // Without write permission (only meaningful when not root).
    let (dir, docx, pdf) = earlier_output("readonly");
    let input = other_input(&dir);
    let is_root = Command::new("id").arg("-u").output().is_ok_and(|o| text(&o.stdout).trim() == "0");
    if is_root {
        eprintln!("SKIPPED: permission check (root writes anyway); /proc covered it");
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = prikaz(&["render", input.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(&format!("не удалось создать временный файл в {}", dir.display())), "{stderr}");
        assert_intact(&dir, &docx, &pdf);
    }
    assert!(leftovers(&dir).is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

/// A disk that fills up while writing, without root: a file size limit (RLIMIT_FSIZE)
/// with SIGXFSZ ignored makes the write fail with EFBIG, as a full disk fails with ENOSPC.
#[test]
fn a_full_disk_is_a_clear_error_and_earlier_outputs_stay() {
    let (dir, docx, pdf) = earlier_output("full");
    let input = other_input(&dir);
    // 8 KiB: the DOCX (about 14 KB) cannot be written.
    let out =
        prikaz_limited("trap '' XFSZ; ulimit -f 16", &["render", input.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let target = dir.join("dubna-2021.docx");
    assert!(stderr.starts_with(&format!("ошибка: не удалось записать {}: ", target.display())), "{stderr}");
    assert_intact(&dir, &docx, &pdf);
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    std::fs::remove_dir_all(&dir).ok();
}

/// A real full disk: a 64 KiB tmpfs (needs root and mount; skipped loudly otherwise).
#[test]
fn a_full_tmpfs_is_a_clear_error_and_earlier_outputs_stay() {
    let dir = temp_dir("tmpfs");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("SKIPPED: cannot mount a tmpfs here (not root?); the RLIMIT_FSIZE test covers a full disk");
        std::fs::remove_dir_all(&dir).ok();
        return;
    }
    let run = || {
        // The small Дубна files fit (about 14 KB and 45 KB); the full Солнечногорск
        // replacement does not fit beside them.
        let out = prikaz(&["render", "samples/dubna-2021.json", "-o", dir.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let docx = std::fs::read(dir.join("dubna-2021.docx")).unwrap();
        let pdf = std::fs::read(dir.join("dubna-2021.pdf")).unwrap();
        let src = std::env::temp_dir().join(format!("prikaz-tmpfs-src-{}", std::process::id()));
        std::fs::create_dir_all(&src).unwrap();
        let input = src.join("dubna-2021.json");
        std::fs::copy(root().join("samples/large-200.json"), &input).unwrap();
        let out = prikaz(&["render", input.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
        std::fs::remove_dir_all(&src).ok();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.starts_with(&format!("ошибка: не удалось записать {}", dir.join("dubna-2021").display())),
            "{stderr}"
        );
        assert_intact(&dir, &docx, &pdf);
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    };
    let result = std::panic::catch_unwind(run);
    Command::new("umount").arg(&dir).status().ok();
    std::fs::remove_dir_all(&dir).ok();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// A run killed in the middle of writing (SIGXFSZ from a file size limit kills it exactly
/// there) leaves its temporary file behind; earlier outputs are intact, and the next run
/// in that folder removes the leftover. Runs killed at random moments by SIGKILL never
/// leave a half-written output either.
#[test]
fn a_run_killed_mid_write_keeps_earlier_outputs_and_the_next_run_cleans_up() {
    let (dir, docx, pdf) = earlier_output("killed");
    let input = other_input(&dir);
    let args = ["render", input.to_str().unwrap(), "-o", dir.to_str().unwrap()];
    let out = prikaz_limited("ulimit -f 16", &args);
    assert_eq!(out.status.code(), None, "killed by SIGXFSZ: {}", text(&out.stderr));
    assert_intact(&dir, &docx, &pdf);
    assert_eq!(leftovers(&dir).len(), 1, "the killed run's temporary file: {:?}", leftovers(&dir));
    // SIGKILL at moments spread over a longer run that replaces the outputs with different
    // ones: each output is then the old file or the new one, whole — and the kills must have
    // seen both (so some landed before the replacement and some after, spanning the write).
    let big = dir.join("src").join("big.json");
    std::fs::write(&big, roadmap_with_rows(600)).unwrap();
    let big_args = ["render", big.to_str().unwrap(), "-o", dir.to_str().unwrap()];
    let first = prikaz(&big_args);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let old = (std::fs::read(dir.join("big.docx")).unwrap(), std::fs::read(dir.join("big.pdf")).unwrap());
    let newer = dir.join("src2").join("big.json");
    std::fs::create_dir_all(newer.parent().unwrap()).unwrap();
    std::fs::write(&newer, roadmap_with_rows(605)).unwrap();
    let fresh = dir.join("fresh");
    let new_args = ["render", newer.to_str().unwrap(), "-o", fresh.to_str().unwrap()];
    let started = std::time::Instant::now();
    assert!(prikaz(&new_args).status.success());
    let whole_run = started.elapsed();
    let new = (std::fs::read(fresh.join("big.docx")).unwrap(), std::fs::read(fresh.join("big.pdf")).unwrap());
    assert!(new.0 != old.0 && new.1 != old.1, "the two runs must write different files");
    let replace_args = ["render", newer.to_str().unwrap(), "-o", dir.to_str().unwrap()];
    let (mut saw_old, mut saw_new) = (false, false);
    for step in 2..=16u32 {
        // Restore the old files, then kill the replacing run at step/12 of a whole run.
        std::fs::write(dir.join("big.docx"), &old.0).unwrap();
        std::fs::write(dir.join("big.pdf"), &old.1).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_prikaz"))
            .args(replace_args)
            .current_dir(root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole_run * step / 12);
        child.kill().ok();
        child.wait().unwrap();
        for (name, old, new) in [("big.docx", &old.0, &new.0), ("big.pdf", &old.1, &new.1)] {
            let now = std::fs::read(dir.join(name)).unwrap();
            assert!(now == *old || now == *new, "{name}: half-written after {step}/12 of a run");
            saw_old |= now == *old;
            saw_new |= now == *new;
        }
    }
    assert!(saw_old && saw_new, "the kills did not span the writing (old seen: {saw_old}, new seen: {saw_new})");
    // The next run succeeds and leaves no temporary file of a dead run.
    let out = prikaz(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    assert!(std::fs::read(dir.join("dubna-2021.docx")).unwrap() != docx, "the new file replaced the old");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn user_templates_cannot_reach_files_outside_their_folder() {
    // `tests/ir.rs` refuses `{% include "../../etc/passwd" %}`; the other ways in too.
    for tag in [
        "{% include \"/etc/passwd\" %}",
        "{% include \"../appendix-list.xml\" %}",
        "{% extends \"../../etc/passwd\" %}",
        "{% import \"/etc/passwd\" as x %}",
    ] {
        let dir = temp_dir("tpl");
        std::fs::write(dir.join("appendix-list.xml"), format!("<section>{tag}</section>")).unwrap();
        let out = prikaz(&[
            "render",
            "samples/novocherkassk-2020.json",
            "--emit",
            "ir",
            "--templates",
            dir.to_str().unwrap(),
        ]);
        std::fs::remove_dir_all(&dir).ok();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{tag}: {stderr}");
        assert!(
            stderr.contains("appendix-list.xml") && !stderr.contains("root:") && !text(&out.stdout).contains("root:"),
            "{tag}: {stderr}"
        );
    }
}

/// A user's template that loops without end or prints without end: nested
/// `range(end=100000)` (10¹⁰ turns) and a loop printing 100 MB. Each render is stopped
/// under 300 MB of address space, with an error naming the template, and nothing is
/// written; a hang guard of 60 s stands for "unbounded" (a bounded render stops in well
/// under a second).
#[test]
fn a_template_that_loops_or_prints_without_end_is_stopped_with_a_located_error() {
    let cases = [
        (
            "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
            "циклы по range()",
        ),
        ("{% for i in range(end=100000) %}<p>{{ \"x\" ~ \"y\" }}{% for j in range(end=9) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}</p>{% endfor %}", "напечатал больше"),
    ];
    for (body, says) in cases {
        let dir = temp_dir("tpl-budget");
        std::fs::write(dir.join("order.xml"), format!("<section>{body}</section>")).unwrap();
        let out_dir = dir.join("out");
        let run = Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 300000; exec timeout 60 \"$0\" render samples/novocherkassk-2020.json --templates \"$1\" -o \"$2\"")
            .arg(env!("CARGO_BIN_EXE_prikaz"))
            .arg(&dir)
            .arg(&out_dir)
            .current_dir(root())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = text(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{says}: {stderr}");
        assert!(
            stderr.contains("шаблон order.xml") && stderr.contains("остановлен") && stderr.contains(says),
            "{stderr}"
        );
        assert!(!out_dir.join("novocherkassk-2020.pdf").exists());
        std::fs::remove_dir_all(&dir).ok();
    }
}

// ------------------------------------------------------------------ hostile Word and Excel files

/// A zip of these parts, each written from chunks (so a part of hundreds of megabytes is
/// never held in memory here), deflated: a small file that unpacks to a lot.
fn zip_of(path: &Path, parts: &mut [(&str, &mut dyn Iterator<Item = String>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let deflated =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for (name, chunks) in parts.iter_mut() {
        zip.start_file(*name, deflated).unwrap();
        for chunk in chunks.by_ref() {
            std::io::Write::write_all(&mut zip, chunk.as_bytes()).unwrap();
        }
    }
    zip.finish().unwrap();
}

fn once(s: &str) -> std::iter::Once<String> {
    std::iter::once(s.to_owned())
}

const CONTENT_TYPES_XLSX: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="План" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// An .xlsx whose one sheet's XML is `sheet` (chunks between the sheet's tags).
fn xlsx(path: &Path, sheet: &mut dyn Iterator<Item = String>) {
    let head = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
    let mut body = once(head).chain(sheet).chain(once("</sheetData></worksheet>"));
    zip_of(
        path,
        &mut [
            ("[Content_Types].xml", &mut once(CONTENT_TYPES_XLSX)),
            ("_rels/.rels", &mut once(ROOT_RELS)),
            ("xl/workbook.xml", &mut once(WORKBOOK)),
            ("xl/_rels/workbook.xml.rels", &mut once(WORKBOOK_RELS)),
            ("xl/worksheets/sheet1.xml", &mut body),
        ],
    );
}

/// Imports `file` under 300 MB of address space and a hang guard of 60 s (work, not a
/// timing: a bounded reader finishes in a fraction of that).
fn import_bounded(file: &Path, dir: &Path) -> (Option<i32>, String) {
    let out = dir.join("out.json");
    let run = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 300000; exec timeout 60 \"$0\" import \"$1\" -o \"$2\"")
        .arg(env!("CARGO_BIN_EXE_prikaz"))
        .arg(file)
        .arg(&out)
        .output()
        .unwrap();
    assert!(!out.exists() || std::fs::metadata(&out).unwrap().len() < 20 << 20, "no output past the input limit");
    (run.status.code(), text(&run.stderr))
}

/// Spreadsheets made to exhaust a reader: a million rows in a 2 MB file, one cell at the
/// far corner (a dense reader would allocate the rectangle up to it), a sheet that
/// unpacks to 300 MB. Each is refused in Russian, within 300 MB, nothing written; a
/// column far to the right is left out and the plan still imports.
#[test]
fn hostile_spreadsheets_are_refused_with_bounded_work() {
    let dir = temp_dir("hostile-xlsx");
    let header = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Мероприятие</t></is></c><c r="B1" t="inlineStr"><is><t>Срок</t></is></c></row>"#;
    let row = |r: usize| format!(r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Мероприятие {r}</t></is></c></row>"#);

    let million = dir.join("миллион.xlsx");
    xlsx(&million, &mut once(header).chain((2..=1_000_000).map(row)));
    let (code, stderr) = import_bounded(&million, &dir);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("больше 20000 строк"), "{stderr}");

    let corner = dir.join("угол.xlsx");
    xlsx(&corner, &mut once(header).chain(once(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#)));
    let (code, stderr) = import_bounded(&corner, &dir);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("строк"), "{stderr}");

    let bomb = dir.join("бомба.xlsx");
    let spaces = " ".repeat(1 << 20);
    xlsx(&bomb, &mut once(header).chain((0..300).map(|_| spaces.clone())));
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2 << 20, "a small file");
    let (code, stderr) = import_bounded(&bomb, &dir);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("распаковывается больше чем в 64 МБ"), "{stderr}");

    // A cell far to the right is not part of the plan: the rows before it still import.
    let wide = dir.join("широкий.xlsx");
    let far = r#"<row r="2"><c r="A2" t="inlineStr"><is><t>Совещание</t></is></c><c r="B2" t="inlineStr"><is><t>Сентябрь 2024</t></is></c><c r="XFD2"><v>7</v></c></row>"#;
    xlsx(&wide, &mut once(header).chain(once(far)));
    let (code, stderr) = import_bounded(&wide, &dir);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(std::fs::read_to_string(dir.join("out.json")).unwrap().contains("Совещание"));

    // Calc books say «this row, a million times»: a reader unfolds every copy. A filled
    // row repeated 10⁶ times, and 10⁴ rows of a cell repeated 16 000 times, are refused
    // before any is unfolded; the empty padding Calc writes to a sheet's end costs nothing.
    let cell =
        |t: &str| format!(r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#);
    let head = format!("<table:table-row>{}{}</table:table-row>", cell("Мероприятие"), cell("Срок"));
    let rows = format!(
        r#"{head}<table:table-row table:number-rows-repeated="1000000">{}</table:table-row>"#,
        cell("Мероприятие")
    );
    let cols = format!(
        r#"{head}<table:table-row table:number-rows-repeated="10000"><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#
    );
    let padded = format!(
        r#"{head}<table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
        cell("Совещание"),
        cell("Сентябрь 2024")
    );
    for (name, sheet, says) in [
        ("строки.ods", rows, Some("больше 20000 строк")),
        ("клетки.ods", cols, Some("больше 1000000 клеток")),
        ("calc.ods", padded, None),
    ] {
        let file = dir.join(name);
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Лист1">{sheet}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        zip_of(
            &file,
            &mut [
                ("mimetype", &mut once("application/vnd.oasis.opendocument.spreadsheet")),
                (
                    "META-INF/manifest.xml",
                    &mut once(
                        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>"#,
                    ),
                ),
                ("content.xml", &mut once(content.as_str())),
            ],
        );
        std::fs::remove_file(dir.join("out.json")).ok();
        let (code, stderr) = import_bounded(&file, &dir);
        match says {
            Some(says) => {
                assert_eq!(code, Some(1), "{name}: {stderr}");
                assert!(stderr.contains(says), "{name}: {stderr}");
            }
            None => {
                assert_eq!(code, Some(0), "{name}: {stderr}");
                assert!(std::fs::read_to_string(dir.join("out.json")).unwrap().contains("Совещание"));
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A Word document of a few hundred kilobytes holding millions of empty paragraphs (the
/// part's size cap alone let it grow to gigabytes): refused in Russian within 300 MB.
#[test]
fn a_docx_of_millions_of_elements_is_refused_with_bounded_work() {
    let dir = temp_dir("hostile-docx");
    let file = dir.join("абзацы.docx");
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let head = r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
    let paragraphs = "<w:p/>".repeat(100_000);
    let mut body = once(head).chain((0..40).map(|_| paragraphs.clone())).chain(once("</w:body></w:document>"));
    zip_of(
        &file,
        &mut [
            ("[Content_Types].xml", &mut once(types)),
            ("_rels/.rels", &mut once(rels)),
            ("word/document.xml", &mut body),
        ],
    );
    assert!(std::fs::metadata(&file).unwrap().len() < 1 << 20, "a small file");
    let (code, stderr) = import_bounded(&file, &dir);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("больше 1000000 элементов"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}
