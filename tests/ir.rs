//! The templates' output as IR: snapshots of every sample, injection, custom templates.

mod common;

use std::path::Path;

use common::{json_files, prikaz, root};
use prikaz::pipeline::{build_ir, Parts};
use prikaz::template::Templates;

fn load(path: &Path) -> prikaz::input::model::Document {
    let loaded = prikaz::input::load(path);
    assert!(!loaded.has_errors(), "{}: {:?}", path.display(), loaded.diagnostics);
    loaded.document.expect("valid")
}

fn ir_of(rel: &str, templates: &Templates) -> String {
    let input = load(&root().join(rel));
    prikaz::doc::dump(&build_ir(&input, templates, Parts::All).expect("renders"))
}

#[test]
fn every_sample_renders_to_the_committed_ir() {
    let t = Templates::builtin().unwrap();
    for rel in json_files("samples") {
        if rel.contains("large-200") {
            continue; // same templates as Солнечногорск; checked by size below
        }
        let name = Path::new(&rel).file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, ir_of(&rel, &t));
    }
}

#[test]
fn the_large_sample_has_every_row() {
    let t = Templates::builtin().unwrap();
    let ir = ir_of("samples/large-200.json", &t);
    let rows = ir.lines().filter(|l| l.trim_start().starts_with("body row:")).count();
    let sections = ir.lines().filter(|l| l.trim_start().starts_with("body section:")).count();
    assert_eq!((rows, sections), (200, 40));
}

#[test]
fn data_cannot_inject_markup_or_template_syntax() {
    let mut input = load(&root().join("tests/fixtures/valid-minimal.json"));
    let order = input.order.as_mut().unwrap();
    order.title = "Об {{ 7*7 }} </p><p>утверждении {% if true %}x{% endif %} & <b>".into();
    let ir = prikaz::doc::dump(&build_ir(&input, &Templates::builtin().unwrap(), Parts::All).unwrap());
    assert!(ir.contains("Об {{ 7*7 }} </p><p>утверждении {% if true %}x{% endif %} & <b>"), "{ir}");
}

#[test]
fn data_line_breaks_become_line_breaks() {
    let mut input = load(&root().join("tests/fixtures/valid-minimal.json"));
    input.order.as_mut().unwrap().title = "Первая строка\nвторая строка".into();
    let ir = prikaz::doc::dump(&build_ir(&input, &Templates::builtin().unwrap(), Parts::All).unwrap());
    assert!(ir.contains("Первая строка ⏎ вторая строка"), "{ir}");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("prikaz-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_template_folder_replaces_one_template_and_keeps_the_rest() {
    let dir = temp_dir("tpl-override");
    let list = prikaz::template::BUILTIN.iter().find(|(n, _)| *n == "appendix-list.xml").unwrap().1;
    std::fs::write(dir.join("appendix-list.xml"), list.replace("{{ loop.index }}. ", "{{ loop.index }}) ")).unwrap();
    let custom = Templates::with_folder(&dir).unwrap();
    let builtin = Templates::builtin().unwrap();
    let a = ir_of("samples/novocherkassk-2020.json", &builtin);
    let b = ir_of("samples/novocherkassk-2020.json", &custom);
    std::fs::remove_dir_all(&dir).ok();
    assert!(a.contains("1. Муравьева") && b.contains("1) Муравьева"), "{b}");
    // The order and the roadmap come from the built-in templates, unchanged.
    let head = |s: &str| s.split("zone right").next().unwrap().to_owned();
    assert_eq!(head(&a), head(&b));
}

#[test]
fn template_errors_name_file_line_and_column() {
    let dir = temp_dir("tpl-error");
    std::fs::write(dir.join("appendix-list.xml"), "<section>\n  <p>{{ no_such_variable.field }}</p>\n</section>\n")
        .unwrap();
    let out =
        prikaz(&["render", "samples/novocherkassk-2020.json", "--emit", "ir", "--templates", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("appendix-list.xml:2:"), "{stderr}");
}

#[test]
fn templates_cannot_include_files_outside_the_folder() {
    let dir = temp_dir("tpl-include");
    std::fs::write(dir.join("appendix-list.xml"), "<section>{% include \"../../etc/passwd\" %}</section>").unwrap();
    let r = Templates::with_folder(&dir);
    std::fs::remove_dir_all(&dir).ok();
    let err = r.err().map(|d| d.message).unwrap_or_default();
    assert!(err.contains("appendix-list.xml") && !err.contains("root:"), "{err}");
}

#[test]
fn markup_errors_in_a_custom_template_point_at_its_line() {
    let dir = temp_dir("tpl-markup");
    std::fs::write(dir.join("appendix-list.xml"), "<section>\n  <p>ok</p>\n  <para>bad</para>\n</section>\n").unwrap();
    let out =
        prikaz(&["render", "samples/novocherkassk-2020.json", "--emit", "ir", "--templates", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("шаблон appendix-list.xml, строка 3"), "{stderr}");
}

#[test]
fn a_plan_with_mark_style_none_prints_no_appendix_mark() {
    let with = prikaz::doc::dump(&common::ir("samples/school-2023.json"));
    assert!(with.contains("Приложение"), "{with}");
    let without = prikaz::doc::dump(&common::ir("tests/fixtures/valid-no-mark.json"));
    assert!(!without.contains("Приложение") && !without.contains("zone"), "{without}");
    assert!(without.contains("ПЛАН МЕРОПРИЯТИЙ"), "{without}");
}
