//! Checks of a roadmap table: columns, numbering, spans, cells, deadlines.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::order::{check_person, number_collision};
use super::require_text;
use crate::diag::{Diagnostic, JsonPath};
use crate::input::model::{
    Activity, Block, BlockObject, Cell, CellObject, ColumnRole, Deadline, DeadlineSpec, Numbering, PersonRef, Section,
    Style, Table,
};
use crate::input::numbering::{collisions, table_numbers};
use crate::ru::plural::plural;

/// Sections nest 1 / 1.1 / 1.1.1 at most.
const MAX_SECTION_DEPTH: usize = 3;

type Bounds = Option<(NaiveDate, NaiveDate)>;

struct TableCtx<'a> {
    table: &'a Table,
    keys: HashMap<&'a str, usize>,
    number_col: Option<usize>,
    responsible_col: Option<usize>,
    period: Bounds,
}

pub(super) fn check(table: &Table, period: Bounds, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    let ctx = columns(table, period, path, out);
    for (a, b) in collisions(&table_numbers(table, path), table.numbering == Numbering::Hierarchical) {
        out.push(number_collision(a, b));
    }
    if table.items.is_empty() && table.sections.is_empty() {
        out.push(
            Diagnostic::error("в таблице нет ни одного мероприятия")
                .at(path.clone())
                .hint("добавьте «sections» или «items»"),
        );
    }
    rows(&ctx, &table.items, &path.key("items"), out);
    sections(&ctx, &table.sections, &path.key("sections"), 1, out);
    repeated_ids(table, path, out);
}

/// A stable `id` names one row (or one section) of the table: `prikaz diff` pairs the two
/// versions' rows by it.
fn repeated_ids(table: &Table, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    type Seen = std::collections::HashMap<String, JsonPath>;
    fn note(id: &Option<String>, here: JsonPath, seen: &mut Seen, out: &mut Vec<Diagnostic>) {
        let Some(id) = id else { return };
        match seen.get(id) {
            Some(first) => out.push(
                Diagnostic::error(format!("идентификатор «{id}» уже есть у {first}"))
                    .at(here.key("id"))
                    .hint("у каждой строки и каждого раздела таблицы свой id: по нему diff узнаёт их в новой версии"),
            ),
            None => {
                seen.insert(id.clone(), here);
            }
        }
    }
    fn walk(items: &[Activity], sections: &[Section], at: &JsonPath, seen: &mut Seen, out: &mut Vec<Diagnostic>) {
        for (i, a) in items.iter().enumerate() {
            note(&a.id, at.key("items").index(i), seen, out);
        }
        for (i, s) in sections.iter().enumerate() {
            let here = at.key("sections").index(i);
            note(&s.id, here.clone(), seen, out);
            walk(&s.items, &s.sections, &here, seen, out);
        }
    }
    walk(&table.items, &table.sections, path, &mut std::collections::HashMap::new(), out);
}

/// Every column must hold an ordinary letter of the table's font size (an em and a
/// little): narrower, its text would be mostly broken or shrunk letters. A rare wider
/// letter («ǅ», «Ѭ») in a column that passes is drawn smaller by the layout (linebreak.rs).
pub(super) fn check_column_room(
    table: &Table,
    style: &Style,
    landscape: bool,
    path: &JsonPath,
    out: &mut Vec<Diagnostic>,
) {
    let m = &style.margins_mm;
    let page = if landscape { 297.0 } else { 210.0 };
    let text_width = page - m.left - m.right;
    let total: f64 = table.columns.iter().map(|c| c.width).filter(|w| w.is_finite() && *w > 0.0).sum();
    if total <= 0.0 {
        return; // reported by the column checks
    }
    // An em of the table's size and a little, plus the cell's 1 mm padding on each side.
    let need = style.table_size_pt * 1.1 * 25.4 / 72.0 + 2.0;
    for (i, c) in table.columns.iter().enumerate() {
        let got = c.width / total * text_width;
        if got.is_finite() && got > 0.0 && got < need {
            out.push(
                Diagnostic::error(format!(
                    "столбец «{}» получается шириной {:.1} мм, а для букв кегля {} пт нужно не меньше {:.1} мм",
                    c.title.replace('\n', " "),
                    got,
                    style.table_size_pt,
                    need
                ))
                .at(path.key("columns").index(i).key("width"))
                .hint(format!(
                    "увеличьте «width» этого столбца, уберите лишние столбцы{}, уменьшите кегль таблиц (style.table_size_pt) или поля страницы",
                    if landscape { "" } else { ", поверните страницу (\"orientation\": \"landscape\")" }
                )),
            );
        }
    }
}

