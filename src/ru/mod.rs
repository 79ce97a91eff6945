//! Russian language helpers: dates, deadlines, names and cases, agreement, typography,
//! Roman numerals.

pub mod agree;
pub mod dates;
pub mod deadline;
pub mod decline;
pub mod names;
pub mod people;
pub mod plural;
pub mod roman;
pub mod typography;
