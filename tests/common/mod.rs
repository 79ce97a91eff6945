//! Helpers shared by the integration tests: run the real binary, compare snapshots.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root; the binary runs there so paths in messages are stable.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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
