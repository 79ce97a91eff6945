//! The element tree → the document IR, checking the vocabulary as it goes.

use super::tree::{Element, Node};
use crate::doc::{
    Align, Block, Cell, Column, Columns, Image, Inline, Length, List, Margins, Marker, PageSetup, ParaStyle, Paragraph,
    Row, RowKind, RunStyle, Section, Signature, Table, VAlign, Zone, ZoneKind,
};

/// A vocabulary error at a byte offset of the markup.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    /// What is wrong, in Russian.
    pub message: String,
    /// Byte offset in the markup.
    pub at: usize,
}

type R<T> = Result<T, ReadError>;

fn err<T>(el: &Element, message: impl Into<String>) -> R<T> {
    Err(ReadError { message: message.into(), at: el.at })
}

/// Settings the markup may leave out, and where its pictures come from.
#[derive(Clone, Copy)]
pub struct Defaults<'a> {
    /// Page margins.
    pub margins: Margins,
    /// The pictures `<image src>` names, read where the input was read: the markup reader
    /// itself opens no file.
    pub pictures: &'a dyn crate::doc::picture::PictureSource,
}

/// Reads top-level `<section>` elements.
pub fn sections(top: &[Element], d: &Defaults) -> R<Vec<Section>> {
    top.iter()
        .map(|el| match el.name.as_str() {
            "section" => section(el, d),
            other => err(el, format!("на верхнем уровне допустим только <section>, а не <{other}>")),
        })
        .collect()
}

fn allow(el: &Element, names: &[&str]) -> R<()> {
    for (k, _) in &el.attrs {
        if !names.contains(&k.as_str()) {
            let list = if names.is_empty() { "никаких".to_owned() } else { names.join(", ") };
            return err(el, format!("у <{}> нет атрибута «{k}» (допустимы: {list})", el.name));
        }
    }
    Ok(())
}

fn length(el: &Element, attr: &str) -> R<Option<Length>> {
    match el.attr(attr) {
        None => Ok(None),
        Some(v) => match Length::parse(v) {
            Some(l) if l.to_pt() >= 0.0 => Ok(Some(l)),
            _ => err(el, format!("атрибут {attr}=\"{v}\" у <{}>: ожидается длина вида 12.5mm или 14pt", el.name)),
        },
    }
}

fn flag(el: &Element, attr: &str) -> R<bool> {
    flag_or(el, attr, false)
}

/// A true/false attribute with its value when absent.
fn flag_or(el: &Element, attr: &str, absent: bool) -> R<bool> {
    match el.attr(attr) {
        None => Ok(absent),
        Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(v) => err(el, format!("атрибут {attr}=\"{v}\": ожидается true или false")),
    }
}

fn count(el: &Element, attr: &str) -> R<usize> {
    match el.attr(attr) {
        None => Ok(1),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=1000).contains(&n) => Ok(n),
            _ => err(el, format!("атрибут {attr}=\"{v}\": ожидается целое число от 1")),
        },
    }
}

fn align(el: &Element) -> R<Option<Align>> {
    Ok(Some(match el.attr("align") {
        None => return Ok(None),
        Some("left") => Align::Left,
        Some("center") => Align::Center,
        Some("right") => Align::Right,
        Some("justify") => Align::Justify,
        Some(v) => return err(el, format!("align=\"{v}\": допустимо left, center, right, justify")),
    }))
}

