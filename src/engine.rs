//! The one entry point of the pipeline: an input document in, DOCX and PDF bytes out.
//!
//! An [`Engine`] holds what does not depend on the document — the compiled templates, the
//! fonts and the text measurers with their shaping caches — so a batch or a server builds
//! it once and renders many documents, from any number of threads. The command line, the
//! batch and `prikaz serve` all call it; none of them orchestrates the pipeline itself.

use std::path::Path;
use std::sync::Mutex;

use crate::diag::Diagnostic;
use crate::doc::Document;
use crate::fonts::FontBook;
use crate::input::model::Document as Input;
use crate::layout::text::Measurer;
use crate::pipeline::{build_ir, Parts};
use crate::template::Templates;
use crate::writers::docx::{DocxOptions, Reviser};
use crate::writers::pdf::{PdfFonts, PdfOptions};

/// What to render and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The whole document, the appendices, or one appendix.
    pub parts: Parts,
    /// Build the DOCX.
    pub docx: bool,
    /// Build the PDF.
    pub pdf: bool,
    /// PDF/A (2b, or 2a when tagged).
    pub pdfa: bool,
    /// A tagged PDF (headings, lists and tables for screen readers).
    pub tagged: bool,
    /// The fonts packed into the DOCX.
    pub embed_fonts: bool,
    /// Files the document names (a logo) must lie inside the base folder: for documents
    /// that come from a browser, which must not reach the rest of the disk.
    pub files_within_base: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            parts: Parts::All,
            docx: true,
            pdf: true,
            pdfa: false,
            tagged: false,
            embed_fonts: false,
            files_within_base: false,
        }
    }
}

/// The files of one document.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The DOCX, when asked for.
    pub docx: Option<Vec<u8>>,
    /// The PDF, when asked for.
    pub pdf: Option<Vec<u8>>,
    /// What the reader should know, in Russian: the input's warnings (located), columns too
    /// narrow for a word, characters the font lacks.
    pub warnings: Vec<Diagnostic>,
}

/// Templates, fonts and measurers, built once.
pub struct Engine {
    templates: Templates,
    book: FontBook,
    /// The PDF's faces when they are not the bundled ones (`--font-dir`).
    own_fonts: Option<PdfFonts>,
    /// Measurers not in use; a render takes one and gives it back, keeping its caches warm.
    measurers: Mutex<Vec<Measurer>>,
}

impl Engine {
    /// The built-in templates and the bundled fonts.
    pub fn builtin() -> Result<Engine, Diagnostic> {
        Ok(Engine::with(Templates::builtin()?, FontBook::bundled(), false))
    }

    /// Given templates and the bundled fonts.
    pub fn with_templates(templates: Templates) -> Engine {
        Engine::with(templates, FontBook::bundled(), false)
    }

    /// Given templates; the faces of `font_dir` instead of the bundled ones, when given.
    pub fn new(templates: Templates, font_dir: Option<&Path>) -> Result<Engine, Diagnostic> {
        match font_dir {
            None => Ok(Engine::with(templates, FontBook::bundled(), false)),
            Some(dir) => {
                let book = FontBook::from_dir(dir)
                    .map_err(|e| e.hint("укажите папку с файлами шрифта: обычный, полужирный, курсив"))?;
                Ok(Engine::with(templates, book, true))
            }
        }
    }

    fn with(templates: Templates, book: FontBook, own: bool) -> Engine {
        let own_fonts = own.then(|| PdfFonts::new(&book));
        Engine { templates, book, own_fonts, measurers: Mutex::new(Vec::new()) }
    }

    /// The compiled templates.
    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// The font family the documents are set in.
    pub fn font_family(&self) -> &str {
        &self.book.family
    }

    /// Runs `f` with a measurer of this engine's fonts (one per concurrent caller).
    pub fn with_measurer<T>(&self, f: impl FnOnce(&Measurer) -> T) -> T {
        let taken = self.measurers.lock().map(|mut v| v.pop()).unwrap_or(None);
        let m = taken.unwrap_or_else(|| Measurer::new(&self.book));
        let out = f(&m);
        if let Ok(mut v) = self.measurers.lock() {
            v.push(m);
        }
        out
    }

