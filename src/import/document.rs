//! A Word document's body into an input document: the order (бланк, requisites, title,
//! preamble, points, signature, acquaintance) when the document has one, and each
//! appendix — its mark, its title and its roadmap table, or its numbered list, or its
//! prose. Every part it cannot carry over is named in the summary, never dropped quietly.

use crate::diag::Diagnostic;

use super::docx::{Block, Grid, Para, Picture, Placed, Read};
use super::table::{self, Options};
use super::Imported;
use crate::input::deadline_text::DateStyle;
use crate::input::model::{
    self as m, Appendix, AppendixKind, ApprovalKind, ClauseBlock, ClauseObject, Document, GrammaticalForm, IsoDate,
    List, ListItem, ListMarker, MarkStyle, PersonRef, Point,
};

/// The order an appendix's mark cites, when the file holds no order of its own.
struct Cited {
    date: IsoDate,
    number: String,
    issuer: Option<String>,
    title: Option<String>,
}

/// The order as read, and the title's style as the document sets it (bold, centred), which
/// goes into the document's `style`.
type ReadOrder = (m::Order, Option<m::TitleStyle>);

/// Order kinds as the бланк prints them.
const KINDS: [&str; 5] = ["ПРИКАЗ", "РАСПОРЯЖЕНИЕ", "ПОСТАНОВЛЕНИЕ", "РЕШЕНИЕ", "ПРИКАЗЫВАЮ"];

fn letters(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn order_kind(p: &Para) -> Option<String> {
    kind_word(&p.text)
}

/// «ПРИКАЗ», «П Р И К А З», «РАСПОРЯЖЕНИЕ» … as a line of its own.
fn kind_word(line: &str) -> Option<String> {
    let w = letters(line);
    KINDS[..4].iter().find(|k| w == **k).map(|k| (*k).to_owned())
}

/// The first line of an appendix's mark. «Приложение: на 2 л. в 1 экз.» in an order's
/// text (the note that something is attached) is not one.
fn mark_start(p: &Para) -> bool {
    let t = p.text.trim_start();
    let head: String = t.chars().take(12).collect::<String>().to_lowercase();
    let note = t.chars().skip("приложение".len() / 2).find(|c| !c.is_whitespace()) == Some(':');
    (head.starts_with("приложение") && !note || head.starts_with("утвержден")) && t.chars().count() < 200
}

/// The first line of a гриф.
fn grif_head(text: &str) -> bool {
    let t = text.trim();
    let t = t.to_uppercase();
    let t = t.trim_end_matches(':');
    ["УТВЕРЖДАЮ", "СОГЛАСОВАНО", "ПРИНЯТО"].iter().any(|h| t == *h || t.starts_with(&format!("{h}\n")))
}

/// A table of грифы: a cell whose first word is a гриф's («УТВЕРЖДАЮ», «Согласовано»,
/// «УТВЕРЖДЕН приказом …»), not a plan whose activity starts «Утверждение …».
fn is_grif(g: &Grid) -> bool {
    !table::is_roadmap(g)
        && g.rows.iter().flat_map(|r| &r.cells).any(|c| {
            let t = c.text().to_uppercase();
            let word = t.split(|ch: char| !ch.is_alphabetic()).next().unwrap_or("");
            ["УТВЕРЖДАЮ", "СОГЛАСОВАНО", "ПРИНЯТО", "УТВЕРЖДЕН", "УТВЕРЖДЕНА", "УТВЕРЖДЕНО", "УТВЕРЖДЕНЫ"]
                .contains(&word)
        })
}

/// Builds the document; `title` names a plan whose title the document does not give,
/// `stem` the files written beside the input file.
pub fn build(read: &Read, title: &str, stem: &str) -> Result<Imported, Diagnostic> {
    let opened = open_blank_cell(&read.blocks);
    let blocks = opened.as_deref().unwrap_or(&read.blocks[..]);
    let mut summary = Vec::new();
    let mut files = Vec::new();
    let kind_at = blocks.iter().position(|b| matches!(&b.block, Block::Para(p) if order_kind(p).is_some()));
    // Where appendices start: a mark's first line, or a гриф, each opening a part.
    let mut starts: Vec<usize> = Vec::new();
    let mut in_mark = false;
    for (i, b) in blocks.iter().enumerate() {
        match &b.block {
            Block::Para(p) if mark_start(p) && kind_at.is_none_or(|k| i > k) => {
                if !in_mark && !starts.last().is_some_and(|&s| grif_then_mark(blocks, s, i)) {
                    starts.push(i);
                }
                in_mark = true;
            }
            Block::Para(p) if p.text.is_empty() => {}
            Block::Table(g) if is_grif(g) && kind_at.is_none_or(|k| i > k) => {
                if !starts.last().is_some_and(|&s| only_marks_between(blocks, s, i)) {
                    starts.push(i);
                }
                in_mark = false;
            }
            _ => in_mark = false,
        }
    }
    // A roadmap table with no mark before it: its part starts after the order (at the last
    // page break before it), or at the top.
    let first_roadmap = blocks.iter().position(|b| matches!(&b.block, Block::Table(g) if table::is_roadmap(g)));
    if let Some(t) = first_roadmap {
        if starts.first().is_none_or(|&s| s > t) {
            let s = match kind_at {
                Some(_) => blocks[..t].iter().rposition(|b| b.block == Block::PageBreak).map_or(t, |p| p + 1),
                None => 0,
            };
            starts.insert(0, s);
        }
    }
    let order_end = starts.first().copied().unwrap_or(blocks.len());
    let mut doc = Document { schema: Some(super::SCHEMA.to_owned()), ..Document::default() };
    let mut order: Option<ReadOrder> = None;
    if let Some(k) = kind_at.filter(|&k| k < order_end) {
        let (blank, o) = order_from(&blocks[..order_end], k, &mut summary);
        if let Some(mut b) = blank {
            // A picture above the бланк's text is its logo: written beside the input file.
            let logo = paras(&blocks[..k]).flat_map(|p| &p.pictures).next();
            if let Some(pic) = logo {
                let name = format!("{stem}-логотип.{}", pic.extension);
                summary.push(format!("логотип бланка сохранён в {name}"));
                files.push((name.clone(), pic.bytes.clone()));
                b.logo = Some(m::Logo { path: name, width_mm: Some(pic.width_mm) });
            }
            doc.blank = Some(b);
        }
        order = Some(o);
    }
    let mut appendices = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let e = starts.get(n + 1).copied().unwrap_or(blocks.len());
        let has_order = order.is_some() || doc.order.is_some();
        if let Some(a) = appendix_from(&blocks[s..e], n, title, has_order, &mut doc, &mut summary)? {
            appendices.push(a);
        }
    }
    if order.is_none() && appendices.is_empty() {
        return Err(Diagnostic::error(
            "в документе не найдены ни приказ (слово «ПРИКАЗ» отдельной строкой), ни таблица плана \
             (столбец «Мероприятие» или «Наименование мероприятия»)",
        ));
    }
    // Explicit appendix numbers only where they differ from the automatic ones.
    let count = appendices.len();
    for (i, a) in appendices.iter_mut().enumerate() {
        let auto = (count > 1).then_some(i as u32 + 1);
        if a.number.is_some() && a.number == auto {
            a.number = None;
        }
    }
    if let Some((o, title_style)) = order {
        // A point that names the single appendix refers to it.
        if count == 1 {
            appendices[0].id = Some("plan".to_owned());
        }
        if let Some(t) = title_style {
            doc.style.title = t;
        }
        doc.order = Some(o);
    }
    doc.appendices = appendices;
    // Pictures in the body other than the бланк's logo (a stamp, a facsimile, a scheme):
    // the format has no place for them.
    let logo_at = kind_at
        .and_then(|k| blocks[..k].iter().position(|b| matches!(&b.block, Block::Para(p) if !p.pictures.is_empty())));
    let mut n = 0;
    for (i, b) in blocks.iter().enumerate() {
        let Block::Para(p) = &b.block else { continue };
        if !p.text.trim().is_empty() || !p.boxes.is_empty() {
            n += 1;
        }
        let skip = usize::from(Some(i) == logo_at && doc.blank.is_some());
        for pic in p.pictures.iter().skip(skip) {
            summary.push(format!(
                "не перенесено: рисунок шириной {:.0} мм у абзаца {} — в формате для него нет места",
                pic.width_mm,
                n.max(1)
            ));
        }
    }
    for pic in &read.footer_pictures {
        match qr_from(pic) {
            Some(qr) => {
                summary.push(format!("QR-код: {}", qr.text));
                doc.qr = Some(qr);
            }
            None => summary.push(format!(
                "изображение в нижнем колонтитуле ({} мм) не перенесено: это не QR-код, который удалось прочитать",
                pic.width_mm
            )),
        }
    }
    sizes_from(blocks, kind_at.unwrap_or(0), &mut doc, &mut summary);
    // The net looks at the document as it is, the cells beside an opened бланк included.
    super::kept::keep_the_rest(&read.blocks, &read.margins, &mut doc, &mut summary);
    Ok(Imported { document: doc, summary, files, places: Vec::new(), notes: Vec::new() })
}

