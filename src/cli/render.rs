//! `prikaz render FILE`: input → IR → DOCX and PDF (built side by side), or `--emit ir|layout`.

use super::outln;
use std::path::Path;
use std::process::ExitCode;

use prikaz::pipeline::{build_ir, Parts};
use prikaz::template::Templates;

use super::report::print_diagnostics;
use super::EXIT_INVALID;

/// Which files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Only the DOCX.
    Docx,
    /// Only the PDF.
    Pdf,
}

/// Parts to render instead of the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// All appendices, without the order.
    Appendices,
}

/// Output options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Which parts of the document.
    pub parts: Parts,
    /// Faces for the PDF from a folder instead of the bundled ones.
    pub font_dir: Option<std::path::PathBuf>,
    /// Only one format, or both when `None`.
    pub format: Option<Format>,
    /// PDF/A-2b.
    pub pdfa: bool,
    /// A tagged PDF.
    pub tagged: bool,
    /// Fonts embedded in the DOCX.
    pub embed_fonts: bool,
}

/// What to print instead of writing files.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Emit {
    /// The document model (IR) as text.
    Ir,
    /// The page layout: page, baseline, text of each line.
    Layout,
}

pub fn run(file: &Path, output: &Path, templates: Option<&Path>, emit: Option<Emit>, opts: Options) -> ExitCode {
    std::thread::scope(|scope| {
        // What does not depend on the input starts at once on other cores while this one
        // reads and checks the input: compiling the templates, and preparing the two faces
        // most documents use (regular and bold) for the PDF.
        // One helper thread, not two: on two cores a third runnable thread would take turns
        // with this one. The templates come first (needed right after the input is read),
        // the faces after (needed only when the PDF is drawn).
        let prepare_fonts =
            opts.font_dir.is_none() && opts.format != Some(Format::Docx) && !matches!(emit, Some(Emit::Ir));
        let (sender, receiver) = std::sync::mpsc::channel();
        scope.spawn(move || {
            let _ = sender.send(templates.map_or_else(Templates::builtin, Templates::with_folder));
            if prepare_fonts {
                prikaz::render::pdf::PdfFonts::bundled().prepare(&[0, 1]);
            }
        });
        let templates = move || {
            receiver.recv().unwrap_or_else(|_| Err(prikaz::diag::Diagnostic::error("сбой при сборке шаблонов")))
        };
        render(file, output, templates, emit, opts)
    })
}

