//! The net under a Word import: every word of the source must reach the result — as text
//! in the input file, as data the templates print back (a date, a mark's wording), or in
//! the summary that names what was left out. A paragraph, table cell or text box with a
//! word found in none of them was dropped by the readers above without a word: it is kept
//! in the document's `unplaced` list (which `validate` points at) and named in the summary,
//! so the user decides where it belongs.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::input::model::{Document, Unplaced};

use super::docx::{Block, Placed};

/// A piece of the source: where it stands and its text.
struct Piece {
    place: String,
    text: String,
}

/// Words as compared: lower case, «ё» as «е», runs of two letters or more (initials and
/// «г.» carry nothing a reader would miss, and typography may move them).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text).map(|(w, _)| w)
}

/// Words, each with whether it is cut short by a dot («тел.», «исп.»): an abbreviation the
/// result may spell out.
fn tokens(text: &str) -> impl Iterator<Item = (String, bool)> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let start = rest.find(|c: char| c.is_alphabetic())?;
        let tail = &rest[start..];
        let end = tail.find(|c: char| !c.is_alphabetic()).unwrap_or(tail.len());
        let (w, after) = tail.split_at(end);
        rest = after;
        if w.chars().count() >= 2 {
            return Some((w.to_lowercase().replace('ё', "е"), after.starts_with('.')));
        }
    })
}

/// Every paragraph, cell and text box of the body, with its place as a reader finds it.
fn pieces(blocks: &[Placed]) -> Vec<Piece> {
    let mut out = Vec::new();
    let (mut para, mut table) = (0, 0);
    for b in blocks {
        match &b.block {
            Block::Para(p) => {
                if p.text.trim().is_empty() && p.boxes.is_empty() {
                    continue;
                }
                para += 1;
                if !p.text.trim().is_empty() {
                    out.push(Piece { place: format!("абзац {para}"), text: p.text.clone() });
                }
                for t in &p.boxes {
                    out.push(Piece { place: format!("надпись у абзаца {para}"), text: t.clone() });
                }
            }
            Block::Table(g) => {
                table += 1;
                for (r, row) in g.rows.iter().enumerate() {
                    for cell in &row.cells {
                        let text = cell.text();
                        if !text.is_empty() {
                            let place = format!("таблица {table}, строка {}, столбец {}", r + 1, cell.col + 1);
                            out.push(Piece { place, text });
                        }
                        for t in cell.paras.iter().flat_map(|p| &p.boxes) {
                            let place = format!("надпись в таблице {table}, строка {}", r + 1);
                            out.push(Piece { place, text: t.clone() });
                        }
                    }
                }
            }
            Block::PageBreak => {}
        }
    }
    out
}

/// Every string in a JSON value, keys left out.
fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// What the document prints, when it is a valid input: the words the templates add from
/// data (the month of a date, «Приложение к приказу», «УТВЕРЖДАЮ») are found there.
fn printed(doc: &Value) -> String {
    let text = serde_json::to_string(doc).unwrap_or_default();
    let source = crate::input::source::Source { name: "import".into(), text };
    let loaded = crate::input::load_source(source);
    let (Some(input), Ok(templates)) = (loaded.document, crate::template::Templates::builtin()) else {
        return String::new();
    };
    crate::pipeline::build_ir(&input, &templates, crate::pipeline::Parts::All)
        .map(|ir| crate::doc::dump(&ir))
        .unwrap_or_default()
}

/// Word counts the result can account for: a word of the source is taken from them once.
struct Pool(BTreeMap<String, usize>);

impl Pool {
    /// Takes `w` or, when it is an abbreviation, a longer word it stands for («тел.»
    /// printed as «Телефон»).
    fn take(&mut self, (w, abbreviation): &(String, bool)) -> bool {
        let found = match self.0.get_mut(w) {
            Some(n) if *n > 0 => Some(n),
            _ if *abbreviation => self
                .0
                .range_mut(w.clone()..)
                .take_while(|(k, _)| k.starts_with(w.as_str()))
                .map(|(_, n)| n)
                .find(|n| **n > 0),
            _ => None,
        };
        found.map(|n| *n -= 1).is_some()
    }
}

fn counts<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for w in texts.flat_map(words) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// A text as the sequence of its words, for comparing whole texts.
fn sequence(text: &str) -> String {
    words(text).collect::<Vec<_>>().join(" ")
}

/// Finds the source's pieces whose words the result cannot account for, keeps them in
/// `unplaced` and names them in the summary. Words are counted, not only looked up, so a
/// dropped line whose words happen to occur elsewhere is still found; pieces whose whole
/// text is a value of the result take their words first.
pub fn keep_the_rest(blocks: &[Placed], margins: &[(String, String)], doc: &mut Document, summary: &mut Vec<String>) {
    // Every field, defaults included: a source's «ПРИКАЗЫВАЮ:» is accounted for by the
    // decree's word even when that word is the format's default.
    let value = serde_json::to_value(&*doc).unwrap_or(Value::Null);
    doc.unplaced.extend(unaccounted(blocks, margins, &value, summary));
}