/// The font sizes the document's text and its plans' tables are set in, kept in `style`
/// when they differ from ours (14 and 12 pt): the size most of their letters have.
fn sizes_from(blocks: &[Placed], from: usize, doc: &mut Document, summary: &mut Vec<String>) {
    let mut body: Vec<(f64, usize)> = Vec::new();
    let mut table: Vec<(f64, usize)> = Vec::new();
    let count = |into: &mut Vec<(f64, usize)>, p: &Para| {
        let Some(size) = p.size_pt else { return };
        let n = p.text.chars().filter(|c| c.is_alphanumeric()).count();
        match into.iter_mut().find(|(s, _)| *s == size) {
            Some((_, k)) => *k += n,
            None => into.push((size, n)),
        }
    };
    for b in &blocks[from..] {
        match &b.block {
            Block::Para(p) => count(&mut body, p),
            Block::Table(g) if table::is_roadmap(g) => {
                g.rows.iter().flat_map(|r| &r.cells).flat_map(|c| &c.paras).for_each(|p| count(&mut table, p))
            }
            _ => {}
        }
    }
    let most = |v: &[(f64, usize)]| {
        v.iter().filter(|(_, n)| *n > 0).max_by_key(|(s, n)| (*n, (*s * 2.0) as u32)).map(|(s, _)| *s)
    };
    let mut said = Vec::new();
    let style = &mut doc.style;
    for (into, what, ours, size) in [
        (&mut style.body_size_pt, "текста", 14.0, most(&body)),
        (&mut style.table_size_pt, "таблицы плана", 12.0, most(&table)),
    ] {
        if let Some(size) = size.filter(|s| (6.0..=72.0).contains(s) && (s - ours).abs() >= 0.5) {
            *into = size;
            said.push(format!("{what} {size} пт"));
        }
    }
    if !said.is_empty() {
        summary.push(format!("кегль {} — как в документе (по умолчанию 14 и 12 пт)", said.join(", ")));
    }
}

/// A QR code in a picture: what it holds and its printed size.
fn qr_from(pic: &Picture) -> Option<m::Qr> {
    let img = image::load_from_memory(&pic.bytes).ok()?.to_luma8();
    let (w, h) = (img.width() as usize, img.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| img.get_pixel(x as u32, y as u32).0[0]);
    let grids = prepared.detect_grids();
    let (_, text) = grids.first()?.decode().ok()?;
    let size = pic.width_mm.clamp(15.0, 40.0);
    // Within a twentieth of a millimetre of the usual 20 mm, it is the usual size.
    Some(m::Qr { text, size_mm: if (size - 20.0).abs() < 0.05 { 20.0 } else { size } })
}

/// A corner бланк laid out as a table whose cell holds the kind and the requisites too
/// («АДМИНИСТРАЦИЯ … / ПРИКАЗ / 12.09.2024 № 245 / г. Энск»): the body with that table
/// replaced by the cell's paragraphs (set as a corner бланк), so the order is read as if
/// typed in paragraphs. The other cells are left to the import's net. `None` when the
/// kind stands outside tables, or in none.
fn open_blank_cell(blocks: &[Placed]) -> Option<Vec<Placed>> {
    if blocks.iter().any(|b| matches!(&b.block, Block::Para(p) if order_kind(p).is_some())) {
        return None;
    }
    let (at, cell) = blocks.iter().enumerate().find_map(|(i, b)| match &b.block {
        Block::Table(g) if !table::is_roadmap(g) => g
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .find(|c| c.paras.iter().flat_map(|p| p.text.split('\n')).any(|l| kind_word(l).is_some()))
            .map(|c| (i, c)),
        _ => None,
    })?;
    let mut out = blocks[..at].to_vec();
    let landscape = blocks[at].landscape;
    // Lines typed with Shift+Enter in the cell are read as paragraphs of their own.
    for p in &cell.paras {
        for line in p.text.split('\n') {
            let para = Para {
                text: line.trim().to_owned(),
                parts: vec![line.trim().to_owned()].into_iter().filter(|l| !l.is_empty()).collect(),
                narrow: true,
                ..p.clone()
            };
            out.push(Placed { block: Block::Para(para), landscape });
        }
    }
    out.extend(blocks[at + 1..].iter().cloned());
    Some(out)
}

fn grif_then_mark(blocks: &[Placed], s: usize, i: usize) -> bool {
    matches!(&blocks[s].block, Block::Table(g) if is_grif(g)) && only_marks_between(blocks, s, i)
}

fn only_marks_between(blocks: &[Placed], s: usize, i: usize) -> bool {
    blocks[s..i].iter().all(|b| match &b.block {
        Block::Para(p) => p.text.is_empty() || p.right || mark_start(p),
        Block::Table(g) => is_grif(g),
        Block::PageBreak => false,
    })
}

fn paras(blocks: &[Placed]) -> impl Iterator<Item = &Para> {
    blocks.iter().filter_map(|b| match &b.block {
        Block::Para(p) => Some(p),
        _ => None,
    })
}

// ---------------------------------------------------------------- the order

