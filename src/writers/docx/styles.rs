//! Named paragraph styles, one per role ([`Role`]): the first paragraph of a role defines
//! its style, and every paragraph of that role states only what differs from it. Word and
//! LibreOffice then show «Пункт», «Преамбула», «Шапка таблицы» … and a paragraph added
//! in Word takes its neighbours' formatting from the style.

use crate::doc::{Align, Role};

/// A paragraph's formatting as the DOCX states it, in Word's units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Props {
    /// Alignment.
    pub align: Align,
    /// Left indent, twips.
    pub left: i32,
    /// Right indent, twips.
    pub right: i32,
    /// First-line indent, twips; negative for a hanging indent.
    pub first: i32,
    /// Space before, twips.
    pub before: u32,
    /// Space after, twips.
    pub after: u32,
    /// Run size in half-points, when not the document's.
    pub size: Option<usize>,
    /// Every run is bold.
    pub bold: bool,
    /// Every run is italic.
    pub italic: bool,
    /// No automatic hyphenation.
    pub no_hyphens: bool,
}

/// The styles a document uses, in the order first met. A role whose paragraphs differ in
/// hyphenation (a table's text: hyphenated, but names and deadlines whole) gets a second
/// style, «… (без переносов)» or «… (с переносами)», since only a style can say it.
#[derive(Debug, Clone, Default)]
pub struct StyleBook {
    styles: Vec<Style>,
    /// The roles met under each heading level, in order: the heading style's aliases.
    aliases: Vec<(u8, Role)>,
}

/// One named style.
#[derive(Debug, Clone)]
pub struct Style {
    /// The role.
    pub role: Role,
    /// Its formatting.
    pub props: Props,
    /// The second style of the role (the other hyphenation).
    pub variant: bool,
}

impl Style {
    /// The id in `styles.xml`: a heading role's is Word's own («Heading1»).
    pub fn id(&self) -> String {
        let id = match self.role.heading() {
            Some(level) => format!("Heading{level}"),
            None => self.role.style_id(),
        };
        if self.variant {
            format!("{id}{}", if self.props.no_hyphens { "Whole" } else { "Hyphenated" })
        } else {
            id
        }
    }

    /// The name Word and LibreOffice show: a heading's is Word's built-in one, which they
    /// translate («Заголовок 1»); the roles' names are its aliases.
    pub fn name(&self) -> String {
        let name = match self.role.heading() {
            Some(level) => format!("heading {level}"),
            None => self.role.style_name(),
        };
        match (self.variant, self.props.no_hyphens) {
            (false, _) => name,
            (true, true) => format!("{name} (без переносов)"),
            (true, false) => format!("{name} (с переносами)"),
        }
    }
}

impl StyleBook {
    /// The style of `role` for a paragraph of `props`, made from them when this is the
    /// first such paragraph.
    pub fn style(&mut self, role: Role, props: &Props) -> &Style {
        // Roles that share a heading share its style (the order's title and the appendices'
        // titles are all «heading 1»); a paragraph then states what differs.
        let family = |r: Role| r.heading().ok_or(r);
        let same = |s: &Style| family(s.role) == family(role) && s.props.no_hyphens == props.no_hyphens;
        if let Some(h) = role.heading() {
            if !self.aliases.iter().any(|(l, r)| *l == h && *r == role) {
                self.aliases.push((h, role));
            }
        }
        let i = match self.styles.iter().position(same) {
            Some(i) => i,
            None => {
                let variant = self.styles.iter().any(|s| family(s.role) == family(role));
                self.styles.push(Style { role, props: props.clone(), variant });
                self.styles.len() - 1
            }
        };
        &self.styles[i]
    }

    /// The `w:style` elements of every style used, for `styles.xml`.
    pub fn xml(&self) -> Vec<String> {
        self.styles
            .iter()
            .map(|s| {
                let aliases: Vec<String> = match s.role.heading() {
                    Some(h) => self.aliases.iter().filter(|(l, _)| *l == h).map(|(_, r)| r.style_name()).collect(),
                    None => Vec::new(),
                };
                style_xml(s, &aliases.join(","))
            })
            .collect()
    }
}

fn jc(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    }
}

fn style_xml(s: &Style, aliases: &str) -> String {
    let (role, p) = (s.role, &s.props);
    let id = s.id();
    let name = s.name();
    let mut ppr = String::new();
    if p.no_hyphens {
        ppr.push_str("<w:suppressAutoHyphens/>");
    }
    ppr.push_str(&format!("<w:spacing w:before=\"{}\" w:after=\"{}\"/>", p.before, p.after));
    let first = match p.first {
        f if f < 0 => format!(" w:hanging=\"{}\"", -f),
        f => format!(" w:firstLine=\"{f}\""),
    };
    ppr.push_str(&format!("<w:ind w:left=\"{}\" w:right=\"{}\"{first}/>", p.left, p.right));
    ppr.push_str(&format!("<w:jc w:val=\"{}\"/>", jc(p.align)));
    if let Some(level) = role.outline_level() {
        ppr.push_str(&format!("<w:outlineLvl w:val=\"{level}\"/>"));
    }
    let mut rpr = String::new();
    if p.bold {
        rpr.push_str("<w:b/><w:bCs/>");
    }
    if p.italic {
        rpr.push_str("<w:i/><w:iCs/>");
    }
    if let Some(s) = p.size {
        rpr.push_str(&format!("<w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/>"));
    }
    let name = crate::writers::xml::escape_attr(&name);
    // Word's own headings are not custom styles; after a heading comes body text.
    let (custom, next) = match role.heading() {
        Some(_) => ("", "Normal".to_owned()),
        None => (" w:customStyle=\"1\"", id.clone()),
    };
    let aliases = match aliases {
        "" => String::new(),
        a => format!("<w:aliases w:val=\"{}\"/>", crate::writers::xml::escape_attr(a)),
    };
    format!(
        "<w:style w:type=\"paragraph\"{custom} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{aliases}\
         <w:basedOn w:val=\"Normal\"/><w:next w:val=\"{next}\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )
}
