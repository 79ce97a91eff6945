//! Reading people's names as Russian documents write them.
//!
//! «Н.П. Клюева», «Е.Л.Салтыкова», «Клюева Н.П.», «Мин В. Ф.», «Клюева Наталья Петровна»,
//! optionally followed by a position after a comma: «Крылова О.С., методист МКУ ДПО УМЦ».

/// A name taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedName {
    /// Фамилия.
    pub surname: String,
    /// Имя in full, when written in full.
    pub name: Option<String>,
    /// Отчество in full, when written in full.
    pub patronymic: Option<String>,
    /// The initials (first letters of имя and отчество), always known.
    pub initials: Vec<char>,
    /// Whether the source wrote the initials before the surname.
    pub initials_first: bool,
    /// A position written after a comma.
    pub position: Option<String>,
}

enum Token<'a> {
    Initial(char),
    Word(&'a str),
    /// A word in capitals: a surname only beside initials («Е.В.ТАРАБАНОВА»), else an
    /// abbreviation («УМЦ»).
    Caps(&'a str),
}

/// Parses a written name, or `None` when the text is not a person's name (a role such
/// as «Руководители ОУ», an organisation such as «УМЦ»).
pub fn parse_written(text: &str) -> Option<ParsedName> {
    let text = text.trim();
    let (name_part, position) = match text.split_once(',') {
        Some((n, p)) if !p.trim().is_empty() => (n.trim(), Some(p.trim().to_owned())),
        Some((n, _)) => (n.trim(), None),
        None => (text, None),
    };
    let tokens = tokenize(name_part)?;
    let mut parsed = match tokens.as_slice() {
        [Token::Initial(a), Token::Word(s)] => initials_then(vec![*a], s),
        [Token::Initial(a), Token::Initial(b), Token::Word(s)] => initials_then(vec![*a, *b], s),
        [Token::Word(s), Token::Initial(a)] => surname_then(s, vec![*a]),
        [Token::Word(s), Token::Initial(a), Token::Initial(b)] => surname_then(s, vec![*a, *b]),
        // A surname in capitals beside initials, kept as written.
        [Token::Initial(a), Token::Caps(s)] => initials_then(vec![*a], s),
        [Token::Initial(a), Token::Initial(b), Token::Caps(s)] => initials_then(vec![*a, *b], s),
        [Token::Caps(s), Token::Initial(a)] => surname_then(s, vec![*a]),
        [Token::Caps(s), Token::Initial(a), Token::Initial(b)] => surname_then(s, vec![*a, *b]),
        [Token::Word(s), Token::Word(n)] => full(s, n, None),
        [Token::Word(s), Token::Word(n), Token::Word(p)] => full(s, n, Some(p)),
        _ => return None,
    }?;
    parsed.position = position;
    Some(parsed)
}

fn tokenize(s: &str) -> Option<Vec<Token<'_>>> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace());
        if rest.is_empty() {
            return Some(out);
        }
        let mut chars = rest.chars();
        let first = chars.next()?;
        if first.is_uppercase() && chars.next() == Some('.') {
            out.push(Token::Initial(first));
            rest = &rest[first.len_utf8() + 1..];
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        let word = &rest[..end];
        if is_name_word(word) {
            out.push(Token::Word(word));
        } else if word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '-') {
            out.push(Token::Caps(word));
        } else {
            return None;
        }
        rest = &rest[end..];
    }
}

/// A capitalised word of letters, possibly hyphenated («Римская-Корсакова»).
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    let rest: Vec<char> = chars.collect();
    first.is_uppercase()
        && !rest.is_empty()
        && rest.iter().all(|c| c.is_alphabetic() || *c == '-')
        && rest.last().is_none_or(|c| *c != '-')
        // An abbreviation in capitals («УМЦ», «ОУ») is not a surname.
        && rest.iter().any(|c| c.is_lowercase())
}

fn initials_then(initials: Vec<char>, surname: &str) -> Option<ParsedName> {
    Some(ParsedName {
        surname: surname.to_owned(),
        name: None,
        patronymic: None,
        initials,
        initials_first: true,
        position: None,
    })
}

fn surname_then(surname: &str, initials: Vec<char>) -> Option<ParsedName> {
    Some(ParsedName { initials_first: false, ..initials_then(initials, surname)? })
}

fn full(surname: &str, name: &str, patronymic: Option<&str>) -> Option<ParsedName> {
    let initials = std::iter::once(name).chain(patronymic).filter_map(|w| w.chars().next()).collect();
    Some(ParsedName {
        surname: surname.to_owned(),
        name: Some(name.to_owned()),
        patronymic: patronymic.map(str::to_owned),
        initials,
        initials_first: false,
        position: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> ParsedName {
        parse_written(s).unwrap_or_else(|| panic!("not parsed: {s}"))
    }

    #[test]
    fn the_seeds_names_parse() {
        let k = p("Н.П. Клюева");
        assert_eq!((k.surname.as_str(), k.initials.clone(), k.initials_first), ("Клюева", vec!['Н', 'П'], true));
        assert_eq!(p("Е.Л.Салтыкова").surname, "Салтыкова");
        assert_eq!(p("Клюева Н.П.").initials, vec!['Н', 'П']);
        assert_eq!(p("Васильева М. В.").surname, "Васильева");
        assert_eq!(p("Мин В.Ф.").surname, "Мин");
        assert_eq!(p("Роо С.Р.").surname, "Роо");
        // A surname in capitals beside initials, kept as written.
        assert_eq!(p("Е.В.ТАРАБАНОВА").surname, "ТАРАБАНОВА");
        assert_eq!(p("ИВАНОВА О.В.").initials, vec!['О', 'В']);
        let full = p("Васильева Мария Викторовна");
        assert_eq!(full.name.as_deref(), Some("Мария"));
        assert_eq!(full.initials, vec!['М', 'В']);
    }

    #[test]
    fn a_position_follows_a_comma() {
        let k = p("Крылова О.С., методист МКУ ДПО УМЦ");
        assert_eq!(k.surname, "Крылова");
        assert_eq!(k.position.as_deref(), Some("методист МКУ ДПО УМЦ"));
    }

    #[test]
    fn roles_and_organisations_are_not_names() {
        for s in [
            "Руководители ОУ",
            "УМЦ",
            "Школьные координаторы",
            "ГОРУНО, ЦРО",
            "",
            "Классные руководители",
            "Кураторы групп",
            "МБОУ СОШ",
            "УМЦ ГОРУНО",
        ] {
            // «Школьные координаторы» and the like look like two capitalised words only
            // when both are capitalised; lower-case second words fail.
            assert!(parse_written(s).is_none(), "{s}");
        }
    }
}
