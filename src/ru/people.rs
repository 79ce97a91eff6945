//! People's names as printed: «Н.П. Клюева», «Клюева Н.П.», and oblique cases
//! («М.В. Васильевой») through petrovich, with the input's explicit forms winning.

use super::names::parse_written;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::grammar::Case;
use super::grammar::Gender;

/// A name resolved from either input form.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// Фамилия.
    pub surname: String,
    /// Имя in full, when known.
    pub name: Option<String>,
    /// Отчество in full, when known.
    pub patronymic: Option<String>,
    /// Initials of имя and отчество.
    pub initials: Vec<char>,
    /// Gender, when given.
    pub gender: Option<Gender>,
    /// Position, when given.
    pub position: Option<String>,
    /// Explicit case forms.
    pub cases: Cases,
}

/// # Падежные формы
/// Формы имени в косвенных падежах, записанные так, как они должны печататься («М.В. Васильевой»).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cases {
    /// # Родительный падеж
    /// Родительный падеж (кого?). Не печатается: документы склоняют имя только в дательный падеж, поэтому проверка считает эту форму ошибкой.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genitive: Option<String>,
    /// # Дательный падеж
    /// Дательный падеж (кому?) — печатается у адресата пункта: «заместителю директора М.В. Васильевой».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dative: Option<String>,
    /// # Винительный падеж
    /// Винительный падеж (кого?). Не печатается: документы склоняют имя только в дательный падеж, поэтому проверка считает эту форму ошибкой.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accusative: Option<String>,
    /// # Творительный падеж
    /// Творительный падеж (кем?). Не печатается: документы склоняют имя только в дательный падеж, поэтому проверка считает эту форму ошибкой.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrumental: Option<String>,
}

impl Cases {
    /// True when no form is given.
    pub fn is_empty(&self) -> bool {
        self.genitive.is_none() && self.dative.is_none() && self.accusative.is_none() && self.instrumental.is_none()
    }
}

/// A name written as a string («Н.П. Клюева», «Клюева Наталья Петровна», with a position
/// after a comma); `None` when it is not a name (a role: «Руководители ОУ»).
pub fn from_written(s: &str) -> Option<Name> {
    let n = parse_written(s)?;
    Some(Name {
        surname: n.surname,
        name: n.name,
        patronymic: n.patronymic,
        initials: n.initials,
        gender: None,
        position: n.position,
        cases: Cases::default(),
    })
}

/// The gender: explicit, else from the patronymic, else from the surname's ending.
pub fn guess_gender(n: &Name) -> Option<Gender> {
    if n.gender.is_some() {
        return n.gender;
    }
    if let Some(p) = &n.patronymic {
        if p.ends_with("вна") || p.ends_with("чна") {
            return Some(Gender::Female);
        }
        if p.ends_with("вич") || p.ends_with("ич") {
            return Some(Gender::Male);
        }
    }
    let s = n.surname.to_lowercase();
    const FEMALE: [&str; 7] = ["ова", "ева", "ёва", "ина", "ына", "ая", "ская"];
    const MALE: [&str; 8] = ["ов", "ев", "ёв", "ин", "ын", "ий", "ой", "ский"];
    if FEMALE.iter().any(|e| s.ends_with(e)) {
        Some(Gender::Female)
    } else if MALE.iter().any(|e| s.ends_with(e)) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn initials(n: &Name) -> String {
    n.initials.iter().map(|c| format!("{c}.")).collect()
}

/// «Н.П. Клюева» (no-break space after the initials).
pub fn initials_first(n: &Name) -> String {
    if n.initials.is_empty() {
        return n.surname.clone();
    }
    format!("{}\u{a0}{}", initials(n), n.surname)
}

/// «Клюева Н.П.».
pub fn initials_after(n: &Name) -> String {
    if n.initials.is_empty() {
        return n.surname.clone();
    }
    format!("{}\u{a0}{}", n.surname, initials(n))
}

/// «Клюева Наталья Петровна» when known, else «Клюева Н.П.».
pub fn full_name(n: &Name) -> String {
    match (&n.name, &n.patronymic) {
        (Some(a), Some(b)) => format!("{} {a} {b}", n.surname),
        (Some(a), None) => format!("{} {a}", n.surname),
        _ => initials_after(n),
    }
}

/// «М.В. Васильевой»: the explicit form from the input, or the surname declined by petrovich.
pub fn inflect_initials_first(n: &Name, case: Case) -> String {
    let explicit = match case {
        Case::Genitive => &n.cases.genitive,
        Case::Dative => &n.cases.dative,
        Case::Accusative => &n.cases.accusative,
        Case::Instrumental => &n.cases.instrumental,
    };
    if let Some(form) = explicit {
        return form.clone();
    }
    let declined = Name { surname: decline_surname(&n.surname, guess_gender(n), case), ..n.clone() };
    initials_first(&declined)
}

/// Declines a surname with petrovich's rules for the gender (Андрейченко, Роо and a
/// woman's Мин do not change). Without a gender only the rules common to both apply.
pub fn decline_surname(s: &str, gender: Option<Gender>, case: Case) -> String {
    super::decline::decline(s, super::decline::Part::Surname, gender, case)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Name {
        from_written(s).unwrap()
    }

    #[test]
    fn printing_forms() {
        assert_eq!(initials_first(&n("Клюева Н.П.")), "Н.П.\u{a0}Клюева");
        assert_eq!(initials_after(&n("Н.П. Клюева")), "Клюева\u{a0}Н.П.");
        assert_eq!(full_name(&n("Клюева Наталья Петровна")), "Клюева Наталья Петровна");
    }

    #[test]
    fn genders_are_guessed() {
        assert_eq!(guess_gender(&n("М.В. Васильева")), Some(Gender::Female));
        assert_eq!(guess_gender(&n("Иванов И.И.")), Some(Gender::Male));
        assert_eq!(guess_gender(&n("Андрейченко С.В.")), None);
        assert_eq!(guess_gender(&n("Клюева Наталья Петровна")), Some(Gender::Female));
    }

    #[test]
    fn datives_of_the_seeds_names() {
        let d = |s: &str| inflect_initials_first(&n(s), Case::Dative).replace('\u{a0}', " ");
        assert_eq!(d("М.В. Васильева"), "М.В. Васильевой");
        assert_eq!(d("Н.П. Клюева"), "Н.П. Клюевой");
        assert_eq!(d("О.С. Крылова"), "О.С. Крыловой");
        assert_eq!(d("Е.Л. Салтыкова"), "Е.Л. Салтыковой");
        assert_eq!(d("С.В. Андрейченко"), "С.В. Андрейченко");
        assert_eq!(d("И.И. Иванов"), "И.И. Иванову");
        assert_eq!(d("С.Р. Роо"), "С.Р. Роо");
        assert_eq!(decline_surname("Жуковский", Some(Gender::Male), Case::Instrumental), "Жуковским");
        assert_eq!(decline_surname("Толстая", Some(Gender::Female), Case::Accusative), "Толстую");
    }

    #[test]
    fn the_explicit_form_wins() {
        let mut p = n("М.В. Васильева");
        p.cases.dative = Some("М.В. Васильевой (особая форма)".into());
        assert_eq!(inflect_initials_first(&p, Case::Dative), "М.В. Васильевой (особая форма)");
    }

    #[test]
    fn a_role_is_not_a_name() {
        assert_eq!(from_written("Руководители ОУ"), None);
    }
}
