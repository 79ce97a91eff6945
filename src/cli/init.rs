//! `prikaz init DIR`: a starter project — an input file filled with the Солнечногорск
//! example, the schema for the editor, and the default templates to edit.

use super::outln;
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_INVALID;

const EXAMPLE: &str = include_str!("../../samples/solnechnogorsk-2023.json");

pub fn run(dir: &Path) -> ExitCode {
    let mut files: Vec<(std::path::PathBuf, String)> = vec![
        (dir.join("prikaz.json"), EXAMPLE.to_owned()),
        (dir.join("prikaz.schema.json"), prikaz::input::schema_json() + "\n"),
    ];
    for (name, text) in prikaz::template::BUILTIN {
        files.push((dir.join("templates").join(name), text.to_string()));
    }
    let existing: Vec<String> =
        files.iter().filter(|(p, _)| p.exists()).map(|(p, _)| p.display().to_string()).collect();
    if !existing.is_empty() {
        eprintln!("ошибка: файлы уже есть, ничего не записано: {}", existing.join(", "));
        eprintln!("подсказка: выберите пустую папку или удалите эти файлы");
        return ExitCode::from(EXIT_INVALID);
    }
    for (path, text) in &files {
        if let Err(e) = prikaz::output::write_atomic(path, text.as_bytes()) {
            eprintln!("ошибка: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    }
    outln!("Готово: {}", dir.display());
    outln!("  prikaz.json        — ваш приказ (заполнен примером, замените данные своими)");
    outln!("  prikaz.schema.json — схема: редактор подскажет поля и ошибки");
    outln!("  templates/         — шаблоны; правьте и передавайте: --templates {}", dir.join("templates").display());
    outln!("Дальше: prikaz render {} -o {}", dir.join("prikaz.json").display(), dir.join("out").display());
    ExitCode::SUCCESS
}
