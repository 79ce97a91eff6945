//! People: written as «Н.П. Клюева» or given by parts, with optional case forms.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_untagged::UntaggedEnumVisitor;

/// A person as the input names them.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "Лицо", description = "Человек так, как он назван во входном файле: строкой или по частям имени.")]
#[serde(untagged)]
pub enum PersonRef {
    /// The written form: «Н.П. Клюева», «Клюева Н.П.» or «Клюева Наталья Петровна»;
    /// a position may follow a comma: «Крылова О.С., методист МКУ ДПО УМЦ».
    #[schemars(
        title = "Строкой",
        description = "Запись строкой: «Н.П. Клюева», «Клюева Н.П.» или «Клюева Наталья Петровна»; после запятой можно указать должность: «Крылова О.С., методист МКУ ДПО УМЦ»."
    )]
    Written(String),
    /// The name by parts.
    #[schemars(title = "По частям", description = "Имя по частям.")]
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

/// A person by the parts of the name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Лицо по частям имени", description = "Человек, заданный по частям имени.")]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Фамилия.
    #[schemars(title = "Фамилия", description = "Фамилия.")]
    pub surname: String,
    /// Имя (or its initial with a dot, «Н.»).
    #[schemars(title = "Имя", description = "Имя (или его инициал с точкой, «Н.»).")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Отчество (or its initial with a dot).
    #[schemars(title = "Отчество", description = "Отчество (или его инициал с точкой).")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    /// Grammatical gender, when the name does not show it.
    #[schemars(title = "Род", description = "Грамматический род, если по имени его не определить.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Должность, printed after the name where the template asks for it.
    #[schemars(
        title = "Должность",
        description = "Должность; печатается после имени там, где это предусмотрено шаблоном."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Explicit case forms that win over automatic declension.
    #[schemars(
        title = "Падежные формы",
        description = "Падежные формы, заданные явно; имеют приоритет над автоматическим склонением."
    )]
    #[serde(default, skip_serializing_if = "Cases::is_empty")]
    pub cases: Cases,
}

/// Grammatical gender of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Род", description = "Грамматический род лица.")]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Masculine: «ознакомлен».
    #[schemars(title = "Мужской", description = "Мужской род: «ознакомлен».")]
    Male,
    /// Feminine: «ознакомлена».
    #[schemars(title = "Женский", description = "Женский род: «ознакомлена».")]
    Female,
}

/// Explicit forms of a name in the oblique cases, written as they must be printed
/// («М.В. Васильевой»).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Падежные формы",
    description = "Формы имени в косвенных падежах, записанные так, как они должны печататься («М.В. Васильевой»)."
)]
#[serde(deny_unknown_fields)]
pub struct Cases {
    /// Родительный падеж (кого?).
    #[schemars(
        title = "Родительный падеж",
        description = "Родительный падеж (кого?). Не печатается: документы склоняют имя только в дательный падеж, поэтому проверка считает эту форму ошибкой."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genitive: Option<String>,
    /// Дательный падеж (кому?).
    #[schemars(
        title = "Дательный падеж",
        description = "Дательный падеж (кому?) — печатается у адресата пункта: «заместителю директора М.В. Васильевой»."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dative: Option<String>,
    /// Винительный падеж (кого?).
    #[schemars(
        title = "Винительный падеж",
        description = "Винительный падеж (кого?). Не печатается: документы склоняют имя только в дательный падеж, поэтому проверка считает эту форму ошибкой."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accusative: Option<String>,
    /// Творительный падеж (кем?).
    #[schemars(
        title = "Творительный падеж",
        description = "Творительный падеж (кем?). Не печатается: документы склоняют имя только в дательный падеж, поэтому проверка считает эту форму ошибкой."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrumental: Option<String>,
}

impl Cases {
    /// True when no form is given.
    pub fn is_empty(&self) -> bool {
        self.genitive.is_none() && self.dative.is_none() && self.accusative.is_none() && self.instrumental.is_none()
    }
}

/// A person together with a position, as in the list «Состав рабочей группы» or an
/// order point addressed to one official.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Лицо с должностью",
    description = "Человек с должностью — как в списке «Состав рабочей группы» или в пункте приказа, адресованном одному должностному лицу."
)]
#[serde(deny_unknown_fields)]
pub struct PersonWithPosition {
    /// Who.
    #[schemars(title = "Лицо", description = "Кто.")]
    pub person: PersonRef,
    /// Должность in the nominative («заместитель начальника Управления образования»).
    #[schemars(
        title = "Должность",
        description = "Должность в именительном падеже («заместитель начальника Управления образования»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Должность in the dative, for points addressed to the person («заместителю директора»).
    #[schemars(
        title = "Должность в дательном падеже",
        description = "Должность в дательном падеже — для пунктов, адресованных этому лицу («заместителю директора»)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_dative: Option<String>,
}
