//! `prikaz diff`: every sample changed as a plan is changed after signing — a deadline
//! moved, a row inserted in the middle, a row deleted, a section renamed, a point of the
//! order reworded — gives exactly those changes, named with the old version's numbers;
//! an inserted row at the top of 200 rows and two swapped rows are one or two changes.

mod common;

use common::edits::edit;
use common::{json_files, prikaz, root, temp_dir};
use serde_json::{json, Value};

/// Every `table` of the points, sub-points included.
fn tables_in(points: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for p in points.as_array().into_iter().flatten() {
        if let Some(t) = p.get("table") {
            out.push(t.clone());
        }
        out.extend(tables_in(&p["points"]));
    }
    out
}

fn diff_json(old: &std::path::Path, new: &std::path::Path) -> (Option<i32>, Vec<Value>) {
    let out = prikaz(&["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--format", "json"]);
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
    (out.status.code(), list)
}

/// `prikaz amend OLD NEW -o OUT --date DATE --number NUMBER`.
fn amend(
    old: &std::path::Path,
    new: &std::path::Path,
    out: &std::path::Path,
    date: &str,
    number: &str,
) -> std::process::Output {
    let path = |p: &std::path::Path| p.to_str().unwrap().to_owned();
    let (old, new, out) = (path(old), path(new), path(out));
    prikaz(&["amend", &old, &new, "-o", &out, "--date", date, "--number", number])
}

