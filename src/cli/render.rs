//! `prikaz render FILE`: input → IR → DOCX and PDF (built side by side), or `--emit ir|layout`.

use super::outln;
use std::path::Path;

use prikaz::Parts;
use prikaz::Templates;

use super::outcome::{Done, Failure, Outcome, EXIT_INVALID};
use super::report::print_diagnostics;

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
    /// Только приказ, без приложений.
    Order,
    /// Только приложения (приказ уже подписан, план изменился).
    Appendices,
}

/// The parts as the command line names them: an appendix by id is found once the input
/// is read.
#[derive(Debug, Clone)]
pub enum Pick {
    /// Parts known without the input.
    Parts(Parts),
    /// One appendix, by its `id` or number.
    Appendix(String),
}

/// Output options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Which parts of the document.
    pub parts: Pick,
    /// The output files' name without extension, instead of the input's.
    pub name: Option<String>,
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
    /// The changes since an earlier version, tracked.
    pub changes: Option<Changes>,
}

/// `--changes-from` and its author and date.
#[derive(Debug, Clone)]
pub struct Changes {
    /// The earlier version's file.
    pub old: std::path::PathBuf,
    /// `--changes-author`.
    pub author: Option<String>,
    /// `--changes-date`, ISO.
    pub date: Option<String>,
}

/// Checks a `--name`: a file name without folder or extension, which Windows accepts too.
pub fn check_name(name: &str) -> Result<(), String> {
    let ext = Path::new(name).extension().map(|e| e.to_string_lossy().to_lowercase());
    if name.trim().is_empty() {
        Err("--name: имя файлов пустое".to_owned())
    } else if name.contains(['/', '\\']) {
        Err(format!("--name: «{name}» — имя файла, а не путь; папку задаёт -o"))
    } else if matches!(ext.as_deref(), Some("docx" | "pdf")) {
        Err("--name: укажите имя без расширения — .docx и .pdf добавляются сами".to_string())
    } else if let Some(c) =
        name.chars().find(|c| matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control())
    {
        Err(format!("--name: знак «{c}» недопустим в имени файла в Windows"))
    } else if name.ends_with(['.', ' ']) {
        Err("--name: имя не может кончаться точкой или пробелом (Windows их отбрасывает)".to_owned())
    } else {
        Ok(())
    }
}

/// What to print instead of writing files.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Emit {
    /// Данные, которые видят шаблоны (JSON).
    Context,
    /// Модель документа после шаблонов.
    Ir,
    /// Вёрстка PDF: страница, строка, текст.
    Layout,
}

pub fn run(file: &Path, output: &Path, templates: Option<&Path>, emit: Option<Emit>, opts: Options) -> Outcome {
    std::thread::scope(|scope| {
        // What does not depend on the input starts at once on other cores while this one
        // reads and checks the input: compiling the templates (the engine), and preparing
        // the two faces most documents use (regular and bold) for the PDF.
        // One helper thread, not two: on two cores a third runnable thread would take turns
        // with this one. The templates come first (needed right after the input is read),
        // the faces after (needed only when the PDF is drawn).
        let prepare_fonts = opts.font_dir.is_none()
            && opts.format != Some(Format::Docx)
            && !matches!(emit, Some(Emit::Ir | Emit::Context));
        let (sender, receiver) = std::sync::mpsc::channel();
        let font_dir = opts.font_dir.clone();
        if let Some(dir) = templates {
            for w in Templates::unused_files(dir) {
                super::report::warning(format_args!("{w}"));
            }
        }
        scope.spawn(move || {
            let engine = templates
                .map_or_else(Templates::builtin, Templates::with_folder)
                .map_err(|d| ("шаблоны", Box::new(d)))
                .and_then(|t| prikaz::Engine::new(t, font_dir.as_deref()).map_err(|d| ("шрифты", Box::new(d))));
            let _ = sender.send(engine);
            if prepare_fonts {
                prikaz::Engine::prepare_pdf_faces();
            }
        });
        let engine = move || {
            receiver.recv().unwrap_or_else(|_| {
                Err(("шаблоны", Box::new(prikaz::diag::Diagnostic::error("сбой при сборке шаблонов"))))
            })
        };
        render(file, output, engine, emit, opts)
    })
}

