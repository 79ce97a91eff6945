//! What templates see: the input, with the language work already done where it is not a
//! layout decision — numbers, appendix labels, dative names, deadlines as text, the
//! header grid of a two-level table, cells with their spans resolved.

use serde::Serialize;

use crate::input::deadline_text as deadline;
use crate::input::model::{
    self as m, Addressee, Appendix, AppendixKind, Block as InBlock, BlockObject, Cell as InCell, CellObject,
    DateFormat, Document as Input, ListItem, ListMarker, MarkStyle, PersonRef,
};
use crate::input::numbering::{clause_point_numbers, point_numbers, table_numbers, RowKind as NumKind};
use crate::ru::{agree, dates, people};

/// The context of one template: the whole document and, for an appendix template, the
/// appendix being rendered.
#[derive(Debug, Serialize)]
pub struct View<'a> {
    /// Lengths and sizes of the style, with their units («14pt», «12.5mm»).
    pub style: StyleView,
    /// The бланк's requisites as the input gives them; absent for a document without a бланк.
    pub blank: Option<&'a m::Blank>,
    /// The бланк's logo with its path found from the input file's folder.
    pub logo: Option<LogoView>,
    /// The order's requisites and text; absent when the input has no order.
    pub order: Option<OrderView>,
    /// All appendices in input order; an appendix template takes its own by `index`.
    pub appendices: Vec<AppendixView>,
}

/// The logo that stands centred above the бланк.
#[derive(Debug, Serialize)]
pub struct LogoView {
    /// The image file's path, joined to the input file's folder when that is known.
    pub path: String,
    /// The printed width in millimetres, 15 when the input gives none.
    pub width_mm: f64,
}

/// The style's lengths and sizes, written as the markup's attributes take them.
#[derive(Debug, Serialize)]
pub struct StyleView {
    /// The first-line indent of body paragraphs («12.5mm»).
    pub indent: String,
    /// The width between the margins of a portrait page («180mm»).
    pub text_width: String,
    /// Page margins in millimetres: top, right, bottom, left («20 10 20 20»).
    pub margins: String,
    /// Body text size («14pt»).
    pub body_size: String,
    /// Table text size («12pt»).
    pub table_size: String,
    /// The order title's block width («90mm», or the text width).
    pub title_width: String,
    /// The order title's alignment: «left» or «center».
    pub title_align: &'static str,
    /// Whether the order's title is bold.
    pub title_bold: bool,
}

/// The order's requisites and its text.
#[derive(Debug, Serialize)]
pub struct OrderView {
    /// Вид документа as the input writes it («ПРИКАЗ»); the template prints it in capitals.
    pub kind: String,
    /// The order's date in ISO form: «2023-08-28».
    pub date: String,
    /// The order's date in figures: «28.08.2023».
    pub date_numeric: String,
    /// The order's date in words: «28 августа 2023 г.».
    pub date_words: String,
    /// The date as `order.date_pattern` or `order.date_format` asks.
    pub date_shown: String,
    /// «stacked» or «spread».
    pub date_line: &'static str,
    /// Регистрационный номер as written: «520», «175/1.1 – 08».
    pub number: String,
    /// The number with its sign: «№ 520», or as typed when it has its own («№26/1»).
    pub number_shown: String,
    /// Место составления («г. Новочеркасск»), when given.
    pub place: Option<String>,
    /// Заголовок к тексту, without a final period; `\n` forces a line break.
    pub title: String,
    /// Who issued the order, in the genitive: the order's `issuer`, or else the бланк's short
    /// name.
    pub issuer: Option<String>,
    /// The text of the order; absent when only the appendices are rendered.
    pub body: Option<BodyView>,
}

/// The text of the order: preamble, decree word, points, signature, acquaintance.
#[derive(Debug, Serialize)]
pub struct BodyView {
    /// Paragraphs of the констатирующая часть, before the decree word.
    pub preamble: Vec<String>,
    /// The decree word without its colon («ПРИКАЗЫВАЮ»).
    pub decree_word: String,
    /// The decree word ends the last preamble paragraph («… приказываю:») instead of standing
    /// on its own line.
    pub decree_inline: bool,
    /// «:» or nothing.
    pub decree_colon: &'static str,
    /// The order's points, their sub-points nested inside.
    pub points: Vec<PointView>,
    /// Who signs.
    pub signatory: SignatoryView,
    /// The acquaintance list, when the order has one.
    pub acquaintance: Option<AcquaintanceView>,
}

/// One point of the order or of a clause, with its sub-points.
#[derive(Debug, Serialize, Clone)]
pub struct PointView {
    /// The point's number without a final dot («2.1»).
    pub number: String,
    /// What the point prints before its text: «1.», «–», «•», or nothing.
    pub marker: String,
    /// The marker is automatic (not an explicit number): the DOCX numbers it as a list.
    pub auto: bool,
    /// «decimal», «dash» or «bullet».
    pub number_format: &'static str,
    /// Depth, and for numbers the count of their parts («2.1.» is 2).
    pub level: usize,
    /// The numbered sequence for the DOCX's list: 0 for the order's points, the appendix's
    /// own for the points of a Положение's clauses.
    pub list: u32,
    /// To whom the point is addressed, in the dative: «Руководителям МБОУ СОШ»,
    /// «М.В. Васильевой, заместителю директора».
    pub addressee: Option<String>,
    /// Empty for a point that only holds sub-points («Утвердить:» may be left out).
    pub text: String,
    /// Sub-points.
    pub points: Vec<PointView>,
    /// The table printed after the text.
    pub table: Option<PointTableView>,
}

