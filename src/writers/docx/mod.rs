//! IR → DOCX: the document model translated into docx-rs, then the post-pass
//! ([`fixups`]) mends what docx-rs cannot say and packs the file.

use crate::diag::Diagnostic;

use docx_rs::{
    AlignmentType, BreakType, CellMargins, Delete, Docx, Insert, IndentLevel, LineSpacing, LineSpacingType, NumberingId, PageMargin,
    PageOrientationType, PageSize, Paragraph as DxParagraph, Pic, Run, RunFonts, Section as DxSection,
    SpecialIndentType, Tab, TabValueType, Table as DxTable, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellBorder, TableCellBorderPosition, TableCellBorders, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};

/// The paragraph style of paragraphs never hyphenated, by its id in `styles.xml`.
mod body;
mod fixups;
mod fonts;
mod numbering;
mod package;
mod schema;
mod styles;

use crate::breaks::soft_hyphens;
use crate::doc::{
    geometry, Align, Block, Cell, Columns, Document, Image, Inline, Length, List, PageSetup, Paragraph, Revision, Role,
    Row, RowKind, Section, Signature, Table, VAlign, Zone, ZoneKind,
};
use fixups::DocxState;
pub use fixups::NO_HYPHENS_STYLE;
use styles::Props;

/// Options of the DOCX writer.
#[derive(Debug, Clone, Default)]
pub struct DocxOptions {
    /// Embed the bundled fonts (obfuscated, ECMA-376 17.8.1) and name them as the body
    /// font, so a machine without them shows the same glyphs.
    pub embed_fonts: bool,
    /// Who made the document's revisions ([`crate::doc::Revision`]) and when.
    pub revisions_by: Option<Reviser>,
}

/// The author and time Word shows on each tracked change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviser {
    /// The author's name.
    pub author: String,
    /// The time, ISO 8601 (`2024-09-02T00:00:00Z`).
    pub date: String,
}

impl Reviser {
    /// The reviser of the next paragraph. LibreOffice merges one author's changes that
    /// touch across a paragraph's end when their times are less than two minutes apart, and
    /// «Отклонить все» then removes the paragraph end between them too, joining two
    /// paragraphs (a point ending with new words followed by a new point). Neighbouring
    /// paragraphs' changes are therefore dated two minutes apart, in turns.
    /// Inside a row added or taken away the paragraphs keep the row's time: LibreOffice
    /// takes the row away with its text only when they are one change.
    fn for_paragraph(&self, fx: &mut DocxState) -> Reviser {
        fx.revised_paragraphs += 1;
        if fx.revised_paragraphs % 2 == 1 || fx.row_revision.is_some() {
            return self.clone();
        }
        let later = chrono::NaiveDateTime::parse_from_str(&self.date, "%Y-%m-%dT%H:%M:%SZ")
            .map(|t| (t + chrono::Duration::minutes(2)).format("%Y-%m-%dT%H:%M:%SZ").to_string());
        Reviser { author: self.author.clone(), date: later.unwrap_or_else(|_| self.date.clone()) }
    }

    fn insert(&self) -> Insert {
        Insert::new_with_empty().author(&self.author).date(&self.date)
    }

    fn delete(&self) -> Delete {
        Delete::new().author(&self.author).date(&self.date)
    }
}