fn order_from(blocks: &[Placed], kind_at: usize, summary: &mut Vec<String>) -> (Option<m::Blank>, ReadOrder) {
    let Block::Para(kind_para) = &blocks[kind_at].block else { unreachable!("found as a paragraph") };
    let kind = order_kind(kind_para).unwrap_or_default();
    let mut number: Option<String> = None;
    let mut date: Option<IsoDate> = None;
    let mut date_format = m::OrderDateFormat::Numeric;
    let mut date_line = m::DateLine::Stacked;
    let mut place: Option<String> = None;
    let mut date_pattern: Option<String> = None;
    let (above, beside, in_cell) = blank_lines(&blocks[..kind_at]);
    let mut blank = blank_from(above.iter().collect());
    // The other cell of a бланк laid out as a table (an addressee, a stamp's place): the
    // format has no place for it, so it is named, not dropped.
    for t in beside {
        summary.push(format!("не перенесено: правая ячейка бланка «{}» — впишите её в нужное поле сами", cut(&t, 60)));
    }
    // The угловой бланк is kept to the left 80 mm (typed so, or in the left cell of a
    // layout table); the продольный spans the page.
    if let Some(b) = blank.as_mut() {
        if !kind_para.narrow && !in_cell {
            b.layout = m::BlankLayout::Centered;
        }
    }
    // Requisites: the first paragraphs after the kind hold the date and the number (and a place).
    let lines = lines_of(&blocks[kind_at + 1..]);
    let rest: Vec<&Para> = lines.iter().filter(|p| !p.text.is_empty()).collect();
    let mut i = 0;
    let mut found_date = false;
    let mut blank_date_line = false;
    while i < rest.len().min(4) {
        let t = &rest[i].text;
        // «по основной деятельности», «по личному составу» under the kind: the format has
        // no place for it; named, not taken for the title.
        if !found_date && i == 0 && is_kind_subtitle(t) {
            summary
                .push(format!("строка под видом документа «{}» не перенесена: в формате для неё нет поля", cut(t, 60)));
            i += 1;
            continue;
        }
        // A date that does not exist («31.02.2024»): the requisites line, said.
        if !found_date {
            if let Some(bad) = impossible_date(t) {
                summary
                    .push(format!("дата «{bad}» в строке «{}» не существует: впишите верную дату приказа", cut(t, 60)));
                blank_date_line = true;
                if let Some(num) = t.split_once('№').map(|(_, n)| n.trim()).filter(|n| !n.is_empty()) {
                    number = Some(num.to_owned());
                }
                i += 1;
                continue;
            }
        }
        if let Some((day, words)) = find_date(t).or_else(|| find_short_date(t)) {
            date = Some(day);
            if words {
                date_format = m::OrderDateFormat::Words;
            }
            found_date = true;
            // «№ 98-о», «№26/1», a number typed over a blank «№_2_____».
            if let Some(num) = t.split_once('№').map(|(_, n)| n.trim_matches(|c: char| c == '_' || c.is_whitespace()))
            {
                if !num.is_empty() {
                    number = Some(num.to_owned());
                }
            }
            // Date and number pushed apart by tabs (or in two cells), a place between them.
            let parts = &rest[i].parts;
            if parts.len() >= 2 && find_date(&parts[0]).is_some() && parts[parts.len() - 1].contains('№') {
                date_line = m::DateLine::Spread;
                if parts.len() >= 3 {
                    place = Some(parts[1..parts.len() - 1].join(" "));
                }
            }
            // The date as typed («от 02.09.2024 г.»), when it is not our default form.
            let date_part = t.split('№').next().unwrap_or("");
            let date_part = match (&place, rest[i].parts.first()) {
                (Some(_), Some(first)) => first.as_str(),
                _ => date_part,
            };
            if let Some(p) = date_pattern_of(date_part, words) {
                date_pattern = Some(p);
            }
            // Words of the line the printed requisites leave out.
            let lower = |s: &Option<String>| s.as_deref().unwrap_or("").to_lowercase();
            let (pattern, number, place) = (lower(&date_pattern), lower(&number), lower(&place));
            let extra: Vec<&str> = t
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().count() >= 2)
                .filter(|w| {
                    let l = w.to_lowercase();
                    let month = words && (1..=12).any(|m| crate::ru::dates::month_genitive(m) == l);
                    let said = number.contains(&l) || place.contains(&l) || pattern.contains(&l);
                    !month && !said
                })
                .collect();
            if !extra.is_empty() {
                summary.push(format!(
                    "в строке даты «{}» встроенный шаблон не печатает «{}»",
                    cut(t, 60),
                    extra.join(" ")
                ));
            }
            i += 1;
            continue;
        }
        // The number on its own line under the date.
        if found_date && number.is_none() && t.starts_with('№') {
            let num = t.trim_start_matches('№').trim_matches(|c: char| c == '_' || c.is_whitespace());
            if !num.is_empty() {
                number = Some(num.to_owned());
            }
            i += 1;
            continue;
        }
        // A date line left blank to be filled in by hand: «от «___» ______ 20__ г. № ____».
        if !found_date && !blank_date_line && t.contains("__") && (t.contains('№') || t.starts_with("от")) {
            blank_date_line = true;
            summary.push(format!(
                "дата и номер приказа в документе не заполнены («{}»): впишите дату и номер приказа (поля «Дата документа» и «Регистрационный номер»)",
                cut(t, 60)
            ));
            let parts = &rest[i].parts;
            if parts.len() >= 2 && parts[parts.len() - 1].contains('№') {
                date_line = m::DateLine::Spread;
            }
            i += 1;
            continue;
        }
        if found_date && (t.starts_with("г.") || t.starts_with("с.") || t.starts_with("п.") || t.starts_with("пгт"))
        {
            place = Some(t.clone());
            i += 1;
            continue;
        }
        break;
    }
    if !found_date {
        if !blank_date_line {
            summary.push("дата и номер приказа не найдены: впишите дату и номер приказа (поля «Дата документа» и «Регистрационный номер»)".to_owned());
        }
        number.get_or_insert_with(|| "—".to_owned());
    } else if number.is_none() {
        number = Some("—".to_owned());
        summary.push("номер приказа не найден: впишите его (поле «Регистрационный номер»)".to_owned());
    }
    let rest = &rest[i..];
    let title = rest.first().map(|p| p.text.clone()).unwrap_or_default();
    // The title's bold and centring are the document's choices: kept as style.
    let (bold, centered) = (rest.first().is_some_and(|p| p.bold), rest.first().is_some_and(|p| p.centered));
    let title_style = (bold || centered).then(|| {
        summary.push("заголовок приказа набран полужирным или по центру — так и оставлен (style.title)".to_owned());
        let mut t = m::TitleStyle { bold, ..m::TitleStyle::default() };
        if centered {
            (t.align, t.full_width) = (m::TitleAlign::Center, true);
        }
        t
    });
    // Preamble up to the decree word; points; then the signature and the acquaintance.
    let mut preamble = Vec::new();
    let mut decree = None;
    let mut k = 1;
    // Where the signature starts and the acquaintance list: the points end before them.
    let acquaintance_at = rest.iter().position(|p| is_acquaintance_label(&p.text)).unwrap_or(rest.len());
    let signature_line = (1..acquaintance_at).rev().find(|&j| is_signature_line(rest[j]));
    let signature_at = signature_line
        .map(|j| {
            // A position on lines of its own above the name's line belongs to the signature.
            let mut s = j;
            while s > 1 && is_position_line(rest[s - 1]) {
                s -= 1;
            }
            s
        })
        .unwrap_or(acquaintance_at);
    while k < signature_at {
        let t = rest[k].text.trim();
        if let Some(word) = decree_word(t) {
            decree = Some((word, false, t.ends_with(':')));
            k += 1;
            break;
        }
        // No decree word: the points start at the first numbered paragraph.
        if rest[k].label.is_some() || point_of(rest[k]).is_some() {
            break;
        }
        // «… приказываю:» closing the preamble's last paragraph.
        if let Some(stem) = inline_decree(t) {
            preamble.push(stem);
            decree = Some(("ПРИКАЗЫВАЮ".to_owned(), true, true));
            k += 1;
            break;
        }
        preamble.push(t.to_owned());
        k += 1;
    }
    if decree.is_none() && k >= signature_at {
        // Nothing numbered: what was taken for the preamble holds the points' text; kept as
        // the preamble, said.
        summary.push("распорядительное слово («ПРИКАЗЫВАЮ:») и нумерованные пункты не найдены: текст приказа перенесён в преамбулу — разделите его на пункты".to_owned());
    }
    let mut points: Vec<Point> = Vec::new();
    let mut markers = None;
    let mut typed_parens = false;
    while k < signature_at {
        let p = rest[k];
        let Some((level, text, label, bullet)) = point_of(p) else {
            // With no signature line found, the points end at the first line that is none.
            if signature_line.is_none() {
                break;
            }
            // A line between points: «а) …», «– …», «Ответственный: …» belong to the point
            // above, as a line of its text; «Основание: …», «Разослать: …», «Исп.: …» have
            // no place in the points (the import's net keeps them).
            let t = p.text.trim();
            let aside = ["Основание", "Разослать", "Исп", "Рассылка", "Приложение:"].iter().any(|w| t.starts_with(w));
            if !aside && !t.is_empty() {
                if let Some(last) = last_point(&mut points) {
                    let text = last.text.as_deref().unwrap_or("");
                    last.text = Some(format!("{text}\n{t}"));
                }
            }
            k += 1;
            continue;
        };
        typed_parens |= label.ends_with(')');
        if markers.is_none() {
            markers = Some(if !bullet {
                m::PointMarkers::Numbers
            } else if label.contains('•') {
                m::PointMarkers::Bullets
            } else {
                m::PointMarkers::Dashes
            });
        }
        push_point(&mut points, level.min(2), Point::new(text));
        k += 1;
    }
    if typed_parens {
        summary.push("пункты набраны «1)»; печатаются с точкой: «1.»".to_owned());
    }
    if points.is_empty() && decree.is_some() {
        summary.push(
            "пункты приказа не найдены (абзацы после «ПРИКАЗЫВАЮ:», набранные «1.», «1)», «–» или списком Word)"
                .to_owned(),
        );
    }
    // Signature: the lines up to the acquaintance label; the name is the last part of the last line.
    let mut sig: Vec<&Para> = Vec::new();
    while k < acquaintance_at {
        sig.push(rest[k]);
        k += 1;
    }
    let signatory = signatory_from(&sig, summary);
    let decree = decree.map_or_else(m::Decree::default, |(word, inline, colon)| m::Decree {
        word,
        placement: if inline { m::DecreePlacement::Inline } else { m::DecreePlacement::OwnLine },
        colon,
    });
    let mut acquaintance = None;
    if k < rest.len() {
        let label = rest[k].text.trim().to_owned();
        let mut people: Vec<PersonRef> = Vec::new();
        for p in &rest[k + 1..] {
            match name_in_line(p) {
                Some(n) => {
                    // Words beside the name and the blanks (a position) have no place here: named.
                    let rest = p.text.replace(n.as_str(), " ");
                    let left: Vec<&str> =
                        rest.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 2).collect();
                    if !left.is_empty() {
                        summary.push(format!(
                            "не перенесено из строки листа ознакомления «{}»: «{}»",
                            cut(&p.text, 60),
                            left.join(" ")
                        ));
                    }
                    people.push(PersonRef::Written(n));
                }
                None => summary.push(format!("не перенесено: строка листа ознакомления «{}»", cut(&p.text, 60))),
            }
        }
        if !people.is_empty() {
            // The automatic label is what a list of several prints; one person's label is
            // kept as typed (the automatic one guesses «ознакомлен» or «ознакомлена»).
            let label = (!(people.len() >= 2 && label == "С приказом ознакомлены:")).then_some(label);
            acquaintance = Some(m::Acquaintance { label, people });
        }
    }
    summary.push(format!(
        "приказ: «{}», пунктов {}{}",
        cut(&title, 60),
        points.len(),
        if blank.is_some() { ", бланк" } else { "" }
    ));
    let body = m::OrderBody { preamble, decree, points, markers: markers.unwrap_or_default(), signatory, acquaintance };
    let order = m::Order {
        kind,
        // Not found: a date the summary tells the user to fill in.
        date: date.unwrap_or_else(|| IsoDate::from_ymd(2000, 1, 1).expect("a real day")),
        number: number.unwrap_or_default(),
        place,
        date_line,
        date_format,
        date_pattern,
        title,
        issuer: None,
        body: Some(body),
    };
    (blank, (order, title_style))
}

