//! Pairing the rows of two versions: by a stable `id` where both have one, else by the
//! similarity of their texts in order, so an inserted row does not make every later row
//! «changed» and a moved row is one removal and one addition.

use std::collections::{HashMap, HashSet};

/// Texts below this similarity are different rows, not one row edited.
pub const MIN_SIMILARITY: f64 = 0.5;

/// One side's row: its stable id, if any, and the text it is known by.
pub struct Key<'a> {
    /// The `id` of the input.
    pub id: Option<&'a str>,
    /// The row's main text (the activity, a point's text, a section's title).
    pub text: String,
}

/// Pairs (old index, new index) in order of the new side; rows not paired were removed
/// (old) or added (new).
pub fn pair(old: &[Key<'_>], new: &[Key<'_>]) -> Vec<(usize, usize)> {
    // Ids first: a row keeps its id through any edit or move.
    let new_ids: HashMap<&str, usize> = new.iter().enumerate().filter_map(|(j, k)| Some((k.id?, j))).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let (mut used_old, mut used_new) = (HashSet::new(), HashSet::new());
    for (i, k) in old.iter().enumerate() {
        if let Some(&j) = k.id.and_then(|id| new_ids.get(id)) {
            pairs.push((i, j));
            used_old.insert(i);
            used_new.insert(j);
        }
    }
    // The rest by text, keeping their order.
    let rest_old: Vec<usize> = (0..old.len())
        .filter(|i| !used_old.contains(i) && (old[*i].id.is_none() || !has_id(new, old[*i].id)))
        .collect();
    let rest_new: Vec<usize> = (0..new.len())
        .filter(|j| !used_new.contains(j) && (new[*j].id.is_none() || !has_id(old, new[*j].id)))
        .collect();
    if rest_old.len().saturating_mul(rest_new.len()) <= MAX_ALIGNED {
        align_by_similarity(old, new, &rest_old, &rest_new, &mut pairs);
    } else {
        align_identical(old, new, &rest_old, &rest_new, &mut pairs);
    }
    // Then position: between two paired rows, as many rows removed as added were edited in
    // place («Утвердить:» → «Утвердить: в срок до 1 ноября» shares too few words).
    pairs.sort_by_key(|p| p.1);
    let mut by_position = Vec::new();
    let (paired_old, paired_new): (HashSet<usize>, HashSet<usize>) =
        (pairs.iter().map(|p| p.0).collect(), pairs.iter().map(|p| p.1).collect());
    let mut anchors: Vec<(usize, usize)> = pairs.clone();
    anchors.sort_unstable();
    let mut bounds = vec![(0usize, 0usize)];
    bounds.extend(anchors.iter().map(|&(i, j)| (i + 1, j + 1)));
    let ends: Vec<(usize, usize)> = anchors.iter().copied().chain([(old.len(), new.len())]).collect();
    for (&(from_o, from_n), &(to_o, to_n)) in bounds.iter().zip(&ends) {
        if to_o < from_o || to_n < from_n {
            continue; // pairs by id may cross; no gap between them
        }
        let gone: Vec<usize> = (from_o..to_o).filter(|i| !paired_old.contains(i) && old[*i].id.is_none()).collect();
        let came: Vec<usize> = (from_n..to_n).filter(|j| !paired_new.contains(j) && new[*j].id.is_none()).collect();
        if !gone.is_empty() && gone.len() == came.len() {
            by_position.extend(gone.into_iter().zip(came));
        }
    }
    pairs.extend(by_position);
    pairs.sort_by_key(|p| p.1);
    pairs
}

/// Above this many row pairs the similarity alignment (quadratic in time and memory) gives
/// way to pairing identical texts in order: a plan of 2000 rows against 2000 is 4·10⁶.
pub const MAX_ALIGNED: usize = 4_000_000;

