//! Checks of appendices: ids, numbers, kind and content, marks, periods, lists, clauses.

use std::collections::HashMap;

use super::order::check_person;
use super::require_text;
use crate::diag::{Diagnostic, JsonPath};
use crate::input::model::{Appendix, AppendixKind, ClauseBlock, ClauseObject, Document, ListItem, MarkStyle, Period};

const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2200;

pub(super) fn check_all(doc: &Document, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut numbers: HashMap<u32, usize> = HashMap::new();
    for (i, a) in doc.appendices.iter().enumerate() {
        let ap = path.index(i);
        if let Some(id) = &a.id {
            require_text(id, &ap.key("id"), "id приложения", out);
            if let Some(first) = ids.insert(id.as_str(), i) {
                out.push(
                    Diagnostic::error(format!("id «{id}» уже есть у приложения appendices[{first}]"))
                        .at(ap.key("id"))
                        .hint("id приложений должны различаться"),
                );
            }
        }
        if a.number == Some(0) {
            out.push(Diagnostic::error("номер приложения должен быть не меньше 1").at(ap.key("number")));
        }
        if let Some(n) = Appendix::effective_number(&doc.appendices, i) {
            if let Some(first) = numbers.insert(n, i) {
                out.push(
                    Diagnostic::error(format!("номер приложения {n} уже есть у appendices[{first}]"))
                        .at(ap.key("number"))
                        .hint("номера приложений идут по порядку автоматически; явный \"number\" нужен, только если первые приложения не входят в этот файл"),
                );
            }
        }
        check_one(doc, a, &ap, out);
    }
}

fn check_one(doc: &Document, a: &Appendix, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    require_text(&a.title, &path.key("title"), "заголовок приложения", out);
    let content = [("table", a.table.is_some()), ("items", a.items.is_some()), ("clauses", a.clauses.is_some())];
    let (needed, kind_name) = match a.kind {
        AppendixKind::Roadmap => ("table", "roadmap"),
        AppendixKind::List => ("items", "list"),
        AppendixKind::Text => ("clauses", "text"),
    };
    for (key, present) in content {
        if key == needed && !present {
            out.push(
                Diagnostic::error(format!("у приложения вида «{kind_name}» нет поля «{key}»"))
                    .at(path.clone())
                    .hint(format!("добавьте «{key}» или смените «kind»")),
            );
        }
        if key != needed && present {
            out.push(
                Diagnostic::error(format!("поле «{key}» не используется в приложении вида «{kind_name}»"))
                    .at(path.key(key))
                    .hint(format!(
                        "для «{kind_name}» содержимое задаётся в «{needed}»; лишнее поле потерялось бы при печати"
                    )),
            );
        }
    }
    check_mark(doc, a, &path.key("mark"), out);
    if let Some(p) = &a.period {
        check_period(p, &path.key("period"), out);
    }
    if let Some(t) = &a.table {
        super::table::check(t, a.period.as_ref().and_then(Period::bounds), &path.key("table"), out);
        super::table::check_column_room(t, &doc.style, a.landscape(&doc.style), &path.key("table"), out);
    }
    if let Some(items) = &a.items {
        if items.is_empty() {
            out.push(Diagnostic::error("список пуст").at(path.key("items")));
        }
        for (i, item) in items.iter().enumerate() {
            match item {
                ListItem::Text(t) => require_text(t, &path.key("items").index(i), "пункт списка", out),
                ListItem::Person(p) => {
                    check_person(&p.person, &path.key("items").index(i).key("person"), out);
                    // A list prints «Фамилия И.О., должность»: the dative form is an addressee's.
                    if p.position_dative.is_some() {
                        out.push(
                            Diagnostic::error("в списке должность в дательном падеже не печатается")
                                .at(path.key("items").index(i).key("position_dative"))
                                .hint("запишите должность в именительном падеже в «position»"),
                        );
                    }
                }
            }
        }
    }
    if let Some(clauses) = &a.clauses {
        if clauses.is_empty() {
            out.push(Diagnostic::error("в тексте приложения нет ни одного раздела").at(path.key("clauses")));
        }
        for (i, c) in clauses.iter().enumerate() {
            let cp = path.key("clauses").index(i);
            for (k, p) in c.points.iter().enumerate() {
                point_tables(p, &cp.key("points").index(k), out);
            }
            for (k, b) in c.blocks.iter().enumerate() {
                if let crate::input::model::ClauseBlock::Object(crate::input::model::ClauseObject::Point(p)) = b {
                    point_tables(p, &cp.key("blocks").index(k).key("point"), out);
                }
            }
            let legacy = !c.paragraphs.is_empty() || !c.points.is_empty();
            if !legacy && c.blocks.is_empty() {
                out.push(Diagnostic::error("пустой раздел: нет ни абзацев, ни пунктов").at(cp.clone()));
            }
            if legacy && !c.blocks.is_empty() {
                out.push(
                    Diagnostic::error("в разделе заданы и blocks, и paragraphs/points: порядок неясен")
                        .at(cp.key("blocks"))
                        .hint("перенесите абзацы и пункты в blocks в том порядке, в каком они читаются"),
                );
            }
            for (j, p) in c.paragraphs.iter().enumerate() {
                require_text(p, &cp.key("paragraphs").index(j), "абзац", out);
            }
            for (j, b) in c.blocks.iter().enumerate() {
                match b {
                    ClauseBlock::Text(t) => require_text(t, &cp.key("blocks").index(j), "абзац", out),
                    ClauseBlock::Object(ClauseObject::List(l)) if l.items.is_empty() => out.push(
                        Diagnostic::error("пустой список").at(cp.key("blocks").index(j).key("list").key("items")),
                    ),
                    ClauseBlock::Object(_) => {}
                }
            }
        }
    }
}

