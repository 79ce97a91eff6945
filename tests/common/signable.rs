//! A clerk's eye on a PDF, ours or LibreOffice's rendering of our DOCX: numbers and dates
//! cut across lines, ladders of hyphenated lines, one- and two-letter carries, loose
//! justified lines, and the last table row of each page (for page parity).
//!
//! Words and their boxes come from poppler (`pdftotext -bbox`); table cells from the PDF's
//! own border lines (lopdf reads the content streams), so words of neighbouring cells on
//! one baseline are never taken for one line.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use lopdf::content::Content;

/// A word as poppler sees it, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct Word {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub text: String,
}

/// A line of one text column (a table cell or the page's text), words left to right.
#[derive(Debug, Clone)]
pub struct Line {
    pub words: Vec<Word>,
    /// Word-box height per em of the PDF's fonts (see `box_height_per_em`).
    box_per_em: f64,
}

impl Line {
    pub fn text(&self) -> String {
        self.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
    }
    fn x1(&self) -> f64 {
        self.words.last().map_or(0.0, |w| w.x1)
    }
    /// The font size, from the words' box height and the fonts' ascent + descent.
    fn em(&self) -> f64 {
        let h = self.words.iter().map(|w| w.y1 - w.y0).fold(0.0, f64::max);
        h / self.box_per_em
    }
}

/// A page: its text columns (cell by cell, in reading order) and the first words of the
/// last table row started on it.
#[derive(Debug, Default)]
pub struct PageText {
    pub columns: Vec<Vec<Line>>,
    pub last_row: Option<String>,
}

/// What the clerk found, each fault with its page and text.
#[derive(Debug, Default)]
pub struct Report {
    pub split_numbers: Vec<String>,
    pub hyphen_ladders: Vec<String>,
    pub short_carries: Vec<String>,
    pub loose_lines: Vec<String>,
}

impl Report {
    pub fn counts(&self) -> [usize; 4] {
        [self.split_numbers.len(), self.hyphen_ladders.len(), self.short_carries.len(), self.loose_lines.len()]
    }
}

/// Widest word gap of a justified line, in em.
pub const MAX_GAP_EM: f64 = 0.75;

/// Reads a PDF into pages of text columns.
pub fn read(pdf: &Path) -> Vec<PageText> {
    let words = bbox_words(pdf);
    let doc = lopdf::Document::load(pdf).expect("lopdf reads the PDF");
    let rules = border_rules(&doc);
    let per_em = box_height_per_em(&doc);
    words
        .into_iter()
        .zip(rules.into_iter().chain(std::iter::repeat_with(Rules::default)))
        .map(|(words, rules)| page_text(words, &rules, per_em))
        .collect()
}

/// poppler's word boxes span the font descriptor's ascent to descent, which differ between
/// writers for the same face (LibreOffice: 0.891 + 0.216 em, hhea; ours: OS/2 typo
/// metrics), so a word box's height is turned into the font size by the descriptors' own
/// figures. Every sample sets its text in one family; the largest span is taken.
fn box_height_per_em(doc: &lopdf::Document) -> f64 {
    let num = |o: &lopdf::Object| o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|v| v as f64)).ok();
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|n| n == b"FontDescriptor"))
        .filter_map(|d| Some((num(d.get(b"Ascent").ok()?)? - num(d.get(b"Descent").ok()?)?) / 1000.0))
        .reduce(f64::max)
        .expect("the PDF has a font descriptor")
}

/// Checks every page. `compounds` are the document's words written with a hyphen
/// («организациями-партнерами», lower case): a line ending at such a hyphen counts toward a
/// ladder (a clerk sees three hyphens in a row) but is no syllable carry.
pub fn check(pages: &[PageText], compounds: &HashSet<String>) -> Report {
    let mut r = Report::default();
    for (p, page) in pages.iter().enumerate() {
        for col in &page.columns {
            check_column(p + 1, col, compounds, &mut r);
        }
    }
    r
}

/// The pairs of words joined by a hyphen in a text, lower case: «организационно-методической»
/// gives «организационно-методической».
pub fn compounds(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    for token in text.split(|c: char| !(c.is_alphabetic() || c == '-')) {
        let parts: Vec<&str> = token.split('-').collect();
        for pair in parts.windows(2) {
            if !pair[0].is_empty() && !pair[1].is_empty() {
                out.insert(format!("{}-{}", pair[0], pair[1]).to_lowercase());
            }
        }
    }
    out
}

