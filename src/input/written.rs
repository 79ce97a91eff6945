//! A document as a person would write its input file: the model's own field order, and no
//! value the format assumes anyway. What "assumed" means is read from the schema's
//! `default`s, the model's single statement of them, so a file written here says what its
//! source said and nothing the reader has to skip over.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::{Document, Table};

/// JSON whose objects keep their keys in the order they were written: serde_json's own map
/// sorts them in this build.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Json {
    /// `null`.
    Null(()),
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, its keys in written order.
    Object(IndexMap<String, Json>),
}

impl Json {
    /// The JSON of a value, in the order its `Serialize` writes fields.
    pub fn of<T: Serialize>(v: &T) -> Json {
        serde_json::to_string(v).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Json::Null(()))
    }

    /// JSON text, two-space indents.
    pub fn pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    fn plain(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// The document as JSON in the model's field order, values equal to the format's defaults
/// left out, whole numbers written without «.0».
pub fn json(doc: &Document) -> Json {
    written(doc, None)
}

/// The document as `json` gives it, as a plain JSON value.
pub fn value(doc: &Document) -> Value {
    json(doc).plain()
}

/// The document as the text of an input file (two-space indents, a final newline).
pub fn text(doc: &Document) -> String {
    let mut out = json(doc).pretty();
    out.push('\n');
    out
}

/// A plan's table as `json` writes it inside a document.
pub fn table(t: &Table) -> Json {
    written(t, Some("Table"))
}

/// `v` written, pruned by the schema of the document or of one of its types (`def`).
fn written<T: Serialize>(v: &T, def: Option<&str>) -> Json {
    let root = schemars::schema_for!(Document).to_value();
    let schema = match def {
        Some(name) => root.get("$defs").and_then(|d| d.get(name)).cloned().unwrap_or(Value::Null),
        None => root.clone(),
    };
    let mut out = Json::of(v);
    prune(&mut out, &schema, &root);
    out
}

/// Drops the properties of `v` whose value is their schema's default, at every depth;
/// `root` resolves `$ref`s.
fn prune(v: &mut Json, schema: &Value, root: &Value) {
    let schema = resolve(schema, root);
    match v {
        Json::Object(map) => {
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                map.retain(|k, x| props.get(k).and_then(|p| p.get("default")).is_none_or(|d| *d != x.plain()));
                for (k, x) in map.iter_mut() {
                    if let Some(p) = props.get(k) {
                        prune(x, p, root);
                    }
                }
            } else if let Some(each) = schema.get("additionalProperties").filter(|s| s.is_object()) {
                map.values_mut().for_each(|x| prune(x, each, root));
            } else if let Some(branch) = object_branch(map, schema, root) {
                prune(v, &branch, root);
            }
        }
        Json::Array(items) => {
            if let Some(each) = schema.get("items") {
                items.iter_mut().for_each(|x| prune(x, each, root));
            } else if let Some(branch) = branches(schema, root).find(|b| b.get("items").is_some()).cloned() {
                prune(v, &branch, root);
            }
        }
        Json::Number(n) => {
            if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15 && !n.is_i64() && !n.is_u64()) {
                *n = serde_json::Number::from(f as i64);
            }
        }
        _ => {}
    }
}

/// The schema a `$ref` names, or the schema itself.
fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        Some(name) => root.get("$defs").and_then(|d| d.get(name)).map_or(schema, |s| resolve(s, root)),
        None => schema,
    }
}

fn branches<'a>(schema: &'a Value, root: &'a Value) -> impl Iterator<Item = &'a Value> {
    ["anyOf", "oneOf"]
        .into_iter()
        .filter_map(|k| schema.get(k).and_then(Value::as_array))
        .flatten()
        .map(move |b| resolve(b, root))
}

/// The branch of a union an object belongs to: one whose properties hold all its keys, a
/// map of values, or a union of its own.
fn object_branch(map: &IndexMap<String, Json>, schema: &Value, root: &Value) -> Option<Value> {
    branches(schema, root)
        .find(|b| match b.get("properties").and_then(Value::as_object) {
            Some(props) => map.keys().all(|k| props.contains_key(k)),
            None => {
                b.get("additionalProperties").is_some_and(Value::is_object)
                    || b.get("anyOf").is_some()
                    || b.get("oneOf").is_some()
            }
        })
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Document {
        let loaded =
            crate::input::load_source(crate::input::source::Source { name: "t.json".into(), text: text.into() });
        loaded.document.expect("valid")
    }

    #[test]
    fn defaults_are_left_out_and_what_was_chosen_stays() {
        let doc = load(
            r#"{"style": {"body_size_pt": 12, "font": "Times New Roman"},
                "order": {"kind": "ПРИКАЗ", "date": "2024-09-02", "number": "5", "title": "О плане",
                          "date_line": "stacked", "date_format": "words"},
                "appendices": [{"kind": "roadmap", "title": "План", "mark": {"style": "appendix", "to_order": false},
                  "table": {"numbering": "hierarchical", "columns": [{"key": "a", "title": "Мероприятие", "width": 2835, "role": "activity"}],
                            "items": [{"values": {"a": {"span": {"rows": 1, "columns": 1, "value": "x"}}}}]}}]}"#,
        );
        let v = value(&doc);
        assert_eq!(v["style"], serde_json::json!({"body_size_pt": 12}));
        let order = v["order"].as_object().unwrap();
        assert!(!order.contains_key("kind") && !order.contains_key("date_line"), "{order:?}");
        assert_eq!(order["date_format"], "words");
        let a = &v["appendices"][0];
        assert_eq!(a["mark"], serde_json::json!({"to_order": false}));
        assert!(a["table"].get("numbering").is_none());
        assert_eq!(a["table"]["columns"][0]["width"], serde_json::json!(2835));
        assert_eq!(a["table"]["items"][0]["values"]["a"], serde_json::json!({"span": {"value": "x"}}));
        // The model's order, and what is written reads back as the same document.
        let written = text(&doc);
        assert!(
            written.find("\"style\"") < written.find("\"order\"")
                && written.find("\"date\"") < written.find("\"title\"")
        );
        let again = load(&written);
        assert_eq!(serde_json::to_value(&again).unwrap(), serde_json::to_value(&doc).unwrap());
    }
}
