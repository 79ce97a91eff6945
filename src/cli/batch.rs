//! `prikaz batch BATCH.json --schools SCHOOLS.csv -o DIR`: every school's order and roadmap,
//! in parallel; a bad row is reported, the others are produced.

use super::outln;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;

use prikaz::batch::{
    drop_activities, file_name, fill, placeholders, read_school_list, reasons, BatchFile, Failure, School,
};
use prikaz::input::source::{read_source, Source};
use prikaz::template::Templates;

use super::EXIT_INVALID;

pub fn run(
    batch: &Path,
    schools: &Path,
    output: &Path,
    jobs: Option<usize>,
    templates: Option<&Path>,
    name_column: Option<String>,
) -> ExitCode {
    let fail = |msg: String| {
        eprintln!("ошибка: {msg}");
        ExitCode::from(EXIT_INVALID)
    };
    let src = match read_source(batch) {
        Ok(s) => s,
        Err(d) => return fail(format!("{}: {}", batch.display(), d.message)),
    };
    let file: BatchFile = match serde_json::from_str(&prikaz::input::jsonc::to_json(&src.text)) {
        Ok(f) => f,
        Err(e) => return fail(format!("{}: {}", batch.display(), prikaz::input::translate::serde_json_reason(&e))),
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
        eprintln!("заметка: {note}");
    }
    // A placeholder no column fills would fail every school: said once, before any is built.
    let missing: Vec<(String, String)> =
        placeholders(&file.school).into_iter().filter(|(k, _)| !list.columns.contains(k)).collect();
    if !missing.is_empty() {
        for (key, _) in &missing {
            let line = src
                .text
                .find(&format!("{{{{{key}"))
                .or_else(|| src.text.find(key.as_str()))
                .map_or(0, |at| src.text[..at].matches('\n').count() + 1);
            eprintln!(
                "ошибка: {}, строка {line}: подстановку {{{{{key}}}}} нечем заполнить — в списке школ {} нет столбца «{key}» (есть: {})",
                batch.display(),
                schools.display(),
                list.columns.join(", ")
            );
        }
        eprintln!("подсказка: добавьте столбец в список школ или исправьте название в шаблоне; школы не сформированы");
        return ExitCode::from(EXIT_INVALID);
    }
    // File names in the inputs (logos) are relative to the batch file.
    let base = batch.parent().unwrap_or(Path::new(""));
    if let Some(dir) = templates {
        for w in Templates::unused_files(dir) {
            eprintln!("предупреждение: {w}");
        }
    }
    let engine = match templates.map_or_else(Templates::builtin, Templates::with_folder) {
        Ok(t) => prikaz::Engine::with_templates(t),
        Err(d) => return fail(d.message),
    };
    let list_name = schools.display().to_string();
    // File names are decided up front, in list order, so they do not depend on threads.
    let mut taken = HashSet::new();
    if let Some(c) = name_column.as_ref().filter(|c| !list.columns.contains(c)) {
        return fail(format!(
            "{}: столбца «{c}» для имён файлов нет; есть: {}",
            schools.display(),
            list.columns.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    // Files are named by the name column, else short_name or name, else the first column.
    let naming = name_column
        .or_else(|| ["short_name", "name"].into_iter().map(str::to_owned).find(|c| list.columns.contains(c)))
        .or_else(|| list.columns.iter().find(|c| !c.is_empty() && c.as_str() != "drop").cloned());
    let names: Vec<String> = list
        .rows
        .iter()
        .map(|(line, s)| match s {
            Ok(s) => {
                let name = naming.as_ref().and_then(|c| s.fields.get(c)).filter(|v| !v.trim().is_empty()).cloned();
                file_name(&name.unwrap_or_else(|| format!("строка {line}")), &mut taken)
            }
            // A row that could not be read has no name (and no file).
            Err(_) => String::new(),
        })
        .collect();
    // One thread more than the cores by default: each document ends in two fsyncs, and
    // while one worker waits for the disk another keeps the core busy.
    let threads = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()) + 1);
    if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(threads.max(1)).build_global() {
        eprintln!("предупреждение: -j {threads}: {e}");
    }
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(list.rows.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut failures: Vec<Failure> = Vec::new();
    if let Some(m) = &file.municipal {
        let mut muni_taken = taken.clone();
        let stem = file_name("Муниципальный приказ", &mut muni_taken);
        let origin = format!("{} (municipal)", batch.display());
        if let Err(reason) = produce(m, (m, "municipal"), &origin, &stem, output, &engine, base) {
            failures.push(Failure { row: 0, school: "муниципальный приказ".into(), reason });
        }
    }
    let results: Vec<Result<(), Failure>> = list
        .rows
        .par_iter()
        .enumerate()
        .map(|(i, (line, school))| {
            let r = school.clone().and_then(|school| school_doc(&file.school, &school)).and_then(|doc| {
                let origin = format!("{list_name}, строка {line}");
                produce(&doc, (&file.school, "school"), &origin, &names[i], output, &engine, base)
            });
            bar.inc(1);
            r.map_err(|reason| Failure { row: *line, school: names[i].clone(), reason })
        })
        .collect();
    bar.finish_and_clear();
    failures.extend(results.into_iter().filter_map(Result::err));
    let done = list.rows.len() - failures.iter().filter(|f| f.row > 0).count();
    outln!("{}: готово школ {done} из {}", output.display(), list.rows.len());
    if failures.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!("не сформированы:");
    for f in &failures {
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
    ExitCode::from(EXIT_INVALID)
}

fn school_doc(template: &serde_json::Value, school: &School) -> Result<serde_json::Value, String> {
    let mut doc = fill(template, school).map_err(|e| e.to_string())?;
    drop_activities(&mut doc, &school.drop).map_err(|e| e.to_string())?;
    Ok(doc)
}

/// Validates one document and writes its DOCX and PDF (atomically, both built first).
fn produce(
    doc: &serde_json::Value,
    (template, part): (&serde_json::Value, &str),
    origin: &str,
    stem: &str,
    output: &Path,
    engine: &prikaz::Engine,
    base: &Path,
) -> Result<(), String> {
    let text = serde_json::to_string(doc).map_err(|e| e.to_string())?;
    let mut loaded = prikaz::input::load_source(Source { name: origin.to_owned(), text });
    prikaz::input::resolve_files(&mut loaded, base);
    let failed = loaded.has_errors();
    let Some(input) = loaded.document.filter(|_| !failed) else {
        return Err(reasons(&loaded.diagnostics, template, part));
    };
    // Each worker renders one school at a time, both files in turn: the pool keeps the cores busy.
    let out = engine.render_in_turn(&input, &prikaz::Options::default()).map_err(|d| d.message)?;
    for w in &out.warnings {
        eprintln!("предупреждение: {stem}: {}", w.message);
    }
    let (docx, pdf) = (out.docx.unwrap_or_default(), out.pdf.unwrap_or_default());
    prikaz::output::write_atomic_all(&[
        (output.join(format!("{stem}.docx")), docx.as_slice()),
        (output.join(format!("{stem}.pdf")), pdf.as_slice()),
    ])
    .map_err(|e| e.to_string())
}
