//! Russian typography on plain text: no-break spaces, «ёлочки», dashes. Each pass is
//! separate, idempotent, and leaves phone numbers, registration numbers and URLs alone.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

const NBSP: char = '\u{a0}';

/// One pass: what it does, in the words of `validate --explain`, and the function.
type Pass = (&'static str, fn(&str) -> String);

/// # Типографика
/// Типографские исправления; каждое можно отключить, поскольку текст юридически принадлежит автору.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Typography {
    /// # Неразрывные пробелы
    /// Неразрывные пробелы в «Н.П. Клюева», «№ 15», «2023 г.». По умолчанию — `true`.
    pub nbsp: bool,
    /// # Кавычки
    /// «Ёлочки» вместо прямых кавычек, „лапки“ — внутри них. По умолчанию — `true`.
    pub quotes: bool,
    /// # Тире
    /// Короткое тире в диапазонах («2023–2024»), длинное тире между словами. По умолчанию — `true`.
    pub dashes: bool,
    /// # Длинное тире между словами
    /// Заменять ли короткое тире, набранное автором между словами, длинным («руководитель – Иванова» → «руководитель — Иванова»). Дефис между словами становится тире в любом случае. По умолчанию — `true`.
    pub em_dash: bool,
    /// # «гг.» вместо «г.г.»
    /// Заменять ли «г.г.» на «гг.». По умолчанию — `true`.
    pub years: bool,
    /// # Пробел после «№»
    /// Ставить ли пробел после «№», если автор его не набрал («№15» → «№ 15»). Выключите, чтобы номер печатался слитно, как набран: «№26/1». По умолчанию — `true`.
    pub numero_space: bool,
}

impl Default for Typography {
    fn default() -> Self {
        Typography { nbsp: true, quotes: true, dashes: true, em_dash: true, years: true, numero_space: true }
    }
}

/// The passes the style enables, in their fixed order.
fn passes(t: &Typography) -> Vec<Pass> {
    let mut out: Vec<Pass> = Vec::with_capacity(8);
    if t.dashes && t.em_dash {
        out.push(("тире, диапазон лет или дефис в составном слове", dashes));
    } else if t.dashes {
        out.push(("тире, диапазон лет или дефис в составном слове", dashes_en_kept));
    }
    if t.years {
        out.push(("«гг.» вместо «г.г.»", years_abbreviation));
    }
    if t.quotes {
        out.push(("кавычки-«ёлочки»", quotes));
    }
    if t.nbsp {
        out.push(("неразрывный пробел: инициалы и фамилия", nbsp_initials));
        if t.numero_space {
            out.push(("неразрывный пробел после «№»", nbsp_numero));
        } else {
            out.push(("неразрывный пробел после «№»", nbsp_numero_kept));
        }
        out.push(("неразрывный пробел: число и «г.», сокращение и слово", nbsp_abbreviations));
        out.push(("неразрывный пробел: число и знак или единица", nbsp_units));
        out.push(("неразрывный пробел после однобуквенного слова", nbsp_short_words));
    }
    out
}

/// Runs the passes the style enables, in a fixed order.
pub fn apply(text: &str, t: &Typography) -> String {
    passes(t).iter().fold(text.to_owned(), |s, (_, pass)| pass(&s))
}

/// One change the passes make to a text, to show its author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What the pass does.
    pub rule: &'static str,
    /// The words changed, as written (no-break spaces shown as «⍽»).
    pub before: String,
    /// The same words after the pass.
    pub after: String,
}

/// Every change the passes make to `text`, pass by pass, each shown with the whole words
/// around it.
pub fn explain(text: &str, t: &Typography) -> Vec<Change> {
    let mut out = Vec::new();
    let mut s = text.to_owned();
    for (rule, pass) in passes(t) {
        let next = pass(&s);
        if next != s {
            out.extend(changed_words(&s, &next).into_iter().map(|(before, after)| Change { rule, before, after }));
        }
        s = next;
    }
    out
}

