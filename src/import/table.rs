//! A table grid (from Word, or rows from a spreadsheet) into a roadmap table of the input
//! format: header rows and a «1 2 3 …» row recognised, column roles from the header words,
//! two-level headers as column groups, section rows (one cell across the table, or a
//! number and one cell across the rest), merged cells as spans, lists inside cells,
//! deadlines as data where their text allows, and numbering made automatic when the
//! numbers are what automatic numbering would print.

use crate::diag::Diagnostic;

use std::collections::{BTreeMap, HashMap};

use indexmap::IndexMap;

use crate::input::model::{
    self as m, Block, BlockObject, Cell, CellObject, ColumnRole, Deadline, List, ListMarker, Numbering, SectionNumbers,
    Span, Values,
};

use super::docx::{Grid, GridCell, GridRow, Para};
use crate::input::deadline_text::DateStyle;

/// What a header says a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Number,
    Activity,
    Deadline,
    Responsible,
    Participants,
    Result,
    Indicator,
    Section,
    Other,
}

pub(super) fn kind_of(header: &str) -> Kind {
    let h = header.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if h.trim() == "№" || h.trim() == "n" || has(&["п/п", "№ п", "номер", "№№"]) {
        Kind::Number
    } else if has(&["раздел", "направлен", "этап", "блок"]) && !has(&["мероприят"]) {
        Kind::Section
    } else if has(&["мероприят", "наименование", "содержание", "вид работ", "вид деятельности"])
    {
        Kind::Activity
    } else if has(&["срок", "дата", "период", "когда"]) {
        Kind::Deadline
    } else if has(&["ответствен", "исполнител"]) {
        Kind::Responsible
    } else if has(&["участник"]) {
        Kind::Participants
    } else if has(&["показател", "индикатор"]) {
        Kind::Indicator
    } else if has(&["результат", "итог", "форма отч", "продукт"]) {
        Kind::Result
    } else {
        Kind::Other
    }
}

impl Kind {
    fn key_and_role(self) -> (&'static str, Option<ColumnRole>) {
        match self {
            Kind::Number => ("no", Some(ColumnRole::Number)),
            Kind::Activity => ("activity", Some(ColumnRole::Activity)),
            Kind::Deadline => ("deadline", Some(ColumnRole::Deadline)),
            Kind::Responsible => ("responsible", Some(ColumnRole::Responsible)),
            Kind::Participants => ("participants", Some(ColumnRole::Participants)),
            Kind::Result => ("result", Some(ColumnRole::Result)),
            Kind::Indicator => ("indicator", Some(ColumnRole::Indicator)),
            Kind::Section => ("stage", None),
            Kind::Other => ("col", None),
        }
    }
}

fn role_name(role: ColumnRole) -> &'static str {
    match role {
        ColumnRole::Number => "номера",
        ColumnRole::Activity => "мероприятия",
        ColumnRole::Deadline => "сроки",
        ColumnRole::Responsible => "ответственные",
        ColumnRole::Participants => "участники",
        ColumnRole::Result => "результат",
        ColumnRole::Indicator => "показатели",
    }
}

/// Whether this grid's header names an activity column (a roadmap, not a гриф or a frame).
pub fn is_roadmap(grid: &Grid) -> bool {
    header(grid).is_some()
}

/// The table as the input format's `table` object, and what was recognised.
pub struct Converted {
    /// The table.
    pub table: m::Table,
    /// In Russian, for the summary.
    pub summary: Vec<String>,
    /// Rows above the header that span the table (a title typed into the table).
    pub caption: Vec<String>,
    /// Deadlines recognised as data, of all deadline cells.
    pub deadlines: (usize, usize),
    /// Where each row and value came from, most specific first.
    pub origins: Vec<Origin>,
    /// The grid's column titles (the header), by column.
    pub titles: Vec<String>,
}

/// The header: the rows it takes (from `start`), the column titles and groups.
struct Header {
    start: usize,
    rows: usize,
    titles: Vec<String>,
    groups: Vec<Option<String>>,
    kinds: Vec<Kind>,
}

