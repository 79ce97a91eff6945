//! The document model (IR) both writers share: sections with page setup, blocks
//! (paragraphs, tables, lists, signature lines, corner zones, images) and inline runs.
//!
//! It is what the templates' markup means, with every length typed and every default
//! resolved, so the DOCX writer and the PDF layout never guess.

mod dump;
pub mod geometry;
pub mod picture;
pub mod qr;
mod role;
pub mod structure;
mod units;

pub use dump::dump;
pub use role::Role;
pub use units::Length;

/// A whole document: metadata and sections, each on its own page setup.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title, author, language, date for the files' metadata.
    pub meta: Meta,
    /// Body font family and default sizes.
    pub fonts: FontSetup,
    /// Sections in order; each starts on a new page.
    pub sections: Vec<Section>,
    /// The QR code requisite, at the lower right of the document's first page.
    pub qr: Option<Qr>,
}

/// The QR code of the document (requisite 31 of ГОСТ Р 7.0.97-2025): placed in the first
/// page's footer at the lower right, so text never runs under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    /// What the code holds (a URL of the published document, a text).
    pub text: String,
    /// The side of the printed square, quiet zone included.
    pub size: Length,
    /// The code's modules.
    pub matrix: qr::Matrix,
}

/// Document metadata.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The order's title.
    pub title: String,
    /// The issuing organisation.
    pub author: String,
    /// BCP 47 language tag, «ru-RU».
    pub lang: String,
    /// The document's own date (`YYYY-MM-DD`), used for metadata timestamps.
    pub date: Option<String>,
    /// What the document is, for the DOCX's «Тема» («Приказ от 28.08.2023 № 15 а»).
    pub subject: String,
    /// Registration number and date as printed, for the DOCX's custom properties that
    /// СЭД and archives read.
    pub number: Option<String>,
}

/// Fonts and sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct FontSetup {
    /// Body font family as named in the DOCX.
    pub family: String,
    /// Body size.
    pub body_size: Length,
    /// Table text size.
    pub table_size: Length,
    /// Automatic hyphenation.
    pub hyphenation: bool,
}

/// A run of pages with one setup.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Paper, orientation, margins.
    pub page: PageSetup,
    /// The blocks, top to bottom.
    pub blocks: Vec<Block>,
    /// The PDF bookmark of the section's first page (the order, each appendix).
    pub bookmark: Option<String>,
}

/// Page geometry of a section.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    /// Page width as laid out (landscape pages are wider than tall).
    pub width: Length,
    /// Page height as laid out.
    pub height: Length,
    /// True for landscape.
    pub landscape: bool,
    /// Margins: top, right, bottom, left.
    pub margins: Margins,
    /// Page numbers at the top centre, from the document's second page on.
    pub page_numbers: bool,
}

/// Page margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Top margin.
    pub top: Length,
    /// Right margin.
    pub right: Length,
    /// Bottom margin.
    pub bottom: Length,
    /// Left margin.
    pub left: Length,
}

impl PageSetup {
    /// A4 with the given orientation and the document's (portrait) margins. A landscape page
    /// is bound with the others at its top edge, so each margin stays on its edge of the
    /// sheet: the binding (left) margin becomes the top, the top one the right, the right one
    /// the bottom and the bottom one the left.
    pub fn a4(landscape: bool, margins: Margins) -> Self {
        let (w, h) = (Length::mm(210.0), Length::mm(297.0));
        if landscape {
            let Margins { top, right, bottom, left } = margins;
            let turned = Margins { top: left, right: top, bottom: right, left: bottom };
            PageSetup { width: h, height: w, landscape, margins: turned, page_numbers: true }
        } else {
            PageSetup { width: w, height: h, landscape, margins, page_numbers: true }
        }
    }
    /// The width between the margins.
    pub fn text_width(&self) -> Length {
        self.width - self.margins.left - self.margins.right
    }
}

/// A block-level element.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
    /// A list.
    List(List),
    /// Signature line: position at the left, name at the right margin on the position's last line.
    Signature(Signature),
    /// A block of paragraphs in a zone of the page (the бланк corner, an appendix mark).
    Zone(Zone),
    /// An image.
    Image(Image),
    /// Blocks side by side (approval blocks, the e-signature mark between a position and a
    /// name); a borderless one-row table in the DOCX.
    Columns(Columns),
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Flush left.
    #[default]
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
    /// Justified (the last line flush left).
    Justify,
}