type EngineResult = Result<prikaz::Engine, (&'static str, Box<prikaz::diag::Diagnostic>)>;

fn render(
    file: &Path,
    output: &Path,
    engine: impl FnOnce() -> EngineResult,
    emit: Option<Emit>,
    opts: Options,
) -> Outcome {
    let name = file.display().to_string();
    let loaded = prikaz::input::load(file);
    let (errors, _) = print_diagnostics(&name, &loaded, false);
    let Some(input) = loaded.document.filter(|_| errors == 0) else {
        return Err(Failure::said(EXIT_INVALID));
    };
    if let Some(Emit::Context) = emit {
        return match prikaz::Engine::context_text(&input) {
            Ok(text) => {
                outln!("{text}");
                Ok(Done::Ok)
            }
            Err(d) => Err(Failure::invalid(d.message)),
        };
    }
    let parts = match &opts.parts {
        Pick::Parts(p) => *p,
        Pick::Appendix(key) => match prikaz::find_appendix(&input, key) {
            Ok(n) => Parts::Appendix(n),
            Err(d) => return Err(Failure::in_file(name, d)),
        },
    };
    let engine = match engine() {
        Ok(e) => e,
        Err((what, d)) => {
            return Err(Failure::in_file(what, *d));
        }
    };
    if let Some(Emit::Ir) = emit {
        return match engine.ir_text(&input, parts) {
            Ok(text) => {
                super::out(format_args!("{text}"));
                Ok(Done::Ok)
            }
            Err(d) => Err(Failure::in_file(name, d)),
        };
    }
    let mut warnings = Vec::new();
    if let Some(Emit::Layout) = emit {
        return match engine.layout_text(&input, parts, &mut warnings) {
            Ok(text) => {
                print_warnings(&warnings);
                super::out(format_args!("{text}"));
                Ok(Done::Ok)
            }
            Err(d) => Err(Failure::in_file(name, d)),
        };
    }
    if let Some(changes) = opts.changes.clone() {
        let (old, by) = earlier_version(&changes, &input)?;
        return write_files(file, output, parts, opts, |o| engine.render_tracked(&old, &input, o, &by));
    }
    let ir = match engine.ir(&input, parts, &mut warnings) {
        Ok(ir) => ir,
        Err(d) => return Err(Failure::in_file(name, d)),
    };
    write_files(file, output, parts, opts, |o| engine.render_ir(&ir, o, warnings))
}

/// The earlier version of `--changes-from`, checked (its messages printed), and who made
/// the changes when ([`prikaz::Engine::reviser`]).
fn earlier_version(
    changes: &Changes,
    new: &prikaz::input::model::Document,
) -> Result<(prikaz::input::model::Document, prikaz::Reviser), Failure> {
    let date = match changes.date.as_deref().map(prikaz::input::model::parse_iso_date) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return Err(Failure::invalid(format!("--changes-date: {e}"))),
    };
    let name = changes.old.display().to_string();
    let loaded = prikaz::input::load(&changes.old);
    let (errors, _) = print_diagnostics(&name, &loaded, false);
    let why = if loaded.source.is_none() { "не прочитан" } else { "содержит ошибки" };
    let Some(old) = loaded.document.filter(|_| errors == 0) else {
        return Err(Failure::invalid(format!(
            "{name} (--changes-from) {why} — изменения показываются только по проверенным файлам"
        )));
    };
    Ok((old, prikaz::Engine::reviser(new, changes.author.as_deref(), date)))
}

fn print_warnings(warnings: &[prikaz::diag::Diagnostic]) {
    for w in warnings {
        super::report::warning(format_args!("{}", w.message));
    }
}

/// Writes `<stem>.docx` and `<stem>.pdf` into the output folder, each atomically; both
/// are built before either is written, so a failure leaves earlier files as they were.
fn write_files(
    file: &Path,
    output: &Path,
    parts: Parts,
    opts: Options,
    render: impl FnOnce(&prikaz::Options) -> Result<prikaz::Rendered, prikaz::diag::Diagnostic>,
) -> Outcome {
    let stem = match opts.name {
        Some(name) => name,
        None => {
            let mut stem =
                file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "document".into());
            // Partial renders get their own names, so they never overwrite the full document.
            match parts {
                Parts::All => {}
                Parts::Order => stem.push_str("-приказ"),
                Parts::Appendices => stem.push_str("-приложения"),
                Parts::Appendix(n) => stem.push_str(&format!("-приложение-{n}")),
            }
            if opts.changes.is_some() {
                stem.push_str("-изменения");
            }
            stem
        }
    };
    let engine_opts = prikaz::Options {
        parts,
        docx: opts.format != Some(Format::Pdf),
        pdf: opts.format != Some(Format::Docx),
        pdfa: opts.pdfa,
        tagged: opts.tagged,
        embed_fonts: opts.embed_fonts,
        files_within_base: false,
    };
    let rendered = match render(&engine_opts) {
        Ok(r) => r,
        // A writer's refusal has no place in the file; its hint says what to do.
        Err(d) => return Err(Failure::of(d)),
    };
    print_warnings(&rendered.warnings);
    // Both files are written before either is renamed into place: a full disk while
    // writing the PDF keeps the earlier DOCX too.
    let mut files: Vec<(std::path::PathBuf, &[u8])> = Vec::new();
    if let Some(d) = &rendered.docx {
        files.push((output.join(format!("{stem}.docx")), d));
    }
    if let Some(p) = &rendered.pdf {
        files.push((output.join(format!("{stem}.pdf")), p));
    }
    if let Err(e) = prikaz::output::write_atomic_all(&files) {
        return Err(Failure::invalid(e.to_string()));
    }
    for (path, _) in &files {
        outln!("{}", path.display());
    }
    Ok(Done::Ok)
}
