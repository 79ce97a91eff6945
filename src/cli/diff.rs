//! `prikaz diff OLD.json NEW.json`: what changed, in the document's own terms and the
//! numbers the old version printed. Exit 0 when equal, 1 when different, 2 when a file
//! cannot be compared (as `diff`).

use std::path::Path;

use super::outcome::{Done, Failure, Outcome, EXIT_USAGE};

use super::outln;

/// How the change list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Строки по-русски.
    Text,
    /// Данные JSON.
    Json,
}

pub fn run(old: &Path, new: &Path, format: Format) -> Outcome {
    let (old_doc, new_doc) = match super::report::load_versions(old, new) {
        Ok(d) => d,
        Err((file, why)) => {
            return Err(Failure::invalid(format!("{} {why} — сравнить можно только проверенные файлы", file.display()))
                .code(EXIT_USAGE))
        }
    };
    let changes = prikaz::Engine::changes(&old_doc, &new_doc);
    match format {
        Format::Text => {
            for c in &changes {
                outln!("{c}");
            }
            if changes.is_empty() {
                super::report::note_plain("различий нет");
            }
        }
        Format::Json => match serde_json::to_string_pretty(&changes) {
            Ok(text) => outln!("{text}"),
            Err(e) => {
                return Err(Failure::invalid(format!("список изменений не записывается в JSON: {e}")).code(EXIT_USAGE))
            }
        },
    }
    Ok(if changes.is_empty() { Done::Ok } else { Done::No })
}
