//! Declension of the parts of a Russian name, by the `petrovich` rules.
//!
//! petrovich knows the Russian paradigms (Васильева → Васильевой, Иванов → Иванову,
//! Наталья → Натальи, Петровна → Петровне) and the indeclinable endings (Андрейченко, Роо,
//! a consonant-final surname of a woman). It needs the gender: without one it applies only
//! the rules common to both genders, which leaves most surnames as they are — a safe
//! fallback, since an undeclined name reads oddly but a wrongly declined one is an error.

use petrovich::Gender as PGender;

use super::grammar::{Case, Gender};

/// Which part of the name a word is; each has its own rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Фамилия.
    Surname,
    /// Имя.
    FirstName,
    /// Отчество.
    Patronymic,
}

/// The word in the given case; unchanged when no rule applies. A word written in capitals
/// («КЛЮЕВА») stays in capitals.
pub fn decline(word: &str, part: Part, gender: Option<Gender>, case: Case) -> String {
    if word.trim().is_empty() {
        return word.to_owned();
    }
    let gender = match gender {
        Some(Gender::Male) => PGender::Male,
        Some(Gender::Female) => PGender::Female,
        None => PGender::Androgynous,
    };
    let case = match case {
        Case::Genitive => petrovich::Case::Genitive,
        Case::Dative => petrovich::Case::Dative,
        Case::Accusative => petrovich::Case::Accusative,
        Case::Instrumental => petrovich::Case::Instrumental,
    };
    let declined = match part {
        Part::Surname => petrovich::lastname(gender, word, case),
        Part::FirstName => petrovich::firstname(gender, word, case),
        Part::Patronymic => petrovich::middlename(gender, word, case),
    };
    if is_all_caps(word) {
        declined.to_uppercase()
    } else {
        declined
    }
}

/// The gender a first name shows by petrovich's dictionary («Мария», «Никита»), if any.
pub fn first_name_gender(name: &str) -> Option<Gender> {
    match petrovich::detect_gender(None, Some(name), None) {
        PGender::Male => Some(Gender::Male),
        PGender::Female => Some(Gender::Female),
        PGender::Androgynous => None,
    }
}

fn is_all_caps(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Option<Gender> = Some(Gender::Female);
    const M: Option<Gender> = Some(Gender::Male);

    fn s(word: &str, g: Option<Gender>, c: Case) -> String {
        decline(word, Part::Surname, g, c)
    }

    #[test]
    fn feminine_surnames_of_the_seeds() {
        assert_eq!(s("Васильева", F, Case::Dative), "Васильевой");
        assert_eq!(s("Васильева", F, Case::Genitive), "Васильевой");
        assert_eq!(s("Васильева", F, Case::Accusative), "Васильеву");
        assert_eq!(s("Васильева", F, Case::Instrumental), "Васильевой");
        assert_eq!(s("Клюева", F, Case::Dative), "Клюевой");
        assert_eq!(s("Крылова", F, Case::Accusative), "Крылову");
        assert_eq!(s("Салтыкова", F, Case::Instrumental), "Салтыковой");
        assert_eq!(s("Муравьева", F, Case::Genitive), "Муравьевой");
        assert_eq!(s("Никитина", F, Case::Dative), "Никитиной");
    }

    #[test]
    fn masculine_surnames() {
        assert_eq!(s("Иванов", M, Case::Dative), "Иванову");
        assert_eq!(s("Иванов", M, Case::Genitive), "Иванова");
        assert_eq!(s("Иванов", M, Case::Instrumental), "Ивановым");
        assert_eq!(s("Мин", M, Case::Dative), "Мину");
    }

    #[test]
    fn indeclinable_surnames() {
        for g in [F, M, None] {
            assert_eq!(s("Андрейченко", g, Case::Dative), "Андрейченко");
            assert_eq!(s("Роо", g, Case::Genitive), "Роо");
        }
        assert_eq!(s("Мин", F, Case::Dative), "Мин");
        assert_eq!(s("Мин", None, Case::Dative), "Мин");
    }

    #[test]
    fn first_names_and_patronymics() {
        assert_eq!(decline("Наталья", Part::FirstName, F, Case::Genitive), "Натальи");
        assert_eq!(decline("Петровна", Part::Patronymic, F, Case::Dative), "Петровне");
        assert_eq!(decline("Иван", Part::FirstName, M, Case::Instrumental), "Иваном");
        assert_eq!(decline("Петрович", Part::Patronymic, M, Case::Dative), "Петровичу");
    }

    #[test]
    fn capitals_and_blanks() {
        assert_eq!(s("КЛЮЕВА", F, Case::Dative), "КЛЮЕВОЙ");
        assert_eq!(s("", F, Case::Dative), "");
        assert_eq!(s("Римская-Корсакова", F, Case::Dative), "Римской-Корсаковой");
    }

    #[test]
    fn genders_of_first_names() {
        assert_eq!(first_name_gender("Мария"), F);
        assert_eq!(first_name_gender("Никита"), M);
        assert_eq!(first_name_gender("Саша"), None);
    }
}
