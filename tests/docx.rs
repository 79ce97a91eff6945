//! DOCX output checked with real tools: a valid package, the schema validator
//! (openxml-audit), LibreOffice's rendering, the table read back, and byte-identical reruns.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{ir, json_files, root, tool};
use prikaz::writers::docx::write_docx;

fn docx(rel: &str) -> Vec<u8> {
    write_docx(&ir(rel), &Default::default()).expect("DOCX written")
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name).expect(name).read_to_string(&mut s).unwrap();
    s
}

fn out_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("prikaz-docx-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write_all_samples(dir: &Path) -> Vec<PathBuf> {
    json_files("samples")
        .iter()
        .map(|rel| {
            let stem = Path::new(rel).file_stem().unwrap().to_string_lossy().into_owned();
            let path = dir.join(format!("{stem}.docx"));
            std::fs::write(&path, docx(rel)).unwrap();
            path
        })
        .collect()
}

#[test]
fn every_sample_is_a_well_formed_package() {
    for rel in json_files("samples") {
        let bytes = docx(&rel);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            // Every part but the tiniest (under 512 bytes, where deflate saves little) and
            // pictures (PNG is compressed already) is deflated.
            if f.size() >= 512 && !f.name().ends_with(".png") {
                assert_eq!(f.compression(), zip::CompressionMethod::Deflated, "{rel}: {}", f.name());
            }
            if f.name().ends_with(".xml") || f.name().ends_with(".rels") {
                let mut s = String::new();
                f.read_to_string(&mut s).unwrap();
                let mut reader = quick_xml::Reader::from_str(&s);
                loop {
                    match reader.read_event() {
                        Ok(quick_xml::events::Event::Eof) => break,
                        Ok(_) => {}
                        Err(e) => panic!("{rel}: {} is not well-formed: {e}", f.name()),
                    }
                }
            }
        }
        let doc = part(&bytes, "word/document.xml");
        // Roadmap tables repeat their header rows (borderless layout tables, such as grifs
        // side by side, have none).
        let roadmap = std::fs::read_to_string(common::root().join(&rel)).unwrap().contains("\"roadmap\"");
        assert!(doc.contains("<w:tblHeader/>") || !roadmap, "{rel}: header rows repeat");
        assert!(doc.contains("w:lang w:val=\"ru-RU\""), "{rel}");
        assert!(!doc.contains("w14:paraId"), "{rel}");
        assert!(part(&bytes, "word/settings.xml").contains("<w:autoHyphenation/>"), "{rel}");
        assert!(part(&bytes, "word/styles.xml").contains("Times New Roman"), "{rel}");
    }
}

#[test]
fn two_renders_are_byte_identical_even_in_one_process() {
    let a = docx("samples/solnechnogorsk-2023.json");
    let _other = docx("samples/dubna-2021.json");
    let b = docx("samples/solnechnogorsk-2023.json");
    assert!(a == b, "the second build in one process differs");
    // The package time is the order's date, not the clock.
    assert!(part(&a, "docProps/core.xml").contains("2023-08-28T00:00:00Z"));
}

#[test]
fn the_table_reads_back_with_the_inputs_cell_texts() {
    let bytes = docx("samples/school-2023.json");
    let read = docx_rs::read_docx(&bytes).expect("docx-rs reads it back");
    let mut texts = Vec::new();
    for child in &read.document.children {
        if let docx_rs::DocumentChild::Table(t) = child {
            for row in &t.rows {
                let docx_rs::TableChild::TableRow(r) = row;
                for cell in &r.cells {
                    let docx_rs::TableRowChild::TableCell(c) = cell;
                    let mut s = String::new();
                    for p in &c.children {
                        if let docx_rs::TableCellContent::Paragraph(p) = p {
                            s.push_str(&p.raw_text());
                            s.push('\n');
                        }
                    }
                    texts.push(s);
                }
            }
        }
    }
    // Soft hyphens mark where Word may hyphenate; they are not text.
    let all = texts.join("|").replace('\u{a0}', " ").replace('\u{ad}', "");
    for needle in [
        "Формирование базы наставляемых из числа обучающихся, педагогов.",
        "Количество участников, охваченных системой наставничества не менее 55% от общего количества членов каждой Целевой группы",
        "Мин В.Ф.",
        "Декабрь 2023 г. – апрель 2024 г.",
        "Результаты реализации Целевой модели наставничества",
    ] {
        assert!(all.contains(needle), "missing «{needle}» in the table read back");
    }
    // The indicator spans two rows: the second row holds a merge continuation, not a copy.
    assert_eq!(all.matches("не менее 55%").count(), 1);
}

