//! What changed between two versions of a document, in the document's own terms and with
//! the numbers the old (signed) version printed: «Приложение 1, строка 1.2, «Сроки»:
//! «Сентябрь 2024 г.» → «До 15.10.2024»», «Приложение 1, после строки 2.4 добавлена
//! строка: …», «пункт 3 приказа, текст: …».
//!
//! Rows, sections and points are paired by their stable `id` where both versions have one,
//! else by the similarity of their text in order ([`align`]), so an inserted row is one
//! change, not a change of every row after it. Everything else is compared field by field,
//! so no change goes unsaid.

pub mod align;

use serde::Serialize;
use serde_json::Value;

use crate::diag::JsonPath;
use crate::input::deadline_text::Form;
use crate::input::model::{Activity, Appendix, Cell, ColumnRole, Document, Section, Table};
use crate::input::numbering::{point_numbers, table_numbers};
use align::Key;

/// What kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A value changed.
    Changed,
    /// Something was added.
    Added,
    /// Something was removed.
    Removed,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Changed, added or removed.
    pub kind: Kind,
    /// Where, in the old document's terms: «Приложение 1, строка 1.2, «Сроки»».
    pub place: String,
    /// The value before, as printed; none for an addition.
    pub old: Option<String>,
    /// The value after, as printed; none for a removal.
    pub new: Option<String>,
    /// The JSON path in the old file; none for an addition.
    pub old_path: Option<String>,
    /// The JSON path in the new file; none for a removal.
    pub new_path: Option<String>,
    /// What the change is about, as data: for an amending order and for scripts.
    pub subject: Subject,
}

/// What a change is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Subject {
    /// The appendix's printed number; none for the order.
    pub appendix: Option<u32>,
    /// «point», «row», «section», «cell», «column», «field», «appendix», «table» or «order».
    pub what: &'static str,
    /// The old version's number of the point, row or section.
    pub number: Option<String>,
    /// The new version's number of an added point, row or section.
    pub new_number: Option<String>,
    /// The old number of the point or row an addition follows.
    pub after: Option<String>,
    /// The column's title, for a cell or a column.
    pub column: Option<String>,
    /// The section a row's number counts in, when the number alone does not say it («3» or
    /// «„Title…“»).
    pub section: Option<String>,
    /// An added row's cells as printed, one per column of the new table (the number column
    /// holds the row's new number): for the amending order's table fragment.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<String>,
}

impl Change {
    fn about(mut self, subject: Subject) -> Change {
        self.subject = subject;
        self
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |s: &Option<String>| s.as_deref().map(one_line).unwrap_or_default();
        match self.kind {
            Kind::Changed => write!(f, "{}: «{}» → «{}»", self.place, shown(&self.old), shown(&self.new)),
            Kind::Added => write!(f, "{}: «{}»", self.place, shown(&self.new)),
            Kind::Removed => write!(f, "{}: «{}»", self.place, shown(&self.old)),
        }
    }
}

/// A value's lines on one line, as a change list shows them.
fn one_line(s: &str) -> String {
    s.replace('\u{a0}', " ").split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" / ")
}

/// Every change from `old` to `new`, in document order: the order's requisites and
/// points, then each appendix.
pub fn changes(old: &Document, new: &Document) -> Vec<Change> {
    let mut out = Vec::new();
    order(old, new, &mut out);
    appendices(old, new, &mut out);
    out
}

/// Changes keyed by their place in the old reading order (an addition half-way after the
/// entry it follows), said in that order.
fn say_in_order(mut said: Vec<(f64, Change)>, out: &mut Vec<Change>) {
    said.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.extend(said.into_iter().map(|(_, c)| c));
}

fn change(kind: Kind, place: String, old: Option<(String, &JsonPath)>, new: Option<(String, &JsonPath)>) -> Change {
    Change {
        kind,
        place,
        old_path: old.as_ref().map(|(_, p)| p.to_string()),
        new_path: new.as_ref().map(|(_, p)| p.to_string()),
        old: old.map(|(v, _)| v),
        new: new.map(|(v, _)| v),
        subject: Subject { what: "field", ..Subject::default() },
    }
}

// ---------------------------------------------------------------- the order

fn order(old: &Document, new: &Document, out: &mut Vec<Change>) {
    let root = JsonPath::root().key("order");
    match (&old.order, &new.order) {
        (None, None) => {}
        (Some(o), None) => out.push(
            change(Kind::Removed, "приказ исключён".into(), Some((o.title.clone(), &root)), None)
                .about(Subject { what: "order", ..Subject::default() }),
        ),
        (None, Some(n)) => out.push(
            change(Kind::Added, "добавлен приказ".into(), None, Some((n.title.clone(), &root)))
                .about(Subject { what: "order", ..Subject::default() }),
        ),
        (Some(o), Some(n)) => {
            // Requisites and everything else but the points, field by field.
            let strip = |v: &crate::input::model::Order| {
                let mut j = serde_json::to_value(v).unwrap_or(Value::Null);
                if let Some(body) = j.get_mut("body").and_then(Value::as_object_mut) {
                    body.remove("points");
                    if let Some(a) = body.get_mut("acquaintance").and_then(Value::as_object_mut) {
                        a.remove("people");
                    }
                }
                j
            };
            fields(&strip(o), &strip(n), &root, "приказ", out);
            let (op, np) = (o.body.as_ref().map(|b| &b.points[..]), n.body.as_ref().map(|b| &b.points[..]));
            points(op.unwrap_or(&[]), np.unwrap_or(&[]), out);
            // The acquaintance list by person: one who leaves is one change.
            let people = |d: &crate::input::model::Order| -> Vec<String> {
                d.body
                    .as_ref()
                    .and_then(|b| b.acquaintance.as_ref())
                    .map(|a| a.people.iter().map(|p| p.display(true)).collect())
                    .unwrap_or_default()
            };
            let at = root.key("body").key("acquaintance").key("people");
            texts_in_order(&people(o), &people(n), "приказ, лист ознакомления", (&at, &at), "acquaintance", out);
        }
    }
}

