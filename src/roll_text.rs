//! Years written in text, moved by `roll`: school-year ranges («2023-2024 учебный год»,
//! «2023/2024»), years of the plan («в 2023 году», «2023 г.») and dates it starts from or
//! runs to («с 01.09.2023», «до 31.05.2024»). A date a document is referred to by («приказ
//! от 25.08.2023») is not the plan's: it is listed, not moved; so is a year that stands
//! alone with nothing to say what it is.

/// What happened to one year in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Moved: the words before and after.
    Moved {
        /// The text as it was: «2023-2024», «в 2023 году».
        before: String,
        /// The text as it now reads: «2024-2025», «в 2024 году».
        after: String,
    },
    /// Left as it was, to be checked by hand: the words around the year.
    Unsure(String),
}

/// The plan's years (`plan`: a school year spans two, a plan for 2021–2024 four): a year in
/// the text that is one of them moves by `delta` where the words say it is the plan's, and
/// is listed otherwise; a year up to three before the plan is listed too (an earlier plan's,
/// or a document's to replace). Returns the new text and what was found.
pub fn shift_years(text: &str, plan: std::ops::RangeInclusive<i32>, delta: i32) -> (String, Vec<Found>) {
    let near = plan.start() - 3..=*plan.end();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some((year, len)) = year_at(&chars, i) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        if !plan.contains(&year) {
            // An earlier range («2020-2021») is one finding.
            let end = range_tail(&chars, i + len, year, &(year..=year)).map_or(i + len, |(_, e)| e);
            if near.contains(&year) {
                found.push(Found::Unsure(context_of(&chars, date_start(&chars, i).unwrap_or(i), end)));
            }
            push_chars(&mut out, &chars[i..end]);
            i = end;
            continue;
        }
        // A range «2023-2024», «2023–2024», «2023 - 2024», «2023/2024», «2023/24», or the
        // plan's own «2021 - 2024».
        if let Some((second, end)) = range_tail(&chars, i + len, year, &plan) {
            let before: String = chars[i..end].iter().collect();
            let separator: String = chars[i + len..end - second].iter().collect();
            let last: i32 = chars[end - second..end].iter().collect::<String>().parse().unwrap_or(year + 1);
            let last =
                if second == 2 { year - year % 100 + last + if last < year % 100 { 100 } else { 0 } } else { last };
            let after = format!("{}{separator}{}", year + delta, second_text(second, last + delta));
            found.push(Found::Moved { before: before.clone(), after: after.clone() });
            out.push_str(&after);
            i = end;
            continue;
        }
        // A date «01.09.2023»: the year ends it.
        let date = date_start(&chars, i);
        let word = word_before(&chars, date.unwrap_or(i));
        let context = context_of(&chars, date.unwrap_or(i), i + len);
        let sure = match date {
            // «от 25.08.2023» names a document; «с», «до», «по», «на», «к» a plan's day.
            Some(_) => matches!(word.as_str(), "с" | "со" | "до" | "по" | "на" | "к" | "ко" | "не позднее" | "позднее"),
            // «в 2023 году», «2023 г.», «на 2023 год», «2023 года».
            None => year_word_after(&chars, i + len) && !matches!(word.as_str(), "от"),
        };
        if sure {
            let before: String = context.clone();
            out.push_str(&(year + delta).to_string());
            let after = context.replacen(&year.to_string(), &(year + delta).to_string(), 1);
            found.push(Found::Moved { before, after });
        } else {
            push_chars(&mut out, &chars[i..i + len]);
            found.push(Found::Unsure(context));
        }
        i += len;
    }
    (out, found)
}

fn push_chars(out: &mut String, cs: &[char]) {
    out.extend(cs.iter());
}

/// A four-digit year starting at `i` (not part of a longer number), with its length.
fn year_at(chars: &[char], i: usize) -> Option<(i32, usize)> {
    if i > 0 && chars[i - 1].is_ascii_digit() {
        return None;
    }
    let digits: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1900..=2200).contains(&y).then_some((y, 4))
}

/// The second year of a range after the first (ending at `from`): «-2024», «–2024»,
/// « - 2024», «/2024», «/24» — the next year, or a later year of the plan. Returns the
/// second year's digit count and the range's end.
fn range_tail(chars: &[char], from: usize, first: i32, plan: &std::ops::RangeInclusive<i32>) -> Option<(usize, usize)> {
    let mut j = from;
    while j < chars.len() && chars[j] == ' ' {
        j += 1;
    }
    if !matches!(chars.get(j), Some('-' | '–' | '—' | '/')) {
        return None;
    }
    j += 1;
    while j < chars.len() && chars[j] == ' ' {
        j += 1;
    }
    let digits: String = chars[j..].iter().take_while(|c| c.is_ascii_digit()).collect();
    let next = first + 1;
    let ok = match digits.len() {
        4 => digits.parse::<i32>().ok().is_some_and(|y| y == next || (y > first && plan.contains(&y))),
        2 => digits.parse::<i32>().ok() == Some(next % 100),
        _ => false,
    };
    ok.then_some((digits.len(), j + digits.len()))
}

