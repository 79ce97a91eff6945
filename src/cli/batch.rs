//! `prikaz batch BATCH.json --schools SCHOOLS.csv -o DIR`: every school's order and roadmap,
//! in parallel; a bad row is reported, the others are produced.

use super::outln;
use std::io::IsTerminal;
use std::path::Path;

use prikaz::batch::{placeholders, read_school_list, BatchFile};
use prikaz::input::source::read_source;
use prikaz::Templates;

use super::outcome::{Done, Failure, Outcome};

pub fn run(
    batch: &Path,
    schools: &Path,
    output: &Path,
    jobs: Option<usize>,
    templates: Option<&Path>,
    name_column: Option<String>,
) -> Outcome {
    let fail = |msg: String| Err(Failure::invalid(msg));
    let src = match read_source(batch) {
        Ok(s) => s,
        Err(d) => return fail(format!("{}: {}", batch.display(), d.message)),
    };
    let file = match BatchFile::parse(&src.text) {
        Ok(f) => f,
        Err(why) => return fail(format!("{}: {why}", batch.display())),
    };
    // The header is found by the columns the template and the file names want.
    let name_column = name_column.or_else(|| file.name_column.clone());
    let mut wanted: Vec<String> = placeholders(&file.school).into_iter().map(|(k, _)| k).collect();
    wanted.extend(name_column.iter().cloned());
    let wanted = prikaz::batch::Wanted { names: wanted, mapping: file.columns.clone() };
    let list = match read_school_list(schools, &wanted) {
        Ok(l) => l,
        Err(e) => return fail(e.to_string()),
    };
    for note in &list.notes {
        super::report::note(format_args!("{note}"));
    }
    // A placeholder no column fills would fail every school: said once, before any is built.
    let missing: Vec<(String, String)> =
        placeholders(&file.school).into_iter().filter(|(k, _)| !list.columns.contains(k)).collect();
    if !missing.is_empty() {
        let mut diagnostics: Vec<prikaz::diag::Diagnostic> = missing
            .iter()
            .map(|(key, _)| {
                let line = src
                    .text
                    .find(&format!("{{{{{key}"))
                    .or_else(|| src.text.find(key.as_str()))
                    .map_or(0, |at| src.text[..at].matches('\n').count() + 1);
                prikaz::diag::Diagnostic::error(format!(
                    "{}, строка {line}: подстановку {{{{{key}}}}} нечем заполнить — в списке школ {} нет столбца «{key}» (есть: {})",
                    batch.display(),
                    schools.display(),
                    list.columns.join(", ")
                ))
            })
            .collect();
        // One hint after them all.
        if let Some(last) = diagnostics.pop() {
            diagnostics.push(
                last.hint("добавьте столбец в список школ или исправьте название в шаблоне; школы не сформированы"),
            );
        }
        return Err(Failure { diagnostics, ..Failure::said(super::outcome::EXIT_INVALID) });
    }
    // File names in the inputs (logos) are relative to the batch file.
    let base = batch.parent().unwrap_or(Path::new(""));
    if let Some(dir) = templates {
        for w in Templates::unused_files(dir) {
            super::report::warning(format_args!("{w}"));
        }
    }
    let engine = match templates.map_or_else(Templates::builtin, Templates::with_folder) {
        Ok(t) => prikaz::Engine::with_templates(t),
        Err(d) => return fail(d.message),
    };
    let list_name = schools.display().to_string();
    let naming = match prikaz::batch::run::naming_column(&list, &list_name, name_column) {
        Ok(n) => n,
        Err(d) => return fail(d.message),
    };
    // One thread more than the cores by default: each document ends in two fsyncs, and
    // while one worker waits for the disk another keeps the core busy.
    let threads = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()) + 1);
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(list.rows.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let batch_name = batch.display().to_string();
    let plan = prikaz::batch::run::Plan {
        file: &file,
        batch_name: &batch_name,
        list: &list,
        list_name: &list_name,
        naming,
        output,
        base,
        threads,
    };
    let outcome = prikaz::batch::run::run(&engine, &plan, &|| bar.inc(1));
    bar.finish_and_clear();
    for (stem, w) in &outcome.warnings {
        super::report::warning(format_args!("{stem}: {}", w.message));
    }
    outln!("{}: готово школ {} из {}", output.display(), outcome.done, outcome.total);
    if outcome.failures.is_empty() {
        return Ok(Done::Ok);
    }
    super::report::print_batch_failures(&outcome.failures);
    Ok(Done::No)
}
