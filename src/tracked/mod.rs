//! Tracked changes (`render НОВЫЙ --changes-from СТАРЫЙ`): the new version's document model
//! with the old version's differences in it as Word revisions — words, paragraphs, list
//! items, table rows, signatures and pictures added or taken away — so that accepting
//! every change gives the new document's text and rejecting every change the old one's.
//!
//! Blocks, list items and table rows are paired as `diff` pairs rows (by similarity of
//! their texts in order, then by place): an inserted row is one inserted row, not every
//! later row changed. Rows joined by a vertical span move together. A table whose columns
//! changed is replaced whole.
//!
//! The PDF of such a render is the new document with a bar in the left margin beside every
//! line that changed, and beside the line after something taken away ([`bars`]).

pub mod bars;
mod words;

use crate::diff::align::{pair, Key};
use crate::doc::{Block, Cell, Document, Inline, List, Paragraph, Revision, Row, Signature, Table};

/// The merged document and what the PDF marks.
pub struct Merged<'n> {
    /// The new version with the old one's differences as revisions, for the DOCX writer.
    pub doc: Document,
    /// Paragraphs of the new version that changed or follow something taken away.
    pub changed: Vec<&'n Paragraph>,
    /// Signatures of the new version that changed.
    pub changed_signatures: Vec<&'n Signature>,
}

/// Merges two versions' document models (each as `Engine::ir` built it).
pub fn merge<'n>(old: &Document, new: &'n Document) -> Merged<'n> {
    let mut m = Merger { changed: Vec::new(), signatures: Vec::new(), pending: false, last: None };
    let mut sections = Vec::with_capacity(new.sections.len());
    for (k, section) in new.sections.iter().enumerate() {
        let blocks = match old.sections.get(k) {
            Some(o) => m.blocks(&o.blocks, &section.blocks),
            None => section.blocks.iter().map(|b| m.inserted(b)).collect(),
        };
        sections.push(crate::doc::Section { blocks, ..section.clone() });
    }
    // Sections the new version no longer has: their text, taken away, closes the last one.
    if let Some(last) = sections.last_mut() {
        for gone in old.sections.iter().skip(new.sections.len()) {
            last.blocks.extend(gone.blocks.iter().map(|b| whole(b, Revision::Deleted)));
            m.pending = true;
        }
    }
    if m.pending {
        if let Some(p) = m.last {
            m.changed.push(p);
        }
    }
    Merged {
        doc: Document { sections, ..new.clone() },
        changed: m.changed,
        changed_signatures: m.signatures,
    }
}

struct Merger<'n> {
    changed: Vec<&'n Paragraph>,
    signatures: Vec<&'n Signature>,
    /// Something was taken away: the next paragraph of the new version gets the bar.
    pending: bool,
    /// The last paragraph of the new version passed, for a removal at the very end.
    last: Option<&'n Paragraph>,
}

impl<'n> Merger<'n> {
    fn blocks(&mut self, old: &[Block], new: &'n [Block]) -> Vec<Block> {
        let pairs = monotone(pair(&keys(old, block_key), &keys(new, block_key)));
        let mut out = Vec::with_capacity(new.len());
        self.walk(old.len(), new.len(), &pairs, |m, step| match step {
            Step::Gone(i) => {
                out.push(whole(&old[i], Revision::Deleted));
                m.pending = true;
            }
            Step::Came(j) => out.push(m.inserted(&new[j])),
            Step::Paired(i, j) => out.extend(m.block(&old[i], &new[j])),
        });
        out
    }

    /// Calls `step` for the two sides in the new version's order, what the old side lost
    /// before what the new side gained.
    fn walk(&mut self, olds: usize, news: usize, pairs: &[(usize, usize)], mut step: impl FnMut(&mut Self, Step)) {
        let mut next_old = 0;
        let mut pairs_at = pairs.iter().peekable();
        for j in 0..news {
            let upto = pairs_at.peek().map_or(olds, |p| p.0);
            let paired = pairs_at.peek().filter(|p| p.1 == j).map(|p| p.0);
            for i in next_old..upto {
                step(self, Step::Gone(i));
            }
            next_old = next_old.max(upto);
            match paired {
                Some(i) => {
                    pairs_at.next();
                    step(self, Step::Paired(i, j));
                    next_old = i + 1;
                }
                None => step(self, Step::Came(j)),
            }
        }
        for i in next_old..olds {
            step(self, Step::Gone(i));
        }
    }