/// openxml-audit finds no error in these DOCX bytes (skipped locally when it is missing).
fn assert_audit_clean(bytes: &[u8], name: &str) {
    if !tool("openxml-audit") {
        return;
    }
    let dir = out_dir(name);
    let path = dir.join(format!("{name}.docx"));
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("openxml-audit").arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    std::fs::remove_dir_all(&dir).ok();
    assert!(text.contains("Errors: 0"), "{name}: {text}");
}

#[test]
fn openxml_audit_reports_no_errors() {
    if !tool("openxml-audit") {
        return;
    }
    let dir = out_dir("audit");
    for path in write_all_samples(&dir) {
        let out = Command::new("openxml-audit").arg(&path).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
        assert!(text.contains("Errors: 0"), "{}: {text}", path.display());
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn libreoffice_converts_every_sample_with_every_word_and_the_header_on_every_page() {
    if !tool("soffice") || !tool("pdftotext") {
        return;
    }
    let dir = out_dir("lo");
    let files = write_all_samples(&dir);
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .args(&files)
        .env("HOME", &dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    for (rel, docx_path) in json_files("samples").iter().zip(&files) {
        let pdf = docx_path.with_extension("pdf");
        assert!(pdf.exists(), "LibreOffice made no PDF for {rel}");
        let missing = common::missing_words(rel, &pdf);
        let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
        let text = String::from_utf8_lossy(&text.stdout).to_lowercase().replace('\u{a0}', " ");
        assert!(missing.is_empty(), "{rel}: words missing from LibreOffice's PDF: {missing:?}");
        // Every page of a roadmap after its first carries the repeated header row.
        let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect::<Vec<_>>();
        let first_table_page = pages.iter().position(|p| p.contains("срок"));
        let roadmap = std::fs::read_to_string(root().join(rel)).unwrap().contains("\"table\"");
        assert!(!roadmap || first_table_page.is_some(), "{rel}: no page carries the roadmap's header");
        if let Some(first) = first_table_page {
            for (i, p) in pages.iter().enumerate().skip(first) {
                if p.contains("приложение") && !p.contains("срок") {
                    break; // the next appendix (a list) starts here
                }
                assert!(p.contains("срок"), "{rel}: page {} has no repeated header", i + 1);
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn hostile_strings_still_give_a_valid_package() {
    let mut doc = ir("tests/fixtures/valid-minimal.json");
    let hostile = format!("\u{1}\u{b}\u{fffe} <b>&amp; </w:t> 😀 עברית e\u{301} {}", "Щ".repeat(10_000));
    if let prikaz::doc::Block::Paragraph(p) = &mut doc.sections[0].blocks[2] {
        p.inlines.push(prikaz::doc::Inline::Text(hostile, Default::default()));
    }
    let bytes = write_docx(&doc, &Default::default()).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{b}') && !xml.contains('\u{fffe}'));
    assert!(xml.contains("&lt;b&gt;&amp;amp; &lt;/w:t&gt; 😀"));
    assert_audit_clean(&bytes, "hostile");
}

#[test]
fn embedded_fonts_are_obfuscated_bundled_faces() {
    let doc = ir("samples/solnechnogorsk-2023.json");
    let plain = write_docx(&doc, &Default::default()).unwrap();
    let bytes =
        write_docx(&doc, &prikaz::writers::docx::DocxOptions { embed_fonts: true, ..Default::default() }).unwrap();
    eprintln!("DOCX size: {} bytes plain, {} bytes with fonts", plain.len(), bytes.len());
    let table = part(&bytes, "word/fontTable.xml");
    assert!(table.contains("w:name=\"Liberation Serif\"") && table.contains("w:embedBoldItalic"), "{table}");
    assert!(part(&bytes, "word/settings.xml").contains("<w:embedTrueTypeFonts/>"));
    assert!(part(&bytes, "word/styles.xml").contains("w:ascii=\"Liberation Serif\""));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut odttf = Vec::new();
    zip.by_name("word/fonts/prikaz-font1.odttf").unwrap().read_to_end(&mut odttf).unwrap();
    let regular = prikaz::fonts::bundled(prikaz::fonts::Face::Regular);
    assert_ne!(&odttf[..32], &regular[..32], "the first 32 bytes are obfuscated");
    assert_eq!(&odttf[32..], &regular[32..]);
    assert_audit_clean(&bytes, "embed");
}

#[test]
fn render_writes_the_docx_atomically_and_keeps_earlier_files_on_failure() {
    let dir = out_dir("atomic");
    let out = common::prikaz(&["render", "samples/dubna-2021.json", "-o", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let good = std::fs::read(dir.join("dubna-2021.docx")).unwrap();
    // A broken input fails before anything is written: the earlier file stays as it was.
    let bad = dir.join("dubna-2021.json");
    std::fs::write(&bad, "{\"order\": ").unwrap();
    let out = common::prikaz(&["render", bad.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.join("dubna-2021.docx")).unwrap(), good);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    // An output "folder" that is a file: a clear error, not a panic.
    let out = common::prikaz(&["render", "samples/dubna-2021.json", "-o", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ошибка:"));
    std::fs::remove_dir_all(&dir).ok();
}

/// The (target, source) of every relationship in the package, targets resolved to part names.
fn relationships(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let mut out = Vec::new();
    for name in names.iter().filter(|n| n.ends_with(".rels")) {
        // "word/_rels/document.xml.rels" is about "word/document.xml"; targets are relative to "word/".
        let (dir, file) = name.rsplit_once("_rels/").expect("a relationship part lives in _rels/");
        let source = format!("{dir}{}", file.trim_end_matches(".rels"));
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event().unwrap() {
                quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e) => {
                    let external = e.attributes().flatten().any(|a| a.key.as_ref() == b"TargetMode");
                    if let Some(t) = e.attributes().flatten().find(|a| a.key.as_ref() == b"Target") {
                        if !external {
                            let t = String::from_utf8_lossy(&t.value).into_owned();
                            let target = t.strip_prefix('/').map(str::to_owned).unwrap_or(format!("{dir}{t}"));
                            out.push((target, source.clone()));
                        }
                    }
                }
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
    }
    out
}

#[test]
fn every_part_is_referred_to_and_every_reference_has_its_part() {
    let embedded = prikaz::writers::docx::DocxOptions { embed_fonts: true, ..Default::default() };
    let with_fonts = ("with fonts".to_owned(), write_docx(&ir("samples/school-2023.json"), &embedded).unwrap());
    let packages = json_files("samples").into_iter().map(|rel| {
        let bytes = docx(&rel);
        (rel, bytes)
    });
    for (rel, bytes) in packages.chain([with_fonts]) {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
        let rels = relationships(&bytes);
        for name in &names {
            if name == "[Content_Types].xml" {
                continue;
            }
            if name.ends_with(".rels") {
                let (dir, file) = name.rsplit_once("_rels/").unwrap();
                let source = format!("{dir}{}", file.trim_end_matches(".rels"));
                assert!(source.is_empty() || names.contains(&source), "{rel}: {name} is about a missing part");
            } else {
                assert!(rels.iter().any(|(t, _)| t == name), "{rel}: nothing refers to {name}");
            }
        }
        for (target, source) in &rels {
            assert!(names.contains(target), "{rel}: {source} refers to the missing {target}");
        }
        let types = part(&bytes, "[Content_Types].xml");
        for over in types.split("PartName=\"/").skip(1) {
            let name = &over[..over.find('"').unwrap()];
            assert!(names.iter().any(|n| n == name), "{rel}: a content type for the missing {name}");
        }
    }
}

#[test]
fn the_blank_and_the_title_are_never_hyphenated_in_word_or_libreoffice() {
    let bytes = docx("samples/solnechnogorsk-2023.json");
    let styles = part(&bytes, "word/styles.xml");
    // The styles that switch hyphenation off: «Без переносов» and the roles' own («Бланк»,
    // «Заголовок к тексту» …).
    let whole: Vec<String> = styles
        .split("<w:style ")
        .filter(|s| s.contains("<w:suppressAutoHyphens/>"))
        .filter_map(|s| s.split("w:styleId=\"").nth(1).and_then(|r| r.split('"').next()).map(str::to_owned))
        .collect();
    assert!(whole.iter().any(|id| id == prikaz::writers::docx::NO_HYPHENS_STYLE), "{whole:?}");
    // The text of each body paragraph that takes one of them (no-break spaces as spaces).
    let read = docx_rs::read_docx(&bytes).expect("docx-rs reads it back");
    let marked: Vec<String> = read
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            docx_rs::DocumentChild::Paragraph(p)
                if p.property.style.as_ref().is_some_and(|s| whole.contains(&s.val)) =>
            {
                Some(p.raw_text().replace('\u{a0}', " "))
            }
            _ => None,
        })
        .collect();
    let has = |words: &str| marked.iter().any(|p| p.contains(words));
    // The бланк, the title and the appendix's heading carry the style; the preamble does not.
    assert!(has("Муниципальное казённое учреждение") && has("Об утверждении Плана мероприятий"), "{marked:?}");
    assert!(has("План мероприятий (дорожная карта)"), "{marked:?}");
    assert!(!has("В целях реализации федерального проекта"), "{marked:?}");
}

/// The body paragraphs with text of a `document.xml`, each as its XML.
fn text_paragraphs(doc: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find("<w:p>").into_iter().chain(rest.find("<w:p ")).min() {
        let Some(len) = rest[start..].find("</w:p>") else { break };
        let p = &rest[start..start + len];
        if p.contains("<w:t") {
            out.push(p);
        }
        rest = &rest[start + len + 6..];
    }
    out
}

#[test]
fn every_paragraph_takes_a_named_style_and_states_little_else() {
    for rel in json_files("samples") {
        let bytes = docx(&rel);
        let styles = part(&bytes, "word/styles.xml");
        assert!(styles.contains("w:default=\"1\" w:styleId=\"Normal\""), "{rel}: Normal is not the default");
        assert!(styles.contains("w:type=\"table\" w:default=\"1\""), "{rel}: no default table style");
        let doc = part(&bytes, "word/document.xml");
        let paragraphs = text_paragraphs(&doc);
        let styled = paragraphs
            .iter()
            .filter(|p| p.contains("<w:pStyle w:val=\"Prikaz") || p.contains("<w:pStyle w:val=\"Heading"))
            .count();
        // Direct run formatting: anything in a run's properties but its language.
        let direct = paragraphs
            .iter()
            .filter(|p| {
                p.split("<w:r><w:rPr>").skip(1).any(|r| {
                    let props = &r[..r.find("</w:rPr>").unwrap_or(0)];
                    props.split('<').filter(|t| !t.trim().is_empty()).any(|t| !t.starts_with("w:lang"))
                })
            })
            .count();
        let n = paragraphs.len().max(1);
        assert!(styled * 100 >= 95 * n, "{rel}: {styled} of {n} paragraphs take a role's style");
        assert!((n - direct) * 100 >= 90 * n, "{rel}: {direct} of {n} paragraphs carry direct run formatting");
        // Each role style used is defined with a Russian name; Word's own headings keep
        // their built-in names (Word shows «Заголовок 1») with the roles' names as aliases.
        for id in doc.split("<w:pStyle w:val=\"").skip(1).map(|r| &r[..r.find('"').unwrap()]) {
            let def = styles
                .split("<w:style ")
                .find(|s| s.contains(&format!("w:styleId=\"{id}\"")))
                .unwrap_or_else(|| panic!("{rel}: the style {id} is used but not defined"));
            let attr = |el: &str| def.split(el).nth(1).map(|r| &r[..r.find('"').unwrap()]).unwrap_or_default();
            let (name, aliases) = (attr("<w:name w:val=\""), attr("<w:aliases w:val=\""));
            let russian = |s: &str| s.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap()));
            let heading = id.starts_with("Heading") && name == format!("heading {}", &id[7..8]);
            assert!(russian(name) || (heading && russian(aliases)), "{rel}: {id} is named «{name}» ({aliases})");
        }
    }
    // The roles a secretary looks for are there, by their names.
    let styles = part(&docx("samples/solnechnogorsk-2023.json"), "word/styles.xml");
    for name in ["Бланк", "Заголовок к тексту", "Преамбула", "Пункт", "Подпись", "Шапка таблицы", "Текст таблицы"]
    {
        let aliased = styles.contains(&format!("<w:aliases w:val=\"{name}")) || styles.contains(&format!(",{name}\""));
        assert!(styles.contains(&format!("<w:name w:val=\"{name}\"/>")) || aliased, "no style «{name}»");
    }
    assert!(styles.contains("<w:outlineLvl w:val=\"0\"/>"), "the title is not in the navigation pane");
}

/// Paragraphs whose text starts with a typed number («1.», «1.2.», «II.») and no `w:numPr`.
fn typed_numbers(doc: &str) -> Vec<String> {
    text_paragraphs(doc)
        .into_iter()
        .filter(|p| !p.contains("<w:numPr>"))
        .map(|p| {
            p.split("<w:t").skip(1).filter_map(|t| Some(&t[t.find('>')? + 1..t.find("</w:t>")?])).collect::<String>()
        })
        .filter(|t| {
            let head = t.split([' ', '\u{a0}']).next().unwrap_or("");
            let body = head.trim_end_matches('.');
            head.ends_with('.')
                && !body.is_empty()
                && (body.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                    || body.chars().all(|c| "IVXLC".contains(c)))
        })
        .collect()
}

/// The numbers an input gives points, rows and sections itself: every `number` key but a
/// requisite's (an order's, an act's or a protocol's number stands beside its date).
fn explicit_numbers(v: &serde_json::Value) -> usize {
    match v {
        serde_json::Value::Object(o) => {
            let own = usize::from(o.contains_key("number") && !o.contains_key("date"));
            own + o.values().map(explicit_numbers).sum::<usize>()
        }
        serde_json::Value::Array(a) => a.iter().map(explicit_numbers).sum(),
        _ => 0,
    }
}

#[test]
fn points_rows_and_lists_are_word_numbering_and_only_explicit_numbers_are_typed() {
    for rel in json_files("samples") {
        let doc = part(&docx(&rel), "word/document.xml");
        let input = std::fs::read_to_string(root().join(&rel)).unwrap();
        // A number the input gives itself may break the sequence: it stays text.
        let explicit = explicit_numbers(&serde_json::from_str(&input).unwrap());
        let typed = typed_numbers(&doc);
        assert!(typed.len() <= explicit, "{rel}: typed numbers {typed:?}");
    }
    // Each kind is there: points and sub-points, a hierarchical table, rows per section, a
    // Roman one, numbered entries, clause titles and points, dash lists in cells.
    let numbering = |rel: &str| part(&docx(rel), "word/numbering.xml");
    assert!(numbering("samples/dubna-2021.json").contains("<w:lvlText w:val=\"%1.%2.%3.\"/>"));
    let roman = numbering("samples/stages-2024.json");
    assert!(roman.contains("<w:numFmt w:val=\"upperRoman\"/>") && roman.contains("<w:isLgl/>"), "{roman}");
    let per_section = numbering("samples/solnechnogorsk-2023.json");
    // The points, the sections, and the rows of each of the five sections: lists of their own.
    assert_eq!(per_section.matches("<w:abstractNum ").count(), 7, "every section's rows restart");
    assert!(numbering("samples/school-2023.json").contains("<w:lvlText w:val=\"–\"/>"));
    let region = part(&docx("samples/region-polozhenie-2024.json"), "word/document.xml");
    assert_eq!(typed_numbers(&region).iter().map(|t| &t[..4]).collect::<Vec<_>>(), ["2.4."]);
}

#[test]
fn the_properties_name_the_document_its_organisation_and_its_requisites() {
    let bytes = docx("samples/solnechnogorsk-2023.json");
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:subject>Приказ от 28.08.2023 № 15 а</dc:subject>"), "{core}");
    let app = part(&bytes, "docProps/app.xml");
    assert!(app.contains("<Company>Муниципальное казённое учреждение"), "{app}");
    let custom = part(&bytes, "docProps/custom.xml");
    assert!(custom.contains("name=\"Регистрационный номер\"><vt:lpwstr>15 а</vt:lpwstr>"), "{custom}");
    assert!(custom.contains("name=\"Дата документа\"><vt:lpwstr>2023-08-28</vt:lpwstr>"), "{custom}");
    let rels = part(&bytes, "_rels/.rels");
    assert!(rels.contains("docProps/custom.xml"), "{rels}");
}
