//! Our DOCX edited in a real editor: LibreOffice, driven through its Python bridge
//! (`tests/uno/insert_point.py`), gets a new point after point 1, as a user pressing Enter
//! would add it; the points after it must renumber, with no number twice.

mod common;

use std::process::Command;

use common::root;

/// LibreOffice's Python bridge is there (Debian: python3-uno); in CI its absence fails.
fn uno() -> bool {
    let ok = Command::new("/usr/bin/python3").args(["-c", "import uno"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "python3-uno is required in CI (.ci/run installs it)");
        eprintln!("SKIPPED: python3-uno is not installed");
    }
    ok
}

#[test]
fn a_point_inserted_in_libreoffice_renumbers_the_points_after_it() {
    if !uno() || !common::tool("soffice") || !common::tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_prikaz"))
        .arg("render")
        .arg(root().join("samples/esign-qr-2025.json"))
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = dir.path().join("edited.pdf");
    let run = Command::new("/usr/bin/python3")
        .arg(root().join("tests/uno/insert_point.py"))
        .arg(dir.path().join("esign-qr-2025.docx"))
        .arg(&pdf)
        .args(["1.", "Новый пункт, вставленный в LibreOffice."])
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\u{a0}', " ");
    // The numbers as printed, in order.
    let numbers: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.ends_with('.') && w.trim_end_matches('.').split('.').all(|p| p.parse::<u32>().is_ok()))
        .collect();
    assert_eq!(numbers, ["1.", "2.", "3.", "3.1.", "3.2.", "4.", "5."], "{text}");
    assert!(text.contains("2. Новый пункт, вставленный в LibreOffice."), "{text}");
    assert!(text.contains("3. Утвердить:") && text.contains("5. Контроль"), "{text}");
}
