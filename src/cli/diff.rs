//! `prikaz diff OLD.json NEW.json`: what changed, in the document's own terms and the
//! numbers the old version printed. Exit 0 when equal, 1 when different, 2 when a file
//! cannot be compared (as `diff`).

use std::path::Path;
use std::process::ExitCode;

use super::outln;

/// How the change list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Строки по-русски.
    Text,
    /// Данные JSON.
    Json,
}

/// Exit code when a file cannot be compared.
const EXIT_TROUBLE: u8 = 2;

pub fn run(old: &Path, new: &Path, format: Format) -> ExitCode {
    let (old_doc, new_doc) = match super::report::load_versions(old, new) {
        Ok(d) => d,
        Err(file) => {
            eprintln!("ошибка: {} содержит ошибки — сравнить можно только проверенные файлы", file.display());
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let changes = prikaz::diff::changes(&old_doc, &new_doc);
    match format {
        Format::Text => {
            for c in &changes {
                outln!("{c}");
            }
            if changes.is_empty() {
                eprintln!("различий нет");
            }
        }
        Format::Json => match serde_json::to_string_pretty(&changes) {
            Ok(text) => outln!("{text}"),
            Err(e) => {
                eprintln!("ошибка: список изменений не записывается в JSON: {e}");
                return ExitCode::from(EXIT_TROUBLE);
            }
        },
    }
    if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
