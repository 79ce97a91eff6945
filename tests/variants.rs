//! Variants real documents use (issue 29): each fixture in `tests/fixtures/variants` renders,
//! and what its `.expected` file lists is printed in both outputs — our PDF and the DOCX —
//! the same way; lines marked «!» are printed in neither; «<A|B»: A before B.

mod common;

use common::root;

/// Text with no-break spaces, soft hyphens and runs of spaces made plain.
fn plain(s: &str) -> String {
    s.replace('\u{ad}', "").replace(['\u{a0}', '\u{202f}'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_variant_prints_as_its_fixture_says_in_both_outputs() {
    let dir = root().join("tests/fixtures/variants");
    let mut fixtures: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    fixtures.sort();
    assert!(!fixtures.is_empty());
    let mut problems = Vec::new();
    for f in &fixtures {
        let out = tempfile::tempdir().unwrap();
        let run = common::prikaz(&["render", f.to_str().unwrap(), "-o", out.path().to_str().unwrap()]);
        assert!(run.status.success(), "{}: {}", f.display(), String::from_utf8_lossy(&run.stderr));
        let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
        let docx = common::checks::docx_text(&std::fs::read(out.path().join(format!("{stem}.docx"))).unwrap()).unwrap();
        let pdf = std::process::Command::new("pdftotext")
            .arg(out.path().join(format!("{stem}.pdf")))
            .arg("-")
            .output()
            .unwrap();
        let pdf = String::from_utf8_lossy(&pdf.stdout).into_owned();
        // Each expected line stands within one paragraph (the DOCX's are joined without breaks).
        let (pdf, docx) = (plain(&pdf), plain(&docx));
        let expected = std::fs::read_to_string(f.with_extension("expected")).unwrap();
        for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            // «<A|B»: A printed before B in both outputs.
            if let Some((a, b)) = line.strip_prefix('<').and_then(|l| l.split_once('|')) {
                let (a, b) = (plain(a), plain(b));
                for (what, text) in [("PDF", &pdf), ("DOCX", &docx)] {
                    match (text.find(&a), text.find(&b)) {
                        (Some(x), Some(y)) if x < y => {}
                        found => problems.push(format!("{stem}: «{a}» not before «{b}» in the {what}: {found:?}")),
                    }
                }
                continue;
            }
            let (absent, want) = match line.strip_prefix('!') {
                Some(w) => (true, plain(w)),
                None => (false, plain(line)),
            };
            let in_pdf = pdf.contains(&want);
            let in_docx = docx.contains(&want);
            let printed_in_both = in_pdf && in_docx;
            if absent && (in_pdf || in_docx) {
                problems.push(format!("{stem}: «{want}» printed (PDF {in_pdf}, DOCX {in_docx})"));
            } else if !absent && !printed_in_both {
                problems.push(format!("{stem}: «{want}» missing (PDF {in_pdf}, DOCX {in_docx})"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