fn second_text(digits: usize, year: i32) -> String {
    if digits == 2 {
        format!("{:02}", year % 100)
    } else {
        year.to_string()
    }
}

/// Where a date «ДД.ММ.» before the year at `i` starts, if there is one.
fn date_start(chars: &[char], i: usize) -> Option<usize> {
    if i >= 6
        && chars[i - 1] == '.'
        && chars[i - 4] == '.'
        && chars[i - 2].is_ascii_digit()
        && chars[i - 3].is_ascii_digit()
        && chars[i - 5].is_ascii_digit()
        && chars[i - 6].is_ascii_digit()
    {
        Some(i - 6)
    } else {
        None
    }
}

/// The word before position `at` (lower case), two words for «не позднее».
fn word_before(chars: &[char], at: usize) -> String {
    let before: String = chars[..at].iter().collect();
    let words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    let last = words.first().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase()).unwrap_or_default();
    if last == "позднее" && words.get(1).is_some_and(|w| w.to_lowercase() == "не") {
        return "не позднее".to_owned();
    }
    last
}

/// Whether a year word follows: «г.», «год», «года», «году», «годом», «гг.».
fn year_word_after(chars: &[char], from: usize) -> bool {
    let rest: String = chars[from..].iter().take(8).collect();
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    rest.starts_with("г.") || rest.starts_with("год") || rest.starts_with("гг")
}

/// The words around a year, for a message: from the word before to the one after.
fn context_of(chars: &[char], start: usize, end: usize) -> String {
    let mut a = start;
    let mut skipped = 0;
    while a > 0 && skipped < 2 {
        a -= 1;
        if chars[a].is_whitespace() {
            skipped += 1;
        }
    }
    if skipped == 2 {
        a += 1;
    }
    let mut b = end;
    let mut seen = 0;
    while b < chars.len() && seen < 1 {
        if chars[b].is_whitespace() && b > end {
            seen += 1;
            continue;
        }
        b += 1;
    }
    chars[a..b].iter().collect::<String>().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift(t: &str) -> String {
        shift_years(t, 2023..=2024, 1).0
    }

    #[test]
    fn school_years_and_plan_dates_move() {
        assert_eq!(shift("в 2023-2024 учебном году"), "в 2024-2025 учебном году");
        assert_eq!(shift("в 2023 - 2024 учебном году"), "в 2024 - 2025 учебном году");
        assert_eq!(shift("план на 2023/2024 уч. год"), "план на 2024/2025 уч. год");
        assert_eq!(shift("2023/24 учебный год"), "2024/25 учебный год");
        assert_eq!(shift("с 01.09.2023 г."), "с 01.09.2024 г.");
        assert_eq!(shift("до 31.05.2024"), "до 31.05.2025");
        assert_eq!(shift("в 2023 году"), "в 2024 году");
        assert_eq!(shift("Сентябрь 2023 г."), "Сентябрь 2024 г.");
        // A plan of several years moves as a whole.
        assert_eq!(shift_years("Период 2021 - 2024 г.г.", 2021..=2024, 3).0, "Период 2024 - 2027 г.г.");
    }

    #[test]
    fn documents_and_other_years_stay() {
        // A document referred to by its date is not the plan's.
        let (t, found) = shift_years("приказ от 25.08.2023 № 15", 2023..=2024, 1);
        assert_eq!(t, "приказ от 25.08.2023 № 15");
        assert!(matches!(&found[..], [Found::Unsure(c)] if c.contains("25.08.2023")), "{found:?}");
        assert_eq!(shift("Распоряжение от 25.12.2019 года"), "Распоряжение от 25.12.2019 года");
        assert_eq!(shift_years("В течение года", 2023..=2024, 1).1, []);
        // An earlier year near the plan is listed; a far one is not.
        assert_eq!(shift_years("в 2020-2021 учебном году", 2023..=2024, 1).1.len(), 1);
        assert_eq!(shift_years("от 25.12.2012", 2023..=2024, 1).1, []);
        assert_eq!(shift("СанПиН 2.3/2.4.3590-20"), "СанПиН 2.3/2.4.3590-20");
        // A bare year with nothing to say what it is: listed, not moved.
        let (t, found) = shift_years("отчёт 2023", 2023..=2024, 1);
        assert_eq!(t, "отчёт 2023");
        assert_eq!(found.len(), 1);
    }
}