/// Paragraph formatting.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ParaStyle {
    /// Alignment.
    pub align: Align,
    /// First-line indent (may be zero).
    pub first_line_indent: Length,
    /// Left indent of every line.
    pub left_indent: Length,
    /// Space before.
    pub space_before: Length,
    /// Space after.
    pub space_after: Length,
    /// Keep on the same page as the next block.
    pub keep_with_next: bool,
    /// Font size; `None` means the context's size (body or table).
    pub size: Option<Length>,
    /// Words are never hyphenated here, whatever the document's setting: the бланк and
    /// headings, where a hyphen looks like a typing error.
    pub no_hyphens: bool,
    /// What the paragraph is (the DOCX's named style); the layout ignores it.
    pub role: Option<Role>,
    /// The paragraph's text starts with an automatic number or marker («1.2. », «– ») and a
    /// space (the typography pass may make it a no-break one): the DOCX writes it as list
    /// numbering, so Word renumbers when a point is inserted. The layout prints the text as
    /// it is.
    pub number: Option<AutoNumber>,
}

/// An automatic number at the start of a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutoNumber {
    /// Numbers or a marker.
    pub format: NumberFormat,
    /// Level, 0 for «1.», 1 for «1.1.», up to 8.
    pub level: u8,
    /// The sequence the number counts in: 0 for the order's points and clause points (one
    /// sequence per format), another id for each numbered sequence of a table (its rows, its
    /// sections), given by the template.
    pub list: u32,
    /// The sequence's top level reads in Roman numerals («I.») and the levels under it in
    /// Arabic («1.1.»).
    pub roman_top: bool,
    /// The number ends with «)» («1)», «1.2)») instead of a dot.
    pub paren: bool,
    /// The number's value at each level, from the top: `[1, 2]` for «1.2.», `[2]` for
    /// «II.»; only the first `level + 1` count (none for a marker).
    pub parts: [u32; 9],
}

impl AutoNumber {
    /// The values the number shows, from the top level («1.2.» → `[1, 2]`); empty for a
    /// marker.
    pub fn values(&self) -> &[u32] {
        match self.format {
            NumberFormat::Decimal => &self.parts[..=usize::from(self.level).min(8)],
            NumberFormat::Roman => &self.parts[..1],
            NumberFormat::Dash | NumberFormat::Bullet => &[],
        }
    }

    /// The number as printed: «1.2.», «1.2)», «II.», «–», «•». Both writers print this.
    pub fn label(&self) -> String {
        let end = if self.paren { ")" } else { "." };
        match self.format {
            NumberFormat::Decimal => {
                let parts: Vec<String> = self.values().iter().map(u32::to_string).collect();
                format!("{}{end}", parts.join("."))
            }
            NumberFormat::Roman => format!("{}{end}", crate::ru::roman::to_roman(self.parts[0])),
            NumberFormat::Dash => "–".to_owned(),
            NumberFormat::Bullet => "•".to_owned(),
        }
    }
}

/// How an automatic number reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberFormat {
    /// «1.», «1.1.», «1.1.1.».
    Decimal,
    /// «I.», «II.» (a table's top-level sections).
    Roman,
    /// «–».
    Dash,
    /// «•».
    Bullet,
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    /// Formatting.
    pub style: ParaStyle,
    /// Content. A paragraph with an automatic number (`style.number`) holds its text
    /// without the number, from the space after it: a writer prints the number itself.
    pub inlines: Vec<Inline>,
    /// Tracked changes against an earlier version (`render --changes-from`), for the DOCX
    /// writer; `None` in every other document. The layout ignores them.
    pub revisions: Option<Box<Revisions>>,
}

/// A tracked change: what was added or taken away since the earlier version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision {
    /// Added: accepting keeps it, rejecting removes it.
    Inserted,
    /// Taken away: accepting removes it, rejecting keeps it.
    Deleted,
}

/// The tracked changes of one paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Revisions {
    /// The paragraph itself (its mark) was added or taken away.
    pub mark: Option<Revision>,
    /// Each inline's change, parallel to [`Paragraph::inlines`].
    pub inlines: Vec<Option<Revision>>,
}

impl Paragraph {
    /// The content as read on the page: the automatic number's label joined to the first
    /// text (for measuring, dumping and our own layout, which draws the number as text).
    pub fn shown_inlines(&self) -> std::borrow::Cow<'_, [Inline]> {
        let Some(n) = self.style.number else { return std::borrow::Cow::Borrowed(&self.inlines) };
        let mut all = self.inlines.clone();
        match all.first_mut() {
            Some(Inline::Text(t, _)) => t.insert_str(0, &n.label()),
            _ => all.insert(0, Inline::Text(n.label(), RunStyle::default())),
        }
        std::borrow::Cow::Owned(all)
    }
}

/// Character formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RunStyle {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text with one style.
    Text(String, RunStyle),
    /// A forced line break.
    LineBreak,
    /// A tab (to the next tab stop; the signature uses a right tab at the text edge).
    Tab,
}

/// A list: each item is a paragraph with a marker.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// The marker kind.
    pub marker: Marker,
    /// Items.
    pub items: Vec<Paragraph>,
}

/// List markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// «– »
    Dash,
    /// «• »
    Bullet,
    /// «1) »
    Numbered,
    /// «1. »
    NumberedDot,
}