fn check_column(page: usize, lines: &[Line], compounds: &HashSet<String>, r: &mut Report) {
    let right = lines.iter().map(Line::x1).fold(0.0, f64::max);
    let mut run = 0;
    for (i, line) in lines.iter().enumerate() {
        let (Some(last), next) = (line.words.last(), lines.get(i + 1)) else { continue };
        let first_next = next.and_then(|n| n.words.first());
        if let Some(b) = first_next {
            let after = next.and_then(|n| n.words.get(1)).map(|w| w.text.as_str());
            if cut_number(&last.text, &b.text, after) {
                r.split_numbers.push(format!("стр. {page}: «{}» / «{}»", last.text, b.text));
            }
        }
        let written = first_next.is_some_and(|b| {
            let head: String = {
                let t: Vec<char> =
                    last.text.trim_end_matches('-').chars().rev().take_while(|c| c.is_alphabetic()).collect();
                t.into_iter().rev().collect()
            };
            let tail: String = b.text.chars().take_while(|c| c.is_alphabetic()).collect();
            compounds.contains(&format!("{head}-{tail}").to_lowercase())
        });
        let hyphenated = ends_with_hyphen(&last.text) && !written;
        // A clerk counts every line ending with a hyphen, written ones too.
        run = if ends_with_hyphen(&last.text) { run + 1 } else { 0 };
        if run == 3 {
            r.hyphen_ladders.push(format!("стр. {page}: «{}» …", lines[i - 2].text()));
        }
        if hyphenated {
            let head: String = {
                let t: Vec<char> =
                    last.text.trim_end_matches('-').chars().rev().take_while(|c| c.is_alphabetic()).collect();
                t.into_iter().rev().collect()
            };
            let tail: String =
                first_next.map_or("ччч".into(), |b| b.text.chars().take_while(|c| c.is_alphabetic()).collect());
            // Two letters may be carried only from a word with no other break (the rule
            // Word and LibreOffice share: layout/breaks.rs `syllable_points`).
            let word = format!("{head}{tail}");
            let allowed = prikaz::breaks::syllable_points(&word).contains(&head.chars().count());
            if head.chars().count() < 2 || (tail.chars().count() < 3 && !allowed) {
                let next_text = first_next.map_or("", |b| b.text.as_str());
                r.short_carries.push(format!("стр. {page}: «{}» / «{next_text}»", last.text));
            }
        }
        // Justified lines reach the column's right edge; only their gaps are stretched.
        if line.words.len() >= 2 && line.x1() >= right - 1.0 {
            let em = line.em();
            let gaps = line.words.windows(2).enumerate().filter(|(k, w)| !(*k == 0 && is_marker(&w[0].text)));
            // Gaps wider than a few em are tabs (the signature), not stretched spaces.
            if let Some(g) = gaps.map(|(_, w)| w[1].x0 - w[0].x1).filter(|g| *g < 5.0 * em).reduce(f64::max) {
                if g > MAX_GAP_EM * em {
                    r.loose_lines.push(format!("стр. {page}: пробел {:.2} em: «{}»", g / em, line.text()));
                }
            }
        }
    }
}

fn is_marker(w: &str) -> bool {
    matches!(w, "–" | "—" | "-" | "•") || (w.ends_with([')', '.']) && w.chars().count() <= 4)
}

/// A line end that is a hyphen after a letter: a syllable break or a compound's hyphen.
fn ends_with_hyphen(w: &str) -> bool {
    let mut c = w.chars().rev();
    c.next() == Some('-') && c.next().is_some_and(char::is_alphabetic)
}

