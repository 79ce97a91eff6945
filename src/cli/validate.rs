//! `prikaz validate FILE…`: exit 0 when every file is valid, 1 otherwise.

use super::outln;
use std::path::PathBuf;
use std::process::ExitCode;

use super::report::print_diagnostics;
use super::EXIT_INVALID;

pub fn run(files: &[PathBuf], strict: bool) -> ExitCode {
    let mut failed = 0;
    for file in files {
        let name = file.display().to_string();
        let loaded = prikaz::input::load(file);
        let (errors, warnings) = print_diagnostics(&name, &loaded, strict);
        if errors > 0 {
            failed += 1;
            outln!("{name}: ошибок: {errors}, предупреждений: {warnings}");
        } else if warnings > 0 {
            outln!("{name}: корректен, предупреждений: {warnings}");
        } else {
            outln!("{name}: корректен");
        }
    }
    if failed > 0 {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}
