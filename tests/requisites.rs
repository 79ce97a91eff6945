//! The requisites of issue 15 in the rendered files: the QR code decodes back from the page,
//! the logo is an image object in both files, грифы stand side by side, and the e-signature
//! mark's frame holds its lines with nothing overlapping it.

mod common;

use std::process::Command;

use common::{root, tool};
use prikaz::layout::Item;

/// Renders a sample into a fresh folder; returns (folder, stem).
fn render(rel: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_prikaz"))
        .arg("render")
        .arg(root().join(rel))
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{rel}: {}", String::from_utf8_lossy(&out.stderr));
    let stem = std::path::Path::new(rel).file_stem().unwrap().to_string_lossy().into_owned();
    (dir, stem)
}

/// The text zbarimg reads from page 1 of a PDF rasterised at 150 dpi.
fn decode_page_one(pdf: &std::path::Path) -> String {
    let png = pdf.with_extension("p1");
    let r = Command::new("pdftoppm")
        .args(["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&png)
        .status();
    assert!(r.unwrap().success());
    let out = Command::new("zbarimg").args(["-q", "--raw"]).arg(png.with_extension("p1.png")).output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim_end().to_owned()
}

#[test]
fn the_qr_code_decodes_back_to_the_input_from_our_pdf_and_from_libreoffices_rendering() {
    if !tool("pdftoppm") || !tool("zbarimg") {
        return;
    }
    let rel = "samples/esign-qr-2025.json";
    let input: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root().join(rel)).unwrap()).unwrap();
    let want = input["qr"]["text"].as_str().unwrap();
    let (dir, stem) = render(rel);
    assert_eq!(decode_page_one(&dir.path().join(format!("{stem}.pdf"))), want, "our PDF");
    if tool("soffice") {
        let lo = dir.path().join("lo");
        let st = Command::new("soffice")
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&lo)
            .arg(dir.path().join(format!("{stem}.docx")))
            .env("HOME", dir.path())
            .output()
            .unwrap();
        assert!(st.status.success());
        assert_eq!(decode_page_one(&lo.join(format!("{stem}.pdf"))), want, "LibreOffice's rendering of the DOCX");
    }
}

#[test]
fn the_qr_code_sits_at_the_lower_right_of_page_one_and_the_text_stays_above_it() {
    let doc = common::ir("samples/esign-qr-2025.json");
    let m = prikaz::layout::text::Measurer::bundled();
    let pages = prikaz::layout::layout(&doc, &m);
    let boxes: Vec<(f64, f64, f64, f64)> = pages[0]
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Rect { x, y, w, h } => Some((*x, *y, x + w, y + h)),
            _ => None,
        })
        .collect();
    assert!(boxes.len() > 50, "a QR code's modules: {}", boxes.len());
    assert!(pages[1..].iter().all(|p| !p.items.iter().any(|i| matches!(i, Item::Rect { .. }))), "page 1 only");
    let top = boxes.iter().map(|b| b.1).fold(f64::MAX, f64::min);
    let right = boxes.iter().map(|b| b.2).fold(0.0, f64::max);
    let page = &doc.sections[0].page;
    assert!(right <= page.width.to_pt() - page.margins.right.to_pt() + 1e-6);
    assert!(right > page.width.to_pt() - page.margins.right.to_pt() - 10.0, "flush with the right margin");
    assert!(top > page.height.to_pt() / 2.0, "in the lower half");
    let lowest_text = pages[0]
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Text { y, .. } => Some(*y),
            _ => None,
        })
        .fold(0.0, f64::max);
    assert!(lowest_text < top, "text at {lowest_text} runs into the code at {top}");
}

