//! The batch's loop: the municipal order and every school's document built and written,
//! schools in parallel; a failure is named with its row and the others are produced. The
//! command line calls it, and so can a server: names are decided before any thread runs,
//! and warnings come back in list order, so the result does not depend on threads.

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;

use super::{drop_activities, file_name, fill, reasons, BatchFile, Failure, School, SchoolList};
use crate::diag::Diagnostic;
use crate::input::source::Source;
use crate::Engine;

/// What to build, and where.
pub struct Plan<'a> {
    /// The batch file: the municipal order and the school template.
    pub file: &'a BatchFile,
    /// How messages call the batch file.
    pub batch_name: &'a str,
    /// The schools.
    pub list: &'a SchoolList,
    /// How messages call the list («schools.csv»).
    pub list_name: &'a str,
    /// The column whose value names each school's files (see [`naming_column`]).
    pub naming: Option<String>,
    /// The folder the files go to.
    pub output: &'a Path,
    /// The folder file names in the documents (logos) are relative to.
    pub base: &'a Path,
    /// Documents built at once.
    pub threads: usize,
}

/// What a run produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Schools whose files were written.
    pub done: usize,
    /// Schools in the list.
    pub total: usize,
    /// What was not built: the municipal order (row 0) and schools, in list order.
    pub failures: Vec<Failure>,
    /// Warnings of the documents built, each with the file stem, in list order.
    pub warnings: Vec<(String, Diagnostic)>,
}

/// The column that names the files: the one asked for (an error when the list has none
/// of that name), else `short_name` or `name`, else the first column.
pub fn naming_column(list: &SchoolList, list_name: &str, asked: Option<String>) -> Result<Option<String>, Diagnostic> {
    if let Some(c) = asked.as_ref().filter(|c| !list.columns.contains(c)) {
        return Err(Diagnostic::error(format!(
            "{list_name}: столбца «{c}» для имён файлов нет; есть: {}",
            list.columns.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(", ")
        )));
    }
    Ok(asked
        .or_else(|| ["short_name", "name"].into_iter().map(str::to_owned).find(|c| list.columns.contains(c)))
        .or_else(|| list.columns.iter().find(|c| !c.is_empty() && c.as_str() != "drop").cloned()))
}

/// Builds and writes every document of the plan; `progress` is called once per school.
pub fn run(engine: &Engine, plan: &Plan<'_>, progress: &(dyn Fn() + Sync)) -> Outcome {
    let list = plan.list;
    // File names are decided up front, in list order, so they do not depend on threads.
    let mut taken = HashSet::new();
    let names: Vec<String> = list
        .rows
        .iter()
        .map(|(line, s)| match s {
            Ok(s) => {
                let name = plan.naming.as_ref().and_then(|c| s.fields.get(c)).filter(|v| !v.trim().is_empty()).cloned();
                file_name(&name.unwrap_or_else(|| format!("строка {line}")), &mut taken)
            }
            // A row that could not be read has no name (and no file).
            Err(_) => String::new(),
        })
        .collect();
    let mut out = Outcome { total: list.rows.len(), ..Outcome::default() };
    if let Some(m) = &plan.file.municipal {
        let mut muni_taken = taken.clone();
        let stem = file_name("Муниципальный приказ", &mut muni_taken);
        let origin = format!("{} (municipal)", plan.batch_name);
        match produce(engine, plan, m, (m, "municipal"), &origin, &stem) {
            Ok(w) => out.warnings.extend(w.into_iter().map(|w| (stem.clone(), w))),
            Err(reason) => {
                out.failures.push(Failure { row: 0, school: "муниципальный приказ".into(), reason })
            }
        }
    }
    let school = |i: usize, line: usize, row: &Result<School, String>| {
        let r = row.clone().and_then(|school| school_doc(&plan.file.school, &school)).and_then(|doc| {
            let origin = format!("{}, строка {line}", plan.list_name);
            produce(engine, plan, &doc, (&plan.file.school, "school"), &origin, &names[i])
        });
        progress();
        r.map_err(|reason| Failure { row: line, school: names[i].clone(), reason })
    };
    let each = || -> Vec<Result<Vec<Diagnostic>, Failure>> {
        list.rows.par_iter().enumerate().map(|(i, (line, row))| school(i, *line, row)).collect()
    };
    let results = match rayon::ThreadPoolBuilder::new().num_threads(plan.threads.max(1)).build() {
        Ok(pool) => pool.install(each),
        // No pool of its own (the system refused threads): the shared one.
        Err(_) => each(),
    };
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(w) => {
                out.done += 1;
                out.warnings.extend(w.into_iter().map(|w| (names[i].clone(), w)));
            }
            Err(f) => out.failures.push(f),
        }
    }
    out
}

fn school_doc(template: &serde_json::Value, school: &School) -> Result<serde_json::Value, String> {
    let mut doc = fill(template, school).map_err(|e| e.to_string())?;
    drop_activities(&mut doc, &school.drop).map_err(|e| e.to_string())?;
    Ok(doc)
}

/// Validates one document and writes its DOCX and PDF (atomically, both built first);
/// returns its warnings.
fn produce(
    engine: &Engine,
    plan: &Plan<'_>,
    doc: &serde_json::Value,
    (template, part): (&serde_json::Value, &str),
    origin: &str,
    stem: &str,
) -> Result<Vec<Diagnostic>, String> {
    let text = serde_json::to_string(doc).map_err(|e| e.to_string())?;
    let mut loaded = crate::input::load_source(Source { name: origin.to_owned(), text });
    crate::input::resolve_files(&mut loaded, plan.base);
    let failed = loaded.has_errors();
    let Some(input) = loaded.document.filter(|_| !failed) else {
        return Err(reasons(&loaded.diagnostics, template, part));
    };
    // Each worker renders one school at a time, both files in turn: the pool keeps the cores busy.
    let out = engine.render_in_turn(&input, &crate::Options::default()).map_err(|d| d.message)?;
    let (docx, pdf) = (out.docx.unwrap_or_default(), out.pdf.unwrap_or_default());
    crate::output::write_atomic_all(&[
        (plan.output.join(format!("{stem}.docx")), docx.as_slice()),
        (plan.output.join(format!("{stem}.pdf")), pdf.as_slice()),
    ])
    .map_err(|e| e.to_string())?;
    Ok(out.warnings)
}