fn section(el: &Element, d: &Defaults) -> R<Section> {
    allow(el, &["orientation", "margins", "page-numbers"])?;
    let landscape = match el.attr("orientation") {
        None | Some("portrait") => false,
        Some("landscape") => true,
        Some(v) => return err(el, format!("orientation=\"{v}\": допустимо portrait или landscape")),
    };
    let margins = match el.attr("margins") {
        None => d.margins,
        Some(v) => {
            let parts: Vec<Option<f64>> = v.split_whitespace().map(|p| p.parse().ok()).collect();
            match parts.as_slice() {
                [Some(t), Some(r), Some(b), Some(l)] => {
                    Margins { top: Length::mm(*t), right: Length::mm(*r), bottom: Length::mm(*b), left: Length::mm(*l) }
                }
                _ => return err(el, format!("margins=\"{v}\": ожидаются четыре числа в мм: верх право низ лево")),
            }
        }
    };
    let mut page = PageSetup::a4(landscape, margins);
    page.page_numbers = match el.attr("page-numbers") {
        None | Some("true") => true,
        Some("false") => false,
        Some(v) => return err(el, format!("page-numbers=\"{v}\": допустимо true или false")),
    };
    let mut blocks = blocks(el, Place::Section, d)?;
    resolve_shares(&mut blocks, page.text_width());
    Ok(Section { page, blocks, bookmark: None })
}

/// Where blocks stand: what may go there depends on it (a table is laid out across the
/// text width, so it cannot stand in a zone, a column or a cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Directly in a section.
    Section,
    /// In a `<zone>` or a `<column>`.
    Zone,
    /// In a table `<cell>`.
    Cell,
}

impl Place {
    fn allowed(self) -> &'static [&'static str] {
        match self {
            Place::Section => &["p", "list", "table", "signature", "zone", "image", "columns"],
            Place::Zone => &["p", "list", "image"],
            Place::Cell => &["p", "list"],
        }
    }
    fn name(self) -> &'static str {
        match self {
            Place::Section => "<section>",
            Place::Zone => "<zone> и <column>",
            Place::Cell => "<cell>",
        }
    }
}

fn blocks(parent: &Element, place: Place, d: &Defaults) -> R<Vec<Block>> {
    let mut out = Vec::new();
    for child in &parent.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Text(t) => {
                return err(parent, format!("текст «{}» прямо внутри <{}>: оберните его в <p>", t.trim(), parent.name))
            }
            Node::Element(el) => out.push(block(el, place, d)?),
        }
    }
    Ok(out)
}

fn block(el: &Element, place: Place, d: &Defaults) -> R<Block> {
    let known = Place::Section.allowed().contains(&el.name.as_str());
    if known && !place.allowed().contains(&el.name.as_str()) {
        return err(
            el,
            format!(
                "<{}> не может стоять внутри {}: там допустимо только {}",
                el.name,
                place.name(),
                place.allowed().join(", ")
            ),
        );
    }
    match el.name.as_str() {
        "p" => paragraph(el).map(Block::Paragraph),
        "list" => list(el).map(Block::List),
        "table" => table(el, d).map(Block::Table),
        "signature" => signature(el).map(Block::Signature),
        "zone" => zone(el, d).map(Block::Zone),
        "image" => image(el, d).map(Block::Image),
        "columns" => columns(el, d).map(Block::Columns),
        other => {
            err(el, format!("неизвестный элемент <{other}>: блоки — p, list, table, signature, zone, image, columns"))
        }
    }
}

/// `<image src width align/>`: the picture is taken now, so a missing or broken file is an
/// error placed in the template, never a gap in the document.
fn image(el: &Element, d: &Defaults) -> R<Image> {
    allow(el, &["src", "width", "align"])?;
    let src = el.attr("src").unwrap_or_default().to_owned();
    if src.is_empty() {
        return err(el, "у <image> нет src (путь к файлу PNG или JPEG)");
    }
    let picture = match d.pictures.picture(&src) {
        Ok(p) => p,
        Err(why) => return err(el, format!("<image>: {why}")),
    };
    let width = length(el, "width")?.unwrap_or(Length::mm(20.0));
    if width.to_pt() < 1.0 {
        return err(el, "ширина <image> слишком мала: укажите, например, width=\"20mm\"");
    }
    Ok(Image { src, picture, width, align: align(el)?.unwrap_or_default(), revision: None })
}

