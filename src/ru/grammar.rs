//! Grammar the other helpers agree words by: gender of a person, gender and number of a
//! noun, the cases orders use. The input format names the first two (so they carry their
//! schema descriptions here, where they are defined).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// # Род
/// Грамматический род лица.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// # Мужской
    /// Мужской род: «ознакомлен».
    Male,
    /// # Женский
    /// Женский род: «ознакомлена».
    Female,
}

/// # Род и число
/// Род и число существительного — для согласования.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrammaticalForm {
    /// # Мужской род
    /// План, Состав → УТВЕРЖДЕН.
    Masculine,
    /// # Женский род
    /// Программа → УТВЕРЖДЕНА.
    Feminine,
    /// # Средний род
    /// Положение → УТВЕРЖДЕНО.
    Neuter,
    /// # Множественное число
    /// Правила → УТВЕРЖДЕНЫ.
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