    fn inserted(&mut self, b: &'n Block) -> Block {
        self.mark_all(b);
        whole(b, Revision::Inserted)
    }

    /// Two paired blocks: the same block unchanged, or the new one with the changes.
    fn block(&mut self, old: &Block, new: &'n Block) -> Vec<Block> {
        if old == new || same_picture(old, new) {
            self.pass(new);
            return vec![new.clone()];
        }
        match (old, new) {
            // A paragraph keeps its place only in the same kind of numbering: a point that
            // became a sub-point, or lost its number, is one taken away and one added, so
            // rejecting brings back its old number.
            (Block::Paragraph(o), Block::Paragraph(n)) if same_numbering(o, n) => {
                self.mark(n);
                vec![Block::Paragraph(words::merge(o, n))]
            }
            // A table keeps its place when its columns and the shape of its header stayed.
            (Block::Table(o), Block::Table(n))
                if o.widths.len() == n.widths.len() && (o.head == n.head || same_shape(&o.head, &n.head)) =>
            {
                vec![Block::Table(self.table(o, n))]
            }
            (Block::List(o), Block::List(n)) if o.marker == n.marker => vec![Block::List(self.list(o, n))],
            (Block::Zone(o), Block::Zone(n)) if o.kind == n.kind => {
                vec![Block::Zone(crate::doc::Zone { blocks: self.blocks(&o.blocks, &n.blocks), ..n.clone() })]
            }
            (Block::Columns(o), Block::Columns(n)) if o.columns.len() == n.columns.len() => {
                let columns = o
                    .columns
                    .iter()
                    .zip(&n.columns)
                    .map(|(oc, nc)| crate::doc::Column { blocks: self.blocks(&oc.blocks, &nc.blocks), ..nc.clone() })
                    .collect();
                vec![Block::Columns(crate::doc::Columns { columns, ..n.clone() })]
            }
            _ => {
                self.pending = true;
                let gone = whole(old, Revision::Deleted);
                vec![gone, self.inserted(new)]
            }
        }
    }

    fn list(&mut self, old: &List, new: &'n List) -> List {
        let key = |p: &Paragraph| text_of(&p.inlines);
        let pairs = monotone(pair(&keys(&old.items, key), &keys(&new.items, key)));
        let mut items = Vec::with_capacity(new.items.len());
        self.walk(old.items.len(), new.items.len(), &pairs, |m, step| match step {
            Step::Gone(i) => {
                items.push(words::whole(&old.items[i], Revision::Deleted, true));
                m.pending = true;
            }
            Step::Came(j) => {
                m.mark(&new.items[j]);
                items.push(words::whole(&new.items[j], Revision::Inserted, true));
            }
            Step::Paired(i, j) if old.items[i] == new.items[j] => {
                m.visit(&new.items[j]);
                items.push(new.items[j].clone());
            }
            Step::Paired(i, j) => {
                m.mark(&new.items[j]);
                items.push(words::merge(&old.items[i], &new.items[j]));
            }
        });
        List { marker: new.marker, items }
    }

