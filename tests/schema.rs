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
