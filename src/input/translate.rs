//! serde's English messages, said in Russian with a hint on what to do.

use serde_json::error::Category;

/// A serde_json error as one Russian line: where (line and column, when known), what, and
/// the hint, for files read outside the input pipeline (a batch file, a school list).
pub fn serde_json_reason(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let message = raw.rfind(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
    let (text, hint) = translate_serde_message(message, e.classify());
    let place = if e.line() > 0 {
        // serde_json counts a place before the first character of a line as column 0.
        format!("строка {}, столбец {}: ", e.line(), e.column().max(1))
    } else {
        String::new()
    };
    match hint {
        Some(h) => format!("{place}{text}; {h}"),
        None => format!("{place}{text}"),
    }
}

/// Translates one serde / serde_json message. Returns the message and an optional hint.
/// Messages that are already ours (Russian) pass through unchanged.
pub fn translate_serde_message(msg: &str, category: Category) -> (String, Option<String>) {
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let f = ticked(rest);
        return (format!("нет обязательного поля «{f}»"), Some(format!("добавьте поле «{f}» в этот объект")));
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        let f = ticked(rest);
        return (format!("поле «{f}» указано дважды"), Some("оставьте одно значение".into()));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        return unknown("поле", rest);
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        return unknown("значение", rest);
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, want) = split_expected(rest);
        return (format!("неверный тип: {}, а ожидается {}", unexpected(got), expected(want)), None);
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (got, want) = split_expected(rest);
        return (format!("недопустимое значение: {}, ожидается {}", unexpected(got), expected(want)), None);
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let (got, want) = split_expected(rest);
        return (format!("неверное число элементов: {got}, ожидается {}", expected(want)), None);
    }
    match syntax(msg) {
        Some(t) => t,
        None if matches!(category, Category::Syntax | Category::Eof) => {
            (format!("синтаксическая ошибка JSON: {msg}"), None)
        }
        None => (msg.to_owned(), None),
    }
}

fn syntax(msg: &str) -> Option<(String, Option<String>)> {
    let (text, hint): (&str, Option<&str>) = match msg {
        "EOF while parsing an object" => {
            ("файл обрывается: объект { … } не закрыт", Some("файл обрезан? допишите недостающие «}» и «]»"))
        }
        "EOF while parsing a list" => {
            ("файл обрывается: массив [ … ] не закрыт", Some("файл обрезан? допишите недостающие «]» и «}»"))
        }
        "EOF while parsing a string" => ("файл обрывается внутри строки", Some("закройте строку кавычкой \"")),
        "EOF while parsing a value" => {
            ("файл обрывается: ожидается значение", Some("файл обрезан? восстановите его окончание"))
        }
        "expected `,` or `}`" => ("ожидается «,» или «}»", Some("между полями объекта нужна запятая")),
        "expected `,` or `]`" => ("ожидается «,» или «]»", Some("между элементами массива нужна запятая")),
        "expected `:`" => ("ожидается «:» после имени поля", None),
        "expected value" => ("ожидается значение (строка, число, объект, массив, true, false или null)", None),
        "expected ident" => {
            ("неизвестное слово: допустимы только true, false и null", Some("строки берите в двойные кавычки"))
        }
        "key must be a string" => ("имя поля должно быть строкой в двойных кавычках", None),
        "trailing comma" => ("лишняя запятая перед закрывающей скобкой", Some("уберите запятую: JSON её не допускает")),
        "trailing characters" => {
            ("лишние символы после конца документа", Some("документ — один объект { … }; всё после него лишнее"))
        }
        "invalid escape" => {
            ("недопустимая escape-последовательность в строке", Some("обратную косую черту пишите как \\\\"))
        }
        "invalid number" => ("недопустимое число", None),
        "number out of range" => ("число вне допустимого диапазона", None),
        "invalid unicode code point" => ("недопустимый код символа в \\u-последовательности", None),
        "lone leading surrogate in hex escape" => ("непарный суррогат в \\u-последовательности", None),
        "unexpected end of hex escape" => ("незаконченная \\u-последовательность", None),
        "recursion limit exceeded" => (
            "слишком глубокая вложенность (более 128 уровней)",
            Some("в описании приказа столько уровней не бывает; проверьте структуру файла"),
        ),
        m if m.starts_with("control character") => (
            "управляющий символ внутри строки",
            Some("такие символы недопустимы в документе; удалите его (перевод строки пишите как \\n)"),
        ),
        _ => return None,
    };
    Some((text.to_owned(), hint.map(str::to_owned)))
}

