//! `prikaz validate` as a user runs it: samples pass, broken inputs fail with a located,
//! Russian message (each compared with its committed `.stderr` snapshot).

mod common;

use common::{check_snapshot, json_files, prikaz, root};

#[test]
fn every_sample_is_valid_without_warnings() {
    let samples = json_files("samples");
    assert!(samples.len() >= 6, "the five seeds and large-200: {samples:?}");
    for s in &samples {
        let out = prikaz(&["validate", "--strict", s]);
        assert!(out.status.success(), "{s}: {}", String::from_utf8_lossy(&out.stderr));
        // Loose lines of a seed's own text are named for its author, not counted.
        let stderr = String::from_utf8_lossy(&out.stderr);
        let other: Vec<&str> = stderr.lines().filter(|l| !l.starts_with("вёрстка: ")).collect();
        assert!(other.is_empty(), "{s}: {stderr}");
    }
    // The batch form: several files at once.
    let mut args = vec!["validate"];
    args.extend(samples.iter().map(String::as_str));
    assert!(prikaz(&args).status.success());
}

#[test]
fn every_bad_fixture_fails_with_its_message() {
    let files = json_files("tests/fixtures/bad");
    assert!(files.len() >= 25, "at least 25 broken inputs, found {}", files.len());
    let mut problems = Vec::new();
    for f in &files {
        let out = prikaz(&["validate", f]);
        let stderr = String::from_utf8(out.stderr).expect("UTF-8 messages");
        if out.status.code() != Some(1) {
            problems.push(format!("{f}: exit {:?}, expected 1", out.status.code()));
        }
        if !stderr.starts_with("ошибка: ") {
            problems.push(format!("{f}: no error message: {stderr}"));
        }
        // Every message names its place: file:line:column, or the file for file-level errors.
        let located = stderr.contains(&format!("--> {f}:")) || stderr.contains(&format!("--> {f}\n"));
        if !located {
            problems.push(format!("{f}: the message does not name the location:\n{stderr}"));
        }
        let snapshot = root().join(f.replace(".json", ".stderr"));
        problems.extend(check_snapshot(&snapshot, &stderr));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn warnings_pass_unless_strict() {
    let files = json_files("tests/fixtures/warn");
    assert!(!files.is_empty());
    let mut problems = Vec::new();
    for f in &files {
        let out = prikaz(&["validate", f]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{f}: {stderr}");
        assert!(stderr.starts_with("предупреждение: "), "{f}: {stderr}");
        problems.extend(check_snapshot(&root().join(f.replace(".json", ".stderr")), &stderr));
        let strict = prikaz(&["validate", "--strict", f]);
        assert_eq!(strict.status.code(), Some(1), "{f} with --strict");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// What a hand-editor writes and JSON does not allow, but the input format does: comments,
/// trailing commas, ДД.ММ.ГГГГ dates, a number without quotes, a deadline without its
/// «deadline» wrapper. Accepted, and printed right.
#[test]
fn forgiving_input_is_accepted_and_rendered_as_meant() {
    let files = json_files("tests/fixtures/forgiving");
    assert!(!files.is_empty());
    for f in &files {
        let out = prikaz(&["validate", f]);
        assert_eq!(out.status.code(), Some(0), "{f}: {}", String::from_utf8_lossy(&out.stderr));
        let ir = prikaz(&["render", f, "--emit", "ir"]);
        let text = String::from_utf8_lossy(&ir.stdout);
        assert!(text.contains("06.10.2020 №~520"), "{f}: {text}");
    }
    // A file typed in Notepad on Russian Windows: Windows-1251, read with a warning.
    let utf8 = std::fs::read_to_string(root().join("samples/novocherkassk-2020.json")).unwrap();
    let path = std::env::temp_dir().join(format!("prikaz-1251-{}.json", std::process::id()));
    std::fs::write(&path, encoding_rs::WINDOWS_1251.encode(&utf8.replace("–", "-")).0).unwrap();
    let out = prikaz(&["validate", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("прочитан в кодировке Windows-1251"), "{stderr}");
    let ir = prikaz(&["render", path.to_str().unwrap(), "--emit", "ir"]);
    std::fs::remove_file(&path).ok();
    assert!(String::from_utf8_lossy(&ir.stdout).contains("Новочеркасск"));
}

/// A batch file is checked too: its municipal order as a document, its school template with
/// sample values for the placeholders; faults are located in the batch file.
#[test]
fn batch_files_are_validated_with_their_faults_located() {
    let ok = prikaz(&["validate", "samples/batch/municipal.json"]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    let text = std::fs::read_to_string(root().join("samples/batch/municipal.json")).unwrap();
    let broken = text.replacen("\"person\": \"{{director}}\"", "\"persn\": \"{{director}}\"", 1);
    assert_ne!(broken, text);
    let path = std::env::temp_dir().join(format!("prikaz-batch-validate-{}.json", std::process::id()));
    std::fs::write(&path, broken).unwrap();
    let out = prikaz(&["validate", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("неизвестное поле «persn»") && stderr.contains("school.order.body.signatory.persn"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(prikaz(&["validate"]).status.code(), Some(2));
    assert_eq!(prikaz(&["validate", "--no-such-flag", "x.json"]).status.code(), Some(2));
    assert_eq!(prikaz(&["no-such-command"]).status.code(), Some(2));
    assert_eq!(prikaz(&["--help"]).status.code(), Some(0));
}

#[test]
fn missing_file_and_folder_are_named() {
    let out = prikaz(&["validate", "tests/fixtures/no-such-file.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("файл не найден") && stderr.contains("no-such-file.json"), "{stderr}");
    let out = prikaz(&["validate", "tests"]);
    assert!(String::from_utf8(out.stderr).unwrap().contains("это папка"));
}

#[test]
fn a_huge_file_is_refused_without_reading_it_all() {
    let dir = std::env::temp_dir().join(format!("prikaz-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.json");
    // 21 MiB: a sparse file costs no disk, and the size check happens before reading.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(21 * 1024 * 1024).unwrap();
    let out = prikaz(&["validate", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("файл слишком большой"));
}

#[test]
fn the_valid_minimal_fixture_passes() {
    let out = prikaz(&["validate", "--strict", "tests/fixtures/valid-minimal.json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    // `prikaz render … --emit ir | head`: the pipe closes before the output is written.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_prikaz"))
        .args(["render", "samples/large-200.json", "--emit", "ir"])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the prikaz binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("it ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn explain_lists_each_typography_change_with_its_place() {
    let out = prikaz(&["validate", "--explain", "samples/novocherkassk-2020.json"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // The order number's sign is glued to the number; the line and column are the string's.
    assert!(
        text.contains("samples/novocherkassk-2020.json:20:9: order.body.preamble[0]: «№ Р-145» → «№⍽Р-145» (неразрывный пробел после «№»)"),
        "{text}"
    );
    // The year and «года» are no longer glued (that made the preamble's first line loose).
    assert!(!text.contains("2019⍽года"), "{text}");
    assert!(text.contains("novocherkassk-2020.json: типографских правок: "), "{text}");
    // A file without typography gets the count alone.
    let plain = prikaz(&["validate", "--explain", "tests/fixtures/valid-minimal.json"]);
    assert!(String::from_utf8(plain.stdout).unwrap().contains("типографских правок:"));
}

#[test]
fn a_column_too_narrow_for_its_words_is_a_located_warning() {
    let out = prikaz(&["validate", "tests/fixtures/hostile/thirty-columns.json"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("«Показатель» шире столбца"), "{stderr}");
    assert!(
        stderr.contains("thirty-columns.json:59:11") && stderr.contains("appendices[0].table.columns[1]"),
        "{stderr}"
    );
    assert!(!prikaz(&["validate", "--strict", "tests/fixtures/hostile/thirty-columns.json"]).status.success());
}

/// A justified line first-fit had to stretch (both outputs stretch it alike) is named with
/// its page and words, for the author to rephrase; it is not a warning of the input, so
/// `--strict` passes.
#[test]
fn a_loose_line_is_named_with_its_page_and_words() {
    let out = prikaz(&["validate", "--strict", "samples/novocherkassk-2020.json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("вёрстка: samples/novocherkassk-2020.json, стр. 1: строка растянута")
            && stderr.contains("«общеобразовательным, дополнительным общеобразовательным и программам»"),
        "{stderr}"
    );
}

/// Three lines of one cell in a row ending with a hyphen, one of them written in the text
/// («организациями-»): both outputs break so (Word's and LibreOffice's limit counts only the
/// hyphens they add), so `validate` names the lines for the author; `--strict` passes.
#[test]
fn a_hyphen_ladder_is_named_with_its_page_and_lines() {
    let out = prikaz(&["validate", "--strict", "samples/large-200.json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("вёрстка: samples/large-200.json, стр. 37: 3 строки подряд кончаются переносом")
            && stderr.contains(
                "«Формирование баз данных наставни-» / «ков на уровне ОУ в сетевом взаи-» / «модействии с организациями-»"
            ),
        "{stderr}"
    );
}