fn check_mark(doc: &Document, a: &Appendix, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if let Some(lines) = &a.mark.lines {
        check_mark_lines(lines, a.mark.style == MarkStyle::None, &path.key("lines"), out);
        // The lines replace the wording the other fields make: those the lines do not
        // use would not be printed.
        let uses = |field: &str| lines.iter().any(|l| l.contains(&format!("{{{field}}}")));
        if a.mark.issuer.is_some() && !uses("издатель") {
            out.push(
                Diagnostic::error("издатель отметки не печатается: строки отметки (lines) его не называют")
                    .at(path.key("issuer"))
                    .hint("впишите {издатель} в строку отметки или уберите issuer"),
            );
        }
        if a.mark.with_order_title && !uses("заголовок") {
            out.push(
                Diagnostic::error("заголовок приказа в отметке не печатается: строки отметки (lines) его не называют")
                    .at(path.key("with_order_title"))
                    .hint("впишите {заголовок} в строку отметки или уберите with_order_title"),
            );
        }
    }
    if a.mark.style == MarkStyle::None {
        // No mark is printed: nothing of the order is needed for it.
        if a.mark.with_order_title {
            out.push(
                Diagnostic::warning("заголовок приказа в отметке не печатается: отметки нет (style: none)")
                    .at(path.key("with_order_title"))
                    .hint("уберите with_order_title или выберите style «appendix»"),
            );
        }
        return;
    }
    let Some(order) = &doc.order else {
        // A mark citing its own date and number needs no order in the file.
        let cites_own = a.mark.date.is_some() && a.mark.number.is_some();
        if matches!(a.mark.style, MarkStyle::Approved | MarkStyle::Both) && !cites_own {
            out.push(
                Diagnostic::error("гриф «УТВЕРЖДЕН приказом …» требует реквизитов приказа")
                    .at(path.key("style"))
                    .hint("добавьте в документ «order» с датой, номером и заголовком или укажите дату и номер в самой отметке (mark.date, mark.number)"),
            );
        }
        if a.mark.with_order_title {
            out.push(
                Diagnostic::error("заголовок приказа в отметке требует реквизитов приказа")
                    .at(path.key("with_order_title"))
                    .hint("добавьте «order» или уберите with_order_title"),
            );
        }
        return;
    };
    let issuer = a
        .mark
        .issuer
        .as_ref()
        .or(order.issuer.as_ref())
        .or(doc.blank.as_ref().and_then(|b| b.organization.short_name.as_ref()));
    // No issuer is a form of its own: «к приказу от … № …», «УТВЕРЖДЕН приказом от … № …»
    // (as many organisations write); one that is given must not be empty.
    if let Some(i) = issuer {
        require_text(i, &path.key("issuer"), "издатель приказа в отметке", out);
    }
}

fn check_period(p: &Period, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    let years: Vec<(i32, JsonPath)> = match p {
        Period::SchoolYear(y) => vec![(*y, path.key("school_year"))],
        Period::Years(s) => vec![(s.from, path.key("years").key("from")), (s.to, path.key("years").key("to"))],
        Period::Dates(_) => vec![],
    };
    for (y, yp) in &years {
        if !(MIN_YEAR..=MAX_YEAR).contains(y) {
            out.push(
                Diagnostic::error(format!("год {y} вне допустимого диапазона {MIN_YEAR}–{MAX_YEAR}")).at(yp.clone()),
            );
        }
    }
    let reversed = match p {
        Period::Years(s) => s.from > s.to,
        Period::Dates(d) => d.from > d.to,
        Period::SchoolYear(_) => false,
    };
    if reversed {
        out.push(
            Diagnostic::error("период заканчивается раньше, чем начинается")
                .at(path.clone())
                .hint("поменяйте местами «from» и «to»"),
        );
    }
}

/// A mark's own lines: fields it knows, something printed, and a mark that is printed.
fn check_mark_lines(lines: &[String], off: bool, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    use crate::input::model::MARK_FIELDS;
    use crate::ru::dates::PATTERN_FIELDS;
    if off {
        out.push(
            Diagnostic::error("строки отметки не печатаются: отметка выключена (style: none)")
                .at(path.clone())
                .hint("уберите lines или выберите style «appendix»"),
        );
    }
    if lines.iter().all(|l| l.trim().is_empty()) {
        out.push(Diagnostic::error("строки отметки пусты").at(path.clone()).hint(
            "впишите строки, например «Приложение {приложение}», или уберите lines, чтобы печаталась обычная отметка",
        ));
    }
    let known: Vec<String> = MARK_FIELDS.iter().chain(PATTERN_FIELDS.iter()).map(|f| format!("{{{f}}}")).collect();
    for (i, line) in lines.iter().enumerate() {
        let unknown: Vec<String> = line
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(f, _)| f))
            .filter(|f| !MARK_FIELDS.contains(f) && !PATTERN_FIELDS.contains(f))
            .map(|f| format!("{{{f}}}"))
            .collect();
        if !unknown.is_empty() {
            out.push(
                Diagnostic::error(format!("в строке отметки неизвестные поля: {}", unknown.join(", ")))
                    .at(path.index(i))
                    .hint(format!("поля строк отметки: {}", known.join(", "))),
            );
        }
    }
}

/// The tables of a clause's point and its sub-points (the order's points are checked with
/// the rest of the order).
fn point_tables(p: &crate::input::model::Point, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if let Some(t) = &p.table {
        super::order::check_point_table(t, &path.key("table"), out);
    }
    for (i, sub) in p.points.iter().enumerate() {
        point_tables(sub, &path.key("points").index(i), out);
    }
}