    /// Header rows cell by cell when their shape stayed, body rows paired in groups (rows
    /// a vertical span joins go together).
    fn table(&mut self, old: &Table, new: &'n Table) -> Table {
        let head = if old.head == new.head {
            new.head.iter().for_each(|r| self.pass_row(r));
            new.head.clone()
        } else if same_shape(&old.head, &new.head) {
            old.head.iter().zip(&new.head).map(|(o, n)| self.row(o, n)).collect()
        } else {
            // Another header: the rows stay the new ones, marked as a whole.
            new.head.iter().for_each(|r| self.mark_row(r));
            new.head.clone()
        };
        let (old_groups, new_groups) = (groups(&old.body), groups(&new.body));
        let key = |g: &std::ops::Range<usize>, rows: &[Row]| Key { id: None, text: rows[g.clone()].iter().map(row_text).collect() };
        let old_keys: Vec<Key<'_>> = old_groups.iter().map(|g| key(g, &old.body)).collect();
        let new_keys: Vec<Key<'_>> = new_groups.iter().map(|g| key(g, &new.body)).collect();
        let pairs = monotone(pair(&old_keys, &new_keys));
        let mut body = Vec::with_capacity(new.body.len());
        self.walk(old_groups.len(), new_groups.len(), &pairs, |m, step| match step {
            Step::Gone(g) => {
                body.extend(old.body[old_groups[g].clone()].iter().map(|r| whole_row(r, Revision::Deleted)));
                m.pending = true;
            }
            Step::Came(g) => {
                for r in &new.body[new_groups[g].clone()] {
                    m.mark_row(r);
                    body.push(whole_row(r, Revision::Inserted));
                }
            }
            Step::Paired(a, b) => {
                let (o, n) = (&old.body[old_groups[a].clone()], &new.body[new_groups[b].clone()]);
                if o == n {
                    n.iter().for_each(|r| m.pass_row(r));
                    body.extend(n.iter().cloned());
                } else if same_shape(o, n) {
                    body.extend(o.iter().zip(n).map(|(or, nr)| m.row(or, nr)));
                } else {
                    body.extend(o.iter().map(|r| whole_row(r, Revision::Deleted)));
                    m.pending = true;
                    for r in n {
                        m.mark_row(r);
                        body.push(whole_row(r, Revision::Inserted));
                    }
                }
            }
        });
        Table { widths: new.widths.clone(), head, body }
    }

    /// Two rows of one shape, cell by cell.
    fn row(&mut self, old: &Row, new: &'n Row) -> Row {
        let cells = old
            .cells
            .iter()
            .zip(&new.cells)
            .map(|(o, n)| Cell { blocks: self.blocks(&o.blocks, &n.blocks), ..n.clone() })
            .collect();
        Row { kind: new.kind, cells, revision: None }
    }

    fn pass_row(&mut self, r: &'n Row) {
        r.cells.iter().flat_map(|c| &c.blocks).for_each(|b| self.pass(b));
    }

    fn mark_row(&mut self, r: &'n Row) {
        r.cells.iter().flat_map(|c| &c.blocks).for_each(|b| self.mark_all(b));
    }

    /// An unchanged block of the new version: its first paragraph gets a pending bar.
    fn pass(&mut self, b: &'n Block) {
        each_leaf(b, &mut |leaf| {
            if let Leaf::Paragraph(p) = leaf {
                self.visit(p)
            }
        });
    }

    /// A block of the new version changed as a whole: every line gets the bar.
    fn mark_all(&mut self, b: &'n Block) {
        each_leaf(b, &mut |leaf| match leaf {
            Leaf::Paragraph(p) => self.mark(p),
            Leaf::Signature(s) => {
                self.pending = false;
                self.signatures.push(s)
            }
        });
    }

    /// A paragraph passed: it takes a pending bar if it prints something (an empty
    /// spacer would hold the bar where nothing is drawn).
    fn visit(&mut self, p: &'n Paragraph) {
        if text_of(&p.inlines).trim().is_empty() {
            return;
        }
        if std::mem::take(&mut self.pending) {
            self.changed.push(p);
        }
        self.last = Some(p);
    }

    fn mark(&mut self, p: &'n Paragraph) {
        self.pending = false;
        self.changed.push(p);
        self.last = Some(p);
    }
}

/// Both paragraphs numbered the same way (format, level, list), or both without a number:
/// the number's value may differ (Word renumbers).
fn same_numbering(a: &Paragraph, b: &Paragraph) -> bool {
    let form = |p: &Paragraph| p.style.number.map(|n| (n.format, n.level, n.list, n.roman_top, n.paren));
    form(a) == form(b)
}