fn header(grid: &Grid) -> Option<Header> {
    let n = grid.columns();
    if n < 2 {
        return None;
    }
    // Rows above the header that span the whole table are a caption.
    let start = grid.rows.iter().position(|r| {
        !(r.cells.len() == 1 && r.cells[0].colspan >= n) && r.cells.iter().any(|c| !c.text().is_empty())
    })?;
    let first = &grid.rows[start];
    // The header reaches as far as its merged cells do, and a row under a cell over several
    // columns holds their titles (a two-level header).
    let mut rows = first.cells.iter().map(|c| c.rowspan).max().unwrap_or(1).max(1);
    if rows == 1 && first.cells.iter().any(|c| c.colspan > 1) && grid.rows.len() > start + 1 {
        rows = 2;
    }
    let marked = grid.rows[start..].iter().take_while(|r| r.header).count();
    if marked > rows && !is_number_row(&grid.rows[start + marked - 1], n) {
        rows = marked.min(3);
    }
    rows = rows.min(grid.rows.len() - start);
    let mut titles = vec![String::new(); n];
    let mut groups: Vec<Option<String>> = vec![None; n];
    for row in &grid.rows[start..start + rows] {
        for c in &row.cells {
            let text = c.paras.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n").trim().to_owned();
            for col in c.col..(c.col + c.colspan).min(n) {
                if c.colspan > 1 && titles[col].is_empty() && c.rowspan < rows {
                    groups[col] = Some(text.clone());
                } else {
                    titles[col] = text.clone();
                }
            }
        }
    }
    for c in 0..n {
        if titles[c].is_empty() {
            if let Some(g) = groups[c].take() {
                titles[c] = g;
            }
        }
    }
    let kinds: Vec<Kind> = titles
        .iter()
        .zip(&groups)
        .map(|(t, g)| match (kind_of(t), g) {
            (Kind::Other, Some(g)) => kind_of(g),
            (k, _) => k,
        })
        .collect();
    kinds.contains(&Kind::Activity).then_some(Header { start, rows, titles, groups, kinds })
}

fn is_number_row(row: &GridRow, n: usize) -> bool {
    let mut k = 0;
    for c in &row.cells {
        k += 1;
        if c.text() != k.to_string() && c.text() != format!("{k}.") {
            return false;
        }
    }
    k >= 2 && row.cells.last().is_some_and(|c| c.col + c.colspan >= n.min(c.col + c.colspan))
}

/// A section row: its label or typed number, its title, and whether the number stands in
/// the first column.
struct SectionRow {
    number: Option<String>,
    title: String,
    in_column: bool,
}

fn section_row(row: &GridRow, n: usize, number_col: Option<usize>, one_filled_is_section: bool) -> Option<SectionRow> {
    let split = |c: &GridCell| -> (Option<String>, String) {
        let label = c.paras.iter().find_map(|p| p.label.clone()).filter(|_| !c.paras[0].bullet);
        let text = c.text();
        match label {
            Some(l) => (Some(l), text),
            None => match typed_number(&text) {
                Some((num, rest)) => (Some(num), rest),
                None => (None, text),
            },
        }
    };
    if row.cells.len() == 1 && row.cells[0].colspan >= n {
        let (number, title) = split(&row.cells[0]);
        return Some(SectionRow { number, title, in_column: false });
    }
    if row.cells.len() == 2 && number_col == Some(0) && row.cells[1].col == 1 && row.cells[1].colspan >= n - 1 {
        let (number, _) = split(&row.cells[0]);
        return Some(SectionRow { number, title: row.cells[1].text(), in_column: true });
    }
    if one_filled_is_section {
        let filled: Vec<&GridCell> = row.cells.iter().filter(|c| !c.text().is_empty()).collect();
        // The one filled cell may stand in the «№» column, as a section title typed across
        // a row whose merge a spreadsheet reader does not see: it has words, not a number.
        if filled.len() == 1 && n > 1 {
            let (number, title) = split(filled[0]);
            let words = title.chars().any(char::is_alphabetic);
            if Some(filled[0].col) != number_col || words {
                return Some(SectionRow { number, title, in_column: false });
            }
        }
    }
    None
}

/// «1.», «1.2.» or «3)» at the start of an order's point, and the rest.
pub(super) fn typed_point(text: &str) -> Option<(String, String)> {
    typed_number(text).filter(|(n, _)| n.starts_with(|c: char| c.is_ascii_digit()))
}