/// A point as one line of text: its addressee and text, as the author wrote them.
pub(crate) fn point_text(p: &crate::input::model::Point) -> String {
    let addressee = p.addressee.as_ref().and_then(|a| serde_json::to_value(a).ok()).map(|v| flat_text(&v));
    [addressee, p.text.clone()].into_iter().flatten().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

fn points(old: &[crate::input::model::Point], new: &[crate::input::model::Point], out: &mut Vec<Change>) {
    let base = JsonPath::root().key("order").key("body").key("points");
    // Every point at every depth, in reading order, with its printed number.
    fn flat<'a>(
        ps: &'a [crate::input::model::Point],
        path: &JsonPath,
        out: &mut Vec<(&'a crate::input::model::Point, JsonPath)>,
    ) {
        for (i, p) in ps.iter().enumerate() {
            let at = path.index(i);
            out.push((p, at.clone()));
            flat(&p.points, &at.key("points"), out);
        }
    }
    let (mut fo, mut fnw) = (Vec::new(), Vec::new());
    flat(old, &base, &mut fo);
    flat(new, &base, &mut fnw);
    // Each version's printed numbers, computed once, by path.
    let numbers = |list: &[crate::input::model::Point]| -> std::collections::HashMap<String, String> {
        point_numbers(list, &base).into_iter().filter_map(|n| Some((n.path.to_string(), n.number?))).collect()
    };
    let (numbers_old, numbers_new) = (numbers(old), numbers(new));
    let number = |numbers: &std::collections::HashMap<String, String>, path: &JsonPath| {
        numbers.get(&path.to_string()).cloned().unwrap_or_else(|| "?".into())
    };
    let ko: Vec<Key> = fo.iter().map(|(p, _)| Key { id: None, text: point_text(p) }).collect();
    let kn: Vec<Key> = fnw.iter().map(|(p, _)| Key { id: None, text: point_text(p) }).collect();
    let pairs = align::pair(&ko, &kn);
    let paired_old: std::collections::HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let paired_new: std::collections::HashMap<usize, usize> = pairs.iter().map(|p| (p.1, p.0)).collect();
    // Each change with its place in the old reading order, to be said in that order.
    let mut said: Vec<(f64, Change)> = Vec::new();
    for (i, (p, path)) in fo.iter().enumerate() {
        if !paired_old.contains(&i) {
            let place = format!("пункт {} приказа исключён", number(&numbers_old, path));
            let about = Subject { what: "point", number: Some(number(&numbers_old, path)), ..Subject::default() };
            said.push((i as f64, change(Kind::Removed, place, Some((point_text(p), path)), None).about(about)));
        }
    }
    for (j, (p, path)) in fnw.iter().enumerate() {
        match paired_new.get(&j) {
            Some(&i) => {
                let (op, opath) = &fo[i];
                let strip = |p: &crate::input::model::Point| {
                    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
                    if let Some(o) = v.as_object_mut() {
                        o.remove("points");
                    }
                    v
                };
                let place = format!("пункт {} приказа", number(&numbers_old, opath));
                let mut fields = Vec::new();
                fields_at(&strip(op), &strip(p), opath, path, &place, &mut fields);
                let about = Subject { what: "point", number: Some(number(&numbers_old, opath)), ..Subject::default() };
                said.extend(fields.into_iter().map(|c| (i as f64, c.about(about.clone()))));
            }
            None => {
                let before = (0..j).rev().find_map(|k| paired_new.get(&k)).copied();
                let place = match before {
                    Some(i) => format!("после пункта {} приказа добавлен пункт", number(&numbers_old, &fo[i].1)),
                    None => "в начало приказа добавлен пункт".to_owned(),
                };
                let key = before.map_or(-1.0, |i| i as f64) + 0.5 + j as f64 / (fnw.len() as f64 + 1.0) / 2.0;
                let about = Subject {
                    what: "point",
                    new_number: Some(number(&numbers_new, path)),
                    after: before.map(|i| number(&numbers_old, &fo[i].1)),
                    ..Subject::default()
                };
                said.push((key, change(Kind::Added, place, None, Some((point_text(p), path))).about(about)));
            }
        }
    }
    say_in_order(said, out);
}

// ---------------------------------------------------------------- appendices

fn appendix_label(a: &Appendix, i: usize) -> String {
    format!("Приложение {}", a.number.unwrap_or(i as u32 + 1))
}

fn appendices(old: &Document, new: &Document, out: &mut Vec<Change>) {
    let base = JsonPath::root().key("appendices");
    // By id where both have one, else by position.
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    let mut used_new = vec![false; new.appendices.len()];
    for (i, a) in old.appendices.iter().enumerate() {
        let by_id = a.id.as_ref().and_then(|id| new.appendices.iter().position(|b| b.id.as_ref() == Some(id)));
        let j =
            by_id.or_else(|| (i < new.appendices.len() && !used_new[i] && new.appendices[i].id.is_none()).then_some(i));
        match j.filter(|&j| !used_new[j]) {
            Some(j) => {
                used_new[j] = true;
                pairs.push((Some(i), Some(j)));
            }
            None => pairs.push((Some(i), None)),
        }
    }
    pairs.extend((0..new.appendices.len()).filter(|j| !used_new[*j]).map(|j| (None, Some(j))));
    for (i, j) in pairs {
        match (i, j) {
            (Some(i), Some(j)) => {
                let (a, b) = (&old.appendices[i], &new.appendices[j]);
                let label = appendix_label(a, i);
                let start = out.len();
                let (pa, pb) = (base.index(i), base.index(j));
                let strip = |x: &Appendix| {
                    let mut v = serde_json::to_value(x).unwrap_or(Value::Null);
                    if let Some(o) = v.as_object_mut() {
                        o.remove("table");
                        o.remove("clauses");
                        o.remove("items");
                    }
                    v
                };
                fields_at(&strip(a), &strip(b), &pa, &pb, &label, out);
                match (&a.table, &b.table) {
                    (Some(ta), Some(tb)) => table(
                        ta,
                        tb,
                        (&crate::template::view::deadline_form(old), &crate::template::view::deadline_form(new)),
                        &label,
                        (&pa.key("table"), &pb.key("table")),
                        out,
                    ),
                    (Some(_), None) => out.push(change(
                        Kind::Removed,
                        format!("{label}: таблица исключена"),
                        Some((String::new(), &pa.key("table"))),
                        None,
                    )),
                    (None, Some(_)) => out.push(change(
                        Kind::Added,
                        format!("{label}: добавлена таблица"),
                        None,
                        Some((String::new(), &pb.key("table"))),
                    )),
                    (None, None) => {}
                }
                clauses(
                    a.clauses.as_deref().unwrap_or(&[]),
                    b.clauses.as_deref().unwrap_or(&[]),
                    &label,
                    (&pa, &pb),
                    out,
                );
                list_items(
                    a.items.as_deref().unwrap_or(&[]),
                    b.items.as_deref().unwrap_or(&[]),
                    &label,
                    (&pa, &pb),
                    out,
                );
                let number = a.number.unwrap_or(i as u32 + 1);
                for c in &mut out[start..] {
                    c.subject.appendix = Some(number);
                }
            }
            (Some(i), None) => {
                let a = &old.appendices[i];
                out.push(
                    change(
                        Kind::Removed,
                        format!("{} исключено", appendix_label(a, i)),
                        Some((a.title.clone(), &base.index(i))),
                        None,
                    )
                    .about(Subject {
                        what: "appendix",
                        appendix: Some(a.number.unwrap_or(i as u32 + 1)),
                        ..Subject::default()
                    }),
                );
            }
            (None, Some(j)) => {
                let b = &new.appendices[j];
                out.push(
                    change(
                        Kind::Added,
                        format!("добавлено {}", appendix_label(b, j)),
                        None,
                        Some((b.title.clone(), &base.index(j))),
                    )
                    .about(Subject {
                        what: "appendix",
                        new_number: Some(b.number.unwrap_or(j as u32 + 1).to_string()),
                        ..Subject::default()
                    }),
                );
            }
            (None, None) => {}
        }
    }
}

/// A row of a table in reading order: the activity or section, its path, its printed number.
enum Row<'a> {
    Section(&'a Section, JsonPath, Option<String>),
    /// The activity, its path, its number, and how its section is named («раздел 2»)
    /// when its number alone does not say where it is (numbering that restarts in each
    /// section).
    Activity(&'a Activity, JsonPath, Option<String>, Option<String>, Option<String>),
}

fn rows<'a>(t: &'a Table, base: &JsonPath) -> Vec<Row<'a>> {
    let numbers: std::collections::HashMap<String, String> =
        table_numbers(t, base).into_iter().filter_map(|n| Some((n.path.to_string(), n.number?))).collect();
    let number = |p: &JsonPath| numbers.get(&p.to_string()).cloned();
    fn walk<'a>(
        items: &'a [Activity],
        sections: &'a [Section],
        base: &JsonPath,
        section: Option<String>,
        number: &dyn Fn(&JsonPath) -> Option<String>,
        out: &mut Vec<Row<'a>>,
    ) {
        for (i, a) in items.iter().enumerate() {
            let p = base.key("items").index(i);
            let n = number(&p);
            // «1.2» says its section; «2» under a section that restarts the count does not.
            let within = section.clone().filter(|_| n.as_deref().is_some_and(|n| !n.contains('.')));
            out.push(Row::Activity(a, p.clone(), n, within, section.clone()));
        }
        for (i, s) in sections.iter().enumerate() {
            let p = base.key("sections").index(i);
            let n = number(&p);
            let name = match &n {
                Some(n) => format!("раздел {n}"),
                None => format!("раздел «{}»", short(&s.title)),
            };
            out.push(Row::Section(s, p.clone(), n));
            walk(&s.items, &s.sections, &p, Some(name), number, out);
        }
    }
    let mut out = Vec::new();
    walk(&t.items, &t.sections, base, None, &number, &mut out);
    out
}