/// Two images that print the same: one picture, width and place (their paths may differ:
/// each version's folder).
fn same_picture(old: &Block, new: &Block) -> bool {
    match (old, new) {
        (Block::Image(a), Block::Image(b)) => {
            a.picture == b.picture && a.width == b.width && a.align == b.align && a.revision == b.revision
        }
        _ => false,
    }
}

enum Step {
    /// Only the old side has it.
    Gone(usize),
    /// Only the new side has it.
    Came(usize),
    /// Both: (old, new).
    Paired(usize, usize),
}

/// Pairs that keep both sides' order (a moved block is one taken away and one added).
fn monotone(pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
    for p in pairs {
        if out.last().is_none_or(|last| p.0 > last.0 && p.1 > last.1) {
            out.push(p);
        }
    }
    out
}

fn keys<T>(items: &[T], text: impl Fn(&T) -> String) -> Vec<Key<'static>> {
    items.iter().map(|i| Key { id: None, text: text(i) }).collect()
}

/// What a block is known by when pairing: its kind and text; a table by its header, so the
/// two versions of a plan pair however many rows changed.
fn block_key(b: &Block) -> String {
    match b {
        Block::Paragraph(p) => format!("¶ {}", text_of(&p.inlines)),
        Block::Table(t) => format!("▦ {}", t.head.iter().map(row_text).collect::<String>()),
        other => {
            let mut text = String::from(match other {
                Block::List(_) => "• ",
                Block::Signature(_) => "✍ ",
                Block::Zone(_) => "▭ ",
                // By the picture, not its path: two versions in two folders share a logo.
                Block::Image(i) => return format!("▣ {} {:?}", i.picture.bytes.len(), i.picture.pixels),
                _ => "▥ ",
            });
            each_text(other, &mut |t| {
                text.push_str(t);
                text.push(' ');
            });
            text
        }
    }
}

fn row_text(r: &Row) -> String {
    let mut text = String::new();
    for c in &r.cells {
        for b in &c.blocks {
            each_text(b, &mut |t| text.push_str(t));
        }
        text.push_str(" | ");
    }
    text
}

fn text_of(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t, _) => t.as_str(),
            Inline::LineBreak => "\n",
            Inline::Tab => "\t",
        })
        .collect()
}

fn each_text(b: &Block, f: &mut impl FnMut(&str)) {
    each_leaf(b, &mut |leaf| match leaf {
        Leaf::Paragraph(p) => f(&text_of(&p.inlines)),
        Leaf::Signature(s) => {
            s.position.iter().for_each(|l| f(l));
            f(&s.name);
        }
    });
}

/// A paragraph or a signature.
enum Leaf<'a> {
    Paragraph(&'a Paragraph),
    Signature(&'a Signature),
}

/// Every paragraph and signature of a block, in reading order.
fn each_leaf<'a>(b: &'a Block, f: &mut impl FnMut(Leaf<'a>)) {
    match b {
        Block::Paragraph(p) => f(Leaf::Paragraph(p)),
        Block::List(l) => l.items.iter().for_each(|p| f(Leaf::Paragraph(p))),
        Block::Signature(s) => f(Leaf::Signature(s)),
        Block::Zone(z) => z.blocks.iter().for_each(|b| each_leaf(b, f)),
        Block::Columns(c) => c.columns.iter().flat_map(|c| &c.blocks).for_each(|b| each_leaf(b, f)),
        Block::Table(t) => t
            .head
            .iter()
            .chain(&t.body)
            .flat_map(|r| &r.cells)
            .flat_map(|c| &c.blocks)
            .for_each(|b| each_leaf(b, f)),
        Block::Image(_) => {}
    }
}

/// Consecutive rows joined by vertical spans, as ranges of `rows`.
fn groups(rows: &[Row]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut reach = 0; // the last row a span from this group covers
    for (k, r) in rows.iter().enumerate() {
        reach = reach.max(k + r.cells.iter().map(|c| c.rowspan.max(1)).max().unwrap_or(1) - 1);
        if reach == k {
            out.push(start..k + 1);
            start = k + 1;
        }
    }
    if start < rows.len() {
        out.push(start..rows.len());
    }
    out
}

/// Rows of the same kinds, cells and spans: their cells can be compared one by one.
fn same_shape(a: &[Row], b: &[Row]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.kind == y.kind
                && x.cells.len() == y.cells.len()
                && x.cells.iter().zip(&y.cells).all(|(c, d)| (c.colspan, c.rowspan) == (d.colspan, d.rowspan))
        })
}