/// Paragraphs, and the rows of layout tables (a requisites line, a signature with an
/// e-signature mark) as lines whose parts are their cells.
fn lines_of(blocks: &[Placed]) -> Vec<Para> {
    let mut out = Vec::new();
    for b in blocks {
        match &b.block {
            Block::Para(p) => out.push(p.clone()),
            Block::Table(g) => {
                for r in &g.rows {
                    let parts: Vec<String> = r.cells.iter().map(|c| c.text()).filter(|t| !t.is_empty()).collect();
                    out.push(Para { text: parts.join(" "), parts, ..Para::default() });
                }
            }
            Block::PageBreak => {}
        }
    }
    out
}

/// The e-signature mark's text: «ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ / Сертификат … /
/// Владелец … / Действителен с … по …».
fn e_signature(text: &str) -> Option<m::ESignature> {
    if !text.starts_with("ДОКУМЕНТ ПОДПИСАН") {
        return None;
    }
    let field = |label: &str| text.lines().find_map(|l| l.trim().strip_prefix(label)).map(|v| v.trim().to_owned());
    let valid = field("Действителен с ")?;
    let (from, to) = valid.split_once(" по ")?;
    Some(m::ESignature {
        certificate: field("Сертификат ")?,
        owner: field("Владелец "),
        valid_from: find_date(from)?.0,
        valid_to: find_date(to)?.0,
    })
}

fn cut(s: &str, n: usize) -> String {
    let flat = s.replace('\n', " ");
    let s = flat.as_str();
    let c: String = s.chars().take(n).collect();
    if c.len() < s.len() {
        c + "…"
    } else {
        c
    }
}

fn push_point(points: &mut Vec<Point>, level: usize, point: Point) {
    match points.last_mut() {
        Some(last) if level > 0 => push_point(&mut last.points, level - 1, point),
        _ => points.push(point),
    }
}

fn decree_word(t: &str) -> Option<String> {
    let w = t.trim_end_matches(':').trim();
    let caps = !w.is_empty() && w.chars().all(|c| c.is_uppercase() || c == ' ') && w.chars().count() < 30;
    if caps && (w.ends_with("Ю") || w.ends_with("ЕТ") || w.ends_with("ИЛ")) {
        return Some(letters(w));
    }
    // «приказываю:», «п р и к а з ы в а ю:» on a line of their own.
    let joined = letters(w).to_uppercase();
    (t.trim_end().ends_with(':')
        && ["ПРИКАЗЫВАЮ", "ПОСТАНОВЛЯЮ", "ОБЯЗЫВАЮ", "РЕШИЛ", "ПРЕДЛАГАЮ"].contains(&joined.as_str()))
    .then_some(joined)
}

/// The preamble's last paragraph without the decree word at its end («…, приказываю:»,
/// «… п р и к а з ы в а ю:»).
fn inline_decree(t: &str) -> Option<String> {
    let t = t.trim_end();
    let body = t.strip_suffix(':')?;
    // The word's letters, maybe spaced out, from the end.
    let mut letters_seen = String::new();
    let mut cut = body.len();
    for (i, c) in body.char_indices().rev() {
        if c == ' ' {
            continue;
        }
        if !c.is_alphabetic() || letters_seen.chars().count() >= 10 {
            break;
        }
        letters_seen.insert(0, c);
        cut = i;
        if letters_seen.to_uppercase() == "ПРИКАЗЫВАЮ" {
            break;
        }
    }
    (letters_seen.to_uppercase() == "ПРИКАЗЫВАЮ" && cut > 0)
        .then(|| body[..cut].trim_end().trim_end_matches(',').to_owned())
        .filter(|s| !s.is_empty())
}

/// A point as typed or numbered by Word: its level, text, label and whether a bullet.
fn point_of(p: &Para) -> Option<(usize, String, String, bool)> {
    if let Some(l) = &p.label {
        return Some((p.level as usize, p.text.clone(), l.clone(), p.bullet));
    }
    let t = p.text.trim();
    if let Some((num, text)) = super::table::typed_point(t) {
        return Some((num.trim_end_matches(['.', ')']).split('.').count() - 1, text, num, false));
    }
    // «1.Назначить» with no space after the number.
    let digits = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(0);
    if digits > 0 && t[..digits].ends_with('.') && t[digits..].starts_with(char::is_uppercase) {
        let num = &t[..digits];
        return Some((num.trim_end_matches('.').split('.').count() - 1, t[digits..].to_owned(), num.to_owned(), false));
    }
    // «– текст», «- текст», «• текст».
    for (mark, sign) in [("– ", "–"), ("- ", "–"), ("— ", "–"), ("• ", "•")] {
        if let Some(text) = t.strip_prefix(mark) {
            return Some((0, text.trim().to_owned(), sign.to_owned(), true));
        }
    }
    None
}

/// The last point written, at any depth.
fn last_point(points: &mut [Point]) -> Option<&mut Point> {
    let last = points.last_mut()?;
    if last.points.is_empty() {
        return Some(last);
    }
    last_point(&mut last.points)
}

/// The label over an acquaintance list: «С приказом ознакомлены:», «С распоряжением
/// ознакомлен(а):», «Ознакомлены:», «Лист ознакомления».
fn is_acquaintance_label(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    l.chars().count() < 60
        && (["с приказом", "с распоряжением", "с постановлением", "с решением"].iter().any(|w| l.starts_with(w))
            && l.contains("ознакомл")
            || l.starts_with("ознакомлен")
            || l.starts_with("лист ознакомления"))
}

/// A signature's line: a position and a name pushed apart (tabs, blanks, a cell) or an
/// e-signature mark.
fn is_signature_line(p: &Para) -> bool {
    let parts = signature_parts(p, &mut Vec::new());
    parts.len() >= 2 && parts.last().is_some_and(|n| looks_like_name(n)) && !p.text.starts_with("Исп")
        || p.parts.iter().any(|t| t.starts_with("ДОКУМЕНТ ПОДПИСАН"))
}

/// A line of a signatory's position above the name's line («Директор МБОУ», «СОШ № 5»).
fn is_position_line(p: &Para) -> bool {
    let t = p.text.trim();
    let heads = [
        "Директор",
        "Заведующ",
        "Начальник",
        "Руководител",
        "Председател",
        "И.о.",
        "И. о.",
        "Глава",
        "Заместитель",
        "Врио",
        "ВрИО",
    ];
    heads.iter().any(|h| t.starts_with(h)) && t.chars().count() < 80 && point_of(p).is_none()
}

/// «И.О. Фамилия», «Фамилия И.О.» or a full name: two or three words, one with an initial.
fn looks_like_name(s: &str) -> bool {
    let s = s.trim();
    let has_initial = s.contains('.') && s.chars().next().is_some_and(char::is_uppercase);
    has_initial && s.split_whitespace().count() <= 3 && !s.contains('_')
}

/// The name on an acquaintance line as people type it: «Смирнова Е.А.», with a tab or
/// underscores for the signature before or after it, a date blank («20____ г. М.В.
/// Иванова»), a position before it («учитель ______ Смирнова Е.А.»): the last piece
/// between blanks, or the last two or three words of one, that looks like a name.
fn name_in_line(p: &Para) -> Option<String> {
    let whole = [p.text.clone()];
    let parts = if p.parts.len() > 1 { &p.parts[..] } else { &whole[..] };
    let pieces: Vec<&str> = parts
        .iter()
        .flat_map(|part| part.split(['_', '\t', '…']))
        .map(|piece| piece.trim().trim_matches(|c: char| c == '(' || c == ')' || c == ',' || c == ':').trim())
        .filter(|piece| !piece.is_empty())
        .collect();
    pieces.iter().rev().find_map(|piece| {
        let words: Vec<&str> = piece.split_whitespace().collect();
        (1..=words.len().min(3))
            .rev()
            .map(|n| words[words.len() - n..].join(" "))
            .find(|candidate| looks_like_name(candidate))
    })
}

/// A signature line's pieces: its tab stops or cells, and the blanks for the signature
/// («Директор ____________ А.С. Гончаров»), slashes around a name («/Гусев А.Н./») and
/// the place of the seal («М.П.») left out.
fn signature_parts(p: &Para, summary: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for part in &p.parts {
        for piece in part.split("___") {
            let piece = piece.trim_matches(|c: char| c == '_' || c == '/' || c.is_whitespace());
            if piece.is_empty() {
                continue;
            }
            if matches!(piece, "М.П." | "М.П" | "МП" | "м.п.") {
                summary.push(format!("«{piece}» (место печати) у подписи не перенесено: в формате для него нет места"));
                continue;
            }
            out.push(piece.to_owned());
        }
    }
    out
}