/// A point's table: widths, column titles, rows of cell texts.
#[derive(Debug, Serialize, Clone)]
pub struct PointTableView {
    /// Relative widths, one per column (equal when the input gives none).
    pub widths: Vec<f64>,
    /// Column titles.
    pub columns: Vec<String>,
    /// Rows of cell texts.
    pub rows: Vec<Vec<String>>,
}

/// Who signs the order.
#[derive(Debug, Serialize)]
pub struct SignatoryView {
    /// The position, one entry per printed line («Директор МКУ ДПО»).
    pub position: Vec<String>,
    /// The name as printed at the right margin: «Н.П. Клюева».
    pub name: String,
    /// The mark of the electronic signature, when the order is signed electronically.
    pub e_signature: Option<ESignatureView>,
}

/// The mark of an electronic signature, its values ready to print.
#[derive(Debug, Serialize)]
pub struct ESignatureView {
    /// The certificate's serial number as the signing tool shows it.
    pub certificate: String,
    /// The owner's full name («Иванова Мария Петровна»): as given, or the signatory's.
    pub owner: String,
    /// First day of validity: «01.09.2023».
    pub valid_from: String,
    /// Last day of validity: «31.08.2024».
    pub valid_to: String,
}

/// A гриф, its lines ready to print.
#[derive(Debug, Serialize)]
pub struct ApprovalView {
    /// «УТВЕРЖДАЮ», «УТВЕРЖДЕНО», «СОГЛАСОВАНО», «ПРИНЯТО».
    pub word: String,
    /// Position, body, act or protocol lines, in order.
    pub lines: Vec<String>,
    /// «________________ И.О. Фамилия» when someone signs.
    pub signature: Option<String>,
    /// The date, or the line to fill it in, when someone signs and the date line is wanted.
    pub date: Option<String>,
    /// Lines under the signature: the act that approves, for a гриф other than
    /// «УТВЕРЖДЕН приказом» («Приказ от 30.08.2024 № 112»).
    pub after: Vec<String>,
}

/// The acquaintance list under the signature.
#[derive(Debug, Serialize)]
pub struct AcquaintanceView {
    /// The line above the names: as given, or «С приказом ознакомлен(а/ы):» agreeing with the
    /// people.
    pub label: String,
    /// The people as «Н.П. Клюева», one line to sign for each.
    pub people: Vec<String>,
}

/// One appendix, as its template reads it.
#[derive(Debug, Serialize)]
pub struct AppendixView {
    /// The appendix's position among the appendices, from 0.
    pub index: usize,
    /// The numbered sequence of the appendix's entries or clauses (the DOCX's list).
    pub list: u32,
    /// «roadmap», «list» or «text»; it picks the template.
    pub kind: &'static str,
    /// The printed number: explicit, or the position when there are several appendices; none
    /// for a single one.
    pub number: Option<u32>,
    /// «Приложение», «Приложение № 2» or «Приложение 2».
    pub label: String,
    /// The appendix is set on landscape pages.
    pub landscape: bool,
    /// Грифы at the top of the first page, in input order (left to right).
    pub approvals: Vec<ApprovalView>,
    /// The mark in the top-right corner of the first page.
    pub mark: MarkView,
    /// The title, centred; `\n` forces a line break.
    pub title: String,
    /// A line under the title («Период 2021 - 2024 г.г.»), when given.
    pub subtitle: Option<String>,
    /// The table of a roadmap.
    pub table: Option<TableView>,
    /// The entries of a list appendix; a person reads «Фамилия И.О., должность».
    pub items: Vec<String>,
    /// The clauses of a text appendix.
    pub clauses: Vec<ClauseView>,
    /// The organisation's бланк over the first appendix of a file with no order text (a
    /// plan approved by грифы alone).
    pub header: bool,
    /// The title before the mark and the грифы: header → title → «Приложение» → грифы.
    pub title_first: bool,
    /// A signature under the appendix (a plan signed by its author), with its
    /// e-signature mark when signed electronically.
    pub signatory: Option<SignatoryView>,
}

/// The mark on an appendix's first page: «Приложение … к приказу …», «УТВЕРЖДЕН …» or both.
#[derive(Debug, Serialize)]
pub struct MarkView {
    /// The «Приложение … к приказу …» part is printed.
    pub appendix: bool,
    /// «к приказу <issuer>» is printed.
    pub to_order: bool,
    /// The mark stands under the title.
    pub below_title: bool,
    /// The «УТВЕРЖДЕН приказом …» part is printed.
    pub approved: bool,
    /// The appendix's label: «Приложение № 1».
    pub label: String,
    /// «УТВЕРЖДЕН», «УТВЕРЖДЕНА», «УТВЕРЖДЕНО» or «УТВЕРЖДЕНЫ», agreeing with the title.
    pub approved_word: &'static str,
    /// Who issued the order, in the genitive, after «к приказу» / «приказом».
    pub issuer: Option<String>,
    /// The order's date as the mark writes it: «28.08.2023», «28 августа 2023 г.».
    pub date: Option<String>,
    /// The order's number as the mark cites it.
    pub number: Option<String>,
    /// The number with its sign: «№ 15», or as typed when it has its own («№18»).
    pub number_shown: Option<String>,
    /// The order's title, printed in «» when the mark asks for it.
    pub order_title: Option<String>,
    /// The mark's own lines (`mark.lines` with their fields filled), printed instead of the
    /// wording above; empty when the input gives none.
    pub lines: Vec<String>,
}

/// One clause of a text appendix.
#[derive(Debug, Serialize)]
pub struct ClauseView {
    /// The clause's heading, printed after its number; none for an untitled clause.
    pub title: Option<String>,
    /// The clause's number, without a dot («2»).
    pub number: String,
    /// Paragraphs of text from the input's `paragraphs`.
    pub paragraphs: Vec<String>,
    /// Points from the input's `points`, numbered under the clause («2.1»).
    pub points: Vec<PointView>,
    /// Paragraphs, points and lists in reading order (`paragraphs` then `points` when the
    /// input gives those).
    pub blocks: Vec<ClauseBlockView>,
}

