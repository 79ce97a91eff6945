//! The amending order «О внесении изменений в приказ … от … № …» made from two versions: an
//! input file whose points state each change of [`crate::diff`] in the usual drafting
//! style — «в строке 1.2 в графе «Сроки» слова «…» заменить словами «…»», «после строки
//! 2.4 дополнить строкой 2.5 следующего содержания: «…»», «строку 3.1 исключить», «пункт 3
//! изложить в следующей редакции: «…»». An appendix whose rows changed by more than a
//! third ([`NEW_EDITION_SHARE`]) is restated whole instead: «Приложение 1 изложить в новой
//! редакции согласно приложению к настоящему приказу», the new version attached.
//!
//! Rows after an inserted or removed one are renumbered, as the new version prints them,
//! and a point says so («последующие строки перенумеровать по порядку»): the amended
//! appendix then reads exactly as the new version, which is what a reader compares.

use serde_json::{json, Value};

use crate::diag::Diagnostic;
use crate::diff::{Change, Kind};
use crate::input::model::{Document, IsoDate};

/// More than this share of an appendix's rows changed: it is restated whole.
pub const NEW_EDITION_SHARE: f64 = 1.0 / 3.0;

/// The amending order's own requisites, when they are not the new version's.
#[derive(Debug, Clone, Default)]
pub struct Requisites {
    /// Its date.
    pub date: Option<IsoDate>,
    /// Its number.
    pub number: Option<String>,
}

/// The input file of the amending order from `old` (the signed version) to `new`.
pub fn amending_order(old: &Document, new: &Document, own: &Requisites) -> Result<Value, Diagnostic> {
    let Some(signed) = &old.order else {
        return Err(Diagnostic::error("в старой версии нет приказа: вносить изменения не во что")
            .hint("amend сравнивает подписанный приказ с новой версией; план без приказа утверждается заново"));
    };
    if new.order.as_ref().is_none_or(|o| o.body.is_none()) {
        return Err(Diagnostic::error("у приказа в новой версии нет текста (order.body): не из чего взять подпись и распорядительное слово")
            .hint("добавьте в новую версию order.body с подписью (signatory) — приказ о внесении изменений подписывает тот же руководитель"));
    }
    let changes = crate::diff::changes(old, new);
    if changes.is_empty() {
        return Err(Diagnostic::error("версии совпадают: изменений нет"));
    }
    let date = own.date.or(new.order.as_ref().map(|o| o.date).filter(|d| *d != signed.date)).ok_or_else(|| {
        Diagnostic::error("дата приказа о внесении изменений не задана").hint("укажите её: --date ГГГГ-ММ-ДД")
    })?;
    let number = own
        .number
        .clone()
        .or(new.order.as_ref().map(|o| o.number.clone()).filter(|n| *n != signed.number))
        .ok_or_else(|| {
            Diagnostic::error("номер приказа о внесении изменений не задан").hint("укажите его: --number N")
        })?;
    // «приказ Управления образования от 28.08.2023 № 15 «Об утверждении …»», and «приказа …».
    let requisites = format!(
        "{} от {} № {} «{}»",
        signed.issuer.as_ref().map(|i| format!(" {i}")).unwrap_or_default(),
        crate::ru::dates::date_numeric(signed.date.0),
        signed.number,
        signed.title.trim_end_matches('.')
    );
    let (cited, cited_genitive) = (format!("приказ{requisites}"), format!("приказа{requisites}"));
    let mut doc = serde_json::to_value(new).map_err(|e| Diagnostic::error(e.to_string()))?;
    let mut points: Vec<Value> = Vec::new();
    let mut attached: Vec<Value> = Vec::new();
    // The order's own points and fields.
    let order_changes: Vec<&Change> = changes.iter().filter(|c| c.subject.appendix.is_none()).collect();
    points.extend(order_points(&order_changes, new));
    // Each appendix: restated whole, or changed point by point.
    let mut numbers: Vec<u32> = changes.iter().filter_map(|c| c.subject.appendix).collect();
    numbers.dedup();
    for n in numbers {
        let mine: Vec<&Change> = changes.iter().filter(|c| c.subject.appendix == Some(n)).collect();
        let old_rows = old
            .appendices
            .iter()
            .enumerate()
            .find(|(i, a)| a.number.unwrap_or(*i as u32 + 1) == n)
            .map_or(0, |(_, a)| rows(a));
        let touched = mine.iter().filter(|c| matches!(c.subject.what, "row" | "cell")).count();
        let whole = mine.iter().any(|c| c.subject.what == "appendix")
            || (old_rows > 0 && touched as f64 > NEW_EDITION_SHARE * old_rows as f64);
        if whole {
            if let Some(a) = new_appendix(new, n) {
                let removed = mine.iter().any(|c| c.subject.what == "appendix" && c.kind == Kind::Removed);
                if removed {
                    points.push(json!({"text": format!("приложение {n} признать утратившим силу")}));
                    continue;
                }
                let added = mine.iter().any(|c| c.subject.what == "appendix" && c.kind == Kind::Added);
                let text = if added {
                    format!("дополнить приказ приложением {n} согласно приложению к настоящему приказу")
                } else {
                    format!("приложение {n} изложить в новой редакции согласно приложению к настоящему приказу")
                };
                points.push(json!({"text": text}));
                attached.push(a);
            } else {
                points.push(json!({"text": format!("приложение {n} признать утратившим силу")}));
            }
            continue;
        }
        let sub = appendix_points(&mine, new);
        if !sub.is_empty() {
            points.push(json!({"text": format!("в приложении {n}:"), "points": sub}));
        }
    }
    let order = doc.get_mut("order").and_then(Value::as_object_mut).ok_or_else(|| {
        Diagnostic::error("в новой версии нет приказа")
            .hint("amend берёт бланк, подпись и стиль из новой версии приказа")
    })?;
    order.insert("date".into(), json!(date.0.format("%Y-%m-%d").to_string()));
    order.insert("number".into(), json!(number));
    order.insert("title".into(), json!(format!("О внесении изменений в {cited}")));
    let body = order.entry("body").or_insert_with(|| json!({}));
    if let Some(b) = body.as_object_mut() {
        b.insert("preamble".into(), json!([format!("В связи с уточнением {cited_genitive}")]));
        let mut all = vec![json!({"text": format!("Внести в {cited} следующие изменения:"), "points": points})];
        all.push(json!({"text": "Контроль за исполнением настоящего приказа оставляю за собой."}));
        b.insert("points".into(), Value::Array(all));
    }
    if let Some(o) = doc.as_object_mut() {
        for a in &mut attached {
            if let Some(a) = a.as_object_mut() {
                a.remove("number");
            }
        }
        o.insert("appendices".into(), Value::Array(attached));
    }
    Ok(doc)
}