    /// The document model of a checked input, its columns fitted to their content (the
    /// DOCX grid and the PDF layout then share the widths); warnings go to `warnings`.
    pub fn ir(&self, input: &Input, parts: Parts, warnings: &mut Vec<Diagnostic>) -> Result<Document, Diagnostic> {
        let mut ir = build_ir(input, &self.templates, parts)?;
        self.with_measurer(|m| {
            let fitted = crate::layout::columns::fit(&mut ir, m);
            warnings.extend(crate::layout::columns::messages(&fitted).into_iter().map(Diagnostic::warning));
        });
        Ok(ir)
    }

    /// What the templates see of a checked input, as JSON (`--emit context`); an appendix
    /// template also gets its `index`. Needs no engine: the templates are not run.
    pub fn context_text(input: &Input) -> Result<String, Diagnostic> {
        serde_json::to_string_pretty(&crate::template::view::build(input))
            .map_err(|e| Diagnostic::error(format!("данные шаблонов не записываются в JSON: {e}")))
    }

    /// The document model of a checked input as `--emit ir` prints it: as the templates
    /// made it, before the columns are fitted.
    pub fn ir_text(&self, input: &Input, parts: Parts) -> Result<String, Diagnostic> {
        Ok(crate::doc::dump(&build_ir(input, &self.templates, parts)?))
    }

    /// The PDF's layout of a checked input as `--emit layout` prints it (page, baseline,
    /// text); warnings go to `warnings`.
    pub fn layout_text(
        &self,
        input: &Input,
        parts: Parts,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<String, Diagnostic> {
        let ir = self.ir(input, parts, warnings)?;
        Ok(self.with_measurer(|m| crate::layout::dump(&crate::layout::layout(&ir, m))))
    }

    /// What the layout finds that the author may want to change, for `validate`: columns
    /// too narrow for a word (warnings located at the column in `source`, when given),
    /// loose lines and hyphen ladders (named with their page and words).
    pub fn layout_notes(&self, input: &Input, source: Option<&str>) -> LayoutNotes {
        let Ok(mut ir) = build_ir(input, &self.templates, Parts::All) else { return LayoutNotes::default() };
        self.with_measurer(|m| {
            let narrow = crate::layout::columns::fit(&mut ir, m);
            let pages = crate::layout::layout(&ir, m);
            LayoutNotes {
                narrow: narrow_warnings(input, source, &narrow),
                loose: crate::layout::loose::loose_lines(&pages, m),
                ladders: crate::layout::ladders::ladders(&pages),
            }
        })
    }

    /// Readies the bundled faces most documents are set in (regular and bold) for the
    /// PDF, so a front end can do it on another core while it reads the input.
    pub fn prepare_pdf_faces() {
        PdfFonts::bundled().prepare(&[0, 1]);
    }

    /// Renders a checked input: the DOCX on a second thread while this one lays out the PDF.
    pub fn render(&self, input: &Input, opts: &Options) -> Result<Rendered, Diagnostic> {
        let mut warnings = Vec::new();
        let ir = self.ir(input, opts.parts, &mut warnings)?;
        self.write(&ir, opts, warnings, true)
    }

    /// Renders a checked input with both writers on the calling thread, one after the
    /// other: for callers that already run one document per core (`batch`).
    pub fn render_in_turn(&self, input: &Input, opts: &Options) -> Result<Rendered, Diagnostic> {
        let mut warnings = Vec::new();
        let ir = self.ir(input, opts.parts, &mut warnings)?;
        self.write(&ir, opts, warnings, false)
    }

    /// What a user already has (a Word document, a spreadsheet, a CSV) as an input
    /// document: `crate::import::read`.
    pub fn import(
        file: &Path,
        title: &str,
        sheet: Option<&str>,
        files_stem: &str,
    ) -> Result<crate::import::Imported, Diagnostic> {
        crate::import::read(file, title, sheet, files_stem)
    }

    /// `import --into`: an imported plan's rows put into the roadmap appendix of a document
    /// whose text is `text` (or the one `appendix` names); the rest of the text stays as written.
    pub fn import_into(
        text: &str,
        table: &crate::input::model::Table,
        appendix: Option<&str>,
    ) -> Result<crate::import::into::Merged, Diagnostic> {
        crate::import::into::merge(text, table, appendix)
    }

    /// What changed from `old` to `new`, named in the old (signed) version's numbers, in
    /// reading order (`prikaz diff`). Needs no engine: nothing is rendered.
    pub fn changes(old: &Input, new: &Input) -> Vec<crate::diff::Change> {
        crate::diff::changes(old, new)
    }

    /// The input file of the order «О внесении изменений в приказ …» that states the changes
    /// from `old` to `new` (`prikaz amend`), with its own date and number from `own`.
    pub fn amending_order(
        old: &Input,
        new: &Input,
        own: &crate::amend::Requisites,
    ) -> Result<serde_json::Value, Diagnostic> {
        crate::amend::amending_order(old, new, own)
    }

    /// Who made the changes of a tracked render and when: `author` or «prikaz», `date` or
    /// the new order's date (today's for a document of appendices alone).
    pub fn reviser(new: &Input, author: Option<&str>, date: Option<chrono::NaiveDate>) -> Reviser {
        let date = date.or_else(|| new.order.as_ref().map(|o| o.date.0)).unwrap_or_else(|| {
            let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0).unwrap_or_default().date_naive()
        });
        let author = author.map(str::trim).filter(|a| !a.is_empty()).unwrap_or("prikaz");
        Reviser { author: author.to_owned(), date: format!("{date}T00:00:00Z") }
    }