/// A number or a date cut between two lines: «01.01.20» / «21», «№» / «15», «2023» / «г.»,
/// «25 декабря» / «2019 г.», «2021–» / «2024»
/// (but not «… № 520» / «г. Новочеркасск», where «г.» is «город»: `after` is the word
/// after `b`).
fn cut_number(a: &str, b: &str, after: Option<&str>) -> bool {
    if a == "№" || a.ends_with(" №") {
        return true;
    }
    // A date in words: «25 декабря» / «2019 г.».
    let a_word = a.rsplit(['\u{a0}', ' ']).next().unwrap_or(a);
    let month = (1..=12).any(|m| prikaz::ru::dates::month_genitive(m) == a_word);
    if month && b.as_bytes().get(..4).is_some_and(|d| d.iter().all(u8::is_ascii_digit)) {
        return true;
    }
    // A range of numbers: «2021–» / «2024 гг.».
    if a.ends_with('–')
        && a.trim_end_matches('–').ends_with(|c: char| c.is_ascii_digit())
        && b.starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let a_tail: String = {
        let t: Vec<char> = a.chars().rev().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        t.into_iter().rev().collect()
    };
    if !a_tail.chars().next_back().is_some_and(|c| c.is_ascii_digit()) && !a_tail.ends_with('.') {
        return false;
    }
    if !a_tail.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let city = after.is_some_and(|w| w.starts_with(char::is_uppercase));
    if matches!(b.trim_end_matches([',', ';', ')']), "г." | "гг." | "%")
        && a_tail.ends_with(|c: char| c.is_ascii_digit())
        && !(b == "г." && city)
    {
        return true;
    }
    let b_head: String = b.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    if !b_head.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // A whole date ends where it ends: the next line's digits are another date
    // («01.09.2023» / «31.05.2024») or the next point («… до 14.03.2025.» / «2. …»).
    let whole_date = |s: &str| {
        let s = s.trim_end_matches('.');
        let p: Vec<&str> = s.split('.').collect();
        p.len() == 3 && p[0].len() <= 2 && p[1].len() == 2 && p[2].len() == 4
    };
    !whole_date(&a_tail)
}

/// Vertical and horizontal border segments of a page, top-left origin.
#[derive(Debug, Default)]
struct Rules {
    /// (x, y from, y to)
    vertical: Vec<(f64, f64, f64)>,
    /// (y, x from, x to)
    horizontal: Vec<(f64, f64, f64)>,
}

fn page_text(words: Vec<Word>, rules: &Rules, per_em: f64) -> PageText {
    // Each word goes to the cell around it: the nearest borders left, right and above.
    let mut cells: BTreeMap<(i64, i64, i64, i64), Vec<Word>> = BTreeMap::new();
    let mut last_row: Option<(f64, String)> = None;
    for w in words {
        let ym = (w.y0 + w.y1) / 2.0;
        let xm = (w.x0 + w.x1) / 2.0;
        let left =
            rules.vertical.iter().filter(|v| v.0 <= w.x0 + 0.5 && v.1 <= ym && ym <= v.2).map(|v| v.0).reduce(f64::max);
        let right =
            rules.vertical.iter().filter(|v| v.0 >= w.x1 - 0.5 && v.1 <= ym && ym <= v.2).map(|v| v.0).reduce(f64::min);
        let top = rules
            .horizontal
            .iter()
            .filter(|h| h.0 <= w.y0 + 0.5 && h.1 <= xm && xm <= h.2)
            .map(|h| h.0)
            .reduce(f64::max);
        let key = match (left, right, top) {
            (Some(l), Some(r), Some(t)) => {
                if last_row.as_ref().is_none_or(|(y, _)| t > *y + 0.5) {
                    last_row = Some((t, String::new()));
                }
                (1, (t * 10.0).round() as i64, (l * 10.0).round() as i64, (r * 10.0).round() as i64)
            }
            _ => (0, 0, 0, 0),
        };
        cells.entry(key).or_default().push(w);
    }
    let mut page = PageText::default();
    let row_top = last_row.map(|(t, _)| (t * 10.0).round() as i64);
    let mut row_words: Vec<String> = Vec::new();
    for (key, words) in cells {
        let lines = lines_of(words, per_em);
        if key.0 == 1 && Some(key.1) == row_top {
            // The row by its first cell's first words: the number, or the text it starts with.
            if let (Some(l), true) = (lines.first(), row_words.is_empty()) {
                row_words.push(l.words.iter().take(3).map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "));
            }
        }
        page.columns.push(lines);
    }
    if !row_words.is_empty() {
        page.last_row = Some(row_words.join(" | "));
    }
    page
}

/// Words of one cell into lines: the same baseline (within a quarter of the size), left to right.
fn lines_of(mut words: Vec<Word>, box_per_em: f64) -> Vec<Line> {
    words.sort_by(|a, b| a.y1.total_cmp(&b.y1).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Line> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some(l) if (l.words[0].y1 - w.y1).abs() < 0.25 * (w.y1 - w.y0) => l.words.push(w),
            _ => lines.push(Line { words: vec![w], box_per_em }),
        }
    }
    for l in &mut lines {
        l.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// poppler's words with their boxes, page by page.
fn bbox_words(pdf: &Path) -> Vec<Vec<Word>> {
    let out = std::process::Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed on {}", pdf.display());
    let html = String::from_utf8_lossy(&out.stdout);
    let mut pages: Vec<Vec<Word>> = Vec::new();
    for part in html.split("<page ").skip(1) {
        let mut words = Vec::new();
        for w in part.split("<word ").skip(1) {
            let attr = |name: &str| -> f64 {
                let at = w.find(&format!("{name}=\"")).expect("bbox attribute") + name.len() + 2;
                w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
            };
            let text = &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()];
            let text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
            words.push(Word { x0: attr("xMin"), y0: attr("yMin"), x1: attr("xMax"), y1: attr("yMax"), text });
        }
        pages.push(words);
    }
    pages
}

/// Border segments of every page: stroked lines and thin filled rectangles.
fn border_rules(doc: &lopdf::Document) -> Vec<Rules> {
    let mut out = Vec::new();
    for (_, id) in doc.get_pages() {
        let height = page_height(doc, id);
        let content = doc.get_page_content(id).ok().and_then(|c| Content::decode(&c).ok());
        let mut rules = Rules::default();
        if let Some(content) = content {
            collect_rules(&content, height, &mut rules);
        }
        out.push(rules);
    }
    out
}

fn page_height(doc: &lopdf::Document, id: lopdf::ObjectId) -> f64 {
    let num = |o: &lopdf::Object| o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|v| v as f64)).unwrap_or(0.0);
    let mut node = doc.get_dictionary(id).ok();
    while let Some(d) = node {
        if let Ok(b) = d.get(b"MediaBox").and_then(|o| doc.dereference(o).map(|(_, o)| o)).and_then(|o| o.as_array()) {
            return num(&b[3]) - num(&b[1]);
        }
        node = d.get(b"Parent").and_then(|p| p.as_reference()).and_then(|r| doc.get_dictionary(r)).ok();
    }
    842.0
}