/// `<columns before><column width frame valign>…</column>…</columns>`: blocks side by side.
fn columns(el: &Element, d: &Defaults) -> R<Columns> {
    allow(el, &["before"])?;
    let mut out = Vec::new();
    for child in &el.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(c) if c.name == "column" => {
                allow(c, &["width", "frame", "valign"])?;
                let width = match c.attr("width") {
                    None => return err(c, "у <column> нет width (например, 80mm или 45%)"),
                    Some(v) => match v.strip_suffix('%').map(|p| p.trim().parse::<f64>()) {
                        Some(Ok(p)) if p > 0.0 && p <= 100.0 => Length::pt(-p), // a share, resolved below
                        Some(_) => return err(c, format!("width=\"{v}\": доля — число от 0 до 100 со знаком %")),
                        None => length(c, "width")?.unwrap_or_default(),
                    },
                };
                let valign = match c.attr("valign") {
                    None | Some("top") => VAlign::Top,
                    Some("center") => VAlign::Center,
                    Some("bottom") => VAlign::Bottom,
                    Some(v) => return err(c, format!("valign=\"{v}\": допустимо top, center, bottom")),
                };
                out.push(Column { width, frame: flag(c, "frame")?, valign, blocks: blocks(c, Place::Zone, d)? });
            }
            _ => return err(el, "в <columns> допустимы только <column>"),
        }
    }
    if out.is_empty() {
        return err(el, "в <columns> нет ни одной <column>");
    }
    Ok(Columns { columns: out, space_before: length(el, "before")?.unwrap_or_default(), revision: None })
}

fn paragraph(el: &Element) -> R<Paragraph> {
    allow(
        el,
        &[
            "align",
            "indent",
            "left",
            "before",
            "after",
            "keep-next",
            "hyphenate",
            "size",
            "bold",
            "italic",
            "role",
            "number",
            "level",
            "list",
            "list-top",
        ],
    )?;
    let role = match el.attr("role") {
        None => None,
        Some(v) => match crate::doc::Role::parse(v) {
            Some(r) => Some(r),
            None => {
                let names: Vec<&str> = crate::doc::Role::NAMED.iter().map(|(n, _)| *n).collect();
                return err(el, format!("role=\"{v}\": допустимо {}", names.join(", ")));
            }
        },
    };
    let style = ParaStyle {
        align: align(el)?.unwrap_or_default(),
        first_line_indent: length(el, "indent")?.unwrap_or_default(),
        left_indent: length(el, "left")?.unwrap_or_default(),
        space_before: length(el, "before")?.unwrap_or_default(),
        space_after: length(el, "after")?.unwrap_or_default(),
        keep_with_next: flag(el, "keep-next")?,
        size: length(el, "size")?,
        no_hyphens: !flag_or(el, "hyphenate", true)?,
        role,
        number: None,
    };
    let run = RunStyle { bold: flag(el, "bold")?, italic: flag(el, "italic")? };
    let mut inlines = Vec::new();
    collect_inlines(el, run, &mut inlines)?;
    let mut inlines = tidy(inlines);
    let mut style = style;
    style.number = auto_number(el, &inlines)?;
    // The number is data from here on: the text keeps what follows it.
    if let (Some(n), Some(Inline::Text(first, _))) = (style.number, inlines.first_mut()) {
        first.replace_range(..n.label().len(), "");
    }
    Ok(Paragraph { style, inlines, revisions: None })
}

