//! The batch job by running the binary: every school produced, a broken row named and the
//! rest produced, no temporary files left.

mod common;

use common::prikaz;

fn temp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("prikaz-batch-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn the_sample_batch_gives_every_school_a_docx_and_a_pdf() {
    let out = temp("ok");
    let run = prikaz(&[
        "batch",
        "samples/batch/municipal.json",
        "--schools",
        "samples/batch/schools.csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let names = files(&out);
    let schools =
        std::fs::read_to_string(common::root().join("samples/batch/schools.csv")).unwrap().lines().count() - 1;
    assert!(schools >= 30);
    assert_eq!(names.iter().filter(|n| n.ends_with(".docx")).count(), schools + 1, "{names:?}");
    assert_eq!(names.iter().filter(|n| n.ends_with(".pdf")).count(), schools + 1);
    assert!(names.contains(&"МБОУ СОШ № 7.pdf".to_owned()) && names.contains(&"Муниципальный приказ.pdf".to_owned()));
    let docx = std::fs::read(out.join("МБОУ СОШ № 7.docx")).unwrap();
    docx_rs::read_docx(&docx).expect("a valid DOCX");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut text).unwrap();
    assert!(text.contains("МБОУ СОШ №\u{a0}7"), "the school's own name is in its order");
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn a_broken_row_is_named_and_the_others_are_produced() {
    let dir = temp("broken");
    let csv = std::fs::read_to_string(common::root().join("samples/batch/schools.csv")).unwrap();
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    lines[3] = lines[3].replacen("2023-09-", "2023-02-3", 1); // row 4: an impossible date
    lines[5] = lines[5].replace("Заключение соглашений", "Несуществующее мероприятие");
    let broken_drop = lines[5].contains("Несуществующее");
    let schools = dir.join("schools.csv");
    std::fs::write(&schools, lines.join("\n") + "\n").unwrap();
    let out = dir.join("out");
    let run = prikaz(&[
        "batch",
        "samples/batch/municipal.json",
        "--schools",
        schools.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("строка 4") && stderr.contains("дата"), "{stderr}");
    if broken_drop {
        assert!(stderr.contains("строка 6") && stderr.contains("нечего исключать"), "{stderr}");
    }
    let produced = files(&out);
    let total = lines.len() - 1;
    let failed = if broken_drop { 2 } else { 1 };
    assert_eq!(produced.iter().filter(|n| n.ends_with(".pdf")).count(), total - failed + 1);
    assert!(produced.iter().all(|n| !n.ends_with(".tmp")), "{produced:?}");
    std::fs::remove_dir_all(&dir).ok();
}
