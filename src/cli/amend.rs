//! `prikaz amend OLD.json NEW.json -o ИЗМЕНЕНИЯ.json [--date …] [--number …]`: the input
//! file of the amending order «О внесении изменений в приказ … от … № …», checked before
//! it is written.

use std::path::Path;

use super::outcome::{Done, Failure, Outcome};
use super::outln;
use super::report::print_list;

pub fn run(old: &Path, new: &Path, output: &Path, date: Option<&str>, number: Option<String>, force: bool) -> Outcome {
    let fail = |msg: String| Err(Failure::invalid(msg));
    if output.exists() && !force {
        return fail(format!("{} уже есть; чтобы перезаписать его, добавьте --force", output.display()));
    }
    let date = match date.map(prikaz::input::model::parse_iso_date) {
        None => None,
        Some(Ok(d)) => Some(prikaz::input::model::IsoDate(d)),
        Some(Err(e)) => return fail(format!("--date: {e}")),
    };
    let (old_doc, new_doc) = match super::report::load_versions(old, new) {
        Ok(d) => d,
        Err((file, why)) => {
            return fail(format!("{} {why} — изменения вносятся только по проверенным файлам", file.display()))
        }
    };
    let own = prikaz::amend::Requisites { date, number };
    let doc = match prikaz::Engine::amending_order(&old_doc, &new_doc, &own) {
        Ok(d) => d,
        Err(d) => return Err(Failure::of(d)),
    };
    let text = match serde_json::to_string_pretty(&doc) {
        Ok(t) => t + "\n",
        Err(e) => return fail(format!("приказ не записывается в JSON: {e}")),
    };
    // Checked as any input is, before it is written: logos are found from the new version's folder.
    let name = output.display().to_string();
    let mut loaded =
        prikaz::input::load_source(prikaz::input::source::Source { name: name.clone(), text: text.clone() });
    prikaz::input::resolve_files(&mut loaded, new.parent().unwrap_or(Path::new("")));
    let (errors, _) = print_list(&name, Some(&text), &loaded.diagnostics, false);
    if errors > 0 {
        return fail(format!("приказ о внесении изменений не прошёл проверку; {name} не записан"));
    }
    if let Err(e) = prikaz::output::write_atomic(output, text.as_bytes()) {
        return fail(e.to_string());
    }
    outln!(
        "{}: приказ о внесении изменений записан; соберите его: prikaz render {}",
        output.display(),
        output.display()
    );
    Ok(Done::Ok)
}