/// The pieces of the source whose words `doc` (a document as JSON), what it prints and
/// the summary cannot account for, each named in the summary.
fn unaccounted(
    blocks: &[Placed],
    margins: &[(String, String)],
    doc: &Value,
    summary: &mut Vec<String>,
) -> Vec<Unplaced> {
    let mut texts = Vec::new();
    strings(doc, &mut texts);
    let printed = printed(doc);
    // The dump's first line repeats the title as the file's properties.
    let printed_lines: Vec<&str> = printed.lines().filter(|l| !l.starts_with("document ")).collect();
    let mut pool = counts(texts.iter().copied());
    for (w, n) in counts(printed_lines.iter().copied()) {
        let have = pool.entry(w).or_insert(0);
        *have = (*have).max(n);
    }
    for (w, n) in counts(summary.iter().map(String::as_str)) {
        *pool.entry(w).or_insert(0) += n;
    }
    let mut pool = Pool(pool);
    // Whole texts, each standing for one piece: a value printed once answers for one
    // paragraph, however many have the same words.
    let tally = |texts: &mut dyn Iterator<Item = &str>| {
        let mut out: HashMap<String, usize> = HashMap::new();
        for t in texts {
            *out.entry(sequence(t)).or_insert(0) += 1;
        }
        out
    };
    let mut whole = tally(&mut texts.iter().copied());
    for (seq, n) in tally(&mut printed_lines.iter().map(|l| l.split_once(": ").map_or(*l, |(_, t)| t))) {
        let have = whole.entry(seq).or_insert(0);
        *have = (*have).max(n);
    }
    for (seq, n) in tally(&mut summary.iter().map(String::as_str)) {
        *whole.entry(seq).or_insert(0) += n;
    }
    let mut pieces = pieces(blocks);
    pieces.extend(margins.iter().map(|(place, text)| Piece { place: place.clone(), text: text.clone() }));
    let mut kept = vec![false; pieces.len()];
    for (i, piece) in pieces.iter().enumerate() {
        if let Some(n) = whole.get_mut(&sequence(&piece.text)).filter(|n| **n > 0) {
            *n -= 1;
            tokens(&piece.text).for_each(|t| {
                pool.take(&t);
            });
            kept[i] = true;
        }
    }
    let mut unplaced = Vec::new();
    for (piece, _) in pieces.iter().zip(&kept).filter(|(_, k)| !**k) {
        // Every token is taken from the pool, found or not (no short-circuit).
        let missed = tokens(&piece.text).map(|t| pool.take(&t)).filter(|took| !took).count();
        if missed == 0 {
            continue;
        }
        summary.push(format!(
            "не перенесено: {} «{}» — непонятно, к какой части документа это относится; текст сохранён в списке \
             «Не размещено при импорте» (unplaced): перенесите его в нужное поле",
            piece.place,
            first_words(&piece.text)
        ));
        unplaced.push(Unplaced { from: piece.place.clone(), text: piece.text.clone() });
    }
    unplaced
}

/// The first words of a text, for a summary line.
fn first_words(text: &str) -> String {
    let flat = text.replace('\n', " ");
    let cut: String = flat.chars().take(60).collect();
    if cut.len() < flat.len() {
        format!("{}…", cut.trim_end())
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docx::Para;
    use serde_json::json;

    /// What `unaccounted` keeps of `blocks` against `doc`, as JSON.
    fn keep_the_rest(blocks: &[Placed], _: &[(String, String)], doc: &mut Value, summary: &mut Vec<String>) {
        let kept = unaccounted(blocks, &[], doc, summary);
        if !kept.is_empty() {
            doc["unplaced"] = serde_json::to_value(kept).unwrap();
        }
    }

    fn para(text: &str) -> Placed {
        Placed { block: Block::Para(Para { text: text.into(), ..Para::default() }), landscape: false }
    }

    #[test]
    fn a_paragraph_whose_words_reach_nothing_is_kept_and_named() {
        let blocks = [para("Контроль оставляю за собой"), para("Исп. Иванова И.И., тел. 22-33-44")];
        let mut doc = json!({ "order": { "title": "Контроль оставляю за собой" } });
        let mut summary = Vec::new();
        keep_the_rest(&blocks, &[], &mut doc, &mut summary);
        assert_eq!(doc["unplaced"], json!([{ "from": "абзац 2", "text": "Исп. Иванова И.И., тел. 22-33-44" }]));
        assert_eq!(summary.len(), 1);
        assert!(summary[0].starts_with("не перенесено: абзац 2 «Исп. Иванова"), "{summary:?}");
    }

    #[test]
    fn a_dropped_line_whose_words_occur_elsewhere_is_still_found() {
        // The executor's line under the signature: her name is in the plan, «исп.» starts
        // «исполнения» of a point — each counted once.
        let blocks =
            [para("Контроль исполнения приказа оставляю за собой."), para("Исп.: Волкова И.П."), para("Волкова И.П.")];
        let mut doc =
            json!({ "points": ["Контроль исполнения приказа оставляю за собой."], "people": ["Волкова И.П."] });
        let mut summary = Vec::new();
        keep_the_rest(&blocks, &[], &mut doc, &mut summary);
        assert_eq!(doc["unplaced"], json!([{ "from": "абзац 2", "text": "Исп.: Волкова И.П." }]));
    }

    #[test]
    fn words_named_in_the_summary_or_printed_from_data_count_as_kept() {
        let blocks = [para("учитель Белова Н.С."), para("Ёлкина, тел. 22-33-44")];
        let mut doc = json!({ "people": ["Белова Н.С.", "елкина"], "phone": "Телефон 22-33-44" });
        let mut summary = vec!["не перенесено из строки: «учитель»".to_owned()];
        keep_the_rest(&blocks, &[], &mut doc, &mut summary);
        assert!(doc.get("unplaced").is_none(), "{doc}");
        assert_eq!(summary.len(), 1);
    }
}
