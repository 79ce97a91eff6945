//! Roman numerals, as section numbers print («I.», «XIV.») and as Word lists count them.

const DIGITS: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// «I», «IV», «XII»; empty for 0.
pub fn to_roman(mut k: u32) -> String {
    let mut out = String::new();
    for (v, s) in DIGITS {
        while k >= v {
            out.push_str(s);
            k -= v;
        }
    }
    out
}

/// The value of a numeral made of I, V, X, L, C, D, M (others count as nothing).
pub fn from_roman(s: &str) -> u32 {
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        'M' => 1000,
        _ => 0,
    };
    let cs: Vec<i64> = s.chars().map(value).collect();
    let mut total = 0i64;
    for (i, &c) in cs.iter().enumerate() {
        if cs.get(i + 1).is_some_and(|&d| d > c) {
            total -= c;
        } else {
            total += c;
        }
    }
    total.clamp(0, u32::MAX as i64) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_both_ways() {
        let got: Vec<String> = [1, 2, 4, 9, 14, 40, 90, 1999].into_iter().map(to_roman).collect();
        assert_eq!(got, ["I", "II", "IV", "IX", "XIV", "XL", "XC", "MCMXCIX"]);
        for k in 1..=3999 {
            assert_eq!(from_roman(&to_roman(k)), k);
        }
    }
}