/// Activities of an appendix's table, at every depth.
fn rows(a: &crate::input::model::Appendix) -> usize {
    fn count(items: &[crate::input::model::Activity], sections: &[crate::input::model::Section]) -> usize {
        items.len() + sections.iter().map(|s| count(&s.items, &s.sections)).sum::<usize>()
    }
    a.table.as_ref().map_or(0, |t| count(&t.items, &t.sections))
}

fn new_appendix(new: &Document, n: u32) -> Option<Value> {
    let (_, a) = new.appendices.iter().enumerate().find(|(i, a)| a.number.unwrap_or(*i as u32 + 1) == n)?;
    serde_json::to_value(a).ok()
}

fn quoted(s: &Option<String>) -> String {
    let text = s.as_deref().unwrap_or("").replace('\n', "; ");
    format!("«{}»", text.trim())
}

/// The order's changes: each point restated, added or repealed; other fields as words
/// replaced.
fn order_points(changes: &[&Change], new: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    let mut restated: Vec<String> = Vec::new();
    for c in changes {
        let n = c.subject.number.clone().unwrap_or_default();
        match (c.subject.what, c.kind) {
            ("point", Kind::Changed) if !restated.contains(&n) => {
                restated.push(n.clone());
                let text = c
                    .new_path
                    .as_deref()
                    .and_then(|p| point_at(new, p))
                    .map_or_else(|| c.new.clone().unwrap_or_default(), crate::diff::point_text);
                out.push(json!({"text": format!("пункт {n} изложить в следующей редакции: «{}»", text.trim())}));
            }
            ("point", Kind::Changed) => {}
            ("point", Kind::Removed) => out.push(json!({"text": format!("пункт {n} признать утратившим силу")})),
            ("point", Kind::Added) => {
                let new_n = c.subject.new_number.clone().unwrap_or_default();
                out.push(json!({"text": format!("дополнить пунктом {new_n} следующего содержания: {}", quoted(&c.new))}));
            }
            ("order", _) => {}
            (_, Kind::Changed) if c.place == "приказ, заголовок" => {
                out.push(json!({"text": format!("наименование приказа изложить в следующей редакции: {}", quoted(&c.new))}))
            }
            // The signed order's requisites, signature and print forms are history, not
            // amended (the amending order has its own, from the new version); its other
            // fields are words replaced.
            (_, _) if c.place.as_str() == "приказ, дата" || c.place.as_str() == "приказ, номер" => {}
            (_, _) if not_amended(c) => {}
            (_, Kind::Changed) => out.push(json!({"text": format!(
                "{}: слова {} заменить словами {}", c.place.trim_start_matches("приказ, "), quoted(&c.old), quoted(&c.new)
            )})),
            (_, Kind::Added) => out.push(json!({"text": format!("{}: дополнить словами {}", c.place.trim_end_matches(" — добавлено").trim_start_matches("приказ, "), quoted(&c.new))})),
            (_, Kind::Removed) => out.push(json!({"text": format!("{}: слова {} исключить", c.place.trim_end_matches(" — удалено").trim_start_matches("приказ, "), quoted(&c.old))})),
        }
    }
    out
}

