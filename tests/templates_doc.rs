//! The templates guide (docs/templates.md) names every variable the templates see: each
//! path in the data `render --emit context` prints for every sample appears in the guide
//! in backticks, written as the guide says paths are written (lists as `[]`, sub-points
//! as points). A field added to the view without a line in the guide fails here.

mod common;

use serde_json::Value;

/// The paths of `value`, each list element as `[]`.
fn paths(value: &Value, path: String, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let sub = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                out.insert(sub.clone());
                paths(child, sub, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// The guide's way of writing a path: sub-points as points, and an element of a list
/// documented with the list itself.
fn as_written(path: &str) -> String {
    let mut path = path.to_owned();
    while path.contains("points[].points[]") {
        path = path.replace("points[].points[]", "points[]");
    }
    while let Some(shorter) = path.strip_suffix("[]") {
        path = shorter.to_owned();
    }
    path
}

#[test]
fn every_variable_of_every_sample_is_in_the_templates_guide() {
    let guide = std::fs::read_to_string(common::root().join("docs/templates.md")).expect("docs/templates.md");
    let mut all = std::collections::BTreeSet::new();
    for file in common::json_files("samples") {
        let run = common::prikaz(&["render", &file, "--emit", "context"]);
        assert!(run.status.success(), "{file}: {}", String::from_utf8_lossy(&run.stderr));
        let context: Value = serde_json::from_slice(&run.stdout).expect("JSON");
        paths(&context, String::new(), &mut all);
    }
    let written: std::collections::BTreeSet<String> = all.iter().map(|p| as_written(p)).collect();
    assert!(written.len() > 100, "the walk found the variables ({})", written.len());
    let missing: Vec<&String> = written.iter().filter(|p| !guide.contains(&format!("`{p}`"))).collect();
    assert!(missing.is_empty(), "not in docs/templates.md: {missing:#?}");
}

/// The built-in templates are what a user copies (`init`) and edits: their comments are
/// Russian.
#[test]
fn template_comments_are_russian() {
    let mut english = Vec::new();
    for entry in std::fs::read_dir(common::root().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for comment in text.split("{#").skip(1).filter_map(|c| c.split("#}").next()) {
            let prose: String = comment.split('`').step_by(2).collect();
            let latin = prose
                .split(|c: char| !c.is_ascii_alphabetic())
                // Formats, Word, and Roman numerals («II. Раздел») are not English.
                .filter(|w| {
                    w.len() > 1 && !["DOCX", "PDF", "Word"].contains(w) && !w.chars().all(|c| "IVXLC".contains(c))
                })
                .count();
            let cyrillic = prose.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я'));
            if latin > 0 || !cyrillic {
                english.push(format!("{}: {}", path.display(), comment.trim()));
            }
        }
    }
    assert!(english.is_empty(), "comments not in Russian: {english:#?}");
}
