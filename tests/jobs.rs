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
    // Free-text deadlines are listed with their JSON path.
    let out = dir.join("s.json");
    let run = prikaz(&["roll", "samples/solnechnogorsk-2023.json", "--to", "2024", "-o", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("«В течение года» — свободный текст") && stderr.contains("values.deadline"), "{stderr}");
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
