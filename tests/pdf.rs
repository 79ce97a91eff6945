//! PDF output: our layout and the krilla writer, checked with poppler and qpdf and by
//! layout invariants.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{json_files, root};
use prikaz::layout::{layout, text::Measurer, Item, Page};
use prikaz::pipeline::{build_ir, Parts};
use prikaz::render::pdf::write_pdf;
use prikaz::template::Templates;

fn ir(rel: &str) -> prikaz::doc::Document {
    let loaded = prikaz::input::load(&root().join(rel));
    assert!(!loaded.has_errors(), "{rel}");
    build_ir(&loaded.document.unwrap(), &Templates::builtin().unwrap(), Parts::All).unwrap()
}

fn pages(rel: &str, m: &Measurer) -> (prikaz::doc::Document, Vec<Page>) {
    let d = ir(rel);
    let p = layout(&d, m);
    (d, p)
}

fn tool(name: &str) -> bool {
    let found =
        Command::new("sh").arg("-c").arg(format!("command -v {name}")).output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "{name} is required in CI (.ci/run installs it)");
        eprintln!("SKIPPED: {name} is not installed");
    }
    found
}

fn write(rel: &str, dir: &std::path::Path, m: &Measurer) -> PathBuf {
    let (d, p) = pages(rel, m);
    let stem = std::path::Path::new(rel).file_stem().unwrap().to_string_lossy().into_owned();
    let path = dir.join(format!("{stem}.pdf"));
    std::fs::write(&path, write_pdf(&d, &p).unwrap()).unwrap();
    path
}

#[test]
fn nothing_is_drawn_outside_the_printable_area() {
    let m = Measurer::bundled();
    for rel in json_files("samples") {
        let (d, ps) = pages(&rel, &m);
        assert!(!ps.is_empty());
        // Pages follow their sections' setups; page numbers sit in the top margin by design.
        for (i, p) in ps.iter().enumerate() {
            let landscape = p.width > p.height;
            let sec = d.sections.iter().find(|s| s.page.landscape == landscape).expect("a section of this shape");
            let mg = sec.page.margins;
            for it in &p.items {
                match it {
                    Item::Text { x, y, text, face, size } => {
                        if *y < mg.top.to_pt() {
                            assert!(
                                i > 0 && text.chars().all(|c| c.is_ascii_digit()),
                                "{rel} p{}: «{text}» in the top margin",
                                i + 1
                            );
                            continue;
                        }
                        let w = m.width(*face, text, *size);
                        assert!(*x >= mg.left.to_pt() - 0.5, "{rel} p{}: «{text}» left of the margin", i + 1);
                        assert!(
                            x + w <= p.width - mg.right.to_pt() + 0.5,
                            "{rel} p{}: «{text}» past the right margin",
                            i + 1
                        );
                        assert!(
                            *y <= p.height - mg.bottom.to_pt() + 0.5,
                            "{rel} p{}: «{text}» below the bottom margin",
                            i + 1
                        );
                    }
                    Item::Line { y1, y2, .. } => {
                        assert!(*y1 <= p.height - mg.bottom.to_pt() + 0.5 && *y2 <= p.height - mg.bottom.to_pt() + 0.5);
                    }
                }
            }
        }
    }
}

#[test]
fn the_table_header_is_repeated_on_every_page_of_a_roadmap() {
    let m = Measurer::bundled();
    let (_, ps) = pages("samples/large-200.json", &m);
    assert!(ps.len() > 20);
    let dump = prikaz::layout::dump(&ps);
    for page in dump.split("page ").skip(4) {
        assert!(page.contains("Ожидаемые результаты"), "a page without the header:\n{page}");
    }
}

#[test]
fn two_renders_are_byte_identical() {
    let m = Measurer::bundled();
    let (d, p) = pages("samples/solnechnogorsk-2023.json", &m);
    let a = write_pdf(&d, &p).unwrap();
    let b = write_pdf(&d, &layout(&d, &Measurer::bundled())).unwrap();
    assert!(a == b);
    assert!(a.len() < 80_000, "PDF of the Солнечногорск sample is {} bytes", a.len());
}

#[test]
fn the_layout_of_the_solnechnogorsk_order_is_stable() {
    let m = Measurer::bundled();
    let (_, ps) = pages("samples/solnechnogorsk-2023.json", &m);
    insta::assert_snapshot!("layout-solnechnogorsk", prikaz::layout::dump(&ps));
}

#[test]
fn poppler_and_qpdf_accept_every_pdf_with_cyrillic_text_and_metadata() {
    if !tool("pdftotext") || !tool("pdffonts") || !tool("qpdf") {
        return;
    }
    let m = Measurer::bundled();
    let dir = std::env::temp_dir().join(format!("prikaz-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for rel in json_files("samples") {
        let path = write(&rel, &dir, &m);
        let check = Command::new("qpdf").arg("--check").arg(&path).output().unwrap();
        assert!(check.status.success(), "{rel}: {}", String::from_utf8_lossy(&check.stdout));
        let fonts = String::from_utf8(Command::new("pdffonts").arg(&path).output().unwrap().stdout).unwrap();
        for line in fonts.lines().skip(2) {
            assert!(line.contains("+LiberationSerif") && line.contains(" yes yes yes "), "{rel}: {line}");
        }
        let text = String::from_utf8(Command::new("pdftotext").arg(&path).arg("-").output().unwrap().stdout).unwrap();
        assert!(text.contains("Наименование") || text.contains("Содержание") || text.contains("ПРИКАЗ"), "{rel}");
        let info = String::from_utf8(Command::new("pdfinfo").arg(&path).output().unwrap().stdout).unwrap();
        assert!(
            info.contains("Title:") && info.lines().any(|l| l.starts_with("Title:") && l.len() > 20),
            "{rel}: {info}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
