//! Reads a Word document (ours, Word's, LibreOffice's, python-docx's) into what import
//! needs: the body's paragraphs and tables in order, each paragraph with its text, its
//! heading level, its alignment and the number or bullet Word would show for it
//! (computed from `numbering.xml`, as Word counts), each table as a grid with merged
//! cells resolved, and whether the page it stands on is landscape.

use crate::diag::Diagnostic;

use std::collections::HashMap;
use std::io::Read as _;

use super::xml::{self, Node};
use crate::ru::roman::to_roman;

/// A paragraph as a reader sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Para {
    /// The text; a line break is `\n`, no-break spaces and hyphens are plain, tabs are spaces.
    pub text: String,
    /// The text cut at its tabs (a signature line: position, then the name at the right).
    pub parts: Vec<String>,
    /// The number or bullet Word shows before the text («1.», «1.1.», «–»), if any.
    pub label: Option<String>,
    /// Whether the label is a bullet or dash rather than a counted number.
    pub bullet: bool,
    /// The list level (0 for the top).
    pub level: u8,
    /// The list a numbered paragraph belongs to (its `numId`).
    pub list: Option<String>,
    /// Heading level (1 for `heading 1` and the title style), from the style or outline level.
    pub heading: Option<u8>,
    /// Centred.
    pub centered: bool,
    /// Right-aligned, or indented past the page's middle (a mark in the corner).
    pub right: bool,
    /// Kept short of the right margin by more than a third of a page (a corner бланк).
    pub narrow: bool,
    /// Bold throughout.
    pub bold: bool,
    /// The font size most of its letters are set in, in points, when the document says.
    pub size_pt: Option<f64>,
    /// Pictures in its runs.
    pub pictures: Vec<Picture>,
    /// The text of text boxes anchored in it (Word's «Надпись»), one entry per box.
    pub boxes: Vec<String>,
}

/// A picture placed in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The file's bytes (PNG, JPEG …) as packed.
    pub bytes: Vec<u8>,
    /// The file's extension in the package («png»).
    pub extension: String,
    /// The printed width in millimetres.
    pub width_mm: f64,
    /// Its relationship in the part that places it.
    rel: String,
}

/// What `read_all` finds: the body, and the pictures of the footers (a QR code stands there).
pub struct Read {
    /// The body's blocks.
    pub blocks: Vec<Placed>,
    /// Pictures in the footers.
    pub footer_pictures: Vec<Picture>,
    /// Text outside the body — headers, footers, footnotes and endnotes — each paragraph
    /// with where it stands («верхний колонтитул», «сноска 1»): the format has no place
    /// for it, and the import's net names it.
    pub margins: Vec<(String, String)>,
}

/// A cell of a table grid: where it starts and how far it reaches.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    /// The first grid column it covers.
    pub col: usize,
    /// How many grid columns.
    pub colspan: usize,
    /// How many rows (vertical merges).
    pub rowspan: usize,
    /// Its paragraphs.
    pub paras: Vec<Para>,
}

impl GridCell {
    /// The cell's text: paragraphs joined by line breaks, without list labels.
    pub fn text(&self) -> String {
        self.paras.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n").trim().to_owned()
    }
}

/// A row of a grid; only the cells that start in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GridRow {
    /// Cells starting in this row, left to right.
    pub cells: Vec<GridCell>,
    /// Marked as a header row (repeated on every page).
    pub header: bool,
}

/// A table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// Column widths (any unit; only their ratios matter).
    pub widths: Vec<f64>,
    /// Rows, top to bottom.
    pub rows: Vec<GridRow>,
}

impl Grid {
    /// The number of columns.
    pub fn columns(&self) -> usize {
        self.widths.len()
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Grid),
    /// A page break (a section ends, or an explicit break).
    PageBreak,
}

/// A body block with the orientation of its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The block.
    pub block: Block,
    /// Its section is landscape.
    pub landscape: bool,
}

/// Reads `word/document.xml` and the parts it relies on.
pub fn read(path: &std::path::Path) -> Result<Vec<Placed>, Diagnostic> {
    read_all(path).map(|r| r.blocks)
}

