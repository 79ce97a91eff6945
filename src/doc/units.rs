//! Lengths, kept in points (1/72 inch) as f64.

use std::ops::{Add, Sub};

/// A length in points.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Length(pub f64);

impl Length {
    /// Points.
    pub const fn pt(v: f64) -> Self {
        Length(v)
    }
    /// Millimetres.
    pub fn mm(v: f64) -> Self {
        Length(v * 72.0 / 25.4)
    }
    /// The value in points.
    pub const fn to_pt(self) -> f64 {
        self.0
    }
    /// The value in millimetres.
    pub fn to_mm(self) -> f64 {
        self.0 * 25.4 / 72.0
    }
    /// Twentieths of a point (DOCX "twips").
    pub fn to_twips(self) -> i32 {
        (self.0 * 20.0).round() as i32
    }
    /// Parses «12.5mm», «14pt», «2cm».
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let (num, unit) = s.split_at(s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len()));
        let v: f64 = num.trim().parse().ok()?;
        if !v.is_finite() {
            return None;
        }
        match unit {
            "mm" => Some(Length::mm(v)),
            "cm" => Some(Length::mm(v * 10.0)),
            "pt" | "" => Some(Length::pt(v)),
            _ => None,
        }
    }
}

impl Add for Length {
    type Output = Length;
    fn add(self, o: Length) -> Length {
        Length(self.0 + o.0)
    }
}

impl Sub for Length {
    type Output = Length;
    fn sub(self, o: Length) -> Length {
        Length(self.0 - o.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_convert() {
        assert!((Length::mm(25.4).to_pt() - 72.0).abs() < 1e-9);
        assert_eq!(Length::parse("12.5mm").unwrap().to_twips(), 709);
        assert_eq!(Length::parse("14pt"), Some(Length::pt(14.0)));
        assert_eq!(Length::parse("2cm").map(|l| l.to_mm().round()), Some(20.0));
        assert_eq!(Length::parse("12furlongs"), None);
    }
}