/// The new version's point a change's path lies in («order.body.points[1].points[0].text»
/// → that sub-point): a point whose field changed is restated whole.
fn point_at<'a>(new: &'a Document, path: &str) -> Option<&'a crate::input::model::Point> {
    let mut list = &new.order.as_ref()?.body.as_ref()?.points;
    let mut found = None;
    for part in path.split("points[").skip(1) {
        let i: usize = part.split(']').next()?.parse().ok()?;
        let p = list.get(i)?;
        found = Some(p);
        list = &p.points;
    }
    found
}

/// «строке 1.2», «строке 2 раздела 3».
fn row_in(c: &Change, case_row: &str) -> String {
    let n = c.subject.number.clone().unwrap_or_default();
    match &c.subject.section {
        Some(s) => format!("{case_row} {n} раздела {s}"),
        None => format!("{case_row} {n}"),
    }
}

/// One appendix's changes, each a point in the drafting style.
fn appendix_points(changes: &[&Change], new: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    let (mut shifted, mut points_shifted) = (false, false);
    for c in changes {
        let n = c.subject.number.clone().unwrap_or_default();
        let section = c.subject.section.clone().unwrap_or_default();
        let text = match (c.subject.what, c.kind) {
            ("clause-point" | "list-item", Kind::Changed) => {
                format!("пункт {n} изложить в следующей редакции: {}", quoted(&c.new))
            }
            ("clause-point", Kind::Removed) => {
                points_shifted = true;
                format!("пункт {n} признать утратившим силу")
            }
            ("clause-point" | "list-item", Kind::Added) => {
                points_shifted = true;
                let new_n = c.subject.new_number.clone().unwrap_or_default();
                format!("дополнить пунктом {new_n} следующего содержания: {}", quoted(&c.new))
            }
            ("list-item", Kind::Removed) => {
                points_shifted = true;
                format!("пункт {n} исключить")
            }
            ("paragraph", Kind::Changed) => {
                format!("абзац {n} раздела {section} изложить в следующей редакции: {}", quoted(&c.new))
            }
            ("paragraph", Kind::Removed) => format!("абзац {n} раздела {section} исключить"),
            ("paragraph", Kind::Added) => {
                format!("раздел {section} дополнить абзацем следующего содержания: {}", quoted(&c.new))
            }
            ("cell", Kind::Changed) => {
                let column = c.subject.column.clone().unwrap_or_default();
                let empty = |s: &Option<String>| s.as_deref().is_none_or(|v| v.trim().is_empty());
                if empty(&c.old) {
                    format!("в {} графу «{column}» дополнить словами {}", row_in(c, "строке"), quoted(&c.new))
                } else if empty(&c.new) {
                    format!("в {} в графе «{column}» слова {} исключить", row_in(c, "строке"), quoted(&c.old))
                } else {
                    format!(
                        "в {} в графе «{column}» слова {} заменить словами {}",
                        row_in(c, "строке"),
                        quoted(&c.old),
                        quoted(&c.new)
                    )
                }
            }
            ("row", Kind::Added) => {
                shifted = true;
                let within = c.subject.section.as_ref().map(|s| format!(" раздела {s}")).unwrap_or_default();
                let new_n = c.subject.new_number.clone().unwrap_or_default();
                let said = match &c.subject.after {
                    Some(after) => {
                        format!("после строки {after}{within} дополнить строкой {new_n}{within} следующего содержания:")
                    }
                    // The start of its section («в начале раздела 1»), else of the table.
                    None if !within.is_empty() => {
                        format!("в начале{within} дополнить строкой {new_n} следующего содержания:")
                    }
                    None => format!("в начале таблицы дополнить строкой {new_n} следующего содержания:"),
                };
                // The row itself as a table fragment under the point, in the plan's columns.
                match row_fragment(c, new) {
                    Some(table) => {
                        out.push(json!({"text": said, "table": table}));
                        continue;
                    }
                    None => format!("{} «{}»", said, c.new.as_deref().unwrap_or("").replace('\n', ", ").trim()),
                }
            }
            ("row", Kind::Removed) => {
                shifted = true;
                format!("{} исключить", row_in(c, "строку"))
            }
            ("section", Kind::Changed) => format!(
                "наименование раздела {} изложить в следующей редакции: {}",
                c.subject.number.clone().unwrap_or_default(),
                quoted(&c.new)
            ),
            ("section", Kind::Added) => {
                shifted = true;
                format!("дополнить разделом {} {}", c.subject.new_number.clone().unwrap_or_default(), quoted(&c.new))
            }
            ("section", Kind::Removed) => {
                shifted = true;
                format!("раздел {} исключить", c.subject.number.clone().unwrap_or_default())
            }
            ("column", Kind::Changed) => format!(
                "наименование графы «{}» изложить в следующей редакции: {}",
                c.subject.column.clone().unwrap_or_default(),
                quoted(&c.new)
            ),
            ("column", Kind::Added) => format!("дополнить графой {}", quoted(&c.new)),
            ("column", Kind::Removed) => format!("графу {} исключить", quoted(&c.old)),
            (_, Kind::Changed) => {
                format!("{}: слова {} заменить словами {}", strip_label(&c.place), quoted(&c.old), quoted(&c.new))
            }
            (_, Kind::Added) => format!("{}: дополнить словами {}", strip_label(&c.place), quoted(&c.new)),
            (_, Kind::Removed) => format!("{}: слова {} исключить", strip_label(&c.place), quoted(&c.old)),
        };
        out.push(json!({"text": text}));
    }
    if shifted {
        out.push(json!({"text": "последующие строки перенумеровать по порядку"}));
    }
    if points_shifted {
        out.push(json!({"text": "последующие пункты перенумеровать по порядку"}));
    }
    out
}