/// One block of a clause; `kind` tells which: «p», «point» or «list».
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClauseBlockView {
    /// A paragraph.
    P {
        /// The paragraph's text.
        text: String,
    },
    /// One point with its sub-points, as a list of one for the `points` component.
    Point {
        /// The point, the only element.
        points: Vec<PointView>,
    },
    /// A list with markers.
    List {
        /// «dash», «bullet», «numbered» or «numbered-dot».
        marker: &'static str,
        /// The items' texts.
        items: Vec<String>,
    },
}

/// A roadmap's table: header, optional row of column numbers, body rows.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// Relative column widths, left to right (scaled to the page).
    pub widths: Vec<f64>,
    /// The number of columns.
    pub columns: usize,
    /// Header rows: one, or two when columns share a group title.
    pub head: Vec<Vec<CellView>>,
    /// «1», «2», … one per column, when a row under the header numbers the columns.
    pub number_row: Option<Vec<String>>,
    /// Section and activity rows in reading order, sub-sections included.
    pub rows: Vec<RowView>,
}

/// One row of a table's body: a section's title or an activity.
#[derive(Debug, Serialize)]
pub struct RowView {
    /// «section» or «activity».
    pub kind: &'static str,
    /// Depth: 0 outside sections, 1 in a top-level section (its own row too), and so on.
    pub level: usize,
    /// The row's number without a final dot («1.2»), if it has one.
    pub number: Option<String>,
    /// A section's title; none for an activity.
    pub title: Option<String>,
    /// The cells that start in this row (those merged from rows above are left out).
    pub cells: Vec<CellView>,
}

/// One table cell, its spans resolved.
#[derive(Debug, Serialize, Default)]
pub struct CellView {
    /// Columns the cell spans, at least 1.
    pub colspan: usize,
    /// Rows the cell spans, at least 1.
    pub rowspan: usize,
    /// The cell holds a row's or section's number (the «№ п/п» column).
    pub number: bool,
    /// The cell's text starts with an automatic number: the DOCX makes it list numbering,
    /// so a row inserted in Word is numbered. `None` for explicit numbers and other cells.
    pub auto: Option<CellNumber>,
    /// Words are not hyphenated: header cells, section rows, and the columns of names and
    /// deadlines («Классные руководители», «ежеквартально»).
    pub whole_words: bool,
    /// The cell's content: paragraphs and lists.
    pub blocks: Vec<BlockView>,
}

/// An automatic number in a table cell, for the markup's `number`, `level`, `list`,
/// `list-top`.
#[derive(Debug, Serialize, Clone)]
pub struct CellNumber {
    /// «decimal» or «roman».
    pub format: &'static str,
    /// Parts of the number («1.2.» is 2).
    pub level: usize,
    /// The sequence it counts in, unique in the document.
    pub list: u32,
    /// The sequence's top level is Roman.
    pub roman: bool,
}

/// The numbered sequences of one table, as Word counts them: in the hierarchical style one
/// for sections and rows (they share the count level by level); in the flat style one for
/// the rows and one for the sections; per section, one for the sections and a new one for
/// the rows of each section.
struct Sequences {
    style: m::Numbering,
    roman: bool,
    sections: u32,
    rows: u32,
    next: u32,
}

impl Sequences {
    fn new(t: &m::Table, appendix: usize) -> Self {
        // Ids unique in the document: the appendix in the high bits; 0 is the points'.
        let base = (appendix as u32 + 1) << 16;
        let roman = t.section_numbers == m::SectionNumbers::Roman;
        let (sections, rows) = match t.numbering {
            m::Numbering::Hierarchical => (base + 1, base + 1),
            _ => (base + 1, base + 2),
        };
        Sequences { style: t.numbering, roman, sections, rows, next: base + 3 }
    }

    /// Entering a section: per section, its rows start a sequence of their own.
    fn enter_section(&mut self) -> u32 {
        let outer = self.rows;
        if self.style == m::Numbering::PerSection {
            self.rows = self.next;
            self.next += 1;
        }
        outer
    }

    fn leave_section(&mut self, outer: u32) {
        self.rows = outer;
    }

    /// The automatic number of a row (`section` false) or section showing `shown`.
    fn number(&self, shown: &str, section: bool, level: usize) -> Option<CellNumber> {
        if self.style == m::Numbering::None {
            return None;
        }
        let parts = shown.trim_end_matches('.').split('.').count();
        let top_roman = self.roman && section && level == 0;
        // With Roman sections, a top-level row would count at the Roman level: it stays text.
        let roman_list = self.roman && (section || self.style == m::Numbering::Hierarchical);
        if roman_list && !section && parts == 1 && self.style == m::Numbering::Hierarchical {
            return None;
        }
        Some(CellNumber {
            format: if top_roman { "roman" } else { "decimal" },
            level: parts,
            list: if section { self.sections } else { self.rows },
            roman: roman_list,
        })
    }
}

/// A paragraph or a list in a table cell; `kind` tells which: «p» or «list».
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockView {
    /// A paragraph.
    P {
        /// The paragraph's text.
        text: String,
    },
    /// A list with markers.
    List {
        /// «dash», «bullet», «numbered» or «numbered-dot».
        marker: &'static str,
        /// The items' texts.
        items: Vec<String>,
    },
}