/// `number="decimal|roman|dash|bullet" level="1" list="ID" list-top="roman"`: the
/// paragraph's text starts with its number («1.2. …», «II. …») or marker («– …»), then a
/// space or nothing (a number cell). `list` names a table's sequence; without it the number
/// counts with the order's points.
fn auto_number(el: &Element, inlines: &[Inline]) -> R<Option<crate::doc::AutoNumber>> {
    use crate::doc::{AutoNumber, NumberFormat};
    let format = match el.attr("number") {
        None => return Ok(None),
        Some("decimal") => NumberFormat::Decimal,
        Some("roman") => NumberFormat::Roman,
        Some("dash") => NumberFormat::Dash,
        Some("bullet") => NumberFormat::Bullet,
        Some(v) => return err(el, format!("number=\"{v}\": допустимо decimal, roman, dash, bullet")),
    };
    let level = match el.attr("level").map(str::parse::<u8>) {
        None => 1,
        Some(Ok(l)) if (1..=9).contains(&l) => l,
        Some(_) => return err(el, "level: ожидается число от 1 до 9"),
    };
    let list = match el.attr("list").map(str::parse::<u32>) {
        None => 0,
        Some(Ok(id)) => id,
        Some(Err(_)) => return err(el, "list: ожидается номер последовательности (целое число)"),
    };
    let roman_top = match el.attr("list-top") {
        None => false,
        Some("roman") => true,
        Some(v) => return err(el, format!("list-top=\"{v}\": допустимо только roman")),
    };
    let Some(Inline::Text(first, _)) = inlines.first() else {
        return err(el, "у абзаца с number текст должен начинаться с номера");
    };
    // A point that only holds sub-points, or a number cell, is its number alone.
    let space = first.find([' ', '\u{a0}']).unwrap_or(first.len());
    let head = &first[..space];
    let fits = match format {
        NumberFormat::Decimal => {
            // «1.2.» or «1.2)».
            let body = head.strip_suffix('.').or_else(|| head.strip_suffix(')')).unwrap_or("");
            let parts: Vec<&str> = body.split('.').collect();
            parts.len() == usize::from(level)
                && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        }
        NumberFormat::Roman => {
            level == 1
                && head.len() > 1
                && head.ends_with('.')
                && head[..head.len() - 1].chars().all(|c| "IVXLCDM".contains(c))
        }
        NumberFormat::Dash => head == "–",
        NumberFormat::Bullet => head == "•",
    };
    if !fits {
        return err(el, format!("номер «{head}» не подходит к number и level абзаца"));
    }
    let paren = head.ends_with(')');
    let mut parts = [0u32; 9];
    match format {
        NumberFormat::Decimal => {
            let body = &head[..head.len() - 1];
            for (slot, p) in parts.iter_mut().zip(body.split('.')) {
                // Too large for a number: it stays text.
                let Ok(v) = p.parse() else { return Ok(None) };
                *slot = v;
            }
        }
        NumberFormat::Roman => parts[0] = crate::ru::roman::from_roman(&head[..head.len() - 1]),
        NumberFormat::Dash | NumberFormat::Bullet => {}
    }
    let n = AutoNumber { format, level: level - 1, list, roman_top, paren, parts };
    // A number that does not read back as typed («01.», «IIII.») stays text: what is printed
    // is what the template wrote.
    Ok((n.label() == head).then_some(n))
}

fn collect_inlines(el: &Element, run: RunStyle, out: &mut Vec<Inline>) -> R<()> {
    for child in &el.children {
        match child {
            Node::Text(t) => out.push(Inline::Text(t.clone(), run)),
            Node::Element(c) => match c.name.as_str() {
                "b" => collect_inlines(c, RunStyle { bold: true, ..run }, out)?,
                "i" => collect_inlines(c, RunStyle { italic: true, ..run }, out)?,
                "br" => out.push(Inline::LineBreak),
                "tab" => out.push(Inline::Tab),
                other => return err(c, format!("<{other}> не может стоять внутри абзаца: допустимо b, i, br, tab")),
            },
        }
    }
    Ok(())
}

/// Collapses template whitespace as XML-like markup does: runs of spaces, tabs and line
/// feeds become one space; none at the start or end of a line. No-break spaces stay.
fn tidy(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    // True at a line's start and after a space: a following space is dropped.
    let mut last_space = true;
    for inline in inlines {
        match inline {
            Inline::Text(t, style) => {
                let mut s = String::with_capacity(t.len());
                for c in t.chars() {
                    if matches!(c, ' ' | '\n' | '\t' | '\r') {
                        if !last_space {
                            s.push(' ');
                            last_space = true;
                        }
                    } else {
                        s.push(c);
                        last_space = false;
                    }
                }
                if s.is_empty() {
                    continue;
                }
                match out.last_mut() {
                    Some(Inline::Text(prev, ps)) if *ps == style => prev.push_str(&s),
                    _ => out.push(Inline::Text(s, style)),
                }
            }
            brk => {
                trim_end(&mut out);
                out.push(brk);
                last_space = true;
            }
        }
    }
    trim_end(&mut out);
    out
}