/// The key of the column that names a row: the activity's, else the first that is not
/// the number's.
fn main_column(t: &Table) -> Option<&str> {
    t.columns
        .iter()
        .find(|c| c.role == Some(ColumnRole::Activity))
        .or_else(|| t.columns.iter().find(|c| c.role != Some(ColumnRole::Number)))
        .map(|c| c.key.as_str())
}

fn cell(a: &Activity, key: &str, form: &Form) -> String {
    a.values.0.get(key).map(|c: &Cell| crate::template::view::cell_text(c, *form)).unwrap_or_default()
}

fn table(
    old: &Table,
    new: &Table,
    forms: (&Form, &Form),
    label: &str,
    paths: (&JsonPath, &JsonPath),
    out: &mut Vec<Change>,
) {
    // Columns by key.
    for (i, c) in old.columns.iter().enumerate() {
        let po = paths.0.key("columns").index(i);
        match new.columns.iter().position(|d| d.key == c.key) {
            Some(j) => {
                let pn = paths.1.key("columns").index(j);
                if c.title != new.columns[j].title {
                    let about = Subject { what: "column", column: Some(one_line(&c.title)), ..Subject::default() };
                    let place = format!("{label}, столбец «{}»", one_line(&c.title));
                    out.push(
                        change(
                            Kind::Changed,
                            place,
                            Some((c.title.clone(), &po)),
                            Some((new.columns[j].title.clone(), &pn)),
                        )
                        .about(about),
                    );
                }
            }
            None => out.push(
                change(Kind::Removed, format!("{label}: столбец исключён"), Some((c.title.clone(), &po)), None)
                    .about(Subject { what: "column", column: Some(one_line(&c.title)), ..Subject::default() }),
            ),
        }
    }
    for (j, d) in new.columns.iter().enumerate() {
        if !old.columns.iter().any(|c| c.key == d.key) {
            let pn = paths.1.key("columns").index(j);
            out.push(
                change(Kind::Added, format!("{label}: добавлен столбец"), None, Some((d.title.clone(), &pn)))
                    .about(Subject { what: "column", column: Some(one_line(&d.title)), ..Subject::default() }),
            );
        }
    }
    let (ro, rn) = (rows(old, paths.0), rows(new, paths.1));
    // Each change with its place in the old reading order, to be said in that order.
    let mut said: Vec<(f64, Change)> = Vec::new();
    let (main_o, main_n) = (main_column(old), main_column(new));
    fn key_of<'a>(r: &Row<'a>, main: Option<&str>, form: &Form) -> Key<'a> {
        match r {
            Row::Section(s, ..) => Key { id: s.id.as_deref(), text: format!("§ {}", s.title) },
            Row::Activity(a, ..) => {
                Key { id: a.id.as_deref(), text: main.map(|k| cell(a, k, form)).unwrap_or_default() }
            }
        }
    }
    // Sections and activities are paired apart: a section is never taken for a row.
    for want_section in [true, false] {
        let pick = |rs: &[Row<'_>]| -> Vec<usize> {
            rs.iter()
                .enumerate()
                .filter(|(_, r)| matches!(r, Row::Section(..)) == want_section)
                .map(|(i, _)| i)
                .collect()
        };
        let (io, inew) = (pick(&ro), pick(&rn));
        let ko: Vec<Key> = io.iter().map(|&i| key_of(&ro[i], main_o, forms.0)).collect();
        let kn: Vec<Key> = inew.iter().map(|&j| key_of(&rn[j], main_n, forms.1)).collect();
        let pairs = align::pair(&ko, &kn);
        let paired_old: std::collections::HashSet<usize> = pairs.iter().map(|p| io[p.0]).collect();
        let paired_new: std::collections::HashMap<usize, usize> = pairs.iter().map(|p| (inew[p.1], io[p.0])).collect();
        let name = |r: &Row<'_>, main: Option<&str>, form: &Form| match r {
            Row::Section(s, _, n) => match n {
                Some(n) => format!("раздел {n}"),
                None => format!("раздел «{}»", short(&s.title)),
            },
            Row::Activity(a, _, n, within, _) => {
                let row = match n {
                    Some(n) => format!("строка {n}"),
                    None => format!("строка «{}»", short(&main.map(|k| cell(a, k, form)).unwrap_or_default())),
                };
                match within {
                    Some(section) => format!("{section}, {row}"),
                    None => row,
                }
            }
        };
        let whole = |r: &Row<'_>, cols: &[crate::input::model::Column], form: &Form| match r {
            Row::Section(s, ..) => s.title.clone(),
            Row::Activity(a, ..) => cols
                .iter()
                .filter(|c| c.role != Some(ColumnRole::Number))
                .map(|c| cell(a, &c.key, form))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" | "),
        };
        let path = |r: &Row<'_>| match r {
            Row::Section(_, p, _) | Row::Activity(_, p, ..) => p.clone(),
        };
        // A row or section as data: its number (or its first words in quotes when it has
        // none) and, for a number that restarts in each section, that section.
        let subject = |r: &Row<'_>, main: Option<&str>, form: &Form| match r {
            Row::Section(s, _, n) => Subject {
                what: "section",
                number: Some(n.clone().unwrap_or_else(|| format!("«{}»", short(&s.title)))),
                ..Subject::default()
            },
            Row::Activity(a, _, n, within, _) => Subject {
                what: "row",
                number: Some(
                    n.clone()
                        .unwrap_or_else(|| format!("«{}»", short(&main.map(|k| cell(a, k, form)).unwrap_or_default()))),
                ),
                section: within.as_ref().map(|w| w.trim_start_matches("раздел ").to_owned()),
                ..Subject::default()
            },
        };
        for &i in &io {
            if !paired_old.contains(&i) {
                let (verb, thing) =
                    if want_section { ("исключён", &ro[i]) } else { ("исключена", &ro[i]) };
                let place = format!("{label}, {} {verb}", name(thing, main_o, forms.0));
                said.push((
                    i as f64,
                    change(Kind::Removed, place, Some((whole(thing, &old.columns, forms.0), &path(thing))), None)
                        .about(subject(thing, main_o, forms.0)),
                ));
            }
        }
        for &j in &inew {
            let r = &rn[j];
            match paired_new.get(&j) {
                Some(&i) => {
                    let o = &ro[i];
                    let here = name(o, main_o, forms.0);
                    match (o, r) {
                        (Row::Section(a, pa, _), Row::Section(b, pb, _)) if a.title != b.title => {
                            let place = format!("{label}, {here}, заголовок");
                            said.push((
                                i as f64,
                                change(
                                    Kind::Changed,
                                    place,
                                    Some((a.title.clone(), &pa.key("title"))),
                                    Some((b.title.clone(), &pb.key("title"))),
                                )
                                .about(subject(o, main_o, forms.0)),
                            ));
                        }
                        (Row::Activity(a, pa, ..), Row::Activity(b, pb, ..)) => {
                            let mut keys: Vec<&str> = new.columns.iter().map(|c| c.key.as_str()).collect();
                            keys.extend(
                                old.columns
                                    .iter()
                                    .map(|c| c.key.as_str())
                                    .filter(|k| !new.columns.iter().any(|c| c.key == *k)),
                            );
                            for k in keys {
                                let is_number = new
                                    .columns
                                    .iter()
                                    .chain(&old.columns)
                                    .any(|c| c.key == k && c.role == Some(ColumnRole::Number));
                                let (x, y) = (cell(a, k, forms.0), cell(b, k, forms.1));
                                if x != y && !is_number {
                                    let title = new
                                        .columns
                                        .iter()
                                        .chain(&old.columns)
                                        .find(|c| c.key == k)
                                        .map_or(k.to_owned(), |c| one_line(&c.title));
                                    let place = format!("{label}, {here}, «{title}»");
                                    said.push((
                                        i as f64,
                                        change(
                                            Kind::Changed,
                                            place,
                                            Some((x, &pa.key("values").key(k))),
                                            Some((y, &pb.key("values").key(k))),
                                        )
                                        .about(Subject {
                                            what: "cell",
                                            column: Some(title.clone()),
                                            ..subject(o, main_o, forms.0)
                                        }),
                                    ));
                                }
                            }
                        }
                        _ => {}
                    }
                }
                None => {
                    // Said after the row of the old version it follows.
                    let at = inew.iter().position(|&k| k == j).unwrap_or(0);
                    let before = inew[..at].iter().rev().find_map(|k| paired_new.get(k));
                    let what =
                        if want_section { "добавлен раздел" } else { "добавлена строка" };
                    // With no row before it: at the start of its section, or of the table.
                    let parent = match r {
                        Row::Activity(.., Some(p)) => Some(p.clone()),
                        _ => None,
                    };
                    let place = match (before, &parent) {
                        (Some(&i), _) => format!("{label}, после {} {what}", genitive(&name(&ro[i], main_o, forms.0))),
                        (None, Some(p)) => format!("{label}, в начало {} {what}", genitive(p)),
                        (None, None) => format!("{label}, в начало таблицы {what}"),
                    };
                    // Right after the row it follows, in the new order among additions there.
                    let key = before.map_or(-1.0, |&i| i as f64) + 0.5 + j as f64 / (rn.len() as f64 + 1.0) / 2.0;
                    let mine = subject(r, main_n, forms.1);
                    let cells = match r {
                        Row::Activity(b, ..) => new
                            .columns
                            .iter()
                            .map(|c| match c.role {
                                Some(ColumnRole::Number) => mine.number.clone().unwrap_or_default(),
                                _ => cell(b, &c.key, forms.1),
                            })
                            .collect(),
                        Row::Section(..) => Vec::new(),
                    };
                    let about = Subject {
                        cells,
                        number: None,
                        new_number: mine.number,
                        after: before.and_then(|&i| subject(&ro[i], main_o, forms.0).number),
                        // At the start of a section: the section, to say where.
                        section: mine.section.or_else(|| {
                            parent.filter(|_| before.is_none()).map(|p| p.trim_start_matches("раздел ").to_owned())
                        }),
                        ..mine
                    };
                    said.push((
                        key,
                        change(Kind::Added, place, None, Some((whole(r, &new.columns, forms.1), &path(r))))
                            .about(about),
                    ));
                }
            }
        }
    }
    say_in_order(said, out);
}