impl Marker {
    /// The marker text for item `i` (0-based).
    pub fn text(self, i: usize) -> String {
        match self {
            Marker::Dash => "–".to_owned(),
            Marker::Bullet => "•".to_owned(),
            Marker::Numbered => format!("{})", i + 1),
            Marker::NumberedDot => format!("{}.", i + 1),
        }
    }
}

/// The signature line.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// Position lines.
    pub position: Vec<String>,
    /// «И.О. Фамилия».
    pub name: String,
    /// Space before the signature.
    pub space_before: Length,
    /// What the lines are («signature» unless said: the acquaintance lines are alike).
    pub role: Option<Role>,
    /// The signature added or taken away since the earlier version (a tracked render only).
    pub revision: Option<Revision>,
}

/// Where a zone sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneKind {
    /// The бланк block in the top-left corner.
    Blank,
    /// A block in the right-hand part of the page (appendix marks, УТВЕРЖДЕН).
    Right,
}

/// A block of paragraphs of limited width placed left or right.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    /// Left corner or right side.
    pub kind: ZoneKind,
    /// Width of the zone.
    pub width: Length,
    /// Content.
    pub blocks: Vec<Block>,
}

/// An image in a paragraph of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// File path as given.
    pub src: String,
    /// The file's content, read when the markup was.
    pub picture: std::sync::Arc<Picture>,
    /// Printed width; the height follows the picture's proportions.
    pub width: Length,
    /// Where it stands between the margins.
    pub align: Align,
    /// The picture added or taken away since the earlier version (a tracked render only).
    pub revision: Option<Revision>,
}

impl Image {
    /// Printed height.
    pub fn height(&self) -> Length {
        let (w, h) = self.picture.pixels;
        Length::pt(self.width.to_pt() * f64::from(h) / f64::from(w.max(1)))
    }
}

/// Raster formats an image may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

/// The bytes of an image file, checked to decode.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The file as read.
    pub bytes: Vec<u8>,
    /// Its format.
    pub format: PictureFormat,
    /// Width and height in pixels.
    pub pixels: (u32, u32),
}

/// Vertical alignment of a column's content in its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VAlign {
    /// At the top.
    #[default]
    Top,
    /// Centred.
    Center,
    /// At the bottom.
    Bottom,
}

/// Blocks side by side across the text width: the first column at the left margin, the
/// last at the right one, the space left over shared equally between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// Space before.
    pub space_before: Length,
    /// The block added or taken away as a whole since the earlier version (a tracked render
    /// only): its row and spacer go with its text.
    pub revision: Option<Revision>,
}

/// One column of [`Columns`].
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Width, frame included.
    pub width: Length,
    /// A thin frame around the column, its content inset by [`geometry::FRAME_PAD`].
    pub frame: bool,
    /// Vertical alignment in the row.
    pub valign: VAlign,
    /// Content: paragraphs, lists, images.
    pub blocks: Vec<Block>,
}

/// A table with a fixed grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Relative column widths (scaled to the text width).
    pub widths: Vec<f64>,
    /// Rows repeated at the top of every page: the header and the column-number row.
    pub head: Vec<Row>,
    /// Body rows.
    pub body: Vec<Row>,
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Header text.
    Header,
    /// The row «1 2 3 …».
    Numbers,
    /// A section title spanning the table; kept with the next row.
    Section,
    /// An ordinary row.
    Body,
}

/// A table row; cells covered by a span from above are absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Kind.
    pub kind: RowKind,
    /// Cells in column order.
    pub cells: Vec<Cell>,
    /// A row added or taken away since the earlier version (a tracked render only).
    pub revision: Option<Revision>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Columns spanned (≥ 1).
    pub colspan: usize,
    /// Rows spanned (≥ 1).
    pub rowspan: usize,
    /// Alignment of the cell's paragraphs unless they set their own.
    pub align: Align,
    /// Bold text (header, section rows).
    pub bold: bool,
    /// Text centred between the cell's top and bottom (header cells), not at the top.
    pub middle: bool,
    /// Content.
    pub blocks: Vec<Block>,
}

impl Table {
    /// Grid positions: for each row, the starting column of each of its cells, skipping
    /// columns covered by row spans from above.
    pub fn grid(rows: &[Row], columns: usize) -> Vec<Vec<usize>> {
        let mut busy = vec![0usize; columns]; // rows still covered, per column
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut starts = Vec::with_capacity(row.cells.len());
            let mut col = 0;
            for cell in &row.cells {
                while col < columns && busy[col] > 0 {
                    col += 1;
                }
                starts.push(col);
                for b in busy.iter_mut().take(columns).skip(col).take(cell.colspan) {
                    *b = (*b).max(cell.rowspan);
                }
                col += cell.colspan;
            }
            for b in busy.iter_mut() {
                *b = b.saturating_sub(1);
            }
            out.push(starts);
        }
        out
    }
}