/// The changed places of `a` → `b`, each widened to whole words (changes within the same
/// words shown once).
fn changed_words(a: &str, b: &str) -> Vec<(String, String)> {
    let diff = similar::TextDiff::from_chars(a, b);
    let mut regions: Vec<(usize, usize, usize, usize)> = Vec::new();
    for op in diff.ops() {
        if matches!(op, similar::DiffOp::Equal { .. }) {
            continue;
        }
        let (old, new) = (op.old_range(), op.new_range());
        let (a0, a1) = word_bounds(a, old.start, old.end);
        let (b0, b1) = word_bounds(b, new.start, new.end);
        match regions.last_mut() {
            Some(last) if a0 <= last.1 || b0 <= last.3 => {
                last.1 = last.1.max(a1);
                last.3 = last.3.max(b1);
            }
            _ => regions.push((a0, a1, b0, b1)),
        }
    }
    let show = |s: &str| s.replace(NBSP, "⍽");
    regions.into_iter().map(|(a0, a1, b0, b1)| (show(&a[a0..a1]), show(&b[b0..b1]))).collect()
}

/// Byte bounds of the words around the characters `from..to` (character indices): out to
/// the nearest plain spaces.
fn word_bounds(s: &str, from: usize, to: usize) -> (usize, usize) {
    let byte = |k: usize| s.char_indices().nth(k).map_or(s.len(), |(i, _)| i);
    let (start, end) = (byte(from), byte(to));
    // A change next to a space (a space made no-break, a dash) shows the word beyond it too.
    let from_left = s[..start].strip_suffix(' ').unwrap_or(&s[..start]);
    let left = from_left.rfind(' ').map_or(0, |i| i + 1);
    let skip = usize::from(s[end..].starts_with(' '));
    let right = s[end + skip..].find(' ').map_or(s.len(), |i| end + skip + i);
    (left, right.max(start))
}

/// Splits into tokens separated by single ASCII spaces and rebuilds with `join(left, right)`
/// deciding each separator.
fn rejoin(s: &str, mut glue: impl FnMut(&str, &str) -> bool) -> String {
    if !s.contains(' ') {
        return s.to_owned();
    }
    let parts: Vec<&str> = s.split(' ').collect();
    let mut out = String::with_capacity(s.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            let left = parts[i - 1];
            out.push(if !left.is_empty() && !p.is_empty() && glue(left, p) { NBSP } else { ' ' });
        }
        out.push_str(p);
    }
    out
}

/// The last space- or NBSP-separated word of a token.
fn last_word(t: &str) -> &str {
    t.rsplit(NBSP).next().unwrap_or(t)
}

fn first_word(t: &str) -> &str {
    t.split(NBSP).next().unwrap_or(t)
}

/// «Н.» or «Н.П.» (one or two initials, nothing else).
fn is_initials(w: &str) -> bool {
    // At most two letters of up to 4 bytes each, and two dots.
    if !w.ends_with('.') || w.len() > 10 {
        return false;
    }
    let chars: Vec<char> = w.chars().collect();
    !chars.is_empty()
        && chars.len() % 2 == 0
        && chars.len() <= 4
        && chars.chunks(2).all(|c| c[0].is_uppercase() && c[0].is_alphabetic() && c[1] == '.')
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_name_word(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';', ':', '.', ')']);
    starts_upper(w)
        && w.chars().count() >= 2
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && w.chars().skip(1).any(|c| c.is_lowercase())
}

/// «Н.П. Клюева» → «Н.П.~Клюева», «Клюева Н.П.» → «Клюева~Н.П.», «М. В. Васильева» → «М.~В.~Васильева».
pub fn nbsp_initials(s: &str) -> String {
    rejoin(s, |l, r| {
        let (l, r) = (last_word(l), first_word(r));
        let r_core = r.trim_end_matches([',', ';', ':', ')']);
        // Initials first: they are cheap to rule out, and most word pairs have none.
        let (l_initials, r_initials) = (is_initials(l), is_initials(r_core));
        (l_initials && (r_initials || is_name_word(r))) || (r_initials && is_name_word(l))
    })
}

/// «№ 15», «№15» → «№~15»; «№№ 1, 2», «№№АЗ-1128/08» → «№№~1, 2», «№№~АЗ-1128/08».
pub fn nbsp_numero(s: &str) -> String {
    numero(s, true)
}

/// «№ 15» → «№~15»; «№15» stays as typed.
pub fn nbsp_numero_kept(s: &str) -> String {
    numero(s, false)
}