fn signatory_from(lines: &[&Para], summary: &mut Vec<String>) -> m::Signatory {
    let parts: Vec<Vec<String>> = lines.iter().map(|p| signature_parts(p, &mut Vec::new())).collect();
    // The signature ends at the line holding the name (after tabs, blanks or in a cell of
    // its own) or the e-signature mark; lines after it (the executor's «Исп.: …», a note)
    // are not the signature: the import's net keeps them.
    let end = (0..lines.len())
        .position(|i| {
            parts[i].len() >= 2 && parts[i].last().is_some_and(|n| looks_like_name(n))
                || lines[i].parts.iter().any(|t| t.starts_with("ДОКУМЕНТ ПОДПИСАН"))
        })
        .or_else(|| (0..lines.len()).position(|i| parts[i].len() >= 2))
        .or_else(|| lines.iter().rposition(|p| looks_like_name(&p.text)).filter(|&i| i > 0));
    let count = end.map_or(lines.len(), |e| e + 1);
    let mut position: Vec<String> = Vec::new();
    let mut person = String::new();
    let mut esign = None;
    for (i, p) in lines[..count].iter().enumerate() {
        let last = i + 1 == count;
        let pieces = signature_parts(p, summary);
        if let Some(at) = p.parts.iter().position(|t| t.starts_with("ДОКУМЕНТ ПОДПИСАН")) {
            esign = e_signature(&p.parts[at]);
            if esign.is_none() {
                summary.push(
                    "отметку об электронной подписи не удалось разобрать: заполните её в поле «Электронная подпись» подписи"
                        .to_owned(),
                );
            }
            position.extend(p.parts[..at].iter().flat_map(|t| t.split('\n').map(str::to_owned)));
            person = p.parts.get(at + 1..).and_then(|r| r.last()).cloned().unwrap_or_default();
        } else if last && pieces.len() >= 2 {
            position.extend(pieces[..pieces.len() - 1].iter().flat_map(|t| t.split('\n').map(str::to_owned)));
            person = pieces.last().cloned().unwrap_or_default();
        } else if last && looks_like_name(&p.text) && !position.is_empty() {
            person = p.text.trim_matches(|c: char| c == '_' || c == '/' || c.is_whitespace()).to_owned();
        } else {
            position.extend(p.text.split('\n').map(str::to_owned));
        }
    }
    if person.is_empty() {
        summary.push("подпись не распознана: впишите должность и имя подписывающего в поле «Подпись»".to_owned());
    }
    m::Signatory { position, person: PersonRef::Written(person), e_signature: esign }
}

/// The pattern of a date as a requisites line types it («от 02.09.2024 г.» → «от {ДД}.{ММ}.{ГГГГ}
/// г.»), when it differs from the form `date_format` prints; the text around the date kept.
fn date_pattern_of(typed: &str, words: bool) -> Option<String> {
    let typed = typed.trim();
    let tokens: Vec<&str> = typed.split_whitespace().collect();
    let (pattern, default) = if words {
        // «30 августа 2024 г.», «"30" августа 2024 года»: the day, the month word, the year.
        let m =
            tokens.iter().position(|w| (1..=12).any(|k| crate::ru::dates::month_genitive(k) == w.to_lowercase()))?;
        let day = *tokens.get(m.checked_sub(1)?)?;
        let year = *tokens.get(m + 1)?;
        let digits: String = day.chars().filter(char::is_ascii_digit).collect();
        let day_field = if digits.len() == 2 && digits.starts_with('0') { "{ДД}" } else { "{Д}" };
        let mut out: Vec<String> = tokens[..m - 1].iter().map(|s| s.to_string()).collect();
        out.push(day.replacen(&digits, day_field, 1));
        out.push("{месяца}".to_owned());
        out.push(year.replacen(year.trim_matches(|c: char| !c.is_ascii_digit()), "{ГГГГ}", 1));
        out.extend(tokens[m + 2..].iter().map(|s| s.to_string()));
        (out.join(" "), "{Д} {месяца} {ГГГГ} г.")
    } else {
        let at = tokens.iter().position(|w| find_date(w).is_some() || find_short_date(w).is_some())?;
        let w = tokens[at];
        let core = w.trim_matches(|c: char| !c.is_ascii_digit());
        let day_field = if core.split('.').next()?.len() == 1 { "{Д}" } else { "{ДД}" };
        let mut out: Vec<String> = tokens[..at].iter().map(|s| s.to_string()).collect();
        let year_field = if core.rsplit('.').next().is_some_and(|y| y.len() == 2) { "{ГГ}" } else { "{ГГГГ}" };
        out.push(w.replacen(core, &format!("{day_field}.{{ММ}}.{year_field}"), 1));
        out.extend(tokens[at + 1..].iter().map(|s| s.to_string()));
        (out.join(" "), "{ДД}.{ММ}.{ГГГГ}")
    };
    (pattern != default).then_some(pattern)
}

/// «по основной деятельности» under the kind: a short line in lower case starting «по ».
fn is_kind_subtitle(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    l.starts_with("по ") && l.chars().count() < 60 && !l.chars().any(|c| c.is_ascii_digit())
}

/// A date with a two-digit year in a requisites line: «02.09.24» (ISO; 20yy).
fn find_short_date(t: &str) -> Option<(IsoDate, bool)> {
    t.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        let p: Vec<&str> = w.split('.').collect();
        if p.len() != 3 || p[0].is_empty() || p[0].len() > 2 || p[1].len() != 2 || p[2].len() != 2 {
            return None;
        }
        let (d, m, y) = (p[0].parse().ok()?, p[1].parse().ok()?, p[2].parse::<i32>().ok()?);
        Some((IsoDate::from_ymd(2000 + y, m, d)?, false))
    })
}

/// A token shaped like a date that is none («31.02.2024», «12.13.2024»).
fn impossible_date(t: &str) -> Option<String> {
    t.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        let p: Vec<&str> = w.split('.').collect();
        let shaped = p.len() == 3
            && (1..=2).contains(&p[0].len())
            && p[1].len() == 2
            && (p[2].len() == 4 || p[2].len() == 2)
            && p.iter().all(|x| x.bytes().all(|b| b.is_ascii_digit()));
        if !shaped || find_date(w).is_some() || find_short_date(w).is_some() {
            return None;
        }
        Some(w.to_owned())
    })
}

/// A date in a requisites line: «28.08.2023» or «28 августа 2023 г.» (ISO, and whether in words).
pub(super) fn find_date(t: &str) -> Option<(IsoDate, bool)> {
    let words: Vec<&str> = t.split(|c: char| c.is_whitespace() || c == '\t').filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = w.split('.').collect();
        if parts.len() == 3 && parts[0].len() <= 2 && parts[1].len() == 2 && parts[2].len() == 4 {
            if let (Ok(d), Ok(m), Ok(y)) = (parts[0].parse(), parts[1].parse(), parts[2].parse()) {
                if let Some(date) = IsoDate::from_ymd(y, m, d) {
                    return Some((date, false));
                }
            }
        }
        // «28 августа 2023 г.» and «"28" августа 2023 г.»
        if let (Ok(d), Some(m), Some(y)) = (
            w.parse::<u32>(),
            words
                .get(i + 1)
                .and_then(|m| (1..=12u32).find(|&k| crate::ru::dates::month_genitive(k) == m.to_lowercase())),
            words.get(i + 2).and_then(|y| y.parse::<i32>().ok()),
        ) {
            if let Some(date) = IsoDate::from_ymd(y, m, d) {
                return Some((date, true));
            }
        }
    }
    None
}

/// The бланк's lines above the kind: its paragraphs, and a layout table's first filled
/// cell of each row (the organisation, often with a logo or an addressee beside it); the
/// texts of the other filled cells are returned apart, and whether the бланк stood in
/// the left cell of a table of several columns (a corner бланк).
fn blank_lines(blocks: &[Placed]) -> (Vec<Para>, Vec<String>, bool) {
    let mut lines = Vec::new();
    let mut beside = Vec::new();
    let mut in_cell = false;
    for b in blocks {
        match &b.block {
            Block::Para(p) if !p.text.is_empty() => lines.push(p.clone()),
            Block::Table(g) => {
                for r in &g.rows {
                    let mut filled = r.cells.iter().filter(|c| !c.text().trim().is_empty());
                    if let Some(first) = filled.next() {
                        lines.extend(first.paras.iter().filter(|p| !p.text.is_empty()).cloned());
                        in_cell |= g.columns() > 1 && first.colspan < g.columns();
                    }
                    beside.extend(filled.map(|c| c.text().replace('\n', " ")));
                }
            }
            _ => {}
        }
    }
    (lines, beside, in_cell)
}

