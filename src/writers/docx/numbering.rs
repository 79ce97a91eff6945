//! List numbering for the order's points and the tables' № columns: numbers and markers the
//! template printed as text become `w:numPr` on a multi-level list, so a point or a row
//! inserted in Word or LibreOffice gets the next number and the ones after it move on. The numbers shown stay the template's:
//! where the input skips or restarts («5» after «1»), a new instance of the list starts at
//! that number (`w:startOverride`), as Word does when a user sets «Начать с».

use crate::doc::{AutoNumber, NumberFormat};

/// Levels a list defines (Word's limit).
const LEVELS: usize = 9;

/// The list definitions (`w:abstractNum`) a document may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abstract {
    /// The order's points and clause points: numbers or markers indented as the points, a
    /// space after the number.
    Points(NumberFormat),
    /// The points numbered «1)», «1.1)».
    PointsParen,
    /// One numbered sequence of a table (the `k`-th of the document): «1.», «1.1.» … with
    /// nothing after them (a number cell holds the number alone; a section row keeps its own
    /// space before the title); `roman`: Roman numerals at the top level and Arabic under it
    /// («I.», «1.1.»). Each sequence has a definition of its own: LibreOffice counts all
    /// instances of one definition as one list, so the rows of a section would go on from
    /// the section numbers.
    Table { k: usize, roman: bool, paren: bool },
    /// A list's markers («–», «•») at the list's indent, a tab to the text.
    Marker(NumberFormat),
    /// One numbered list (the `k`-th of the document's sequences): «1)» or «1.», a tab to
    /// the text; each list counts from 1.
    Numbered { k: usize, paren: bool },
}

impl Abstract {
    fn id(self) -> usize {
        match self {
            Abstract::Points(NumberFormat::Decimal | NumberFormat::Roman) => 1,
            Abstract::Points(NumberFormat::Dash) => 2,
            Abstract::Points(NumberFormat::Bullet) => 3,
            Abstract::Marker(NumberFormat::Bullet) => 5,
            Abstract::Marker(_) => 4,
            Abstract::PointsParen => 6,
            Abstract::Table { k, .. } | Abstract::Numbered { k, .. } => 7 + k,
        }
    }
}

/// A list item's marker, for [`NumberingBook::list_item`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMarker {
    Dash,
    Bullet,
    /// «1)».
    Paren,
    /// «1.».
    Dot,
}

/// The sequence a number counts in: the points' sequence of one format, or a table's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sequence {
    Points(NumberFormat),
    Table(u32),
}

/// The lists a document uses and the numbers shown so far.
#[derive(Debug, Clone, Default)]
pub struct NumberingBook {
    /// Instances: (numId, definition, start value per level).
    nums: Vec<(usize, Abstract, [u32; LEVELS])>,
    /// The instance each sequence continues, and the last number shown per level (0: none
    /// since the level was reset).
    current: Vec<(Sequence, usize, [u32; LEVELS])>,
    /// First-line indent of the points, twips (the levels' indent).
    first_line: i32,
    /// The tables' sequences in the order they first appear, and the numbered lists (as
    /// `None`: each its own sequence).
    tables: Vec<Option<u32>>,
}