/// Removes spaces at the end of the line built so far, across runs.
fn trim_end(out: &mut Vec<Inline>) {
    while let Some(Inline::Text(t, _)) = out.last_mut() {
        let trimmed = t.trim_end_matches(' ').len();
        t.truncate(trimmed);
        if !t.is_empty() {
            break;
        }
        out.pop();
    }
}

fn list(el: &Element) -> R<List> {
    allow(el, &["marker"])?;
    let marker = match el.attr("marker") {
        None | Some("dash") => Marker::Dash,
        Some("bullet") => Marker::Bullet,
        Some("numbered") => Marker::Numbered,
        Some("numbered-dot") => Marker::NumberedDot,
        Some(v) => return err(el, format!("marker=\"{v}\": допустимо dash, bullet, numbered, numbered-dot")),
    };
    let mut items = Vec::new();
    for child in &el.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(c) if c.name == "item" => items.push(paragraph(c)?),
            _ => return err(el, "в <list> допустимы только <item>"),
        }
    }
    Ok(List { marker, items })
}

fn signature(el: &Element) -> R<Signature> {
    allow(el, &["before", "role"])?;
    let role = match el.attr("role") {
        None => None,
        Some(v) => Some(
            crate::doc::Role::parse(v)
                .filter(|r| matches!(r, crate::doc::Role::Signature | crate::doc::Role::Acquaintance))
                .ok_or(ReadError {
                    message: format!("role=\"{v}\" у <signature>: допустимо signature или acquaintance"),
                    at: el.at,
                })?,
        ),
    };
    let mut position = Vec::new();
    let mut name = None;
    for child in &el.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(c) if c.name == "position" => position.push(plain_text(c)?),
            Node::Element(c) if c.name == "name" => name = Some(plain_text(c)?),
            _ => return err(el, "в <signature> допустимы только <position> и <name>"),
        }
    }
    let Some(name) = name else { return err(el, "в <signature> нет <name>") };
    Ok(Signature { position, name, space_before: length(el, "before")?.unwrap_or(Length::pt(28.0)), role, revision: None })
}

fn plain_text(el: &Element) -> R<String> {
    let p = paragraph(el)?;
    Ok(p.inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t, _) => t.as_str(),
            _ => " ",
        })
        .collect())
}

fn zone(el: &Element, d: &Defaults) -> R<Zone> {
    allow(el, &["kind", "width"])?;
    let kind = match el.attr("kind") {
        Some("blank") => ZoneKind::Blank,
        Some("right") => ZoneKind::Right,
        Some(v) => return err(el, format!("kind=\"{v}\": допустимо blank или right")),
        None => return err(el, "у <zone> нет kind (blank или right)"),
    };
    let width = length(el, "width")?.unwrap_or(Length::mm(80.0));
    Ok(Zone { kind, width, blocks: blocks(el, Place::Zone, d)? })
}

fn table(el: &Element, d: &Defaults) -> R<Table> {
    allow(el, &["widths"])?;
    let widths: Vec<f64> = match el.attr("widths") {
        Some(v) => v
            .split_whitespace()
            .map(|w| w.parse::<f64>().ok().filter(|w| *w > 0.0 && w.is_finite()))
            .collect::<Option<_>>()
            .ok_or(ReadError {
                message: format!("widths=\"{v}\": ожидаются положительные числа через пробел"),
                at: el.at,
            })?,
        None => return err(el, "у <table> нет widths"),
    };
    let (mut head, mut body) = (Vec::new(), Vec::new());
    for child in &el.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(c) if c.name == "head" => head = rows(c, RowKind::Header, d)?,
            Node::Element(c) if c.name == "body" => body = rows(c, RowKind::Body, d)?,
            _ => return err(el, "в <table> допустимы только <head> и <body>"),
        }
    }
    let t = Table { widths, head, body };
    check_grid(el, &t)?;
    Ok(t)
}

