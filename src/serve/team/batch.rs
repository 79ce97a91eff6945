//! A template's batch on the server: the school list sent by a methodologist is kept (each
//! school's row, for documents its users make from the template) and every school's
//! documents are built, as `prikaz batch` builds them, into one ZIP.

use std::io::Write;
use std::path::Path;

use prikaz::batch::{placeholders, read_school_list, BatchFile, School};
use prikaz::Engine;

use crate::workspace::accounts::User;
use crate::workspace::{Error, Workspace};

/// The ZIP of every school's documents (and «ошибки.txt» when some failed).
pub fn build(
    ws: &Workspace,
    engine: &Engine,
    user: &User,
    template: &str,
    list_name: &str,
    list: &[u8],
    base: &Path,
) -> Result<Vec<u8>, Error> {
    let file = BatchFile::parse(template).map_err(|why| Error::Invalid(format!("шаблон — не пакетный файл: {why}")))?;
    let scratch = tempfile::tempdir().map_err(|e| Error::Storage(prikaz::output::os_error(&e)))?;
    let list_path = scratch.path().join(plain(list_name));
    std::fs::write(&list_path, list).map_err(|e| Error::Storage(prikaz::output::os_error(&e)))?;
    let naming_asked = file.name_column.clone();
    let mut names: Vec<String> = placeholders(&file.school).into_iter().map(|(k, _)| k).collect();
    names.extend(naming_asked.iter().cloned());
    let wanted = prikaz::batch::Wanted { names, mapping: file.columns.clone() };
    let schools = read_school_list(&list_path, &wanted).map_err(|d| Error::Invalid(reason(list_name, &d.message)))?;
    let missing: Vec<String> =
        placeholders(&file.school).into_iter().map(|(k, _)| k).filter(|k| !schools.columns.contains(k)).collect();
    if !missing.is_empty() {
        return Err(Error::Invalid(format!(
            "{list_name}: подстановки шаблона нечем заполнить — в списке нет столбцов {} (есть: {}); \
             добавьте их в список школ",
            missing.iter().map(|k| format!("«{k}»")).collect::<Vec<_>>().join(", "),
            schools.columns.join(", ")
        )));
    }
    let naming = prikaz::batch::run::naming_column(&schools, list_name, naming_asked)
        .map_err(|d| Error::Invalid(d.message))?
        .unwrap_or_else(|| "short_name".to_owned());
    // Each school's row is kept, the activities it drops with it.
    let rows: Vec<School> = schools.rows.iter().filter_map(|(_, r)| r.as_ref().ok()).cloned().collect();
    ws.store_school_list(user.id, &rows, &naming)?;
    let out = scratch.path().join("out");
    let plan = prikaz::batch::run::Plan {
        file: &file,
        batch_name: "шаблон",
        list: &schools,
        list_name,
        naming: Some(naming),
        output: &out,
        base,
        threads: 1,
    };
    let outcome = prikaz::batch::run::run(engine, &plan, &|| {});
    zip_folder(&out, &failures_text(&outcome))
}

/// A list name that is a plain file name here (its extension tells the reader the format).
fn plain(name: &str) -> String {
    let clean: String =
        name.chars().map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    if clean.trim_matches('.').is_empty() {
        "schools.csv".to_owned()
    } else {
        clean
    }
}

/// A message about the list, named as the user sent it, not as the scratch file.
fn reason(list_name: &str, message: &str) -> String {
    match message.split_once(": ") {
        Some((place, rest)) if place.contains('/') || place.contains('\\') => format!("{list_name}: {rest}"),
        _ => message.to_owned(),
    }
}

fn failures_text(outcome: &prikaz::batch::run::Outcome) -> String {
    let mut text = String::new();
    for f in &outcome.failures {
        let who = if f.row > 0 { format!("строка {} ({})", f.row, f.school) } else { f.school.clone() };
        text.push_str(&format!("{who}: {}\r\n", f.reason));
    }
    if !text.is_empty() {
        text = format!("Сформировано школ: {} из {}. Не сформированы:\r\n{text}", outcome.done, outcome.total);
    }
    text
}

/// The folder's files (sorted, so the ZIP is the same for the same documents), and the
/// failures, as a ZIP.
fn zip_folder(folder: &Path, failures: &str) -> Result<Vec<u8>, Error> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: &dyn std::fmt::Display| Error::Storage(format!("ZIP: {e}"));
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = std::fs::read(&path).map_err(|e| Error::Storage(prikaz::output::os_error(&e)))?;
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(&bytes).map_err(|e| fail(&e))?;
    }
    if !failures.is_empty() {
        zip.start_file("ошибки.txt", options).map_err(|e| fail(&e))?;
        zip.write_all(failures.as_bytes()).map_err(|e| fail(&e))?;
    }
    zip.finish().map(|c| c.into_inner()).map_err(|e| fail(&e))
}