/// «строка 2.4» → «строки 2.4», «раздел 2, строка 3» → «строки 3 раздела 2».
fn genitive(name: &str) -> String {
    if let Some((section, row)) = name.split_once(", ") {
        return format!("{} {}", genitive(row), genitive(section));
    }
    if let Some(rest) = name.strip_prefix("строка ") {
        format!("строки {rest}")
    } else if let Some(rest) = name.strip_prefix("раздел ") {
        format!("раздела {rest}")
    } else {
        name.to_owned()
    }
}

/// The first words of a text, for naming a row that has no number.
fn short(s: &str) -> String {
    let line = one_line(s);
    let mut out: String = line.chars().take(40).collect();
    if line.chars().count() > 40 {
        out.push('…');
    }
    out
}

// ---------------------------------------------------------------- lists («Состав рабочей группы»)

/// A list entry as printed: «Муравьева О.Ю., заместитель начальника …» or its text.
fn item_text(item: &crate::input::model::ListItem) -> String {
    let v = serde_json::to_value(item).unwrap_or(Value::Null);
    match (v.get("person"), v.get("position")) {
        (Some(p), Some(pos)) => format!("{}, {}", flat_text(p), flat_text(pos)),
        _ => flat_text(&v),
    }
}

/// A list's entries paired by text (a person who left is one removal, not a shift of every
/// entry after), named by their place in the old list.
fn list_items(
    old: &[crate::input::model::ListItem],
    new: &[crate::input::model::ListItem],
    label: &str,
    paths: (&JsonPath, &JsonPath),
    out: &mut Vec<Change>,
) {
    let (to, tn): (Vec<String>, Vec<String>) =
        (old.iter().map(item_text).collect(), new.iter().map(item_text).collect());
    let (po, pn) = (paths.0.key("items"), paths.1.key("items"));
    texts_in_order(&to, &tn, &format!("{label}, список"), (&po, &pn), "list-item", out);
}