/// Reads the body and the footers' pictures.
pub fn read_all(path: &std::path::Path) -> Result<Read, Diagnostic> {
    let file = std::fs::File::open(path).map_err(|e| Diagnostic::error(crate::input::source::io_reason(&e)))?;
    let zip = zip::ZipArchive::new(file).map_err(|_| {
        Diagnostic::error(
            "это не документ Word (.docx): файл не открывается как архив; старый .doc сохраните в Word как .docx",
        )
    })?;
    let mut package = Package { zip };
    let document = package
        .text("word/document.xml")?
        .ok_or_else(|| Diagnostic::error("в архиве нет word/document.xml: это не документ Word"))?;
    let numbering = package.text("word/numbering.xml")?;
    let styles = package.text("word/styles.xml")?;
    let doc = xml::parse(&document).map_err(|e| Diagnostic::error(format!("word/document.xml: {e}")))?;
    let rels = package.relationships("word/document.xml")?;
    let mut reader = Reader {
        numbering: numbering.as_deref().map(xml::parse).transpose()?.map(|n| Numbering::new(&n)).unwrap_or_default(),
        styles: styles.as_deref().map(xml::parse).transpose()?.map(|s| Styles::new(&s)).unwrap_or_default(),
        counters: HashMap::new(),
    };
    let body = doc.child("body").ok_or_else(|| Diagnostic::error("в документе нет тела (w:body)"))?;
    let mut out: Vec<Placed> = Vec::new();
    let mut section_start = 0;
    reader.blocks(body, &mut out, &mut section_start);
    // The body's own section properties cover what is left.
    let landscape = body.child("sectPr").is_some_and(is_landscape);
    for p in &mut out[section_start..] {
        p.landscape = landscape;
    }
    // Pictures: the body's, then each footer's (with the footer's own relationships).
    for placed in &mut out {
        if let Block::Para(p) = &mut placed.block {
            for pic in &mut p.pictures {
                if let Some(target) = rels.get(&pic.rel) {
                    let name = format!("word/{target}");
                    pic.bytes = package.bytes(&name)?.unwrap_or_default();
                    pic.extension = extension(&name);
                }
            }
            p.pictures.retain(|pic| !pic.bytes.is_empty());
        }
    }
    let mut footer_pictures = Vec::new();
    for target in rels.values().filter(|t| t.contains("footer")) {
        let name = format!("word/{target}");
        let Some(text) = package.text(&name)? else { continue };
        let footer = xml::parse(&text).map_err(|e| Diagnostic::error(format!("{name}: {e}")))?;
        let footer_rels = package.relationships(&name)?;
        let mut found = Vec::new();
        drawings(&footer, &mut found);
        for (rel, width_mm) in found {
            let Some(t) = footer_rels.get(&rel) else { continue };
            let part = format!("word/{t}");
            if let Some(bytes) = package.bytes(&part)? {
                footer_pictures.push(Picture { bytes, extension: extension(&part), width_mm, rel });
            }
        }
    }
    let mut margins = Vec::new();
    let mut parts: Vec<&String> = rels.values().collect();
    parts.sort();
    parts.dedup();
    for target in parts {
        let place = if target.contains("header") {
            "верхний колонтитул"
        } else if target.contains("footer") {
            "нижний колонтитул"
        } else if target.contains("footnotes") {
            "сноска"
        } else if target.contains("endnotes") {
            "концевая сноска"
        } else {
            continue;
        };
        let name = format!("word/{target}");
        let Some(text) = package.text(&name)? else { continue };
        let root = xml::parse(&text).map_err(|e| Diagnostic::error(format!("{name}: {e}")))?;
        let mut lines = Vec::new();
        margin_paras(&root, &mut lines);
        margins.extend(lines.into_iter().map(|l| (place.to_owned(), l)));
    }
    Ok(Read { blocks: out, footer_pictures, margins })
}

/// The text of every paragraph below `n` (a header's, a footnote's), field codes left out.
fn margin_paras(n: &Node, out: &mut Vec<String>) {
    for c in n.elements() {
        if c.name == "p" {
            let mut text = String::new();
            runs(c, RunStyle::default(), &mut text, &mut RunStats::default());
            let text = clean(&text);
            if !text.trim().is_empty() {
                out.push(text);
            }
        } else {
            margin_paras(c, out);
        }
    }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default()
}

/// Every picture below `n`: its relationship id and printed width in millimetres.
fn drawings(n: &Node, out: &mut Vec<(String, f64)>) {
    for c in n.elements() {
        if c.name == "drawing" {
            let rel = c.descendant("blip").and_then(|b| b.attr("embed"));
            let cx = c.descendant("extent").and_then(|e| e.attr("cx")).and_then(|v| v.parse::<f64>().ok());
            if let (Some(rel), Some(cx)) = (rel, cx) {
                out.push((rel.to_owned(), (cx / 36000.0 * 10.0).round() / 10.0));
            }
        } else {
            drawings(c, out);
        }
    }
}