fn blank_from(lines: Vec<&Para>) -> Option<m::Blank> {
    if lines.is_empty() {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut b = m::Blank {
        parents: Vec::new(),
        organization: m::Organization { full_name: String::new(), short_name: None },
        address: None,
        phone: None,
        fax: None,
        email: None,
        site: None,
        logo: None,
        layout: m::BlankLayout::Corner,
    };
    // A paragraph's lines are looked at one by one (a бланк typed with Shift+Enter holds
    // the name, the address and the phone in one paragraph); the name's lines stay together.
    let mut split: Vec<String> = Vec::new();
    for p in lines {
        let mut name_lines: Vec<&str> = Vec::new();
        for line in p.text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            if is_contact_or_address(line) {
                if !name_lines.is_empty() {
                    split.push(name_lines.join("\n"));
                    name_lines.clear();
                }
                split.push(line.to_owned());
            } else {
                name_lines.push(line);
            }
        }
        if !name_lines.is_empty() {
            split.push(name_lines.join("\n"));
        }
    }
    for t in &split {
        let t = t.as_str();
        let mut contact = false;
        let mut other: Vec<&str> = Vec::new();
        for part in t.split(", ") {
            let pl = part.to_lowercase();
            let value = |prefixes: &[&str]| {
                prefixes.iter().find_map(|pre| pl.strip_prefix(pre).map(|_| part[pre.len()..].trim().to_owned()))
            };
            if let Some(v) = value(&["телефон ", "тел. ", "тел.: ", "телефон: "]) {
                b.phone = Some(v);
                contact = true;
            } else if let Some(v) = value(&["факс ", "факс: "]) {
                b.fax = Some(v);
                contact = true;
            } else if let Some(v) = value(&["e-mail: ", "e-mail ", "email: "]) {
                b.email = Some(v);
                contact = true;
            } else if pl.starts_with("http") || pl.starts_with("www.") {
                b.site = Some(part.trim().to_owned());
                contact = true;
            } else {
                other.push(part);
            }
        }
        if contact {
            // «623700, …, ул. Мира, 15, тел. (34364) 2-11-22»: the address before the phone.
            let address = other.join(", ");
            if is_address(&address) && b.address.is_none() {
                b.address = Some(address);
            }
            continue;
        }
        if is_address(t) {
            b.address = Some(t.to_owned());
            continue;
        }
        names.push(t.to_owned());
    }
    b.organization.full_name = names.pop()?;
    b.parents = names;
    Some(b)
}

/// A бланк line that is an address: a postcode first, or a street.
fn is_address(line: &str) -> bool {
    let l = line.to_lowercase();
    let postcode = line.len() > 6 && line.chars().take(6).all(|c| c.is_ascii_digit());
    postcode || l.contains("ул.") || l.contains("улица")
}

/// A бланк line that is a contact (phone, fax, e-mail, site) or an address.
fn is_contact_or_address(line: &str) -> bool {
    let l = line.to_lowercase();
    let starts = ["телефон", "тел.", "тел:", "факс", "e-mail", "email", "эл. почта", "http", "www."];
    starts.iter().any(|s| l.starts_with(s)) || is_address(line)
}

// ---------------------------------------------------------------- appendices

fn appendix_from(
    blocks: &[Placed],
    index: usize,
    fallback_title: &str,
    has_order: bool,
    doc: &mut Document,
    summary: &mut Vec<String>,
) -> Result<Option<Appendix>, Diagnostic> {
    let mut i = 0;
    let mut approvals: Vec<m::Approval> = Vec::new();
    // Грифы before the mark.
    while i < blocks.len() {
        match &blocks[i].block {
            Block::Table(g) if is_grif(g) => {
                for cell in g.rows.iter().flat_map(|r| &r.cells).map(|c| c.text()).filter(|t| !t.is_empty()) {
                    match approval_from(&cell) {
                        Some(v) => approvals.push(v),
                        None => summary.push(format!(
                            "гриф «{}» не разобран: опишите его в appendices[{index}].approvals",
                            cut(cell.lines().next().unwrap_or(""), 30)
                        )),
                    }
                }
                i += 1;
            }
            Block::Para(p) if p.text.is_empty() => i += 1,
            // A гриф typed as paragraphs: its head, then the lines set as it is (at the
            // right, or flush left), up to an empty line, a centred title or another гриф.
            Block::Para(p) if grif_head(&p.text) => {
                let mut lines = vec![p.text.clone()];
                i += 1;
                while let Some(Block::Para(q)) = blocks.get(i).map(|b| &b.block) {
                    let same_place = q.right == p.right && (p.centered || !q.centered);
                    if q.text.is_empty() || !same_place || grif_head(&q.text) || mark_start(q) || lines.len() >= 8 {
                        break;
                    }
                    lines.push(q.text.clone());
                    i += 1;
                }
                let text = lines.join("\n");
                match approval_from(&text) {
                    Some(v) => approvals.push(v),
                    None => summary.push(format!(
                        "гриф «{}» не разобран: опишите его в appendices[{index}].approvals",
                        cut(&lines[0], 30)
                    )),
                }
            }
            _ => break,
        }
    }
    // The mark: lines from its start while they read as a mark.
    let mut mark_lines: Vec<String> = Vec::new();
    while let Some(Block::Para(p)) = blocks.get(i).map(|b| &b.block) {
        let t = p.text.trim();
        // Until the cited order's date and number, short lines go on the mark (its issuer
        // typed over several lines flush left: «приказом директора» / «МБОУ «Лицей № 2»»).
        let requisites_seen = mark_lines.iter().any(|l| l.contains('№') && find_date(l).is_some());
        let markish = mark_start(p)
            || (!mark_lines.is_empty()
                && (p.right
                    || t.starts_with("к ")
                    || t.starts_with("от ")
                    || t.starts_with("приказом")
                    || !requisites_seen && !p.centered && t.chars().count() < 80))
                && p.heading.is_none();
        if !markish || t.is_empty() && mark_lines.is_empty() {
            break;
        }
        if !t.is_empty() {
            mark_lines.extend(t.split('\n').map(str::to_owned));
        }
        i += 1;
    }
    let mut cited = None;
    let mut number = None;
    let mut mark = mark_from(&mark_lines, has_order, doc, &mut number, &mut cited);
    if let Some(o) = cited {
        match o.title {
            Some(title) if doc.order.is_none() => {
                // The cited order stands as the document's order (with no text of its own).
                summary.push(format!("приказ, к которому относится приложение: № {}", o.number));
                doc.order = Some(m::Order {
                    kind: "ПРИКАЗ".to_owned(),
                    date: o.date,
                    number: o.number,
                    place: None,
                    date_line: m::DateLine::Stacked,
                    date_format: m::OrderDateFormat::Numeric,
                    date_pattern: None,
                    title,
                    issuer: o.issuer,
                    body: None,
                });
            }
            _ => {
                mark.with_order_title = false;
                (mark.date, mark.number) = (Some(o.date), Some(o.number));
                if o.issuer.is_some() {
                    mark.issuer = o.issuer;
                }
            }
        }
    }
    if !approvals.is_empty() {
        summary.push(format!("приложение {}: грифов {}", index + 1, approvals.len()));
    }
    let rest = &blocks[i..];
    let table_at = rest.iter().position(|b| matches!(&b.block, Block::Table(g) if table::is_roadmap(g)));
    // The title: headings before the table (or the content), else the first paragraphs.
    let before = &rest[..table_at.unwrap_or(rest.len())];
    let title_paras: Vec<&Para> = {
        let headed: Vec<&Para> = paras(before).filter(|p| p.heading == Some(1) && !p.text.is_empty()).collect();
        if !headed.is_empty() {
            headed
        } else {
            let centered: Vec<&Para> = paras(before).filter(|p| !p.text.is_empty() && p.centered).take(3).collect();
            if centered.is_empty() {
                // A title typed flush left is still the title: taken, not dropped.
                paras(before).filter(|p| !p.text.is_empty()).take(3).collect()
            } else {
                centered
            }
        }
    };
    let mut title = title_paras.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    // A line under a heading title («Период 2021–2024 гг.») is its subtitle.
    let subtitle = title_paras.last().and_then(|last| {
        paras(before)
            .skip_while(|p| !std::ptr::eq(*p, *last))
            .skip(1)
            .find(|p| !p.text.is_empty())
            .filter(|p| p.heading.is_none() && last.heading == Some(1))
    });
    let period = period_of(&format!("{title} {}", subtitle.map_or("", |p| p.text.as_str())));
    let mut a = match table_at {
        Some(t) => {
            let Block::Table(grid) = &rest[t].block else { unreachable!("found as a table") };
            // Dates in deadlines as the document writes them: in figures, or in words
            // (a document-wide setting, `style.deadline_dates`).
            let with =
                |dates| table::convert(grid, &Options { section_column: false, one_filled_is_section: false, dates });
            let mut converted = with(DateStyle::Numeric)?;
            if converted.deadlines.0 < converted.deadlines.1 {
                let words = with(DateStyle::Words)?;
                // Set once, by the first plan that needs it: the setting is the document's.
                if words.deadlines.0 > converted.deadlines.0 && doc.style == m::Style::default() {
                    doc.style.deadline_dates = m::DeadlineDates::Words;
                    converted = words;
                }
            }
            if title.is_empty() {
                title =
                    if converted.caption.is_empty() { fallback_title.to_owned() } else { converted.caption.join("\n") };
            }
            let mut a = Appendix::new(AppendixKind::Roadmap, title.clone());
            a.orientation = Some(if rest[t].landscape { m::Orientation::Landscape } else { m::Orientation::Portrait });
            a.table = Some(converted.table);
            summary.push(format!("приложение {}: план «{}»", index + 1, cut(&title.replace('\n', " "), 60)));
            summary.extend(converted.summary.into_iter().map(|s| format!("  {s}")));
            let more =
                rest[t + 1..].iter().filter(|b| matches!(&b.block, Block::Table(g) if table::is_roadmap(g))).count();
            if more > 0 {
                summary.push(format!("  ещё таблиц плана в этом приложении: {more}; перенесена только первая"));
            }
            a
        }
        None => {
            let body: Vec<&Para> = paras(rest)
                .filter(|p| {
                    !p.text.is_empty() && !title_paras.contains(p) && !subtitle.is_some_and(|s| std::ptr::eq(*p, s))
                })
                .collect();
            // Tables that are not a plan («Состав рабочей группы»: № | ФИО | Должность): their
            // rows as list items, the cells joined by a dash.
            let (rows, headers) = table_rows(rest);
            let columns = if headers.is_empty() {
                String::new()
            } else {
                format!("; столбцы «{}»", headers.join("», «"))
            };
            if body.is_empty() && title.is_empty() && rows.is_empty() {
                return Ok(None);
            }
            if title.is_empty() {
                title = fallback_title.to_owned();
            }
            let numbered = body.iter().filter(|p| p.label.is_some() && !p.bullet).count();
            if body.is_empty() {
                summary.push(format!(
                    "приложение {}: список «{}» из таблицы, {} строк (ячейки строки — через «—»{columns})",
                    index + 1,
                    cut(&title, 60),
                    rows.len()
                ));
                let mut a = Appendix::new(AppendixKind::List, title.clone());
                a.items = Some(rows.into_iter().map(ListItem::Text).collect());
                a
            } else if numbered > 0 && numbered == body.len() && rows.is_empty() {
                // The list prints its own «;» and final «.».
                let items = body.iter().map(|p| ListItem::Text(p.text.trim_end_matches([';', '.']).to_owned()));
                let mut a = Appendix::new(AppendixKind::List, title.clone());
                a.items = Some(items.collect());
                summary.push(format!("приложение {}: список «{}», {} строк", index + 1, cut(&title, 60), numbered));
                a
            } else {
                let mut clauses = clauses_from(&body);
                if !rows.is_empty() {
                    if let Some(last) = clauses.last_mut() {
                        let list = List { marker: ListMarker::NumberedDot, items: rows };
                        last.blocks.push(ClauseBlock::Object(ClauseObject::List(list)));
                    }
                    summary.push(format!(
                        "приложение {}: строки таблицы — списком в конце текста (ячейки — через «—»{columns})",
                        index + 1
                    ));
                }
                summary.push(format!("приложение {}: текст «{}», {} абзацев", index + 1, cut(&title, 60), body.len()));
                let mut a = Appendix::new(AppendixKind::Text, title.clone());
                a.clauses = Some(clauses);
                a
            }
        }
    };
    a.number = number;
    a.mark = mark;
    a.approvals = approvals;
    a.subtitle = subtitle.map(|p| p.text.clone());
    a.period = period;
    Ok(Some(a))
}

