//! A readable text form of the IR, for `prikaz render --emit ir` and snapshot tests.
//! No-break spaces print as `~`, so typography is visible.

use std::fmt::Write;

use super::{Align, Block, Document, Inline, Paragraph, Row, RowKind, Table, ZoneKind};

/// The IR as indented text.
pub fn dump(doc: &Document) -> String {
    let mut out = String::new();
    let m = &doc.meta;
    let f = &doc.fonts;
    let _ = writeln!(
        out,
        "document title=«{}» author=«{}» lang={} date={}",
        m.title,
        m.author,
        m.lang,
        m.date.as_deref().unwrap_or("-")
    );
    let _ = writeln!(
        out,
        "fonts «{}» body={}pt table={}pt hyphenation={}",
        f.family,
        f.body_size.to_pt(),
        f.table_size.to_pt(),
        if f.hyphenation { "on" } else { "off" }
    );
    for s in &doc.sections {
        let p = &s.page;
        let mg = &p.margins;
        let _ = writeln!(
            out,
            "section A4 {} margins {}/{}/{}/{} mm{}",
            if p.landscape { "landscape" } else { "portrait" },
            mm(mg.top.to_mm()),
            mm(mg.right.to_mm()),
            mm(mg.bottom.to_mm()),
            mm(mg.left.to_mm()),
            if p.page_numbers { " page-numbers" } else { "" }
        );
        for b in &s.blocks {
            block(&mut out, b, 1);
        }
    }
    out
}

fn mm(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

fn pad(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn block(out: &mut String, b: &Block, depth: usize) {
    pad(out, depth);
    match b {
        Block::Paragraph(p) => {
            let _ = writeln!(out, "p{}: {}", para_attrs(p), inlines(&p.shown_inlines()));
        }
        Block::List(l) => {
            let _ = writeln!(out, "list {:?}", l.marker);
            for (i, item) in l.items.iter().enumerate() {
                pad(out, depth + 1);
                let _ = writeln!(out, "{} {}", l.marker.text(i), inlines(&item.shown_inlines()));
            }
        }
        Block::Signature(s) => {
            let _ = writeln!(
                out,
                "signature: {} ⇥ {}",
                s.position.join(" / ").replace('\u{a0}', "~"),
                s.name.replace('\u{a0}', "~")
            );
        }
        Block::Zone(z) => {
            let kind = match z.kind {
                ZoneKind::Blank => "blank",
                ZoneKind::Right => "right",
            };
            let _ = writeln!(out, "zone {kind} width={}mm", mm(z.width.to_mm()));
            for b in &z.blocks {
                block(out, b, depth + 1);
            }
        }
        Block::Image(i) => {
            let (w, h) = i.picture.pixels;
            let _ = writeln!(out, "image {w}×{h} px width={}mm {:?}", mm(i.width.to_mm()), i.align);
        }
        Block::Columns(cs) => {
            let _ = writeln!(out, "columns before={}pt", cs.space_before.to_pt());
            for c in &cs.columns {
                pad(out, depth + 1);
                let frame = if c.frame { " frame" } else { "" };
                let _ = writeln!(out, "column width={}mm{frame} {:?}", mm(c.width.to_mm()), c.valign);
                for b in &c.blocks {
                    block(out, b, depth + 2);
                }
            }
        }
        Block::Table(t) => table(out, t, depth),
    }
}

fn para_attrs(p: &Paragraph) -> String {
    let s = &p.style;
    let mut a = String::new();
    match s.align {
        Align::Left => {}
        Align::Center => a.push_str(" center"),
        Align::Right => a.push_str(" right"),
        Align::Justify => a.push_str(" justify"),
    }
    if s.first_line_indent.to_pt() != 0.0 {
        let _ = write!(a, " indent={}mm", mm(s.first_line_indent.to_mm()));
    }
    if s.left_indent.to_pt() != 0.0 {
        let _ = write!(a, " left={}mm", mm(s.left_indent.to_mm()));
    }
    if s.space_before.to_pt() != 0.0 {
        let _ = write!(a, " before={}pt", s.space_before.to_pt());
    }
    if s.space_after.to_pt() != 0.0 {
        let _ = write!(a, " after={}pt", s.space_after.to_pt());
    }
    if s.keep_with_next {
        a.push_str(" keep-next");
    }
    if s.no_hyphens {
        a.push_str(" no-hyphens");
    }
    if let Some(size) = s.size {
        let _ = write!(a, " size={}pt", size.to_pt());
    }
    a
}

fn inlines(list: &[Inline]) -> String {
    let mut s = String::new();
    for i in list {
        match i {
            Inline::Text(t, st) => {
                let t = t.replace('\u{a0}', "~");
                match (st.bold, st.italic) {
                    (true, true) => {
                        let _ = write!(s, "**_{t}_**");
                    }
                    (true, false) => {
                        let _ = write!(s, "**{t}**");
                    }
                    (false, true) => {
                        let _ = write!(s, "_{t}_");
                    }
                    (false, false) => s.push_str(&t),
                }
            }
            Inline::LineBreak => s.push_str(" ⏎ "),
            Inline::Tab => s.push_str(" ⇥ "),
        }
    }
    s
}

fn table(out: &mut String, t: &Table, depth: usize) {
    let widths: Vec<String> = t.widths.iter().map(|w| format!("{w}")).collect();
    let _ = writeln!(out, "table widths={}", widths.join(" "));
    for (part, rows) in [("head", &t.head), ("body", &t.body)] {
        for r in rows.iter() {
            row(out, part, r, depth + 1);
        }
    }
}

fn row(out: &mut String, part: &str, r: &Row, depth: usize) {
    pad(out, depth);
    let kind = match r.kind {
        RowKind::Header => "header",
        RowKind::Numbers => "numbers",
        RowKind::Section => "section",
        RowKind::Body => "row",
    };
    let _ = write!(out, "{part} {kind}:");
    for c in &r.cells {
        let mut attrs = String::new();
        if c.colspan > 1 {
            let _ = write!(attrs, "c{}", c.colspan);
        }
        if c.rowspan > 1 {
            let _ = write!(attrs, "r{}", c.rowspan);
        }
        if c.bold {
            attrs.push('b');
        }
        if c.middle {
            attrs.push('m');
        }
        let text: Vec<String> = c
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => inlines(&p.shown_inlines()),
                Block::List(l) => l
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, p)| format!("{} {}", l.marker.text(i), inlines(&p.shown_inlines())))
                    .collect::<Vec<_>>()
                    .join(" ¶ "),
                _ => "[block]".to_owned(),
            })
            .collect();
        if attrs.is_empty() {
            let _ = write!(out, " | {}", text.join(" ¶ "));
        } else {
            let _ = write!(out, " |[{attrs}] {}", text.join(" ¶ "));
        }
    }
    out.push_str(" |\n");
}
