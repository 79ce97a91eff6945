//! Automatic numbering of order points and table rows, with explicit numbers honoured.
//!
//! Numbers are canonical here («1.2», no trailing dot); how they are printed («1.2.»)
//! is the templates' business. Validation uses the same numbers to find collisions, so
//! what is checked is exactly what will be printed.

use super::model::{Activity, Numbering, Point, Section, Table};
use crate::diag::JsonPath;

/// What a number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A section row.
    Section,
    /// An activity row.
    Activity,
}

/// One numbered row or point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    /// Where it is in the input.
    pub path: JsonPath,
    /// Section or activity (points are activities).
    pub kind: RowKind,
    /// The number to print, if any.
    pub number: Option<String>,
    /// Whether the input gave it explicitly.
    pub explicit: bool,
    /// The scope inside which numbers must be unique.
    pub scope: JsonPath,
}

/// Numbers of order points: 1. / 1.1. / 1.1.1.
pub fn point_numbers(points: &[Point], base: &JsonPath) -> Vec<Numbered> {
    let mut out = Vec::new();
    number_points(points, base, "", &mut out);
    out
}

/// Numbers of the points of a clause numbered `prefix` («2.»): 2.1, 2.2 …; an explicit
/// number is printed as given and its sub-points follow it.
pub fn clause_point_numbers(points: &[Point], base: &JsonPath, prefix: &str) -> Vec<Numbered> {
    let mut out = Vec::new();
    number_points(points, base, prefix, &mut out);
    out
}

/// An explicit number continues the sequence: after «5» comes «6», after «2.4» «2.5», and
/// its sub-points are «5.1», «5.2» — as a document that skips or restarts reads.
fn number_points(points: &[Point], base: &JsonPath, prefix: &str, out: &mut Vec<Numbered>) {
    let mut next = 1;
    for (i, p) in points.iter().enumerate() {
        let path = base.index(i);
        let auto = format!("{prefix}{next}");
        let explicit = p.number.as_deref().map(|n| n.trim().trim_end_matches('.'));
        let own = explicit.unwrap_or(&auto).to_owned();
        match own.rsplit('.').next().and_then(|last| last.parse::<usize>().ok()) {
            Some(k) => next = k + 1,
            None => next += 1,
        }
        out.push(numbered(&path, RowKind::Activity, p.number.as_deref(), Some(auto), JsonPath::root()));
        number_points(&p.points, &path.key("points"), &format!("{own}."), out);
    }
}

fn numbered(path: &JsonPath, kind: RowKind, explicit: Option<&str>, auto: Option<String>, scope: JsonPath) -> Numbered {
    Numbered {
        path: path.clone(),
        kind,
        number: explicit.map(str::to_owned).or(auto),
        explicit: explicit.is_some(),
        scope,
    }
}

/// Numbers of a table's sections and activities, in document order, for `base` = the
/// table's path.
pub fn table_numbers(table: &Table, base: &JsonPath) -> Vec<Numbered> {
    let follows =
        table.columns.iter().find(|c| c.role == Some(super::model::ColumnRole::Number)).and_then(|c| c.follows.clone());
    let mut ctx = Ctx { style: table.numbering, flat: 0, out: Vec::new(), table: base.clone(), follows };
    ctx.level(&table.items, &table.sections, base, "");
    ctx.out
}

struct Ctx {
    style: Numbering,
    flat: usize,
    out: Vec<Numbered>,
    table: JsonPath,
    /// The key of the column whose merged cells the numbers follow.
    follows: Option<String>,
}

/// For each activity of one level, whether a merged cell of column `key` from a row above
/// covers it (it then shares that row's number).
pub fn covered_rows(items: &[Activity], key: Option<&str>) -> Vec<bool> {
    let mut out = vec![false; items.len()];
    let Some(key) = key else { return out };
    let mut i = 0;
    while i < items.len() {
        let rows = items[i].values.0.get(key).and_then(|v| v.span()).map_or(1, |s| (s.rows as usize).max(1));
        for c in out.iter_mut().take((i + rows).min(items.len())).skip(i + 1) {
            *c = true;
        }
        i += rows;
    }
    out
}

