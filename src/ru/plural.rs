//! Russian plural forms of a noun after a number: 1 строка, 2 строки, 5 строк.

/// «{n} {form}» with the form that agrees with `n`.
pub fn plural(n: usize, one: &str, few: &str, many: &str) -> String {
    format!("{n} {}", plural_form(n, one, few, many))
}

/// The form alone: `one` for 1, 21, 101…; `few` for 2–4, 22–24…; `many` otherwise (11–14 too).
pub fn plural_form<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_agree() {
        let f = |n| plural(n, "строка", "строки", "строк");
        assert_eq!(f(0), "0 строк");
        assert_eq!(f(1), "1 строка");
        assert_eq!(f(3), "3 строки");
        assert_eq!(f(11), "11 строк");
        assert_eq!(f(21), "21 строка");
        assert_eq!(f(112), "112 строк");
    }
}
