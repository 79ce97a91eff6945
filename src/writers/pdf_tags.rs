//! The tags of a PDF: every text drawn is marked as a span of the paragraph it comes from,
//! everything else as an artifact; at the end the document's structure
//! ([`crate::doc::structure`]) becomes krilla's tag tree, each leaf holding its spans in the
//! order they were drawn (a paragraph broken across pages is one paragraph).

use std::collections::HashMap;
use std::num::{NonZeroU16, NonZeroU32};

use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node as TagNode, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};

use crate::doc::structure::{self, Kind, LeafId, Node};
use crate::doc::Document;

/// The marks made while drawing, by leaf.
pub struct Marks {
    on: bool,
    spans: HashMap<LeafId, Vec<Identifier>>,
    /// Leaves in the order first drawn, for spans the structure does not place.
    order: Vec<LeafId>,
}

impl Marks {
    /// Marks when `on`; otherwise every call does nothing.
    pub fn new(on: bool) -> Self {
        Marks { on, spans: HashMap::new(), order: Vec::new() }
    }

    /// Starts a text of leaf `tag` (0: not content, such as a page number or a repeated
    /// table header).
    pub fn start_text(&mut self, surface: &mut Surface<'_>, tag: LeafId) {
        if !self.on {
            return;
        }
        if tag == 0 {
            surface.start_tagged(ContentTag::Artifact(Artifact::new(ArtifactType::PaginationOther, None)));
            return;
        }
        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
        let spans = self.spans.entry(tag).or_default();
        if spans.is_empty() {
            self.order.push(tag);
        }
        spans.push(id);
    }

    /// Starts drawing what is no text: borders, the QR code, pictures.
    pub fn start_artifact(&mut self, surface: &mut Surface<'_>) {
        if self.on {
            surface.start_tagged(ContentTag::Artifact(Artifact::new(ArtifactType::Layout, None)));
        }
    }

    /// Ends what the last start began.
    pub fn end(&mut self, surface: &mut Surface<'_>) {
        if self.on {
            surface.end_tagged();
        }
    }

    /// The tag tree of `doc` holding the spans drawn; `None` when not marking.
    pub fn tree(mut self, doc: &Document) -> Option<TagTree> {
        if !self.on {
            return None;
        }
        let mut tree = TagTree::new().with_lang(Some(doc.meta.lang.clone()));
        for n in structure::tree(doc) {
            for n in self.node(&n) {
                tree.push(n);
            }
        }
        // Every span needs its one parent: what the structure did not place (nothing
        // should) is kept as paragraphs at the end rather than failing the document.
        for leaf in std::mem::take(&mut self.order) {
            if let Some(ids) = self.spans.remove(&leaf) {
                tree.push(TagGroup::with_children(Tag::P, ids.into_iter().map(TagNode::from).collect()));
            }
        }
        Some(tree)
    }

    /// The tag nodes of `n`: a leaf's spans stand directly in its group, a marker in a
    /// label of its own; a group without content is left out.
    fn node(&mut self, n: &Node) -> Vec<TagNode> {
        match n {
            Node::Leaf(id) => self.spans.remove(id).unwrap_or_default().into_iter().map(TagNode::from).collect(),
            Node::Label(id) => match self.spans.remove(id) {
                Some(ids) => {
                    vec![TagGroup::with_children(Tag::Lbl, ids.into_iter().map(TagNode::from).collect()).into()]
                }
                None => Vec::new(),
            },
            // A cell of one paragraph holds its text itself: no paragraph element inside
            // (each element is an object in the file; a 200-row table has over a thousand).
            Node::Group(kind @ (Kind::Cell { .. } | Kind::HeaderCell { .. }), children)
                if matches!(&children[..], [Node::Group(Kind::Paragraph, _)]) =>
            {
                let Node::Group(_, inner) = &children[0] else { unreachable!() };
                let inner: Vec<TagNode> = inner.iter().flat_map(|c| self.node(c)).collect();
                if inner.is_empty() {
                    return Vec::new();
                }
                vec![TagGroup::with_children(tag_kind(kind), inner).into()]
            }
            Node::Group(kind, children) => {
                let children: Vec<TagNode> = children.iter().flat_map(|c| self.node(c)).collect();
                if children.is_empty() {
                    return Vec::new();
                }
                vec![TagGroup::with_children(tag_kind(kind), children).into()]
            }
        }
    }
}

fn tag_kind(kind: &Kind) -> TagKind {
    let span = |v: u32| NonZeroU32::new(v).filter(|v| v.get() > 1);
    match kind {
        Kind::Paragraph => Tag::P.into(),
        Kind::Heading(level) => Tag::Hn(NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN), None).into(),
        Kind::List { numbered: true } => Tag::L(ListNumbering::Decimal).into(),
        Kind::List { numbered: false } => Tag::L(ListNumbering::None).into(),
        Kind::ListItem => Tag::LI.into(),
        Kind::Table => Tag::Table.into(),
        Kind::Row { .. } => Tag::TR.into(),
        Kind::HeaderCell { rows, cols } => {
            Tag::TH(TableHeaderScope::Column).with_row_span(span(*rows)).with_col_span(span(*cols)).into()
        }
        Kind::Cell { rows, cols } => Tag::TD.with_row_span(span(*rows)).with_col_span(span(*cols)).into(),
    }
}
