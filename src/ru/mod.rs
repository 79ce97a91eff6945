//! Russian language helpers: names and initials (more arrives with the templates).

pub mod names;
pub mod plural;
