//! `prikaz validate FILE…`: exit 0 when every file is valid, 1 otherwise.

use super::outln;
use std::path::PathBuf;
use std::process::ExitCode;

use super::report::print_diagnostics;
use super::EXIT_INVALID;

pub fn run(files: &[PathBuf], strict: bool, explain: bool) -> ExitCode {
    let mut failed = 0;
    for file in files {
        let name = file.display().to_string();
        let loaded = prikaz::input::load(file);
        let (errors, warnings) = print_diagnostics(&name, &loaded, strict);
        if explain {
            explain_typography(&name, &loaded);
        }
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

/// Every change the typography pass makes to the file's text, each with its place: the
/// author can make it in the file, or switch the pass off (`style.typography`).
fn explain_typography(name: &str, loaded: &prikaz::input::Loaded) {
    let Some(source) = &loaded.source else { return };
    let text = source.text.as_str();
    let typography = loaded.document.as_ref().map(|d| d.style.typography).unwrap_or_default();
    let mut count = 0;
    prikaz::input::locate::for_each_value(text, |path, value, range| {
        for c in prikaz::ru::typography::explain(value, &typography) {
            let (line, column) = line_column(text, range.start);
            outln!("{name}:{line}:{column}: {path}: «{}» → «{}» ({})", c.before, c.after, c.rule);
            count += 1;
        }
    });
    outln!("{name}: типографских правок: {count} (⍽ — неразрывный пробел)");
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
