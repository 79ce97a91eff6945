//! `prikaz render FILE`: input → IR; `--emit ir` prints it. DOCX and PDF writers come next.

use std::path::Path;
use std::process::ExitCode;

use prikaz::pipeline::{build_ir, Parts};
use prikaz::template::Templates;

use super::report::print_diagnostics;
use super::EXIT_INVALID;

/// What to print instead of writing files.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Emit {
    /// The document model (IR) as text.
    Ir,
    /// The page layout: page, baseline, text of each line.
    Layout,
}

pub fn run(file: &Path, output: &Path, templates: Option<&Path>, emit: Option<Emit>, embed_fonts: bool) -> ExitCode {
    let name = file.display().to_string();
    let loaded = prikaz::input::load(file);
    let (errors, _) = print_diagnostics(&name, &loaded, false);
    let Some(input) = loaded.document.filter(|_| errors == 0) else {
        return ExitCode::from(EXIT_INVALID);
    };
    let templates = match templates.map_or_else(Templates::builtin, Templates::with_folder) {
        Ok(t) => t,
        Err(d) => {
            eprintln!("{}", d.render("шаблоны", None, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let ir = match build_ir(&input, &templates, Parts::All) {
        Ok(ir) => ir,
        Err(d) => {
            eprintln!("{}", d.render(&name, None, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match emit {
        Some(Emit::Ir) => {
            print!("{}", prikaz::doc::dump(&ir));
            ExitCode::SUCCESS
        }
        Some(Emit::Layout) => {
            let m = prikaz::layout::text::Measurer::bundled();
            print!("{}", prikaz::layout::dump(&prikaz::layout::layout(&ir, &m)));
            ExitCode::SUCCESS
        }
        None => write_files(file, output, &ir, embed_fonts),
    }
}

/// Writes `<stem>.docx` and `<stem>.pdf` into the output folder, each atomically.
fn write_files(file: &Path, output: &Path, ir: &prikaz::doc::Document, embed_fonts: bool) -> ExitCode {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "document".into());
    let opts = prikaz::render::docx::DocxOptions { embed_fonts };
    let docx = prikaz::render::docx::write_docx(ir, &opts);
    let m = prikaz::layout::text::Measurer::bundled();
    let pdf = prikaz::render::pdf::write_pdf(ir, &prikaz::layout::layout(ir, &m));
    let (docx, pdf) = match (docx, pdf) {
        (Ok(d), Ok(p)) => (d, p),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("ошибка: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    for (ext, bytes) in [("docx", &docx), ("pdf", &pdf)] {
        let path = output.join(format!("{stem}.{ext}"));
        if let Err(e) = prikaz::output::write_atomic(&path, bytes) {
            eprintln!("ошибка: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