fn columns<'a>(table: &'a Table, period: Bounds, path: &JsonPath, out: &mut Vec<Diagnostic>) -> TableCtx<'a> {
    let mut keys = HashMap::new();
    let mut number_col = None;
    let mut responsible_col = None;
    if table.columns.is_empty() {
        out.push(Diagnostic::error("у таблицы нет столбцов").at(path.key("columns")));
    }
    let mut closed_groups: HashSet<&str> = HashSet::new();
    let mut current_group: Option<&str> = None;
    for (i, c) in table.columns.iter().enumerate() {
        let cp = path.key("columns").index(i);
        require_text(&c.key, &cp.key("key"), "ключ столбца", out);
        require_text(&c.title, &cp.key("title"), "заголовок столбца", out);
        if let Some(first) = keys.insert(c.key.as_str(), i) {
            out.push(
                Diagnostic::error(format!("ключ столбца «{}» уже есть у columns[{first}]", c.key))
                    .at(cp.key("key"))
                    .hint("ключи столбцов должны различаться"),
            );
        }
        if !(c.width.is_finite() && c.width > 0.0) {
            out.push(
                Diagnostic::error(format!("ширина столбца должна быть положительным числом, а не {}", c.width))
                    .at(cp.key("width")),
            );
        }
        match c.role {
            Some(ColumnRole::Number) if number_col.is_some() => {
                out.push(Diagnostic::error("второй столбец с ролью «number»: номер бывает один").at(cp.key("role")));
            }
            Some(ColumnRole::Number) => number_col = Some(i),
            Some(ColumnRole::Responsible) if responsible_col.is_none() => responsible_col = Some(i),
            _ => {}
        }
        let group = c.group.as_deref();
        if let Some(g) = group {
            require_text(g, &cp.key("group"), "заголовок группы столбцов", out);
            if current_group != Some(g) && closed_groups.contains(g) {
                out.push(
                    Diagnostic::error(format!("столбцы группы «{g}» идут не подряд"))
                        .at(cp.key("group"))
                        .hint("общий заголовок стоит над соседними столбцами; поставьте столбцы группы рядом"),
                );
            }
        }
        if current_group != group {
            if let Some(prev) = current_group {
                closed_groups.insert(prev);
            }
            current_group = group;
        }
    }
    for (i, c) in table.columns.iter().enumerate() {
        let Some(f) = &c.follows else { continue };
        let at = path.key("columns").index(i).key("follows");
        if c.role != Some(ColumnRole::Number) {
            out.push(
                Diagnostic::error("follows задают только столбцу номеров (role «number»)")
                    .at(at)
                    .hint("уберите follows или задайте этому столбцу \"role\": \"number\""),
            );
        } else if f == &c.key || !keys.contains_key(f.as_str()) {
            let known: Vec<&str> = table.columns.iter().filter(|x| x.key != c.key).map(|x| x.key.as_str()).collect();
            out.push(
                Diagnostic::error(format!("follows: «{f}» — не ключ другого столбца")).at(at).hint(format!(
                    "номер следует за объединёнными ячейками столбца этапов; ключи: {}",
                    known.join(", ")
                )),
            );
        }
    }
    if table.section_number_in_column && number_col != Some(0) {
        out.push(
            Diagnostic::error("номер раздела ставится в столбец номеров, а он должен быть первым")
                .at(path.key("section_number_in_column"))
                .hint("сделайте первым столбец с \"role\": \"number\" или уберите section_number_in_column"),
        );
    }
    TableCtx { table, keys, number_col, responsible_col, period }
}