impl Ctx {
    /// Numbers one level: its activities first, then its sections, sharing one counter in
    /// the hierarchical style (a section after three activities of its parent is «x.4»).
    fn level(&mut self, items: &[Activity], sections: &[Section], base: &JsonPath, prefix: &str) {
        let parent_scope = base.clone();
        let covered = covered_rows(items, self.follows.as_deref());
        // Rows numbered so far at this level (rows under a merged stage cell share its number).
        let mut k = 0;
        for (i, a) in items.iter().enumerate() {
            let path = base.key("items").index(i);
            if covered[i] {
                self.out.push(numbered(&path, RowKind::Activity, None, None, parent_scope.clone()));
                continue;
            }
            k += 1;
            // An explicit number continues the sequence: after «1.3» comes «1.4».
            let resume = last_number(a.number.as_deref());
            if let Some(n) = resume {
                k = n;
                if self.style == Numbering::Flat {
                    self.flat = n - 1;
                }
            }
            let (auto, scope) = match self.style {
                Numbering::None => (None, self.table.clone()),
                Numbering::Flat => {
                    self.flat += 1;
                    (Some(self.flat.to_string()), self.table.clone())
                }
                Numbering::Hierarchical => (Some(format!("{prefix}{k}")), self.table.clone()),
                Numbering::PerSection => (Some(k.to_string()), parent_scope.clone()),
            };
            self.out.push(numbered(&path, RowKind::Activity, a.number.as_deref(), auto, scope));
        }
        // Sections continue the activities' count in the hierarchical style, and an explicit
        // section number continues the sequence too.
        let mut ordinal = if self.style == Numbering::Hierarchical { k } else { 0 };
        for (j, s) in sections.iter().enumerate() {
            let path = base.key("sections").index(j);
            ordinal = last_number(s.number.as_deref()).unwrap_or(ordinal + 1);
            let auto = (self.style != Numbering::None).then(|| format!("{prefix}{ordinal}"));
            let own = s.number.clone().or(auto.clone());
            self.out.push(numbered(&path, RowKind::Section, s.number.as_deref(), auto, self.table.key("#sections")));
            let child_prefix = own.map(|n| format!("{}.", n.trim_end_matches('.'))).unwrap_or_default();
            self.level(&s.items, &s.sections, &path, &child_prefix);
        }
    }
}

/// The last numeric part of an explicit number («1.4» → 4, «7» → 7), which the numbers after
/// it continue from.
fn last_number(explicit: Option<&str>) -> Option<usize> {
    explicit?.trim().trim_end_matches('.').rsplit('.').next()?.trim().parse().ok().filter(|n| *n > 0)
}

