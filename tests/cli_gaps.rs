//! Small traps of the command line (issue 16 item 3): a partial render with nothing to
//! render, `-o` given a file's name, template files no template reads, `init`'s next step.

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
    let order = std::fs::read_to_string(common::root().join("templates/order.xml")).unwrap();
    own(
        "order.xml",
        &format!("{{# uses _used.xml #}}{{% if false %}}{{% include \"_used.xml\" %}}{{% endif %}}{order}"),
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