fn sections(ctx: &TableCtx<'_>, list: &[Section], path: &JsonPath, depth: usize, out: &mut Vec<Diagnostic>) {
    for (i, s) in list.iter().enumerate() {
        let sp = path.index(i);
        require_text(&s.title, &sp.key("title"), "заголовок раздела", out);
        if let Some(n) = &s.number {
            require_text(n, &sp.key("number"), "номер раздела", out);
        }
        if s.items.is_empty() && s.sections.is_empty() {
            out.push(Diagnostic::warning("пустой раздел: в нём нет мероприятий").at(sp.clone()));
        }
        rows(ctx, &s.items, &sp.key("items"), out);
        if !s.sections.is_empty() {
            if depth >= MAX_SECTION_DEPTH {
                out.push(
                    Diagnostic::error(format!(
                        "слишком глубокая вложенность разделов: допустимо {MAX_SECTION_DEPTH} уровня"
                    ))
                    .at(sp.key("sections")),
                );
            } else {
                sections(ctx, &s.sections, &sp.key("sections"), depth + 1, out);
            }
        }
    }
}

/// A value under a key no column has: the closest key, and a word on Latin keys when the
/// key was typed in Cyrillic (the columns' titles are Russian, their keys are not).
fn unknown_column(ctx: &TableCtx<'_>, key: &str) -> Diagnostic {
    let known: Vec<&str> = ctx.table.columns.iter().map(|c| c.key.as_str()).collect();
    // «срок» for the column titled «Срок»: the title names the key meant.
    let lower = key.to_lowercase();
    let by_title = ctx
        .table
        .columns
        .iter()
        .find(|c| !lower.is_empty() && c.title.to_lowercase().starts_with(&lower))
        .map(|c| c.key.as_str());
    let closest = by_title.or_else(|| {
        known
            .iter()
            .map(|k| (strsim::levenshtein(key, k), *k))
            .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
            .min()
            .map(|(_, k)| k)
    });
    let list = known.iter().map(|k| format!("«{k}»")).collect::<Vec<_>>().join(", ");
    let mut hint = match closest {
        Some(c) => format!("возможно, имелось в виду «{c}»; столбцы таблицы: {list}"),
        None => format!("столбцы таблицы: {list}"),
    };
    if key.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)) || c == 'ё') {
        hint.push_str("; ключи пишутся латиницей, как в columns[].key (заголовок столбца — в title)");
    }
    Diagnostic::error(format!("неизвестный ключ столбца «{key}»")).hint(hint)
}