#[test]
fn every_sample_edited_after_signing_shows_exactly_its_five_changes() {
    let dir = temp_dir("diff-samples");
    let mut tried = 0;
    for rel in json_files("samples") {
        let text = std::fs::read_to_string(root().join(&rel)).unwrap();
        let old: Value = serde_json::from_str(&text).unwrap();
        let mut new = old.clone();
        let Some(planned) = edit(&mut new) else { continue };
        tried += 1;
        let stem = std::path::Path::new(&rel).file_stem().unwrap().to_string_lossy().into_owned();
        let (po, pn) = (dir.join(format!("{stem}-old.json")), dir.join(format!("{stem}-new.json")));
        // The old file is the sample itself (its logo beside it): copied next to the new one.
        std::fs::write(&po, &text).unwrap();
        std::fs::write(&pn, serde_json::to_string_pretty(&new).unwrap()).unwrap();
        for f in std::fs::read_dir(root().join("samples")).unwrap().filter_map(Result::ok) {
            if f.path().extension().is_some_and(|e| e == "png") {
                std::fs::copy(f.path(), dir.join(f.file_name())).unwrap();
            }
        }
        let (code, changes) = diff_json(&po, &pn);
        let said: Vec<String> = changes.iter().map(|c| c.to_string()).collect();
        let want = planned.changed + 2 + usize::from(planned.renamed) + usize::from(planned.reworded);
        assert_eq!(code, Some(1), "{rel}");
        assert_eq!(changes.len(), want, "{rel}: {said:#?}");
        let has = |kind: &str, f: &dyn Fn(&Value) -> bool| changes.iter().any(|c| c["kind"] == kind && f(c));
        let moved = |s: &str| s.contains("15.05.2024") || s.replace('\u{a0}', " ").contains("15 мая 2024");
        assert!(has("changed", &|c| c["new"].as_str().is_some_and(moved)), "{rel}: deadline: {said:#?}");
        assert!(
            has("added", &|c| c["new"].as_str().is_some_and(|s| s.contains(&planned.inserted))),
            "{rel}: {said:#?}"
        );
        let removed: String = planned.removed.chars().take(30).collect();
        assert!(has("removed", &|c| c["old"].as_str().is_some_and(|s| s.contains(&removed))), "{rel}: {said:#?}");
        if planned.renamed {
            assert!(
                has("changed", &|c| c["new"].as_str().is_some_and(|s| s.ends_with("(уточнено)"))),
                "{rel}: {said:#?}"
            );
        }
        if planned.reworded {
            let point = |c: &Value| c["place"].as_str().is_some_and(|p| p.starts_with("пункт 1 приказа"));
            assert!(has("changed", &point), "{rel}: {said:#?}");
        }
        // Each change names its places in both files by JSON path.
        for c in &changes {
            match c["kind"].as_str() {
                Some("added") => assert!(c["new_path"].is_string() && c["old_path"].is_null(), "{c}"),
                Some("removed") => assert!(c["old_path"].is_string() && c["new_path"].is_null(), "{c}"),
                _ => assert!(c["old_path"].is_string() && c["new_path"].is_string(), "{c}"),
            }
        }
        // The same in words: the row numbers are the old version's.
        let words = prikaz(&["diff", po.to_str().unwrap(), pn.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&words.stdout);
        assert_eq!(text.lines().count(), want, "{rel}: {text}");
        assert!(text.contains("добавлена строка: «"), "{rel}: {text}");
        // A version compared with itself has no changes.
        assert_eq!(diff_json(&po, &po), (Some(0), Vec::new()), "{rel}");
    }
    assert!(tried >= 5, "samples with a plan to edit: {tried}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_row_inserted_at_the_top_of_200_and_two_rows_swapped_are_one_and_two_changes() {
    let dir = temp_dir("diff-200");
    let text = std::fs::read_to_string(root().join("samples/large-200.json")).unwrap();
    let old: Value = serde_json::from_str(&text).unwrap();
    let po = dir.join("old.json");
    std::fs::write(&po, &text).unwrap();
    let first = "/appendices/0/table/sections/0/items";
    let mut top = old.clone();
    let rows = top.pointer_mut(first).unwrap().as_array_mut().unwrap();
    let mut row = rows[0].clone();
    row["values"]["activity"] = json!("Новая первая строка о встрече наставников с молодыми педагогами");
    rows.insert(0, row);
    let pn = dir.join("top.json");
    std::fs::write(&pn, serde_json::to_string(&top).unwrap()).unwrap();
    let (code, changes) = diff_json(&po, &pn);
    assert_eq!((code, changes.len()), (Some(1), 1), "{changes:#?}");
    assert_eq!(changes[0]["kind"], "added");
    let mut swapped = old.clone();
    swapped.pointer_mut(first).unwrap().as_array_mut().unwrap().swap(0, 1);
    std::fs::write(&pn, serde_json::to_string(&swapped).unwrap()).unwrap();
    let (code, changes) = diff_json(&po, &pn);
    assert_eq!(code, Some(1));
    assert!((1..=2).contains(&changes.len()), "{changes:#?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rows_with_ids_are_paired_by_id_and_a_file_with_errors_is_trouble() {
    let dir = temp_dir("diff-ids");
    let doc = |rows: Value| {
        json!({
            "appendices": [{"kind": "roadmap", "title": "План", "table": {
                "columns": [
                    {"key": "n", "title": "№", "role": "number", "width": 10},
                    {"key": "activity", "title": "Мероприятие", "role": "activity", "width": 60},
                    {"key": "deadline", "title": "Срок", "role": "deadline", "width": 30}],
                "items": rows}}]
        })
    };
    let old = doc(json!([
        {"id": "a", "values": {"activity": "Совещание", "deadline": {"month": "2024-09"}}},
        {"id": "b", "values": {"activity": "Семинар", "deadline": {"month": "2024-10"}}}]));
    // Both rows reworded beyond recognition: the ids still pair them.
    let new = doc(json!([
        {"id": "a", "values": {"activity": "Рабочая встреча руководителей", "deadline": {"month": "2024-09"}}},
        {"id": "b", "values": {"activity": "Обучающий вебинар", "deadline": {"month": "2024-10"}}}]));
    let (po, pn) = (dir.join("old.json"), dir.join("new.json"));
    std::fs::write(&po, old.to_string()).unwrap();
    std::fs::write(&pn, new.to_string()).unwrap();
    let (code, changes) = diff_json(&po, &pn);
    assert_eq!(code, Some(1));
    let places: Vec<&str> = changes.iter().filter_map(|c| c["place"].as_str()).collect();
    assert_eq!(places, ["Приложение 1, строка 1, «Мероприятие»", "Приложение 1, строка 2, «Мероприятие»"]);
    std::fs::write(&pn, "{\"appendices\": [}").unwrap();
    let bad = prikaz(&["diff", po.to_str().unwrap(), pn.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("содержит ошибки — сравнить можно только проверенные файлы"), "{said}");
    // A file that is not there is said to be unread, not to hold errors.
    let gone = dir.join("нет.json");
    let missing = prikaz(&["diff", po.to_str().unwrap(), gone.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(missing.status.code(), Some(2));
    assert!(said.contains("нет.json не прочитан —") && !said.contains("содержит ошибки"), "{said}");
    std::fs::remove_dir_all(&dir).ok();
}

/// `prikaz amend` on every sample edited the same five ways: the amending order validates,
/// renders, and its points name each change with the old version's row and point numbers.
#[test]
fn the_amending_order_of_every_edited_sample_states_each_change_and_renders() {
    let dir = temp_dir("amend-samples");
    let mut tried = 0;
    for rel in json_files("samples") {
        let text = std::fs::read_to_string(root().join(&rel)).unwrap();
        let old: Value = serde_json::from_str(&text).unwrap();
        if old.pointer("/order/body").is_none() {
            continue; // a plan approved by грифы or a header only is approved anew, not amended
        }
        let mut new = old.clone();
        let Some(planned) = edit(&mut new) else { continue };
        tried += 1;
        let stem = std::path::Path::new(&rel).file_stem().unwrap().to_string_lossy().into_owned();
        let (po, pn, pa) = (
            dir.join(format!("{stem}-old.json")),
            dir.join(format!("{stem}-new.json")),
            dir.join(format!("{stem}-amend.json")),
        );
        std::fs::write(&po, &text).unwrap();
        std::fs::write(&pn, serde_json::to_string_pretty(&new).unwrap()).unwrap();
        for f in std::fs::read_dir(root().join("samples")).unwrap().filter_map(Result::ok) {
            if f.path().extension().is_some_and(|e| e == "png") {
                std::fs::copy(f.path(), dir.join(f.file_name())).unwrap();
            }
        }
        let run = amend(&po, &pn, &pa, "2024-10-01", "120");
        assert!(run.status.success(), "{rel}: {}", String::from_utf8_lossy(&run.stderr));
        let amend: Value = serde_json::from_str(&std::fs::read_to_string(&pa).unwrap()).unwrap();
        let title = amend["order"]["title"].as_str().unwrap();
        assert!(title.starts_with("О внесении изменений в приказ"), "{rel}: {title}");
        let all = amend["order"]["body"]["points"].to_string();
        assert!(all.contains("заменить словами") && all.contains("15"), "{rel}: the deadline: {all}");
        assert!(all.contains("дополнить строкой"), "{rel}: the row added: {all}");
        // The added row is a table fragment under its point: the plan's columns, one row.
        let fragment = tables_in(&amend["order"]["body"]["points"]);
        assert_eq!(fragment.len(), 1, "{rel}: {all}");
        let (columns, rows) = (fragment[0]["columns"].as_array().unwrap(), fragment[0]["rows"].as_array().unwrap());
        assert_eq!(rows.len(), 1, "{rel}");
        assert_eq!(rows[0].as_array().unwrap().len(), columns.len(), "{rel}");
        assert!(rows[0].to_string().contains(&planned.inserted), "{rel}: {all}");
        assert!(all.contains("исключить"), "{rel}: the row removed: {all}");
        if planned.renamed {
            assert!(all.contains("наименование раздела"), "{rel}: {all}");
        }
        if planned.reworded {
            assert!(all.contains("пункт 1 изложить в следующей редакции"), "{rel}: {all}");
        }
        let out = dir.join(format!("{stem}-out"));
        let render = prikaz(&["render", pa.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert!(render.status.success(), "{rel}: {}", String::from_utf8_lossy(&render.stderr));
        // Both files print the fragment as a table with the row's words.
        let xml = common::docx_part(&out.join(format!("{stem}-amend.docx")), "word/document.xml");
        // (Words carry soft hyphens where our breaks are.)
        let xml = xml.replace('\u{ad}', "");
        assert!(xml.contains("<w:tbl>") && xml.contains("выездного семинара"), "{rel}: no table in the DOCX");
        let pdf = std::process::Command::new("pdftotext")
            .arg(out.join(format!("{stem}-amend.pdf")))
            .arg("-")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
        if let Ok(text) = pdf {
            assert!(text.contains("сельских"), "{rel}: the row's words in the PDF: {text}");
        }
    }
    assert!(tried >= 3, "samples with an order text and a plan: {tried}");
    std::fs::remove_dir_all(&dir).ok();
}

/// More than a third of the rows changed: the appendix is restated whole, the new version
/// attached; an amendment of two equal versions, or without a date of its own, is refused.
#[test]
fn many_changes_restate_the_appendix_and_equal_versions_are_refused() {
    let dir = temp_dir("amend-whole");
    let text = std::fs::read_to_string(root().join("samples/solnechnogorsk-2023.json")).unwrap();
    let old: Value = serde_json::from_str(&text).unwrap();
    let mut new = old.clone();
    for s in new["appendices"][0]["table"]["sections"].as_array_mut().unwrap() {
        for row in s["items"].as_array_mut().unwrap() {
            row["values"]["deadline"] = json!({"until": "2024-05-15"});
        }
    }
    let (po, pn, pa) = (dir.join("old.json"), dir.join("new.json"), dir.join("amend.json"));
    std::fs::write(&po, &text).unwrap();
    std::fs::write(&pn, new.to_string()).unwrap();
    let args = |extra: &[&str]| {
        let mut a = vec!["amend", po.to_str().unwrap(), pn.to_str().unwrap(), "-o", pa.to_str().unwrap()];
        a.extend_from_slice(extra);
        prikaz(&a)
    };
    // The new version keeps the signed order's date and number: the amendment needs its own.
    let no_date = args(&["--number", "120"]);
    assert_eq!(no_date.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no_date.stderr).contains("--date"));
    let run = args(&["--date", "2024-10-01", "--number", "120"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let amend: Value = serde_json::from_str(&std::fs::read_to_string(&pa).unwrap()).unwrap();
    let all = amend["order"]["body"]["points"].to_string();
    assert!(all.contains("приложение 1 изложить в новой редакции согласно приложению к настоящему приказу"), "{all}");
    assert_eq!(amend["appendices"].as_array().unwrap().len(), 1);
    let render = prikaz(&["render", pa.to_str().unwrap(), "-o", dir.join("out").to_str().unwrap()]);
    assert!(render.status.success(), "{}", String::from_utf8_lossy(&render.stderr));
    std::fs::write(&pn, &text).unwrap();
    let same = args(&["--date", "2024-10-01", "--number", "120", "--force"]);
    assert_eq!(same.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&same.stderr).contains("изменений нет"));
    std::fs::remove_dir_all(&dir).ok();
}

/// A Положение's clauses: a point reworded and a point removed are two changes named by the
/// points' printed numbers («2.1», «2.4»), not by positions in the file; the amending order
/// restates the one and repeals the other.
#[test]
fn clause_points_of_a_polozhenie_are_named_by_their_numbers() {
    let dir = temp_dir("diff-clauses");
    let text = std::fs::read_to_string(root().join("samples/region-polozhenie-2024.json")).unwrap();
    let old: Value = serde_json::from_str(&text).unwrap();
    let mut new = old.clone();
    let blocks = new.pointer_mut("/appendices/0/clauses/1/blocks").unwrap().as_array_mut().unwrap();
    let first = blocks[0]["point"]["text"].as_str().unwrap().trim_end_matches('.').to_owned();
    blocks[0]["point"]["text"] = json!(format!("{first} и других регионов."));
    blocks.remove(1);
    let (po, pn, pa) = (dir.join("old.json"), dir.join("new.json"), dir.join("amend.json"));
    std::fs::write(&po, &text).unwrap();
    std::fs::write(&pn, new.to_string()).unwrap();
    let (code, changes) = diff_json(&po, &pn);
    assert_eq!(code, Some(1));
    let places: Vec<&str> = changes.iter().filter_map(|c| c["place"].as_str()).collect();
    assert_eq!(places, ["Приложение 1, пункт 2.1", "Приложение 1, пункт 2.4 исключён"], "{changes:#?}");
    let run = amend(&po, &pn, &pa, "2024-10-01", "7");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let all = std::fs::read_to_string(&pa).unwrap();
    assert!(all.contains("пункт 2.1 изложить в следующей редакции") && all.contains("и других регионов"), "{all}");
    assert!(all.contains("пункт 2.4 признать утратившим силу"), "{all}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A member of a working group leaves and another joins: two changes, not a shift of every
/// member after; the amending order excludes the one and adds the other.
#[test]
fn a_member_leaving_a_list_is_one_change() {
    let dir = temp_dir("diff-list");
    let text = std::fs::read_to_string(root().join("samples/novocherkassk-2020.json")).unwrap();
    let old: Value = serde_json::from_str(&text).unwrap();
    let mut new = old.clone();
    let items = new.pointer_mut("/appendices/1/items").unwrap().as_array_mut().unwrap();
    let n = items.len();
    items.remove(1);
    items.push(json!({"person": "Петрова А.А.", "position": "методист"}));
    let (po, pn, pa) = (dir.join("old.json"), dir.join("new.json"), dir.join("amend.json"));
    std::fs::write(&po, &text).unwrap();
    std::fs::write(&pn, new.to_string()).unwrap();
    let (code, changes) = diff_json(&po, &pn);
    assert_eq!(code, Some(1));
    let places: Vec<&str> = changes.iter().filter_map(|c| c["place"].as_str()).collect();
    let last = format!("Приложение 2, список: после пункта {n} добавлен пункт");
    assert_eq!(places, ["Приложение 2, список: пункт 2 исключён", last.as_str()], "{changes:#?}");
    let run = amend(&po, &pn, &pa, "2020-11-01", "600");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let all = std::fs::read_to_string(&pa).unwrap();
    assert!(all.contains("пункт 2 исключить") && all.contains("Петрова А.А., методист"), "{all}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A new signatory is a change `diff` names in words, and one the amending order does not
/// restate: the signed order's signature is history, the amendment has its own.
#[test]
fn a_new_signatory_is_named_by_diff_and_left_out_of_the_amendment() {
    let dir = temp_dir("diff-signatory");
    let text = std::fs::read_to_string(root().join("samples/solnechnogorsk-2023.json")).unwrap();
    let old: Value = serde_json::from_str(&text).unwrap();
    let mut new = old.clone();
    new["order"]["body"]["signatory"]["person"] = json!("А.А. Петрова");
    // One more person to acquaint: one change, not a shift of the list.
    new["order"]["body"]["acquaintance"]["people"].as_array_mut().unwrap().insert(0, json!("Б.Б. Сидорова"));
    new["order"]["body"]["points"][0]["text"] = json!("Утвердить План мероприятий на 2023–2024 учебный год.");
    // Only the addressee of point 2 changes: the point is restated whole, its text too.
    new["order"]["body"]["points"][1]["addressee"]["position_dative"] = json!("методисту");
    let (po, pn, pa) = (dir.join("old.json"), dir.join("new.json"), dir.join("amend.json"));
    std::fs::write(&po, &text).unwrap();
    std::fs::write(&pn, new.to_string()).unwrap();
    let (_, changes) = diff_json(&po, &pn);
    assert!(changes.iter().any(|c| c["place"] == "приказ, лицо" && c["new"] == "А.А. Петрова"), "{changes:#?}");
    let acquainted: Vec<&Value> =
        changes.iter().filter(|c| c["place"].as_str().is_some_and(|p| p.contains("лист ознакомления"))).collect();
    assert_eq!(acquainted.len(), 1, "{changes:#?}");
    assert_eq!(acquainted[0]["kind"], "added");
    let run = amend(&po, &pn, &pa, "2024-10-01", "120");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let amend: Value = serde_json::from_str(&std::fs::read_to_string(&pa).unwrap()).unwrap();
    let points = amend["order"]["body"]["points"].to_string();
    assert!(points.contains("пункт 1 изложить в следующей редакции") && !points.contains("Петрова"), "{points}");
    assert!(!points.contains("Сидорова"), "the acquaintance list is not amended: {points}");
    assert!(points.contains("пункт 2 изложить в следующей редакции") && points.contains("разместить План"), "{points}");
    // The amending order is signed by the new version's signatory.
    assert_eq!(amend["order"]["body"]["signatory"]["person"], "А.А. Петрова");
    std::fs::remove_dir_all(&dir).ok();
}
