//! `import`: a plan kept in a spreadsheet or a Word document becomes an input file that
//! validates and renders with every cell's words in its cell: from a CSV as Russian Excel
//! saves it (Windows-1251, «;»), an .xlsx written by openpyxl, an order typed in Word
//! (python-docx), a DOCX LibreOffice saved, and every sample's own DOCX (render → import →
//! render).

mod common;

use common::{prikaz, root};

fn temp(name: &str) -> std::path::PathBuf {
    common::temp_dir(&format!("import-{name}"))
}

/// Imports `table`, checks the summary, renders the result and returns the IR text.
fn import_and_render(table: &std::path::Path, dir: &std::path::Path) -> String {
    let json = dir.join("plan.json");
    let run = prikaz(&["import", table.to_str().unwrap(), "-o", json.to_str().unwrap(), "--title", "План"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains("«Наименование мероприятия» — мероприятия"), "{stdout}");
    assert!(stdout.contains("мероприятий: 4, разделов: 2") && stdout.contains("нумерация автоматическая"), "{stdout}");
    assert!(prikaz(&["validate", json.to_str().unwrap()]).status.success());
    let ir = prikaz(&["render", json.to_str().unwrap(), "--emit", "ir"]);
    assert!(ir.status.success());
    // Again without --force: refused, the file kept.
    let again = prikaz(&["import", table.to_str().unwrap(), "-o", json.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    String::from_utf8_lossy(&ir.stdout).replace(['\u{a0}', '~'], " ")
}

fn assert_cells(ir: &str) {
    for cell in [
        "Издание приказа о внедрении целевой модели наставничества",
        "До 01.09.2024",
        "Октябрь 2024 г. – март 2025 г.",
        "Заместитель директора по УВР",
        "1. Нормативное обеспечение",
        "2. Кадровое обеспечение",
    ] {
        assert!(ir.contains(cell), "«{cell}» missing from:\n{ir}");
    }
}

#[test]
fn a_plan_in_an_excel_csv_imports_and_renders() {
    let dir = temp("csv");
    let text = std::fs::read_to_string(root().join("tests/fixtures/import/plan.csv")).unwrap();
    let csv = dir.join("план.csv");
    std::fs::write(&csv, encoding_rs::WINDOWS_1251.encode(&text.replace('\n', "\r\n")).0).unwrap();
    assert_cells(&import_and_render(&csv, &dir));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_plan_in_an_xlsx_written_by_openpyxl_imports_and_renders() {
    if !common::python_modules("openpyxl") {
        return;
    }
    let dir = temp("xlsx");
    let xlsx = common::plan_sheet(&dir, "план.xlsx", "csv_to_xlsx.py");
    assert_cells(&import_and_render(&xlsx, &dir));
    // A sheet that is not there is named with the ones that are.
    let run = prikaz(&["import", xlsx.to_str().unwrap(), "-o", dir.join("x.json").to_str().unwrap(), "--sheet", "2"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("листа «2» нет; листы книги: «"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_old_word_file_is_refused_with_what_to_do() {
    let run = prikaz(&["import", "plan.doc", "-o", "/tmp/never.json"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("сохраните как .docx"));
}

/// An order made by hand in Word (python-docx writes what Word does: typed numbers,
/// `vMerge`, `gridSpan`, an even `tblGrid` under the cells' own widths, typed dashes).
#[test]
fn an_order_typed_in_word_imports_with_its_table_structure() {
    if !common::python_modules("docx") {
        return;
    }
    let dir = temp("word");
    let docx = dir.join("приказ.docx");
    let made =
        std::process::Command::new("python3").arg(root().join("tests/excel/word_plan.py")).arg(&docx).output().unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let json = dir.join("приказ.json");
    let run = prikaz(&["import", docx.to_str().unwrap(), "-o", json.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains("нумерация автоматическая (1, 1.1, 1.1.1)"), "{stdout}");
    assert!(stdout.contains("сроков распознано как даты: 7 из 8"), "{stdout}");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let order = &v["order"];
    assert_eq!((order["date"].as_str(), order["number"].as_str()), (Some("2024-09-02"), Some("118")));
    assert_eq!(order["body"]["points"].as_array().unwrap().len(), 2);
    assert_eq!(order["body"]["signatory"]["person"], "А.Б. Смирнова");
    assert_eq!(v["blank"]["organization"]["short_name"], "МБОУ «СШ № 7»");
    let a = &v["appendices"][0];
    assert_eq!(a["period"]["school_year"], 2024);
    let t = &a["table"];
    let titles: Vec<&str> = t["columns"].as_array().unwrap().iter().map(|c| c["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["№ п/п", "Мероприятие", "Начало", "Окончание", "Ответственный"]);
    assert_eq!(t["columns"][2]["group"], "Срок");
    // The cells' own widths (1.5 cm for №, 7 cm for the activity), not python-docx's even grid.
    let w = |i: usize| t["columns"][i]["width"].as_f64().unwrap();
    assert!((w(1) / w(0) - 7.0 / 1.5).abs() < 0.01, "{} {}", w(0), w(1));
    let s0 = &t["sections"][0];
    assert_eq!(s0["title"], "Организационная работа");
    assert_eq!(s0["items"][0]["values"]["deadline"]["deadline"]["until"], "2024-09-02");
    assert_eq!(s0["items"][1]["values"]["responsible"]["span"]["rows"], 2);
    // A dash list: written as the format's default (no `marker`), or named.
    let list = &s0["items"][2]["values"]["activity"][1]["list"];
    assert!(list["items"].is_array() && list["marker"].as_str().unwrap_or("dash") == "dash", "{list}");
    assert_eq!(t["sections"][1]["items"][1]["values"]["deadline"]["deadline"]["yearly"]["month"], 5);
    assert_eq!(t["sections"][1]["items"][0]["values"]["deadline"], "В течение года");
    let out = dir.join("out");
    let run = prikaz(&["render", json.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let cells = table_cells(&out.join("приказ.docx"));
    let words: Vec<&str> = cells.iter().flat_map(|r| r.iter().map(|c| c.3.as_str())).collect();
    for w in ["1.1. | Издание приказа о наставничестве", "| 1. Организационная работа |", "2.2. | Итоговая конференция"]
    {
        assert!(words.join(" | ").contains(w), "«{w}» in {words:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// LibreOffice rewrites numbering, styles and widths its own way; the import reads the
/// DOCX it saves from an ODT (made from ours) back to the same table as ours.
#[test]
fn a_docx_saved_by_libreoffice_imports_like_ours() {
    if !common::tool("soffice") {
        return;
    }
    let dir = temp("lo");
    let first = dir.join("first");
    let saved = dir.join("saved");
    for sample in ["solnechnogorsk-2023", "stages-2024", "dubna-2021"] {
        assert!(prikaz(&["render", &format!("samples/{sample}.json"), "-o", first.to_str().unwrap()]).status.success());
    }
    let docs: Vec<String> = ["solnechnogorsk-2023", "stages-2024", "dubna-2021"]
        .iter()
        .map(|s| first.join(format!("{s}.docx")).to_string_lossy().into_owned())
        .collect();
    // Ours → ODT → DOCX, both by LibreOffice: nothing of our DOCX is left but what LibreOffice kept.
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let convert = |to: &str, out: &std::path::Path, files: &[String]| {
        let run = std::process::Command::new("soffice")
            .args([profile.as_str(), "--headless", "--convert-to", to, "--outdir"])
            .arg(out)
            .args(files)
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    };
    let odt = dir.join("odt");
    convert("odt", &odt, &docs);
    let odts: Vec<String> = ["solnechnogorsk-2023", "stages-2024", "dubna-2021"]
        .iter()
        .map(|s| odt.join(format!("{s}.odt")).to_string_lossy().into_owned())
        .collect();
    convert("docx:MS Word 2007 XML", &saved, &odts);
    for sample in ["solnechnogorsk-2023", "stages-2024", "dubna-2021"] {
        let lo = saved.join(format!("{sample}.docx"));
        assert_ne!(std::fs::read(&lo).unwrap(), std::fs::read(first.join(format!("{sample}.docx"))).unwrap());
        let json = dir.join(format!("{sample}.json"));
        let run = prikaz(&["import", lo.to_str().unwrap(), "-o", json.to_str().unwrap()]);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        let again = dir.join("again");
        assert!(prikaz(&["render", json.to_str().unwrap(), "-o", again.to_str().unwrap()]).status.success());
        assert_eq!(
            table_cells(&first.join(format!("{sample}.docx"))),
            table_cells(&again.join(format!("{sample}.docx"))),
            "{sample}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The roadmap tables of a DOCX as rows of cells: where each starts, how far it reaches,
/// and its words (Word's numbers included).
fn table_cells(docx: &std::path::Path) -> Vec<Vec<(usize, usize, usize, String)>> {
    use prikaz::import::docx::{read, Block};
    let mut out = Vec::new();
    for b in read(docx).unwrap() {
        let Block::Table(g) = b.block else { continue };
        if !prikaz::import::is_roadmap(&g) {
            continue;
        }
        for r in &g.rows {
            out.push(
                r.cells
                    .iter()
                    .map(|c| {
                        let words: Vec<String> = c
                            .paras
                            .iter()
                            .flat_map(|p| p.label.iter().chain(std::iter::once(&p.text)))
                            .flat_map(|t| t.split_whitespace().map(str::to_owned))
                            .collect();
                        (c.col, c.colspan, c.rowspan, words.join(" "))
                    })
                    .collect(),
            );
        }
    }
    out
}

/// Render → import the DOCX → render again, for every sample: the same words in the same
/// table cells (merges and Word's numbers included), and the same page count.
#[test]
fn every_sample_survives_render_import_render() {
    let dir = temp("roundtrip");
    let mut failures = Vec::new();
    for sample in common::json_files("samples") {
        let name = std::path::Path::new(&sample).file_stem().unwrap().to_string_lossy().into_owned();
        let first = dir.join("first");
        let second = dir.join("second");
        assert!(prikaz(&["render", &sample, "-o", first.to_str().unwrap()]).status.success(), "{sample}");
        let docx = first.join(format!("{name}.docx"));
        let json = dir.join(format!("{name}.json"));
        let run = prikaz(&["import", docx.to_str().unwrap(), "-o", json.to_str().unwrap(), "--force"]);
        if !run.status.success() {
            failures.push(format!("{name}: import failed: {}", String::from_utf8_lossy(&run.stderr)));
            continue;
        }
        let run = prikaz(&["render", json.to_str().unwrap(), "-o", second.to_str().unwrap()]);
        if !run.status.success() {
            failures.push(format!("{name}: render of the import failed: {}", String::from_utf8_lossy(&run.stderr)));
            continue;
        }
        let (a, b) = (table_cells(&docx), table_cells(&second.join(format!("{name}.docx"))));
        if a != b {
            let row = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            failures.push(format!(
                "{name}: table cells differ ({} rows vs {}), first at row {row}:\n  {:?}\n  {:?}",
                a.len(),
                b.len(),
                a.get(row),
                b.get(row)
            ));
        }
        let pages = |d: &std::path::Path| {
            common::checks::pdf_pages(&std::fs::read(d.join(format!("{name}.pdf"))).unwrap()).unwrap()
        };
        if pages(&first) != pages(&second) {
            failures.push(format!("{name}: {} pages, after import {}", pages(&first), pages(&second)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    std::fs::remove_dir_all(&dir).ok();
}

/// `--into`: the rows of a spreadsheet replace a roadmap appendix's rows; the file's text
/// outside that table stays byte for byte, the old version is kept as .bak, and a wrong
/// appendix or a document without a plan is refused with the file untouched.
#[test]
fn rows_from_a_spreadsheet_go_into_an_existing_document() {
    let dir = temp("into");
    let doc = dir.join("приказ.json");
    let original = std::fs::read_to_string(root().join("samples/solnechnogorsk-2023.json")).unwrap();
    std::fs::write(&doc, &original).unwrap();
    let csv = root().join("tests/fixtures/import/plan.csv");
    let (csv, doc_s) = (csv.to_str().unwrap(), doc.to_str().unwrap());

    let wrong = prikaz(&["import", csv, "--into", doc_s, "--appendix", "7"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("нет приложения «7»; приложения с таблицей плана: 1 («plan»)")
    );
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), original);

    let run = prikaz(&["import", csv, "--into", doc_s, "--appendix", "plan"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains("столбец «Срок» → «Сроки»"), "{stdout}");
    assert!(stdout.contains("«Участники мероприятия (организация)» останется пустым"), "{stdout}");
    assert_eq!(std::fs::read_to_string(dir.join("приказ.json.bak")).unwrap(), original);
    let merged = std::fs::read_to_string(&doc).unwrap();
    // Everything before the table's columns and after its rows is the author's text.
    let head = original.find("\"columns\"").unwrap();
    assert_eq!(merged[..head], original[..head]);
    let tail = original.len() - original.rfind("\n  ]\n}").unwrap();
    assert_eq!(merged[merged.len() - tail..], original[original.len() - tail..]);
    let ir = String::from_utf8_lossy(&prikaz(&["render", doc_s, "--emit", "ir"]).stdout).replace('~', " ");
    assert!(ir.contains("Издание приказа о внедрении целевой модели наставничества"), "{ir}");
    assert!(ir.contains("Наименование групп мероприятий и мероприятия"), "the appendix keeps its columns");
    assert!(!ir.contains("Подготовка и утверждение документов, регламентирующих"), "the old rows are gone");

    let none = prikaz(&["import", csv, "--into", "samples/kindergarten-2024.json"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("нет приложения с таблицей плана"));
    std::fs::remove_dir_all(&dir).ok();
}

/// A hostile DOCX never panics, hangs or eats the memory: elements nested 10 000 deep, a
/// cell spanning a billion columns, a list starting at i64::MAX in Roman numerals, a file
/// that is not a zip. Each gives an answer (an error or a document) in Russian.
#[test]
fn hostile_word_files_are_answered_not_crashed() {
    use std::io::Write;
    let dir = temp("hostile");
    let docx = |name: &str, document: &str, numbering: Option<&str>| {
        let path = dir.join(name);
        let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("word/document.xml", o).unwrap();
        z.write_all(document.as_bytes()).unwrap();
        if let Some(n) = numbering {
            z.start_file("word/numbering.xml", o).unwrap();
            z.write_all(n.as_bytes()).unwrap();
        }
        z.finish().unwrap();
        path
    };
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let deep = format!(
        "<w:document {w}><w:body>{}{}</w:body></w:document>",
        "<w:sdt>".repeat(10_000),
        "</w:sdt>".repeat(10_000)
    );
    let wide = format!(
        "<w:document {w}><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"999999999\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"
    );
    let roman_doc = format!(
        "<w:document {w}><w:body><w:p><w:r><w:t>ПРИКАЗ</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"
    );
    let roman_num = format!(
        "<w:numbering {w}><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"9223372036854775807\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    );
    let cases = [
        docx("deep.docx", &deep, None),
        docx("wide.docx", &wide, None),
        docx("roman.docx", &roman_doc, Some(&roman_num)),
    ];
    let not_zip = dir.join("text.docx");
    std::fs::write(&not_zip, "это не документ").unwrap();
    for path in cases.iter().chain([&not_zip]) {
        let out = dir.join("out.json");
        let run = prikaz(&["import", path.to_str().unwrap(), "-o", out.to_str().unwrap(), "--force"]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(matches!(run.status.code(), Some(0 | 1)), "{}: {err}", path.display());
        assert!(!err.contains("panicked"), "{}: {err}", path.display());
        if run.status.code() == Some(1) {
            assert!(err.contains("ошибка:"), "{}: {err}", path.display());
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// An order typed by hand (tests/excel/hand_order.py): the бланк in a layout table, its
/// address and phone typed with Shift+Enter, acquaintance lines typed with underscores in
/// three ways, a mark without an issuer. Nothing of it is dropped without a word: the
/// organisation, address, phone and all four people come through, the mark prints as
/// typed, and an addressee in the бланк's right cell (which the format cannot hold) is
/// named in the summary.
#[test]
fn an_order_typed_by_hand_keeps_its_blank_and_acquaintance_list() {
    if !common::python_modules("docx") {
        return;
    }
    let dir = temp("hand");
    for addressee in ["", "Директору МКУ «Центр образования»"] {
        let docx = dir.join("приказ.docx");
        let made = std::process::Command::new("python3")
            .arg(root().join("tests/excel/hand_order.py"))
            .arg(&docx)
            .arg(addressee)
            .output()
            .unwrap();
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
        let json = dir.join("приказ.json");
        let run = prikaz(&["import", docx.to_str().unwrap(), "-o", json.to_str().unwrap(), "--force"]);
        let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
        assert!(run.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&run.stderr));
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        let blank = &doc["blank"];
        assert_eq!(
            blank["organization"]["full_name"],
            "Муниципальное бюджетное общеобразовательное учреждение\n«Средняя школа № 5»",
            "{blank}"
        );
        assert_eq!(blank["address"], "156000, г. Кострома, ул. Ленина, д. 10");
        assert_eq!(blank["phone"], "8 (4942) 31-22-33");
        assert_eq!(
            doc["order"]["body"]["acquaintance"]["people"],
            serde_json::json!(["Смирнова Е.А.", "Кузнецов П.В.", "Орлова Т.М.", "Белова Н.С."])
        );
        assert_eq!(
            stdout.contains("не перенесено: правая ячейка бланка «Директору"),
            !addressee.is_empty(),
            "{stdout}"
        );
        // The position typed before a name has no place in the list: named, not dropped;
        // the plan's title typed flush left is its title.
        assert!(stdout.contains("«учитель ____________ Белова Н.С.»: «учитель»"), "{stdout}");
        assert_eq!(doc["appendices"][0]["title"], "План мероприятий");
        let pdf = dir.join("pdf");
        assert!(prikaz(&["render", json.to_str().unwrap(), "-o", pdf.to_str().unwrap()]).status.success());
        let text =
            common::checks::docx_text(&std::fs::read(pdf.join("приказ.docx")).unwrap()).unwrap().replace('\u{a0}', " ");
        assert!(text.contains("к приказу от 30.08.2024 № 98-о"), "the mark as typed, no issuer invented");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Words as the import's net compares them: runs of two letters or more, lower case, «ё»
/// as «е»; each with whether a dot cuts it short (an abbreviation).
fn words_of(text: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && chars[i].is_alphabetic() {
            i += 1;
        }
        if i - start >= 2 {
            let w: String = chars[start..i].iter().collect();
            out.push((w.to_lowercase().replace('ё', "е"), chars.get(i) == Some(&'.')));
        }
        i += 1;
    }
    out
}

/// A plan whose cell holds a character a DOCX cannot (copied from a PDF): the check of
/// the result points at the spreadsheet's row and column — for `import -o` and for
/// `import --into` alike — and never at a line of a file that was not written.
#[test]
fn a_bad_cell_is_reported_at_its_row_and_column_of_the_source() {
    let dir = temp("bad-cell");
    let csv = dir.join("план.csv");
    std::fs::write(
        &csv,
        "№;Мероприятие;Срок\n1;Совещание\u{1} наставников;Сентябрь 2024 г.\n2;Семинар;Октябрь 2024 г.\n",
    )
    .unwrap();
    let json = dir.join("план.json");
    let run = prikaz(&["import", csv.to_str().unwrap(), "-o", json.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("план.csv: строка 2, столбец B («Мероприятие»)"), "{stderr}");
    assert!(!stderr.contains("план.json:"), "no line of the unwritten file: {stderr}");
    assert!(!json.exists());

    let doc = dir.join("приказ.json");
    std::fs::copy(root().join("samples/novocherkassk-2020.json"), &doc).unwrap();
    let before = std::fs::read(&doc).unwrap();
    let run = prikaz(&["import", csv.to_str().unwrap(), "--into", doc.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("план.csv: строка 2, столбец B («Мероприятие»)"), "{stderr}");
    assert!(!stderr.contains("приказ.json:1"), "no line of the text that was not written: {stderr}");
    assert_eq!(std::fs::read(&doc).unwrap(), before, "the document is left as it was");
    std::fs::remove_dir_all(&dir).ok();
}

/// The text of a DOCX's body, a paragraph per line (text boxes included).
fn body_text(docx: &std::path::Path) -> String {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut out, mut in_text) = (String::new(), false);
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => {
                in_text = e.name().as_ref() == b"w:t";
                if e.name().as_ref() == b"w:p" {
                    out.push('\n');
                }
            }
            Event::End(e) => {
                in_text = false;
                if e.name().as_ref() == b"w:p" {
                    out.push('\n');
                }
            }
            Event::Empty(e) if matches!(e.name().as_ref(), b"w:tab" | b"w:br") => out.push(' '),
            Event::Text(t) if in_text => out.push_str(&t.decode().unwrap().replace('\u{ad}', "")),
            _ => {}
        }
    }
    out
}

/// Fifteen orders and plans typed by hand in fifteen ways (tests/excel/hand_variants.py): each
/// imports, renders, and every word of its source is in the result — the input file, what
/// it prints (a date's month, a mark's wording), or the summary naming what was left out;
/// an abbreviation may be spelled out («тел.» → «Телефон»). What no field holds is kept in
/// `unplaced`, and `validate` points at it.
#[test]
fn every_word_of_fifteen_hand_typed_documents_reaches_the_result_or_the_summary() {
    if !common::python_modules("docx") {
        return;
    }
    let dir = temp("variants");
    let made = std::process::Command::new("python3")
        .arg(root().join("tests/excel/hand_variants.py"))
        .arg(&dir)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    for n in 1..=15 {
        let docx = dir.join(format!("v{n:02}.docx"));
        let json = dir.join(format!("v{n:02}.json"));
        let run = prikaz(&["import", docx.to_str().unwrap(), "-o", json.to_str().unwrap(), "--force"]);
        let summary = String::from_utf8_lossy(&run.stdout).into_owned();
        assert!(run.status.success(), "v{n:02}: {summary}\n{}", String::from_utf8_lossy(&run.stderr));
        let text = std::fs::read_to_string(&json).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let out = dir.join(format!("v{n:02}-out"));
        let render = prikaz(&["render", json.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "docx"]);
        assert!(render.status.success(), "v{n:02}: {}", String::from_utf8_lossy(&render.stderr));
        let printed = body_text(&out.join(format!("v{n:02}.docx")));
        let mut known: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        for t in [&text, &summary, &printed] {
            known.extend(words_of(t).into_iter().map(|(w, _)| w));
        }
        let source = body_text(&docx);
        let lost: Vec<String> = words_of(&source)
            .into_iter()
            .filter(|(w, abbreviation)| {
                !(known.contains(w)
                    || *abbreviation && known.range(w.clone()..).next().is_some_and(|k| k.starts_with(w.as_str())))
            })
            .map(|(w, _)| w)
            .collect();
        assert!(lost.is_empty(), "v{n:02}: words lost without a word: {lost:?}\n{summary}");
        // What each variant is about was recognised, not only kept aside.
        let unplaced = doc["unplaced"].to_string();
        let body = &doc["order"]["body"];
        match n {
            1 => {
                assert_eq!(body["points"].as_array().map(Vec::len), Some(3));
                assert_eq!(body["acquaintance"]["people"], serde_json::json!(["Волкова И.П.", "Сорокин Д.Л."]));
                assert_eq!(doc["style"]["title"]["bold"], true, "the bold title kept as style: {summary}");
                // python-docx's Normal is 11 pt: kept, and said.
                assert_eq!(doc["style"]["body_size_pt"], 11.0, "{summary}");
                // «от 02.09.2024» as typed: a pattern, the date still data.
                assert_eq!(doc["order"]["date_pattern"], "от {ДД}.{ММ}.{ГГГГ}");
                assert_eq!(doc["order"]["date"], "2024-09-02");
            }
            2 => {
                assert_eq!(doc["order"]["date_line"], "spread");
                assert_eq!(body["signatory"]["person"], "А.С. Гончаров");
                assert!(doc["blank"].get("layout").is_none(), "a бланк in a table's left cell is a corner бланк");
            }
            3 => {
                assert_eq!(doc["order"]["title"], "Об организации наставничества в 2024/2025 учебном году");
                assert!(summary.contains("не заполнены"), "{summary}");
            }
            4 => assert_eq!(body["points"][1]["points"].as_array().map(Vec::len), Some(2), "{body}"),
            5 => assert_eq!(body["decree"]["placement"], "inline"),
            6 => {
                assert_eq!(doc["appendices"][0]["approvals"].as_array().map(Vec::len), Some(2));
                // «Приказ от … № …» under the УТВЕРЖДАЮ signature: the act that approves.
                let act = &doc["appendices"][0]["approvals"][1]["act"];
                assert_eq!((&act["date"], &act["number"]), (&"2024-09-02".into(), &"101-о".into()), "{act}");
                let items = &doc["appendices"][0]["table"]["sections"][0]["items"];
                assert_eq!(items[0]["number"], "1.1.", "typed numbers kept as typed");
            }
            7 => assert!(unplaced.contains("ПРОЕКТ для обсуждения"), "{unplaced}"),
            8 => {
                assert!(unplaced.contains("Исп.: Волкова И.П."), "{unplaced}");
                assert_eq!(body["signatory"]["person"], "А.С. Гончаров");
            }
            9 => assert!(unplaced.contains("Сроки мероприятий уточняются"), "{unplaced}"),
            10 => assert_eq!(doc["appendices"].as_array().map(Vec::len), Some(2)),
            11 => {
                assert_eq!(doc["order"]["number"], "101-о");
                assert_eq!(doc["order"]["title"], "Об организации наставничества в 2024/2025 учебном году");
                assert_eq!(doc["appendices"][0]["approvals"][0]["person"], "А.С. Гончаров");
            }
            12 => {
                assert_eq!(body["signatory"]["person"], "О.В. Иванова", "{body}");
                // «ПРИКАЗЫВАЮ:» is the decree (the format's default word, so not written), not
                // text of the preamble, a point or the unplaced list.
                assert_eq!(body["decree"]["word"].as_str().unwrap_or("ПРИКАЗЫВАЮ"), "ПРИКАЗЫВАЮ", "{body}");
                assert!(!doc.to_string().contains("ПРИКАЗЫВАЮ:"), "{doc}");
                assert_eq!(body["markers"], "dashes");
                assert_eq!(body["points"].as_array().map(Vec::len), Some(2), "{body}");
                assert!(body["points"][0]["text"].as_str().unwrap().contains("\nОтветственный: старший"), "{body}");
                assert_eq!(body["acquaintance"]["people"], serde_json::json!(["Кузнецова Е.В.", "Смирнова А.П."]));
                assert!(
                    unplaced.contains("Приложение: на 2 л.") && unplaced.contains("для служебного пользования"),
                    "{unplaced}"
                );
            }
            13 => {
                assert_eq!(doc["order"]["number"], "245");
                assert_eq!(doc["blank"]["parents"][0], "АДМИНИСТРАЦИЯ ГОРОДА ЭНСКА", "{}", doc["blank"]);
                assert_eq!(body["points"].as_array().map(Vec::len), Some(2), "{body}");
                assert_eq!(doc["appendices"][0]["kind"], "list");
                assert_eq!(doc["appendices"][0]["items"][0], "Соболев Г.П. — начальник управления");
            }
            15 => {
                assert_eq!(doc["order"]["title"], "Об организации наставничества в 2024/2025 учебном году");
                assert_eq!(
                    (&doc["order"]["date"], &doc["order"]["date_pattern"]),
                    (&"2024-09-02".into(), &"{ДД}.{ММ}.{ГГ}".into())
                );
                assert!(summary.contains("«по основной деятельности» не перенесена"), "{summary}");
            }
            _ => {
                let mark = &doc["appendices"][0]["mark"];
                assert_eq!(
                    (&mark["style"], &mark["number"], &mark["approved_form"]),
                    (&"approved".into(), &"156".into(), &"neuter".into())
                );
                assert!(unplaced.contains("К.С. Орлов"), "the plan's signature has no field: {unplaced}");
            }
        }
        if doc.get("unplaced").is_some() {
            let check = prikaz(&["validate", json.to_str().unwrap()]);
            assert!(
                String::from_utf8_lossy(&check.stderr).contains("не размещён и не печатается"),
                "v{n:02}: validate names what is unplaced"
            );
        } else {
            assert!(!summary.contains("unplaced"), "v{n:02}: {summary}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A plan kept in Excel with its section titles typed in the «№» column (the row merged
/// across or not: a spreadsheet reader sees one filled cell either way): each is a section,
/// and a row with only its number filled is still an activity's row, not a section.
#[test]
fn section_titles_in_the_number_column_of_a_sheet_are_sections() {
    let row = |n: usize, cells: &[&str]| (n, cells.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    let rows = vec![
        row(1, &["№", "Мероприятие", "Срок"]),
        row(2, &["Раздел 1. Нормативное обеспечение", "", ""]),
        row(3, &["1.1", "Издание приказа", "Сентябрь 2024 г."]),
        row(4, &["1.2", "Положение о наставничестве", "Октябрь 2024 г."]),
        row(5, &["II. Кадровое обеспечение"]),
        row(6, &["2.1", "Формирование базы наставников", "В течение года"]),
    ];
    let imported = prikaz::import::from_rows(&rows, "План").unwrap();
    let table = imported.document.appendices[0].table.as_ref().unwrap();
    let titles: Vec<&str> = table.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{table:?}");
    assert!(titles[0].contains("Нормативное обеспечение") && titles[1].contains("Кадровое обеспечение"), "{titles:?}");
    assert_eq!(table.sections[0].items.len(), 2, "{table:?}");
}
