//! Hyphen ladders: three or more lines of one paragraph in a row that end with a hyphen,
//! counting hyphens written in the text («организациями-») as a clerk's eye does.
//!
//! The layout keeps Word's and LibreOffice's rule — at most two syllable hyphens in a row,
//! a written hyphen breaks where it stands (see `linebreak`) — so both outputs break alike
//! (page parity comes first). A ladder that a written hyphen completes is then left to the
//! author, like a loose line: `validate` names it with its page and words.

use std::collections::HashMap;

use super::{Item, Page};
use crate::doc::structure::{LeafId, LABEL};

/// Lines in a row ending with a hyphen that make a ladder.
pub const LADDER: usize = 3;

/// A ladder: the page of its first line and the lines' text.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    /// The page of the ladder's first line, from 1.
    pub page: usize,
    /// The lines, top to bottom.
    pub lines: Vec<String>,
}

/// Every ladder of the pages, in the order their paragraphs are met.
pub fn ladders(pages: &[Page]) -> Vec<Ladder> {
    // The lines of each paragraph in reading order: (page, line text), the runs of one
    // line joined left to right.
    // A line: its page, its baseline, its runs as (x, text).
    type Runs = (usize, f64, Vec<(f64, String)>);
    let mut order: Vec<LeafId> = Vec::new();
    let mut lines: HashMap<LeafId, Vec<Runs>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for item in &page.items {
            let Item::Text { x, y, text, tag, .. } = item else { continue };
            // Page numbers, repeated headers and list labels are not a paragraph's lines.
            if *tag == 0 || *tag & LABEL != 0 {
                continue;
            }
            let para = lines.entry(*tag).or_insert_with(|| {
                order.push(*tag);
                Vec::new()
            });
            match para.last_mut() {
                Some((lp, ly, runs)) if *lp == p + 1 && *ly == *y => runs.push((*x, text.clone())),
                _ => para.push((p + 1, *y, vec![(*x, text.clone())])),
            }
        }
    }
    let mut out = Vec::new();
    for tag in order {
        let para = &lines[&tag];
        let texts: Vec<(usize, String)> = para
            .iter()
            .map(|(page, _, runs)| {
                let mut runs = runs.clone();
                runs.sort_by(|a, b| a.0.total_cmp(&b.0));
                (*page, runs.into_iter().map(|r| r.1).collect::<String>())
            })
            .collect();
        let mut run: Vec<&(usize, String)> = Vec::new();
        for line in &texts {
            if ends_with_hyphen(&line.1) {
                run.push(line);
                continue;
            }
            flush(&mut run, &mut out);
        }
        flush(&mut run, &mut out);
    }
    out
}

fn flush(run: &mut Vec<&(usize, String)>, out: &mut Vec<Ladder>) {
    if run.len() >= LADDER {
        out.push(Ladder { page: run[0].0, lines: run.iter().map(|l| l.1.trim().to_owned()).collect() });
    }
    run.clear();
}

/// A line that ends with a hyphen after a letter: a syllable break or a written hyphen.
fn ends_with_hyphen(line: &str) -> bool {
    let mut c = line.trim_end().chars().rev();
    matches!(c.next(), Some('-' | '\u{ad}')) && c.next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(y: f64, x: f64, s: &str, tag: LeafId) -> Item {
        Item::Text { x, y, text: s.into(), face: 0, size: 12.0, spacing: 0.0, tag }
    }

    fn page(items: Vec<Item>) -> Page {
        Page { width: 595.0, height: 842.0, items, last_row: None, bookmark: None }
    }

    #[test]
    fn three_hyphenated_lines_of_one_paragraph_are_a_ladder_written_hyphens_counted() {
        let p = page(vec![
            text(10.0, 0.0, "Формирование баз данных наставни-", 5),
            text(22.0, 0.0, "ков на уровне ОУ в сетевом взаи-", 5),
            text(34.0, 0.0, "модействии с ", 5),
            text(34.0, 80.0, "организациями-", 5),
            text(46.0, 0.0, "партнерами", 5),
        ]);
        let found = ladders(&[p]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].page, 1);
        assert_eq!(found[0].lines[2], "модействии с организациями-");
    }

    #[test]
    fn two_in_a_row_other_paragraphs_and_labels_are_not() {
        let p = page(vec![
            text(10.0, 0.0, "1.", 5 | LABEL),
            text(10.0, 20.0, "пере-", 5),
            text(22.0, 20.0, "нос-", 5),
            text(34.0, 20.0, "конец", 5),
            // Another cell's paragraph on the same baselines.
            text(10.0, 300.0, "сосед-", 6),
            text(22.0, 300.0, "ний", 6),
            // A dash between words is not a hyphen after a letter.
            text(46.0, 20.0, "слово -", 7),
            text(58.0, 20.0, "ещё -", 7),
            text(70.0, 20.0, "и ещё -", 7),
            text(82.0, 20.0, "конец", 7),
        ]);
        assert!(ladders(&[p]).is_empty());
    }
}
