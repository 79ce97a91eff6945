//! Checks of the order: requisites, points, signature, acquaintance list.

use super::require_text;
use crate::diag::{Diagnostic, JsonPath};
use crate::input::model::{Addressee, Document, Order, PersonRef, Point};
use crate::input::numbering::{collisions, point_numbers, Numbered};
use crate::ru::names::parse_written;

/// Points may nest 1. / 1.1. / 1.1.1., no deeper.
const MAX_POINT_DEPTH: usize = 3;

pub(super) fn check(doc: &Document, order: &Order, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    require_text(&order.kind, &path.key("kind"), "вид документа", out);
    require_text(&order.number, &path.key("number"), "номер приказа", out);
    require_text(&order.title, &path.key("title"), "заголовок приказа", out);
    // «№26/1» typed with its own sign is printed as typed; a sign inside the number is a slip.
    if order.number.trim().chars().skip(1).any(|c| c == '№') {
        out.push(
            Diagnostic::error("знак «№» внутри номера приказа; перед номером он печатается сам")
                .at(path.key("number"))
                .hint("оставьте только сам номер («15 а») или начните номер со знака, если он пишется слитно: «№26/1»"),
        );
    }
    if let Some(p) = &order.date_pattern {
        check_date_pattern(p, &path.key("date_pattern"), out);
    }
    let Some(body) = &order.body else { return };
    let body_path = path.key("body");
    if body.points.is_empty() {
        out.push(
            Diagnostic::error("в приказе нет ни одного пункта")
                .at(body_path.key("points"))
                .hint("добавьте пункты: [{\"text\": \"…\"}]"),
        );
    }
    for (i, p) in body.preamble.iter().enumerate() {
        require_text(p, &body_path.key("preamble").index(i), "абзац преамбулы", out);
    }
    require_text(&body.decree.word, &body_path.key("decree").key("word"), "распорядительное слово", out);
    check_points(doc, &body.points, &body_path.key("points"), 1, out);
    for (a, b) in collisions(&point_numbers(&body.points, &body_path.key("points")), true) {
        out.push(number_collision(a, b));
    }
    check_signatory(&body.signatory, &body_path.key("signatory"), out);
    if let Some(acq) = &body.acquaintance {
        let acq_path = body_path.key("acquaintance");
        if acq.people.is_empty() {
            out.push(
                Diagnostic::error("лист ознакомления пуст")
                    .at(acq_path.key("people"))
                    .hint("перечислите людей или удалите acquaintance"),
            );
        }
        for (i, p) in acq.people.iter().enumerate() {
            check_person(p, &acq_path.key("people").index(i), out);
        }
    }
}

/// A title given for someone who is not there would not be printed: an error, not a
/// silently dropped word.
fn check_titles(p: &Point, pp: &JsonPath, out: &mut Vec<Diagnostic>) {
    let unprinted = |what: &str, key: &str, path: JsonPath, out: &mut Vec<Diagnostic>| {
        out.push(
            Diagnostic::error(format!("{what} не печатается: не указан {key}"))
                .at(path)
                .hint(format!("укажите {key} или уберите это поле")),
        );
    };
    if p.responsible_title.is_some() && p.responsible.is_empty() {
        unprinted("слово перед ответственными", "responsible", pp.key("responsible_title"), out);
    }
    // An empty group is an error of its own.
    if let Some(g) = p
        .group
        .as_ref()
        .filter(|g| g.head.is_some() || g.deputy.is_some() || g.secretary.is_some() || !g.members.is_empty())
    {
        let gp = pp.key("group");
        if g.head_title.is_some() && g.head.is_none() && g.deputy_title.is_none() && g.deputy.is_none() {
            unprinted("наименование руководителя", "head", gp.key("head_title"), out);
        }
        if g.deputy_title.is_some() && g.deputy.is_none() {
            unprinted("наименование заместителя", "deputy", gp.key("deputy_title"), out);
        }
        if g.secretary_title.is_some() && g.secretary.is_none() {
            unprinted("наименование секретаря", "secretary", gp.key("secretary_title"), out);
        }
        if g.members_title.is_some() && g.members.is_empty() {
            unprinted("наименование членов", "members", gp.key("members_title"), out);
        }
    }
}

fn check_points(doc: &Document, points: &[Point], path: &JsonPath, depth: usize, out: &mut Vec<Diagnostic>) {
    for (i, p) in points.iter().enumerate() {
        let pp = path.index(i);
        check_titles(p, &pp, out);
        let has_text = p.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        if !has_text && p.addressee.is_none() && p.points.is_empty() {
            out.push(Diagnostic::error("пустой пункт: нет ни текста, ни адресата, ни подпунктов").at(pp.clone()));
        }
        if let Some(n) = &p.number {
            require_text(n, &pp.key("number"), "номер пункта", out);
        }
        match &p.addressee {
            Some(Addressee::Text(t)) => require_text(t, &pp.key("addressee"), "адресат пункта", out),
            Some(Addressee::Person(pw)) => {
                check_person(&pw.person, &pp.key("addressee").key("person"), out);
                if pw.position_dative.is_none() && pw.position.is_some() {
                    out.push(
                        Diagnostic::error("для адресата нужна должность в дательном падеже")
                            .at(pp.key("addressee").key("position"))
                            .hint("замените «position» на «position_dative»: «заместителю директора …»"),
                    );
                }
            }
            None => {}
        }
        if let Some(id) = &p.appendix {
            check_appendix_ref(doc, id, &pp.key("appendix"), out);
        }
        if let Some(t) = &p.table {
            check_point_table(t, &pp.key("table"), out);
        }
        if !p.points.is_empty() {
            if depth >= MAX_POINT_DEPTH {
                out.push(
                    Diagnostic::error(format!(
                        "слишком глубокая вложенность пунктов: допустимо {MAX_POINT_DEPTH} уровня (1. / 1.1. / 1.1.1.)"
                    ))
                    .at(pp.key("points")),
                );
            } else {
                check_points(doc, &p.points, &pp.key("points"), depth + 1, out);
            }
        }
    }
}

