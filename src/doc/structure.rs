//! The document's logical structure for a tagged PDF: headings, paragraphs, lists and
//! tables, in reading order. The layout stamps every text it draws with the number of the
//! paragraph (or signature) it comes from ([`Leaves`]); the PDF writer builds the tag tree
//! from [`tree`], which walks the document in the same order, and hangs the drawn texts of
//! each number under it.

use std::collections::HashMap;

use super::{Block, Document, Paragraph, RowKind, Signature, Table};

/// The number of a leaf (a paragraph or a signature) in reading order, from 1; 0 marks what
/// is no content (page numbers, a repeated table header).
pub type LeafId = u32;

/// Set on a list item's leaf number for its marker («–», «1)»), drawn apart from its text.
pub const LABEL: LeafId = 1 << 31;

/// What a group of the structure is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A paragraph.
    Paragraph,
    /// A heading of level 1 or 2 (the title, appendix and clause titles).
    Heading(u8),
    /// A list; `numbered` when its markers count.
    List {
        /// The markers count («1)», «1.»): not dashes or bullets.
        numbered: bool,
    },
    /// One item: its marker and its text.
    ListItem,
    /// A table.
    Table,
    /// A row (`header`: of the repeated header).
    Row {
        /// The row belongs to the repeated table header.
        header: bool,
    },
    /// A header cell, spanning rows and columns.
    HeaderCell {
        /// Rows spanned, at least 1.
        rows: u32,
        /// Columns spanned, at least 1.
        cols: u32,
    },
    /// A data cell, spanning rows and columns.
    Cell {
        /// Rows spanned, at least 1.
        rows: u32,
        /// Columns spanned, at least 1.
        cols: u32,
    },
}

/// A node of the structure.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A group and its children.
    Group(Kind, Vec<Node>),
    /// The text drawn for a leaf.
    Leaf(LeafId),
    /// A list item's marker.
    Label(LeafId),
}

/// Leaf numbers by the address of their paragraph or signature in one document: the layout
/// borrows the same document, so the addresses it sees are these.
#[derive(Debug, Default)]
pub struct Leaves {
    ids: HashMap<usize, LeafId>,
}

impl Leaves {
    /// Numbers the leaves of `doc` in reading order.
    pub fn of(doc: &Document) -> Self {
        let mut ids = HashMap::new();
        let mut next = 0;
        walk(doc, &mut |leaf| {
            next += 1;
            ids.insert(leaf, next);
        });
        Leaves { ids }
    }

    /// The number of a paragraph of the document (0 for one that is not in it).
    pub fn paragraph(&self, p: &Paragraph) -> LeafId {
        self.ids.get(&(p as *const Paragraph as usize)).copied().unwrap_or(0)
    }

    /// The number of a signature of the document.
    pub fn signature(&self, s: &Signature) -> LeafId {
        self.ids.get(&(s as *const Signature as usize)).copied().unwrap_or(0)
    }
}

/// Calls `leaf` with the address of every paragraph and signature, in reading order.
fn walk(doc: &Document, leaf: &mut impl FnMut(usize)) {
    for s in &doc.sections {
        blocks(&s.blocks, leaf);
    }
}

fn blocks(list: &[Block], leaf: &mut impl FnMut(usize)) {
    for b in list {
        match b {
            Block::Paragraph(p) => leaf(p as *const Paragraph as usize),
            Block::Signature(s) => leaf(s as *const Signature as usize),
            Block::List(l) => l.items.iter().for_each(|p| leaf(p as *const Paragraph as usize)),
            Block::Zone(z) => blocks(&z.blocks, leaf),
            Block::Columns(c) => c.columns.iter().for_each(|c| blocks(&c.blocks, leaf)),
            Block::Table(t) => {
                for row in t.head.iter().chain(&t.body) {
                    row.cells.iter().for_each(|c| blocks(&c.blocks, leaf));
                }
            }
            Block::Image(_) => {}
        }
    }
}

/// The structure of `doc`: its top-level groups in reading order, leaves numbered as
/// [`Leaves::of`] numbers them.
pub fn tree(doc: &Document) -> Vec<Node> {
    let mut next = 0;
    let mut out = Vec::new();
    for s in &doc.sections {
        out.extend(nodes(&s.blocks, &mut next));
    }
    out
}