/// «1.», «1.2.», «II.» or «3)» at the start of a text, and the rest.
fn typed_number(text: &str) -> Option<(String, String)> {
    let end = text.find(|c: char| c.is_whitespace()).unwrap_or(text.len());
    let (head, rest) = text.split_at(end);
    let body = head.strip_suffix('.').or_else(|| head.strip_suffix(')'))?;
    let arabic = !body.is_empty() && body.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let roman = !body.is_empty() && body.chars().all(|c| "IVXLC".contains(c));
    (arabic && body.len() < 12 || roman).then(|| (head.to_owned(), rest.trim().to_owned()))
}

/// A label's number in canonical form: «1.2.» → «1.2», «II.» → «2» (Roman top level).
fn canonical(label: &str) -> String {
    let l = label.trim().trim_end_matches(['.', ')']);
    if !l.is_empty() && l.chars().all(|c| "IVXLC".contains(c)) {
        return crate::ru::roman::from_roman(l).to_string();
    }
    l.to_owned()
}

/// Where a row of the converted table came from.
#[derive(Debug, Clone)]
pub struct Origin {
    /// Its path under the `table` value: «items[3]», «sections[0].items[1].values.deadline».
    pub path: String,
    /// The row of the grid.
    pub row: usize,
    /// The column of the grid, for a value.
    pub col: Option<usize>,
}

/// Options of a conversion.
pub struct Options {
    /// A column headed «Раздел»/«Этап» holds sections (spreadsheets), rather than being a
    /// column of its own (Word, where sections are rows across the table).
    pub section_column: bool,
    /// A row with only one cell filled is a section (spreadsheets, which have no merged rows).
    pub one_filled_is_section: bool,
    /// How dates in deadlines are written («01.09.2024» or «1 сентября 2024 г.»).
    pub dates: DateStyle,
}