/// A block added or taken away as a whole.
fn whole(b: &Block, revision: Revision) -> Block {
    match b {
        Block::Paragraph(p) => Block::Paragraph(words::whole(p, revision, true)),
        Block::List(l) => {
            Block::List(List { marker: l.marker, items: l.items.iter().map(|p| words::whole(p, revision, true)).collect() })
        }
        Block::Table(t) => Block::Table(Table {
            widths: t.widths.clone(),
            head: t.head.iter().map(|r| whole_row(r, revision)).collect(),
            body: t.body.iter().map(|r| whole_row(r, revision)).collect(),
        }),
        Block::Signature(s) => Block::Signature(Signature { revision: Some(revision), ..s.clone() }),
        Block::Image(i) => Block::Image(crate::doc::Image { revision: Some(revision), ..i.clone() }),
        Block::Zone(z) => {
            Block::Zone(crate::doc::Zone { blocks: z.blocks.iter().map(|b| whole(b, revision)).collect(), ..z.clone() })
        }
        Block::Columns(c) => Block::Columns(crate::doc::Columns {
            columns: c
                .columns
                .iter()
                .map(|col| crate::doc::Column { blocks: col.blocks.iter().map(|b| whole(b, revision)).collect(), ..col.clone() })
                .collect(),
            revision: Some(revision),
            ..c.clone()
        }),
    }
}