/// The largest part read (a document of a thousand pages is a few megabytes; with the
/// element bound of the XML reader, this keeps a hostile file's memory in the low hundreds
/// of megabytes).
const MAX_PART: u64 = 64 << 20;

/// The widest table read, in grid columns; a span reaches no further.
const MAX_COLUMNS: usize = 64;

struct Package {
    zip: zip::ZipArchive<std::fs::File>,
}

impl Package {
    fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
        let Ok(f) = self.zip.by_name(name) else { return Ok(None) };
        // The declared size may lie (a zip bomb): the read itself is bounded too.
        if f.size() > MAX_PART {
            return Err(Diagnostic::error(format!(
                "часть {name} распаковывается больше чем в {} МБ — больше, чем документ на тысячу страниц",
                MAX_PART >> 20
            )));
        }
        let mut b = Vec::new();
        f.take(MAX_PART + 1)
            .read_to_end(&mut b)
            .map_err(|e| Diagnostic::error(format!("часть {name} не читается: {e}")))?;
        if b.len() as u64 > MAX_PART {
            return Err(Diagnostic::error(format!(
                "часть {name} распаковывается больше чем в {} МБ — больше, чем документ на тысячу страниц",
                MAX_PART >> 20
            )));
        }
        Ok(Some(b))
    }

    fn text(&mut self, name: &str) -> Result<Option<String>, Diagnostic> {
        self.bytes(name)?
            .map(|b| String::from_utf8(b).map_err(|_| Diagnostic::error(format!("часть {name} не в UTF-8"))))
            .transpose()
    }

    /// A part's relationships: id → target (relative to `word/`).
    fn relationships(&mut self, part: &str) -> Result<HashMap<String, String>, Diagnostic> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let name = format!("{dir}/_rels/{file}.rels");
        let Some(text) = self.text(&name)? else { return Ok(HashMap::new()) };
        let root = xml::parse(&text).map_err(|e| Diagnostic::error(format!("{name}: {e}")))?;
        Ok(root
            .elements()
            .filter(|r| r.attr("TargetMode") != Some("External"))
            .filter_map(|r| Some((r.attr("Id")?.to_owned(), r.attr("Target")?.trim_start_matches("/word/").to_owned())))
            .collect())
    }
}

fn is_landscape(sect: &Node) -> bool {
    let Some(size) = sect.child("pgSz") else { return false };
    let num = |k| size.attr(k).and_then(|v| v.parse::<f64>().ok());
    size.attr("orient") == Some("landscape") || matches!((num("w"), num("h")), (Some(w), Some(h)) if w > h)
}

struct Reader {
    numbering: Numbering,
    styles: Styles,
    /// Counters per list (`numId`), nine levels, as Word counts them.
    counters: HashMap<String, [i64; 9]>,
}

impl Reader {
    fn blocks(&mut self, parent: &Node, out: &mut Vec<Placed>, section_start: &mut usize) {
        for n in parent.elements() {
            match n.name.as_str() {
                "p" => {
                    let (para, page_break) = self.para(n);
                    if page_break {
                        out.push(Placed { block: Block::PageBreak, landscape: false });
                    }
                    out.push(Placed { block: Block::Para(para), landscape: false });
                    if let Some(sect) = n.path(&["pPr", "sectPr"]) {
                        let landscape = is_landscape(sect);
                        for p in &mut out[*section_start..] {
                            p.landscape = landscape;
                        }
                        out.push(Placed { block: Block::PageBreak, landscape });
                        *section_start = out.len();
                    }
                }
                "tbl" => {
                    let grid = self.table(n);
                    out.push(Placed { block: Block::Table(grid), landscape: false });
                }
                // Content controls and inserted revisions hold body content.
                "sdt" => {
                    if let Some(c) = n.child("sdtContent") {
                        self.blocks(c, out, section_start)
                    }
                }
                "ins" | "customXml" | "smartTag" => self.blocks(n, out, section_start),
                _ => {}
            }
        }
    }

