//! The command line speaks Russian (issue 16 item 1): every command's help and a set of
//! wrong invocations carry no English scaffolding from clap; help has examples and exit
//! codes; wrong invocations exit with 2 and say where to read more.

mod common;

use common::prikaz;

/// Words clap (or Rust's parse errors) would print in English.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print help",
    "Print version",
    "[default",
    "Possible values",
    "error:",
    "unexpected",
    "invalid",
    "expected",
    "found",
    "required",
    "provided",
    "[OPTIONS]",
    "<FILE>",
    "<OUTPUT>",
    "For more information",
    "tip:",
    "cannot be used",
    "digit",
    "The document",
];

fn english_in(text: &str) -> Vec<&'static str> {
    ENGLISH.iter().copied().filter(|w| text.contains(w)).collect()
}

const COMMANDS: &[&str] = &[
    "validate",
    "render",
    "serve",
    "import",
    "init",
    "roll",
    "batch",
    "schema",
    "completions",
    "man",
    "users",
    "backup",
    "restore",
];

#[test]
fn every_help_is_russian_with_examples_and_exit_codes() {
    let top = prikaz(&["--help"]);
    assert!(top.status.success());
    let text = String::from_utf8_lossy(&top.stdout);
    assert!(english_in(&text).is_empty(), "{:?} in\n{text}", english_in(&text));
    assert!(text.contains("Использование: prikaz КОМАНДА"));
    let users = ["add", "list", "passwd", "remove"].map(|a| vec!["users", a]);
    for c in COMMANDS.iter().map(|c| vec![*c]).chain(users) {
        let c = c.join(" ");
        let mut args: Vec<&str> = c.split(' ').collect();
        args.push("--help");
        let run = prikaz(&args);
        let text = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success(), "{c}");
        assert!(english_in(&text).is_empty(), "{c}: {:?} in\n{text}", english_in(&text));
        assert!(text.contains("Пример"), "{c}: no example\n{text}");
        assert!(text.contains("Коды выхода"), "{c}: no exit codes\n{text}");
    }
}

#[test]
fn wrong_invocations_are_told_in_russian() {
    let cases: &[(&[&str], &str)] = &[
        (&["rendr"], "нет команды «rendr»"),
        (&["render"], "не хватает: ФАЙЛ"),
        (&["render", "x.json", "--bogus"], "неизвестный параметр «--bogus»"),
        (&["roll", "x.json", "--to", "abc", "-o", "y.json"], "нужно целое число"),
        (&["render", "x.json", "--format", "odt"], "можно: «docx», «pdf»"),
        (&["import", "x.csv", "-o", "a.json", "--into", "b.json"], "нельзя указывать вместе"),
        (&["serve", "--listen", "nonsense"], "нужен адрес"),
        (&["batch", "b.json"], "не хватает"),
        (&["init", "d", "--kind", "школа"], "можно:"),
        (&[], "Использование: prikaz КОМАНДА"),
    ];
    for (args, expect) in cases {
        let run = prikaz(args);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(expect), "{args:?}: «{expect}» not in\n{err}");
        assert!(english_in(&err).is_empty(), "{args:?}: {:?} in\n{err}", english_in(&err));
    }
}

/// Template mistakes are told in Russian with the template's file and line.
#[test]
fn template_errors_are_russian_with_their_place() {
    let dir = common::temp_dir("cli-ru-tpl");
    let out = dir.join("out");
    let cases: &[(&str, &str)] = &[
        (
            "{{ order.nonexistent | upper }}",
            "значение не того вида: ожидается «строка», получено «ничего (переменной нет)»",
        ),
        ("{{ order.title | frobnicate }}", "фильтра «frobnicate» нет"),
        ("{% if order %}", "шаблон обрывается"),
        ("{{ order.titel }}", "поля «titel» у этого объекта нет; есть: "),
        ("{{ ordr.title }}", "переменной «ordr» нет в данных шаблона"),
        ("{{ <nosuch/> }}", "компонента «nosuch» нет"),
        ("{% frobnicate %}", "неизвестный тег"),
    ];
    let order = std::fs::read_to_string(common::root().join("templates/order.xml")).unwrap();
    for (line, expect) in cases {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("order.xml"), format!("{order}{line}\n")).unwrap();
        let run = prikaz(&[
            "render",
            "samples/kindergarten-2024.json",
            "--templates",
            dir.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{err}");
        assert!(err.contains(expect), "«{expect}» not in\n{err}");
        assert!(err.contains("order.xml:"), "the template's place: {err}");
        assert!(english_in(&err).is_empty() && !err.contains("Unknown") && !err.contains("Invalid"), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The system's errors in Russian: a missing input, an output folder that is a file.
#[test]
fn system_errors_are_russian() {
    let run = prikaz(&["render", "нет-такого.json", "-o", "/tmp/x"]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("файл не найден") && !err.contains("os error"), "{err}");
    let file = common::temp_dir("cli-ru-file").join("файл");
    std::fs::write(&file, "").unwrap();
    let run = prikaz(&["render", "samples/kindergarten-2024.json", "-o", file.join("out").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1));
    assert!(err.contains("в пути стоит файл там, где нужна папка") && !err.contains("os error"), "{err}");
    std::fs::remove_dir_all(file.parent().unwrap()).ok();
}

/// What libraries and the system say reaches the user in Russian, with what to do: a book
/// that is missing or not a book (calamine, zip), a PDF or RTF given to import (never read
/// as Windows-1251 text), a batch or school list that is not what it should be (serde), an
/// address this computer does not have (the OS; binding sends nothing anywhere).
#[test]
fn library_and_system_errors_are_russian() {
    let dir = common::temp_dir("cli-ru-libraries");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    std::fs::write(dir.join("не-книга.xlsx"), "это не книга").unwrap();
    std::fs::write(dir.join("приказ.pdf"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
    std::fs::write(dir.join("приказ.rtf"), "{\\rtf1\\ansi Приказ}").unwrap();
    std::fs::write(dir.join("школы.json"), "{\"schools\": [[1]]}").unwrap();
    std::fs::write(dir.join("пакет.json"), "{\"schools\": []}").unwrap();
    let out = path("out.json");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["import".into(), path("нет.xlsx"), "-o".into(), out.clone()], "файл не найден"),
        (vec!["import".into(), path("не-книга.xlsx"), "-o".into(), out.clone()], "сохраните как .xlsx"),
        (vec!["import".into(), path("приказ.pdf"), "-o".into(), out.clone()], "это PDF"),
        (vec!["import".into(), path("приказ.rtf"), "-o".into(), out.clone()], "сохраните как .docx"),
        (vec!["validate".into(), path("приказ.pdf")], "это PDF"),
        (
            vec![
                "batch".into(),
                "samples/batch/municipal.json".into(),
                "--schools".into(),
                path("школы.json"),
                "-o".into(),
                path("o"),
            ],
            "строка 1, столбец",
        ),
        (
            vec![
                "batch".into(),
                path("пакет.json"),
                "--schools".into(),
                "samples/batch/schools.csv".into(),
                "-o".into(),
                path("o"),
            ],
            "неизвестное поле «schools»",
        ),
        (
            vec!["serve".into(), "--listen".into(), "192.0.2.1".into(), "--port".into(), "0".into()],
            "адреса 192.0.2.1 у этого компьютера нет",
        ),
    ];
    for (args, words) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = prikaz(&args);
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{args:?}");
        assert!(err.contains(words), "{args:?}: {err}");
        for english in ["error", "Error", "os error", "expected", "invalid", "Could not", "Windows-1251"] {
            assert!(!err.contains(english), "{args:?}: «{english}» in {err}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
