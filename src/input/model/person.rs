//! People: written as «Н.П. Клюева» or given by parts, with optional case forms.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

pub use crate::ru::grammar::Gender;
pub use crate::ru::people::Cases;
use crate::ru::people::{initials_after, initials_first, Name};

/// # Лицо
/// Человек так, как он назван во входном файле: строкой или по частям имени.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum PersonRef {
    /// # Строкой
    /// Запись строкой: «Н.П. Клюева», «Клюева Н.П.» или «Клюева Наталья Петровна»; после запятой можно указать должность: «Крылова О.С., методист МКУ ДПО УМЦ».
    Written(String),
    /// # По частям
    /// Имя по частям.
    Parts(Person),
}

impl<'de> Deserialize<'de> for PersonRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        UntaggedEnumVisitor::new()
            .expecting("имя строкой («Н.П. Клюева») или объект {\"surname\", \"name\", \"patronymic\"}")
            .string(|s| Ok(PersonRef::Written(s.to_owned())))
            .map(|m| m.deserialize().map(PersonRef::Parts))
            .deserialize(d)
    }
}

impl PersonRef {
    /// The name as the language helpers read it; `None` for a written string that is not a
    /// name (a role: «Руководители ОУ»).
    pub fn resolve(&self) -> Option<Name> {
        match self {
            PersonRef::Written(s) => crate::ru::people::from_written(s),
            PersonRef::Parts(p) => {
                let full = |s: &Option<String>| {
                    s.as_ref().filter(|v| v.trim_end_matches('.').chars().nth(1).is_some()).cloned()
                };
                let initials =
                    [&p.name, &p.patronymic].iter().filter_map(|s| s.as_ref().and_then(|v| v.chars().next())).collect();
                Some(Name {
                    surname: p.surname.clone(),
                    name: full(&p.name),
                    patronymic: full(&p.patronymic),
                    initials,
                    gender: p.gender,
                    position: p.position.clone(),
                    cases: p.cases.clone(),
                })
            }
        }
    }

    /// As printed: a written person as written; one given by parts as «Клюева Н.П.» (or
    /// «Н.П. Клюева» with `initials_first_order`), with the position after a comma.
    pub fn display(&self, initials_first_order: bool) -> String {
        match self {
            PersonRef::Written(s) => s.clone(),
            PersonRef::Parts(_) => {
                let Some(n) = self.resolve() else { return String::new() };
                let name = if initials_first_order { initials_first(&n) } else { initials_after(&n) };
                match &n.position {
                    Some(pos) => format!("{name}, {pos}"),
                    None => name,
                }
            }
        }
    }
}

/// # Лицо по частям имени
/// Человек, заданный по частям имени.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// # Фамилия
    /// Фамилия.
    pub surname: String,
    /// # Имя
    /// Имя (или его инициал с точкой, «Н.»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// # Отчество
    /// Отчество (или его инициал с точкой).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    /// # Род
    /// Грамматический род, если по имени его не определить.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// # Должность
    /// Должность; печатается после имени там, где это предусмотрено шаблоном.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// # Падежные формы
    /// Падежные формы, заданные явно; имеют приоритет над автоматическим склонением.
    #[serde(default, skip_serializing_if = "Cases::is_empty")]
    pub cases: Cases,
}

/// # Лицо с должностью
/// Человек с должностью — как в списке «Состав рабочей группы» или в пункте приказа, адресованном одному должностному лицу.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonWithPosition {
    /// # Лицо
    /// Кто.
    pub person: PersonRef,
    /// # Должность
    /// Должность в именительном падеже («заместитель начальника Управления образования»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// # Должность в дательном падеже
    /// Должность в дательном падеже — для пунктов, адресованных этому лицу («заместителю директора»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_dative: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_print_as_written_and_parts_as_initials() {
        assert_eq!(PersonRef::Written("Руководители ОУ".into()).display(false), "Руководители ОУ");
        assert_eq!(PersonRef::Written("Клюева Н.П.".into()).display(false), "Клюева Н.П.");
        let parts = Person {
            surname: "Клюева".into(),
            name: Some("Наталья".into()),
            patronymic: Some("П.".into()),
            gender: None,
            position: Some("методист".into()),
            cases: Cases::default(),
        };
        assert_eq!(PersonRef::Parts(parts.clone()).display(true), "Н.П.\u{a0}Клюева, методист");
        let n = PersonRef::Parts(parts).resolve().unwrap();
        assert_eq!((n.name.as_deref(), n.patronymic.as_deref()), (Some("Наталья"), None));
    }
}