    /// A paragraph, and whether it starts on a new page.
    fn para(&mut self, p: &Node) -> (Para, bool) {
        let ppr = p.child("pPr");
        let style = ppr.and_then(|x| x.val("pStyle"));
        let mut para = Para::default();
        let mut text = String::new();
        let mut stats = RunStats::default();
        let run_style = RunStyle { bold: self.styles.bold(style), size: self.styles.size(style) };
        runs(p, run_style, &mut text, &mut stats);
        let page_break = stats.page_break || ppr.is_some_and(|x| x.child("pageBreakBefore").is_some_and(on));
        // The pictures' bytes are read from the package afterwards.
        let mut found = Vec::new();
        drawings(p, &mut found);
        para.pictures = found
            .into_iter()
            .map(|(rel, width_mm)| Picture { bytes: Vec::new(), extension: String::new(), width_mm, rel })
            .collect();
        text_boxes(p, &mut para.boxes);
        para.text = clean(&text);
        para.parts = parts_of(&text);
        para.bold = stats.runs > 0 && stats.bold == stats.runs;
        para.size_pt = stats.size_pt();
        para.heading = ppr
            .and_then(|x| x.val("outlineLvl"))
            .and_then(|v| v.parse::<u8>().ok())
            .map(|l| l + 1)
            .or_else(|| self.styles.heading(style));
        let jc = ppr.and_then(|x| x.val("jc")).or_else(|| self.styles.jc(style));
        para.centered = jc == Some("center");
        let indent = ppr
            .and_then(|x| x.child("ind"))
            .and_then(|i| i.attr("left").or_else(|| i.attr("start")))
            .and_then(|v| v.parse::<f64>().ok())
            .or_else(|| self.styles.indent(style))
            .unwrap_or(0.0);
        para.right = matches!(jc, Some("right") | Some("end")) || indent > 4000.0;
        let right_indent = ppr
            .and_then(|x| x.child("ind"))
            .and_then(|i| i.attr("right").or_else(|| i.attr("end")))
            .and_then(|v| v.parse::<f64>().ok())
            .or_else(|| self.styles.right_indent(style))
            .unwrap_or(0.0);
        para.narrow = right_indent > 3400.0;
        let num = ppr.and_then(|x| x.child("numPr"));
        // The paragraph's own list and level, each falling back to its style's (Tab in a
        // list styled «List Number» writes only the level).
        let from_style = self.styles.numbering(style);
        let num_id =
            num.and_then(|n| n.val("numId")).map(str::to_owned).or_else(|| from_style.as_ref().map(|s| s.0.clone()));
        let level = num
            .and_then(|n| n.val("ilvl"))
            .and_then(|v| v.parse().ok())
            .or_else(|| from_style.as_ref().map(|s| s.1))
            .unwrap_or(0);
        if let Some(id) = num_id.filter(|id| id != "0") {
            if let Some((label, bullet)) = self.label(&id, level) {
                para.label = Some(label);
                para.bullet = bullet;
                para.level = level;
                para.list = Some(id);
            }
        }
        (para, page_break)
    }

