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
    let mut ctx = Ctx { style: table.numbering, flat: 0, out: Vec::new(), table: base.clone() };
    ctx.level(&table.items, &table.sections, base, "");
    ctx.out
}

struct Ctx {
    style: Numbering,
    flat: usize,
    out: Vec<Numbered>,
    table: JsonPath,
}

impl Ctx {
    /// Numbers one level: its activities first, then its sections, sharing one counter in
    /// the hierarchical style (a section after three activities of its parent is «x.4»).
    fn level(&mut self, items: &[Activity], sections: &[Section], base: &JsonPath, prefix: &str) {
        let parent_scope = base.clone();
        for (i, a) in items.iter().enumerate() {
            let path = base.key("items").index(i);
            let (auto, scope) = match self.style {
                Numbering::None => (None, self.table.clone()),
                Numbering::Flat => {
                    self.flat += 1;
                    (Some(self.flat.to_string()), self.table.clone())
                }
                Numbering::Hierarchical => (Some(format!("{prefix}{}", i + 1)), self.table.clone()),
                Numbering::PerSection => (Some((i + 1).to_string()), parent_scope.clone()),
            };
            self.out.push(numbered(&path, RowKind::Activity, a.number.as_deref(), auto, scope));
        }
        for (j, s) in sections.iter().enumerate() {
            let path = base.key("sections").index(j);
            let ordinal = match self.style {
                Numbering::Hierarchical => items.len() + j + 1,
                _ => j + 1,
            };
            let auto = (self.style != Numbering::None).then(|| format!("{prefix}{ordinal}"));
            let own = s.number.clone().or(auto.clone());
            self.out.push(numbered(&path, RowKind::Section, s.number.as_deref(), auto, self.table.key("#sections")));
            let child_prefix = own.map(|n| format!("{}.", n.trim_end_matches('.'))).unwrap_or_default();
            self.level(&s.items, &s.sections, &path, &child_prefix);
        }
    }
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
        Activity { number: None, values: Values::default() }
    }
    fn sec(items: usize, sections: Vec<Section>) -> Section {
        Section { number: None, title: "s".into(), items: (0..items).map(|_| act()).collect(), sections }
    }
    fn table(numbering: Numbering, sections: Vec<Section>) -> Table {
        Table {
            columns: vec![Column { key: "no".into(), title: "№".into(), width: 1.0, group: None, role: None }],
            number_row: false,
            numbering,
            items: vec![],
            sections,
        }
    }
    fn numbers(t: &Table) -> Vec<String> {
        table_numbers(t, &JsonPath::root()).into_iter().map(|n| n.number.unwrap_or_default()).collect()
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
        let mut t = table(Numbering::Hierarchical, vec![sec(3, vec![])]);
        t.sections[0].items[1].number = Some("1.3".into());
        let rows = table_numbers(&t, &JsonPath::root());
        assert_eq!(collisions(&rows, true).len(), 1);
    }
}