fn render(
    file: &Path,
    output: &Path,
    templates: impl FnOnce() -> Result<Templates, prikaz::diag::Diagnostic>,
    emit: Option<Emit>,
    opts: Options,
) -> ExitCode {
    let name = file.display().to_string();
    let loaded = prikaz::input::load(file);
    let (errors, _) = print_diagnostics(&name, &loaded, false);
    let Some(input) = loaded.document.filter(|_| errors == 0) else {
        return ExitCode::from(EXIT_INVALID);
    };
    let templates = match templates() {
        Ok(t) => t,
        Err(d) => {
            eprintln!("{}", d.render("шаблоны", None, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let ir = match build_ir(&input, &templates, opts.parts) {
        Ok(ir) => ir,
        Err(d) => {
            eprintln!("{}", d.render(&name, None, false));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match emit {
        Some(Emit::Ir) => {
            super::out(format_args!("{}", prikaz::doc::dump(&ir)));
            ExitCode::SUCCESS
        }
        Some(Emit::Layout) => {
            let book = match font_book(&opts) {
                Ok(b) => b,
                Err(code) => return code,
            };
            let m = prikaz::layout::text::Measurer::new(&book);
            let mut ir = ir;
            warn_narrow_columns(&mut ir, &m);
            super::out(format_args!("{}", prikaz::layout::dump(&prikaz::layout::layout(&ir, &m))));
            ExitCode::SUCCESS
        }
        None => write_files(file, output, ir, opts),
    }
}

/// Writes `<stem>.docx` and `<stem>.pdf` into the output folder, each atomically; both
/// are built before either is written, so a failure leaves earlier files as they were.
fn write_files(file: &Path, output: &Path, mut ir: prikaz::doc::Document, opts: Options) -> ExitCode {
    let mut stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "document".into());
    // Partial renders get their own names, so they never overwrite the full document.
    match opts.parts {
        Parts::All => {}
        Parts::Appendices => stem.push_str("-приложения"),
        Parts::Appendix(n) => stem.push_str(&format!("-приложение-{n}")),
    }
    let book = match font_book(&opts) {
        Ok(b) => b,
        Err(code) => return code,
    };
    // The columns are fitted to their content once, before either writer starts, so the
    // DOCX grid and the PDF layout get the same widths.
    let m = prikaz::layout::text::Measurer::new(&book);
    warn_narrow_columns(&mut ir, &m);
    let ir = &ir;
    let path_of = |ext: &str| output.join(format!("{stem}.{ext}"));
    let (docx_path, pdf_path) = (path_of("docx"), path_of("pdf"));
    // The DOCX is built on a second thread while this one lays out the PDF; each thread
    // writes its file to a temporary as soon as it is ready. Only when both are written
    // are they renamed into place: a full disk while writing the PDF keeps the earlier
    // DOCX too.
    let stage = |path: &Path, bytes: Result<Vec<u8>, String>| bytes.and_then(|b| prikaz::output::stage(path, &b));
    let (docx, pdf) = std::thread::scope(|scope| {
        let docx =
            (opts.format != Some(Format::Pdf)).then(|| scope.spawn(|| stage(&docx_path, docx_bytes(ir, &book, &opts))));
        let pdf = (opts.format != Some(Format::Docx)).then(|| stage(&pdf_path, pdf_bytes(ir, &book, &m, &opts)));
        (docx.map(|h| h.join().unwrap_or_else(|_| Err("сбой при сборке DOCX".into()))), pdf)
    });
    let mut staged = Vec::new();
    let mut files = Vec::new();
    for (path, result) in [(&docx_path, docx), (&pdf_path, pdf)] {
        match result {
            Some(Ok(s)) => {
                staged.push(s);
                files.push(path);
            }
            Some(Err(e)) => return fail(&e),
            None => {}
        }
    }
    if let Err(e) = prikaz::output::commit_all(staged) {
        return fail(&e);
    }
    for path in &files {
        outln!("{}", path.display());
    }
    ExitCode::SUCCESS
}

fn docx_bytes(ir: &prikaz::doc::Document, book: &prikaz::fonts::FontBook, opts: &Options) -> Result<Vec<u8>, String> {
    let docx_opts = prikaz::render::docx::DocxOptions { embed_fonts: opts.embed_fonts };
    if opts.font_dir.is_none() {
        return prikaz::render::docx::write_docx(ir, &docx_opts);
    }
    // With --font-dir the DOCX names the user's family, so Word uses the same face.
    let mut docx_ir = ir.clone();
    docx_ir.fonts.family = book.family.clone();
    prikaz::render::docx::write_docx(&docx_ir, &docx_opts)
}

/// Fits the tables' columns to their content and says which cannot hold their text.
fn warn_narrow_columns(ir: &mut prikaz::doc::Document, m: &prikaz::layout::text::Measurer) {
    for w in prikaz::layout::columns::messages(&prikaz::layout::columns::fit(ir, m)) {
        eprintln!("предупреждение: {w}");
    }
}

fn pdf_bytes(
    ir: &prikaz::doc::Document,
    book: &prikaz::fonts::FontBook,
    m: &prikaz::layout::text::Measurer,
    opts: &Options,
) -> Result<Vec<u8>, String> {
    for g in prikaz::layout::missing_glyphs(ir, m) {
        eprintln!(
            "предупреждение: знака U+{:04X} («{}») нет в шрифте; в PDF он заменён на «{}»; место: «{}»",
            g.ch as u32,
            g.ch,
            prikaz::layout::text::REPLACEMENT,
            g.context
        );
    }
    let pages = prikaz::layout::layout(ir, m);
    let pdf_opts = prikaz::render::pdf::PdfOptions { pdfa: opts.pdfa, tagged: opts.tagged };
    let own;
    let fonts = if opts.font_dir.is_none() {
        prikaz::render::pdf::PdfFonts::bundled()
    } else {
        own = prikaz::render::pdf::PdfFonts::new(book);
        &own
    };
    prikaz::render::pdf::write_pdf_with(ir, &pages, m, fonts, pdf_opts)
}

fn font_book(opts: &Options) -> Result<prikaz::fonts::FontBook, ExitCode> {
    match &opts.font_dir {
        None => Ok(prikaz::fonts::FontBook::bundled()),
        Some(dir) => prikaz::fonts::FontBook::from_dir(dir).map_err(|e| fail(&e)),
    }
}

fn fail(e: &str) -> ExitCode {
    eprintln!("ошибка: {e}");
    ExitCode::from(EXIT_INVALID)
}