fn nodes(list: &[Block], next: &mut LeafId) -> Vec<Node> {
    let mut out = Vec::new();
    for b in list {
        match b {
            Block::Paragraph(p) => {
                let kind = match p.style.role.and_then(|r| r.heading()) {
                    Some(level) => Kind::Heading(level),
                    None => Kind::Paragraph,
                };
                out.push(Node::Group(kind, vec![Node::Leaf(bump(next))]));
            }
            Block::Signature(_) => out.push(Node::Group(Kind::Paragraph, vec![Node::Leaf(bump(next))])),
            Block::List(l) => {
                let items = l
                    .items
                    .iter()
                    .map(|_| {
                        let id = bump(next);
                        Node::Group(
                            Kind::ListItem,
                            vec![Node::Label(id | LABEL), Node::Group(Kind::Paragraph, vec![Node::Leaf(id)])],
                        )
                    })
                    .collect();
                let numbered = matches!(l.marker, super::Marker::Numbered | super::Marker::NumberedDot);
                out.push(Node::Group(Kind::List { numbered }, items));
            }
            Block::Zone(z) => out.extend(nodes(&z.blocks, next)),
            Block::Columns(c) => {
                for col in &c.columns {
                    out.extend(nodes(&col.blocks, next));
                }
            }
            Block::Table(t) => out.push(table(t, next)),
            Block::Image(_) => {}
        }
    }
    out
}

fn bump(next: &mut LeafId) -> LeafId {
    *next += 1;
    *next
}

fn table(t: &Table, next: &mut LeafId) -> Node {
    let rows = t
        .head
        .iter()
        .map(|r| (r, true))
        .chain(t.body.iter().map(|r| (r, false)))
        .map(|(row, head)| {
            let header = head || row.kind == RowKind::Header;
            let cells = row
                .cells
                .iter()
                .map(|c| {
                    let (rows, cols) = (c.rowspan.max(1) as u32, c.colspan.max(1) as u32);
                    let kind = if header { Kind::HeaderCell { rows, cols } } else { Kind::Cell { rows, cols } };
                    Node::Group(kind, nodes(&c.blocks, next))
                })
                .collect();
            Node::Group(Kind::Row { header }, cells)
        })
        .collect();
    Node::Group(Kind::Table, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Cell, Inline, List, Marker, Row, Section};

    fn p(text: &str) -> Paragraph {
        Paragraph { inlines: vec![Inline::Text(text.into(), Default::default())], ..Default::default() }
    }

    #[test]
    fn leaves_are_numbered_in_the_order_the_tree_holds_them() {
        let cell = |t: &str| Cell {
            colspan: 1,
            rowspan: 1,
            align: Default::default(),
            bold: false,
            middle: false,
            blocks: vec![Block::Paragraph(p(t))],
        };
        let doc = Document {
            sections: vec![Section {
                page: crate::doc::PageSetup::a4(false, crate::doc::geometry::default_margins()),
                blocks: vec![
                    Block::Paragraph(p("a")),
                    Block::List(List { marker: Marker::Dash, items: vec![p("b"), p("c")] }),
                    Block::Table(Table {
                        widths: vec![1.0, 1.0],
                        head: vec![Row { kind: RowKind::Header, cells: vec![cell("d"), cell("e")], revision: None }],
                        body: vec![Row { kind: RowKind::Body, cells: vec![cell("f"), cell("g")], revision: None }],
                    }),
                ],
                bookmark: None,
            }],
            meta: Default::default(),
            fonts: crate::doc::FontSetup {
                family: String::new(),
                body_size: crate::doc::Length::pt(14.0),
                table_size: crate::doc::Length::pt(12.0),
                hyphenation: true,
            },
            qr: None,
        };
        let leaves = Leaves::of(&doc);
        let Block::List(l) = &doc.sections[0].blocks[1] else { unreachable!() };
        assert_eq!(leaves.paragraph(&l.items[1]), 3);
        let tree = tree(&doc);
        let mut seen = Vec::new();
        fn collect(n: &[Node], out: &mut Vec<LeafId>) {
            for x in n {
                match x {
                    Node::Group(_, c) => collect(c, out),
                    Node::Leaf(id) => out.push(*id),
                    Node::Label(_) => {}
                }
            }
        }
        collect(&tree, &mut seen);
        assert_eq!(seen, [1, 2, 3, 4, 5, 6, 7]);
        assert!(
            matches!(&tree[2], Node::Group(Kind::Table, rows) if matches!(&rows[0], Node::Group(Kind::Row { header: true }, _)))
        );
    }
}
