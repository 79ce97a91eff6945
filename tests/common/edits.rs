//! The five edits a plan gets after signing (a deadline moved, a row inserted in the
//! middle, a row deleted, a section renamed, a point of the order reworded), for the tests
//! of `diff`, `amend` and `render --changes-from`.

use serde_json::{json, Value};

/// The rows arrays of a table (its own and every section's), with the JSON pointer of each.
fn row_lists(table: &Value, at: &str, out: &mut Vec<String>) {
    if table.get("items").and_then(Value::as_array).is_some_and(|a| !a.is_empty()) {
        out.push(format!("{at}/items"));
    }
    for (i, s) in table.get("sections").and_then(Value::as_array).into_iter().flatten().enumerate() {
        row_lists(s, &format!("{at}/sections/{i}"), out);
    }
}

/// The key of the column with `role`.
fn column(table: &Value, role: &str) -> Option<String> {
    table["columns"].as_array()?.iter().find(|c| c["role"] == role).and_then(|c| c["key"].as_str()).map(str::to_owned)
}

pub struct Planned {
    pub changed: usize,
    pub inserted: String,
    pub removed: String,
    pub renamed: bool,
    pub reworded: bool,
}

/// Applies the five edits a plan gets after signing, where the document has what they need.
pub fn edit(doc: &mut Value) -> Option<Planned> {
    let (ai, _) = doc["appendices"].as_array()?.iter().enumerate().find(|(_, a)| a.get("table").is_some())?;
    let table_at = format!("/appendices/{ai}/table");
    let table = doc.pointer(&table_at)?.clone();
    let (activity, deadline) = (column(&table, "activity")?, column(&table, "deadline")?);
    let mut lists = Vec::new();
    row_lists(&table, &table_at, &mut lists);
    // The longest list takes the insertion and the deletion; the deadline moves in another
    // list when there is one (else at its first row).
    lists.sort_by_key(|l| std::cmp::Reverse(doc.pointer(l).and_then(Value::as_array).map_or(0, Vec::len)));
    let long = lists.first()?.clone();
    let n = doc.pointer(&long)?.as_array()?.len();
    if n < 3 {
        return None;
    }
    let text = |v: &Value| {
        v["values"][&activity].as_str().map(str::to_owned).unwrap_or_else(|| v["values"][&activity].to_string())
    };
    let rows = doc.pointer_mut(&long)?.as_array_mut()?;
    // Deleted: the last row; inserted: in the middle; both in the same list.
    let gone = rows.pop()?;
    let removed = text(&gone);
    let mut added = rows[0].clone();
    let inserted = "Проведение выездного семинара для наставников сельских школ".to_owned();
    added["values"][&activity] = json!(inserted);
    if let Some(o) = added.as_object_mut() {
        o.remove("number");
        o.remove("id");
    }
    // A copied cell merged over rows below would cover rows it should not.
    if let Some(values) = added["values"].as_object_mut() {
        values.retain(|_, v| v.get("span").is_none());
    }
    let middle = rows.len() / 2;
    rows.insert(middle, added);
    // The deadline of the first row of the last list (or this list's first row).
    let other = lists.iter().rev().find(|l| **l != long).cloned().unwrap_or(long.clone());
    let first = doc.pointer_mut(&format!("{other}/0"))?;
    first["values"][&deadline] = json!({"until": "2024-05-15"});
    let mut planned = Planned { changed: 1, inserted, removed, renamed: false, reworded: false };
    if let Some(title) = doc.pointer_mut(&format!("{table_at}/sections/0/title")) {
        *title = json!(format!("{} (уточнено)", title.as_str().unwrap_or_default()));
        planned.renamed = true;
    }
    if let Some(p) = doc.pointer_mut("/order/body/points/0/text") {
        *p = json!(format!("{} в срок до 1 ноября", p.as_str().unwrap_or_default()));
        planned.reworded = true;
    }
    Some(planned)
}
