//! `prikaz schema`: the JSON Schema of the input format, for editors.

use super::outln;
use std::path::Path;

use super::outcome::{Done, Failure, Outcome};

pub fn run(output: Option<&Path>) -> Outcome {
    let text = prikaz::input::schema_json();
    match output {
        None => {
            outln!("{text}");
            Ok(Done::Ok)
        }
        Some(path) => match std::fs::write(path, format!("{text}\n")) {
            Ok(()) => Ok(Done::Ok),
            Err(e) => Err(Failure::invalid(format!("не удалось записать {}: {e}", path.display()))),
        },
    }
}
