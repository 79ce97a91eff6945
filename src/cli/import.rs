//! `prikaz import TABLE -o PLAN.json`: a plan kept in a spreadsheet or CSV as an input file,
//! with a summary of what was recognised.

use super::outln;
use std::path::Path;
use std::process::ExitCode;

use super::report::print_diagnostics;
use super::EXIT_INVALID;

pub fn run(file: &Path, output: &Path, title: Option<&str>, force: bool) -> ExitCode {
    let fail = |msg: String| {
        eprintln!("ошибка: {msg}");
        ExitCode::from(EXIT_INVALID)
    };
    let name = file.display().to_string();
    let ext = file.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if matches!(ext.as_str(), "docx" | "doc" | "odt") {
        return fail(format!(
            "{name}: импорт из документа Word пока не поддерживается; скопируйте таблицу плана в Excel или \
             LibreOffice Calc, сохраните как .xlsx и импортируйте этот файл"
        ));
    }
    if output.exists() && !force {
        return fail(format!("{} уже есть; чтобы перезаписать его, добавьте --force", output.display()));
    }
    let (rows, notes) = match prikaz::sheet::read_table(file) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    for n in notes {
        eprintln!("заметка: {n}");
    }
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let imported = match prikaz::import::from_rows(&rows, title.unwrap_or(&stem)) {
        Ok(i) => i,
        Err(e) => return fail(format!("{name}: {e}")),
    };
    let text = match serde_json::to_string_pretty(&imported.document) {
        Ok(t) => t + "\n",
        Err(e) => return fail(format!("не удалось записать JSON: {e}")),
    };
    let out_name = output.display().to_string();
    let check =
        prikaz::input::load_source(prikaz::input::source::Source { name: out_name.clone(), text: text.clone() });
    if check.has_errors() {
        print_diagnostics(&out_name, &check, false);
        return fail("план из таблицы не прошёл проверку; файл не записан".to_owned());
    }
    if let Err(e) = prikaz::output::write_atomic(output, text.as_bytes()) {
        return fail(e.to_string());
    }
    // The schema beside the file, for the editor's hints (as `init` leaves it).
    let schema = output.parent().unwrap_or(Path::new("")).join("prikaz.schema.json");
    if !schema.exists() {
        if let Err(e) = prikaz::output::write_atomic(&schema, (prikaz::input::schema_json() + "\n").as_bytes()) {
            eprintln!("предупреждение: схема не записана: {e}");
        }
    }
    print_diagnostics(&out_name, &check, false);
    for line in &imported.summary {
        outln!("  {line}");
    }
    outln!("{out_name}: план взят из {name}; проверьте его: prikaz render {out_name}");
    ExitCode::SUCCESS
}