#[test]
fn the_logo_is_an_image_object_in_both_files() {
    let (dir, stem) = render("samples/kindergarten-2024.json");
    let docx = std::fs::read(dir.path().join(format!("{stem}.docx"))).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let media: Vec<String> = zip.file_names().filter(|n| n.starts_with("word/media/")).map(str::to_owned).collect();
    assert_eq!(media.len(), 1, "{media:?}");
    let mut png = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(&media[0]).unwrap(), &mut png).unwrap();
    assert_eq!(png, std::fs::read(root().join("samples/logo-sad.png")).unwrap(), "the PNG as given");
    if tool("pdfimages") {
        let out = Command::new("pdfimages").arg("-list").arg(dir.path().join(format!("{stem}.pdf"))).output().unwrap();
        let list = String::from_utf8_lossy(&out.stdout);
        let images: Vec<&str> = list.lines().skip(2).filter(|l| l.split_whitespace().nth(2) == Some("image")).collect();
        assert_eq!(images.len(), 1, "{list}");
        assert!(images[0].contains(" 240   240 "), "the logo's pixels: {list}");
    }
}

/// The left edge and baseline of the first text item that starts with `word` on page 1.
fn at(pages: &[prikaz::layout::Page], word: &str) -> (f64, f64) {
    pages[0]
        .items
        .iter()
        .find_map(|it| match it {
            Item::Text { x, y, text, .. } if text.starts_with(word) => Some((*x, *y)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("«{word}» is not on page 1"))
}

#[test]
fn two_grifs_stand_side_by_side_at_the_margins() {
    let doc = common::ir("samples/school-plan-2024.json");
    let m = prikaz::layout::text::Measurer::bundled();
    let pages = prikaz::layout::layout(&doc, &m);
    let (lx, ly) = at(&pages, "СОГЛАСОВАНО");
    let (rx, ry) = at(&pages, "УТВЕРЖДАЮ");
    let page = &doc.sections[0].page;
    assert!((ly - ry).abs() < 0.01, "one line: {ly} vs {ry}");
    assert!((lx - page.margins.left.to_pt()).abs() < 0.01, "left grif at the margin: {lx}");
    assert!(rx > page.width.to_pt() / 2.0, "right grif in the right half: {rx}");
    let (_, title) = at(&pages, "ПЛАН");
    assert!(title > ly + 50.0, "the title comes under the grifs");
}

#[test]
fn the_e_signature_frame_holds_its_lines_and_the_name_and_position_stay_outside() {
    let doc = common::ir("samples/esign-qr-2025.json");
    let m = prikaz::layout::text::Measurer::bundled();
    let pages = prikaz::layout::layout(&doc, &m);
    let lines: Vec<[f64; 4]> = pages[0]
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Line { x1, y1, x2, y2 } => Some([*x1, *y1, *x2, *y2]),
            _ => None,
        })
        .collect();
    assert_eq!(lines.len(), 4, "one frame: {lines:?}");
    let (x0, x1) = (
        lines.iter().map(|l| l[0].min(l[2])).fold(f64::MAX, f64::min),
        lines.iter().map(|l| l[0].max(l[2])).fold(0.0, f64::max),
    );
    let (y0, y1) = (
        lines.iter().map(|l| l[1].min(l[3])).fold(f64::MAX, f64::min),
        lines.iter().map(|l| l[1].max(l[3])).fold(0.0, f64::max),
    );
    for word in ["ДОКУМЕНТ", "Сертификат", "Владелец", "Действителен"] {
        let (x, y) = at(&pages, word);
        assert!(
            x > x0 && x < x1 && y > y0 && y < y1,
            "«{word}» at ({x}, {y}) is outside the frame {x0}–{x1}, {y0}–{y1}"
        );
    }
    for it in &pages[0].items {
        if let Item::Text { x, y, text, face, size, .. } = it {
            let inside = *y > y0 && *y < y1 && *x < x1 && x + m.width(*face, text, *size) > x0;
            let stamp = ["ДОКУМЕНТ", "ЭЛЕКТРОННОЙ", "Сертификат", "01DB", "Владелец", "Действителен"];
            assert!(!inside || stamp.iter().any(|s| text.starts_with(s)), "«{text}» overlaps the mark");
        }
    }
    let (px, _) = at(&pages, "Начальник");
    let (nx, _) = at(&pages, "И.В.");
    assert!(px < x0 && nx > x1, "position at the left, name at the right of the mark");
}
