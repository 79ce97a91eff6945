//! Grammar the other helpers agree words by: gender of a person, gender and number of a
//! noun, the cases orders use. The input format names the first two (so they carry their
//! schema descriptions here, where they are defined).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

/// Gender and number of a noun, for agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Род и число", description = "Род и число существительного — для согласования.")]
#[serde(rename_all = "snake_case")]
pub enum GrammaticalForm {
    /// План, Состав → УТВЕРЖДЕН.
    #[schemars(title = "Мужской род", description = "План, Состав → УТВЕРЖДЕН.")]
    Masculine,
    /// Программа → УТВЕРЖДЕНА.
    #[schemars(title = "Женский род", description = "Программа → УТВЕРЖДЕНА.")]
    Feminine,
    /// Положение → УТВЕРЖДЕНО.
    #[schemars(title = "Средний род", description = "Положение → УТВЕРЖДЕНО.")]
    Neuter,
    /// Правила → УТВЕРЖДЕНЫ.
    #[schemars(title = "Множественное число", description = "Правила → УТВЕРЖДЕНЫ.")]
    Plural,
}

/// Grammatical cases used in orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Кого? чего?
    Genitive,
    /// Кому? чему?
    Dative,
    /// Кого? что?
    Accusative,
    /// Кем? чем?
    Instrumental,
}