impl NumberingBook {
    /// The list instance and level of a paragraph numbered `n` showing `shown` («1.2.» as
    /// [1, 2]; empty for a marker). Where the shown number is not the one the current
    /// instance would give next, a new instance starts at it (`w:startOverride`), as Word
    /// does when a user sets «Начать с».
    pub fn assign(&mut self, n: AutoNumber, shown: &[u32], first_line: i32) -> (usize, usize) {
        if !self.nums.iter().any(|x| matches!(x.1, Abstract::Points(_) | Abstract::PointsParen)) && n.list == 0 {
            self.first_line = first_line;
        }
        let level = usize::from(n.level).min(LEVELS - 1);
        let (sequence, definition) = match (n.list, n.format) {
            (0, NumberFormat::Decimal) if n.paren => (Sequence::Points(n.format), Abstract::PointsParen),
            (0, f) => (Sequence::Points(f), Abstract::Points(f)),
            (id, _) => {
                let k = match self.tables.iter().position(|t| *t == Some(id)) {
                    Some(k) => k,
                    None => {
                        self.tables.push(Some(id));
                        self.tables.len() - 1
                    }
                };
                (Sequence::Table(id), Abstract::Table { k, roman: n.roman_top, paren: n.paren })
            }
        };
        if matches!(n.format, NumberFormat::Dash | NumberFormat::Bullet) {
            // Markers: one instance, nothing to count.
            let id = match self.nums.iter().find(|x| x.1 == definition) {
                Some(x) => x.0,
                None => self.add(definition, [1; LEVELS]),
            };
            return (id, level);
        }
        let want: Vec<u32> = shown.iter().copied().take(level + 1).collect();
        // The instance goes on only if it reads the same way («1.» after «1)» starts anew).
        let same_definition = |id: usize| self.nums.iter().any(|x| x.0 == id && x.1 == definition);
        let expected = self.current.iter().find(|c| c.0 == sequence && same_definition(c.1)).map(|(_, id, last)| {
            let starts = self.nums.iter().find(|x| x.0 == *id).map_or([1; LEVELS], |x| x.2);
            let mut e: Vec<u32> = (0..level).map(|i| if last[i] > 0 { last[i] } else { starts[i] }).collect();
            e.push(if last[level] > 0 { last[level] + 1 } else { starts[level] });
            (*id, e)
        });
        let id = match expected {
            Some((id, e)) if e == want => id,
            _ => {
                let mut starts = [1; LEVELS];
                for (i, v) in want.iter().enumerate() {
                    starts[i] = *v;
                }
                let id = self.add(definition, starts);
                self.current.retain(|c| c.0 != sequence);
                self.current.push((sequence, id, [0; LEVELS]));
                id
            }
        };
        if let Some(c) = self.current.iter_mut().find(|c| c.0 == sequence) {
            if let Some(v) = want.get(level) {
                c.2[level] = *v;
            }
            for deeper in c.2.iter_mut().skip(level + 1) {
                *deeper = 0;
            }
        }
        (id, level)
    }

    /// The list instance and level of a paragraph taken away (a tracked render): the
    /// instance its sequence is in, its value neither checked nor counted — after «Принять
    /// все» it is gone, after «Отклонить все» Word counts it where it stands.
    pub fn assign_uncounted(&mut self, n: AutoNumber, first_line: i32) -> (usize, usize) {
        let level = usize::from(n.level).min(LEVELS - 1);
        let sequence = match (n.list, n.format) {
            (0, f) => Sequence::Points(f),
            (id, _) => Sequence::Table(id),
        };
        match self.current.iter().find(|c| c.0 == sequence) {
            Some(&(_, id, _)) => (id, level),
            None => self.assign(n, n.values(), first_line),
        }
    }

    /// The list instance of the items of one list: markers share one instance per kind; a
    /// numbered list is a sequence of its own, counting from 1. Call it once per list.
    pub fn list(&mut self, marker: ListMarker) -> usize {
        let definition = match marker {
            ListMarker::Dash => Abstract::Marker(NumberFormat::Dash),
            ListMarker::Bullet => Abstract::Marker(NumberFormat::Bullet),
            ListMarker::Paren | ListMarker::Dot => {
                self.tables.push(None);
                Abstract::Numbered { k: self.tables.len() - 1, paren: marker == ListMarker::Paren }
            }
        };
        match self.nums.iter().find(|x| x.1 == definition) {
            Some(x) => x.0,
            None => self.add(definition, [1; LEVELS]),
        }
    }

    fn add(&mut self, definition: Abstract, starts: [u32; LEVELS]) -> usize {
        let id = self.nums.len() + 1;
        self.nums.push((id, definition, starts));
        id
    }

    /// Whether any paragraph is numbered.
    pub fn is_used(&self) -> bool {
        !self.nums.is_empty()
    }