fn unknown(what: &str, rest: &str) -> (String, Option<String>) {
    let name = ticked(rest);
    let allowed: Vec<String> = match rest.split_once(", expected ") {
        Some((_, list)) => list
            .trim_start_matches("one of ")
            .split([',', ' '])
            .filter(|s| s.starts_with('`'))
            .map(|s| s.trim_matches('`').to_owned())
            .collect(),
        None => Vec::new(),
    };
    let msg = if what == "поле" {
        format!("неизвестное поле «{name}»")
    } else {
        format!("недопустимое значение «{name}»")
    };
    if allowed.is_empty() {
        return (msg, Some("у этого объекта нет полей".into()));
    }
    let closest = allowed
        .iter()
        .map(|a| (strsim::levenshtein(&name, a), a))
        .filter(|(d, a)| *d <= 2.max(a.chars().count() / 3))
        .min()
        .map(|(_, a)| a.clone());
    let list = allowed.iter().map(|a| format!("«{a}»")).collect::<Vec<_>>().join(", ");
    let hint = match closest {
        Some(c) => format!("возможно, имелось в виду «{c}»; допустимо: {list}"),
        None => format!("допустимо: {list}"),
    };
    (msg, Some(hint))
}

/// The text between the first pair of backticks.
fn ticked(s: &str) -> String {
    let s = s.trim_start_matches('`');
    s.split('`').next().unwrap_or(s).to_owned()
}

fn split_expected(s: &str) -> (&str, &str) {
    s.split_once(", expected ").unwrap_or((s, ""))
}

fn unexpected(s: &str) -> String {
    if let Some(v) = s.strip_prefix("integer ") {
        return format!("целое число {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("floating point ") {
        return format!("дробное число {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("boolean ") {
        return format!("логическое значение {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("string ") {
        return format!("строка «{}»", v.trim_matches('"'));
    }
    match s {
        "map" => "объект".into(),
        "sequence" => "массив".into(),
        "null" | "unit value" => "null".into(),
        other => other.into(),
    }
}

fn expected(s: &str) -> String {
    if s.starts_with("struct ") || s == "a map" {
        return "объект { … }".into();
    }
    if s.starts_with("enum ") {
        return "одно из допустимых значений".into();
    }
    match s {
        "a string" | "a borrowed string" => "строка".into(),
        "a sequence" => "массив [ … ]".into(),
        "a boolean" => "true или false".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "целое неотрицательное число".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "целое число".into(),
        "f32" | "f64" => "число".into(),
        "unit" => "null".into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_suggest_the_closest() {
        let (m, h) =
            translate_serde_message("unknown field `titel`, expected one of `kind`, `title`, `date`", Category::Data);
        assert_eq!(m, "неизвестное поле «titel»");
        assert!(h.unwrap().starts_with("возможно, имелось в виду «title»"));
    }

    #[test]
    fn types_are_named_in_russian() {
        let (m, _) = translate_serde_message("invalid type: integer `15`, expected a string", Category::Data);
        assert_eq!(m, "неверный тип: целое число 15, а ожидается строка");
        let (m, _) = translate_serde_message("missing field `title`", Category::Data);
        assert_eq!(m, "нет обязательного поля «title»");
    }
}