type Matrix = [f64; 6];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn collect_rules(content: &Content, height: f64, rules: &mut Rules) {
    let mut ctm: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut stack: Vec<Matrix> = Vec::new();
    let mut path: Vec<((f64, f64), (f64, f64))> = Vec::new();
    let mut current = (0.0, 0.0);
    let mut start = (0.0, 0.0);
    let num = |o: &lopdf::Object| o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|v| v as f64)).unwrap_or(0.0);
    let pt = |m: &Matrix, x: f64, y: f64| (m[0] * x + m[2] * y + m[4], height - (m[1] * x + m[3] * y + m[5]));
    for op in &content.operations {
        let a: Vec<f64> = op.operands.iter().map(num).collect();
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(ctm),
            "cm" if a.len() == 6 => ctm = mul(&[a[0], a[1], a[2], a[3], a[4], a[5]], &ctm),
            "m" if a.len() == 2 => {
                current = pt(&ctm, a[0], a[1]);
                start = current;
            }
            "l" if a.len() == 2 => {
                let p = pt(&ctm, a[0], a[1]);
                path.push((current, p));
                current = p;
            }
            "h" => path.push((current, start)),
            "re" if a.len() == 4 => {
                let (p0, p1) = (pt(&ctm, a[0], a[1]), pt(&ctm, a[0] + a[2], a[1] + a[3]));
                let (x0, x1) = (p0.0.min(p1.0), p0.0.max(p1.0));
                let (y0, y1) = (p0.1.min(p1.1), p0.1.max(p1.1));
                if x1 - x0 < 2.0 && y1 - y0 > 3.0 {
                    path.push((((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1)));
                } else if y1 - y0 < 2.0 && x1 - x0 > 3.0 {
                    path.push(((x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0)));
                } else {
                    // A frame drawn as one rectangle: its four sides.
                    path.push(((x0, y0), (x1, y0)));
                    path.push(((x0, y1), (x1, y1)));
                    path.push(((x0, y0), (x0, y1)));
                    path.push(((x1, y0), (x1, y1)));
                }
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                for ((x0, y0), (x1, y1)) in path.drain(..) {
                    if (x0 - x1).abs() < 0.5 && (y0 - y1).abs() > 3.0 {
                        rules.vertical.push((x0, y0.min(y1), y0.max(y1)));
                    } else if (y0 - y1).abs() < 0.5 && (x0 - x1).abs() > 3.0 {
                        rules.horizontal.push((y0, x0.min(x1), x0.max(x1)));
                    }
                }
            }
            "n" => path.clear(),
            _ => {}
        }
    }
}