    /// `numbering.xml`.
    pub fn xml(&self) -> Vec<u8> {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering \
             xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
        );
        let mut defined: Vec<Abstract> = Vec::new();
        for (_, definition, _) in &self.nums {
            if !defined.iter().any(|d| d.id() == definition.id()) {
                defined.push(*definition);
            }
        }
        defined.sort_by_key(|d| d.id());
        for definition in defined {
            out.push_str(&format!(
                "<w:abstractNum w:abstractNumId=\"{}\"><w:multiLevelType w:val=\"multilevel\"/>",
                definition.id()
            ));
            for level in 0..LEVELS {
                out.push_str(&self.level_xml(definition, level));
            }
            out.push_str("</w:abstractNum>");
        }
        let mut seen: Vec<usize> = Vec::new();
        for (id, definition, starts) in &self.nums {
            out.push_str(&format!("<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{}\"/>", definition.id()));
            // Word continues the count across instances of one definition unless an instance
            // says where it starts: every instance after the first says so.
            let counts = !matches!(
                definition,
                Abstract::Points(NumberFormat::Dash | NumberFormat::Bullet) | Abstract::Marker(_)
            );
            if counts && (*starts != [1; LEVELS] || seen.contains(&definition.id())) {
                for (level, start) in starts.iter().enumerate() {
                    out.push_str(&format!(
                        "<w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride>"
                    ));
                }
            }
            seen.push(definition.id());
            out.push_str("</w:num>");
        }
        out.push_str("</w:numbering>");
        out.into_bytes()
    }

    fn level_xml(&self, definition: Abstract, level: usize) -> String {
        let numbers = |end: &str| {
            let mut t = (1..=level + 1).map(|i| format!("%{i}")).collect::<Vec<_>>().join(".");
            t.push_str(end);
            t
        };
        let decimal = || numbers(".");
        let (fmt, text, suffix, first, legal) = match definition {
            Abstract::Points(NumberFormat::Dash) => ("bullet", "–".to_owned(), "space", self.first_line, false),
            Abstract::Points(NumberFormat::Bullet) => ("bullet", "•".to_owned(), "space", self.first_line, false),
            Abstract::Points(_) => ("decimal", decimal(), "space", self.first_line, false),
            Abstract::PointsParen => ("decimal", numbers(")"), "space", self.first_line, false),
            Abstract::Table { roman: false, paren, .. } => {
                ("decimal", numbers(if paren { ")" } else { "." }), "nothing", 0, false)
            }
            Abstract::Table { roman: true, .. } if level == 0 => ("upperRoman", decimal(), "nothing", 0, false),
            // Legal numbering: the levels under a Roman one show it in Arabic («1.1.»).
            Abstract::Table { roman: true, .. } => ("decimal", decimal(), "nothing", 0, true),
            // The item's own indent (left and hanging) places marker and text.
            Abstract::Marker(NumberFormat::Bullet) => ("bullet", "•".to_owned(), "tab", 0, false),
            Abstract::Marker(_) => ("bullet", "–".to_owned(), "tab", 0, false),
            Abstract::Numbered { paren, .. } => {
                ("decimal", format!("%{}{}", level + 1, if paren { ")" } else { "." }), "tab", 0, false)
            }
        };
        format!(
            "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/>{}\
             <w:suff w:val=\"{suffix}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
             <w:pPr><w:ind w:left=\"0\" w:firstLine=\"{first}\"/></w:pPr></w:lvl>",
            if legal { "<w:isLgl/>" } else { "" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skip_starts_a_new_instance_and_the_sequence_goes_on_in_it() {
        let mut b = NumberingBook::default();
        let d = NumberFormat::Decimal;
        let got: Vec<(usize, usize)> = [
            (0, vec![1]),
            (1, vec![1, 1]),
            (1, vec![1, 2]),
            (0, vec![2]),
            (0, vec![5]), // an explicit skip
            (1, vec![5, 1]),
            (0, vec![6]),
        ]
        .into_iter()
        .map(|(l, shown)| {
            b.assign(
                AutoNumber { format: d, level: l, list: 0, roman_top: false, paren: false, parts: [0; 9] },
                &shown,
                709,
            )
        })
        .collect();
        assert_eq!(got, [(1, 0), (1, 1), (1, 1), (1, 0), (2, 0), (2, 1), (2, 0)]);
        let xml = String::from_utf8(b.xml()).unwrap();
        assert!(xml.contains("<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/>"), "{xml}");
        assert!(xml.contains("<w:lvlText w:val=\"%1.%2.\"/>"));
    }

    #[test]
    fn a_sequence_read_with_a_parenthesis_is_defined_so() {
        let mut b = NumberingBook::default();
        let n = |level, paren| AutoNumber {
            format: NumberFormat::Decimal,
            level,
            list: 7,
            roman_top: false,
            paren,
            parts: [0; 9],
        };
        assert_eq!(b.assign(n(0, true), &[1], 0), (1, 0));
        assert_eq!(b.assign(n(1, true), &[1, 1], 0), (1, 1));
        let xml = String::from_utf8(b.xml()).unwrap();
        assert!(xml.contains("<w:lvlText w:val=\"%1)\"/>") && xml.contains("<w:lvlText w:val=\"%1.%2)\"/>"), "{xml}");
        // A points list that changes how it reads starts a new instance.
        let mut b = NumberingBook::default();
        let p = |paren| AutoNumber {
            format: NumberFormat::Decimal,
            level: 0,
            list: 0,
            roman_top: false,
            paren,
            parts: [0; 9],
        };
        assert_eq!(b.assign(p(false), &[1], 0).0, 1);
        assert_eq!(b.assign(p(true), &[2], 0).0, 2);
    }
}
