//! Markup the fuzzers (fuzz/) once crashed on, kept as files in tests/fixtures/fuzz/markup/
//! with names that say what broke: each must now give a document or an error, never a
//! panic. (The input target has found no crash yet; its first one gets a test beside this.)

use std::path::Path;

use prikaz::layout::{layout, text::Measurer};

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
                prikaz::writers::docx::write_docx(&doc, &Default::default()).unwrap();
                let pages = layout(&doc, &m);
                prikaz::writers::pdf::write_pdf(&doc, &pages, &m).unwrap();
            }
        }
    }
}
