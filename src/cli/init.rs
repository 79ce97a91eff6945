//! `prikaz init DIR [--kind …]`: a starter project — an input file filled with one of the
//! samples, the files it names (a logo), the schema for the editor, and the default
//! templates to edit.

use super::outln;
use std::path::Path;

use super::outcome::{Done, Failure, Outcome};

/// The document a starter project begins with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Приказ муниципального органа с дорожной картой в приложении (Солнечногорск).
    Order,
    /// План школы без приказа: грифы «СОГЛАСОВАНО» и «УТВЕРЖДАЮ» рядом.
    SchoolPlan,
    /// Приказ детского сада: продольный бланк с логотипом, дата и номер в одну строку, пункты-маркеры.
    Kindergarten,
    /// Приказ об утверждении Положения: текстовое приложение с разделами.
    Polozhenie,
    /// Приказ, подписанный электронной подписью, с QR-кодом.
    EsignQr,
    /// Дорожная карта по этапам: этап и его номер объединены на несколько строк, разделы I, II.
    StagePlan,
}

impl Kind {
    /// The sample's text and the files it names beside it.
    fn example(self) -> (&'static str, &'static [(&'static str, &'static [u8])]) {
        let id = match self {
            Kind::Order => "order",
            Kind::SchoolPlan => "school-plan",
            Kind::Kindergarten => "kindergarten",
            Kind::Polozhenie => "polozhenie",
            Kind::EsignQr => "esign-qr",
            Kind::StagePlan => "stage-plan",
        };
        let s = prikaz::samples::by_id(id).expect("every kind is a built-in sample");
        (s.text, s.files)
    }
}

pub fn run(dir: &Path, kind: Kind) -> Outcome {
    let (example, beside) = kind.example();
    let mut files: Vec<(std::path::PathBuf, Vec<u8>)> = vec![
        (dir.join("prikaz.json"), example.as_bytes().to_vec()),
        (dir.join("prikaz.schema.json"), (prikaz::input::schema_json() + "\n").into_bytes()),
    ];
    files.extend(beside.iter().map(|(name, bytes)| (dir.join(name), bytes.to_vec())));
    for (name, text) in prikaz::BUILTIN_TEMPLATES {
        files.push((dir.join("templates").join(name), text.as_bytes().to_vec()));
    }
    let existing: Vec<String> =
        files.iter().filter(|(p, _)| p.exists()).map(|(p, _)| p.display().to_string()).collect();
    if !existing.is_empty() {
        return Err(Failure::of(
            prikaz::diag::Diagnostic::error(format!("файлы уже есть, ничего не записано: {}", existing.join(", ")))
                .hint("выберите пустую папку или удалите эти файлы"),
        ));
    }
    for (path, text) in &files {
        if let Err(e) = prikaz::output::write_atomic(path, text) {
            return Err(Failure::invalid(e.to_string()));
        }
    }
    outln!("Готово: {}", dir.display());
    outln!("  prikaz.json        — ваш приказ (заполнен примером, замените данные своими)");
    outln!("  prikaz.schema.json — схема: редактор подскажет поля и ошибки");
    outln!("  templates/         — шаблоны; правьте и передавайте: --templates {}", dir.join("templates").display());
    outln!(
        "Дальше: prikaz render {} -o {} --templates {}",
        dir.join("prikaz.json").display(),
        dir.join("out").display(),
        dir.join("templates").display()
    );
    outln!("  или в браузере: prikaz serve {} --open", dir.join("prikaz.json").display());
    Ok(Done::Ok)
}
