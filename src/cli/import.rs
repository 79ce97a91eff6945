//! `prikaz import FILE -o PLAN.json`: a Word document, a spreadsheet or a CSV as an input file,
//! with a summary of what was recognised.

use super::outln;
use std::path::Path;

use super::outcome::{Done, Failure, Outcome};
use super::report::{print_diagnostics, print_unwritten};

pub fn run(file: &Path, output: &Path, title: Option<&str>, sheet: Option<&str>, force: bool) -> Outcome {
    let fail = |msg: String| Err(Failure::invalid(msg));
    let name = file.display().to_string();
    if output.exists() && !force {
        return fail(format!("{} уже есть; чтобы перезаписать его, добавьте --force", output.display()));
    }
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let out_stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let imported = read_any(file, title.unwrap_or(&stem), sheet, &out_stem);
    let imported = match imported {
        Ok(i) => i,
        Err(e) => return fail(format!("{name}: {e}")),
    };
    let text = prikaz::input::written::text(&imported.document);
    // A result no command could read back is not written.
    let limit = prikaz::input::source::MAX_INPUT_BYTES;
    if text.len() as u64 > limit {
        return fail(format!(
            "{name}: документ из импорта занял бы {:.1} МБ — больше предела входного файла {} МБ; \
             разделите исходный файл",
            text.len() as f64 / 1048576.0,
            limit >> 20
        ));
    }
    let out_name = output.display().to_string();
    // Pictures taken from the document (a logo) go beside the file first: the check reads them.
    let dir = output.parent().unwrap_or(Path::new(""));
    let extra: Vec<(std::path::PathBuf, &[u8])> =
        imported.files.iter().map(|(n, b)| (dir.join(n), b.as_slice())).collect();
    if let Err(e) = prikaz::output::write_atomic_all(&extra) {
        return fail(e.to_string());
    }
    let check =
        prikaz::input::load_source(prikaz::input::source::Source { name: out_name.clone(), text: text.clone() });
    // A table's faults are in its cells: fixed there, nothing written. A Word document
    // is written even so — what was recognised is the user's work saved, and the faults
    // (a signature not understood, no points) are fixed in the file or the editor.
    let from_word = imported.places.is_empty();
    if check.has_errors() && !from_word {
        print_unwritten(&name, &format!("{out_name} (не записан)"), &check, &imported.places);
        for (path, _) in &extra {
            std::fs::remove_file(path).ok();
        }
        return fail("документ из импорта не прошёл проверку; файл не записан".to_owned());
    }
    if let Err(e) = prikaz::output::write_atomic(output, text.as_bytes()) {
        return fail(e.to_string());
    }
    // The schema beside the file, for the editor's hints (as `init` leaves it).
    let schema = output.parent().unwrap_or(Path::new("")).join("prikaz.schema.json");
    if !schema.exists() {
        if let Err(e) = prikaz::output::write_atomic(&schema, (prikaz::input::schema_json() + "\n").as_bytes()) {
            super::report::warning(format_args!("схема не записана: {e}"));
        }
    }
    let (errors, _) = print_diagnostics(&out_name, &check, false);
    for line in &imported.summary {
        outln!("  {line}");
    }
    if errors > 0 {
        return fail(format!(
            "{out_name} записан, но ещё не готов: ошибок {errors} (выше) — исправьте их в файле или в редакторе: \
             prikaz serve {out_name}"
        ));
    }
    outln!("{out_name}: документ взят из {name}; проверьте его: prikaz render {out_name}");
    Ok(Done::Ok)
}

/// `import TABLE --into DOC.json [--appendix ID]`: the table's rows replace the rows of a
/// roadmap appendix; the file is checked before it is written, and the previous version
/// is kept as `DOC.json.bak`.
pub fn run_into(file: &Path, into: &Path, appendix: Option<&str>, sheet: Option<&str>) -> Outcome {
    let fail = |msg: String| Err(Failure::invalid(msg));
    let name = file.display().to_string();
    let imported = read_any(file, "", sheet, "");
    let imported = match imported {
        Ok(i) => i,
        Err(e) => return fail(format!("{name}: {e}")),
    };
    let Some(table) = imported.document.appendices.iter().find_map(|a| a.table.as_ref()) else {
        return fail(format!("{name}: в файле нет таблицы плана"));
    };
    let source = match prikaz::input::source::read_source_noted(into) {
        Ok((s, _)) => s,
        Err(d) => return fail(format!("{}: {}", into.display(), d.message)),
    };
    let merged = match prikaz::Engine::import_into(&source.text, table, appendix) {
        Ok(m) => m,
        Err(e) => return fail(format!("{}: {e}", into.display())),
    };
    let out_name = into.display().to_string();
    let check =
        prikaz::input::load_source(prikaz::input::source::Source { name: out_name.clone(), text: merged.text.clone() });
    if check.has_errors() {
        print_unwritten(&name, &out_name, &check, &merged.places(&imported.places));
        return fail(format!("после замены строк {out_name} не прошёл бы проверку; файл не изменён"));
    }
    let backup = into.with_file_name(format!(
        "{}.bak",
        into.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    ));
    if let Err(e) = prikaz::output::write_atomic_all(&[
        (backup.clone(), source.text.as_bytes()),
        (into.to_path_buf(), merged.text.as_bytes()),
    ]) {
        return fail(e.to_string());
    }
    print_diagnostics(&out_name, &check, false);
    for line in imported.summary.iter().chain(&merged.summary) {
        outln!("  {line}");
    }
    outln!("{out_name}: строки плана заменены строками из {name}; прежняя версия — {}", backup.display());
    Ok(Done::Ok)
}

/// The file imported, what its reader noticed said as notes.
fn read_any(
    file: &Path,
    title: &str,
    sheet: Option<&str>,
    files_stem: &str,
) -> Result<prikaz::import::Imported, String> {
    let imported = prikaz::Engine::import(file, title, sheet, files_stem).map_err(|e| e.to_string())?;
    for n in &imported.notes {
        super::report::note(format_args!("{n}"));
    }
    Ok(imported)
}
