//! Russian language helpers: dates, names and cases, agreement, typography,
//! Roman numerals.

pub mod agree;
pub mod dates;
pub mod decline;
pub mod grammar;
pub mod names;
pub mod people;
pub mod plural;
pub mod roman;
pub mod typography;