/// A row added or taken away: the row itself and every text in it (its paragraphs stay,
/// as the row's going takes them with it).
fn whole_row(r: &Row, revision: Revision) -> Row {
    let cells = r
        .cells
        .iter()
        .map(|c| Cell {
            blocks: c
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(p) => Block::Paragraph(words::whole(p, revision, false)),
                    other => whole(other, revision),
                })
                .collect(),
            ..c.clone()
        })
        .collect();
    Row { kind: r.kind, cells, revision: Some(revision) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Align, RowKind};

    fn para(text: &str) -> Paragraph {
        Paragraph { inlines: vec![Inline::Text(text.into(), Default::default())], ..Default::default() }
    }

    fn row(texts: &[&str]) -> Row {
        Row {
            kind: RowKind::Body,
            cells: texts
                .iter()
                .map(|t| Cell {
                    colspan: 1,
                    rowspan: 1,
                    align: Align::Left,
                    bold: false,
                    middle: false,
                    blocks: vec![Block::Paragraph(para(t))],
                })
                .collect(),
            revision: None,
        }
    }

    fn doc(blocks: Vec<Block>) -> Document {
        let mut d = crate::markup::standalone("<section></section>").expect("markup");
        d.sections[0].blocks = blocks;
        d
    }

    fn table(rows: &[&[&str]]) -> Block {
        Block::Table(Table { widths: vec![1.0, 1.0], head: vec![row(&["Мероприятие", "Срок"])], body: rows.iter().map(|r| row(r)).collect() })
    }

    /// The paragraph marks' revisions of the first section, which holds paragraphs only.
    fn paragraph_marks(m: &Merged<'_>) -> Vec<Option<Revision>> {
        m.doc.sections[0]
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.revisions.as_ref().and_then(|r| r.mark),
                _ => panic!("paragraphs"),
            })
            .collect()
    }

        fn revisions(t: &Table) -> Vec<Option<Revision>> {
        t.body.iter().map(|r| r.revision).collect()
    }

    #[test]
    fn a_row_inserted_at_the_top_of_two_hundred_is_one_inserted_row() {
        let texts: Vec<String> = (0..200).map(|k| format!("Мероприятие номер {k} по плану")).collect();
        let rows: Vec<[&str; 2]> = texts.iter().map(|t| [t.as_str(), "Сентябрь"]).collect();
        let old: Vec<&[&str]> = rows.iter().map(|r| &r[..]).collect();
        let mut new = old.clone();
        let top = ["Совершенно новое дело", "Май"];
        new.insert(0, &top);
        let (o, n) = (doc(vec![table(&old)]), doc(vec![table(&new)]));
        let m = merge(&o, &n);
        let Block::Table(t) = &m.doc.sections[0].blocks[0] else { panic!("a table") };
        let revs = revisions(t);
        assert_eq!(revs.iter().filter(|r| r.is_some()).count(), 1);
        assert_eq!(revs[0], Some(Revision::Inserted));
        // The bar goes beside the new row's two cells only.
        assert_eq!(m.changed.len(), 2);
    }

    #[test]
    fn a_deleted_row_stays_in_place_marked_and_the_next_row_gets_the_bar() {
        let (o, n) = (
            doc(vec![table(&[&["Первое", "Май"], &["Второе", "Июнь"], &["Третье", "Июль"]])]),
            doc(vec![table(&[&["Первое", "Май"], &["Третье", "Август"]])]),
        );
        let m = merge(&o, &n);
        let Block::Table(t) = &m.doc.sections[0].blocks[0] else { panic!("a table") };
        assert_eq!(revisions(t), [None, Some(Revision::Deleted), None]);
        let changed: Vec<String> = m.changed.iter().map(|p| text_of(&p.inlines)).collect();
        assert_eq!(changed, ["Третье", "Август"]);
    }

    #[test]
    fn a_reworded_paragraph_keeps_its_place_and_a_new_one_is_inserted_whole() {
        let (o, n) = (
            doc(vec![Block::Paragraph(para("Назначить ответственным Иванова И.И."))]),
            doc(vec![
                Block::Paragraph(para("Назначить ответственным Петрова П.П.")),
                Block::Paragraph(para("Контроль оставляю за собой.")),
            ]),
        );
        let m = merge(&o, &n);
        let marks = paragraph_marks(&m);
        assert_eq!(marks, [None, Some(Revision::Inserted)]);
        let Block::Paragraph(first) = &m.doc.sections[0].blocks[0] else { unreachable!() };
        assert_eq!(words::side(first, Revision::Inserted), "Назначить ответственным Иванова И.И.");
        assert_eq!(words::side(first, Revision::Deleted), "Назначить ответственным Петрова П.П.");
    }

    #[test]
    fn a_point_made_a_sub_point_is_taken_away_and_added_so_rejecting_brings_its_number_back() {
        let numbered = |level: u8| {
            let mut p = para("Провести совещание");
            p.style.number = Some(crate::doc::AutoNumber {
                format: crate::doc::NumberFormat::Decimal,
                level,
                list: 0,
                roman_top: false,
                paren: false,
                parts: [1; 9],
            });
            Block::Paragraph(p)
        };
        let (o, n) = (doc(vec![numbered(0)]), doc(vec![numbered(1)]));
        let m = merge(&o, &n);
        let marks = paragraph_marks(&m);
        assert_eq!(marks, [Some(Revision::Deleted), Some(Revision::Inserted)]);
        // Only the number's value changed: the same paragraph, untouched.
        let (mut a, mut b) = (numbered(0), numbered(0));
        if let (Block::Paragraph(x), Block::Paragraph(y)) = (&mut a, &mut b) {
            x.style.number.as_mut().unwrap().parts = [2; 9];
            y.style.number.as_mut().unwrap().parts = [3; 9];
        }
        let (o, n) = (doc(vec![a]), doc(vec![b]));
        let m = merge(&o, &n);
        assert!(matches!(&m.doc.sections[0].blocks[..], [Block::Paragraph(p)] if p.revisions.is_none()));
    }

    #[test]
    fn rows_a_span_joins_move_together() {
        let mut spanned = row(&["Общее", "Май"]);
        spanned.cells[1].rowspan = 2;
        let mut second = row(&["Частное"]);
        second.cells.truncate(1);
        assert_eq!(groups(&[spanned, second, row(&["Отдельное", "Июнь"])]), [0..2, 2..3]);
    }
}