/// The best total similarity over all pairings that do not cross, pairs below
/// [`MIN_SIMILARITY`] not allowed.
fn align_by_similarity(
    old: &[Key<'_>],
    new: &[Key<'_>],
    rest_old: &[usize],
    rest_new: &[usize],
    pairs: &mut Vec<(usize, usize)>,
) {
    let words_old: Vec<HashSet<String>> = rest_old.iter().map(|&i| words(&old[i].text)).collect();
    let words_new: Vec<HashSet<String>> = rest_new.iter().map(|&j| words(&new[j].text)).collect();
    let (n, m) = (rest_old.len(), rest_new.len());
    // best[a][b]: the best score aligning rest_old[a..] with rest_new[b..].
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    let sim = |a: usize, b: usize| {
        if old[rest_old[a]].text == new[rest_new[b]].text {
            return 1.0 + 1e-3; // identical text wins over any near match
        }
        similarity(&words_old[a], &words_new[b])
    };
    for a in (0..n).rev() {
        for b in (0..m).rev() {
            let mut v = best[a + 1][b].max(best[a][b + 1]);
            let s = sim(a, b);
            if s >= MIN_SIMILARITY {
                v = v.max(best[a + 1][b + 1] + s);
            }
            best[a][b] = v;
        }
    }
    let (mut a, mut b) = (0, 0);
    while a < n && b < m {
        let s = sim(a, b);
        if s >= MIN_SIMILARITY && (best[a][b] - (best[a + 1][b + 1] + s)).abs() < 1e-9 {
            pairs.push((rest_old[a], rest_new[b]));
            a += 1;
            b += 1;
        } else if (best[a][b] - best[a + 1][b]).abs() < 1e-9 {
            a += 1;
        } else {
            b += 1;
        }
    }
}

/// Identical texts paired in order, each old row with the first unpaired new row of the
/// same text after the last pair (linear): for inputs too large to align by similarity.
fn align_identical(
    old: &[Key<'_>],
    new: &[Key<'_>],
    rest_old: &[usize],
    rest_new: &[usize],
    pairs: &mut Vec<(usize, usize)>,
) {
    let mut at: HashMap<&str, std::collections::VecDeque<usize>> = HashMap::new();
    for &j in rest_new {
        at.entry(new[j].text.as_str()).or_default().push_back(j);
    }
    let mut last = None;
    for &i in rest_old {
        let Some(queue) = at.get_mut(old[i].text.as_str()) else { continue };
        while queue.front().is_some_and(|&j| last.is_some_and(|l| j <= l)) {
            queue.pop_front();
        }
        if let Some(j) = queue.pop_front() {
            pairs.push((i, j));
            last = Some(j);
        }
    }
}

fn has_id(side: &[Key<'_>], id: Option<&str>) -> bool {
    side.iter().any(|k| k.id.is_some() && k.id == id)
}

/// The words of a text, lower case, for comparing.
fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Shared words over all words (Dice: twice the shared count over both counts); two
/// empty texts are alike.
fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(texts: &[&str]) -> Vec<Key<'static>> {
        texts.iter().map(|t| Key { id: None, text: (*t).to_owned() }).collect()
    }

    #[test]
    fn an_inserted_row_pairs_every_other_row_with_itself() {
        let old = keys(&["Совещание директоров", "Отчёт о работе", "Семинар для педагогов"]);
        let new = keys(&[
            "Новая строка про наставничество",
            "Совещание директоров",
            "Отчёт о работе",
            "Семинар для педагогов",
        ]);
        assert_eq!(pair(&old, &new), vec![(0, 1), (1, 2), (2, 3)]);
    }

    #[test]
    fn an_edited_row_is_paired_and_a_row_replaced_in_place_is_too() {
        let old = keys(&["Провести совещание директоров школ", "Подготовить отчёт"]);
        let new = keys(&["Провести совещание директоров всех школ", "Организовать экскурсию в музей"]);
        assert_eq!(pair(&old, &new), vec![(0, 0), (1, 1)]);
        // Where the counts differ, a different text is a removal and an addition.
        let new = keys(&["Провести совещание директоров всех школ", "Организовать экскурсию", "Ещё одна"]);
        assert_eq!(pair(&old, &new), vec![(0, 0)]);
    }

    #[test]
    fn a_row_edited_beyond_its_words_is_paired_by_its_place() {
        let old = keys(&["Совещание директоров", "Утвердить:", "Семинар для педагогов"]);
        let new = keys(&["Совещание директоров", "Утвердить: в срок до 1 ноября", "Семинар для педагогов"]);
        assert_eq!(pair(&old, &new), vec![(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn a_plan_too_large_to_align_by_similarity_pairs_identical_rows() {
        let texts: Vec<String> = (0..3000).map(|i| format!("Мероприятие номер {i}")).collect();
        let old: Vec<Key> = texts.iter().map(|t| Key { id: None, text: t.clone() }).collect();
        let mut new: Vec<Key> = texts.iter().map(|t| Key { id: None, text: t.clone() }).collect();
        new.insert(0, Key { id: None, text: "Новая строка".into() });
        assert!(old.len() * new.len() > MAX_ALIGNED);
        let pairs = pair(&old, &new);
        assert_eq!(pairs.len(), 3000);
        assert!(pairs.iter().all(|&(i, j)| j == i + 1));
    }

    #[test]
    fn ids_pair_rows_whatever_their_text_and_order() {
        let old = vec![Key { id: Some("a"), text: "Один".into() }, Key { id: Some("b"), text: "Два".into() }];
        let new = vec![Key { id: Some("b"), text: "Совсем другое".into() }, Key { id: Some("a"), text: "Один".into() }];
        assert_eq!(pair(&old, &new), vec![(1, 0), (0, 1)]);
    }
}
