//! Where a school list's header is, and what its columns mean, in lists as people keep
//! them: a title and empty rows above the header, a two-level header («Директор» over
//! «ФИО» and «Телефон», the upper cell merged across), the organisation's own words for
//! the columns («Наименование ОУ»), matched to the template's placeholders by the batch
//! file's `columns` or by their words (case, spaces, «ё», a closing «:» or «*» aside).

use std::collections::BTreeMap;

/// How far down a header is looked for.
const LOOK: usize = 30;

/// The header found: its index among the table's rows, how many rows above it were
/// skipped (titles), and the name of each column (a placeholder's when it matched).
#[derive(Debug, PartialEq)]
pub struct Header {
    /// The header's index among the rows (the lower row of a two-level header).
    pub at: usize,
    /// Each column's name.
    pub columns: Vec<String>,
    /// Rows above the header that are not data: their line numbers and first words.
    pub skipped: Vec<(usize, String)>,
    /// A second header row joined to the one above it.
    pub two_level: bool,
}

/// Words compared as a person reads them: case, spaces, «ё», a closing «:» or «*» aside.
pub fn words(s: &str) -> String {
    let s = s.trim().trim_end_matches([':', '*']).trim();
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase().replace('ё', "е")
}

/// The column a header cell names: the batch file's mapping, else a wanted name written
/// with the same words, else the cell as it is.
fn column(cell: &str, wanted: &[String], mapping: &BTreeMap<String, String>) -> String {
    let w = words(cell);
    if let Some(to) = mapping.iter().find(|(from, _)| words(from) == w).map(|(_, to)| to) {
        return to.clone();
    }
    wanted.iter().find(|name| words(name) == w).cloned().unwrap_or_else(|| cell.trim().to_owned())
}

/// A two-level header's names: the upper row's title over each lower cell, carried across
/// the cells its merge covers («Директор / ФИО», «Директор / Телефон»); a column whose
/// title fills both rows keeps it alone.
fn joined(upper: &[String], lower: &[String]) -> Vec<String> {
    let n = upper.len().max(lower.len());
    let cell = |row: &[String], i: usize| row.get(i).map_or(String::new(), |c| c.trim().to_owned());
    let mut group: Option<String> = None;
    (0..n)
        .map(|i| {
            let (up, low) = (cell(upper, i), cell(lower, i));
            match (up.is_empty(), low.is_empty()) {
                (false, true) => {
                    group = None;
                    up
                }
                (false, false) => {
                    group = Some(up.clone());
                    format!("{up} / {low}")
                }
                (true, false) => group.as_ref().map_or(low.clone(), |g| format!("{g} / {low}")),
                (true, true) => {
                    group = None;
                    String::new()
                }
            }
        })
        .collect()
}

/// Finds the header among `rows` (non-empty rows, with their line numbers): the row, or
/// pair of rows, whose cells name the most `wanted` columns; when none names any, the
/// first row with two or more cells filled (a title above it is one merged cell), else
/// the first row.
pub fn find(rows: &[(usize, Vec<String>)], wanted: &[String], mapping: &BTreeMap<String, String>) -> Header {
    let filled = |cells: &[String]| cells.iter().filter(|c| !c.trim().is_empty()).count();
    let score = |names: &[String]| names.iter().filter(|n| wanted.contains(n)).count();
    let named = |cells: &[String]| cells.iter().map(|c| column(c, wanted, mapping)).collect::<Vec<_>>();
    let mut best: Option<(usize, usize, bool, Vec<String>)> = None; // score, index, two-level, names
    for i in 0..rows.len().min(LOOK) {
        let single = named(&rows[i].1);
        let mut candidates = vec![(score(&single), false, single)];
        // A lower header row has an empty cell under a filled upper one, or the reverse.
        if i > 0 && rows[i - 1].0 + 1 == rows[i].0 && filled(&rows[i - 1].1) >= 2 {
            let (up, low) = (&rows[i - 1].1, &rows[i].1);
            let complement = (0..up.len().max(low.len())).any(|c| {
                let u = up.get(c).is_some_and(|x| !x.trim().is_empty());
                let l = low.get(c).is_some_and(|x| !x.trim().is_empty());
                u != l
            });
            if complement {
                let two = named(&joined(up, low));
                candidates.push((score(&two), true, two));
            }
        }
        for (s, two, names) in candidates {
            if s > 0 && best.as_ref().is_none_or(|b| s > b.0) {
                best = Some((s, i, two, names));
            }
        }
    }
    let (at, two_level, columns) = match best {
        Some((_, i, two, names)) => (i, two, names),
        None => {
            let i = rows.iter().take(LOOK).position(|(_, c)| filled(c) >= 2).unwrap_or(0);
            (i, false, rows.get(i).map(|(_, c)| named(c)).unwrap_or_default())
        }
    };
    let above = if two_level { at.saturating_sub(1) } else { at };
    let skipped = rows[..above]
        .iter()
        .map(|(line, cells)| {
            (*line, cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" "))
        })
        .collect();
    Header { at, columns, skipped, two_level }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&[&str]]) -> Vec<(usize, Vec<String>)> {
        lines.iter().enumerate().map(|(i, r)| (i + 1, r.iter().map(|c| c.to_string()).collect())).collect()
    }

    fn want(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_title_above_the_header_is_skipped() {
        let t = rows(&[
            &["Список школ на 2024/25 учебный год", "", ""],
            &["short_name", "director", "drop"],
            &["СОШ 1", "А.Б. Иванов", ""],
        ]);
        let h = find(&t, &want(&["short_name", "director"]), &BTreeMap::new());
        assert_eq!((h.at, h.columns.clone()), (1, want(&["short_name", "director", "drop"])));
        assert_eq!(h.skipped, vec![(1, "Список школ на 2024/25 учебный год".to_owned())]);
        // With no placeholder named, the first row of two or more cells is the header.
        let h = find(&t, &want(&["x"]), &BTreeMap::new());
        assert_eq!(h.at, 1);
    }

    #[test]
    fn russian_headers_are_matched_by_the_mapping_or_by_their_words() {
        let t = rows(&[&["Наименование ОУ:", "Директор*", "Адрес"], &["СОШ 1", "А.Б. Иванов", "ул. Мира"]]);
        let mapping = BTreeMap::from([("наименование  оу".to_owned(), "short_name".to_owned())]);
        let h = find(&t, &want(&["short_name", "директор"]), &mapping);
        assert_eq!(h.columns, want(&["short_name", "директор", "Адрес"]));
    }

    #[test]
    fn a_two_level_header_is_joined() {
        let t = rows(&[
            &["Сведения об ОУ", "", "", ""],
            &["Наименование", "Директор", "", "Адрес"],
            &["", "ФИО", "Телефон", ""],
            &["СОШ 1", "А.Б. Иванов", "22-33-44", "ул. Мира"],
        ]);
        let mapping = BTreeMap::from([
            ("Наименование".to_owned(), "short_name".to_owned()),
            ("Директор / ФИО".to_owned(), "director".to_owned()),
        ]);
        let h = find(&t, &want(&["short_name", "director"]), &mapping);
        assert!(h.two_level);
        assert_eq!(h.at, 2);
        assert_eq!(h.columns, want(&["short_name", "director", "Директор / Телефон", "Адрес"]));
        assert_eq!(h.skipped, vec![(1, "Сведения об ОУ".to_owned())]);
    }
}