/// The rows of the tables of a part that are not a plan, each as one line: its cells
/// joined by « — », a cell holding only the row's number and a header row left out.
fn table_rows(blocks: &[Placed]) -> (Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut headers = Vec::new();
    for b in blocks {
        let Block::Table(g) = &b.block else { continue };
        if table::is_roadmap(g) || is_grif(g) {
            continue;
        }
        for (r, row) in g.rows.iter().enumerate() {
            let cells: Vec<String> = row.cells.iter().map(|c| c.text().replace('\n', " ")).collect();
            let header = r == 0
                && cells.iter().any(|c| {
                    let l = c.to_lowercase();
                    l == "№"
                        || l.starts_with("№ п")
                        || l.contains("фио")
                        || l.contains("ф.и.о")
                        || l.contains("фамилия")
                        || l.starts_with("должность")
                });
            if header {
                headers.extend(cells.into_iter().filter(|c| !c.trim().is_empty()));
                continue;
            }
            let kept: Vec<&str> = cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty() && !c.trim_end_matches(['.', ')']).chars().all(|ch| ch.is_ascii_digit()))
                .collect();
            if !kept.is_empty() {
                out.push(kept.join(" — "));
            }
        }
    }
    (out, headers)
}

/// The period a title names: «2023–2024 учебный год» (a school year), «2021–2024 гг.»,
/// «на 2024 год».
fn period_of(text: &str) -> Option<m::Period> {
    let chars: Vec<char> = text.chars().collect();
    let year_at = |i: usize| -> Option<i32> {
        let s: String = chars.get(i..i + 4)?.iter().collect();
        let ok = s.chars().all(|c| c.is_ascii_digit())
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
            && !(i > 0 && chars[i - 1].is_ascii_digit());
        ok.then(|| s.parse().ok()).flatten().filter(|y| (1990..=2100).contains(y))
    };
    for i in 0..chars.len() {
        let Some(a) = year_at(i) else { continue };
        let mut j = i + 4;
        while chars.get(j).is_some_and(|c| matches!(c, ' ' | '-' | '–' | '—')) {
            j += 1;
        }
        if let Some(b) = year_at(j).filter(|b| *b > a && j > i + 4) {
            let after: String = chars[j + 4..].iter().take(12).collect::<String>().to_lowercase();
            return Some(if b == a + 1 && after.trim_start().starts_with("учебн") {
                m::Period::SchoolYear(a)
            } else {
                m::Period::Years(m::YearSpan { from: a, to: b })
            });
        }
    }
    None
}

/// Prose: clauses at level-2 headings (or bold centred lines), paragraphs, lists and
/// numbered points as written.
fn clauses_from(body: &[&Para]) -> Vec<m::Clause> {
    let mut clauses: Vec<m::Clause> = Vec::new();
    let mut blocks: Vec<ClauseBlock> = Vec::new();
    let mut title: Option<String> = None;
    let flush = |clauses: &mut Vec<m::Clause>, title: &mut Option<String>, blocks: &mut Vec<ClauseBlock>| {
        if title.is_none() && blocks.is_empty() {
            return;
        }
        clauses.push(m::Clause {
            title: title.take(),
            paragraphs: Vec::new(),
            points: Vec::new(),
            blocks: std::mem::take(blocks),
        });
    };
    let list = |marker, items| ClauseBlock::Object(ClauseObject::List(List { marker, items }));
    let mut i = 0;
    while i < body.len() {
        let p = body[i];
        if p.heading == Some(2) || p.heading.is_none() && p.bold && p.centered {
            flush(&mut clauses, &mut title, &mut blocks);
            let t = super::table::typed_point(&p.text).map_or(p.text.clone(), |(_, rest)| rest);
            title = Some(t);
        } else if p.bullet {
            let mut items = Vec::new();
            let marker = if p.label.as_deref().is_some_and(|l| l.contains('•')) {
                ListMarker::Bullet
            } else {
                ListMarker::Dash
            };
            while i < body.len() && body[i].bullet {
                items.push(body[i].text.clone());
                i += 1;
            }
            blocks.push(list(marker, items));
            continue;
        } else if p.label.as_deref().is_some_and(|l| title.is_some() && !l.trim_end_matches(['.', ')']).contains('.')) {
            // «1.», «2)» under a numbered clause: a numbered list, not the clause's points («3.1.»).
            let paren = p.label.as_deref().is_some_and(|l| l.ends_with(')'));
            let mut items = Vec::new();
            while i < body.len()
                && body[i]
                    .label
                    .as_deref()
                    .is_some_and(|l| !body[i].bullet && !l.trim_end_matches(['.', ')']).contains('.'))
            {
                items.push(body[i].text.clone());
                i += 1;
            }
            blocks.push(list(if paren { ListMarker::Numbered } else { ListMarker::NumberedDot }, items));
            continue;
        } else if let Some(label) = &p.label {
            let mut point = Point::new(p.text.clone());
            point.number = Some(label.trim_end_matches(['.', ')']).to_owned());
            blocks.push(ClauseBlock::Object(ClauseObject::Point(Box::new(point))));
        } else {
            blocks.push(ClauseBlock::Text(p.text.clone()));
        }
        i += 1;
    }
    flush(&mut clauses, &mut title, &mut blocks);
    clauses
}

