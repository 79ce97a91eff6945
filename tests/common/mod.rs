//! Helpers shared by the integration tests: run the real binary, compare snapshots.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod checks;
pub mod edits;
pub mod http;
pub mod signable;

/// The project root; the binary runs there so paths in messages are stable.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder under the system's temporary one, named for the test and this process.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("prikaz-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("a temporary folder");
    d
}

/// Runs `prikaz` with arguments from the project root, colour off.
pub fn prikaz(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prikaz"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the prikaz binary runs")
}

/// Compares `actual` with the snapshot file; `PRIKAZ_BLESS=1` (re)writes it instead.
/// Returns a description of the difference, or `None` when they match.
pub fn check_snapshot(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("PRIKAZ_BLESS").is_some() {
        std::fs::write(path, actual).expect("snapshot written");
        return None;
    }
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => None,
        Ok(expected) => Some(format!(
            "{} differs.\n--- expected\n{expected}\n--- actual\n{actual}\n(PRIKAZ_BLESS=1 cargo test accepts the new output)",
            path.display()
        )),
        Err(_) => Some(format!("{} is missing; run PRIKAZ_BLESS=1 cargo test to create it", path.display())),
    }
}

/// Every `*.json` file in a folder of the project, sorted, as paths relative to the root.
pub fn json_files(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .expect("fixture folder exists")
        .map(|e| e.expect("readable entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "prikaz.schema.json")
        .map(|n| format!("{dir}/{n}"))
        .collect();
    files.sort();
    files
}

/// Words of the input's text values (not keys or enum values), lower-cased.
pub fn input_words(rel: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root().join(rel)).unwrap()).unwrap();
    let mut words = Vec::new();
    fn walk(v: &serde_json::Value, key: &str, out: &mut Vec<String>) {
        const SKIP: [&str; 22] = [
            "follows",
            "section_numbers",
            "approved_form",
            "layout",
            "date_line",
            "markers",
            "path",
            "style",
            "$schema",
            "kind",
            "role",
            "marker",
            "numbering",
            "join",
            "key",
            "date_format",
            "gender",
            "placement",
            "orientation",
            "deadline_dates",
            "id",
            "appendix",
        ];
        match v {
            serde_json::Value::String(s) if !SKIP.contains(&key) => out.extend(
                s.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase),
            ),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, key, out)),
            // The QR code is drawn, not printed as text.
            serde_json::Value::Object(o) => o.iter().filter(|(k, _)| *k != "qr").for_each(|(k, x)| walk(x, k, out)),
            _ => {}
        }
    }
    walk(&v, "", &mut words);
    words
}

/// The input's words that pdftotext's (lower-cased) text does not contain. A word broken
/// at a line end by a hyphen, or by characters in a narrow cell («Общеобразователь» /
/// «ные», which pdftotext may print apart when it interleaves table columns), counts.
pub fn missing_words(rel: &str, pdf: &Path) -> Vec<String> {
    // Two readings: the default one joins hyphenated line ends; the layout one never glues
    // neighbouring table columns together («муниципальКЦИТ»).
    let read = |layout: bool| {
        let mut cmd = std::process::Command::new("pdftotext");
        if layout {
            cmd.arg("-layout");
        }
        let out = cmd.arg(pdf).arg("-").output().expect("pdftotext runs");
        String::from_utf8_lossy(&out.stdout).to_lowercase().replace('\u{a0}', " ")
    };
    let text = format!("{}\n{}", read(false), read(true));
    let joined = text.replace("-\n", "").replace('\n', "");
    let printed: std::collections::HashSet<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
    let broken = |w: &str| {
        let chars: Vec<char> = w.chars().collect();
        (2..chars.len().saturating_sub(1)).any(|k| {
            let (a, b): (String, String) = (chars[..k].iter().collect(), chars[k..].iter().collect());
            printed.contains(a.as_str()) && printed.contains(b.as_str())
        })
    };
    input_words(rel)
        .into_iter()
        .filter(|w| !printed.contains(w.as_str()) && !joined.contains(w.as_str()) && !broken(w))
        .collect()
}

/// A tool is needed: in CI its absence is a failure, locally the check is skipped loudly.
/// Python modules the test needs are importable (pip); in CI their absence fails.
pub fn python_modules(modules: &str) -> bool {
    let ok = std::process::Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "python modules {modules} are required in CI (.ci/run installs them)"
        );
        eprintln!("SKIPPED: python modules {modules} are not installed");
    }
    ok
}

pub fn tool(name: &str) -> bool {
    let found = on_path(name);
    if !found {
        assert!(std::env::var_os("CI").is_none(), "{name} is required in CI (.ci/run installs it)");
        eprintln!("SKIPPED: {name} is not installed");
    }
    found
}

