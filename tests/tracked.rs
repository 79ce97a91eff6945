//! `prikaz render НОВЫЙ --changes-from СТАРЫЙ`: every sample edited as a plan is edited
//! after signing gives a DOCX with Word revisions that passes the OOXML validator and, opened
//! in LibreOffice through UNO, gives the new document's text (list numbers included) after
//! «Принять все» and the old one's after «Отклонить все»; the PDF is the new document's text
//! with change bars in the margin.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::edits::edit;
use common::{json_files, prikaz, root, temp_dir, tool};
use serde_json::Value;

/// python3-uno is there (Debian: python3-uno); in CI its absence fails.
fn uno() -> bool {
    let ok = Command::new("/usr/bin/python3").args(["-c", "import uno"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "python3-uno is required in CI (.ci/run installs it)");
        eprintln!("SKIPPED: python3-uno is not installed");
    }
    ok
}

/// Each file's text after `action` in LibreOffice, by file name.
fn texts_after(action: &str, files: &[PathBuf]) -> std::collections::BTreeMap<String, (String, Vec<String>)> {
    let out = Command::new("/usr/bin/python3")
        .arg(root().join("tests/uno/revisions.py"))
        .arg(action)
        .args(files)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{action}: {}\n{stdout}", String::from_utf8_lossy(&out.stderr));
    let mut docs = std::collections::BTreeMap::new();
    let mut current: Option<(String, String, Vec<String>)> = None;
    for line in stdout.lines() {
        if let Some(head) = line.strip_prefix("== ") {
            if let Some((name, counts, lines)) = current.take() {
                docs.insert(name, (counts, lines));
            }
            let (name, counts) = head.split_once(' ').unwrap_or((head, ""));
            current = Some((name.to_owned(), counts.to_owned(), Vec::new()));
        } else if let Some((_, _, lines)) = current.as_mut() {
            lines.push(line.to_owned());
        }
    }
    if let Some((name, counts, lines)) = current {
        docs.insert(name, (counts, lines));
    }
    docs
}

