//! Checks of the style block: sizes and margins a page can hold.

use crate::diag::{Diagnostic, JsonPath};
use crate::input::model::Style;

pub(super) fn check(style: &Style, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    super::require_text(&style.font, &path.key("font"), "шрифт", out);
    for (key, v) in [("body_size_pt", style.body_size_pt), ("table_size_pt", style.table_size_pt)] {
        if !(6.0..=72.0).contains(&v) {
            out.push(
                Diagnostic::error(format!("кегль {v} пт вне разумных пределов 6–72 пт"))
                    .at(path.key(key))
                    .hint("ГОСТ рекомендует 12–14 пт"),
            );
        }
    }
    let text_width = 210.0 - style.margins_mm.left - style.margins_mm.right;
    if !style.title.full_width && !(20.0..=text_width.max(20.0)).contains(&style.title.width_mm) {
        out.push(
            Diagnostic::error(format!(
                "ширина заголовка {} мм вне пределов 20–{text_width} мм (ширина текста)",
                style.title.width_mm
            ))
            .at(path.key("title").key("width_mm"))
            .hint("по ГОСТ — до 90 мм; во всю ширину — «full_width»: true"),
        );
    }
    let m = &style.margins_mm;
    for (key, v) in [("left", m.left), ("right", m.right), ("top", m.top), ("bottom", m.bottom)] {
        if !(0.0..=100.0).contains(&v) {
            out.push(
                Diagnostic::error(format!("поле страницы {v} мм вне пределов 0–100 мм"))
                    .at(path.key("margins_mm").key(key)),
            );
        }
    }
    // The narrowest text area is portrait A4's 210 mm width.
    if m.left + m.right > 150.0 || m.top + m.bottom > 200.0 {
        out.push(Diagnostic::error("поля страницы оставляют слишком мало места для текста").at(path.key("margins_mm")));
    }
    if !(0.0..=50.0).contains(&style.first_line_indent_mm) {
        out.push(
            Diagnostic::error("абзацный отступ вне пределов 0–50 мм")
                .at(path.key("first_line_indent_mm"))
                .hint("по ГОСТ — 12,5 мм"),
        );
    }
    if style.landscape_from_columns == 0 {
        out.push(
            Diagnostic::error("landscape_from_columns должно быть не меньше 1").at(path.key("landscape_from_columns")),
        );
    }
}