/// Whether a command is on the PATH.
pub fn on_path(name: &str) -> bool {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A checking tool the tests read our outputs with, how to tell it is there, and what
/// installs it. A test whose tool is missing is skipped (and says SKIPPED on stderr, which
/// `cargo test` hides); `tests/tools.rs` fails instead, naming all of them at once.
pub struct Checker {
    /// What it is, for the message.
    pub what: &'static str,
    /// What installs it.
    pub install: &'static str,
    /// Whether it is there.
    pub present: fn() -> bool,
}

/// Every tool a test checks our outputs with.
pub const CHECKERS: &[Checker] = &[
    Checker {
        what: "LibreOffice 24.2+ (soffice)",
        install: "apt-get install -t bookworm-backports libreoffice-writer-nogui",
        present: || on_path("soffice"),
    },
    Checker {
        what: "мост Python к LibreOffice (import uno)",
        install: "apt-get install python3-uno",
        present: || python_imports("/usr/bin/python3", "uno"),
    },
    Checker {
        what: "poppler (pdftotext, pdftoppm, pdfinfo, pdffonts, pdfimages)",
        install: "apt-get install poppler-utils",
        present: || ["pdftotext", "pdftoppm", "pdfinfo", "pdffonts", "pdfimages"].iter().all(|t| on_path(t)),
    },
    Checker { what: "qpdf", install: "apt-get install qpdf", present: || on_path("qpdf") },
    Checker { what: "zbar (zbarimg)", install: "apt-get install zbar-tools", present: || on_path("zbarimg") },
    Checker { what: "pandoc", install: "apt-get install pandoc", present: || on_path("pandoc") },
    Checker {
        what: "шрифт DejaVu Serif (для проверки --font-dir)",
        install: "apt-get install fonts-dejavu-core",
        present: || Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").exists(),
    },
    Checker {
        what: "русские шаблоны переносов LibreOffice (hyph_ru_RU.dic)",
        install: "apt-get install hyphen-ru",
        present: || Path::new("/usr/share/hyphen/hyph_ru_RU.dic").exists(),
    },
    Checker {
        what: "Chromium и chromedriver",
        install: "apt-get install chromium chromium-driver",
        present: || on_path("chromium") && on_path("chromedriver"),
    },
    Checker {
        what: "openxml-audit",
        install: "python3 -m pip install openxml-audit",
        present: || on_path("openxml-audit"),
    },
    Checker {
        what: "модули Python mammoth, python-docx, openpyxl, selenium",
        install: "python3 -m pip install mammoth python-docx openpyxl selenium",
        present: || python_imports("python3", "mammoth, docx, openpyxl, selenium"),
    },
    Checker {
        what: "pdf.js (tests/pdfjs) и node",
        install: "npm ci --prefix tests/pdfjs",
        present: || root().join("tests/pdfjs/node_modules/pdfjs-dist").is_dir() && on_path("node"),
    },
];

fn python_imports(python: &str, modules: &str) -> bool {
    Command::new(python).args(["-c", &format!("import {modules}")]).output().is_ok_and(|o| o.status.success())
}

/// The normalised IR of a valid input file, its table columns fitted to their content
/// with the bundled fonts, as `prikaz render` hands it to both writers.
pub fn ir(rel: &str) -> prikaz::doc::Document {
    let loaded = prikaz::input::load(&root().join(rel));
    assert!(!loaded.has_errors(), "{rel}: {:?}", loaded.diagnostics);
    let templates = prikaz::template::Templates::builtin().expect("built-in templates compile");
    let mut doc =
        prikaz::pipeline::build_ir(&loaded.document.expect("valid"), &templates, prikaz::pipeline::Parts::All)
            .expect("renders");
    prikaz::layout::columns::fit(&mut doc, &prikaz::layout::text::Measurer::bundled());
    doc
}

/// The plan fixture (`tests/fixtures/import/plan.csv`, «;») as a spreadsheet in `dir`, written
/// by one of the scripts in `tests/excel/` (`csv_to_xlsx.py` with openpyxl, `csv_to_ods.py`
/// as Calc stores a sheet): `name` ends in .xlsx or .ods.
pub fn plan_sheet(dir: &Path, name: &str, script: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join("tests/fixtures/import/plan.csv")).unwrap();
    // The scripts read a «,» CSV.
    let comma: Vec<String> = text
        .lines()
        .map(|l| l.split(';').map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(","))
        .collect();
    let csv = dir.join("plan-comma.csv");
    std::fs::write(&csv, comma.join("\n") + "\n").unwrap();
    let out = dir.join(name);
    let made =
        Command::new("python3").arg(root().join("tests/excel").join(script)).arg(&csv).arg(&out).output().unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    out
}

/// The text of one part of a DOCX file (`word/document.xml`).
pub fn docx_part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap_or_else(|e| panic!("{}: {e}", docx.display()));
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).expect("the part"), &mut text).expect("UTF-8");
    text
}