/// Builds the view of a validated input.
pub fn build(input: &Input) -> View<'_> {
    let style = &input.style;
    let mg = &style.margins_mm;
    let order = input.order.as_ref().map(|o| order_view(input, o));
    View {
        style: StyleView {
            indent: format!("{}mm", style.first_line_indent_mm),
            text_width: format!("{}mm", 210.0 - mg.left - mg.right),
            margins: format!("{} {} {} {}", mg.top, mg.right, mg.bottom, mg.left),
            body_size: format!("{}pt", style.body_size_pt),
            table_size: format!("{}pt", style.table_size_pt),
            title_width: if style.title.full_width {
                format!("{}mm", 210.0 - mg.left - mg.right)
            } else {
                format!("{}mm", style.title.width_mm)
            },
            title_align: match style.title.align {
                m::TitleAlign::Left => "left",
                m::TitleAlign::Center => "center",
            },
            title_bold: style.title.bold,
        },
        blank: input.blank.as_ref(),
        logo: input.blank.as_ref().and_then(|b| b.logo.as_ref()).map(|l| LogoView {
            path: match &input.base_dir {
                Some(dir) => dir.join(&l.path).to_string_lossy().into_owned(),
                None => l.path.clone(),
            },
            width_mm: l.width_mm.unwrap_or(15.0),
        }),
        order,
        appendices: (0..input.appendices.len()).map(|i| appendix_view(input, i)).collect(),
    }
}

fn issuer(input: &Input) -> Option<String> {
    let o = input.order.as_ref()?;
    o.issuer.clone().or_else(|| input.blank.as_ref().and_then(|b| b.organization.short_name.clone()))
}

/// A number with its sign: «№ 15»; one typed with its own sign («№26/1», «№_2_____») as typed.
fn number_shown(number: &str) -> String {
    let n = number.trim();
    if n.starts_with('№') {
        n.to_owned()
    } else {
        format!("№ {n}")
    }
}