/// Two rows whose printed numbers are the same within one scope.
pub fn collisions(rows: &[Numbered], hierarchical_shared: bool) -> Vec<(&Numbered, &Numbered)> {
    let mut seen: std::collections::HashMap<(String, String), &Numbered> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for r in rows {
        let Some(n) = &r.number else { continue };
        let norm = n.trim().trim_end_matches('.').trim().to_owned();
        // In the hierarchical style sections and activities share one namespace.
        let scope = if hierarchical_shared { String::new() } else { r.scope.to_string() };
        match seen.get(&(scope.clone(), norm.clone())) {
            Some(first) => out.push((*first, r)),
            None => {
                seen.insert((scope, norm), r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::model::{Column, Values};

    fn act() -> Activity {
        Activity { id: None, number: None, values: Values::default() }
    }
    fn sec(items: usize, sections: Vec<Section>) -> Section {
        Section { id: None, number: None, title: "s".into(), items: (0..items).map(|_| act()).collect(), sections }
    }
    fn table(numbering: Numbering, sections: Vec<Section>) -> Table {
        Table {
            columns: vec![Column {
                key: "no".into(),
                title: "№".into(),
                width: 1.0,
                group: None,
                role: None,
                follows: None,
            }],
            number_row: false,
            numbering,
            section_numbers: Default::default(),
            section_number_in_column: false,
            items: vec![],
            sections,
        }
    }
    fn numbers(t: &Table) -> Vec<String> {
        table_numbers(t, &JsonPath::root()).into_iter().map(|n| n.number.unwrap_or_default()).collect()
    }

    #[test]
    fn numbers_follow_a_stage_column_one_per_merged_group() {
        use crate::input::model::{Cell, CellObject, ColumnRole, Span};
        let stage = |rows: u32| {
            let mut a = act();
            let span = Span { rows, columns: 1, value: Cell::Text("этап".into()) };
            a.values.0.insert("stage".into(), Cell::Object(CellObject::Span(Box::new(span))));
            a
        };
        let mut t = table(Numbering::Hierarchical, vec![]);
        t.columns[0].role = Some(ColumnRole::Number);
        t.columns[0].follows = Some("stage".into());
        let mut s = sec(0, vec![]);
        s.items = vec![stage(2), act(), stage(1), stage(3), act(), act()];
        t.sections = vec![s, sec(1, vec![])];
        let got: Vec<Option<String>> = table_numbers(&t, &JsonPath::root()).into_iter().map(|n| n.number).collect();
        let want = ["1", "1.1", "", "1.2", "1.3", "", "", "2", "2.1"];
        let want: Vec<Option<String>> = want.iter().map(|w| (!w.is_empty()).then(|| w.to_string())).collect();
        assert_eq!(got, want);
        assert!(collisions(&table_numbers(&t, &JsonPath::root()), true).is_empty());
    }

    #[test]
    fn an_explicit_point_number_continues_the_sequence_and_its_sub_points_follow_it() {
        let p = |n: Option<&str>, sub: usize| Point {
            number: n.map(str::to_owned),
            addressee: None,
            text: Some("x".into()),
            appendix: None,
            points: (0..sub)
                .map(|_| Point {
                    number: None,
                    addressee: None,
                    text: Some("y".into()),
                    appendix: None,
                    points: vec![],
                    marker: true,
                    responsible: vec![],
                    responsible_title: None,
                    group: None,
                    table: None,
                })
                .collect(),
            marker: true,
            responsible: vec![],
            responsible_title: None,
            group: None,
            table: None,
        };
        let pts = vec![p(None, 0), p(Some("5"), 2), p(None, 0)];
        let got: Vec<String> = point_numbers(&pts, &JsonPath::root()).into_iter().map(|n| n.number.unwrap()).collect();
        assert_eq!(got, ["1", "5", "5.1", "5.2", "6"]);
        let got: Vec<String> =
            clause_point_numbers(&[p(None, 0), p(Some("2.4"), 1), p(None, 0)], &JsonPath::root(), "2.")
                .into_iter()
                .map(|n| n.number.unwrap())
                .collect();
        assert_eq!(got, ["2.1", "2.4", "2.4.1", "2.5"]);
    }

    #[test]
    fn hierarchical_like_dubna() {
        let t = table(Numbering::Hierarchical, vec![sec(0, vec![sec(2, vec![]), sec(1, vec![])]), sec(2, vec![])]);
        assert_eq!(numbers(&t), ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "2", "2.1", "2.2"]);
    }

    #[test]
    fn per_section_like_solnechnogorsk() {
        let t = table(Numbering::PerSection, vec![sec(2, vec![]), sec(3, vec![])]);
        assert_eq!(numbers(&t), ["1", "1", "2", "2", "1", "2", "3"]);
        assert!(collisions(&table_numbers(&t, &JsonPath::root()), false).is_empty());
    }

    #[test]
    fn flat_like_novocherkassk_and_explicit_collision_like_neftekumsk() {
        let mut t = table(Numbering::Flat, vec![]);
        t.items = (0..3).map(|_| act()).collect();
        assert_eq!(numbers(&t), ["1", "2", "3"]);
        // An explicit number that goes back collides with the one it repeats.
        let mut t = table(Numbering::Hierarchical, vec![sec(3, vec![])]);
        t.sections[0].items[1].number = Some("1.1".into());
        let rows = table_numbers(&t, &JsonPath::root());
        assert_eq!(collisions(&rows, true).len(), 1);
    }

    #[test]
    fn an_explicit_row_number_skips_ahead_and_the_rows_after_it_continue() {
        let mut t = table(Numbering::Hierarchical, vec![sec(4, vec![])]);
        t.sections[0].items[1].number = Some("1.5".into());
        assert_eq!(numbers(&t), ["1", "1.1", "1.5", "1.6", "1.7"]);
        assert!(collisions(&table_numbers(&t, &JsonPath::root()), true).is_empty());
        let mut t = table(Numbering::Flat, vec![]);
        t.items = (0..4).map(|_| act()).collect();
        t.items[2].number = Some("10".into());
        assert_eq!(numbers(&t), ["1", "2", "10", "11"]);
        let mut t = table(Numbering::PerSection, vec![sec(1, vec![]), sec(1, vec![]), sec(1, vec![])]);
        t.sections[1].number = Some("4".into());
        assert_eq!(numbers(&t), ["1", "1", "4", "1", "5", "1"]);
    }
}
