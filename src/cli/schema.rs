//! `prikaz schema`: the JSON Schema of the input format, for editors.

use super::outln;
use std::path::Path;
use std::process::ExitCode;

pub fn run(output: Option<&Path>) -> ExitCode {
    let text = prikaz::input::schema_json();
    match output {
        None => {
            outln!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(path, format!("{text}\n")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("ошибка: не удалось записать {}: {e}", path.display());
                ExitCode::from(super::EXIT_INVALID)
            }
        },
    }
}