/// Writes the document as DOCX bytes.
pub fn write_docx(doc: &Document, opts: &DocxOptions) -> Result<Vec<u8>, Diagnostic> {
    let mut fx = DocxState { revisions_by: opts.revisions_by.clone(), ..DocxState::default() };
    if let Some(q) = &doc.qr {
        // 12 pixels a module: crisp at any print resolution.
        fx.qr = Some(fixups::QrFooter {
            png: q.matrix.png(12),
            size_emu: emu(q.size),
            line_twips: twips(Length::pt(crate::doc::geometry::image_line_height(q.size.to_pt()))),
            text: q.text.clone(),
        });
    }
    let family = if opts.embed_fonts { crate::fonts::BUNDLED_FAMILY.to_owned() } else { doc.fonts.family.clone() };
    let body_hp = half_points(doc.fonts.body_size);
    let fonts = RunFonts::new().ascii(&family).hi_ansi(&family).cs(&family).east_asia(&family);
    let mut docx = Docx::new().default_fonts(fonts).default_size(body_hp).default_tab_stop(709);
    // The requisites as custom properties, which СЭД and archives read. docx-rs adds the
    // part and its relationship; the post-pass writes its content in a fixed order.
    if let (Some(number), Some(date)) = (&doc.meta.number, &doc.meta.date) {
        fx.custom = vec![("Регистрационный номер".into(), number.clone()), ("Дата документа".into(), date.clone())];
        for (name, value) in &fx.custom {
            docx = docx.custom_property(name.as_str(), value.as_str());
        }
    }
    let n = doc.sections.len();
    for (i, s) in doc.sections.iter().enumerate() {
        let ctx = Ctx {
            text_width: s.page.text_width(),
            table_size: doc.fonts.table_size,
            hyphenation: doc.fonts.hyphenation,
        };
        let children = section_children(s, &ctx, &mut fx);
        if i + 1 < n {
            let mut sec = DxSection::new();
            for c in children {
                sec = match c {
                    Child::P(p) => sec.add_paragraph(p),
                    Child::T(t) => sec.add_table(t),
                };
            }
            let size = PageSize::new().size(twips(s.page.width) as u32, twips(s.page.height) as u32);
            sec = sec.page_size(size).page_margin(margin(&s.page, doc.qr.is_some())).page_orient(if s.page.landscape {
                PageOrientationType::Landscape
            } else {
                PageOrientationType::Portrait
            });
            docx = docx.add_section(sec);
        } else {
            for c in children {
                docx = match c {
                    Child::P(p) => docx.add_paragraph(p),
                    Child::T(t) => docx.add_table(t),
                };
            }
            docx = docx
                .page_size(twips(s.page.width) as u32, twips(s.page.height) as u32)
                .page_margin(margin(&s.page, doc.qr.is_some()))
                .page_orient(if s.page.landscape {
                    PageOrientationType::Landscape
                } else {
                    PageOrientationType::Portrait
                });
        }
    }
    if n == 0 {
        docx = docx.add_paragraph(DxParagraph::new());
    }
    fx.page_numbers = doc.sections.iter().any(|s| s.page.page_numbers);
    fx.hyphenation = doc.fonts.hyphenation;
    fx.font = family;
    fx.embed_fonts = opts.embed_fonts;
    fx.title = doc.meta.title.clone();
    fx.author = doc.meta.author.clone();
    fx.subject = doc.meta.subject.clone();
    fx.timestamp = crate::writers::fixed_timestamp(doc.meta.date.as_deref());
    fx.dated = crate::writers::document_date(doc.meta.date.as_deref());
    fixups::finish(docx.build(), &fx)
}

// Each child is moved into docx-rs's tree right away: the size difference is never stored.
#[allow(clippy::large_enum_variant)]
enum Child {
    P(DxParagraph),
    T(DxTable),
}

struct Ctx {
    text_width: Length,
    table_size: Length,
    /// Automatic hyphenation is on in the document.
    hyphenation: bool,
}

fn twips(l: Length) -> i32 {
    l.to_twips()
}

fn half_points(l: Length) -> usize {
    (l.to_pt() * 2.0).round().max(2.0) as usize
}

fn margin(p: &PageSetup, qr_footer: bool) -> PageMargin {
    let m = &p.margins;
    PageMargin {
        top: twips(m.top),
        left: twips(m.left),
        bottom: twips(m.bottom),
        right: twips(m.right),
        // Page numbers 10 mm from the top edge (ГОСТ: at least 10 mm).
        header: twips(geometry::HEADER_OFFSET),
        footer: twips(if qr_footer { geometry::FOOTER_OFFSET } else { geometry::HEADER_OFFSET }),
        gutter: 0,
    }
}