/// Entries of a list as printed, paired by text, named by their place in the old list;
/// `po`/`pn` are the lists' own paths.
fn texts_in_order(
    to: &[String],
    tn: &[String],
    label: &str,
    (po, pn): (&JsonPath, &JsonPath),
    what: &'static str,
    out: &mut Vec<Change>,
) {
    let keys = |ts: &[String]| ts.iter().map(|t| Key { id: None, text: t.clone() }).collect::<Vec<_>>();
    let pairs = align::pair(&keys(to), &keys(tn));
    let entry = |n: usize| Subject { what, number: Some((n + 1).to_string()), ..Subject::default() };
    let mut said: Vec<(f64, Change)> = Vec::new();
    for (i, t) in to.iter().enumerate() {
        if !pairs.iter().any(|p| p.0 == i) {
            let place = format!("{label}: пункт {} исключён", i + 1);
            said.push((i as f64, change(Kind::Removed, place, Some((t.clone(), &po.index(i))), None).about(entry(i))));
        }
    }
    for (j, t) in tn.iter().enumerate() {
        match pairs.iter().find(|p| p.1 == j) {
            Some(&(i, _)) if to[i] != *t => {
                let place = format!("{label}: пункт {}", i + 1);
                let c =
                    change(Kind::Changed, place, Some((to[i].clone(), &po.index(i))), Some((t.clone(), &pn.index(j))));
                said.push((i as f64, c.about(entry(i))));
            }
            Some(_) => {}
            None => {
                let before = (0..j).rev().find_map(|m| pairs.iter().find(|p| p.1 == m)).map(|p| p.0);
                let place = match before {
                    Some(i) => format!("{label}: после пункта {} добавлен пункт", i + 1),
                    None => format!("{label}: в начало добавлен пункт"),
                };
                let about = Subject {
                    what,
                    new_number: Some((j + 1).to_string()),
                    after: before.map(|i| (i + 1).to_string()),
                    ..Subject::default()
                };
                let key = before.map_or(-1.0, |i| i as f64) + 0.5 + j as f64 / (tn.len() as f64 + 1.0) / 2.0;
                said.push((key, change(Kind::Added, place, None, Some((t.clone(), &pn.index(j)))).about(about)));
            }
        }
    }
    say_in_order(said, out);
}