/// One гриф from its cell: «УТВЕРЖДАЮ / Директор … / ________ Е.В. Смирнова / «30» августа
/// 2024 г.», «СОГЛАСОВАНО / на заседании … / Протокол от 30.08.2024 № 1», «ПРИНЯТО …»,
/// «УТВЕРЖДЕН приказом … от … № …».
fn approval_from(text: &str) -> Option<m::Approval> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let head = *lines.first()?;
    let upper = head.trim_end_matches(':').to_uppercase();
    let kind = match upper.as_str() {
        "УТВЕРЖДАЮ" => ApprovalKind::Approve,
        "СОГЛАСОВАНО" => ApprovalKind::Agreed,
        "ПРИНЯТО" => ApprovalKind::Accepted,
        h if h.starts_with("УТВЕРЖДЕН") => ApprovalKind::Approved,
        _ => return None,
    };
    let mut a = m::Approval {
        kind,
        position: Vec::new(),
        person: None,
        date: None,
        body: None,
        protocol: None,
        act: None,
        // «Утверждаю» as the organisation writes it.
        word: (kind != ApprovalKind::Approved && head != upper).then(|| head.to_owned()),
        date_line: true,
    };
    if kind == ApprovalKind::Approved {
        // «УТВЕРЖДЕН приказом <issuer> от <date> № <number>», on one or more lines.
        let rest = lines[1..].join(" ");
        let rest = rest.trim();
        let (word, tail) = rest.split_once(' ')?;
        let (issuer, after) = tail.split_once(" от ").map_or(("", tail), |(i, r)| (i, r));
        let (date, number) = after.split_once('№').map(|(d, n)| (d.trim(), n.trim()))?;
        a.act = Some(m::Act {
            kind: (word != "приказом").then(|| word.to_owned()),
            issuer: Some(issuer.trim().to_owned()).filter(|i| !i.is_empty()),
            date: find_date(date)?.0,
            number: number.to_owned(),
        });
        return Some(a);
    }
    let mut position = Vec::new();
    let mut body = Vec::new();
    let mut signed = false;
    for line in &lines[1..] {
        if line.starts_with('_') {
            signed = true;
            let name = line.trim_start_matches(['_', ' ']);
            if !name.is_empty() {
                a.person = Some(PersonRef::Written(name.to_owned()));
            }
        } else if let Some(rest) = line.strip_prefix("Протокол") {
            let (title, after) = rest.split_once(" от ")?;
            let (date, number) = after.split_once('№')?;
            a.protocol = Some(m::Protocol {
                title: (!title.trim().is_empty()).then(|| format!("Протокол{title}")),
                date: find_date(date)?.0,
                number: number.trim().to_owned(),
                line: None,
            });
        } else if signed {
            // The date line: a date, or blanks to fill in by hand. An act's requisites
            // («Приказ от … № …») have no place in this гриф: the import's net keeps them.
            let l = line.to_lowercase();
            if l.starts_with("приказ") || l.starts_with("распоряжение") {
                // The act that approves, under the signature: «Приказ № 112 от 30.08.2024».
                if let (Some((date, _)), Some(number)) = (find_date(line), act_number(line)) {
                    a.act = Some(m::Act {
                        kind: l.starts_with("распоряжение").then(|| "распоряжением".to_owned()),
                        issuer: None,
                        date,
                        number,
                    });
                }
                continue;
            }
            if let Some((d, _)) = find_date(&line.replace(['«', '»'], " ")) {
                a.date = Some(d);
            }
        } else {
            position.push(line.to_string());
            body.push(*line);
        }
    }
    if signed {
        a.position = position;
    } else if !body.is_empty() {
        a.body = Some(body.join("\n"));
    }
    Some(a)
}

/// The number of an act's line, before or after its date: «№ 112 от 30.08.2024», «от
/// 30.08.2024 № 112».
fn act_number(line: &str) -> Option<String> {
    let after = line.split_once('№')?.1.trim_start();
    let number: String = after.split(" от ").next().unwrap_or(after).trim().to_owned();
    (!number.is_empty()).then_some(number)
}

/// The mark; `number` receives the appendix's number it prints, `cited` the order it
/// cites when the file holds no order.
fn mark_from(
    lines: &[String],
    has_order: bool,
    doc: &mut Document,
    number: &mut Option<u32>,
    cited: &mut Option<Cited>,
) -> m::Mark {
    let text = lines.join(" ");
    let appendix = text.starts_with("Приложение") || text.contains("Приложение");
    let approved = text.to_uppercase().contains("УТВЕРЖДЕН");
    let mut mark = m::Mark {
        style: match (appendix, approved) {
            (true, true) => MarkStyle::Both,
            (true, false) => MarkStyle::Appendix,
            (false, true) => MarkStyle::Approved,
            (false, false) => MarkStyle::None,
        },
        ..m::Mark::default()
    };
    if lines.is_empty() {
        return mark;
    }
    // The word's form as typed («УТВЕРЖДЕНО» over a «ПЛАН»): kept, not guessed from the title.
    let form = ["УТВЕРЖДЕНЫ", "УТВЕРЖДЕНА", "УТВЕРЖДЕНО", "УТВЕРЖДЕН"]
        .iter()
        .zip([GrammaticalForm::Plural, GrammaticalForm::Feminine, GrammaticalForm::Neuter, GrammaticalForm::Masculine])
        .find(|(w, _)| text.to_uppercase().contains(*w))
        .map(|(_, f)| f);
    mark.approved_form = form.filter(|_| approved);
    if let Some(after) = text.split_once("Приложение").map(|(_, r)| r.trim_start()) {
        let signed = after.strip_prefix('№').map(str::trim_start);
        let digits: String = signed.unwrap_or(after).chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse::<u32>() {
            *number = Some(n);
            if signed.is_none() {
                mark.number_sign = false;
            }
        }
    }
    if text.contains('«') && find_date(&text.replace(['«', '»'], " ")).is_some_and(|(_, w)| w) && text.contains("» ")
    {
        mark.date_format = m::DateFormat::QuotedDay;
    } else if find_date(&text).is_some_and(|(_, w)| w) {
        mark.date_format = m::DateFormat::Words;
    }
    // «к приказу МКУ ДПО «…» от …»: who issued the order.
    let issuer = text
        .split_once("к приказу ")
        .or_else(|| text.split_once("приказом "))
        .map(|(_, r)| {
            // A mark that goes straight on to the date or the number («к приказу от
            // 30.08.2024 № 98-о», «к приказу № 15 от …») names no issuer; otherwise the
            // issuer («МБОУ «СШ № 7»») ends where « от » begins.
            if r.starts_with("от ") || r.starts_with('№') {
                return String::new();
            }
            r.split(" от ").next().unwrap_or(r).trim().to_owned()
        })
        .filter(|s| !s.is_empty());
    if has_order && !text.contains("к приказу") && appendix {
        mark.to_order = false;
    }
    if let Some(iss) = issuer {
        match doc.blank.as_mut().map(|b| &mut b.organization) {
            Some(org) if org.short_name.is_none() => org.short_name = Some(iss),
            Some(org) if org.short_name.as_deref() == Some(iss.as_str()) => {}
            _ => mark.issuer = Some(iss),
        }
    }
    // The order's title in «» under the date line.
    let from_line = lines.iter().position(|l| l.starts_with("от ") || l.contains(" от "));
    let cited_title = from_line
        .and_then(|i| lines.get(i + 1))
        .filter(|l| l.starts_with('«') && l.ends_with('»'))
        .map(|l| l.trim_start_matches('«').trim_end_matches('»').to_owned());
    mark.with_order_title = cited_title.is_some();
    if !has_order {
        // The mark cites an order this file does not hold: its date, number and title.
        let line = from_line.map(|i| lines[i].as_str()).unwrap_or("");
        let date = find_date(&line.replace(['«', '»'], " "));
        let number = line.rsplit_once('№').map(|(_, n)| n.trim().to_owned());
        match (date, number) {
            (Some((date, _)), Some(number)) => {
                *cited = Some(Cited { date, number, issuer: mark.issuer.take(), title: cited_title });
            }
            // «Приложение № 3» alone prints as it is; a «УТВЕРЖДЕН» mark needs an order.
            _ if !appendix => mark.style = MarkStyle::None,
            _ => {}
        }
    }
    mark
}
