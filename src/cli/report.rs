//! Everything the commands say on standard error as they work: each input's located
//! diagnostics, warnings, notes, the layout's findings, a batch's failed schools. What stops
//! a command is printed by [`super::outcome::finish`].

use std::io::IsTerminal;

use prikaz::diag::Severity;
use prikaz::input::Loaded;

/// «предупреждение: …».
pub fn warning(text: std::fmt::Arguments<'_>) {
    eprintln!("предупреждение: {text}");
}

/// «заметка: …»: how a file was read.
pub fn note(text: std::fmt::Arguments<'_>) {
    eprintln!("заметка: {text}");
}

/// A line of its own («различий нет»).
pub fn note_plain(text: &str) {
    eprintln!("{text}");
}

/// Prints every diagnostic of one loaded file; returns (errors, warnings).
pub fn print_diagnostics(name: &str, loaded: &Loaded, strict: bool) -> (usize, usize) {
    print_list(name, loaded.source.as_ref().map(|s| s.text.as_str()), &loaded.diagnostics, strict)
}

/// Prints diagnostics about a file's text; returns (errors, warnings).
pub fn print_list(
    name: &str,
    text: Option<&str>,
    diagnostics: &[prikaz::diag::Diagnostic],
    strict: bool,
) -> (usize, usize) {
    let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (mut errors, mut warnings) = (0, 0);
    // Errors first: they are what stops the document; warnings after them.
    let mut ordered: Vec<&prikaz::diag::Diagnostic> = diagnostics.iter().collect();
    ordered.sort_by_key(|d| d.severity != Severity::Error);
    for d in ordered {
        let mut d = d.clone();
        if strict && d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
        match d.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
        eprintln!("{}\n", d.render(name, text, styled));
    }
    (errors, warnings)
}

/// Prints what the layout found that the author may want to change: loose lines and hyphen
/// ladders, each with its page and words.
pub fn print_layout_notes(name: &str, loose: &[prikaz::LooseLine], ladders: &[prikaz::HyphenLadder]) {
    for l in loose {
        let text: String = l.text.replace('\u{a0}', " ").chars().take(90).collect();
        eprintln!(
            "вёрстка: {name}, стр. {}: строка растянута (пробелы до {:.2} em): «{}» — переставьте или замените слова рядом, чтобы строка стала плотнее; так же она выйдет и в DOCX",
            l.page,
            l.gap_em,
            text.trim()
        );
    }
    for l in ladders {
        let lines: Vec<String> = l.lines.iter().map(|t| format!("«{}»", t.replace('\u{a0}', " "))).collect();
        eprintln!(
            "вёрстка: {name}, стр. {}: {} строки подряд кончаются переносом (считая дефисы, написанные в тексте): {} — переставьте или замените слова рядом; так же они выйдут и в DOCX",
            l.page,
            l.lines.len(),
            lines.join(" / ")
        );
    }
}

/// Prints the schools a batch could not build, each with its row and reason.
pub fn print_batch_failures(failures: &[prikaz::batch::Failure]) {
    eprintln!("не сформированы:");
    for f in failures {
        if f.row > 0 && f.school.is_empty() {
            eprintln!("  строка {}: {}", f.row, f.reason);
        } else if f.row > 0 && f.school != format!("строка {}", f.row) {
            eprintln!("  строка {} ({}): {}", f.row, f.school, f.reason);
        } else if f.row > 0 {
            eprintln!("  строка {}: {}", f.row, f.reason);
        } else {
            eprintln!("  {}: {}", f.school, f.reason);
        }
    }
}

/// Prints the check of a result that was not written: each finding where it came from in
/// the source (a spreadsheet's row and column, from `places`), else by its JSON path in
/// `out_name` — never by a line of text no file holds.
pub fn print_unwritten(source: &str, out_name: &str, loaded: &Loaded, places: &[(String, String)]) {
    let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut ordered: Vec<&prikaz::diag::Diagnostic> = loaded.diagnostics.iter().collect();
    ordered.sort_by_key(|d| d.severity != Severity::Error);
    for d in ordered {
        let mut d = d.clone();
        d.location = None;
        let place = d.path.as_ref().and_then(|p| prikaz::import::place_of(places, &p.to_string()));
        let file = match place {
            Some(place) => {
                d.path = None;
                format!("{source}: {place}")
            }
            None => out_name.to_owned(),
        };
        eprintln!("{}\n", d.render(&file, None, styled));
    }
}

/// Two versions of a document, each checked with its diagnostics printed: both documents,
/// or the first file that could not be used and how to say it («не прочитан» when it could
/// not be read, «содержит ошибки» when it could).
pub fn load_versions<'a>(
    old: &'a std::path::Path,
    new: &'a std::path::Path,
) -> Result<(prikaz::input::model::Document, prikaz::input::model::Document), (&'a std::path::Path, &'static str)> {
    let mut docs = Vec::new();
    for file in [old, new] {
        let loaded = prikaz::input::load(file);
        let (errors, _) = print_diagnostics(&file.display().to_string(), &loaded, false);
        let why = if loaded.source.is_none() { "не прочитан" } else { "содержит ошибки" };
        match loaded.document.filter(|_| errors == 0) {
            Some(d) => docs.push(d),
            None => return Err((file, why)),
        }
    }
    let new_doc = docs.pop().expect("two documents");
    Ok((docs.pop().expect("two documents"), new_doc))
}