fn section_children(s: &Section, ctx: &Ctx, fx: &mut DocxState) -> Vec<Child> {
    let mut out = Vec::new();
    for b in &s.blocks {
        block(b, ctx, Indent::default(), None, fx, &mut out);
    }
    out
}

/// Extra left/right indents for blocks inside a zone.
#[derive(Debug, Clone, Copy, Default)]
struct Indent {
    left: i32,
    right: i32,
}

fn block(b: &Block, ctx: &Ctx, ind: Indent, size: Option<Length>, fx: &mut DocxState, out: &mut Vec<Child>) {
    match b {
        Block::Paragraph(p) => out.push(Child::P(paragraph(p, ind, size, ctx.hyphenation, None, fx))),
        Block::List(l) => out.extend(list(l, ind, size, ctx.hyphenation, Role::ListItem, fx).into_iter().map(Child::P)),
        Block::Signature(s) => out.extend(signature(s, ctx, fx).into_iter().map(Child::P)),
        Block::Zone(z) => zone(z, ctx, fx, out),
        Block::Table(t) => out.push(Child::T(table(t, ctx, fx))),
        Block::Image(i) => out.push(Child::P(image(i, ind, fx))),
        Block::Columns(c) => {
            // A table has no space before: an empty paragraph exactly that tall stands in
            // for it, as the layout's spacer line does.
            let space = twips(c.space_before);
            if space > 0 {
                let rule = LineSpacing::new().before(0).after(0).line_rule(LineSpacingType::Exact).line(space);
                let spacer = DxParagraph::new().keep_next(true).line_spacing(rule).size(2);
                // Added or taken away with the block.
                let spacer = match (c.revision, &fx.revisions_by) {
                    (Some(Revision::Inserted), Some(by)) => spacer.insert(&by.author, &by.date),
                    (Some(Revision::Deleted), Some(by)) => spacer.delete(&by.author, &by.date),
                    _ => spacer,
                };
                out.push(Child::P(spacer));
            }
            fx.table_headers.push(0);
            out.push(Child::T(columns(c, ctx, fx)));
        }
    }
}

/// EMU (English Metric Units, 12 700 a point) of a length.
fn emu(l: Length) -> u32 {
    (l.to_pt() * 12_700.0).round().max(1.0) as u32
}

/// An image in a paragraph of its own, its line as tall as the layout makes it
/// ([`crate::doc::geometry::image_line_height`]): «at least» that, which the picture and the 1 pt
/// text below it never exceed («exact» would clip the picture's top in LibreOffice).
fn image(i: &Image, ind: Indent, fx: &mut DocxState) -> DxParagraph {
    let (w, h) = (i.width, i.height());
    fx.images += 1;
    let png = crate::doc::picture::png_bytes(&i.picture).unwrap_or_default();
    let (px_w, px_h) = i.picture.pixels;
    // A fixed relationship id: docx-rs would number pictures from a process-wide counter.
    let pic = Pic::new_with_dimensions(png, px_w, px_h).size(emu(w), emu(h)).id(format!("rIdPrikazImage{}", fx.images));
    let line = twips(Length::pt(crate::doc::geometry::image_line_height(h.to_pt())));
    let mut p = DxParagraph::new()
        .align(align(i.align))
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(0).after(0).line_rule(LineSpacingType::AtLeast).line(line))
        ;
    let run = Run::new().size(2).add_image(pic);
    let by = fx.revisions_by.clone().map(|b| b.for_paragraph(fx));
    p = match (i.revision, &by) {
        (Some(Revision::Inserted), Some(by)) => p.add_insert(by.insert().add_run(run)).insert(&by.author, &by.date),
        (Some(Revision::Deleted), Some(by)) => p.add_delete(by.delete().add_run(run)).delete(&by.author, &by.date),
        _ => p.add_run(run),
    };
    if ind.left != 0 || ind.right != 0 {
        p = p.indent(Some(ind.left), None, Some(ind.right), None);
    }
    p
}