    /// The label Word shows for the next paragraph of list `id` at `level`.
    fn label(&mut self, id: &str, level: u8) -> Option<(String, bool)> {
        let def = self.numbering.nums.get(id)?;
        let levels = self.numbering.abstracts.get(&def.abstract_id)?;
        let lvl = levels.get(level as usize)?;
        let level = (level as usize).min(8);
        let counters = self.counters.entry(id.to_owned()).or_insert_with(|| {
            let mut c = [0i64; 9];
            for (i, l) in levels.iter().enumerate().take(9) {
                c[i] = def.start_override.get(&i).copied().unwrap_or(l.start).saturating_sub(1);
            }
            c
        });
        counters[level] = counters[level].saturating_add(1);
        for (i, c) in counters.iter_mut().enumerate().skip(level + 1) {
            *c = levels.get(i).map_or(0, |l| def.start_override.get(&i).copied().unwrap_or(l.start).saturating_sub(1));
        }
        if lvl.format == "bullet" || !lvl.text.contains('%') && lvl.format != "none" {
            return Some((clean(&lvl.text), true));
        }
        if lvl.format == "none" {
            return None;
        }
        let mut out = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let i = d as usize - 1;
                    let format = if lvl.legal { "decimal" } else { levels.get(i).map_or("decimal", |l| &l.format) };
                    // A level above that this list has not used yet shows its start value.
                    let start = levels.get(i).map_or(1, |l| def.start_override.get(&i).copied().unwrap_or(l.start));
                    let n = if i < level && counters[i] < start { start } else { counters[i] };
                    out.push_str(&format_number(n.max(0), format));
                }
                _ => out.push(c),
            }
        }
        Some((clean(&out), false))
    }

    fn table(&mut self, t: &Node) -> Grid {
        let mut widths: Vec<f64> = t
            .child("tblGrid")
            .map(|g| {
                g.elements().filter(|c| c.name == "gridCol").take(MAX_COLUMNS).map(|c| twips(c.attr("w"))).collect()
            })
            .unwrap_or_default();
        // The cells' own widths, by column (Word keeps them; the grid may be a default).
        let mut cell_widths: HashMap<usize, f64> = HashMap::new();
        // Rows as (header?, cells as (start column, span, vMerge state, paragraphs)), then
        // vertical merges resolved.
        type Placed = (usize, usize, Merge, Vec<Para>);
        let mut rows: Vec<(bool, Vec<Placed>)> = Vec::new();
        for tr in t.elements().filter(|n| n.name == "tr") {
            let trpr = tr.child("trPr");
            let header = trpr.and_then(|x| x.child("tblHeader")).is_some_and(on);
            let mut col =
                trpr.and_then(|x| x.val("gridBefore")).and_then(|v| v.parse().ok()).unwrap_or(0usize).min(MAX_COLUMNS);
            let mut cells = Vec::new();
            for tc in cells_of(tr) {
                let tcpr = tc.child("tcPr");
                let span = tcpr
                    .and_then(|x| x.val("gridSpan"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1usize)
                    .clamp(1, MAX_COLUMNS);
                if col >= MAX_COLUMNS {
                    break;
                }
                let width = tcpr
                    .and_then(|x| x.child("tcW"))
                    .filter(|w| w.attr("type").is_none_or(|t| t == "dxa"))
                    .and_then(|w| w.attr("w"))
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|w| w.is_finite() && *w > 0.0);
                if span == 1 {
                    if let Some(w) = width {
                        cell_widths.entry(col).or_insert(w);
                    }
                }
                let merge = match tcpr.and_then(|x| x.child("vMerge")) {
                    None => Merge::None,
                    Some(m) if m.attr("val") == Some("restart") => Merge::Restart,
                    Some(_) => Merge::Continue,
                };
                let mut paras = Vec::new();
                self.cell_paras(tc, &mut paras);
                cells.push((col, span, merge, paras));
                col += span;
            }
            if col > widths.len() {
                widths.resize(col, widths.last().copied().unwrap_or(1.0));
            }
            rows.push((header, cells));
        }
        // Where every column has a cell of its own width, those widths are the table's
        // (python-docx and hand-resized tables leave an even grid behind them).
        if (0..widths.len()).all(|c| cell_widths.contains_key(&c)) {
            widths = (0..widths.len()).map(|c| cell_widths[&c]).collect();
        }
        let mut grid = Grid { widths, rows: Vec::with_capacity(rows.len()) };
        // Where each column's open vertical merge started: (row, index in that row).
        let mut open: HashMap<usize, (usize, usize)> = HashMap::new();
        for (r, (header, cells)) in rows.into_iter().enumerate() {
            let mut out = GridRow { cells: Vec::new(), header };
            for (col, span, merge, paras) in cells {
                if merge == Merge::Continue {
                    if let Some(&(row, idx)) = open.get(&col) {
                        let anchor: &mut GridCell = &mut grid.rows[row].cells[idx];
                        anchor.rowspan = r - row + 1;
                        // Text typed into a continued cell is kept, not lost.
                        anchor.paras.extend(paras.into_iter().filter(|p| !p.text.is_empty()));
                        continue;
                    }
                }
                // A cell ends the merges open in every column it covers.
                for c in col..col + span {
                    open.remove(&c);
                }
                if merge == Merge::Restart {
                    open.insert(col, (r, out.cells.len()));
                }
                out.cells.push(GridCell { col, colspan: span, rowspan: 1, paras });
            }
            grid.rows.push(out);
        }
        grid
    }

    fn cell_paras(&mut self, tc: &Node, out: &mut Vec<Para>) {
        for n in tc.elements() {
            match n.name.as_str() {
                "p" => out.push(self.para(n).0),
                // A table inside a cell: its cells' paragraphs, in reading order.
                "tbl" => {
                    for row in n.elements().filter(|x| x.name == "tr") {
                        for c in cells_of(row) {
                            self.cell_paras(c, out);
                        }
                    }
                }
                "sdt" => {
                    if let Some(c) = n.child("sdtContent") {
                        self.cell_paras(c, out)
                    }
                }
                _ => {}
            }
        }
    }
}

