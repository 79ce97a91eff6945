//! `prikaz validate FILE…`: exit 0 when every file is valid, 1 otherwise.

use super::outln;
use std::path::PathBuf;

use super::outcome::{Done, Outcome};
use super::report::{print_diagnostics, print_layout_notes, print_list};

pub fn run(files: &[PathBuf], strict: bool, explain: bool) -> Outcome {
    let mut failed = 0;
    for file in files {
        let name = file.display().to_string();
        if let Some(code) = batch_file(file, &name, strict) {
            failed += code;
            continue;
        }
        let loaded = prikaz::input::load(file);
        let (mut errors, mut warnings) = print_diagnostics(&name, &loaded, strict);
        let (mut loose, mut ladders) = (Vec::new(), Vec::new());
        if errors == 0 {
            let text = loaded.source.as_ref().map(|s| s.text.as_str());
            let notes = layout_checks(&loaded);
            let (e, w) = print_list(&name, text, &notes.narrow, strict);
            errors += e;
            warnings += w;
            loose = notes.loose;
            ladders = notes.ladders;
        }
        // Loose lines are not the input's fault: named for the author, not counted (so
        // --strict does not fail on them).
        print_layout_notes(&name, &loose, &ladders);
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
    Ok(if failed > 0 { Done::No } else { Done::Ok })
}

/// A batch file checked as such (see [`prikaz::batch::check_batch`]); `None` when the file
/// is not one. Returns 1 when it has errors.
fn batch_file(file: &std::path::Path, name: &str, strict: bool) -> Option<usize> {
    let source = prikaz::input::source::read_source(file).ok()?;
    if !prikaz::batch::is_batch(&source.text) {
        return None;
    }
    let diagnostics = prikaz::batch::check_batch(&source.text);
    let (errors, warnings) = print_list(name, Some(&source.text), &diagnostics, strict);
    if errors > 0 {
        outln!("{name}: пакет: ошибок: {errors}, предупреждений: {warnings}");
        Some(1)
    } else {
        outln!("{name}: пакет корректен (шаблон школы проверен с образцами значений подстановок), предупреждений: {warnings}");
        Some(0)
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
            let at = prikaz::diag::Location::of_span(text, range.start..range.start);
            let (line, column) = (at.line, at.column);
            outln!("{name}:{line}:{column}: {path}: «{}» → «{}» ({})", c.before, c.after, c.rule);
            count += 1;
        }
    });
    outln!("{name}: типографских правок: {count} (⍽ — неразрывный пробел)");
}

/// Table columns too narrow for a piece of their text even at the widest the page allows
/// (the built-in templates laid out with the bundled fonts, as `render` would), each
/// located at its column in the file; then the loose lines and hyphen ladders of the pages.
fn layout_checks(loaded: &prikaz::input::Loaded) -> prikaz::LayoutNotes {
    let (Some(input), Some(source)) = (&loaded.document, &loaded.source) else { return Default::default() };
    let Ok(engine) = prikaz::Engine::builtin() else { return Default::default() };
    engine.layout_notes(input, Some(&source.text))
}
