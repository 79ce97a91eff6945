//! `prikaz schema` is a valid JSON Schema, accepts every sample, and the committed copy
//! in `samples/` (which the samples' `$schema` points at) is up to date.

mod common;

use common::{json_files, prikaz, root};

fn schema() -> serde_json::Value {
    let out = prikaz(&["schema"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("the schema is JSON")
}

#[test]
fn the_schema_is_valid_and_accepts_every_sample() {
    let schema = schema();
    jsonschema::meta::validate(&schema).expect("a valid JSON Schema");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let mut files = json_files("samples");
    files.push("tests/fixtures/valid-minimal.json".into());
    for f in files {
        let text = std::fs::read_to_string(root().join(&f)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{f}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_what_validate_rejects_by_type() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    for f in ["unknown-field", "wrong-type-number", "missing-field", "unknown-enum-value"] {
        let text = std::fs::read_to_string(root().join(format!("tests/fixtures/bad/{f}.json"))).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(!validator.is_valid(&value), "{f} should not match the schema");
    }
}

#[test]
fn the_committed_schema_is_current() {
    let committed =
        std::fs::read_to_string(root().join("samples/prikaz.schema.json")).expect("samples/prikaz.schema.json exists");
    let current = String::from_utf8(prikaz(&["schema"]).stdout).unwrap();
    assert!(
        committed == current,
        "samples/prikaz.schema.json is stale: run `cargo run -- schema -o samples/prikaz.schema.json`"
    );
}

/// Text a Russian reader gets: Cyrillic, and no English words outside `code`.
fn is_russian(text: &str) -> Result<(), String> {
    if !text.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')) {
        return Err("no Cyrillic".into());
    }
    let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    // Latin words a Russian text may hold: formats and names.
    const ALLOWED: &[&str] =
        &["QR", "DOCX", "PDF", "PNG", "JPEG", "JSON", "II", "I", "V", "X", "URL", "CSV", "Word", "Excel"];
    let english: Vec<&str> =
        prose.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1 && !ALLOWED.contains(w)).collect();
    if english.is_empty() {
        Ok(())
    } else {
        Err(format!("Latin words outside backticks: {english:?}"))
    }
}

/// Every property, every type and every variant of a union has a Russian `title` and
/// `description`, so VS Code's hover help and completion are Russian.
#[test]
fn every_schema_property_is_described_in_russian() {
    let schema = schema();
    let mut faults = Vec::new();
    let mut properties = 0;
    fn walk(v: &serde_json::Value, path: &str, faults: &mut Vec<String>, properties: &mut usize) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                    for (name, p) in props {
                        *properties += 1;
                        for key in ["title", "description"] {
                            match p.get(key).and_then(|t| t.as_str()) {
                                None => faults.push(format!("{path}/properties/{name}: no {key}")),
                                Some(t) => {
                                    if let Err(e) = is_russian(t) {
                                        faults.push(format!("{path}/properties/{name}/{key}: {e}: {t}"));
                                    }
                                }
                            }
                        }
                    }
                }
                for union in ["oneOf", "anyOf"] {
                    for (i, variant) in map.get(union).and_then(|u| u.as_array()).into_iter().flatten().enumerate() {
                        // `null` beside a type only says the field may be left out.
                        if variant.get("type").and_then(|t| t.as_str()) != Some("null")
                            && variant.get("description").is_none()
                            && variant.get("$ref").is_none()
                        {
                            faults.push(format!("{path}/{union}/{i}: no description"));
                        }
                    }
                }
                for (key, child) in map {
                    if matches!(key.as_str(), "description" | "title") {
                        if let Some(t) = child.as_str() {
                            if let Err(e) = is_russian(t) {
                                faults.push(format!("{path}/{key}: {e}: {t}"));
                            }
                        }
                    } else if key != "examples" && key != "default" && key != "const" && key != "enum" {
                        walk(child, &format!("{path}/{key}"), faults, properties);
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}/{i}"), faults, properties);
                }
            }
            _ => {}
        }
    }
    walk(&schema, "#", &mut faults, &mut properties);
    assert!(properties > 150, "the walk found the properties ({properties})");
    assert!(faults.is_empty(), "{} faults:\n{}", faults.len(), faults.join("\n"));
}
