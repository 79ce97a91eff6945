//! One paragraph's tracked changes word by word: the words both versions share stay as
//! the new version has them, the old version's others are marked deleted and the new
//! one's inserted — so accepting every change gives the new text and rejecting it the old.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::doc::{Inline, Paragraph, Revision, Revisions, RunStyle};

/// A piece of a paragraph the comparison sees as one: a word, a run of spaces, a break or
/// a tab, with its formatting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Token {
    Text(String, RunStyle),
    LineBreak,
    Tab,
}

fn tokens(inlines: &[Inline]) -> Vec<Token> {
    let mut out = Vec::new();
    for i in inlines {
        match i {
            Inline::Text(text, style) => {
                let mut start = 0;
                let mut space = None;
                for (at, c) in text.char_indices() {
                    let is_space = c.is_whitespace();
                    if space.is_some_and(|s| s != is_space) {
                        out.push(Token::Text(text[start..at].to_owned(), *style));
                        start = at;
                    }
                    space = Some(is_space);
                }
                if start < text.len() {
                    out.push(Token::Text(text[start..].to_owned(), *style));
                }
            }
            Inline::LineBreak => out.push(Token::LineBreak),
            Inline::Tab => out.push(Token::Tab),
        }
    }
    out
}

/// The new paragraph (its style and number) with the old one's words that are gone marked
/// deleted and its own new words marked inserted.
pub fn merge(old: &Paragraph, new: &Paragraph) -> Paragraph {
    let (a, b) = (tokens(&old.inlines), tokens(&new.inlines));
    // The comparison runs over numbers, one per distinct token.
    let mut ids = std::collections::HashMap::new();
    let mut id = |t: &Token| {
        let next = ids.len();
        *ids.entry(t.clone()).or_insert(next)
    };
    let (a_ids, b_ids): (Vec<usize>, Vec<usize>) = (a.iter().map(&mut id).collect(), b.iter().map(&mut id).collect());
    if a_ids == b_ids {
        // The same words: what changed is the paragraph's form (a row's number moved), which
        // the writers draw from the new version.
        return new.clone();
    }
    let mut pieces: Vec<(Token, Option<Revision>)> = Vec::with_capacity(a.len().max(b.len()));
    for op in capture_diff_slices(Algorithm::Myers, &a_ids, &b_ids) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                pieces.extend(b[new_index..new_index + len].iter().map(|t| (t.clone(), None)))
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                pieces.extend(a[old_index..old_index + old_len].iter().map(|t| (t.clone(), Some(Revision::Deleted))))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                pieces.extend(b[new_index..new_index + new_len].iter().map(|t| (t.clone(), Some(Revision::Inserted))))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                pieces.extend(a[old_index..old_index + old_len].iter().map(|t| (t.clone(), Some(Revision::Deleted))));
                pieces.extend(b[new_index..new_index + new_len].iter().map(|t| (t.clone(), Some(Revision::Inserted))));
            }
        }
    }
    let (inlines, marks) = joined(pieces);
    Paragraph {
        style: new.style,
        inlines,
        revisions: Some(Box::new(Revisions { mark: new.revisions.as_ref().and_then(|r| r.mark), inlines: marks })),
    }
}

/// Neighbouring words of one style and one change become one text again.
fn joined(pieces: Vec<(Token, Option<Revision>)>) -> (Vec<Inline>, Vec<Option<Revision>>) {
    let (mut inlines, mut marks): (Vec<Inline>, Vec<Option<Revision>>) = (Vec::new(), Vec::new());
    for (token, mark) in pieces {
        match token {
            Token::Text(text, style) => match (inlines.last_mut(), marks.last()) {
                (Some(Inline::Text(last, last_style)), Some(last_mark)) if *last_style == style && *last_mark == mark => {
                    last.push_str(&text)
                }
                _ => {
                    inlines.push(Inline::Text(text, style));
                    marks.push(mark);
                }
            },
            Token::LineBreak => {
                inlines.push(Inline::LineBreak);
                marks.push(mark);
            }
            Token::Tab => {
                inlines.push(Inline::Tab);
                marks.push(mark);
            }
        }
    }
    (inlines, marks)
}

/// The whole paragraph added (`Inserted`) or taken away (`Deleted`), its mark too.
pub fn whole(p: &Paragraph, revision: Revision, mark: bool) -> Paragraph {
    Paragraph {
        style: p.style,
        inlines: p.inlines.clone(),
        revisions: Some(Box::new(Revisions {
            mark: mark.then_some(revision),
            inlines: vec![Some(revision); p.inlines.len()],
        })),
    }
}

/// The text as one side reads it: `Inserted` for the new version, `Deleted` for the old.
#[cfg(test)]
pub fn side(p: &Paragraph, drop: Revision) -> String {
    let marks = p.revisions.as_ref().map(|r| r.inlines.clone()).unwrap_or_default();
    p.inlines
        .iter()
        .enumerate()
        .filter(|(i, _)| marks.get(*i).copied().flatten() != Some(drop))
        .map(|(_, i)| match i {
            Inline::Text(t, _) => t.as_str(),
            Inline::LineBreak => "\n",
            Inline::Tab => "\t",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(parts: &[(&str, bool)]) -> Paragraph {
        Paragraph {
            inlines: parts
                .iter()
                .map(|(t, bold)| Inline::Text((*t).into(), RunStyle { bold: *bold, italic: false }))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn accepting_gives_the_new_text_and_rejecting_the_old() {
        let old = para(&[("Провести совещание ", false), ("в сентябре", true), (" 2024 г.", false)]);
        let new = para(&[("Провести расширенное совещание ", false), ("в октябре", true), (" 2024 г.", false)]);
        let m = merge(&old, &new);
        assert_eq!(side(&m, Revision::Deleted), "Провести расширенное совещание в октябре 2024 г.");
        assert_eq!(side(&m, Revision::Inserted), "Провести совещание в сентябре 2024 г.");
        // Only the changed words are marked: «Провести» and «совещание» stay as they were.
        let marked: Vec<&str> = m
            .inlines
            .iter()
            .zip(&m.revisions.as_ref().unwrap().inlines)
            .filter(|(_, r)| r.is_some())
            .filter_map(|(i, _)| if let Inline::Text(t, _) = i { Some(t.as_str()) } else { None })
            .collect();
        assert_eq!(marked, ["расширенное ", "сентябре", "октябре"]);
    }

    #[test]
    fn a_word_made_bold_is_a_change_of_that_word() {
        let m = merge(&para(&[("до 1 мая", false)]), &para(&[("до 1 ", false), ("мая", true)]));
        assert_eq!(side(&m, Revision::Deleted), "до 1 мая");
        assert_eq!(m.revisions.unwrap().inlines.iter().filter(|r| r.is_some()).count(), 2);
    }
}