/// Converts a grid whose header names an activity column.
pub fn convert(grid: &Grid, opts: &Options) -> Result<Converted, Diagnostic> {
    let n = grid.columns();
    let Some(h) = header(grid) else {
        let first = grid.rows.iter().find(|r| r.cells.iter().any(|c| !c.text().is_empty()));
        let names = first
            .map(|r| r.cells.iter().map(|c| format!("«{}»", c.text())).collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        return Err(Diagnostic::error(format!(
            "не найден столбец мероприятий: заголовки {names}; назовите его «Мероприятие» или «Наименование мероприятия»"
        )));
    };
    let caption: Vec<String> = grid.rows[..h.start]
        .iter()
        .map(|r| r.cells.iter().map(GridCell::text).collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    let mut summary = Vec::new();
    let mut body_start = h.start + h.rows;
    let number_row = grid.rows.get(body_start).is_some_and(|r| is_number_row(r, n));
    if number_row {
        body_start += 1;
        summary.push("строка «1 2 3 …» под шапкой — нумерация столбцов".to_owned());
    }
    let section_col = if opts.section_column { h.kinds.iter().position(|k| *k == Kind::Section) } else { None };
    let number_col = h.kinds.iter().position(|k| *k == Kind::Number);
    // Column keys, unique; roles given once each (the first column of a kind has it).
    let mut columns: Vec<(usize, m::Column)> = Vec::new();
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    let mut roles_given: Vec<ColumnRole> = Vec::new();
    for c in 0..n {
        let (title, kind) = (&h.titles[c], h.kinds[c]);
        if Some(c) == section_col {
            summary.push(format!("столбец «{}» — разделы плана", title));
            continue;
        }
        let (base, role) = kind.key_and_role();
        let count = used.entry(base).or_insert(0);
        *count += 1;
        let key = if *count == 1 && base != "col" { base.to_owned() } else { format!("{base}{count}") };
        let role = role.filter(|r| *r == ColumnRole::Deadline || !roles_given.contains(r));
        roles_given.extend(role);
        match role {
            Some(r) => summary.push(format!("столбец «{}» — {}", title.replace('\n', " "), role_name(r))),
            None => summary.push(format!("столбец «{}» — обычный текст", title.replace('\n', " "))),
        }
        // Word's own widths (twips), so the columns keep their proportions exactly.
        let column = m::Column {
            key,
            title: title.clone(),
            width: grid.widths[c],
            group: h.groups[c].clone(),
            role,
            follows: None,
        };
        columns.push((c, column));
    }
    let key_of: HashMap<usize, String> = columns.iter().map(|(c, col)| (*c, col.key.clone())).collect();
    let role_of: HashMap<usize, Option<ColumnRole>> = columns.iter().map(|(c, col)| (*c, col.role)).collect();

    // Walk the rows into sections (nested by their numbers' depth) and activities.
    let mut tree = Node::default();
    let mut path: Vec<usize> = Vec::new(); // indices of the open sections, outermost first
    let mut labels: Vec<Option<String>> = Vec::new(); // in numbering order, as printed
    let mut kinds_of_rows: Vec<bool> = Vec::new(); // whether each label is a section's
    let mut any_in_column = false;
    let mut follows: Option<String> = None;
    let mut deadlines = (0, 0);
    let mut last_section_value: Option<String> = None;
    for (at, row) in grid.rows.iter().enumerate().skip(body_start) {
        if row.cells.iter().all(|c| c.text().is_empty()) && row.cells.iter().all(|c| c.rowspan == 1) {
            continue;
        }
        if let Some(s) = section_row(row, n, number_col, opts.one_filled_is_section && section_col.is_none()) {
            let depth = s.number.as_deref().map_or(1, |l| canonical(l).split('.').count()).clamp(1, 3);
            any_in_column |= s.in_column;
            path.truncate(depth - 1);
            let parent = tree.at(&path);
            parent.sections.push(Node {
                title: Some(s.title),
                number: s.number.clone(),
                row: Some(at),
                ..Node::default()
            });
            path.push(parent.sections.len() - 1);
            labels.push(s.number);
            kinds_of_rows.push(true);
            continue;
        }
        // A section column: a new value opens a section.
        if let Some(sc) = section_col {
            let v = row.cells.iter().find(|c| c.col == sc).map(GridCell::text).filter(|t| !t.is_empty());
            if let Some(v) = v {
                if last_section_value.as_deref() != Some(v.as_str()) {
                    path.clear();
                    tree.sections.push(Node { title: Some(v.clone()), row: Some(at), ..Node::default() });
                    path.push(tree.sections.len() - 1);
                    labels.push(None);
                    kinds_of_rows.push(true);
                    last_section_value = Some(v);
                }
            }
        }
        let mut values = IndexMap::new();
        let mut cols = Vec::new();
        let mut number = None;
        let mut number_cell = false;
        for cell in &row.cells {
            if Some(cell.col) == section_col {
                continue;
            }
            if Some(cell.col) == number_col {
                number_cell = true;
                let label = cell.paras.iter().find_map(|p| p.label.clone()).filter(|_| !cell.paras[0].bullet);
                let t = cell.text();
                number = label.or_else(|| (!t.is_empty()).then_some(t));
                if cell.rowspan > 1 {
                    // Merged over the rows of a stage: the stage's column is merged the same way.
                    follows = row
                        .cells
                        .iter()
                        .find(|o| o.col != cell.col && o.rowspan == cell.rowspan)
                        .and_then(|o| key_of.get(&o.col).cloned());
                }
                continue;
            }
            let Some(key) = key_of.get(&cell.col) else { continue };
            let is_deadline = role_of.get(&cell.col).is_some_and(|r| *r == Some(ColumnRole::Deadline));
            let value = cell_value(&cell.paras, is_deadline, opts.dates, &mut deadlines);
            let spans = cell.rowspan > 1 || cell.colspan > 1;
            let Some(mut value) = value.or_else(|| spans.then(|| Cell::Text(String::new()))) else { continue };
            if spans {
                let cols = columns.iter().filter(|(c, _)| *c >= cell.col && *c < cell.col + cell.colspan).count();
                let span = Span { rows: cell.rowspan.max(1) as u32, columns: cols.max(1) as u32, value };
                value = Cell::Object(CellObject::Span(Box::new(span)));
            }
            values.insert(key.clone(), value);
            cols.push((key.clone(), cell.col));
        }
        labels.push(number.clone().filter(|_| number_cell));
        kinds_of_rows.push(false);
        tree.at(&path).items.push(Activity { number: number.filter(|_| number_cell), values, row: at, cols });
    }

    // Numbering: the style whose numbers are the ones printed; otherwise every number as written.
    let roman = labels.iter().flatten().next().is_some_and(|l| {
        let l = l.trim_end_matches('.');
        !l.is_empty() && l.chars().all(|c| "IVXLC".contains(c))
    });
    let printed: Vec<Option<String>> = labels.iter().map(|l| l.as_deref().map(canonical)).collect();
    let mut table = m::Table {
        columns: columns.into_iter().map(|(_, c)| c).collect(),
        number_row,
        numbering: Numbering::default(),
        section_numbers: if roman { SectionNumbers::Roman } else { SectionNumbers::Arabic },
        section_number_in_column: any_in_column,
        items: Vec::new(),
        sections: Vec::new(),
    };
    if let (Some(f), Some(nc)) = (&follows, number_col) {
        if let Some(col) = table.columns.get_mut(nc) {
            col.follows = Some(f.clone());
        }
    }
    let activities = tree.count();
    let modes = [Numbering::Hierarchical, Numbering::PerSection, Numbering::Flat];
    let mode = if number_col.is_none() || printed.iter().all(Option::is_none) {
        Some((Numbering::None, false))
    } else if let Some(m) = modes.into_iter().find(|m| numbers_of(&table, &tree, *m, false).as_ref() == Some(&printed))
    {
        Some((m, false))
    } else {
        // Sections without numbers under numbered rows (a spreadsheet's one-cell rows):
        // automatic numbering numbers them too; the rows' numbers must still agree.
        let rows_only = |v: &[Option<String>]| -> Vec<Option<String>> {
            v.iter().zip(&kinds_of_rows).filter(|(_, s)| !**s).map(|(n, _)| n.clone()).collect()
        };
        let sections_bare = labels.iter().zip(&kinds_of_rows).all(|(l, s)| !*s || l.is_none());
        modes
            .into_iter()
            .find(|m| {
                sections_bare
                    && numbers_of(&table, &tree, *m, false).is_some_and(|n| rows_only(&n) == rows_only(&printed))
            })
            .map(|m| (m, true))
    };
    // Section titles that carry their own numbers over rows numbered as written: nothing
    // is numbered automatically, so no section is numbered twice.
    let mode = match mode {
        Some((_, true)) if tree.count_sections() > 0 && tree.sections_titled_with_numbers() => None,
        m => m,
    };
    match mode {
        Some((m, sections_numbered)) => {
            table.numbering = m;
            summary.push(match m {
                Numbering::None => "номеров нет".to_owned(),
                _ => format!("номера идут по порядку — нумерация автоматическая ({})", mode_name(m)),
            });
            if sections_numbered {
                summary.push("разделы без номеров получат номера, как при автоматической нумерации".to_owned());
            }
            tree.emit(&mut table, false);
        }
        None => {
            // Every number as written, in the first style where they do not collide.
            let m = if tree.count_sections() > 0 && tree.sections_titled_with_numbers() {
                Numbering::None
            } else {
                modes.into_iter().find(|m| numbers_of(&table, &tree, *m, true).is_some()).unwrap_or(Numbering::Flat)
            };
            table.numbering = m;
            summary.push("номера не по порядку — записаны как есть".to_owned());
            tree.emit(&mut table, true);
        }
    }
    summary.push(format!("мероприятий: {activities}, разделов: {}", tree.count_sections()));
    if deadlines.0 + deadlines.1 > 0 {
        summary.push(format!(
            "сроков распознано как даты: {} из {}; остальные оставлены текстом, как написаны",
            deadlines.0,
            deadlines.0 + deadlines.1
        ));
    }
    let mut origins = Vec::new();
    tree.origins("", &mut origins);
    Ok(Converted {
        table,
        summary,
        caption,
        deadlines: (deadlines.0, deadlines.0 + deadlines.1),
        origins,
        titles: h.titles.clone(),
    })
}

fn mode_name(m: Numbering) -> &'static str {
    match m {
        Numbering::Hierarchical => "1, 1.1, 1.1.1",
        Numbering::PerSection => "в каждом разделе с 1",
        _ => "сквозная",
    }
}

/// What numbering in `mode` prints for this tree (canonical, in row order), with the
/// numbers as written if `explicit`; `None` if, with explicit numbers, two of them collide.
fn numbers_of(table: &m::Table, tree: &Node, mode: Numbering, explicit: bool) -> Option<Vec<Option<String>>> {
    let mut t = table.clone();
    t.numbering = mode;
    tree.emit(&mut t, explicit);
    let rows = crate::input::numbering::table_numbers(&t, &crate::diag::JsonPath::root());
    if explicit && !crate::input::numbering::collisions(&rows, mode == Numbering::Hierarchical).is_empty() {
        return None;
    }
    Some(rows.into_iter().map(|r| r.number).collect())
}

#[derive(Default)]
struct Node {
    title: Option<String>,
    number: Option<String>,
    items: Vec<Activity>,
    sections: Vec<Node>,
    /// The grid row it was read from.
    row: Option<usize>,
}

struct Activity {
    number: Option<String>,
    values: IndexMap<String, Cell>,
    /// The grid row it was read from, and the column of each value.
    row: usize,
    cols: Vec<(String, usize)>,
}

impl Node {
    fn at(&mut self, path: &[usize]) -> &mut Node {
        let mut n = self;
        for &i in path {
            n = &mut n.sections[i];
        }
        n
    }

    fn count(&self) -> usize {
        self.items.len() + self.sections.iter().map(Node::count).sum::<usize>()
    }

    /// Whether every section's title starts with a number of its own («Раздел 1.
    /// Нормативное обеспечение», «II. Кадры»): automatic numbers would print it twice.
    fn sections_titled_with_numbers(&self) -> bool {
        self.sections.iter().all(|s| {
            let t = s.title.as_deref().unwrap_or("").trim_start();
            let t = ["Раздел", "раздел", "РАЗДЕЛ", "Этап", "этап", "Блок", "Направление"]
                .iter()
                .find_map(|w| t.strip_prefix(w))
                .unwrap_or(t)
                .trim_start();
            let head: String = t.chars().take_while(|c| c.is_ascii_digit() || "IVXLC".contains(*c)).collect();
            !head.is_empty() && t[head.len()..].starts_with(['.', ')', ' ']) && s.sections_titled_with_numbers()
        })
    }

    /// Where each row `emit` writes came from, by its path under the table
    /// («sections[1].items[0]», «….values.deadline»), in the order `emit` writes them.
    fn origins(&self, prefix: &str, out: &mut Vec<Origin>) {
        for (i, a) in self.items.iter().enumerate() {
            let path = format!("{prefix}items[{i}]");
            for (key, col) in &a.cols {
                out.push(Origin { path: format!("{path}.values.{key}"), row: a.row, col: Some(*col) });
            }
            out.push(Origin { path, row: a.row, col: None });
        }
        for (j, s) in self.sections.iter().enumerate() {
            let path = format!("{prefix}sections[{j}]");
            s.origins(&format!("{path}."), out);
            if let Some(row) = s.row {
                out.push(Origin { path, row, col: None });
            }
        }
    }

    fn count_sections(&self) -> usize {
        self.sections.len() + self.sections.iter().map(Node::count_sections).sum::<usize>()
    }

    /// Writes `items` and `sections` into the table, with the numbers as written if `explicit`.
    fn emit(&self, out: &mut m::Table, explicit: bool) {
        (out.items, out.sections) = self.rows(explicit);
    }

    /// The activities and sections of this node, with the numbers as written if `explicit`.
    fn rows(&self, explicit: bool) -> (Vec<m::Activity>, Vec<m::Section>) {
        let items = self
            .items
            .iter()
            .map(|a| m::Activity {
                id: None,
                // Printed as typed: «1.1» stays without a dot, «1.1.» keeps it.
                number: a.number.as_ref().filter(|_| explicit).map(|n| n.trim().to_owned()),
                values: Values(a.values.clone()),
            })
            .collect();
        let sections = self
            .sections
            .iter()
            .map(|s| {
                let (items, sections) = s.rows(explicit);
                m::Section {
                    id: None,
                    number: s.number.as_ref().filter(|_| explicit).map(|n| n.trim_end_matches(['.', ')']).to_owned()),
                    title: s.title.clone().unwrap_or_default(),
                    items,
                    sections,
                }
            })
            .collect();
        (items, sections)
    }
}

/// A cell's value: text, text with line breaks, paragraphs and lists, or a deadline.
/// `None` for an empty cell.
fn cell_value(paras: &[Para], deadline: bool, style: DateStyle, counted: &mut (usize, usize)) -> Option<Cell> {
    let paras: Vec<&Para> = {
        // Empty paragraphs at the ends carry nothing.
        let first = paras.iter().position(|p| !p.text.is_empty() || p.label.is_some());
        let last = paras.iter().rposition(|p| !p.text.is_empty() || p.label.is_some());
        match (first, last) {
            (Some(a), Some(b)) => paras[a..=b].iter().collect(),
            _ => return None,
        }
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        match list_marker(paras[i]) {
            Some(marker) => {
                let mut items = Vec::new();
                while i < paras.len() && list_marker(paras[i]) == Some(marker) {
                    items.push(strip_typed_marker(&paras[i].text));
                    i += 1;
                }
                blocks.push(Block::Object(BlockObject::List(List { marker, items })));
            }
            None => {
                blocks.push(Block::Text(paras[i].text.clone()));
                i += 1;
            }
        }
    }
    if blocks.len() > 1 {
        return Some(Cell::Blocks(blocks));
    }
    Some(match blocks.pop()? {
        Block::Text(s) if deadline => match super::deadline::recognise(&s, style) {
            Some(d) => {
                counted.0 += 1;
                Cell::Object(CellObject::Deadline(Deadline::Spec(d)))
            }
            None => {
                counted.1 += 1;
                Cell::Text(s)
            }
        },
        Block::Text(s) => Cell::Text(s),
        Block::Object(BlockObject::List(l)) => Cell::Object(CellObject::List(l)),
    })
}

/// The marker of a list paragraph: Word's own numbering, or a dash typed at its start.
fn list_marker(p: &Para) -> Option<ListMarker> {
    match &p.label {
        Some(l) if p.bullet => Some(if l.is_empty() || l.contains(['•', '·', '\u{f0b7}', '\u{f0a7}', 'o']) {
            ListMarker::Bullet
        } else {
            ListMarker::Dash
        }),
        Some(l) if l.ends_with(')') => Some(ListMarker::Numbered),
        Some(_) => Some(ListMarker::NumberedDot),
        None if p.text.starts_with("- ") || p.text.starts_with("– ") || p.text.starts_with("— ") => {
            Some(ListMarker::Dash)
        }
        None if p.text.starts_with("• ") => Some(ListMarker::Bullet),
        None => None,
    }
}

fn strip_typed_marker(t: &str) -> String {
    for m in ["- ", "– ", "— ", "• "] {
        if let Some(rest) = t.strip_prefix(m) {
            return rest.to_owned();
        }
    }
    t.to_owned()
}

/// Rows of a spreadsheet or CSV as a grid of single cells (the first non-empty row is the header).
pub fn grid_of_rows(rows: &[(usize, Vec<String>)]) -> Grid {
    let n = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let rows: Vec<GridRow> = rows
        .iter()
        .map(|(_, r)| GridRow {
            header: false,
            cells: (0..n)
                .map(|c| GridCell {
                    col: c,
                    colspan: 1,
                    rowspan: 1,
                    paras: vec![Para {
                        text: r.get(c).map(|s| s.trim().replace("\r\n", "\n")).unwrap_or_default(),
                        ..Para::default()
                    }],
                })
                .collect(),
        })
        .collect();
    // Widths from the text: the longer a column's words, the wider (within bounds).
    let widths = (0..n)
        .map(|c| {
            let lens: Vec<usize> = rows.iter().skip(1).map(|r: &GridRow| r.cells[c].text().chars().count()).collect();
            let longest = lens.iter().copied().max().unwrap_or(0);
            let mean = lens.iter().sum::<usize>() / lens.len().max(1);
            let number = rows.first().is_some_and(|r| kind_of(&r.cells[c].text()) == Kind::Number);
            if number {
                5.0
            } else {
                mean.max(longest / 3).clamp(8, 40) as f64
            }
        })
        .collect();
    Grid { widths, rows }
}