    /// Renders a checked input with its changes since an earlier version tracked: the DOCX
    /// holds them as Word revisions by `by` (accepting all gives the new text, rejecting all
    /// the old one), the PDF is the new document with a bar in the left margin beside every
    /// changed line and the line after anything taken away.
    pub fn render_tracked(
        &self,
        old: &Input,
        new: &Input,
        opts: &Options,
        by: &Reviser,
    ) -> Result<Rendered, Diagnostic> {
        let mut warnings = Vec::new();
        let new_ir = self.ir(new, opts.parts, &mut warnings)?;
        let old_ir = self.ir(old, opts.parts, &mut Vec::new())?;
        let merged = crate::tracked::merge(&old_ir, &new_ir);
        let docx = opts.docx.then(|| self.docx_by(&merged.doc, opts, Some(by.clone()))).transpose()?;
        let pdf = opts
            .pdf
            .then(|| {
                let leaves = crate::doc::structure::Leaves::of(&new_ir);
                let changed = merged
                    .changed
                    .iter()
                    .map(|p| leaves.paragraph(p))
                    .chain(merged.changed_signatures.iter().map(|s| leaves.signature(s)))
                    .collect();
                self.with_measurer(|m| self.pdf_marked(&new_ir, m, opts, &mut warnings, &changed))
            })
            .transpose()?;
        Ok(Rendered { docx, pdf, warnings })
    }

    /// Renders a document model whose columns are already fitted.
    pub fn render_ir(&self, ir: &Document, opts: &Options, warnings: Vec<Diagnostic>) -> Result<Rendered, Diagnostic> {
        self.write(ir, opts, warnings, true)
    }

    fn write(
        &self,
        ir: &Document,
        opts: &Options,
        mut warnings: Vec<Diagnostic>,
        side_by_side: bool,
    ) -> Result<Rendered, Diagnostic> {
        let (docx, pdf) = if side_by_side {
            std::thread::scope(|scope| {
                let docx = opts.docx.then(|| scope.spawn(|| self.docx(ir, opts)));
                let pdf = opts.pdf.then(|| self.with_measurer(|m| self.pdf(ir, m, opts, &mut warnings)));
                let docx = docx.map(|h| h.join().unwrap_or_else(|_| Err(Diagnostic::error("сбой при сборке DOCX"))));
                (docx, pdf)
            })
        } else {
            let docx = opts.docx.then(|| self.docx(ir, opts));
            (docx, opts.pdf.then(|| self.with_measurer(|m| self.pdf(ir, m, opts, &mut warnings))))
        };
        Ok(Rendered { docx: docx.transpose()?, pdf: pdf.transpose()?, warnings })
    }

    fn docx(&self, ir: &Document, opts: &Options) -> Result<Vec<u8>, Diagnostic> {
        self.docx_by(ir, opts, None)
    }

    fn docx_by(&self, ir: &Document, opts: &Options, revisions_by: Option<Reviser>) -> Result<Vec<u8>, Diagnostic> {
        let docx_opts = DocxOptions { embed_fonts: opts.embed_fonts, revisions_by };
        if self.own_fonts.is_none() {
            return crate::writers::docx::write_docx(ir, &docx_opts);
        }
        // With faces of its own the DOCX names their family, so Word uses the same face.
        let mut own = ir.clone();
        own.fonts.family = self.book.family.clone();
        crate::writers::docx::write_docx(&own, &docx_opts)
    }

