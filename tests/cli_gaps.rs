//! Small traps of the command line (issue 16 item 3): a partial render with nothing to
//! render, `-o` given a file's name, template files no template reads, `init`'s next step;
//! the parts and names of a render (`--only order`, `--appendix ID`, `--name`), `--emit
//! context`, wildcards the shell left unexpanded, completions and manual pages.

mod common;

use common::prikaz;

fn temp(name: &str) -> std::path::PathBuf {
    common::temp_dir(&format!("cli-{name}"))
}

#[test]
fn only_appendices_of_a_document_without_any_is_an_error() {
    let dir = temp("only");
    let run =
        prikaz(&["render", "samples/kindergarten-2024.json", "--only", "appendices", "-o", dir.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("в документе нет приложений"));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "no empty page written");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_output_named_like_a_file_is_warned_about() {
    let dir = temp("o");
    let out = dir.join("приказ.docx");
    let run = prikaz(&["render", "samples/kindergarten-2024.json", "-o", out.to_str().unwrap()]);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("похоже на имя файла"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn template_files_no_template_reads_are_named() {
    let dir = temp("tpl");
    let own = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    own("Order.xml", "<section></section>");
    own("appendix-list.xml.txt", "");
    own("notes.txt", "");
    own("_mine.xml", "");
    own("_used.xml", "");
    // A file of components is used when a template calls one of them.
    own("_parts.xml", "{% component note() %}{% endcomponent %}");
    let order = std::fs::read_to_string(common::root().join("templates/order.xml")).unwrap();
    own(
        "order.xml",
        &format!(
            "{{# uses _used.xml #}}{{% if false %}}{{% include '_used.xml' %}}{{{{ <note/> }}}}{{% endif %}}{order}"
        ),
    );
    let out = dir.join("out");
    let run = prikaz(&[
        "render",
        "samples/kindergarten-2024.json",
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{err}");
    assert!(err.contains("«Order.xml» не используется: назовите его «order.xml»"), "{err}");
    assert!(err.contains("«appendix-list.xml.txt» не используется: назовите его «appendix-list.xml»"), "{err}");
    assert!(err.contains("«notes.txt» в папке шаблонов не используется"), "{err}");
    assert!(err.contains("«_mine.xml»"), "{err}");
    assert!(!err.contains("«_used.xml»"), "an included file is used: {err}");
    assert!(!err.contains("«_parts.xml»"), "a file of called components is used: {err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn init_names_the_templates_in_its_next_step() {
    let dir = temp("init");
    let project = dir.join("проект");
    let run = prikaz(&["init", project.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success());
    assert!(out.contains(&format!("--templates {}", project.join("templates").display())), "{out}");
    assert!(out.contains("prikaz serve"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The text of a PDF, by poppler.
fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn only_order_renders_the_order_without_its_appendices() {
    let dir = temp("only-order");
    let run = prikaz(&["render", "samples/solnechnogorsk-2023.json", "--only", "order", "-o", dir.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(names_in(&dir), ["solnechnogorsk-2023-приказ.docx", "solnechnogorsk-2023-приказ.pdf"]);
    if common::tool("pdftotext") {
        let text = pdf_text(&dir.join("solnechnogorsk-2023-приказ.pdf"));
        assert!(text.contains("ПРИКАЗЫВАЮ"), "the order's text is there");
        assert!(!text.contains("План мероприятий"), "no appendix: {text}");
    }
    // A plan with no order text has nothing to render.
    let run = prikaz(&["render", "samples/dubna-2021.json", "--only", "order", "-o", dir.join("d").to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("нет текста приказа"));
    assert!(!dir.join("d").exists(), "nothing written");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_appendix_is_picked_by_its_id_or_number_and_files_named_by_name() {
    let dir = temp("appendix");
    let out = dir.to_str().unwrap();
    let run =
        prikaz(&["render", "samples/solnechnogorsk-2023.json", "--appendix", "plan", "--name", "План 2023", "-o", out]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(names_in(&dir), ["План 2023.docx", "План 2023.pdf"]);
    let by_id = std::fs::read(dir.join("План 2023.pdf")).unwrap();
    let run = prikaz(&["render", "samples/solnechnogorsk-2023.json", "--appendix", "1", "-o", out]);
    assert!(run.status.success());
    assert_eq!(std::fs::read(dir.join("solnechnogorsk-2023-приложение-1.pdf")).unwrap(), by_id, "id and number agree");
    let run = prikaz(&["render", "samples/solnechnogorsk-2023.json", "--appendix", "plna", "-o", out]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("нет приложения «plna»") && err.contains("1 («plan»)"), "{err}");
    for (name, says) in [("a/b", "не путь"), ("x.pdf", "без расширения"), ("a:b", "недопустим"), (" ", "пустое")]
    {
        let run = prikaz(&["render", "samples/solnechnogorsk-2023.json", "--name", name, "-o", out]);
        assert_eq!(run.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&run.stderr).contains(says), "{name}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn emit_context_prints_what_the_templates_see() {
    let run = prikaz(&["render", "samples/solnechnogorsk-2023.json", "--emit", "context"]);
    assert!(run.status.success());
    let context: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(context["order"]["number"], "15 а");
    assert_eq!(context["appendices"][0]["kind"], "roadmap");
    assert_eq!(context["appendices"][0]["index"], 0, "an appendix template takes its own by index");
    assert!(context["style"]["margins"].is_string());
}

#[test]
fn wildcards_the_shell_left_are_expanded() {
    // As cmd.exe passes it: the pattern itself.
    let run = prikaz(&["validate", "samples/*-202?.json"]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{out}{}", String::from_utf8_lossy(&run.stderr));
    assert!(out.contains("samples/solnechnogorsk-2023.json: корректен"), "{out}");
    assert!(out.contains("samples/dubna-2021.json"), "{out}");
    let run = prikaz(&["validate", "samples/*.xlsx"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("по шаблону «samples/*.xlsx» не найдено ни одного файла"));
}

#[test]
fn completions_and_manual_pages_come_from_the_russian_command_line() {
    for (shell, mark) in [
        ("bash", "_prikaz()"),
        ("zsh", "#compdef prikaz"),
        ("fish", "complete -c prikaz"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = prikaz(&["completions", shell]);
        let script = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success() && script.contains(mark), "{shell}: {script}");
        assert!(script.contains("render") && script.contains("appendix"), "{shell}");
    }
    let fish = String::from_utf8_lossy(&prikaz(&["completions", "fish"]).stdout).into_owned();
    assert!(fish.contains("Сформировать DOCX и PDF"), "descriptions are the help's");
    let page = String::from_utf8_lossy(&prikaz(&["man"]).stdout).into_owned();
    for heading in [".SH ИМЯ", ".SH ОБЗОР", ".SH ПАРАМЕТРЫ", ".SH КОМАНДЫ"] {
        assert!(page.contains(heading), "{heading}: {page}");
    }
    assert!(!page.contains(".SH NAME") && !page.contains(".SH OPTIONS"));
    let dir = temp("man");
    let run = prikaz(&["man", "-o", dir.to_str().unwrap()]);
    assert!(run.status.success());
    let pages = names_in(&dir);
    assert!(pages.contains(&"prikaz.1".to_owned()) && pages.contains(&"prikaz-render.1".to_owned()), "{pages:?}");
    let render = std::fs::read_to_string(dir.join("prikaz-render.1")).unwrap();
    assert!(render.contains("appendix") && render.contains(".SH ПРИМЕРЫ"), "{render}");
    std::fs::remove_dir_all(&dir).ok();
}