/// Blocks side by side as a borderless one-row table. Each cell spans from the middle of
/// the gap before its column to the middle of the gap after it, and its margins put the
/// content exactly where the layout puts it; a framed cell keeps its own edges (the gaps go
/// to its neighbours) and draws the frame as its borders.
fn columns(cs: &Columns, ctx: &Ctx, fx: &mut DocxState) -> DxTable {
    // A block added or taken away whole: its text is one change with its row.
    let outer = fx.row_revision;
    fx.row_revision = cs.revision.or(outer);
    let tw = twips(ctx.text_width);
    let n = cs.columns.len();
    let widths: Vec<i32> = cs.columns.iter().map(|c| twips(c.width)).collect();
    let used: i32 = widths.iter().sum();
    let gap = if n > 1 { ((tw - used) / (n as i32 - 1)).max(0) } else { 0 };
    let mut xs = Vec::with_capacity(n);
    let mut x = if n == 1 { (tw - used).max(0) } else { 0 };
    for w in &widths {
        xs.push(x);
        x += w + gap;
    }
    // Cell boundaries: 0, one between each pair of columns, the text width.
    let mut bounds = vec![0];
    for i in 1..n {
        let (prev_end, start) = (xs[i - 1] + widths[i - 1], xs[i]);
        bounds.push(if cs.columns[i].frame {
            start
        } else if cs.columns[i - 1].frame {
            prev_end
        } else {
            (prev_end + start) / 2
        });
    }
    bounds.push(tw.max(xs[n - 1] + widths[n - 1]));
    let pad = twips(geometry::FRAME_PAD);
    let hair = (geometry::BORDER_WIDTH.to_pt() * 8.0).round() as usize;
    let mut cells = Vec::with_capacity(n);
    for (i, c) in cs.columns.iter().enumerate() {
        let inset = if c.frame { pad } else { 0 };
        let left = (xs[i] - bounds[i]).max(0) + inset;
        let right = (bounds[i + 1] - xs[i] - widths[i]).max(0) + inset;
        let mut cell = TableCell::new()
            .width((bounds[i + 1] - bounds[i]).max(1) as usize, WidthType::Dxa)
            .vertical_align(match c.valign {
                VAlign::Top => VAlignType::Top,
                VAlign::Center => VAlignType::Center,
                VAlign::Bottom => VAlignType::Bottom,
            });
        cell.property = cell.property.margins(
            CellMargins::new()
                .margin_top(inset as usize, WidthType::Dxa)
                .margin_bottom(inset as usize, WidthType::Dxa)
                .margin_left(left as usize, WidthType::Dxa)
                .margin_right(right as usize, WidthType::Dxa),
        );
        let borders = if c.frame {
            [
                TableCellBorderPosition::Top,
                TableCellBorderPosition::Left,
                TableCellBorderPosition::Bottom,
                TableCellBorderPosition::Right,
            ]
            .into_iter()
            .fold(TableCellBorders::with_empty(), |b, at| b.set(TableCellBorder::new(at).size(hair)))
        } else {
            TableCellBorders::with_empty()
        };
        cell = cell.set_borders(borders);
        let mut inner = Vec::new();
        for b in &c.blocks {
            block(b, ctx, Indent::default(), None, fx, &mut inner);
        }
        let mut any = false;
        for child in inner {
            if let Child::P(p) = child {
                cell = cell.add_paragraph(p);
                any = true;
            }
        }
        if !any {
            cell = cell.add_paragraph(DxParagraph::new());
        }
        cells.push(cell);
    }
    let grid: Vec<usize> = bounds.windows(2).map(|w| (w[1] - w[0]).max(1) as usize).collect();
    fx.row_revision = outer;
    let row = TableRow::new(cells).cant_split();
    let row = match (cs.revision, &fx.revisions_by) {
        (Some(Revision::Inserted), Some(by)) => row.insert(by.insert()),
        (Some(Revision::Deleted), Some(by)) => row.delete(by.delete()),
        _ => row,
    };
    DxTable::without_borders(vec![row])
        .set_grid(grid.clone())
        .layout(TableLayoutType::Fixed)
        .width(grid.iter().sum(), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

fn zone(z: &Zone, ctx: &Ctx, fx: &mut DocxState, out: &mut Vec<Child>) {
    let free = (twips(ctx.text_width) - twips(z.width)).max(0);
    let ind = match z.kind {
        ZoneKind::Blank => Indent { left: 0, right: free },
        ZoneKind::Right => Indent { left: free, right: 0 },
    };
    for b in &z.blocks {
        block(b, ctx, ind, None, fx, out);
    }
}

fn align(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

/// A paragraph's formatting as the DOCX states it: the IR's values with the zone's
/// indents and the context's size; `hang` for list items.
fn props(p: &Paragraph, ind: Indent, size: Option<Length>, hang: Option<i32>) -> Props {
    let st = &p.style;
    let texts = || p.inlines.iter().filter_map(|i| if let Inline::Text(_, s) = i { Some(*s) } else { None });
    let any = texts().next().is_some();
    let (left, first) = match hang {
        Some(h) => (ind.left + h, -h),
        None => (ind.left + twips(st.left_indent), twips(st.first_line_indent)),
    };
    Props {
        align: st.align,
        left,
        right: ind.right,
        first,
        before: twips(st.space_before).max(0) as u32,
        after: twips(st.space_after).max(0) as u32,
        size: st.size.or(size).map(half_points),
        bold: any && texts().all(|s| s.bold),
        italic: any && texts().all(|s| s.italic),
        no_hyphens: st.no_hyphens,
    }
}

/// A paragraph; `hyphenation` is the document's setting (the paragraph's own «no hyphens»
/// still holds). With a role (its own, else `role`) it takes the role's named style and
/// states only what differs from it; without one, everything is direct formatting.
fn paragraph(
    p: &Paragraph,
    ind: Indent,
    size: Option<Length>,
    hyphenation: bool,
    role: Option<Role>,
    fx: &mut DocxState,
) -> DxParagraph {
    paragraph_with(p, props(p, ind, size, None), hyphenation, role, fx)
}

fn paragraph_with(p: &Paragraph, own: Props, hyphenation: bool, role: Option<Role>, fx: &mut DocxState) -> DxParagraph {
    let role = p.style.role.or(role);
    let style = role.map(|r| fx.styles.style(r, &own).clone());
    let mut dp = DxParagraph::new();
    let base = match &style {
        Some(s) => {
            dp = dp.style(&s.id());
            s.props.clone()
        }
        None => {
            if own.no_hyphens {
                dp = dp.style(NO_HYPHENS_STYLE);
            }
            // Normal: left-aligned, no indents, no spacing, the document's size.
            Props { align: Align::Left, left: 0, right: 0, first: 0, before: 0, after: 0, size: None, ..own.clone() }
        }
    };
    if own.align != base.align || style.is_none() {
        dp = dp.align(align(own.align));
    }
    if (own.left, own.right, own.first) != (base.left, base.right, base.first) {
        let special = match own.first {
            0 => Some(SpecialIndentType::FirstLine(0)),
            f if f < 0 => Some(SpecialIndentType::Hanging(-f)),
            f => Some(SpecialIndentType::FirstLine(f)),
        };
        dp = dp.indent(Some(own.left), special, Some(own.right), None);
    }
    if (own.before, own.after) != (base.before, base.after) || style.is_none() {
        dp = dp.line_spacing(LineSpacing::new().before(own.before).after(own.after));
    }
    if p.style.keep_with_next {
        dp = dp.keep_next(true);
    }
    let mut inlines = std::borrow::Cow::Borrowed(p.inlines.as_slice());
    // A paragraph taken away keeps its list but does not count in it: accepting removes
    // it, and the numbers after it must read on without a gap.
    let deleted = p.revisions.as_ref().and_then(|r| r.mark) == Some(Revision::Deleted)
        || fx.row_revision == Some(Revision::Deleted);
    if let Some((id, level, rest)) = p.style.number.and_then(|n| numbered(&p.inlines, n, own.first, deleted, fx)) {
        dp = dp.numbering(NumberingId::new(id), IndentLevel::new(level));
        // The list draws the number; the indent stays the paragraph's own (a list's indent
        // would win over the style's).
        let special = Some(if own.first < 0 {
            SpecialIndentType::Hanging(-own.first)
        } else {
            SpecialIndentType::FirstLine(own.first)
        });
        dp = dp.indent(Some(own.left), special, Some(own.right), None);
        inlines.to_mut()[0] = rest;
    }
    let marks = p.revisions.as_ref().map_or(&[][..], |r| r.inlines.as_slice());
    let by = fx.revisions_by.clone().map(|b| b.for_paragraph(fx));
    let by = by.as_ref();
    for (r, mark) in runs(&inlines, marks, &own, &base, hyphenation && !own.no_hyphens) {
        dp = match (mark, by) {
            (Some(Revision::Inserted), Some(by)) => dp.add_insert(by.insert().add_run(r)),
            (Some(Revision::Deleted), Some(by)) => dp.add_delete(by.delete().add_run(r)),
            _ => dp.add_run(r),
        };
    }
    match (p.revisions.as_ref().and_then(|r| r.mark), by) {
        (Some(Revision::Inserted), Some(by)) => dp.insert(&by.author, &by.date),
        (Some(Revision::Deleted), Some(by)) => dp.delete(&by.author, &by.date),
        _ => dp,
    }
}

/// A paragraph with an automatic number: its list instance and level (the number's values
/// as the IR carries them), and its first text as the list leaves it. `None` when the
/// paragraph starts with no text.
fn numbered(
    inlines: &[Inline],
    n: crate::doc::AutoNumber,
    first: i32,
    deleted: bool,
    fx: &mut DocxState,
) -> Option<(usize, usize, Inline)> {
    let Some(Inline::Text(rest, style)) = inlines.first() else { return None };
    // A point's list puts the space after the number itself; a table's list puts nothing,
    // and a section row keeps its own space before the title.
    let rest = if n.list == 0 { rest.trim_start_matches([' ', '\u{a0}']) } else { rest };
    let (id, level) =
        if deleted { fx.numbering.assign_uncounted(n, first) } else { fx.numbering.assign(n, n.values(), first) };
    Some((id, level, Inline::Text(rest.to_owned(), *style)))
}

/// The runs of a paragraph, each stating only what differs from the paragraph's style
/// (`base`). Where Word or LibreOffice would hyphenate a word where our layout may not (a
/// carried part of two letters), the word gets soft hyphens at our breaks, which both then
/// use instead of their own (see [`soft_hyphens`]).
/// With `marks` (a tracked render), each run comes with its revision; a deleted one holds
/// its text as `w:delText`.
fn runs(
    inlines: &[Inline],
    marks: &[Option<Revision>],
    own: &Props,
    base: &Props,
    hyphenate: bool,
) -> Vec<(Run, Option<Revision>)> {
    let mut out = Vec::with_capacity(inlines.len());
    for (k, i) in inlines.iter().enumerate() {
        let mut r = Run::new();
        let mark = marks.get(k).copied().flatten();
        match i {
            Inline::Text(t, st) => {
                let text = if hyphenate { soft_hyphens(t) } else { std::borrow::Cow::Borrowed(t.as_str()) };
                let text = crate::breaks::bind_ranges(&text);
                r = if mark == Some(Revision::Deleted) {
                    r.add_delete_text(text.as_ref())
                } else {
                    r.add_text(text.as_ref())
                };
                match (st.bold, base.bold) {
                    (true, false) => r = r.bold(),
                    (false, true) => r = r.disable_bold(),
                    _ => {}
                }
                match (st.italic, base.italic) {
                    (true, false) => r = r.italic(),
                    (false, true) => r = r.disable_italic(),
                    _ => {}
                }
            }
            Inline::LineBreak => r = r.add_break(BreakType::TextWrapping),
            Inline::Tab => r = r.add_tab(),
        }
        if let Some(s) = own.size.filter(|s| Some(*s) != base.size) {
            r = r.size(s);
        }
        out.push((r, mark));
    }
    out
}

/// A list as list paragraphs: the marker from the numbering (a list of its own for a
/// numbered one, so an item inserted in Word is numbered), then a tab to the hanging indent
/// where our PDF puts the text.
fn list(
    l: &List,
    ind: Indent,
    size: Option<Length>,
    hyphenation: bool,
    role: Role,
    fx: &mut DocxState,
) -> Vec<DxParagraph> {
    use numbering::ListMarker;
    let hang = twips(geometry::LIST_HANG);
    let id = fx.numbering.list(match l.marker {
        crate::doc::Marker::Dash => ListMarker::Dash,
        crate::doc::Marker::Bullet => ListMarker::Bullet,
        crate::doc::Marker::Numbered => ListMarker::Paren,
        crate::doc::Marker::NumberedDot => ListMarker::Dot,
    });
    l.items
        .iter()
        .map(|item| {
            let p = Paragraph { style: item.style, inlines: item.inlines.clone(), revisions: item.revisions.clone() };
            let own = props(&p, ind, size, Some(hang));
            let (left, first, right) = (own.left, own.first, own.right);
            let dp = paragraph_with(&p, own, hyphenation, Some(role), fx)
                .numbering(NumberingId::new(id), IndentLevel::new(0))
                .indent(Some(left), Some(SpecialIndentType::Hanging(-first)), Some(right), None);
            dp.add_tab(Tab::new().val(TabValueType::Left).pos((ind.left + hang) as usize))
        })
        .collect()
}

/// Position lines at the left; the name at the right margin on the last line, by a right
/// tab stop at the text edge.
fn signature(s: &Signature, ctx: &Ctx, fx: &mut DocxState) -> Vec<DxParagraph> {
    let edge = twips(ctx.text_width).max(0) as usize;
    let lines: Vec<&str> =
        if s.position.is_empty() { vec![""] } else { s.position.iter().map(String::as_str).collect() };
    let last = lines.len() - 1;
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut inlines = vec![Inline::Text((*line).to_owned(), Default::default())];
            if i == last {
                inlines.extend([Inline::Tab, Inline::Text(s.name.clone(), Default::default())]);
            }
            let style = crate::doc::ParaStyle {
                space_before: if i == 0 { s.space_before } else { Length::default() },
                keep_with_next: i < last,
                ..Default::default()
            };
            let revisions = s.revision.map(|r| {
                Box::new(crate::doc::Revisions { mark: Some(r), inlines: vec![Some(r); inlines.len()] })
            });
            let p = Paragraph { style, inlines, revisions };
            let own = props(&p, Indent::default(), None, None);
            let dp = paragraph_with(&p, own, false, Some(s.role.unwrap_or(Role::Signature)), fx);
            if i == last {
                dp.add_tab(Tab::new().val(TabValueType::Right).pos(edge))
            } else {
                dp
            }
        })
        .collect()
}

fn table(t: &Table, ctx: &Ctx, fx: &mut DocxState) -> DxTable {
    let total: f64 = t.widths.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let width = twips(ctx.text_width).max(1) as f64;
    let grid: Vec<usize> = t.widths.iter().map(|w| (w / total * width).round() as usize).collect();
    let ncols = grid.len();
    let mut rows = Vec::new();
    for part in [&t.head, &t.body] {
        let starts = Table::grid(part, ncols);
        // Columns covered by a row span from above: (remaining rows, colspan).
        let mut pending: Vec<Option<(usize, usize)>> = vec![None; ncols];
        for (row, st) in part.iter().zip(&starts) {
            rows.push(table_row(row, st, &grid, &mut pending, ctx, fx));
        }
    }
    fx.table_headers.push(t.head.len());
    // Rules as wide as our PDF draws them (docx-rs writes a quarter of a point).
    let eighths = (geometry::BORDER_WIDTH.to_pt() * 8.0).round() as usize;
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Bottom,
        TableBorderPosition::Left,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, at| b.set(TableBorder::new(at).size(eighths)));
    DxTable::new(rows)
        .set_borders(borders)
        .set_grid(grid.clone())
        .layout(TableLayoutType::Fixed)
        .width(grid.iter().sum(), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(
            twips(geometry::CELL_PAD_Y) as usize,
            twips(geometry::CELL_PAD_X) as usize,
            twips(geometry::CELL_PAD_Y) as usize,
            twips(geometry::CELL_PAD_X) as usize,
        ))
}