// ---------------------------------------------------------------- clauses (a Положение)

/// One piece of a clause: a paragraph, a point (numbered «2.3» in the appendix's sequence),
/// or a list, with its text and path.
struct Piece {
    kind: &'static str,
    /// «2.3» for a point, the paragraph's ordinal («1») for a paragraph or list.
    number: String,
    text: String,
    path: JsonPath,
}

fn pieces(c: &crate::input::model::Clause, k: usize, base: &JsonPath) -> Vec<Piece> {
    use crate::input::model::{ClauseBlock, ClauseObject, Point};
    let prefix = format!("{}.", k + 1);
    // Points with their sub-points, in reading order, with their paths and printed numbers
    // (the numbering walks them in the same order).
    let numbered = |ps: &[(JsonPath, &Point)]| -> Vec<Piece> {
        fn flat<'a>(p: &'a Point, path: JsonPath, out: &mut Vec<(JsonPath, &'a Point)>) {
            out.push((path.clone(), p));
            for (j, s) in p.points.iter().enumerate() {
                flat(s, path.key("points").index(j), out);
            }
        }
        let list: Vec<Point> = ps.iter().map(|(_, p)| (*p).clone()).collect();
        let numbers = crate::input::numbering::clause_point_numbers(&list, &JsonPath::root(), &prefix);
        let mut all = Vec::new();
        for (path, p) in ps {
            flat(p, path.clone(), &mut all);
        }
        all.into_iter()
            .zip(numbers)
            .map(|((path, p), n)| Piece {
                kind: "point",
                number: n.number.unwrap_or_default(),
                text: point_text(p),
                path,
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut paragraph = 0;
    if c.blocks.is_empty() {
        for (i, t) in c.paragraphs.iter().enumerate() {
            paragraph += 1;
            out.push(Piece {
                kind: "paragraph",
                number: paragraph.to_string(),
                text: t.clone(),
                path: base.key("paragraphs").index(i),
            });
        }
        let ps: Vec<(JsonPath, &Point)> =
            c.points.iter().enumerate().map(|(i, p)| (base.key("points").index(i), p)).collect();
        out.extend(numbered(&ps));
        return out;
    }
    let ps: Vec<(JsonPath, &Point)> = c
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            ClauseBlock::Object(ClauseObject::Point(p)) => Some((base.key("blocks").index(i).key("point"), p.as_ref())),
            _ => None,
        })
        .collect();
    let mut points = numbered(&ps).into_iter().peekable();
    for (i, b) in c.blocks.iter().enumerate() {
        match b {
            ClauseBlock::Text(t) => {
                paragraph += 1;
                let path = base.key("blocks").index(i);
                out.push(Piece { kind: "paragraph", number: paragraph.to_string(), text: t.clone(), path });
            }
            ClauseBlock::Object(ClauseObject::List(l)) => {
                paragraph += 1;
                let text = serde_json::to_value(l).map(|v| flat_text(&v)).unwrap_or_default();
                let path = base.key("blocks").index(i);
                out.push(Piece { kind: "paragraph", number: paragraph.to_string(), text, path });
            }
            ClauseBlock::Object(ClauseObject::Point(_)) => {
                // This point and its sub-points: the pieces under this block's path.
                let at = base.key("blocks").index(i).key("point").to_string();
                while let Some(p) = points.next_if(|p| {
                    let path = p.path.to_string();
                    path == at || path.starts_with(&format!("{at}."))
                }) {
                    out.push(p);
                }
            }
        }
    }
    out
}

fn clauses(
    old: &[crate::input::model::Clause],
    new: &[crate::input::model::Clause],
    label: &str,
    paths: (&JsonPath, &JsonPath),
    out: &mut Vec<Change>,
) {
    let key = |c: &crate::input::model::Clause| Key { id: None, text: c.title.clone().unwrap_or_default() };
    let pairs = align::pair(&old.iter().map(key).collect::<Vec<_>>(), &new.iter().map(key).collect::<Vec<_>>());
    let (po, pn) = (paths.0.key("clauses"), paths.1.key("clauses"));
    for (k, c) in old.iter().enumerate() {
        if !pairs.iter().any(|p| p.0 == k) {
            let about = Subject { what: "section", number: Some((k + 1).to_string()), ..Subject::default() };
            let place = format!("{label}, раздел {} исключён", k + 1);
            out.push(
                change(Kind::Removed, place, Some((c.title.clone().unwrap_or_default(), &po.index(k))), None)
                    .about(about),
            );
        }
    }
    for (l, c) in new.iter().enumerate() {
        let Some(&(k, _)) = pairs.iter().find(|p| p.1 == l) else {
            let about = Subject { what: "section", new_number: Some((l + 1).to_string()), ..Subject::default() };
            let place = format!("{label}, добавлен раздел {}", l + 1);
            out.push(
                change(Kind::Added, place, None, Some((c.title.clone().unwrap_or_default(), &pn.index(l))))
                    .about(about),
            );
            continue;
        };
        let (a, pa, pb) = (&old[k], po.index(k), pn.index(l));
        let section = (k + 1).to_string();
        if a.title != c.title {
            let about = Subject { what: "section", number: Some(section.clone()), ..Subject::default() };
            out.push(
                change(
                    Kind::Changed,
                    format!("{label}, раздел {section}, заголовок"),
                    Some((a.title.clone().unwrap_or_default(), &pa.key("title"))),
                    Some((c.title.clone().unwrap_or_default(), &pb.key("title"))),
                )
                .about(about),
            );
        }
        let (xo, xn) = (pieces(a, k, &pa), pieces(c, l, &pb));
        let keys = |xs: &[Piece]| xs.iter().map(|x| Key { id: None, text: x.text.clone() }).collect::<Vec<_>>();
        let pairs = align::pair(&keys(&xo), &keys(&xn));
        let name = |x: &Piece| match x.kind {
            "point" => format!("пункт {}", x.number),
            _ => format!("раздел {section}, абзац {}", x.number),
        };
        let what = |x: &Piece| if x.kind == "point" { "clause-point" } else { "paragraph" };
        let about = |x: &Piece| Subject {
            what: what(x),
            number: Some(x.number.clone()),
            section: Some(section.clone()),
            ..Subject::default()
        };
        let mut said: Vec<(f64, Change)> = Vec::new();
        for (i, x) in xo.iter().enumerate() {
            if !pairs.iter().any(|p| p.0 == i) {
                said.push((
                    i as f64,
                    change(
                        Kind::Removed,
                        format!("{label}, {} исключён", name(x)),
                        Some((x.text.clone(), &x.path)),
                        None,
                    )
                    .about(about(x)),
                ));
            }
        }
        for (j, y) in xn.iter().enumerate() {
            match pairs.iter().find(|p| p.1 == j) {
                Some(&(i, _)) if xo[i].text != y.text => {
                    let x = &xo[i];
                    said.push((
                        i as f64,
                        change(
                            Kind::Changed,
                            format!("{label}, {}", name(x)),
                            Some((x.text.clone(), &x.path)),
                            Some((y.text.clone(), &y.path)),
                        )
                        .about(about(x)),
                    ));
                }
                Some(_) => {}
                None => {
                    let before = (0..j).rev().find_map(|m| pairs.iter().find(|p| p.1 == m)).map(|p| p.0);
                    let place = match before {
                        Some(i) => format!(
                            "{label}, после {} добавлен {}",
                            genitive_piece(&name(&xo[i])),
                            if y.kind == "point" { "пункт" } else { "абзац" }
                        ),
                        None => format!(
                            "{label}, в начало раздела {section} добавлен {}",
                            if y.kind == "point" { "пункт" } else { "абзац" }
                        ),
                    };
                    let about = Subject {
                        what: what(y),
                        new_number: Some(y.number.clone()),
                        after: before.map(|i| name(&xo[i])),
                        section: Some(section.clone()),
                        ..Subject::default()
                    };
                    let key = before.map_or(-1.0, |i| i as f64) + 0.5 + j as f64 / (xn.len() as f64 + 1.0) / 2.0;
                    said.push((key, change(Kind::Added, place, None, Some((y.text.clone(), &y.path))).about(about)));
                }
            }
        }
        say_in_order(said, out);
    }
}

/// «пункт 2.3» → «пункта 2.3», «раздел 2, абзац 1» → «абзаца 1 раздела 2».
fn genitive_piece(name: &str) -> String {
    if let Some((section, paragraph)) = name.split_once(", ") {
        let p = paragraph.strip_prefix("абзац ").map_or(paragraph.to_owned(), |n| format!("абзаца {n}"));
        return format!("{p} {}", genitive(section));
    }
    name.strip_prefix("пункт ").map_or(name.to_owned(), |n| format!("пункта {n}"))
}

// ---------------------------------------------------------------- field by field

/// Russian names of the fields a change list names most.
fn field_name(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "заголовок",
        "date" => "дата",
        "number" => "номер",
        "kind" => "вид документа",
        "place" => "место издания",
        "issuer" => "кем издан",
        "preamble" => "констатирующая часть",
        "text" => "текст",
        "addressee" => "адресат",
        "responsible" => "ответственные",
        "subtitle" => "подзаголовок",
        "items" => "список",
        "approvals" => "грифы",
        "signatory" => "подпись",
        "mark" => "отметка «Приложение»",
        "person" => "лицо",
        "position" => "должность",
        "word" => "распорядительное слово",
        "label" => "надпись",
        "acquaintance" => "лист ознакомления",
        _ => return None,
    })
}

