//! A green `cargo test` proves little on a machine without the tools the other tests read
//! our outputs with: each such test is skipped there (its SKIPPED line is hidden by
//! `cargo test`). This test fails instead, naming every missing tool and what installs it —
//! unless `PRIKAZ_CORE_ONLY=1` asks for the core only (never in CI).

mod common;

#[test]
fn every_tool_the_tests_check_outputs_with_is_installed() {
    let missing: Vec<String> =
        common::CHECKERS.iter().filter(|c| !(c.present)()).map(|c| format!("  {} — {}", c.what, c.install)).collect();
    if missing.is_empty() {
        return;
    }
    let core_only = std::env::var_os("PRIKAZ_CORE_ONLY").is_some_and(|v| v == "1");
    if core_only && std::env::var_os("CI").is_none() {
        eprintln!("SKIPPED (PRIKAZ_CORE_ONLY=1): проверки этими инструментами не запускались:\n{}", missing.join("\n"));
        return;
    }
    panic!(
        "не установлено то, чем тесты проверяют DOCX и PDF, — проверки с ними пропущены, зелёный прогон без них мало что \
         доказывает:\n{}\nвсё сразу ставит `sudo .ci/install` (Debian или Ubuntu); проверить только ядро: PRIKAZ_CORE_ONLY=1 cargo test",
        missing.join("\n")
    );
}