fn table_row(
    row: &Row,
    starts: &[usize],
    grid: &[usize],
    pending: &mut [Option<(usize, usize)>],
    ctx: &Ctx,
    fx: &mut DocxState,
) -> TableRow {
    let ncols = grid.len();
    let mut cells = Vec::new();
    let mut col = 0;
    let mut next = row.cells.iter().zip(starts.iter()).peekable();
    fx.row_revision = row.revision;
    while col < ncols {
        if let Some((left, span)) = pending[col] {
            // A continuation of a vertical merge from the row above.
            let w: usize = grid[col..(col + span).min(ncols)].iter().sum();
            let mut c = TableCell::new()
                .vertical_merge(VMergeType::Continue)
                .width(w, WidthType::Dxa)
                .add_paragraph(DxParagraph::new());
            if span > 1 {
                c = c.grid_span(span);
            }
            cells.push(c);
            pending[col] = if left > 1 { Some((left - 1, span)) } else { None };
            col += span;
            continue;
        }
        match next.peek() {
            Some((cell, start)) if **start == col => {
                let span = cell.colspan.min(ncols - col).max(1);
                cells.push(table_cell(cell, row.kind, &grid[col..col + span], ctx, fx));
                if cell.rowspan > 1 {
                    pending[col] = Some((cell.rowspan - 1, span));
                }
                col += span;
                next.next();
            }
            _ => {
                // The markup left this column empty: fill the grid so Word needs no repair.
                cells.push(TableCell::new().width(grid[col], WidthType::Dxa).add_paragraph(DxParagraph::new()));
                col += 1;
            }
        }
    }
    let tr = TableRow::new(cells).cant_split();
    fx.row_revision = None;
    match (row.revision, &fx.revisions_by) {
        (Some(Revision::Inserted), Some(by)) => tr.insert(by.insert()),
        (Some(Revision::Deleted), Some(by)) => tr.delete(by.delete()),
        _ => tr,
    }
}