fn fields(old: &Value, new: &Value, path: &JsonPath, label: &str, out: &mut Vec<Change>) {
    fields_at(old, new, path, path, label, out);
}

/// Every field that differs between two values, each a change at its own path (a list of
/// texts compared as one value).
fn fields_at(old: &Value, new: &Value, po: &JsonPath, pn: &JsonPath, label: &str, out: &mut Vec<Change>) {
    let (mut lo, mut ln) = (Vec::new(), Vec::new());
    leaves(old, po, &mut lo);
    leaves(new, pn, &mut ln);
    let rel = |p: &JsonPath, base: &JsonPath| p.to_string().strip_prefix(&base.to_string()).unwrap_or("").to_owned();
    let map_n: std::collections::HashMap<String, (String, JsonPath, String)> =
        ln.into_iter().map(|(p, v, key)| (rel(&p, pn), (v, p, key))).collect();
    let mut seen = std::collections::HashSet::new();
    let place = |key: &str, relp: &str| match field_name(key) {
        Some(n) => format!("{label}, {n}"),
        None => format!("{label}, {}", relp.trim_start_matches('.')),
    };
    for (p, v, key) in lo {
        let r = rel(&p, po);
        seen.insert(r.clone());
        match map_n.get(&r) {
            Some((w, q, _)) if *w != v => {
                out.push(change(Kind::Changed, place(&key, &r), Some((v, &p)), Some((w.clone(), q))))
            }
            Some(_) => {}
            None => out.push(change(Kind::Removed, format!("{} — удалено", place(&key, &r)), Some((v, &p)), None)),
        }
    }
    let mut added: Vec<(&String, &(String, JsonPath, String))> =
        map_n.iter().filter(|(r, _)| !seen.contains(*r)).collect();
    added.sort_by(|a, b| a.0.cmp(b.0));
    for (r, (w, q, key)) in added {
        out.push(change(Kind::Added, format!("{} — добавлено", place(key, r)), None, Some((w.clone(), q))));
    }
}

/// The scalar leaves of a value with their paths and the key they stand under; a list of
/// strings is one leaf (its lines).
fn leaves(v: &Value, path: &JsonPath, out: &mut Vec<(JsonPath, String, String)>) {
    fn go(v: &Value, path: &JsonPath, key: &str, out: &mut Vec<(JsonPath, String, String)>) {
        match v {
            Value::Null => {}
            Value::Object(o) => {
                for (k, x) in o {
                    go(x, &path.key(k.as_str()), k, out);
                }
            }
            Value::Array(a) if a.iter().all(Value::is_string) => out.push((
                path.clone(),
                a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"),
                key.to_owned(),
            )),
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    go(x, &path.index(i), key, out);
                }
            }
            other => out.push((path.clone(), flat_text(other), key.to_owned())),
        }
    }
    go(v, path, "", out);
}

/// A scalar (or any value) as text: strings as they are, the rest as JSON.
fn flat_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(o) => o.values().map(flat_text).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" "),
        Value::Array(a) => a.iter().map(flat_text).collect::<Vec<_>>().join("\n"),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
