//! Our DOCX edited in a real editor: LibreOffice, driven through its Python bridge
//! (`tests/uno/edit.py`), gets a new point after point 1 (as a user pressing Enter would add
//! it) and a new table row (as «Вставить строку ниже» adds it); the points and rows after it
//! must renumber, with no number twice.

mod common;

use std::path::Path;
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

/// Renders `sample`, edits its DOCX with `edit.py MODE … FIRST TEXT` and returns the text of
/// LibreOffice's PDF of the edited file (`pdftotext -layout`, no-break spaces as spaces).
fn edit(sample: &str, mode: &str, first: &str, text: &str) -> Option<String> {
    if !uno() || !common::tool("soffice") || !common::tool("pdftotext") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_prikaz"))
        .arg("render")
        .arg(root().join(sample))
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stem = Path::new(sample).file_stem().unwrap().to_string_lossy().into_owned();
    let pdf = dir.path().join("edited.pdf");
    let run = Command::new("/usr/bin/python3")
        .arg(root().join("tests/uno/edit.py"))
        .arg(mode)
        .arg(dir.path().join(format!("{stem}.docx")))
        .arg(&pdf)
        .args([first, text])
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let layout = Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-").output().unwrap();
    Some(String::from_utf8_lossy(&layout.stdout).replace('\u{a0}', " "))
}

/// The numbers that start lines («1.», «1.2.», «3.1.2.»), in order.
fn leading_numbers(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.ends_with('.') && w.trim_end_matches('.').split('.').all(|p| p.parse::<u32>().is_ok()))
        .collect()
}

#[test]
fn a_point_inserted_in_libreoffice_renumbers_the_points_after_it() {
    let Some(text) = edit("samples/esign-qr-2025.json", "point", "1.", "Новый пункт, вставленный в LibreOffice.")
    else {
        return;
    };
    assert_eq!(leading_numbers(&text), ["1.", "2.", "3.", "3.1.", "3.2.", "4.", "5."], "{text}");
    assert!(text.contains("2. Новый пункт, вставленный в LibreOffice."), "{text}");
    assert!(text.contains("3. Утвердить:") && text.contains("5. Контроль"), "{text}");
}

#[test]
fn a_row_inserted_in_libreoffice_renumbers_the_rows_after_it_hierarchical() {
    let Some(text) = edit("samples/dubna-2021.json", "row", "1.1.1.", "Новая строка из LibreOffice")
    else {
        return;
    };
    // The new row is 1.1.2, the one that was 1.1.2 is 1.1.3, and no number is printed twice.
    let lines: Vec<String> = text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    assert!(lines.iter().any(|l| l.starts_with("1.1.2. Новая строка")), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("1.1.3. Утверждение муниципального плана")), "{text}");
    let numbers = leading_numbers(&text);
    let mut unique = numbers.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), numbers.len(), "a number printed twice: {numbers:?}");
    // Sections keep their numbers: the section after the edit is still 1.2.
    assert!(lines.iter().any(|l| l.starts_with("1.2. Кадровое обеспечение")), "{text}");
}

#[test]
fn a_row_inserted_in_libreoffice_renumbers_the_rows_of_its_section_only() {
    let Some(text) = edit("samples/solnechnogorsk-2023.json", "row", "1.", "Новая строка из LibreOffice")
    else {
        return;
    };
    let lines: Vec<String> = text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    assert!(lines.iter().any(|l| l.starts_with("2. Новая строка")), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("3. Составление реестра")), "{text}");
    // The first section's rows are 1 to 5 once each, and the next section starts again at 1.
    let table = &text[text.find("1. Нормативное обеспечение").expect("section 1")..];
    let second = table.find("2. Кадровое обеспечение").expect("section 2");
    assert_eq!(leading_numbers(&table[..second])[1..], ["1.", "2.", "3.", "4.", "5."], "{text}");
    assert_eq!(leading_numbers(&table[second..])[1], "1.", "{text}");
}
