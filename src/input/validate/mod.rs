//! Semantic checks: what the types alone cannot say.
//!
//! Each check returns diagnostics with a JSON path; [`super::load`] attaches source
//! locations afterwards, in one pass, only when there is something to report.

mod appendix;
mod chars;
mod order;
mod requisites;
mod style;
mod table;

pub use chars::{check_characters, is_xml_illegal};

use super::model::Document;
use crate::diag::{Diagnostic, JsonPath};

/// Runs every semantic check on a parsed document.
pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let root = JsonPath::root();
    style::check(&doc.style, &root.key("style"), &mut out);
    let has_body = doc.order.as_ref().is_some_and(|o| o.body.is_some());
    if !has_body && doc.appendices.is_empty() {
        out.push(
            Diagnostic::error("печатать нечего: нет ни текста приказа (order.body), ни приложений (appendices)")
                .at(root.clone())
                .hint("добавьте order.body с пунктами приказа или хотя бы одно приложение"),
        );
    }
    if let Some(order) = &doc.order {
        order::check(doc, order, &root.key("order"), &mut out);
    }
    appendix::check_all(doc, &root.key("appendices"), &mut out);
    requisites::check_logo(doc, &mut out);
    if let Some(q) = &doc.qr {
        requisites::check_qr(q, &root.key("qr"), &mut out);
    }
    if let Some(body) = doc.order.as_ref().and_then(|o| o.body.as_ref()) {
        let bp = root.key("order").key("body");
        if let Some(e) = &body.signatory.e_signature {
            requisites::check_e_signature(doc, e, &bp.key("signatory").key("e_signature"), &mut out);
        }
        requisites::check_markers(body.markers, &body.points, &bp.key("points"), &mut out);
    }
    for (i, a) in doc.appendices.iter().enumerate() {
        let path = root.key("appendices").index(i).key("approvals");
        requisites::check_approvals(doc, &a.approvals, &path, &mut out);
        if let Some(sig) = &a.signatory {
            let sp = root.key("appendices").index(i).key("signatory");
            order::check_signatory(sig, &sp, &mut out);
            if let Some(e) = &sig.e_signature {
                requisites::check_e_signature(doc, e, &sp.key("e_signature"), &mut out);
            }
        }
    }
    for (i, u) in doc.unplaced.iter().enumerate() {
        let text: String = u.text.replace('\n', " ").chars().take(60).collect();
        let from = if u.from.is_empty() { String::new() } else { format!(" ({})", u.from) };
        out.push(
            Diagnostic::warning(format!("текст из исходного документа не размещён и не печатается{from}: «{text}»"))
                .at(root.key("unplaced").index(i))
                .hint("перенесите его в нужное поле и удалите запись из unplaced"),
        );
    }
    out
}

/// An error when a required text is empty or only spaces.
pub(crate) fn require_text(value: &str, path: &JsonPath, what: &str, out: &mut Vec<Diagnostic>) {
    if value.trim().is_empty() {
        out.push(
            Diagnostic::error(format!("{what}: пустое значение"))
                .at(path.clone())
                .hint("заполните поле или удалите его, если оно необязательно"),
        );
    }
}