fn rows(el: &Element, default: RowKind, d: &Defaults) -> R<Vec<Row>> {
    let mut out = Vec::new();
    for child in &el.children {
        match child {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(r) if r.name == "row" => {
                allow(r, &["kind"])?;
                let kind = match r.attr("kind") {
                    None => default,
                    Some("header") => RowKind::Header,
                    Some("numbers") => RowKind::Numbers,
                    Some("section") => RowKind::Section,
                    Some("body") => RowKind::Body,
                    Some(v) => return err(r, format!("kind=\"{v}\": допустимо header, numbers, section, body")),
                };
                let mut cells = Vec::new();
                for c in &r.children {
                    match c {
                        Node::Text(t) if t.trim().is_empty() => {}
                        Node::Element(c) if c.name == "cell" => cells.push(cell(c, d)?),
                        _ => return err(r, "в <row> допустимы только <cell>"),
                    }
                }
                out.push(Row { kind, cells, revision: None });
            }
            _ => return err(el, format!("в <{}> допустимы только <row>", el.name)),
        }
    }
    Ok(out)
}

fn cell(el: &Element, d: &Defaults) -> R<Cell> {
    allow(el, &["colspan", "rowspan", "align", "valign", "bold"])?;
    let has_blocks = el
        .children
        .iter()
        .any(|c| matches!(c, Node::Element(e) if Place::Section.allowed().contains(&e.name.as_str())));
    let blocks = if has_blocks {
        blocks(el, Place::Cell, d)?
    } else {
        let mut p = paragraph(&Element { attrs: Vec::new(), ..el.clone() })?;
        p.style.align = Align::Left;
        if p.inlines.is_empty() {
            Vec::new()
        } else {
            vec![Block::Paragraph(p)]
        }
    };
    Ok(Cell {
        colspan: count(el, "colspan")?,
        rowspan: count(el, "rowspan")?,
        align: align(el)?.unwrap_or_default(),
        bold: flag(el, "bold")?,
        middle: match el.attr("valign") {
            None | Some("top") => false,
            Some("center") => true,
            Some(v) => return err(el, format!("valign=\"{v}\": допустимо top или center")),
        },
        blocks,
    })
}

/// Column widths given as shares of the text width (kept negative until the section's
/// page is known) become lengths, all in whole twips; columns wider together than the text
/// are narrowed in proportion, so they never run past the margin.
fn resolve_shares(blocks: &mut [Block], text_width: Length) {
    for b in blocks {
        if let Block::Columns(cs) = b {
            let tw = text_width.to_pt();
            for c in &mut cs.columns {
                // Whole twips, as the DOCX grid has them.
                c.width = match c.width.to_pt() {
                    share if share < 0.0 => Length::pt((-share / 100.0 * tw * 20.0).floor() / 20.0),
                    w => Length::pt((w * 20.0).round() / 20.0),
                };
            }
            let sum: f64 = cs.columns.iter().map(|c| c.width.to_pt()).sum();
            if sum > tw {
                for c in &mut cs.columns {
                    c.width = Length::pt((c.width.to_pt() * tw / sum * 20.0).floor() / 20.0);
                }
            }
        }
    }
}