/// A mark's own lines with their fields filled: the cited order's date (whole, by the
/// mark's format, or by its parts), its number, issuer and title, the appendix's number.
fn mark_lines(lines: &[String], fields: &[(&str, String)], date: Option<chrono::NaiveDate>) -> Vec<String> {
    lines
        .iter()
        .map(|line| {
            let mut out = line.clone();
            for (name, value) in fields {
                out = out.replace(&format!("{{{name}}}"), value);
            }
            match date {
                Some(d) => dates::date_by_pattern(d, &out),
                None => out,
            }
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn order_view(input: &Input, o: &m::Order) -> OrderView {
    OrderView {
        kind: o.kind.clone(),
        date: o.date.to_string(),
        date_numeric: dates::date_numeric(o.date.0),
        date_words: dates::date_words(o.date.0),
        date_shown: match (&o.date_pattern, o.date_format) {
            (Some(p), _) => dates::date_by_pattern(o.date.0, p),
            (None, m::OrderDateFormat::Numeric) => dates::date_numeric(o.date.0),
            (None, m::OrderDateFormat::Words) => dates::date_words(o.date.0),
        },
        date_line: match o.date_line {
            m::DateLine::Stacked => "stacked",
            m::DateLine::Spread => "spread",
        },
        number: o.number.clone(),
        number_shown: number_shown(&o.number),
        place: o.place.clone(),
        title: o.title.clone(),
        issuer: issuer(input),
        body: o.body.as_ref().map(|b| body_view(input, b)),
    }
}

fn body_view(input: &Input, b: &m::OrderBody) -> BodyView {
    let numbers = point_numbers(&b.points, &crate::diag::JsonPath::root());
    let mut it = numbers.into_iter().map(|n| (n.number.unwrap_or_default(), !n.explicit));
    let genders: Vec<_> = b
        .acquaintance
        .iter()
        .flat_map(|a| a.people.iter())
        .map(|p| p.resolve().and_then(|n| people::guess_gender(&n)))
        .collect();
    BodyView {
        preamble: b.preamble.clone(),
        decree_word: b.decree.word.clone(),
        decree_inline: b.decree.placement == m::DecreePlacement::Inline,
        decree_colon: if b.decree.colon { ":" } else { "" },
        points: points_view(input, &b.points, 1, b.markers, 0, &mut it),
        signatory: signatory_view(&b.signatory),
        acquaintance: b.acquaintance.as_ref().map(|a| AcquaintanceView {
            label: a.label.clone().unwrap_or_else(|| format!("С приказом {}:", agree::acquainted_word(&genders))),
            people: a.people.iter().map(person_initials_first).collect(),
        }),
    }
}

fn signatory_view(s: &m::Signatory) -> SignatoryView {
    SignatoryView {
        position: s.position.clone(),
        name: person_initials_first(&s.person),
        e_signature: s.e_signature.as_ref().map(|e| ESignatureView {
            certificate: e.certificate.clone(),
            owner: e.owner.clone().unwrap_or_else(|| {
                s.person.resolve().map(|n| people::full_name(&n)).unwrap_or_else(|| s.person.display(false))
            }),
            valid_from: dates::date_numeric(e.valid_from.0),
            valid_to: dates::date_numeric(e.valid_to.0),
        }),
    }
}

fn person_initials_first(p: &PersonRef) -> String {
    p.resolve().map(|n| people::initials_first(&n)).unwrap_or_else(|| p.display(true))
}

/// Points numbered in the same order as `point_numbers` walks them (depth first).
fn points_view(
    input: &Input,
    points: &[m::Point],
    level: usize,
    markers: m::PointMarkers,
    list: u32,
    numbers: &mut impl Iterator<Item = (String, bool)>,
) -> Vec<PointView> {
    points
        .iter()
        .map(|p| {
            let (number, automatic) = numbers.next().unwrap_or_default();
            let addressee = p.addressee.as_ref().map(|a| match a {
                Addressee::Text(t) => t.clone(),
                Addressee::Person(pw) => {
                    let name = pw
                        .person
                        .resolve()
                        .map(|n| people::inflect_initials_first(&n, people::Case::Dative))
                        .unwrap_or_else(|| pw.person.display(true));
                    match &pw.position_dative {
                        Some(pos) => format!("{name}, {pos}"),
                        None => name,
                    }
                }
            });
            let text = p
                .text
                .as_ref()
                .map(|t| match &p.appendix {
                    Some(id) => {
                        let r = appendix_ref(input, id);
                        agree::insert_before_final_punctuation(t, &r)
                    }
                    None => t.clone(),
                })
                .unwrap_or_default();
            let text = with_people(text, p);
            let points = points_view(input, &p.points, level + 1, markers, list, numbers);
            let marker = match markers {
                _ if !p.marker => String::new(),
                m::PointMarkers::Numbers => format!("{number}."),
                m::PointMarkers::Dashes => "–".to_owned(),
                m::PointMarkers::Bullets => "•".to_owned(),
            };
            let number_format = match markers {
                m::PointMarkers::Numbers => "decimal",
                m::PointMarkers::Dashes => "dash",
                m::PointMarkers::Bullets => "bullet",
            };
            // Word numbers nine levels; deeper points keep their numbers as text.
            let auto = automatic && p.marker && level <= 9;
            let table = p.table.as_ref().map(|t| PointTableView {
                widths: if t.widths.is_empty() { vec![1.0; t.columns.len()] } else { t.widths.clone() },
                columns: t.columns.clone(),
                rows: t.rows.clone(),
            });
            PointView { number, marker, number_format, auto, level, list, addressee, text, points, table }
        })
        .collect()
}

/// A point's text with its group's composition and its responsible people after it:
/// «Создать рабочую группу в составе: руководитель – …; члены группы: ….
/// Ответственный: И.О. Фамилия.»
fn with_people(mut text: String, p: &m::Point) -> String {
    let name = |x: &PersonRef| x.display(true);
    if let Some(g) = &p.group {
        let mut parts = Vec::new();
        if let Some(h) = &g.head {
            parts.push(format!("{} – {}", g.head_title.as_deref().unwrap_or("руководитель"), name(h)));
        }
        if let Some(d) = &g.deputy {
            let title = match (g.deputy_title.as_deref(), g.head_title.as_deref()) {
                (Some(own), _) => own.to_owned(),
                (None, Some(t)) => format!("заместитель {}", agree::genitive_title(t)),
                (None, None) => "заместитель руководителя".to_owned(),
            };
            parts.push(format!("{title} – {}", name(d)));
        }
        if let Some(s) = &g.secretary {
            parts.push(format!("{} – {}", g.secretary_title.as_deref().unwrap_or("секретарь"), name(s)));
        }
        if !g.members.is_empty() {
            let members: Vec<String> = g.members.iter().map(name).collect();
            // «Т.А. Белова, медицинская сестра; Н.С. Гусева, повар»: commas inside the names.
            let sep = if members.iter().any(|m| m.contains(',')) { "; " } else { ", " };
            parts.push(format!("{}: {}", g.members_title.as_deref().unwrap_or("члены группы"), members.join(sep)));
        }
        let body = parts.join("; ");
        text = match text.trim_end() {
            "" => body,
            t if t.ends_with(':') => format!("{t} {body}"),
            t => format!("{t}: {body}"),
        };
        if !text.ends_with(['.', '!', '?']) {
            text.push('.');
        }
    }
    if !p.responsible.is_empty() {
        let word = match &p.responsible_title {
            Some(own) => own.trim_end_matches(':').to_owned(),
            None if p.responsible.len() == 1 => "Ответственный".to_owned(),
            None => "Ответственные".to_owned(),
        };
        let names: Vec<String> = p.responsible.iter().map(name).collect();
        let lead = text.trim_end();
        let sep = if lead.is_empty() {
            ""
        } else if lead.ends_with(['.', '!', '?', ':']) {
            " "
        } else {
            ". "
        };
        text = format!("{lead}{sep}{word}: {}.", names.join(", "));
    }
    text
}

fn appendix_ref(input: &Input, id: &str) -> String {
    let refs = input.style.appendix_refs;
    let idx = input.appendices.iter().position(|a| a.id.as_deref() == Some(id));
    let number = idx.and_then(|i| Appendix::effective_number(&input.appendices, i));
    agree::appendix_ref(number, refs.capitalized, refs.number_sign)
}

fn appendix_view(input: &Input, i: usize) -> AppendixView {
    let a = &input.appendices[i];
    let number = Appendix::effective_number(&input.appendices, i);
    let label = agree::appendix_label(number, a.mark.number_sign);
    let landscape = a.landscape(&input.style);
    let order = input.order.as_ref();
    let cited_date = a.mark.date.or(order.map(|o| o.date));
    let cited_number = a.mark.number.clone().or(order.map(|o| o.number.clone()));
    let date = cited_date.map(|d| match a.mark.date_format {
        DateFormat::Numeric => dates::date_numeric(d.0),
        DateFormat::Words => dates::date_words(d.0),
        DateFormat::QuotedDay => dates::date_quoted_day(d.0),
    });
    let form = a.mark.approved_form.unwrap_or_else(|| agree::guess_form(&a.title));
    let style = deadline_form(input);
    // The appendix's own sequence: its id's high bits are the appendix (tables' sequences
    // follow it, see `Sequences`); 0 is the order's points.
    let list = (i as u32 + 1) << 16;
    AppendixView {
        index: i,
        list,
        kind: match a.kind {
            AppendixKind::Roadmap => "roadmap",
            AppendixKind::List => "list",
            AppendixKind::Text => "text",
        },
        number,
        label: label.clone(),
        landscape,
        approvals: a.approvals.iter().map(|g| approval_view(input, a, g)).collect(),
        mark: MarkView {
            appendix: matches!(a.mark.style, MarkStyle::Appendix | MarkStyle::Both),
            to_order: a.mark.to_order,
            below_title: a.mark.placement == m::MarkPlacement::BelowTitle,
            approved: matches!(a.mark.style, MarkStyle::Approved | MarkStyle::Both),
            label,
            approved_word: agree::approved_word(form),
            issuer: a.mark.issuer.clone().or_else(|| issuer(input)),
            date: date.clone(),
            number: cited_number.clone(),
            number_shown: cited_number.as_deref().map(number_shown),
            order_title: order.filter(|_| a.mark.with_order_title).map(|o| o.title.clone()),
            lines: mark_lines(
                a.mark.lines.as_deref().unwrap_or_default(),
                &[
                    ("приложение", number.map(|n| n.to_string()).unwrap_or_default()),
                    ("номер", cited_number.clone().unwrap_or_default()),
                    ("дата", date.clone().unwrap_or_default()),
                    ("издатель", a.mark.issuer.clone().or_else(|| issuer(input)).unwrap_or_default()),
                    ("заголовок", order.map(|o| o.title.clone()).unwrap_or_default()),
                ],
                cited_date.map(|d| d.0),
            ),
        },
        title: a.title.clone(),
        subtitle: a.subtitle.clone(),
        table: a.table.as_ref().map(|t| table_view(t, style, i)),
        items: a.items.iter().flatten().map(list_item).collect(),
        clauses: a
            .clauses
            .iter()
            .flatten()
            .enumerate()
            .map(|(k, c)| {
                let prefix = format!("{}.", k + 1);
                let numbers = clause_point_numbers(&c.points, &crate::diag::JsonPath::root(), &prefix);
                // Clause points count in the appendix's sequence, under the clause's number.
                let mut it = numbers.into_iter().map(|n| (n.number.unwrap_or_default(), !n.explicit));
                let points = points_view(input, &c.points, 2, m::PointMarkers::Numbers, list, &mut it);
                ClauseView {
                    title: c.title.clone(),
                    number: (k + 1).to_string(),
                    paragraphs: c.paragraphs.clone(),
                    blocks: clause_blocks(input, c, &prefix, &points, list),
                    points,
                }
            })
            .collect(),
        header: i == 0 && input.blank.is_some() && input.order.as_ref().is_none_or(|o| o.body.is_none()),
        title_first: a.title_first,
        signatory: a.signatory.as_ref().map(signatory_view),
    }
}

/// The lines of a гриф. The signature line is as long as the ones drawn by hand on such
/// грифы, the name after it; an unknown date is a line to fill in.
/// An act's kind as written in the instrumental case («приказом», «распоряжением») in the
/// nominative with a capital, for a line of its own: «Приказ», «Распоряжение».
fn nominative_of_act(kind: &str) -> String {
    let k = kind.trim().to_lowercase();
    let word = match k.as_str() {
        "приказом" => "приказ".to_owned(),
        "распоряжением" => "распоряжение".to_owned(),
        "постановлением" => "постановление".to_owned(),
        "решением" => "решение".to_owned(),
        _ => k,
    };
    dates::capitalize_first(&word)
}

fn approval_view(input: &Input, a: &Appendix, g: &m::Approval) -> ApprovalView {
    use m::ApprovalKind as K;
    let form = a.mark.approved_form.unwrap_or_else(|| agree::guess_form(&a.title));
    let word = g.word.clone().unwrap_or_else(|| match g.kind {
        K::Approve => "УТВЕРЖДАЮ".to_owned(),
        K::Approved => agree::approved_word(form).to_owned(),
        K::Agreed => "СОГЛАСОВАНО".to_owned(),
        // A гриф принятия reads «ПРИНЯТО» whatever the document, as the ГОСТ prints it.
        K::Accepted => "ПРИНЯТО".to_owned(),
    });
    let mut lines: Vec<String> = g.position.clone();
    if let Some(b) = &g.body {
        lines.extend(b.split('\n').map(str::to_owned));
    }
    if g.kind == K::Approved {
        let order = input.order.as_ref();
        let act = g.act.as_ref();
        let kind = act.and_then(|x| x.kind.clone()).unwrap_or_else(|| "приказом".to_owned());
        let issuer = act.and_then(|x| x.issuer.clone()).or_else(|| issuer(input));
        // A line break typed in the issuer is kept.
        let head = match issuer {
            Some(i) => format!("{kind} {i}"),
            None => kind,
        };
        lines.extend(head.split('\n').map(str::to_owned));
        let date = act.map(|x| x.date).or(order.map(|o| o.date));
        let number = act.map(|x| x.number.clone()).or(order.map(|o| o.number.clone()));
        if let (Some(d), Some(n)) = (date, number) {
            lines.push(format!("от {} {}", dates::date_numeric(d.0), number_shown(&n)));
        }
    }
    if let Some(p) = &g.protocol {
        match &p.line {
            Some(line) => lines.push(dates::date_by_pattern(
                p.date.0,
                &line.replace("{номер}", &p.number).replace("{дата}", &dates::date_numeric(p.date.0)),
            )),
            None => {
                let title = p.title.clone().unwrap_or_else(|| "Протокол".to_owned());
                lines.push(format!("{title} от {} {}", dates::date_numeric(p.date.0), number_shown(&p.number)));
            }
        }
    }
    let signature = g.person.as_ref().map(|p| format!("________________ {}", person_initials_first(p)));
    let date = signature.as_ref().filter(|_| g.date_line).map(|_| match g.date {
        Some(d) => dates::date_quoted_day(d.0),
        None => "«___» ______________ 20___ г.".to_owned(),
    });
    // Under any other гриф, the act that approves stands under the signature:
    // «Приказ от 30.08.2024 № 112».
    let after = match (&g.act, g.kind) {
        (Some(act), k) if k != K::Approved => {
            let kind = act.kind.as_deref().map_or("Приказ".to_owned(), nominative_of_act);
            let issuer = act.issuer.as_deref().map(|i| format!(" {i}")).unwrap_or_default();
            format!("{kind}{issuer} от {} {}", dates::date_numeric(act.date.0), number_shown(&act.number))
                .split('\n')
                .map(str::to_owned)
                .collect()
        }
        _ => Vec::new(),
    };
    ApprovalView { word, lines, signature, date, after }
}

/// A clause's blocks in reading order; its points numbered among themselves.
fn clause_blocks(
    input: &Input,
    c: &m::Clause,
    prefix: &str,
    legacy_points: &[PointView],
    list: u32,
) -> Vec<ClauseBlockView> {
    if c.blocks.is_empty() {
        let paragraphs = c.paragraphs.iter().map(|t| ClauseBlockView::P { text: t.clone() });
        let points = legacy_points.iter().map(|p| ClauseBlockView::Point { points: vec![p.clone()] });
        return paragraphs.chain(points).collect();
    }
    let points: Vec<m::Point> = c
        .blocks
        .iter()
        .filter_map(|b| match b {
            m::ClauseBlock::Object(m::ClauseObject::Point(p)) => Some(p.as_ref().clone()),
            _ => None,
        })
        .collect();
    let numbers = clause_point_numbers(&points, &crate::diag::JsonPath::root(), prefix);
    let mut it = numbers.into_iter().map(|n| (n.number.unwrap_or_default(), !n.explicit));
    let mut views = points_view(input, &points, 2, m::PointMarkers::Numbers, list, &mut it).into_iter();
    c.blocks
        .iter()
        .map(|b| match b {
            m::ClauseBlock::Text(t) => ClauseBlockView::P { text: t.clone() },
            m::ClauseBlock::Object(m::ClauseObject::Point(_)) => {
                ClauseBlockView::Point { points: views.next().into_iter().collect() }
            }
            m::ClauseBlock::Object(m::ClauseObject::List(l)) => match list_view(l) {
                BlockView::List { marker, items } => ClauseBlockView::List { marker, items },
                BlockView::P { text } => ClauseBlockView::P { text },
            },
        })
        .collect()
}

fn list_item(item: &ListItem) -> String {
    match item {
        ListItem::Text(t) => t.clone(),
        ListItem::Person(p) => {
            let name = p.person.display(false);
            match &p.position {
                Some(pos) => format!("{name}, {pos}"),
                None => name,
            }
        }
    }
}

fn table_view(t: &m::Table, style: deadline::Form, appendix: usize) -> TableView {
    let n = t.columns.len();
    let number_col = t.columns.iter().position(|c| c.role == Some(m::ColumnRole::Number));
    let grouped = t.columns.iter().any(|c| c.group.is_some());
    // Header: one row, or two when some columns share a group title.
    let mut top = Vec::new();
    let mut second = Vec::new();
    let mut i = 0;
    while i < n {
        let c = &t.columns[i];
        match &c.group {
            None => {
                top.push(text_cell(&c.title, 1, if grouped { 2 } else { 1 }));
                i += 1;
            }
            Some(g) => {
                let run = t.columns[i..].iter().take_while(|x| x.group.as_ref() == Some(g)).count();
                top.push(text_cell(g, run, 1));
                second.extend(t.columns[i..i + run].iter().map(|x| text_cell(&x.title, 1, 1)));
                i += run;
            }
        }
    }
    let mut head = vec![top];
    if grouped {
        head.push(second);
    }
    let numbers = table_numbers(t, &crate::diag::JsonPath::root());
    let mut nums = numbers.iter();
    let mut rows = Vec::new();
    let mut seq = Sequences::new(t, appendix);
    walk(t, &t.items, &t.sections, 0, number_col, style, &mut nums, &mut seq, &mut rows);
    TableView {
        widths: t.columns.iter().map(|c| c.width).collect(),
        columns: n,
        head,
        number_row: t.number_row.then(|| (1..=n).map(|k| k.to_string()).collect()),
        rows,
    }
}

fn text_cell(text: &str, colspan: usize, rowspan: usize) -> CellView {
    CellView {
        colspan,
        rowspan,
        number: false,
        auto: None,
        whole_words: true,
        blocks: vec![BlockView::P { text: text.to_owned() }],
    }
}

#[allow(clippy::too_many_arguments)]
fn walk<'n>(
    t: &m::Table,
    items: &[m::Activity],
    sections: &[m::Section],
    level: usize,
    number_col: Option<usize>,
    style: deadline::Form,
    nums: &mut impl Iterator<Item = &'n crate::input::numbering::Numbered>,
    seq: &mut Sequences,
    out: &mut Vec<RowView>,
) {
    let n = t.columns.len();
    let mut covered = std::collections::HashSet::new();
    for (r, a) in items.iter().enumerate() {
        let numbered = nums.next().filter(|x| x.kind == NumKind::Activity);
        let number = numbered.and_then(|x| x.number.clone());
        let explicit = numbered.is_some_and(|x| x.explicit);
        let mut cells = Vec::new();
        let mut c = 0;
        while c < n {
            if covered.contains(&(r, c)) {
                c += 1;
                continue;
            }
            let col = &t.columns[c];
            if Some(c) == number_col {
                // A number typed in the input is printed as typed («1.1» stays without a dot).
                let text = match &number {
                    Some(x) if explicit => x.trim().to_owned(),
                    Some(x) => format!("{}.", x.trim_end_matches('.')),
                    None => String::new(),
                };
                // Following a stage column: one number merged over the stage's rows.
                let follows = t.columns[c].follows.as_deref();
                let rows = follows
                    .and_then(|k| a.values.0.get(k))
                    .and_then(|v| v.span())
                    .map_or(1, |s| (s.rows as usize).max(1))
                    .min(items.len() - r);
                for rr in r + 1..r + rows {
                    covered.insert((rr, c));
                }
                let auto = if explicit || text.is_empty() { None } else { seq.number(&text, false, level) };
                cells.push(CellView {
                    colspan: 1,
                    rowspan: rows,
                    number: true,
                    auto,
                    whole_words: true,
                    blocks: vec![BlockView::P { text }],
                });
                c += 1;
                continue;
            }
            let (value, rows, cols) = match a.values.0.get(&col.key) {
                Some(v) => match v.span() {
                    Some(s) => (Some(&s.value), (s.rows as usize).max(1), (s.columns as usize).max(1)),
                    None => (Some(v), 1, 1),
                },
                None => (None, 1, 1),
            };
            let cols = cols.min(n - c);
            let rows = rows.min(items.len() - r);
            for rr in r..r + rows {
                for cc in c..c + cols {
                    if (rr, cc) != (r, c) {
                        covered.insert((rr, cc));
                    }
                }
            }
            let whole_words = matches!(
                col.role,
                Some(m::ColumnRole::Responsible | m::ColumnRole::Participants | m::ColumnRole::Deadline)
            );
            cells.push(CellView {
                colspan: cols,
                rowspan: rows,
                number: false,
                auto: None,
                whole_words,
                blocks: value.map(|v| cell_blocks(v, style)).unwrap_or_default(),
            });
            c += cols;
        }
        out.push(RowView { kind: "activity", level, number, title: None, cells });
    }
    for s in sections {
        let numbered = nums.next().filter(|x| x.kind == NumKind::Section);
        let number = numbered.and_then(|x| x.number.clone());
        let explicit = numbered.is_some_and(|x| x.explicit);
        let shown = number.as_ref().map(|x| {
            let x = x.trim_end_matches('.');
            match (t.section_numbers, level, x.parse::<u32>()) {
                (m::SectionNumbers::Roman, 0, Ok(k)) => crate::ru::roman::to_roman(k),
                _ => x.to_owned(),
            }
        });
        let in_column = t.section_number_in_column && number_col == Some(0) && n > 1;
        let text_cell = |colspan: usize, text: String| CellView {
            colspan,
            rowspan: 1,
            number: false,
            auto: None,
            whole_words: true,
            blocks: vec![BlockView::P { text }],
        };
        let auto = shown.as_ref().filter(|_| !explicit).and_then(|x| seq.number(x, true, level));
        let cells = match (&shown, in_column) {
            (Some(x), true) => vec![
                CellView { number: true, auto, ..text_cell(1, format!("{x}.")) },
                text_cell(n - 1, s.title.clone()),
            ],
            (None, true) => {
                vec![CellView { number: true, ..text_cell(1, String::new()) }, text_cell(n - 1, s.title.clone())]
            }
            (Some(x), false) => vec![CellView { auto, ..text_cell(n, format!("{x}. {}", s.title)) }],
            (None, false) => vec![text_cell(n, s.title.clone())],
        };
        out.push(RowView {
            kind: "section",
            level: level + 1,
            number: number.clone(),
            title: Some(s.title.clone()),
            cells,
        });
        let outer = seq.enter_section();
        walk(t, &s.items, &s.sections, level + 1, number_col, style, nums, seq, out);
        seq.leave_section(outer);
    }
}

/// How the document prints its deadlines (its style's choices).
pub fn deadline_form(input: &Input) -> deadline::Form {
    deadline::Form {
        dates: match input.style.deadline_dates {
            m::DeadlineDates::Numeric => deadline::DateStyle::Numeric,
            m::DeadlineDates::Words => deadline::DateStyle::Words,
        },
        year_suffix: input.style.deadline_year_suffix,
        capitalized: input.style.deadline_capitalized,
    }
}

/// A cell's text as printed: its paragraphs and list items, one per line.
pub fn cell_text(v: &InCell, style: deadline::Form) -> String {
    let mut lines = Vec::new();
    for b in cell_blocks(v, style) {
        match b {
            BlockView::P { text } => lines.push(text),
            BlockView::List { items, .. } => lines.extend(items),
        }
    }
    lines.join("\n")
}

fn cell_blocks(v: &InCell, style: deadline::Form) -> Vec<BlockView> {
    match v {
        InCell::Text(s) => vec![BlockView::P { text: s.clone() }],
        InCell::Blocks(bs) => bs
            .iter()
            .map(|b| match b {
                InBlock::Text(s) => BlockView::P { text: s.clone() },
                InBlock::Object(BlockObject::List(l)) => list_view(l),
            })
            .collect(),
        InCell::Object(CellObject::People(ps)) => {
            vec![BlockView::P { text: ps.iter().map(|p| p.display(false)).collect::<Vec<_>>().join("\n") }]
        }
        InCell::Object(CellObject::List(l)) => vec![list_view(l)],
        InCell::Object(CellObject::Deadline(d)) => vec![BlockView::P { text: deadline::format_deadline_in(d, style) }],
        InCell::Object(CellObject::Span(s)) => cell_blocks(&s.value, style),
    }
}

fn list_view(l: &m::List) -> BlockView {
    BlockView::List {
        marker: match l.marker {
            ListMarker::Dash => "dash",
            ListMarker::Bullet => "bullet",
            ListMarker::Numbered => "numbered",
            ListMarker::NumberedDot => "numbered-dot",
        },
        items: l.items.clone(),
    }
}
