//! `prikaz render FILE`: input → IR; `--emit ir` prints it. DOCX and PDF writers come next.

use std::path::Path;
use std::process::ExitCode;

use prikaz::pipeline::{build_ir, Parts};
use prikaz::template::Templates;

use super::report::print_diagnostics;
use super::{EXIT_INVALID, EXIT_USAGE};

/// What to print instead of writing files.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Emit {
    /// The document model (IR) as text.
    Ir,
}

pub fn run(file: &Path, _output: &Path, templates: Option<&Path>, emit: Option<Emit>) -> ExitCode {
    let name = file.display().to_string();
    let loaded = prikaz::input::load(file);
    let (errors, _) = print_diagnostics(&name, &loaded, false);
    let Some(input) = loaded.document.filter(|_| errors == 0) else {
        return ExitCode::from(EXIT_INVALID);
    };
    let templates = match templates.map_or_else(Templates::builtin, Templates::with_folder) {
        Ok(t) => t,
        Err(d) => {
            eprintln!("{}", d.render("шаблоны", None, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let ir = match build_ir(&input, &templates, Parts::All) {
        Ok(ir) => ir,
        Err(d) => {
            eprintln!("{}", d.render(&name, None, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match emit {
        Some(Emit::Ir) => {
            print!("{}", prikaz::doc::dump(&ir));
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "{name}: документ собран ({} разд.), но запись DOCX и PDF ещё не реализована \
                 (следующие задачи проекта); файлы не созданы. Модель документа: --emit ir",
                ir.sections.len()
            );
            ExitCode::from(EXIT_USAGE)
        }
    }
}
