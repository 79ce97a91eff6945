//! Registration and item numbers: text as written («15 а», «175/1.1 – 08»), but a bare
//! integer is taken as its digits too, since `"number": 112` is how a number looks to
//! anyone who did not write JSON before.

use std::fmt;

use schemars::{json_schema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer};

struct NumberText;

impl de::Visitor<'_> for NumberText {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("номер строкой («15 а») или целым числом")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<String, E> {
        Ok(s.to_owned())
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<String, E> {
        Ok(n.to_string())
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<String, E> {
        if n < 0 {
            return Err(E::custom(format!("номер {n} отрицательный; номер — строка («15 а») или целое число")));
        }
        Ok(n.to_string())
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<String, E> {
        Err(E::custom(format!("номер {n} — дробное число; номер вида «2.1» пишите строкой: \"2.1\"")))
    }
}

/// A number as text, from a string or an integer.
pub fn number_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(NumberText)
}

/// An optional number as text, from a string or an integer.
pub fn opt_number_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    number_text(d).map(Some)
}

/// The schema of such a number.
pub fn number_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["string", "integer"],
        "minimum": 0,
        "title": "Номер",
        "description": "Номер в том виде, как он пишется: строкой («15 а», «175/1.1 – 08») или целым числом (`112`). Номер вида «2.1» пишется строкой: `\"2.1\"`."
    })
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct N {
        #[serde(deserialize_with = "super::number_text")]
        n: String,
    }

    fn n(json: &str) -> Result<String, String> {
        serde_json::from_str::<N>(json).map(|x| x.n).map_err(|e| e.to_string())
    }

    #[test]
    fn strings_and_integers_are_numbers() {
        assert_eq!(n(r#"{"n": "15 а"}"#).unwrap(), "15 а");
        assert_eq!(n(r#"{"n": 112}"#).unwrap(), "112");
        assert!(n(r#"{"n": -1}"#).unwrap_err().contains("отрицательный"));
        assert!(n(r#"{"n": 2.1}"#).unwrap_err().contains("строкой"));
        assert!(n(r#"{"n": true}"#).unwrap_err().contains("целым числом"));
    }
}
