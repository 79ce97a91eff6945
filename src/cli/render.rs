//! `prikaz render FILE`: checks the input; document output is not built yet.

use std::path::Path;
use std::process::ExitCode;

use super::report::print_diagnostics;
use super::{EXIT_INVALID, EXIT_USAGE};

pub fn run(file: &Path, _output: &Path) -> ExitCode {
    let name = file.display().to_string();
    let loaded = prikaz::input::load(file);
    let (errors, _) = print_diagnostics(&name, &loaded, false);
    if errors > 0 {
        return ExitCode::from(EXIT_INVALID);
    }
    eprintln!(
        "{name}: входной файл корректен, но формирование DOCX и PDF ещё не реализовано \
         (следующие задачи проекта); файлы не созданы"
    );
    ExitCode::from(EXIT_USAGE)
}
