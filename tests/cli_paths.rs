//! The command-line paths no other test walked end to end: `--font-dir` and
//! `--embed-fonts` from the command line, `init --kind` for every kind, and
//! `import --into` from an .xlsx and an .ods (written by openpyxl and as Calc stores one).

mod common;

use common::{prikaz, root, temp_dir, tool};
use std::path::Path;

fn ok(args: &[&str]) -> String {
    let out = prikaz(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder of DejaVu Serif named as `--font-dir` expects: the PDF then carries DejaVu,
/// not the bundled Liberation Serif.
#[test]
fn font_dir_from_the_command_line_sets_the_pdf_in_those_fonts() {
    let system = Path::new("/usr/share/fonts/truetype/dejavu");
    if !system.join("DejaVuSerif.ttf").exists() || !tool("pdffonts") {
        assert!(std::env::var_os("CI").is_none(), "CI installs fonts-dejavu-core and poppler-utils");
        eprintln!("SKIPPED: DejaVu Serif (fonts-dejavu-core) or pdffonts is not installed");
        return;
    }
    let dir = temp_dir("font-dir");
    let fonts = dir.join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    for (from, to) in [
        ("DejaVuSerif.ttf", "DejaVuSerif-Regular.ttf"),
        ("DejaVuSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"),
        ("DejaVuSerif-Italic.ttf", "DejaVuSerif-Italic.ttf"),
        ("DejaVuSerif-BoldItalic.ttf", "DejaVuSerif-BoldItalic.ttf"),
    ] {
        if !system.join(from).exists() {
            eprintln!("SKIPPED: {from} is not installed");
            return;
        }
        std::fs::copy(system.join(from), fonts.join(to)).unwrap();
    }
    let out = dir.join("out");
    ok(&[
        "render",
        "samples/dubna-2021.json",
        "--font-dir",
        fonts.to_str().unwrap(),
        "--format",
        "pdf",
        "-o",
        out.to_str().unwrap(),
    ]);
    let listed = std::process::Command::new("pdffonts").arg(out.join("dubna-2021.pdf")).output().unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains("DejaVuSerif"), "{listed}");
    assert!(!listed.contains("LiberationSerif"), "{listed}");
    // A folder without the four faces is refused, named.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let bad = prikaz(&[
        "render",
        "samples/dubna-2021.json",
        "--font-dir",
        empty.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_ne!(bad.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&bad.stderr).contains(&empty.display().to_string()));
    std::fs::remove_dir_all(&dir).ok();
}

/// `--embed-fonts` puts the four faces into the DOCX (obfuscated, as Word does) and names
/// them in its font table; without it the DOCX carries none.
#[test]
fn embed_fonts_from_the_command_line_puts_the_faces_into_the_docx() {
    let dir = temp_dir("embed-fonts");
    let parts = |args: &[&str], name: &str| -> (Vec<String>, String) {
        let out = dir.join(name);
        let mut all = vec!["render", "samples/dubna-2021.json", "--format", "docx", "-o", out.to_str().unwrap()];
        all.extend_from_slice(args);
        ok(&all);
        let file = std::fs::File::open(out.join("dubna-2021.docx")).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
        let mut table = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/fontTable.xml").unwrap(), &mut table).unwrap();
        (names, table)
    };
    let (names, table) = parts(&["--embed-fonts"], "with");
    let fonts: Vec<&String> = names.iter().filter(|n| n.starts_with("word/fonts/")).collect();
    assert_eq!(fonts.len(), 4, "{names:?}");
    for tag in ["w:embedRegular", "w:embedBold", "w:embedItalic", "w:embedBoldItalic"] {
        assert!(table.contains(tag), "{tag}: {table}");
    }
    let (names, table) = parts(&[], "without");
    assert!(!names.iter().any(|n| n.starts_with("word/fonts/")), "{names:?}");
    assert!(!table.contains("w:embedRegular"));
    std::fs::remove_dir_all(&dir).ok();
}

/// Every kind `init` offers makes a folder whose document is valid and renders.
#[test]
fn init_makes_a_valid_document_of_every_kind() {
    let dir = temp_dir("init-kinds");
    for kind in ["order", "school-plan", "kindergarten", "polozhenie", "esign-qr", "stage-plan"] {
        let folder = dir.join(kind);
        ok(&["init", folder.to_str().unwrap(), "--kind", kind]);
        let docs: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.to_string_lossy().ends_with(".schema.json"))
            .collect();
        assert_eq!(docs.len(), 1, "{kind}: {docs:?}");
        ok(&["validate", "--strict", docs[0].to_str().unwrap()]);
        ok(&["render", docs[0].to_str().unwrap(), "-o", folder.join("out").to_str().unwrap()]);
        // The folder is not overwritten by a second init.
        assert_eq!(prikaz(&["init", folder.to_str().unwrap(), "--kind", kind]).status.code(), Some(1));
    }
    let unknown = prikaz(&["init", dir.join("x").to_str().unwrap(), "--kind", "gymnasium"]);
    assert_eq!(unknown.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

/// A plan kept in Excel (.xlsx by openpyxl) and in LibreOffice Calc (an .ods as Calc stores
/// one: `tests/excel/csv_to_ods.py`; the test machine has LibreOffice Writer, not Calc)
/// replaces the rows of an existing document's plan.
#[test]
fn import_into_an_existing_document_from_xlsx_and_ods() {
    if !common::python_modules("openpyxl") {
        return;
    }
    let dir = temp_dir("into-sheets");
    let xlsx = common::plan_sheet(&dir, "план.xlsx", "csv_to_xlsx.py");
    let ods = common::plan_sheet(&dir, "план.ods", "csv_to_ods.py");
    let sheets = [xlsx, ods];
    for sheet in &sheets {
        let doc = dir.join("приказ.json");
        std::fs::copy(root().join("samples/solnechnogorsk-2023.json"), &doc).unwrap();
        let said = ok(&["import", sheet.to_str().unwrap(), "--into", doc.to_str().unwrap(), "--appendix", "plan"]);
        assert!(said.contains("столбец «Срок» → «Сроки»"), "{}: {said}", sheet.display());
        let ir = ok(&["render", doc.to_str().unwrap(), "--emit", "ir"]).replace('~', " ");
        assert!(ir.contains("Издание приказа о внедрении целевой модели наставничества"), "{}", sheet.display());
        assert!(!ir.contains("Подготовка и утверждение документов, регламентирующих"), "the old rows are gone");
        std::fs::remove_file(dir.join("приказ.json.bak")).ok();
    }
    std::fs::remove_dir_all(&dir).ok();
}
