//! Inputs the fuzzers (fuzz/) once crashed on, kept as files: each must now give either a
//! result or an error, never a panic. A new crash found by `fuzz/run.sh` goes into
//! tests/fixtures/fuzz/input/ (an input file) or tests/fixtures/fuzz/markup/ (a template's
//! output) with a name that says what it broke.

use std::path::Path;

use prikaz::input::{load_source, source::Source};
use prikaz::layout::{layout, text::Measurer};
use prikaz::pipeline::{build_ir, Parts};

fn files(dir: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(dir);
    let mut out: Vec<_> = std::fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    out.sort();
    out
}

#[test]
fn markup_the_fuzzer_crashed_on_is_read_or_refused() {
    let m = Measurer::bundled();
    let found = files("markup");
    assert!(!found.is_empty());
    for path in found {
        let text = std::fs::read_to_string(&path).unwrap();
        match prikaz::markup::standalone(&text) {
            Err(e) => assert!(e.output_line >= 1, "{}: {e}", path.display()),
            Ok(doc) => {
                prikaz::render::docx::write_docx(&doc, &Default::default()).unwrap();
                let pages = layout(&doc, &m);
                prikaz::render::pdf::write_pdf(&doc, &pages, &m).unwrap();
            }
        }
    }
}

#[test]
fn inputs_the_fuzzer_crashed_on_are_rendered_or_refused() {
    let m = Measurer::bundled();
    let templates = prikaz::template::Templates::builtin().unwrap();
    for path in files("input") {
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let loaded = load_source(Source { name: path.display().to_string(), text });
        let Some(input) =
            loaded.document.filter(|_| !loaded.diagnostics.iter().any(|d| d.severity == prikaz::diag::Severity::Error))
        else {
            continue;
        };
        if let Ok(doc) = build_ir(&input, &templates, Parts::All) {
            let pages = layout(&doc, &m);
            prikaz::render::pdf::write_pdf(&doc, &pages, &m).unwrap();
        }
    }
}