fn numero(s: &str, insert: bool) -> String {
    if !s.contains('№') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        if c == '№' && chars.get(i + 1) != Some(&'№') {
            let mut j = i + 1;
            while j < chars.len() && is_space(chars[j]) {
                j += 1;
            }
            if j < chars.len() && chars[j].is_alphanumeric() && (insert || j > i + 1) {
                out.push(NBSP);
                // The number itself, then a letter written apart from it («№ 15 а»).
                let mut k = j;
                while k < chars.len() && !is_space(chars[k]) {
                    out.push(chars[k]);
                    k += 1;
                }
                let digits_end = chars[k - 1].is_ascii_digit();
                let letter = chars.get(k + 1).is_some_and(|c| c.is_lowercase() && c.is_alphabetic());
                let alone = chars.get(k + 2).is_none_or(|c| is_space(*c) || ",;:.)»".contains(*c));
                if digits_end && k < chars.len() && is_space(chars[k]) && letter && alone {
                    out.push(NBSP);
                    out.push(chars[k + 1]);
                    k += 2;
                }
                i = k;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn is_number(w: &str) -> bool {
    let w = w.trim_start_matches(['(', '«']);
    !w.is_empty()
        && w.chars().all(|c| c.is_ascii_digit() || c == '–' || c == '-' || c == ',' || c == '.')
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// «2023 г.» → «2023~г.», «2021–2024 гг.», «г. Солнечногорск», «ул. Красная», «д. 124», «т. е.».
pub fn nbsp_abbreviations(s: &str) -> String {
    if !s.contains(' ') {
        return s.to_owned();
    }
    let parts: Vec<&str> = s.split(' ').collect();
    let mut out = String::with_capacity(s.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            let (l, r) = (parts[i - 1], *p);
            let (lw, rw) = (last_word(l), first_word(r));
            let r_core = rw.trim_end_matches([',', ';', ':', ')']);
            // «г.» after a number is «год»; before a capital it is «город» only when no number precedes.
            let year_before = || {
                i >= 2 && is_number(last_word(parts[i - 2]))
                    || l.contains('\u{a0}') && is_number(l.split('\u{a0}').next().unwrap_or(""))
            };
            let glue = !l.is_empty()
                && !r.is_empty()
                && ((is_number(lw) && matches!(r_core, "г." | "гг." | "г"))
                    || (matches!(lw, "г." | "ул." | "пр." | "пос." | "с.")
                        && starts_upper(rw)
                        && !(lw == "г." && year_before()))
                    || (lw == "д." && rw.chars().next().is_some_and(|c| c.is_ascii_digit()))
                    || (lw == "т." && matches!(r_core, "е." | "д." | "к." | "п.")));
            out.push(if glue { NBSP } else { ' ' });
        }
        out.push_str(p);
    }
    out
}

/// A date in words in running text kept on one line: «25 декабря 2019 г.» →
/// «25~декабря~2019~г.» (the day and the month, the year and «г.» are bound by the other
/// passes; this binds the month to the year). Table cells keep the space, so a narrow
/// column may still break a date between its month and year.
pub fn nbsp_dates(s: &str) -> String {
    if !s.contains(' ') || !s.chars().any(|c| c.is_ascii_digit()) {
        return s.to_owned();
    }
    let parts: Vec<&str> = s.split(' ').collect();
    let mut out = String::with_capacity(s.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            let l = parts[i - 1];
            // «25~декабря» (bound by the pass for short words) or «25 декабря».
            let mut pieces = l.rsplit(NBSP);
            let month = pieces.next().unwrap_or("");
            let day = pieces.next().or_else(|| (i >= 2).then(|| last_word(parts[i - 2]))).unwrap_or("");
            let is_day = {
                let d = day.trim_matches(['«', '»', '"']);
                (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit())
            };
            let is_month = (1..=12).any(|m| crate::ru::dates::month_genitive(m) == month);
            let year = p.as_bytes().get(..4).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
            out.push(if is_day && is_month && year { NBSP } else { ' ' });
        }
        out.push_str(p);
    }
    out
}

/// Signs and abbreviated units a number is never separated from. Full words («года»,
/// «лет», «человек») are not glued: a glued «25.12.2019~года» cannot fit a line and leaves
/// the line before it loose.
const UNITS: [&str; 12] = ["%", "чел.", "руб.", "тыс.", "млн", "млрд", "мм", "см", "м", "км", "кг", "ч"];

/// «55 %» → «55~%», «12 чел.» → «12~чел.».
pub fn nbsp_units(s: &str) -> String {
    rejoin(s, |l, r| {
        if !is_number(last_word(l)) {
            return false;
        }
        let r_core = first_word(r).trim_end_matches([',', ';', ':', ')', '.']);
        let r_dot = first_word(r).trim_end_matches([',', ';', ':', ')']);
        UNITS.contains(&r_core) || UNITS.contains(&r_dot)
    })
}

/// A no-break space after one-letter words: «в ОУ», «с 01.09.2023», «и наставляемых».
pub fn nbsp_short_words(s: &str) -> String {
    rejoin(s, |l, _| {
        let w = last_word(l).trim_start_matches(['(', '«', '„']);
        let mut c = w.chars();
        matches!((c.next(), c.next()), (Some(ch), None) if "вксуоиаяВКСУОИАЯ".contains(ch))
    })
}

/// Straight double quotes → «ёлочки», „лапки“ inside.
pub fn quotes(s: &str) -> String {
    if !s.contains('"') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut depth = 0usize;
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c == '"' {
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([{«„—–-/".contains(p));
            if opening {
                out.push(if depth == 0 { '«' } else { '„' });
                depth += 1;
            } else {
                depth = depth.saturating_sub(1);
                out.push(if depth == 0 { '»' } else { '“' });
            }
        } else {
            if c == '«' {
                depth += 1;
            } else if c == '»' {
                depth = depth.saturating_sub(1);
            }
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

fn is_year_chars(w: &[char]) -> bool {
    w.len() == 4 && w.iter().all(|c| c.is_ascii_digit()) && matches!((w[0], w[1]), ('1', '9') | ('2', '0' | '1'))
}

/// Spaced hyphens and dashes (see [`spaced_dashes`]); year ranges «2023-2024», «2023 -2024», «2023 - 2024» → «2023–2024».
pub fn dashes(s: &str) -> String {
    dashes_with(s, true)
}

/// As [`dashes`], an en dash the author typed between words kept («руководитель – Иванова»).
pub fn dashes_en_kept(s: &str) -> String {
    dashes_with(s, false)
}

fn dashes_with(s: &str, en_to_em: bool) -> String {
    // Every rule needs a hyphen or a dash; most texts have none.
    if !s.contains(['-', '–', '—']) {
        return s.to_owned();
    }
    // Year ranges first, on the raw characters.
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if i + 4 <= chars.len() && (i == 0 || !chars[i - 1].is_ascii_digit()) && is_year_chars(&chars[i..i + 4]) {
            let a: String = chars[i..i + 4].iter().collect();
            let mut j = i + 4;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j < chars.len() && chars[j] == '-' {
                let mut k = j + 1;
                while k < chars.len() && chars[k] == ' ' {
                    k += 1;
                }
                if k + 4 <= chars.len()
                    && (k + 4 == chars.len() || !chars[k + 4].is_ascii_digit())
                    && is_year_chars(&chars[k..k + 4])
                {
                    out.push_str(&a);
                    out.push('–');
                    out.extend(&chars[k..k + 4]);
                    i = k + 4;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    spaced_dashes(&out, en_to_em)
}

/// Whether a space or a no-break space.
fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP
}

/// «информационно», «материально»: the first part of a compound adjective (an adverb-like
/// stem in «-о» of five letters or more, lower case).
fn is_compound_head(w: &str) -> bool {
    w.chars().count() >= 5 && w.ends_with('о') && w.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
}

const ADJECTIVE_ENDINGS: [&str; 20] = [
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ую",
    "юю", "ыми",
];

/// «презентационных», «личностного,»: a lower-case adjective (its form's ending), closing
/// punctuation allowed.
fn is_adjective(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';', ':', '.', ')', '»']);
    w.chars().count() >= 4
        && w.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
        && (ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e)) || w.ends_with("ими"))
}

const MONTHS: [&str; 12] =
    ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

/// An en dash between two points in time is a range («Декабрь 2023 г. – апрель 2024 г.»,
/// «2023 – 31»): it stays as written.
fn is_range(left: &str, right: &str) -> bool {
    let month = |w: &str| {
        let w = w.to_lowercase();
        MONTHS.iter().any(|m| w.starts_with(m) && w.chars().count() <= m.chars().count() + 2)
    };
    left.ends_with("г.")
        || left.ends_with(|c: char| c.is_ascii_digit())
        || month(left)
        || month(right)
        || right.starts_with(|c: char| c.is_ascii_digit())
}

/// A hyphen or a dash with spaces around it between two words:
/// - between the parts of a compound adjective it is a hyphen without spaces
///   («мотивационно - личностного» → «мотивационно-личностного»);
/// - between numbers it is left as written (a registration number «175/1.1 – 08»), and so is
///   an en dash between points in time (a range, see [`is_range`]);
/// - otherwise it is an em dash, glued to the word before («(далее - План)» → «(далее~— План)»).
fn spaced_dashes(s: &str, en_to_em: bool) -> String {
    if !s.contains([' ', NBSP]) {
        return s.to_owned();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let spaced = matches!(c, '-' | '–' | '—')
            && i > 0
            && is_space(chars[i - 1])
            && chars.get(i + 1).copied().is_some_and(is_space);
        if !spaced {
            out.push(c);
            i += 1;
            continue;
        }
        // The words on both sides, without the spaces.
        let before = out.trim_end_matches(is_space);
        let left = before.rsplit(is_space).next().unwrap_or("");
        let mut k = i + 1;
        while k < chars.len() && is_space(chars[k]) {
            k += 1;
        }
        let right: String = chars[k..].iter().take_while(|c| !is_space(**c)).collect();
        if left.is_empty() || right.is_empty() {
            out.push(c);
            i += 1;
            continue;
        }
        if is_compound_head(left) && is_adjective(&right) {
            out.truncate(before.len());
            out.push('-');
            i = k;
        } else if left.ends_with(|c: char| c.is_ascii_digit()) && right.starts_with(|c: char| c.is_ascii_digit())
            || c == '–' && is_range(left, &right)
        {
            out.push(c);
            i += 1;
        } else {
            out.truncate(before.len());
            out.push(NBSP);
            out.push(if c == '–' && !en_to_em { '–' } else { '—' });
            out.push(' ');
            i = k;
        }
    }
    out
}

/// «2021–2024 г.г.» → «2021–2024 гг.»: the plural of «год» is one abbreviation.
pub fn years_abbreviation(s: &str) -> String {
    if !s.contains("г.г.") {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("г.г.") {
        let glued_to_word = rest[..at].chars().next_back().is_some_and(char::is_alphabetic);
        out.push_str(&rest[..at]);
        out.push_str(if glued_to_word { "г.г." } else { "гг." });
        rest = &rest[at + "г.г.".len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> String {
        s.replace(NBSP, "~")
    }

    #[test]
    fn initials_stay_with_the_surname() {
        assert_eq!(v(&nbsp_initials("Н.П. Клюева")), "Н.П.~Клюева");
        assert_eq!(v(&nbsp_initials("Клюева Н.П., Васильева М. В.")), "Клюева~Н.П., Васильева~М.~В.");
        assert_eq!(v(&nbsp_initials("в ОУ. Составлен реестр")), "в ОУ. Составлен реестр");
    }

    #[test]
    fn numbers_and_abbreviations() {
        assert_eq!(v(&nbsp_numero("№ 15 а и №657, №№АЗ-1128/08")), "№~15~а и №~657, №№~АЗ-1128/08");
        assert_eq!(v(&nbsp_numero("№ 15 апреля")), "№~15 апреля");
        assert_eq!(
            v(&nbsp_dates("от 25 декабря 2019 г. и «3» мая 2020 года, в мае 2021")),
            "от 25 декабря~2019 г. и «3» мая~2020 года, в мае 2021"
        );
        assert_eq!(v(&nbsp_numero_kept("№ 15, №26/1")), "№~15, №26/1");
        assert_eq!(v(&dashes_en_kept("руководитель – Иванова - ЗДУВР")), "руководитель~– Иванова~— ЗДУВР");
        assert_eq!(
            v(&nbsp_abbreviations("с 01.09.2023 г. в г. Солнечногорск, ул. Красная, д. 124")),
            "с 01.09.2023~г. в г.~Солнечногорск, ул.~Красная, д.~124"
        );
        assert_eq!(v(&nbsp_abbreviations("2021–2024 гг., т. е.")), "2021–2024~гг., т.~е.");
        assert_eq!(v(&nbsp_abbreviations("с 01.09.2023 г. Плана")), "с 01.09.2023~г. Плана");
        assert_eq!(v(&nbsp_units("не менее 55 % от 10 до 18 лет")), "не менее 55~% от 10 до 18 лет");
        // A year and the full word stay apart: glued, they make the line before them loose.
        assert_eq!(v(&apply("от 25.12.2019 года № Р-145", &Typography::default())), "от 25.12.2019 года №~Р-145");
        assert_eq!(v(&nbsp_short_words("в ОУ и с ними")), "в~ОУ и~с~ними");
    }

    #[test]
    fn quotes_become_yolochki() {
        assert_eq!(quotes("в формате \"нетворкинг\""), "в формате «нетворкинг»");
        assert_eq!(quotes("\"Твой \"результат\" – мои\""), "«Твой „результат“ – мои»");
        assert_eq!(quotes("«уже»"), "«уже»");
    }

    #[test]
    fn dashes_and_year_ranges() {
        assert_eq!(
            v(&dashes("в 2023 -2024 учебном году, 2021 - 2024, 2023-2024")),
            "в 2023–2024 учебном году, 2021–2024, 2023–2024"
        );
        assert_eq!(v(&dashes("(далее - План)")), "(далее~— План)");
        assert_eq!(v(&dashes("(далее – Целевая модель)")), "(далее~— Целевая модель)");
        // The parts of a compound adjective take a hyphen without spaces.
        assert_eq!(
            dashes("мотивационно - личностного, информационно – презентационных, материально — технических"),
            "мотивационно-личностного, информационно-презентационных, материально-технических"
        );
        // A dash between two numbers is left as it is.
        assert_eq!(dashes("01.09.2023 – 31.05.2024"), "01.09.2023 – 31.05.2024");
        assert_eq!(dashes("Декабрь 2023 г. – апрель 2024 г."), "Декабрь 2023 г. – апрель 2024 г.");
        assert_eq!(v(&dashes("наставничество – путь")), "наставничество~— путь");
        assert_eq!(years_abbreviation("2021 - 2024 г.г., 1990г.г."), "2021 - 2024 гг., 1990гг.");
        assert_eq!(dashes("8(4962)64-97-54 и 175/1.1 – 08"), "8(4962)64-97-54 и 175/1.1 – 08");
        assert_eq!(
            dashes("http://metod.soledu.ru, KlYueva.NP@mosreg.ru"),
            "http://metod.soledu.ru, KlYueva.NP@mosreg.ru"
        );
    }

    #[test]
    fn explain_names_each_change_with_its_words() {
        let changes =
            explain("от 25.12.2019 года № Р-145, мотивационно - личностного (далее - План)", &Typography::default());
        let shown: Vec<String> = changes.iter().map(|c| format!("{} → {}: {}", c.before, c.after, c.rule)).collect();
        assert_eq!(
            shown,
            [
                "мотивационно - личностного → мотивационно-личностного: тире, диапазон лет или дефис в составном слове",
                "(далее - План) → (далее⍽— План): тире, диапазон лет или дефис в составном слове",
                "№ Р-145, → №⍽Р-145,: неразрывный пробел после «№»",
            ],
            "{shown:#?}"
        );
        assert!(explain("Ничего не меняется", &Typography::default()).is_empty());
    }

    #[test]
    fn every_pass_is_idempotent() {
        let t = Typography::default();
        for s in [
            "М.В. Васильевой, заместителю директора, разместить План \"Наставничество\" в 2023 - 2024 г. (далее - План)",
            "Телефон 8(4962)64-97-54 № 15 а, 55 % участников, г. Солнечногорск",
        ] {
            let once = apply(s, &t);
            assert_eq!(apply(&once, &t), once, "{s}");
        }
    }
}
