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
    // Named by the list's field the value came from, not by a path in a file no one has.
    assert!(stderr.contains("поле «order_date»: ") && !stderr.contains("(order.date)"), "{stderr}");
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

/// The sample list as Russian Excel saves a CSV: Windows-1251, «;», dates as ДД.ММ.ГГГГ.
fn excel_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let text: String = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| {
                    // Dates as Excel shows them.
                    let c = match c.split('-').collect::<Vec<_>>()[..] {
                        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}.{m}.{y}"),
                        _ => c.clone(),
                    };
                    if c.contains(';') || c.contains('"') {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c
                    }
                })
                .collect::<Vec<_>>()
                .join(";")
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    encoding_rs::WINDOWS_1251.encode(&text).0.into_owned()
}

fn sample_rows() -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(common::root().join("samples/batch/schools.csv")).unwrap();
    let mut rows = vec![r.headers().unwrap().iter().map(str::to_owned).collect::<Vec<_>>()];
    rows.extend(r.records().map(|x| x.unwrap().iter().map(str::to_owned).collect()));
    rows
}

fn run_batch(schools: &std::path::Path, out: &std::path::Path) -> (Option<i32>, String) {
    let run = prikaz(&[
        "batch",
        "samples/batch/municipal.json",
        "--schools",
        schools.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    (run.status.code(), String::from_utf8_lossy(&run.stderr).into_owned())
}

#[test]
fn a_list_saved_by_russian_excel_gives_every_school_and_a_short_row_fails_alone() {
    let dir = temp("excel-csv");
    let mut rows = sample_rows();
    let schools = rows.len() - 1;
    std::fs::write(dir.join("schools.csv"), excel_csv(&rows)).unwrap();
    let (code, stderr) = run_batch(&dir.join("schools.csv"), &dir.join("out"));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("Windows-1251") && stderr.contains("«;»"), "{stderr}");
    let pdfs = files(&dir.join("out")).iter().filter(|n| n.ends_with(".pdf")).count();
    assert_eq!(pdfs, schools + 1);
    // Row 4 loses its last two cells (address and drop): it alone fails, in Russian, by the
    // columns' names.
    let keep = rows[3].len() - 2;
    rows[3].truncate(keep);
    std::fs::write(dir.join("short.csv"), excel_csv(&rows)).unwrap();
    let (code, stderr) = run_batch(&dir.join("short.csv"), &dir.join("out2"));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("строка 4") && stderr.contains("нет значений для «address», «drop»"), "{stderr}");
    let pdfs = files(&dir.join("out2")).iter().filter(|n| n.ends_with(".pdf")).count();
    assert_eq!(pdfs, schools, "every other school and the municipal order");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_list_kept_in_excel_gives_every_school() {
    if !common::python_modules("openpyxl") {
        return;
    }
    let dir = temp("xlsx");
    let xlsx = dir.join("schools.xlsx");
    let made = std::process::Command::new("python3")
        .arg(common::root().join("tests/excel/csv_to_xlsx.py"))
        .arg(common::root().join("samples/batch/schools.csv"))
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let (code, stderr) = run_batch(&xlsx, &dir.join("out"));
    assert_eq!(code, Some(0), "{stderr}");
    let pdfs = files(&dir.join("out")).iter().filter(|n| n.ends_with(".pdf")).count();
    assert_eq!(pdfs, sample_rows().len() - 1 + 1);
    // The order date came through as a date: «02.09.2023» in the school's order.
    let doc = std::fs::read(dir.join("out").join("МБОУ СОШ № 3.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(doc)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut text).unwrap();
    assert!(text.contains("02.09.2023"), "the order's date from the sheet");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_placeholder_no_column_fills_is_named_once_before_any_school_is_built() {
    let dir = temp("placeholder");
    let batch = std::fs::read_to_string(common::root().join("samples/batch/municipal.json")).unwrap();
    let broken = batch.replacen("{{director}}", "{{headmaster}}", 1);
    assert_ne!(batch, broken, "the sample uses {{director}}");
    let line = broken[..broken.find("{{headmaster}}").unwrap()].matches('\n').count() + 1;
    let file = common::root().join("samples/batch").join(format!("broken-{}.json", std::process::id()));
    std::fs::write(&file, &broken).unwrap();
    let run = prikaz(&[
        "batch",
        file.to_str().unwrap(),
        "--schools",
        "samples/batch/schools.csv",
        "-o",
        dir.join("out").to_str().unwrap(),
    ]);
    std::fs::remove_file(&file).ok();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.matches("{{headmaster}}").count(), 1, "{stderr}");
    assert!(stderr.contains(&format!("строка {line}")) && stderr.contains("нет столбца «headmaster»"), "{stderr}");
    assert!(!dir.join("out").exists() || files(&dir.join("out")).is_empty(), "nothing built");
    std::fs::remove_dir_all(&dir).ok();
}

/// A school list as a methodologist keeps it (tests/excel/kept_list.py): a title and an
/// empty row above the header, her own words for the columns, «Директор» over «ФИО» and
/// «Телефон». The batch file maps her words to the placeholders; every school is built and
/// named by its short name, and the notes say which rows were taken for the header.
#[test]
fn a_list_as_people_keep_it_gives_every_school() {
    if !common::python_modules("openpyxl") {
        return;
    }
    let dir = temp("kept");
    let xlsx = dir.join("Список ОУ.xlsx");
    let made = std::process::Command::new("python3")
        .arg(common::root().join("tests/excel/kept_list.py"))
        .arg(common::root().join("samples/batch/schools.csv"))
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let mut batch: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::root().join("samples/batch/municipal.json")).unwrap())
            .unwrap();
    batch["columns"] = serde_json::json!({
        "Краткое наименование ОУ": "short_name",
        "полное наименование оу": "full_name",
        "Директор / ФИО": "director",
        "Куратор наставничества": "curator",
        "№ приказа ОУ": "order_number",
        "Дата приказа ОУ": "order_date",
        "Юридический адрес": "address",
        "Исключить мероприятия": "drop",
    });
    // The logo and other names in the batch file are found beside it: it stays in samples/.
    let file = common::root().join("samples/batch").join(format!("kept-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::to_string_pretty(&batch).unwrap()).unwrap();
    let out = dir.join("out");
    let run =
        prikaz(&["batch", file.to_str().unwrap(), "--schools", xlsx.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    std::fs::remove_file(&file).ok();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("заголовок в две строки (3 и 4)"), "{stderr}");
    assert!(stderr.contains("строки над ним пропущены: 1 («Список общеобразовательных"), "{stderr}");
    let names = files(&out);
    assert_eq!(names.iter().filter(|n| n.ends_with(".pdf")).count(), sample_rows().len() - 1 + 1, "{names:?}");
    assert!(names.contains(&"МБОУ СОШ № 3.docx".to_owned()), "named by the short name: {names:?}");
    // The director's name came from the lower header's «ФИО» under «Директор».
    let doc = std::fs::read(out.join("МБОУ СОШ № 3.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(doc)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut text).unwrap();
    // (the initials are bound to the surname with a no-break space, as typography wants).
    let director = sample_rows()[3][2].replace(' ', "\u{a0}");
    assert!(text.contains(&director), "{director} in the school's order");
    std::fs::remove_dir_all(&dir).ok();
}

/// A school list kept as JSON: the schools are built from it, and its mistakes are said in
/// Russian with their line and column (serde's English never reaches the user).
#[test]
fn a_json_school_list_is_read_and_its_mistakes_are_located_in_russian() {
    let dir = temp("json-list");
    let list = dir.join("schools.json");
    std::fs::write(
        &list,
        r#"{"schools": [{"fields": {"short_name": "МБОУ СОШ № 99",
            "full_name": "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 99»",
            "director": "А.А. Петрова", "curator": "И.Н. Кузнецова", "order_number": "12-ОД",
            "order_date": "2023-09-15", "address": "346400, г. Новочеркасск, ул. Школьная, 1"}}]}"#,
    )
    .unwrap();
    let out = dir.join("out");
    let run = |list: &std::path::Path| {
        prikaz(&[
            "batch",
            "samples/batch/municipal.json",
            "--schools",
            list.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
    };
    let ok = run(&list);
    let stderr = String::from_utf8_lossy(&ok.stderr);
    assert!(ok.status.success(), "{stderr}");
    assert!(files(&out).contains(&"МБОУ СОШ № 99.pdf".to_owned()), "{:?}", files(&out));
    for (text, expected) in [
        (
            r#"{"schools": [{"short_name": "x"}]}"#,
            "строка 1, столбец 26: неизвестное поле «short_name»; допустимо: «fields», «drop»",
        ),
        ("{\"schools\": [\n", "строка 2, столбец 1: файл обрывается"),
        (r#"{"schools": 5}"#, "неверный тип: целое число 5, а ожидается массив"),
    ] {
        std::fs::write(&list, text).unwrap();
        let bad = run(&list);
        let stderr = String::from_utf8_lossy(&bad.stderr);
        assert_eq!(bad.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(expected), "{text}: {stderr}");
        assert!(!stderr.contains("unknown field") && !stderr.contains("expected"), "{stderr}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