/// Checks one run of activities (a section's own rows), where row spans live.
fn rows(ctx: &TableCtx<'_>, items: &[Activity], path: &JsonPath, out: &mut Vec<Diagnostic>) {
    let ncols = ctx.table.columns.len();
    // (row, column) → the path of the cell whose span covers it.
    let mut covered: HashMap<(usize, usize), JsonPath> = HashMap::new();
    for (r, act) in items.iter().enumerate() {
        let ap = path.index(r);
        if let Some(n) = &act.number {
            require_text(n, &ap.key("number"), "номер мероприятия", out);
        }
        if ncols == 0 {
            // «у таблицы нет столбцов» said it once; every value would repeat it.
            continue;
        }
        for key in act.values.0.keys() {
            if !ctx.keys.contains_key(key.as_str()) {
                out.push(unknown_column(ctx, key).at(ap.key("values").key(key)));
            }
        }
        for (c, col) in ctx.table.columns.iter().enumerate() {
            let Some(cell) = act.values.0.get(&col.key) else {
                // An empty row is one error below, not a warning per column as well.
                if Some(c) == ctx.responsible_col && !covered.contains_key(&(r, c)) && !act.values.0.is_empty() {
                    out.push(
                        Diagnostic::warning("у мероприятия не указан ответственный")
                            .at(ap.key("values"))
                            .hint(format!("заполните «{}»", col.key)),
                    );
                }
                continue;
            };
            let cp = ap.key("values").key(&col.key);
            if let Some(origin) = covered.get(&(r, c)) {
                out.push(
                    Diagnostic::error(format!(
                        "ячейка «{}» накрыта объединением из {origin}, а у неё своё значение",
                        col.key
                    ))
                    .at(cp.clone())
                    .hint("удалите это значение или уменьшите объединение"),
                );
            }
            if Some(c) == ctx.number_col {
                out.push(Diagnostic::error("номер в столбце «number» заполняется автоматически").at(cp.clone()).hint(
                    "уберите значение; особый номер — поле \"number\" у мероприятия; один номер на \
                               объединённый этап — \"follows\": \"<ключ столбца этапов>\" у столбца номеров",
                ));
            }
            if Some(c) == ctx.responsible_col && cell.is_empty() {
                out.push(Diagnostic::warning("у мероприятия не указан ответственный").at(cp.clone()));
            }
            check_cell(ctx, cell, &cp, false, out);
            // A deadline written as text still says a year: one outside the plan is a slip.
            if col.role == Some(ColumnRole::Deadline) {
                if let Cell::Text(t) = cell {
                    free_text_years(ctx.period, t, &cp, out);
                }
            }
            if let Some(span) = cell.span() {
                let sp = cp.key("span");
                let (rows, cols) = (span.rows as usize, span.columns as usize);
                if rows == 0 || cols == 0 {
                    out.push(
                        Diagnostic::error("объединение должно охватывать хотя бы одну строку и один столбец")
                            .at(sp.clone()),
                    );
                    continue;
                }
                if rows == 1 && cols == 1 {
                    out.push(
                        Diagnostic::warning("объединение 1×1 ничего не объединяет")
                            .at(sp.clone())
                            .hint("запишите значение без «span»"),
                    );
                }
                if c + cols > ncols {
                    out.push(
                        Diagnostic::error(format!(
                            "объединение на {} выходит за правый край таблицы: правее этого столбца {}",
                            plural(cols, "столбец", "столбца", "столбцов"),
                            plural(ncols - c - 1, "столбец", "столбца", "столбцов")
                        ))
                        .at(sp.key("columns")),
                    );
                }
                if r + rows > items.len() {
                    out.push(
                        Diagnostic::error(format!(
                            "объединение на {} выходит за границу раздела: {}",
                            plural(rows, "строку", "строки", "строк"),
                            match items.len() - r - 1 {
                                0 => "это последняя строка раздела".to_owned(),
                                n => format!("после неё в разделе {}", plural(n, "строка", "строки", "строк")),
                            }
                        ))
                        .at(sp.key("rows"))
                        .hint("объединять можно только строки одного раздела"),
                    );
                }
                if let Some(n) = ctx.number_col.filter(|n| (c..c + cols).contains(n) && *n != c) {
                    out.push(
                        Diagnostic::error(format!(
                            "объединение накрывает столбец номера «{}»",
                            ctx.table.columns[n].key
                        ))
                        .at(sp.clone()),
                    );
                }
                for rr in r..(r + rows).min(items.len()) {
                    for cc in c..(c + cols).min(ncols) {
                        if (rr, cc) != (r, c) {
                            covered.insert((rr, cc), cp.clone());
                        }
                    }
                }
            }
        }
        // A row with nothing in it (and nothing merged into it from above) would be an empty
        // numbered line in a signed plan.
        let open_data_cell = (0..ncols).any(|c| Some(c) != ctx.number_col && !covered.contains_key(&(r, c)));
        if act.values.0.is_empty() && open_data_cell {
            out.push(
                Diagnostic::error("у мероприятия нет ни одного значения: в таблице была бы пустая строка")
                    .at(ap.key("values"))
                    .hint("заполните столбцы мероприятия или удалите его"),
            );
        }
    }
}

