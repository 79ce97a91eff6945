//! Item 9 of issue 29: no field of the format is silently unprinted. `tests/audit/audit.py`
//! lists every text property of every type in the schema; the fixtures in
//! `tests/fixtures/audit` must give each a value, and each must be printed in both outputs
//! (or be in its list of fields not printed by design, with the reason). A new field that
//! nobody prints fails here.

mod common;

#[test]
fn every_text_field_of_the_format_is_printed_in_both_outputs() {
    if !common::tool("pdftotext") {
        return;
    }
    let run = std::process::Command::new("python3")
        .arg(common::root().join("tests/audit/audit.py"))
        .arg(env!("CARGO_BIN_EXE_prikaz"))
        .output()
        .expect("python3 runs");
    assert!(run.status.success(), "{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
}
