//! PDF output: our layout and the krilla writer, checked with poppler and qpdf and by
//! layout invariants.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{ir, json_files, tool};
use prikaz::layout::{layout, text::Measurer, Page};
use prikaz::writers::pdf::write_pdf;

fn pages(rel: &str, m: &Measurer) -> (prikaz::doc::Document, Vec<Page>) {
    let d = ir(rel);
    let p = layout(&d, m);
    (d, p)
}

fn write(rel: &str, dir: &std::path::Path, m: &Measurer) -> PathBuf {
    let (d, p) = pages(rel, m);
    let stem = std::path::Path::new(rel).file_stem().unwrap().to_string_lossy().into_owned();
    let path = dir.join(format!("{stem}.pdf"));
    std::fs::write(&path, write_pdf(&d, &p, m).unwrap()).unwrap();
    path
}

#[test]
fn nothing_is_drawn_outside_the_printable_area() {
    let m = Measurer::bundled();
    for rel in json_files("samples") {
        let (d, ps) = pages(&rel, &m);
        assert!(!ps.is_empty());
        // Pages follow their sections' setups; page numbers sit in the top margin by design.
        let outside = common::checks::outside_printable_area(&d, &ps, &m);
        assert!(outside.is_empty(), "{rel}: {outside:#?}");
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
    let a = write_pdf(&d, &p, &m).unwrap();
    // A fresh measurer: nothing cached from the first render.
    let fresh = Measurer::bundled();
    let b = write_pdf(&d, &layout(&d, &fresh), &fresh).unwrap();
    assert!(a == b);
    assert!(a.len() <= 40_000, "PDF of the Солнечногорск sample is {} bytes", a.len());
}

#[test]
fn the_layout_of_every_sample_is_stable() {
    let m = Measurer::bundled();
    for rel in json_files("samples") {
        if rel.contains("large-200") {
            continue; // checked by its invariants; its dump is 40 pages of the same rows
        }
        let (_, ps) = pages(&rel, &m);
        let name = std::path::Path::new(&rel).file_stem().unwrap().to_string_lossy().into_owned();
        // Every run with its x and its justification: a horizontal move shows too.
        insta::assert_snapshot!(format!("layout-{name}"), prikaz::layout::dump_positions(&ps));
    }
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
        let missing = common::missing_words(&rel, &path);
        assert!(missing.is_empty(), "{rel}: words missing from our PDF: {missing:?}");
        let info = String::from_utf8(Command::new("pdfinfo").arg(&path).output().unwrap().stdout).unwrap();
        assert!(
            info.contains("Title:") && info.lines().any(|l| l.starts_with("Title:") && l.len() > 20),
            "{rel}: {info}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Pages of a PDF by pdfinfo.
fn page_count(path: &std::path::Path) -> usize {
    let info = String::from_utf8(Command::new("pdfinfo").arg(path).output().unwrap().stdout).unwrap();
    info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|v| v.trim().parse().ok()).unwrap_or(0)
}

#[test]
fn our_pdf_has_as_many_pages_as_libreoffices_rendering_of_our_docx() {
    if !tool("soffice") || !tool("pdfinfo") {
        return;
    }
    let hyphen_ru = Command::new("sh").arg("-c").arg("dpkg -s hyphen-ru").output().is_ok_and(|o| o.status.success());
    if !hyphen_ru {
        assert!(std::env::var_os("CI").is_none(), "hyphen-ru is required in CI");
        eprintln!("SKIPPED: LibreOffice has no Russian hyphenation (hyphen-ru)");
        return;
    }
    let m = Measurer::bundled();
    let dir = std::env::temp_dir().join(format!("prikaz-pages-{}", std::process::id()));
    let lo = dir.join("lo");
    std::fs::create_dir_all(&lo).unwrap();
    let mut docx_files = Vec::new();
    let mut ours = Vec::new();
    for rel in json_files("samples") {
        let pdf = write(&rel, &dir, &m);
        let d = ir(&rel);
        let docx = pdf.with_extension("docx");
        std::fs::write(&docx, prikaz::writers::docx::write_docx(&d, &Default::default()).unwrap()).unwrap();
        docx_files.push(docx);
        ours.push((rel, pdf));
    }
    let out = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&lo)
        .args(&docx_files)
        .env("HOME", &dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut report = Vec::new();
    for (rel, pdf) in &ours {
        let theirs = lo.join(pdf.file_name().unwrap());
        let (a, b) = (page_count(pdf), page_count(&theirs));
        eprintln!("{rel}: ours {a}, LibreOffice {b}");
        if a != b {
            report.push(format!("{rel}: ours {a} pages, LibreOffice {b}"));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn no_page_ends_with_a_section_row() {
    let m = Measurer::bundled();
    for rel in json_files("samples") {
        let ps = layout(&ir(&rel), &m);
        for (i, p) in ps.iter().enumerate() {
            assert_ne!(
                p.last_row,
                Some(prikaz::doc::RowKind::Section),
                "{rel}: page {} ends with a section row",
                i + 1
            );
        }
    }
}

#[test]
fn characters_missing_from_the_fonts_are_reported_and_replaced_visibly() {
    let m = Measurer::bundled();
    let mut d = ir("tests/fixtures/valid-minimal.json");
    if let prikaz::doc::Block::Paragraph(p) = &mut d.sections[0].blocks[2] {
        p.inlines.push(prikaz::doc::Inline::Text(" смайлик 😀 и иероглиф 漢".into(), Default::default()));
    }
    let missing = prikaz::layout::missing_glyphs(&d, &m);
    let chars: Vec<char> = missing.iter().map(|g| g.ch).collect();
    assert_eq!(chars, vec!['😀', '漢']);
    assert!(missing[0].context.contains("смайлик"));
    let ps = layout(&d, &m);
    let dump = prikaz::layout::dump(&ps);
    assert!(dump.contains("смайлик □") || dump.contains("смайлик ?"), "{dump}");
    assert!(write_pdf(&d, &ps, &m).is_ok());
}

#[test]
fn pdfa_carries_its_identification() {
    let m = Measurer::bundled();
    let (d, p) = pages("samples/solnechnogorsk-2023.json", &m);
    let bytes = prikaz::writers::pdf::write_pdf_with(
        &d,
        &p,
        &m,
        prikaz::writers::pdf::PdfFonts::bundled(),
        prikaz::writers::pdf::PdfOptions { pdfa: true, tagged: false },
    )
    .expect("valid PDF/A-2b");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>") && text.contains("<pdfaid:conformance>B</pdfaid:conformance>")
    );
}

#[test]
fn rows_bound_by_a_span_taller_than_a_page_end_and_keep_every_line() {
    // The second row ends a span whose text fills more than a page after the header: it
    // cannot move to a fresh page, so it is split between lines (this looped forever once).
    let long = "слово ".repeat(3000);
    let markup = format!(
        "<section><table widths=\"1 1\"><head><row kind=\"header\"><cell>Этап</cell><cell>Мероприятие</cell></row></head>\
         <body><row><cell rowspan=\"2\">{long}</cell><cell>первое</cell></row><row><cell>второе</cell></row>\
         <row><cell>после</cell><cell>третье</cell></row></body></table></section>"
    );
    let d = prikaz::markup::standalone(&markup).expect("valid markup");
    let m = Measurer::bundled();
    let ps = layout(&d, &m);
    assert!(ps.len() > 2 && ps.len() < 40, "{} pages", ps.len());
    let dump = prikaz::layout::dump(&ps);
    assert_eq!(dump.matches("слово").count(), 3000);
    for w in ["первое", "второе", "третье", "после"] {
        assert!(dump.contains(w), "{w} is lost");
    }
}

#[test]
fn the_pdf_has_a_bookmark_for_the_order_and_each_appendix_at_its_first_page() {
    if !tool("qpdf") {
        return;
    }
    let m = Measurer::bundled();
    let dir = tempfile::tempdir().unwrap();
    let path = write("samples/novocherkassk-2020.json", dir.path(), &m);
    let out = Command::new("qpdf").arg("--json").arg(&path).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let outlines = json["outlines"].as_array().expect("an outline");
    let titles: Vec<&str> = outlines.iter().filter_map(|o| o["title"].as_str()).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert_eq!(titles[0], "Приказ от 06.10.2020 № 520");
    assert!(titles[1].starts_with("Приложение 1. План мероприятий"), "{titles:?}");
    assert_eq!(titles[2], "Приложение 2. Состав рабочей группы");
    // Each points at the first page of its part: the order on page 1, the appendices later.
    let pages: Vec<i64> = outlines.iter().filter_map(|o| o["destpageposfrom1"].as_i64()).collect();
    assert_eq!(pages.first(), Some(&1), "{outlines:?}");
    assert!(pages.windows(2).all(|w| w[0] < w[1]), "{pages:?}");
}

/// PDF/A needs a document date; a plan with none is refused by krilla's validator, and the
/// refusal says what is missing and, as its own hint, what to do (not pasted together).
#[test]
fn pdfa_of_a_document_without_a_date_is_refused_with_a_hint() {
    let dir = common::temp_dir("pdfa-no-date");
    let out = common::prikaz(&[
        "render",
        "samples/stages-2024.json",
        "--pdfa",
        "--format",
        "pdf",
        "-o",
        dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("ошибка: PDF/A не собран: у документа нет даты\n"), "{stderr}");
    assert!(stderr.contains("подсказка: укажите дату приказа (order.date)"), "{stderr}");
    assert!(!dir.join("stages-2024.pdf").exists(), "nothing written");
    std::fs::remove_dir_all(&dir).ok();
}