fn check_cell(ctx: &TableCtx<'_>, cell: &Cell, path: &JsonPath, inside_span: bool, out: &mut Vec<Diagnostic>) {
    match cell {
        Cell::Text(_) => {}
        Cell::Blocks(blocks) => {
            for (i, b) in blocks.iter().enumerate() {
                if let Block::Object(BlockObject::List(l)) = b {
                    check_list(&l.items, &path.index(i).key("list").key("items"), out);
                }
            }
        }
        Cell::Object(obj) => match obj {
            CellObject::People(people) => {
                if people.is_empty() {
                    out.push(
                        Diagnostic::error("пустой список людей")
                            .at(path.key("people"))
                            .hint("перечислите людей или удалите значение"),
                    );
                }
                for (i, p) in people.iter().enumerate() {
                    // A written entry that is not a name is a role («Руководители ОУ»): fine.
                    if let PersonRef::Parts(_) = p {
                        check_person(p, &path.key("people").index(i), out);
                    }
                }
            }
            CellObject::List(l) => check_list(&l.items, &path.key("list").key("items"), out),
            CellObject::Deadline(d) => check_deadline(ctx.period, d, &path.key("deadline"), out),
            CellObject::Span(s) => {
                if inside_span || s.value.span().is_some() {
                    out.push(Diagnostic::error("объединение внутри объединения").at(path.key("span").key("value")));
                } else {
                    check_cell(ctx, &s.value, &path.key("span").key("value"), true, out);
                }
            }
        },
    }
}

fn check_list(items: &[String], path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if items.is_empty() {
        out.push(Diagnostic::error("пустой список").at(path.clone()).hint("добавьте пункты или удалите список"));
    }
}

/// A free-text deadline («до 1 сентября 2023 г.») whose year lies outside the plan's period.
fn free_text_years(period: Bounds, text: &str, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    let Some((start, end)) = period else { return };
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let digits: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            i += 1;
            continue;
        }
        let alone = i == 0 || !chars[i - 1].is_ascii_digit();
        if let (true, 4, Ok(year)) = (alone, digits.len(), digits.parse::<i32>()) {
            if (1900..=2200).contains(&year) && (year < start.year() || year > end.year()) {
                out.push(
                    Diagnostic::warning(format!(
                        "в сроке «{text}» год {year} вне периода плана ({} – {})",
                        start.format("%d.%m.%Y"),
                        end.format("%d.%m.%Y")
                    ))
                    .at(path.clone())
                    .hint("проверьте год: срок, перенесённый из прошлогоднего плана?"),
                );
                return;
            }
        }
        i += digits.chars().count();
    }
}

/// Checks a deadline: ranges in order, months that exist, dates inside the plan's period.
pub(super) fn check_deadline(period: Bounds, d: &Deadline, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    let spec = match d {
        Deadline::Spec(spec) => spec,
        Deadline::Text(t) => return free_text_years(period, t, path, out),
    };
    match spec {
        DeadlineSpec::Range(r) => {
            let rp = path.key("range");
            if r.to.last_day() < r.from.first_day() {
                out.push(
                    Diagnostic::error(format!("срок заканчивается ({}) раньше, чем начинается ({})", r.to, r.from))
                        .at(rp.key("to"))
                        .hint("поменяйте местами «from» и «to» или исправьте год"),
                );
            }
        }
        DeadlineSpec::Yearly(rec) | DeadlineSpec::Quarterly(rec) | DeadlineSpec::Monthly(rec) => {
            if let Some(m) = rec.month {
                if !(1..=12).contains(&m) {
                    let key = match spec {
                        DeadlineSpec::Yearly(_) => "yearly",
                        DeadlineSpec::Quarterly(_) => "quarterly",
                        _ => "monthly",
                    };
                    out.push(
                        Diagnostic::error(format!("месяца {m} не существует: месяцы нумеруются от 1 до 12"))
                            .at(path.key(key).key("month")),
                    );
                }
            }
        }
        DeadlineSpec::Several(s) => {
            if s.items.is_empty() {
                out.push(Diagnostic::error("пустой список сроков").at(path.key("several").key("items")));
            }
            for (i, item) in s.items.iter().enumerate() {
                check_deadline(period, item, &path.key("several").key("items").index(i), out);
            }
            return;
        }
        _ => {}
    }
    if let Some((start, end)) = period {
        for w in d.points_in_time() {
            if w.last_day() < start || w.first_day() > end {
                out.push(
                    Diagnostic::warning(format!(
                        "срок {w} вне периода плана ({} – {})",
                        start.format("%d.%m.%Y"),
                        end.format("%d.%m.%Y")
                    ))
                    .at(path.clone())
                    .hint("проверьте год срока или поле «period» приложения"),
                );
            }
        }
    }
}