fn table_cell(cell: &Cell, kind: RowKind, grid: &[usize], ctx: &Ctx, fx: &mut DocxState) -> TableCell {
    let valign = if cell.middle { VAlignType::Center } else { VAlignType::Top };
    let mut c = TableCell::new().width(grid.iter().sum(), WidthType::Dxa).vertical_align(valign);
    if grid.len() > 1 {
        c = c.grid_span(grid.len());
    }
    if cell.rowspan > 1 {
        c = c.vertical_merge(VMergeType::Restart);
    }
    let keep = kind == RowKind::Section;
    let mut any = false;
    for b in &cell.blocks {
        let mut ps: Vec<DxParagraph> = match b {
            Block::Paragraph(p) => {
                let role = match kind {
                    RowKind::Header => Role::TableHeader,
                    RowKind::Numbers => Role::NumberRow,
                    RowKind::Section => Role::SectionRow,
                    RowKind::Body => Role::TableText,
                };
                vec![paragraph(p, Indent::default(), Some(ctx.table_size), ctx.hyphenation, Some(role), fx)]
            }
            Block::List(l) => list(l, Indent::default(), Some(ctx.table_size), ctx.hyphenation, Role::CellList, fx),
            _ => Vec::new(),
        };
        for p in ps.drain(..) {
            any = true;
            c = c.add_paragraph(if keep { p.keep_next(true) } else { p });
        }
    }
    if !any {
        c = c.add_paragraph(DxParagraph::new().size(half_points(ctx.table_size)));
    }
    c
}