/// The number of closed paths drawn (`h` operators: krilla draws a filled rectangle as a
/// closed path) in a PDF's pages.
fn rectangles(pdf: &Path) -> usize {
    let mut doc = lopdf::Document::load(pdf).expect("a PDF");
    doc.decompress();
    doc.get_pages()
        .values()
        .map(|&id| {
            let content = doc.get_page_content(id).unwrap_or_default();
            String::from_utf8_lossy(&content).split_whitespace().filter(|op| *op == "h").count()
        })
        .sum()
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The first point of the order reworded (its first word replaced, words added) and a point
/// added after it; false when the document has no points.
fn edit_order(doc: &mut Value) -> bool {
    let Some(points) = doc.pointer_mut("/order/body/points").and_then(Value::as_array_mut) else { return false };
    let Some(first) = points.first_mut() else { return false };
    if let Some(text) = first.get("text").and_then(Value::as_str) {
        let rest = text.split_once(' ').map_or("", |(_, r)| r);
        first["text"] = Value::from(format!("Принять {rest} в срок до 1 ноября"));
    }
    points.insert(1, serde_json::json!({"text": "Провести совещание с ответственными за исполнение плана."}));
    true
}

#[test]
fn every_edited_sample_tracks_its_changes_so_that_accept_gives_the_new_text_and_reject_the_old() {
    let dir = temp_dir("tracked-samples");
    for f in std::fs::read_dir(root().join("samples")).unwrap().filter_map(Result::ok) {
        if f.path().extension().is_some_and(|e| e == "png") {
            std::fs::copy(f.path(), dir.join(f.file_name())).unwrap();
        }
    }
    let (mut tracked, mut olds, mut news) = (Vec::new(), Vec::new(), Vec::new());
    for rel in json_files("samples") {
        let text = std::fs::read_to_string(root().join(&rel)).unwrap();
        let old: Value = serde_json::from_str(&text).unwrap();
        let mut new = old.clone();
        // A sample without a plan to edit gets its order edited: a point reworded, one added.
        if edit(&mut new).is_none() && !edit_order(&mut new) {
            continue;
        }
        let stem = Path::new(&rel).file_stem().unwrap().to_string_lossy().into_owned();
        let (po, pn) = (dir.join(format!("{stem}-old.json")), dir.join(format!("{stem}-new.json")));
        std::fs::write(&po, &text).unwrap();
        std::fs::write(&pn, serde_json::to_string_pretty(&new).unwrap()).unwrap();
        let out_dir = dir.join("out");
        let s = |p: &Path| p.to_str().unwrap().to_owned();
        let r = prikaz(&[
            "render",
            &s(&pn),
            "--changes-from",
            &s(&po),
            "--changes-author",
            "Методист УМЦ",
            "-o",
            &s(&out_dir),
        ]);
        assert!(r.status.success(), "{rel}: {}", String::from_utf8_lossy(&r.stderr));
        for p in [&po, &pn] {
            let r = prikaz(&["render", &s(p), "-o", &s(&out_dir)]);
            assert!(r.status.success(), "{rel}: {}", String::from_utf8_lossy(&r.stderr));
        }
        let docx = out_dir.join(format!("{stem}-new-изменения.docx"));
        let xml = common::docx_part(&docx, "word/document.xml");
        assert!(xml.contains("<w:ins ") && xml.contains("<w:del "), "{rel}: no revisions");
        assert!(xml.contains("w:author=\"Методист УМЦ\""), "{rel}: the author");
        // The PDF: the new document's words, and change bars beside them.
        let (marked, plain) =
            (out_dir.join(format!("{stem}-new-изменения.pdf")), out_dir.join(format!("{stem}-new.pdf")));
        assert_eq!(pdf_text(&marked), pdf_text(&plain), "{rel}: the PDF is the new document");
        assert!(rectangles(&marked) > rectangles(&plain), "{rel}: no change bars");
        if tool("openxml-audit") {
            let audit = Command::new("openxml-audit").arg(&docx).output().unwrap();
            let said = String::from_utf8_lossy(&audit.stdout).to_string() + &String::from_utf8_lossy(&audit.stderr);
            assert!(said.contains("Errors: 0"), "{rel}: {said}");
        }
        tracked.push(docx);
        olds.push(out_dir.join(format!("{stem}-old.docx")));
        news.push(out_dir.join(format!("{stem}-new.docx")));
    }
    assert_eq!(tracked.len(), json_files("samples").len(), "every sample is edited");
    if !uno() || !tool("soffice") {
        return;
    }
    let accepted = texts_after("accept", &tracked);
    let rejected = texts_after("reject", &tracked);
    let (old_texts, new_texts) = (texts_after("none", &olds), texts_after("none", &news));
    for docx in &tracked {
        let name = docx.file_name().unwrap().to_string_lossy().into_owned();
        let stem = name.trim_end_matches("-new-изменения.docx");
        let (counts, after_accept) = &accepted[&name];
        assert!(counts.ends_with("left=0") && !counts.starts_with("revisions=0"), "{name}: {counts}");
        assert_eq!(after_accept, &new_texts[&format!("{stem}-new.docx")].1, "{name}: «Принять все»");
        assert_eq!(&rejected[&name].1, &old_texts[&format!("{stem}-old.docx")].1, "{name}: «Отклонить все»");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_tracked_render_names_its_files_apart_and_refuses_a_bad_earlier_version() {
    let dir = temp_dir("tracked-cli");
    let sample = root().join("samples/kindergarten-2024.json");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    // Equal versions: a DOCX without revisions, under its own name beside the plain one.
    let r = prikaz(&["render", &s(&sample), "--changes-from", &s(&sample), "-o", &s(&dir), "--format", "docx"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let xml = common::docx_part(&dir.join("kindergarten-2024-изменения.docx"), "word/document.xml");
    assert!(!xml.contains("<w:ins ") && !xml.contains("<w:del "));
    // An earlier version with errors is named, and nothing is written.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"order": {"date": "2024-02-30"}}"#).unwrap();
    let r = prikaz(&["render", &s(&sample), "--changes-from", &s(&bad), "-o", &s(&dir.join("x"))]);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert!(err.contains("bad.json") && err.contains("--changes-from") && err.contains("2024-02-30"), "{err}");
    assert!(!dir.join("x").exists());
    // A date that is not one.
    let r =
        prikaz(&["render", &s(&sample), "--changes-from", &s(&sample), "--changes-date", "2024-13-01", "-o", &s(&dir)]);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("--changes-date"));
    std::fs::remove_dir_all(&dir).ok();
}

/// Rows and points taken away in the middle: after «Отклонить все» the numbers after them
/// read as the signed version's, after «Принять все» as the new version's.
#[test]
fn numbers_after_a_row_and_a_point_taken_away_read_right_both_ways() {
    if !uno() || !tool("soffice") {
        return;
    }
    let dir = temp_dir("tracked-middle");
    let text = std::fs::read_to_string(root().join("samples/solnechnogorsk-2023.json")).unwrap();
    let old: Value = serde_json::from_str(&text).unwrap();
    let mut new = old.clone();
    new["appendices"][0]["table"]["sections"][1]["items"].as_array_mut().unwrap().remove(2);
    new["order"]["body"]["points"].as_array_mut().unwrap().remove(1);
    let (po, pn) = (dir.join("old.json"), dir.join("new.json"));
    std::fs::write(&po, &text).unwrap();
    std::fs::write(&pn, new.to_string()).unwrap();
    let out = dir.join("out");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    for args in [
        vec![
            "render".to_owned(),
            s(&pn),
            "--changes-from".into(),
            s(&po),
            "-o".into(),
            s(&out),
            "--format".into(),
            "docx".into(),
        ],
        vec!["render".to_owned(), s(&po), "-o".into(), s(&out), "--format".into(), "docx".into()],
        vec!["render".to_owned(), s(&pn), "-o".into(), s(&out), "--format".into(), "docx".into()],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = prikaz(&args);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    }
    let tracked = [out.join("new-изменения.docx")];
    let plain = texts_after("none", &[out.join("old.docx"), out.join("new.docx")]);
    assert_eq!(texts_after("accept", &tracked)["new-изменения.docx"].1, plain["new.docx"].1, "«Принять все»");
    assert_eq!(texts_after("reject", &tracked)["new-изменения.docx"].1, plain["old.docx"].1, "«Отклонить все»");
    std::fs::remove_dir_all(&dir).ok();
}

/// A column added to the plan: the table is replaced whole (the old one taken away with its
/// header, the new one added), and the file stays valid OOXML.
#[test]
fn a_plan_with_a_new_column_is_replaced_whole_and_stays_valid() {
    let dir = temp_dir("tracked-column");
    let text = std::fs::read_to_string(root().join("samples/solnechnogorsk-2023.json")).unwrap();
    let old: Value = serde_json::from_str(&text).unwrap();
    let mut new = old.clone();
    new["appendices"][0]["table"]["columns"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"key": "note", "title": "Примечание", "width": 10}));
    let (po, pn) = (dir.join("old.json"), dir.join("new.json"));
    std::fs::write(&po, &text).unwrap();
    std::fs::write(&pn, new.to_string()).unwrap();
    let out = dir.join("out");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    let r = prikaz(&["render", &s(&pn), "--changes-from", &s(&po), "-o", &s(&out), "--format", "docx"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let docx = out.join("new-изменения.docx");
    let xml = common::docx_part(&docx, "word/document.xml");
    // The old header rows are taken away: their properties keep the schema's order.
    assert!(xml.contains("<w:tblHeader/><w:del "), "a deleted header row");
    assert!(!xml.contains("<w:del w:id=\"1\" w:author=\"prikaz\" w:date=\"2023-08-28T00:00:00Z\"/><w:cantSplit/>"));
    if tool("openxml-audit") {
        let audit = Command::new("openxml-audit").arg(&docx).output().unwrap();
        let said = String::from_utf8_lossy(&audit.stdout).to_string() + &String::from_utf8_lossy(&audit.stderr);
        assert!(said.contains("Errors: 0"), "{said}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