/// A row's cells, looking through content controls around them.
fn cells_of(tr: &Node) -> Vec<&Node> {
    let mut out = Vec::new();
    for n in tr.elements() {
        match n.name.as_str() {
            "tc" => out.push(n),
            "sdt" => {
                if let Some(c) = n.child("sdtContent") {
                    out.extend(cells_of(c));
                }
            }
            _ => {}
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Merge {
    None,
    Restart,
    Continue,
}

/// An on/off property: present without `val`, or `val` not false.
fn on(n: &Node) -> bool {
    !matches!(n.attr("val"), Some("0" | "false" | "off"))
}

fn twips(v: Option<&str>) -> f64 {
    v.and_then(|v| v.parse::<f64>().ok()).filter(|w| w.is_finite() && *w > 0.0).unwrap_or(1.0)
}

/// What the runs of a paragraph are set in: its style's bold and size (half-points).
#[derive(Clone, Copy, Default)]
struct RunStyle {
    bold: bool,
    size: Option<u32>,
}

/// What the runs of a paragraph hold besides their text.
#[derive(Default)]
struct RunStats {
    page_break: bool,
    /// Runs with letters, and how many of them are bold.
    runs: usize,
    bold: usize,
    /// Letters per font size (half-points).
    sizes: Vec<(u32, usize)>,
}

impl RunStats {
    /// The size most letters are set in, in points.
    fn size_pt(&self) -> Option<f64> {
        self.sizes.iter().max_by_key(|(sz, n)| (*n, *sz)).map(|(sz, _)| f64::from(*sz) / 2.0)
    }
}

/// The text of a paragraph's runs, in order; hyperlinks, fields' results and inserted
/// revisions included, deleted text, field codes and drawings left out.
fn runs(n: &Node, style: RunStyle, out: &mut String, stats: &mut RunStats) {
    for c in n.elements() {
        match c.name.as_str() {
            "r" => {
                let rpr = c.child("rPr");
                let is_bold = rpr.and_then(|p| p.child("b")).map_or(style.bold, on);
                let size = rpr.and_then(|p| p.val("sz")).and_then(|v| v.parse::<u32>().ok()).or(style.size);
                let before = out.len();
                for x in c.elements() {
                    match x.name.as_str() {
                        "t" => out.push_str(&x.text()),
                        "tab" | "ptab" => out.push('\t'),
                        "br" if x.attr("type") == Some("page") => stats.page_break = true,
                        "br" | "cr" => out.push('\n'),
                        "noBreakHyphen" => out.push('-'),
                        _ => {}
                    }
                }
                let letters = out[before..].chars().filter(|c| c.is_alphanumeric()).count();
                if letters > 0 {
                    stats.runs += 1;
                    stats.bold += usize::from(is_bold);
                    if let Some(sz) = size {
                        match stats.sizes.iter_mut().find(|(s, _)| *s == sz) {
                            Some((_, n)) => *n += letters,
                            None => stats.sizes.push((sz, letters)),
                        }
                    }
                }
            }
            "hyperlink" | "ins" | "smartTag" | "fldSimple" | "customXml" | "bdo" | "dir" => runs(c, style, out, stats),
            "sdt" => {
                if let Some(x) = c.child("sdtContent") {
                    runs(x, style, out, stats)
                }
            }
            _ => {}
        }
    }
}

/// The text of the text boxes below `n`. Word writes a box twice (the drawing and a VML
/// fallback for old readers): only the first is read.
fn text_boxes(n: &Node, out: &mut Vec<String>) {
    for c in n.elements() {
        match c.name.as_str() {
            "Fallback" => {}
            "txbxContent" => {
                let mut lines = Vec::new();
                box_paras(c, &mut lines);
                let text = clean(&lines.join("\n"));
                if !text.trim().is_empty() {
                    out.push(text);
                }
            }
            _ => text_boxes(c, out),
        }
    }
}

/// A text box's paragraphs, those of its tables included, as lines.
fn box_paras(n: &Node, out: &mut Vec<String>) {
    for c in n.elements() {
        if c.name == "p" {
            let mut text = String::new();
            runs(c, RunStyle::default(), &mut text, &mut RunStats::default());
            out.push(text.replace('\n', " "));
        } else {
            box_paras(c, out);
        }
    }
}

/// A line cut where its typist pushed text apart: at tabs, and at runs of three spaces or
/// more (a signature or a date line spaced out with the space bar).
fn parts_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tab_part in text.split('\t') {
        let mut current = String::new();
        let mut spaces = 0;
        for c in tab_part.chars() {
            if c == ' ' || c == '\u{a0}' {
                spaces += 1;
                continue;
            }
            if spaces >= 3 && c != '\n' {
                out.push(clean(&current));
                current.clear();
            } else if spaces > 0 {
                current.push(' ');
            }
            spaces = 0;
            current.push(c);
        }
        out.push(clean(&current));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Text as the input format holds it: plain spaces and hyphens (typography puts the
/// no-break ones back), no soft hyphens, tabs as spaces, no spaces around line breaks.
fn clean(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|&c| c != '\u{ad}')
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\t' => ' ',
            '\u{2011}' => '-',
            c => c,
        })
        .collect();
    s.split('\n')
        .map(|l| l.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn format_number(n: i64, format: &str) -> String {
    // Letters and Roman numerals grow with the number; past these a list is not a list.
    if n > 3999 {
        return n.to_string();
    }
    match format {
        "upperRoman" => to_roman(n as u32),
        "lowerRoman" => to_roman(n as u32).to_lowercase(),
        "upperLetter" => letter(n, 'A', 26),
        "lowerLetter" => letter(n, 'a', 26),
        "russianUpper" => cyrillic(n).to_uppercase(),
        "russianLower" => cyrillic(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

fn letter(n: i64, first: char, count: u32) -> String {
    if n < 1 {
        return String::new();
    }
    let i = ((n - 1) as u32) % count;
    let times = ((n - 1) as u32 / count + 1) as usize;
    char::from_u32(first as u32 + i).map(|c| c.to_string().repeat(times)).unwrap_or_default()
}

fn cyrillic(n: i64) -> String {
    // Word's Russian lettering skips ё, й, ъ, ы, ь.
    const A: &str = "абвгдежзиклмнопрстуфхцчшщэюя";
    if n < 1 {
        return String::new();
    }
    let letters: Vec<char> = A.chars().collect();
    let i = (n - 1) as usize % letters.len();
    letters[i].to_string().repeat((n - 1) as usize / letters.len() + 1)
}

/// The list definitions of `numbering.xml`.
#[derive(Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
}

struct Level {
    start: i64,
    format: String,
    text: String,
    legal: bool,
}

struct Num {
    abstract_id: String,
    start_override: HashMap<usize, i64>,
}

impl Numbering {
    fn new(root: &Node) -> Numbering {
        let mut n = Numbering::default();
        for a in root.elements() {
            match a.name.as_str() {
                "abstractNum" => {
                    let Some(id) = a.attr("abstractNumId") else { continue };
                    let mut levels: Vec<Level> = Vec::new();
                    for l in a.elements().filter(|l| l.name == "lvl") {
                        let i: usize = l.attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(levels.len());
                        while levels.len() <= i.min(8) {
                            levels.push(Level {
                                start: 1,
                                format: "decimal".into(),
                                text: String::new(),
                                legal: false,
                            });
                        }
                        let lv = &mut levels[i.min(8)];
                        lv.start = l.val("start").and_then(|v| v.parse().ok()).unwrap_or(1);
                        lv.format = l.val("numFmt").unwrap_or("decimal").to_owned();
                        lv.text = l.val("lvlText").unwrap_or("").to_owned();
                        lv.legal = l.child("isLgl").is_some_and(on);
                    }
                    n.abstracts.insert(id.to_owned(), levels);
                }
                "num" => {
                    let Some(id) = a.attr("numId") else { continue };
                    let Some(abs) = a.val("abstractNumId") else { continue };
                    let start_override = a
                        .elements()
                        .filter(|o| o.name == "lvlOverride")
                        .filter_map(|o| {
                            let i = o.attr("ilvl")?.parse().ok()?;
                            let s = o.val("startOverride")?.parse().ok()?;
                            Some((i, s))
                        })
                        .collect();
                    n.nums.insert(id.to_owned(), Num { abstract_id: abs.to_owned(), start_override });
                }
                _ => {}
            }
        }
        n
    }
}

/// What paragraph styles say that import needs: heading level, alignment, numbering, bold.
#[derive(Default)]
struct Styles {
    by_id: HashMap<String, StyleInfo>,
    /// The paragraph style of paragraphs that name none («Normal»).
    default_style: Option<String>,
    /// The document's default font size (half-points).
    default_size: Option<u32>,
}

#[derive(Default, Clone)]
struct StyleInfo {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    jc: Option<String>,
    indent: Option<f64>,
    right_indent: Option<f64>,
    numbering: Option<(String, u8)>,
    bold: Option<bool>,
    /// Font size in half-points.
    size: Option<u32>,
}

impl Styles {
    fn new(root: &Node) -> Styles {
        let mut by_id = HashMap::new();
        let mut default_style = None;
        for s in root.elements().filter(|s| s.name == "style") {
            let Some(id) = s.attr("styleId") else { continue };
            let ppr = s.child("pPr");
            let info = StyleInfo {
                name: s.val("name").unwrap_or("").to_lowercase(),
                based_on: s.val("basedOn").map(str::to_owned),
                outline: ppr.and_then(|p| p.val("outlineLvl")).and_then(|v| v.parse().ok()),
                jc: ppr.and_then(|p| p.val("jc")).map(str::to_owned),
                indent: ppr
                    .and_then(|p| p.child("ind"))
                    .and_then(|i| i.attr("left").or_else(|| i.attr("start")))
                    .and_then(|v| v.parse().ok()),
                right_indent: ppr
                    .and_then(|p| p.child("ind"))
                    .and_then(|i| i.attr("right").or_else(|| i.attr("end")))
                    .and_then(|v| v.parse().ok()),
                numbering: ppr.and_then(|p| p.child("numPr")).and_then(|n| {
                    Some((n.val("numId")?.to_owned(), n.val("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0)))
                }),
                bold: s.path(&["rPr", "b"]).map(on),
                size: s.path(&["rPr", "sz"]).and_then(|z| z.attr("val")).and_then(|v| v.parse().ok()),
            };
            if s.attr("type") == Some("paragraph") && s.attr("default").is_some_and(|d| d == "1" || d == "true") {
                default_style = Some(id.to_owned());
            }
            by_id.insert(id.to_owned(), info);
        }
        let default_size = root
            .path(&["docDefaults", "rPrDefault", "rPr", "sz"])
            .and_then(|z| z.attr("val"))
            .and_then(|v| v.parse().ok());
        Styles { by_id, default_style, default_size }
    }

    /// The style and the styles it is based on, nearest first.
    fn chain(&self, id: Option<&str>) -> Vec<&StyleInfo> {
        let mut out = Vec::new();
        let mut at = id.map(str::to_owned);
        while let Some(i) = at {
            let Some(s) = self.by_id.get(&i) else { break };
            if out.len() > 20 {
                break;
            }
            out.push(s);
            at = s.based_on.clone();
        }
        out
    }

    fn heading(&self, id: Option<&str>) -> Option<u8> {
        self.chain(id).into_iter().find_map(|s| {
            if s.name == "title" {
                return Some(1);
            }
            if let Some(l) = s.name.strip_prefix("heading ").and_then(|l| l.parse().ok()) {
                return Some(l);
            }
            s.outline.filter(|l| *l < 9).map(|l| l + 1)
        })
    }

    fn jc(&self, id: Option<&str>) -> Option<&str> {
        self.chain(id).into_iter().find_map(|s| s.jc.as_deref())
    }

    fn indent(&self, id: Option<&str>) -> Option<f64> {
        self.chain(id).into_iter().find_map(|s| s.indent)
    }

    fn right_indent(&self, id: Option<&str>) -> Option<f64> {
        self.chain(id).into_iter().find_map(|s| s.right_indent)
    }

    fn numbering(&self, id: Option<&str>) -> Option<(String, u8)> {
        self.chain(id).into_iter().find_map(|s| s.numbering.clone())
    }

    fn bold(&self, id: Option<&str>) -> bool {
        self.chain(id).into_iter().find_map(|s| s.bold).unwrap_or(false)
    }

    /// The font size (half-points) a paragraph of style `id` is set in: its style chain's
    /// (the default paragraph style's when it names none), else the document's default.
    fn size(&self, id: Option<&str>) -> Option<u32> {
        let id = id.or(self.default_style.as_deref());
        self.chain(id).into_iter().find_map(|s| s.size).or(self.default_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_formatted_as_word_shows_them() {
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(3, "russianLower"), "в");
        assert_eq!(letter(28, 'a', 26), "bb");
        assert_eq!(clean("До\u{a0}01.09.2024 \n  г.\u{ad}"), "До 01.09.2024\nг.");
        assert_eq!(parts_of("Директор   школы\t\tИ.И. Петров"), ["Директор", "школы", "И.И. Петров"]);
        assert_eq!(parts_of("от 30.08.2024 № 5"), ["от 30.08.2024 № 5"]);
    }
}
