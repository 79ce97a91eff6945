//! List numbering for the order's points: numbers and markers the template printed as text
//! become `w:numPr` on a multi-level list, so a point inserted in Word or LibreOffice gets
//! the next number and the ones after it move on. The numbers shown stay the template's:
//! where the input skips or restarts («5» after «1»), a new instance of the list starts at
//! that number (`w:startOverride`), as Word does when a user sets «Начать с».

use crate::doc::NumberFormat;

/// The lists a document uses and the numbers shown so far.
#[derive(Debug, Clone, Default)]
pub struct NumberingBook {
    /// Instances: (numId, format, start value per level).
    nums: Vec<(usize, NumberFormat, [u32; 3])>,
    /// The instance each format continues, and the last number shown per level (0: none
    /// since the level was reset).
    current: Vec<(NumberFormat, usize, [u32; 3])>,
    /// First-line indent of the points, twips (the levels' indent).
    first_line: i32,
}

impl NumberingBook {
    /// The list instance and level of a paragraph showing `shown` («1.2.» as [1, 2]; empty
    /// for a marker) at `level`.
    pub fn assign(&mut self, format: NumberFormat, level: u8, shown: &[u32], first_line: i32) -> (usize, usize) {
        if self.nums.is_empty() {
            self.first_line = first_line;
        }
        let level = usize::from(level).min(2);
        if format != NumberFormat::Decimal {
            // Markers: one instance, nothing to count.
            let id = match self.nums.iter().find(|n| n.1 == format) {
                Some(n) => n.0,
                None => self.add(format, [1; 3]),
            };
            return (id, level);
        }
        let want: Vec<u32> = shown.iter().copied().take(level + 1).collect();
        let expected = self.current.iter().find(|c| c.0 == format).map(|(_, id, last)| {
            let starts = self.nums.iter().find(|n| n.0 == *id).map_or([1; 3], |n| n.2);
            let mut e: Vec<u32> = (0..level).map(|i| if last[i] > 0 { last[i] } else { starts[i] }).collect();
            e.push(if last[level] > 0 { last[level] + 1 } else { starts[level] });
            (*id, e)
        });
        let id = match expected {
            Some((id, e)) if e == want => id,
            _ => {
                let mut starts = [1; 3];
                for (i, v) in want.iter().enumerate() {
                    starts[i] = *v;
                }
                let id = self.add(format, starts);
                self.current.retain(|c| c.0 != format);
                self.current.push((format, id, [0; 3]));
                id
            }
        };
        if let Some(c) = self.current.iter_mut().find(|c| c.0 == format) {
            if let Some(v) = want.get(level) {
                c.2[level] = *v;
            }
            for deeper in c.2.iter_mut().skip(level + 1) {
                *deeper = 0;
            }
        }
        (id, level)
    }

    fn add(&mut self, format: NumberFormat, starts: [u32; 3]) -> usize {
        let id = self.nums.len() + 1;
        self.nums.push((id, format, starts));
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
        let ind = format!("<w:pPr><w:ind w:left=\"0\" w:firstLine=\"{}\"/></w:pPr>", self.first_line);
        for format in [NumberFormat::Decimal, NumberFormat::Dash, NumberFormat::Bullet] {
            if !self.nums.iter().any(|n| n.1 == format) {
                continue;
            }
            out.push_str(&format!(
                "<w:abstractNum w:abstractNumId=\"{}\"><w:multiLevelType w:val=\"multilevel\"/>",
                abstract_id(format)
            ));
            for level in 0..3 {
                let (fmt, text) = match format {
                    NumberFormat::Decimal => ("decimal", (1..=level + 1).map(|i| format!("%{i}.")).collect::<String>()),
                    NumberFormat::Dash => ("bullet", "–".to_owned()),
                    NumberFormat::Bullet => ("bullet", "•".to_owned()),
                };
                out.push_str(&format!(
                    "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/>\
                     <w:suff w:val=\"space\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>{ind}</w:lvl>"
                ));
            }
            out.push_str("</w:abstractNum>");
        }
        for (id, format, starts) in &self.nums {
            out.push_str(&format!("<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{}\"/>", abstract_id(*format)));
            if *format == NumberFormat::Decimal && *starts != [1; 3] {
                for (level, start) in starts.iter().enumerate() {
                    out.push_str(&format!(
                        "<w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride>"
                    ));
                }
            }
            out.push_str("</w:num>");
        }
        out.push_str("</w:numbering>");
        out.into_bytes()
    }
}

fn abstract_id(f: NumberFormat) -> usize {
    match f {
        NumberFormat::Decimal => 1,
        NumberFormat::Dash => 2,
        NumberFormat::Bullet => 3,
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
        .map(|(l, shown)| b.assign(d, l, &shown, 709))
        .collect();
        assert_eq!(got, [(1, 0), (1, 1), (1, 1), (1, 0), (2, 0), (2, 1), (2, 0)]);
        let xml = String::from_utf8(b.xml()).unwrap();
        assert!(xml.contains("<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/>"), "{xml}");
        assert!(xml.contains("<w:lvlText w:val=\"%1.%2.\"/>"));
    }
}
