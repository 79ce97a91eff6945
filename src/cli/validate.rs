//! `prikaz validate FILE…`: exit 0 when every file is valid, 1 otherwise.

use super::outln;
use std::path::PathBuf;
use std::process::ExitCode;

use super::report::{print_diagnostics, print_list};
use super::EXIT_INVALID;

pub fn run(files: &[PathBuf], strict: bool, explain: bool) -> ExitCode {
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
            let (narrow, lines, steps) = layout_checks(&loaded);
            let (e, w) = print_list(&name, text, &narrow, strict);
            errors += e;
            warnings += w;
            loose = lines;
            ladders = steps;
        }
        // Loose lines are not the input's fault: named for the author, not counted (so
        // --strict does not fail on them).
        for l in &loose {
            let text: String = l.text.replace('\u{a0}', " ").chars().take(90).collect();
            eprintln!(
                "вёрстка: {name}, стр. {}: строка растянута (пробелы до {:.2} em): «{}» — переставьте или замените слова рядом, чтобы строка стала плотнее; так же она выйдет и в DOCX",
                l.page,
                l.gap_em,
                text.trim()
            );
        }
        for l in &ladders {
            let lines: Vec<String> = l.lines.iter().map(|t| format!("«{}»", t.replace('\u{a0}', " "))).collect();
            eprintln!(
                "вёрстка: {name}, стр. {}: {} строки подряд кончаются переносом (считая дефисы, написанные в тексте): {} — переставьте или замените слова рядом; так же они выйдут и в DOCX",
                l.page,
                l.lines.len(),
                lines.join(" / ")
            );
        }
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

/// Table columns too narrow for a piece of their text even at the widest the page allows
/// (the built-in templates laid out with the bundled fonts, as `render` would): a date or a
/// word would be cut by characters. Each is located at its column in the file. Then the
/// loose lines and the hyphen ladders of the pages, each with its page and words.
fn layout_checks(loaded: &prikaz::input::Loaded) -> LayoutNotes {
    use prikaz::diag::{Diagnostic, JsonPath, Location};
    let none = || (Vec::new(), Vec::new(), Vec::new());
    let (Some(input), Some(source)) = (&loaded.document, &loaded.source) else { return none() };
    let Ok(templates) = prikaz::template::Templates::builtin() else { return none() };
    let Ok(mut ir) = prikaz::pipeline::build_ir(input, &templates, prikaz::pipeline::Parts::All) else {
        return none();
    };
    let measurer = prikaz::layout::text::Measurer::bundled();
    let narrow = prikaz::layout::columns::fit(&mut ir, &measurer);
    // Lines first-fit had to stretch: both outputs stretch them alike; the author can
    // rephrase (the page and the words say which).
    let pages = prikaz::layout::layout(&ir, &measurer);
    let loose = prikaz::layout::loose::loose_lines(&pages, &measurer);
    let ladders = prikaz::layout::ladders::ladders(&pages);
    // The built-in templates draw one table for each appendix that has one, in order.
    let tables: Vec<usize> =
        input.appendices.iter().enumerate().filter(|(_, a)| a.table.is_some()).map(|(i, _)| i).collect();
    let locator = prikaz::input::locate::Locator::new(&source.text);
    let narrow = narrow
        .iter()
        .map(|n| {
            let mut d = Diagnostic::warning(n.to_string());
            if let Some(&i) = tables.get(n.table - 1) {
                let path = JsonPath::root().key("appendices").index(i).key("table").key("columns").index(n.column - 1);
                if let Some(range) = locator.find(&path) {
                    d = d.located(Location::of_span(&source.text, range));
                }
                d = d.at(path);
            }
            d
        })
        .collect();
    (narrow, loose, ladders)
}

/// What the layout checks find: narrow columns (warnings located in the file), loose
/// lines and hyphen ladders (named for the author, not counted).
type LayoutNotes =
    (Vec<prikaz::diag::Diagnostic>, Vec<prikaz::layout::loose::Loose>, Vec<prikaz::layout::ladders::Ladder>);
