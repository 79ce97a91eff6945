//! The users' jobs, by running the binary: roll a plan to the next year, regenerate the
//! appendices alone, start from `init`.

mod common;

use common::{json_files, prikaz};

fn temp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("prikaz-jobs-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn years(v: &serde_json::Value, out: &mut Vec<i64>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                match (k.as_str(), x) {
                    ("date" | "month" | "until" | "as_of" | "from" | "to", serde_json::Value::String(s))
                        if s.len() >= 7 =>
                    {
                        out.push(s[..4].parse().unwrap_or(0))
                    }
                    ("school_year" | "from" | "to", serde_json::Value::Number(n)) => out.push(n.as_i64().unwrap_or(0)),
                    _ => years(x, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| years(x, out)),
        _ => {}
    }
}

#[test]
fn roll_moves_every_structured_date_by_one_year_and_the_result_validates() {
    let dir = temp("roll");
    for rel in json_files("samples") {
        let old: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(common::root().join(&rel)).unwrap()).unwrap();
        let out = dir.join(std::path::Path::new(&rel).file_name().unwrap());
        let to = {
            let mut y = Vec::new();
            years(&old["appendices"][0]["period"], &mut y);
            if y.is_empty() {
                years(&old["order"], &mut y);
            }
            y[0] + 1
        };
        let run = prikaz(&["roll", &rel, "--to", &to.to_string(), "-o", out.to_str().unwrap(), "--number", "1"]);
        assert!(run.status.success(), "{rel}: {}", String::from_utf8_lossy(&run.stderr));
        let new: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        years(&old, &mut a);
        years(&new, &mut b);
        assert_eq!(a.len(), b.len(), "{rel}");
        assert!(a.iter().zip(&b).all(|(x, y)| y - x == 1), "{rel}: {a:?} → {b:?}");
        assert!(prikaz(&["validate", out.to_str().unwrap()]).status.success(), "{rel}: the rolled file validates");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The paths of the string values of a JSON text that hold `year`, as «a.b[0].c».
fn paths_with_year(text: &str, year: i64) -> Vec<String> {
    let mut out = Vec::new();
    prikaz::input::locate::for_each_value(text, |path, s, _| {
        let y = year.to_string();
        let hit = s.match_indices(&y).any(|(i, _)| {
            let before = s[..i].chars().next_back();
            let after = s[i + 4..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
        });
        if hit {
            out.push(path.to_string());
        }
    });
    out
}

#[test]
fn roll_moves_years_in_text_edits_only_what_changed_and_warns_about_the_rest() {
    let dir = temp("roll-text");
    for rel in json_files("samples") {
        let text = std::fs::read_to_string(common::root().join(&rel)).unwrap();
        let doc = prikaz::input::load(&common::root().join(&rel)).document.unwrap();
        let plan = prikaz::roll::plan_years(&doc).unwrap();
        let from = *plan.start() as i64;
        let out = dir.join(std::path::Path::new(&rel).file_name().unwrap());
        let run =
            prikaz(&["roll", &rel, "--to", &(from + 1).to_string(), "-o", out.to_str().unwrap(), "--number", "1"]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{rel}: {stderr}");
        let rolled = std::fs::read_to_string(&out).unwrap();
        // The author's file, with only values changed: the same lines, each with its key.
        let (a, b): (Vec<&str>, Vec<&str>) = (text.lines().collect(), rolled.lines().collect());
        assert_eq!(a.len(), b.len(), "{rel}: lines added or removed");
        for (x, y) in a.iter().zip(&b).filter(|(x, y)| x != y) {
            let key = |l: &str| l.split_once("\": ").map(|(k, _)| k.to_owned());
            assert_eq!(key(x), key(y), "{rel}: a changed line changed its key:\n{x}\n{y}");
        }
        // The plan's first year is gone from every text but those the warnings name.
        for path in paths_with_year(&rolled, from) {
            let exempt = ["$schema", "number", "certificate", "valid_from", "valid_to", "qr.text"];
            if exempt.iter().any(|e| path.ends_with(e)) {
                continue;
            }
            assert!(stderr.contains(&path), "{rel}: {from} left in {path} without a warning:\n{stderr}");
        }
    }
    // Free text without a year is not a warning; a year in text is, with its path.
    let out = dir.join("s.json");
    let run = prikaz(&["roll", "samples/solnechnogorsk-2023.json", "--to", "2024", "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!stderr.contains("В течение года"), "{stderr}");
    assert!(stderr.contains("«2023-2024» → «2024-2025»") && stderr.contains("appendices[0].title"), "{stderr}");
    let rolled = std::fs::read_to_string(&out).unwrap();
    assert!(rolled.contains("с 01.09.2024 г.") && rolled.contains("в 2024 - 2025 учебном году"));
    // The input is not overwritten without --force.
    let copy = dir.join("copy.json");
    std::fs::copy(common::root().join("samples/solnechnogorsk-2023.json"), &copy).unwrap();
    let run = prikaz(&["roll", copy.to_str().unwrap(), "--to", "2024", "-o", copy.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--force"));
    let forced = prikaz(&["roll", copy.to_str().unwrap(), "--to", "2024", "-o", copy.to_str().unwrap(), "--force"]);
    assert!(forced.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn only_appendices_leaves_the_order_out() {
    let out = prikaz(&["render", "samples/novocherkassk-2020.json", "--only", "appendices", "--emit", "ir"]);
    let ir = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(!ir.contains("ПРИКАЗЫВАЮ") && !ir.contains("signature:"), "{ir}");
    assert!(ir.contains("Приложение 1") && ir.contains("Приложение 2"));
    let one = String::from_utf8(
        prikaz(&["render", "samples/novocherkassk-2020.json", "--appendix", "2", "--emit", "ir"]).stdout,
    )
    .unwrap();
    assert!(one.contains("Состав рабочей группы") && !one.contains("Приложение 1"));
    // The appendix is laid out as inside the full document: the same rows, the same mark.
    let full =
        String::from_utf8(prikaz(&["render", "samples/novocherkassk-2020.json", "--emit", "ir"]).stdout).unwrap();
    assert!(full.contains(one.lines().skip(2).collect::<Vec<_>>().join("\n").as_str()));
    let dir = temp("only");
    let out =
        prikaz(&["render", "samples/novocherkassk-2020.json", "--only", "appendices", "-o", dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        dir.join("novocherkassk-2020-приложения.docx").exists()
            && dir.join("novocherkassk-2020-приложения.pdf").exists()
    );
    assert_eq!(
        prikaz(&["render", "samples/novocherkassk-2020.json", "--appendix", "5", "--emit", "ir"]).status.code(),
        Some(1)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn init_makes_a_project_that_renders_and_refuses_to_overwrite() {
    let dir = temp("init");
    let target = dir.join("мой-приказ");
    assert!(prikaz(&["init", target.to_str().unwrap()]).status.success());
    for f in ["prikaz.json", "prikaz.schema.json", "templates/order.xml", "templates/appendix-roadmap.xml"] {
        assert!(target.join(f).exists(), "{f}");
    }
    let out = prikaz(&[
        "render",
        target.join("prikaz.json").to_str().unwrap(),
        "--templates",
        target.join("templates").to_str().unwrap(),
        "-o",
        target.join("out").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again = prikaz(&["init", target.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("уже есть"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn roll_moves_a_batch_file_each_part_from_its_own_plan_and_keeps_the_placeholders() {
    let dir = temp("roll-batch");
    let out = dir.join("batch-2024.json");
    let run = prikaz(&["roll", "samples/batch/municipal.json", "--to", "2024", "-o", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let before = std::fs::read_to_string(common::root().join("samples/batch/municipal.json")).unwrap();
    let after = std::fs::read_to_string(&out).unwrap();
    assert_eq!(before.lines().count(), after.lines().count(), "only values change");
    assert_eq!(before.matches("{{").count(), after.matches("{{").count(), "placeholders stay");
    // The municipal order was a 2020 one, the school template a 2023–2024 plan: both moved.
    assert!(before.contains("2023–2024") && !after.contains("2023"), "{after}");
    assert!(after.contains("\"date\": \"2024-10-06\"") && after.contains("на 2024–2025 учебный год"));
    assert!(prikaz(&["validate", out.to_str().unwrap()]).status.success());
    let built = prikaz(&[
        "batch",
        out.to_str().unwrap(),
        "--schools",
        "samples/batch/schools.csv",
        "-o",
        dir.join("schools").to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    std::fs::remove_dir_all(&dir).ok();
}