    fn pdf(
        &self,
        ir: &Document,
        m: &Measurer,
        opts: &Options,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<Vec<u8>, Diagnostic> {
        self.pdf_marked(ir, m, opts, warnings, &Default::default())
    }

    /// The PDF, with change bars beside the lines of the `changed` leaves.
    fn pdf_marked(
        &self,
        ir: &Document,
        m: &Measurer,
        opts: &Options,
        warnings: &mut Vec<Diagnostic>,
        changed: &std::collections::HashSet<crate::doc::structure::LeafId>,
    ) -> Result<Vec<u8>, Diagnostic> {
        for g in crate::layout::missing_glyphs(ir, m) {
            warnings.push(Diagnostic::warning(format!(
                "знака U+{:04X} («{}») нет в шрифте; в PDF он заменён на «{}»; место: «{}»",
                g.ch as u32,
                g.ch,
                crate::layout::text::REPLACEMENT,
                g.context
            )));
        }
        let mut pages = crate::layout::layout(ir, m);
        crate::tracked::bars::draw(&mut pages, changed);
        let fonts = self.own_fonts.as_ref().unwrap_or_else(|| PdfFonts::bundled());
        crate::writers::pdf::write_pdf_with(ir, &pages, m, fonts, PdfOptions { pdfa: opts.pdfa, tagged: opts.tagged })
    }
}

/// Checks an input text and renders it with the built-in templates and fonts: the
/// shortest way from a JSON text to the two files. `name` is how messages call the file.
///
/// ```
/// let text = std::fs::read_to_string("samples/kindergarten-2024.json").unwrap();
/// let engine = prikaz::Engine::builtin().unwrap();
/// let out = prikaz::render(&engine, "kindergarten-2024.json", &text, Some(std::path::Path::new("samples")),
///     &prikaz::Options::default()).unwrap();
/// assert!(out.pdf.unwrap().starts_with(b"%PDF"));
/// assert!(out.docx.unwrap().starts_with(b"PK"));
/// ```
pub fn render(
    engine: &Engine,
    name: &str,
    text: &str,
    base_dir: Option<&Path>,
    opts: &Options,
) -> Result<Rendered, Vec<Diagnostic>> {
    let mut loaded =
        crate::input::load_source(crate::input::source::Source { name: name.to_owned(), text: text.to_owned() });
    match base_dir {
        Some(base) if opts.files_within_base => crate::input::resolve_files_within(&mut loaded, base),
        Some(base) => crate::input::resolve_files(&mut loaded, base),
        None => {}
    }
    let failed = loaded.has_errors();
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        loaded.diagnostics.into_iter().partition(|d| d.severity == crate::diag::Severity::Error);
    match loaded.document.filter(|_| !failed) {
        Some(input) => {
            let mut out = engine.render(&input, opts).map_err(|d| vec![d])?;
            out.warnings.splice(0..0, warnings);
            Ok(out)
        }
        None => Err(errors),
    }
}

/// What the layout finds for `validate` (see [`Engine::layout_notes`]).
#[derive(Debug, Default)]
pub struct LayoutNotes {
    /// Columns too narrow for a piece of their text, as warnings located in the file.
    pub narrow: Vec<Diagnostic>,
    /// Lines first-fit had to stretch.
    pub loose: Vec<crate::layout::loose::Loose>,
    /// Three or more lines in a row ending with a hyphen.
    pub ladders: Vec<crate::layout::ladders::Ladder>,
}

/// The narrow columns as warnings, each at its column in the file: the built-in
/// templates draw one table for each appendix that has one, in order.
fn narrow_warnings(
    input: &Input,
    source: Option<&str>,
    narrow: &[crate::layout::columns::TooNarrow],
) -> Vec<Diagnostic> {
    use crate::diag::{JsonPath, Location};
    let tables: Vec<usize> =
        input.appendices.iter().enumerate().filter(|(_, a)| a.table.is_some()).map(|(i, _)| i).collect();
    let locator = source.map(crate::input::locate::Locator::new);
    narrow
        .iter()
        .map(|n| {
            let mut d = Diagnostic::warning(n.to_string());
            if let Some(&i) = tables.get(n.table - 1) {
                let path = JsonPath::root().key("appendices").index(i).key("table").key("columns").index(n.column - 1);
                if let (Some(range), Some(text)) = (locator.as_ref().and_then(|l| l.find(&path)), source) {
                    d = d.located(Location::of_span(text, range));
                }
                d = d.at(path);
            }
            d
        })
        .collect()
}