/// Every row must fill the grid exactly, counting cells spanned from rows above.
fn check_grid(el: &Element, t: &Table) -> R<()> {
    let n = t.widths.len();
    for (part, rows) in [("head", &t.head), ("body", &t.body)] {
        let starts = Table::grid(rows, n);
        for (i, (row, st)) in rows.iter().zip(&starts).enumerate() {
            if let (Some(last), Some(cell)) = (st.last(), row.cells.last()) {
                if last + cell.colspan > n {
                    return err(el, format!("строка {} в <{part}> шире таблицы: столбцов {n}", i + 1));
                }
            }
            for cell in &row.cells {
                if i + cell.rowspan > rows.len() {
                    return err(el, format!("rowspan в строке {} в <{part}> выходит за конец таблицы", i + 1));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::tree::parse;

    fn read(s: &str) -> R<Vec<Section>> {
        let d = Defaults {
            margins: Margins {
                top: Length::mm(20.0),
                right: Length::mm(10.0),
                bottom: Length::mm(20.0),
                left: Length::mm(20.0),
            },
            pictures: &crate::input::pictures::Pictures::default(),
        };
        sections(&parse(s).unwrap(), &d)
    }

    #[test]
    fn whitespace_is_collapsed_but_nbsp_kept() {
        let s = read("<section><p>\n  Н.П.\u{a0}Клюева <b> Директор </b>\n <br/>  x </p></section>").unwrap();
        let Block::Paragraph(p) = &s[0].blocks[0] else { panic!() };
        assert_eq!(
            p.inlines,
            vec![
                Inline::Text("Н.П.\u{a0}Клюева ".into(), RunStyle::default()),
                Inline::Text("Директор".into(), RunStyle { bold: true, italic: false }),
                Inline::LineBreak,
                Inline::Text("x".into(), RunStyle::default()),
            ]
        );
    }

    #[test]
    fn an_automatic_number_is_data_and_the_text_keeps_what_follows_it() {
        let para = |m: &str| {
            let s = read(&format!("<section>{m}</section>")).unwrap();
            let Block::Paragraph(p) = &s[0].blocks[0] else { panic!() };
            p.clone()
        };
        let p = para("<p number=\"decimal\" level=\"2\">1.12. Провести совещание</p>");
        let n = p.style.number.expect("a number");
        assert_eq!((n.values(), n.label().as_str()), (&[1, 12][..], "1.12."));
        assert_eq!(p.inlines[0], Inline::Text(" Провести совещание".into(), RunStyle::default()));
        assert_eq!(p.shown_inlines()[0], Inline::Text("1.12. Провести совещание".into(), RunStyle::default()));
        let roman = para("<p number=\"roman\">XIV. Раздел</p>").style.number.unwrap();
        assert_eq!((roman.values(), roman.label().as_str()), (&[14][..], "XIV."));
        let paren = para("<p number=\"decimal\" list=\"3\">7)</p>").style.number.unwrap();
        assert_eq!((paren.values(), paren.label().as_str(), paren.list), (&[7][..], "7)", 3));
        // What does not read back as written stays text.
        for odd in ["<p number=\"decimal\">01. Текст</p>", "<p number=\"roman\">IIII. Текст</p>"] {
            let p = para(odd);
            assert!(p.style.number.is_none(), "{odd}");
            assert!(matches!(&p.inlines[0], Inline::Text(t, _) if t.ends_with(". Текст") && t.len() > 7), "{odd}");
        }
    }

    #[test]
    fn vocabulary_errors_are_explained() {
        assert!(read("<section><pp/></section>").unwrap_err().message.contains("неизвестный элемент <pp>"));
        assert!(read("<section><p colour=\"red\"/></section>").unwrap_err().message.contains("нет атрибута «colour»"));
        assert!(read("<section>текст</section>").unwrap_err().message.contains("оберните его в <p>"));
    }

    #[test]
    fn page_numbers_and_signature_roles_take_only_their_values() {
        assert!(!read("<section page-numbers=\"false\"></section>").unwrap()[0].page.page_numbers);
        assert!(read("<section page-numbers=\"true\"></section>").unwrap()[0].page.page_numbers);
        let e = read("<section page-numbers=\"no\"></section>").unwrap_err();
        assert!(e.message.contains("page-numbers=\"no\": допустимо true или false"), "{}", e.message);
        let sig =
            |role: &str| read(&format!("<section><signature role=\"{role}\"><name>А</name></signature></section>"));
        assert!(sig("acquaintance").is_ok());
        // A paragraph's role is no signature's role.
        assert!(sig("title").unwrap_err().message.contains("допустимо signature или acquaintance"));
    }

    #[test]
    fn hyphenate_false_marks_a_paragraph_and_other_values_are_refused() {
        let s = read("<section><p hyphenate=\"false\">a</p><p>b</p><p hyphenate=\"true\">c</p></section>").unwrap();
        let marked: Vec<bool> = s[0]
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.style.no_hyphens,
                _ => panic!("{b:?}"),
            })
            .collect();
        assert_eq!(marked, [true, false, false]);
        let e = read("<section><p hyphenate=\"no\">a</p></section>").unwrap_err();
        assert!(e.message.contains("hyphenate=\"no\"") && e.message.contains("true или false"), "{}", e.message);
    }

    #[test]
    fn blocks_that_cannot_stand_where_they_are_are_refused_not_dropped() {
        // A table in a zone panicked in the layout; in a cell it was dropped from both outputs.
        let table = "<table widths=\"1\"><body><row><cell>x</cell></row></body></table>";
        for (markup, place) in [
            (format!("<section><zone kind=\"right\">{table}</zone></section>"), "<zone> и <column>"),
            (format!("<section><columns><column width=\"50%\">{table}</column></columns></section>"), "<zone> и <column>"),
            (
                format!("<section><table widths=\"1\"><body><row><cell>{table}</cell></row></body></table></section>"),
                "<cell>",
            ),
            (
                "<section><table widths=\"1\"><body><row><cell><zone kind=\"right\"><p>a</p></zone></cell></row></body></table></section>".to_owned(),
                "<cell>",
            ),
        ] {
            let e = read(&markup).unwrap_err();
            assert!(e.message.contains(&format!("не может стоять внутри {place}")), "{markup}: {}", e.message);
        }
    }

    #[test]
    fn an_image_is_read_when_the_markup_is_and_a_missing_file_is_an_error() {
        let ok = read(&format!(
            "<section><image src=\"{}/samples/logo-sad.png\" width=\"16mm\" align=\"center\"/></section>",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let Block::Image(i) = &ok[0].blocks[0] else { panic!("{:?}", ok[0].blocks) };
        assert_eq!((i.picture.pixels, i.align), ((240, 240), Align::Center));
        assert!((i.height().to_mm() - 16.0).abs() < 1e-9);
        let e = read("<section><image src=\"/нет/такого.png\"/></section>").unwrap_err();
        assert!(e.message.contains("файла изображения «/нет/такого.png» нет"), "{}", e.message);
    }

    #[test]
    fn column_shares_become_lengths_and_never_pass_the_margin() {
        let s = read("<section><columns><column width=\"60%\"/><column width=\"60%\"/></columns></section>").unwrap();
        let Block::Columns(cs) = &s[0].blocks[0] else { panic!() };
        let text = s[0].page.text_width().to_pt();
        let sum: f64 = cs.columns.iter().map(|c| c.width.to_pt()).sum();
        assert!(sum <= text + 1e-9 && sum > text - 1.0, "{sum} of {text}");
        assert!(read("<section><columns/></section>").unwrap_err().message.contains("нет ни одной <column>"));
        assert!(read("<section><columns><column/></columns></section>").unwrap_err().message.contains("нет width"));
    }

    #[test]
    fn tables_check_their_grid() {
        let ok = "<section><table widths=\"1 1\"><body><row><cell rowspan=\"2\">a</cell><cell>b</cell></row><row><cell>c</cell></row></body></table></section>";
        assert!(read(ok).is_ok());
        let wide =
            "<section><table widths=\"1 1\"><body><row><cell colspan=\"3\">a</cell></row></body></table></section>";
        assert!(read(wide).unwrap_err().message.contains("шире таблицы"));
    }
}