/// A point's table: columns named, every row as wide as the header, widths that can be
/// widths.
pub(super) fn check_point_table(t: &crate::input::model::PointTable, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if t.columns.is_empty() {
        out.push(Diagnostic::error("у таблицы пункта нет граф").at(path.key("columns")));
        return;
    }
    let n = t.columns.len();
    if t.rows.is_empty() {
        out.push(Diagnostic::error("в таблице пункта нет строк").at(path.key("rows")));
    }
    for (i, row) in t.rows.iter().enumerate() {
        if row.len() != n {
            out.push(
                Diagnostic::error(format!("в строке {} таблицы пункта {} граф, а в заголовке {n}", i + 1, row.len()))
                    .at(path.key("rows").index(i))
                    .hint("в каждой строке должно быть по одному тексту на графу; пустая графа — \"\""),
            );
        }
    }
    if !t.widths.is_empty() && t.widths.len() != n {
        out.push(Diagnostic::error(format!("ширин граф {}, а граф {n}", t.widths.len())).at(path.key("widths")));
    }
    if let Some(w) = t.widths.iter().find(|w| !w.is_finite() || **w <= 0.0) {
        out.push(Diagnostic::error(format!("ширина графы {w} — должна быть больше нуля")).at(path.key("widths")));
    }
}

fn check_appendix_ref(doc: &Document, id: &str, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if doc.appendices.iter().any(|a| a.id.as_deref() == Some(id)) {
        return;
    }
    let known: Vec<String> = doc.appendices.iter().filter_map(|a| a.id.as_ref()).map(|i| format!("«{i}»")).collect();
    let hint = if known.is_empty() {
        "задайте приложению поле \"id\" и сошлитесь на него".to_owned()
    } else {
        format!("известные приложения: {}", known.join(", "))
    };
    out.push(Diagnostic::error(format!("ссылка на несуществующее приложение «{id}»")).at(path.clone()).hint(hint));
}

/// A collision of printed numbers; points at the explicit number when there is one.
pub(super) fn number_collision(first: &Numbered, second: &Numbered) -> Diagnostic {
    let number = second.number.as_deref().unwrap_or_default();
    let (first, second) = if second.explicit || !first.explicit { (first, second) } else { (second, first) };
    let at = if second.explicit { second.path.key("number") } else { second.path.clone() };
    Diagnostic::error(format!("номер «{number}» повторяется: он уже есть у {}", first.path))
        .at(at)
        .hint("уберите явный номер (поле \"number\") — нумерация автоматическая — или исправьте его")
}

/// A person who must be named: the signatory, an addressee, someone in a list.
pub(super) fn check_person(p: &PersonRef, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    match p {
        PersonRef::Written(s) => {
            if parse_written(s).is_none() {
                out.push(
                    Diagnostic::error(format!("не удалось разобрать имя «{s}»"))
                        .at(path.clone())
                        .hint("пишите «И.О. Фамилия», «Фамилия И.О.» или «Фамилия Имя Отчество», либо объект {\"surname\", \"name\", \"patronymic\"}"),
                );
            }
        }
        PersonRef::Parts(parts) => {
            require_text(&parts.surname, &path.key("surname"), "фамилия", out);
            for (key, v) in [("name", &parts.name), ("patronymic", &parts.patronymic)] {
                if let Some(v) = v {
                    require_text(v, &path.key(key), "часть имени", out);
                }
            }
            // Only the dative is ever printed (an addressee «Заместителю директора И.О.
            // Фамилии»): another case's form would be silently unused.
            let c = &parts.cases;
            for (key, v) in
                [("genitive", &c.genitive), ("accusative", &c.accusative), ("instrumental", &c.instrumental)]
            {
                if v.is_some() {
                    out.push(
                        Diagnostic::error(format!("падежная форма «{key}» нигде не печатается"))
                            .at(path.key("cases").key(key))
                            .hint("документы программы склоняют имя только в дательный падеж (адресат пункта): оставьте «dative» или уберите эту форму"),
                    );
                }
            }
        }
    }
}

/// A date pattern names only known fields, and a day, a month and a year.
pub(super) fn check_date_pattern(pattern: &str, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    let (unknown, complete) = crate::ru::dates::pattern_faults(pattern);
    let known = crate::ru::dates::PATTERN_FIELDS.map(|f| format!("{{{f}}}")).join(", ");
    if !unknown.is_empty() {
        out.push(
            Diagnostic::error(format!("в образце даты неизвестные поля: {}", unknown.join(", ")))
                .at(path.clone())
                .hint(format!("поля образца: {known}")),
        );
    } else if !complete {
        out.push(
            Diagnostic::error("в образце даты нет дня, месяца или года")
                .at(path.clone())
                .hint(format!("например: «от {{ДД}}.{{ММ}}.{{ГГГГ}} г.»; поля образца: {known}")),
        );
    }
}

/// A signature: its position and a name that reads as one.
pub(super) fn check_signatory(sig: &crate::input::model::Signatory, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if sig.position.iter().all(|l| l.trim().is_empty()) {
        out.push(Diagnostic::error("не указана должность подписывающего").at(path.key("position")));
    }
    check_person(&sig.person, &path.key("person"), out);
}
