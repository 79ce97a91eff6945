//! `prikaz roll FILE --to 2024 -o NEW.json`: the same plan for another school year.

use super::outln;
use std::path::Path;
use std::process::ExitCode;

use prikaz::input::model::parse_iso_date;
use prikaz::input::model::IsoDate;
use prikaz::roll::{roll, RollOptions};

use super::report::print_diagnostics;
use super::EXIT_INVALID;

pub fn run(file: &Path, to: i32, output: &Path, date: Option<&str>, number: Option<String>) -> ExitCode {
    let name = file.display().to_string();
    let loaded = prikaz::input::load(file);
    let (errors, _) = print_diagnostics(&name, &loaded, false);
    let Some(doc) = loaded.document.filter(|_| errors == 0) else {
        return ExitCode::from(EXIT_INVALID);
    };
    let date = match date.map(parse_iso_date).transpose() {
        Ok(d) => d.map(IsoDate),
        Err(e) => {
            eprintln!("ошибка: --date: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let (mut new_doc, mut warnings) = match roll(&doc, to, &RollOptions { date, number }) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("ошибка: {name}: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    keep_files_found(&mut new_doc, file, output);
    let text = match serde_json::to_string_pretty(&new_doc) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("ошибка: не удалось записать JSON: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    // The result must be a valid input itself.
    let check = prikaz::input::load_source(prikaz::input::source::Source {
        name: output.display().to_string(),
        text: text.clone(),
    });
    let out_name = output.display().to_string();
    if check.has_errors() {
        print_diagnostics(&out_name, &check, false);
        eprintln!("ошибка: сдвинутый документ не прошёл проверку; файл не записан");
        return ExitCode::from(EXIT_INVALID);
    }
    if let Err(e) = prikaz::output::write_atomic(output, text.as_bytes()) {
        eprintln!("ошибка: {e}");
        return ExitCode::from(EXIT_INVALID);
    }
    prikaz::input::locate_all(&text, &mut warnings);
    let shown = prikaz::input::Loaded { source: check.source, document: None, diagnostics: warnings };
    let (_, n) = print_diagnostics(&out_name, &shown, false);
    outln!("{out_name}: план перенесён на {to} г.; предупреждений: {n}");
    ExitCode::SUCCESS
}

/// File names in the input are relative to its folder; written to another folder, the
/// rolled file names them by their full path, so its logo is still found.
fn keep_files_found(doc: &mut prikaz::input::model::Document, input: &Path, output: &Path) {
    let folder = |p: &Path| {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
    };
    let (from, to) = (folder(input), folder(output));
    if from == to {
        return;
    }
    if let Some(logo) = doc.blank.as_mut().and_then(|b| b.logo.as_mut()) {
        if Path::new(&logo.path).is_relative() {
            logo.path = from.join(&logo.path).to_string_lossy().into_owned();
        }
    }
}