/// An added row as the table of its point: the new plan's column titles and widths, and the
/// row's printed cells. `None` when the row's table is not found (then the row is quoted).
fn row_fragment(c: &Change, new: &Document) -> Option<Value> {
    let path = c.new_path.as_deref()?;
    let index: usize = path.strip_prefix("appendices[")?.split(']').next()?.parse().ok()?;
    let table = new.appendices.get(index)?.table.as_ref()?;
    if c.subject.cells.len() != table.columns.len() {
        return None;
    }
    let columns: Vec<String> = table.columns.iter().map(|col| col.title.clone()).collect();
    let widths: Vec<f64> = table.columns.iter().map(|col| col.width).collect();
    Some(json!({"columns": columns, "widths": widths, "rows": [c.subject.cells]}))
}

/// «Приложение 1, заголовок» → «заголовок».
fn strip_label(place: &str) -> &str {
    place.split_once(", ").map_or(place, |(_, rest)| rest)
}

/// Fields of the signed order an amendment does not restate: how it was printed and who
/// signed it.
fn not_amended(c: &Change) -> bool {
    const HISTORY: [&str; 9] = [
        ".signatory",
        ".decree",
        ".acquaintance",
        "order.kind",
        "order.place",
        "order.date_line",
        "order.date_format",
        "order.date_pattern",
        ".markers",
    ];
    let path = c.old_path.as_deref().or(c.new_path.as_deref()).unwrap_or("");
    HISTORY.iter().any(|h| path.contains(h))
}
