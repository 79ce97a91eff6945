//! `import`: a plan kept in a spreadsheet becomes an input file that validates and renders
//! with every cell's words in its cell: from a CSV as Russian Excel saves it (Windows-1251,
//! «;») and from an .xlsx written by openpyxl.

mod common;

use common::{prikaz, root};

fn temp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("prikaz-import-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Imports `table`, checks the summary, renders the result and returns the IR text.
fn import_and_render(table: &std::path::Path, dir: &std::path::Path) -> String {
    let json = dir.join("plan.json");
    let run = prikaz(&["import", table.to_str().unwrap(), "-o", json.to_str().unwrap(), "--title", "План"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains("«Наименование мероприятия» — мероприятия"), "{stdout}");
    assert!(stdout.contains("мероприятий: 4, разделов: 2") && stdout.contains("нумерация автоматическая"), "{stdout}");
    assert!(prikaz(&["validate", json.to_str().unwrap()]).status.success());
    let ir = prikaz(&["render", json.to_str().unwrap(), "--emit", "ir"]);
    assert!(ir.status.success());
    // Again without --force: refused, the file kept.
    let again = prikaz(&["import", table.to_str().unwrap(), "-o", json.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    String::from_utf8_lossy(&ir.stdout).replace('\u{a0}', " ").replace('~', " ")
}

fn assert_cells(ir: &str) {
    for cell in [
        "Издание приказа о внедрении целевой модели наставничества",
        "До 01.09.2024",
        "Октябрь 2024 г. – март 2025 г.",
        "Заместитель директора по УВР",
        "1. Нормативное обеспечение",
        "2. Кадровое обеспечение",
    ] {
        assert!(ir.contains(cell), "«{cell}» missing from:\n{ir}");
    }
}

#[test]
fn a_plan_in_an_excel_csv_imports_and_renders() {
    let dir = temp("csv");
    let text = std::fs::read_to_string(root().join("tests/fixtures/import/plan.csv")).unwrap();
    let csv = dir.join("план.csv");
    std::fs::write(&csv, encoding_rs::WINDOWS_1251.encode(&text.replace('\n', "\r\n")).0).unwrap();
    assert_cells(&import_and_render(&csv, &dir));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_plan_in_an_xlsx_written_by_openpyxl_imports_and_renders() {
    if !common::python_modules("openpyxl") {
        return;
    }
    let dir = temp("xlsx");
    // openpyxl reads a «,» CSV: the fixture turned into one first.
    let mut rows = Vec::new();
    let text = std::fs::read_to_string(root().join("tests/fixtures/import/plan.csv")).unwrap();
    for line in text.lines() {
        rows.push(line.split(';').map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(","));
    }
    let comma = dir.join("plan-comma.csv");
    std::fs::write(&comma, rows.join("\n") + "\n").unwrap();
    let xlsx = dir.join("план.xlsx");
    let made = std::process::Command::new("python3")
        .arg(root().join("tests/excel/csv_to_xlsx.py"))
        .arg(&comma)
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert_cells(&import_and_render(&xlsx, &dir));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_word_document_is_refused_with_what_to_do() {
    let run = prikaz(&["import", "plan.docx", "-o", "/tmp/never.json"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("сохраните как .xlsx"));
}
