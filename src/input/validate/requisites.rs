//! Checks of the requisites added to the text: грифы, the e-signature mark, the QR code,
//! the logo, point markers.

use super::order::check_person;
use super::require_text;
use crate::diag::{Diagnostic, JsonPath};
use crate::input::model::{Approval, ApprovalKind, Document, ESignature, Point, PointMarkers, Qr};

/// More грифы than this do not fit side by side at a readable width.
const MAX_APPROVALS: usize = 3;

/// The QR code's printed side: smaller is hard for a phone to read from paper, larger
/// takes the text's room.
const QR_SIZE_MM: std::ops::RangeInclusive<f64> = 15.0..=40.0;

/// A logo's printed width on the бланк.
const LOGO_WIDTH_MM: std::ops::RangeInclusive<f64> = 5.0..=60.0;

pub(super) fn check_qr(q: &Qr, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    require_text(&q.text, &path.key("text"), "текст QR-кода", out);
    if let Err(e) = crate::doc::qr::matrix(&q.text) {
        out.push(
            Diagnostic::error(format!("QR-код: {e}")).at(path.key("text")).hint("дайте короткую ссылку на документ"),
        );
    }
    if !QR_SIZE_MM.contains(&q.size_mm) {
        out.push(
            Diagnostic::error(format!("размер QR-кода {} мм вне допустимого: от 15 до 40 мм", q.size_mm))
                .at(path.key("size_mm"))
                .hint("обычно 20 мм: его читает телефон с бумаги, и он не теснит текст"),
        );
    }
}

pub(super) fn check_logo(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(logo) = doc.blank.as_ref().and_then(|b| b.logo.as_ref()) else { return };
    let path = JsonPath::root().key("blank").key("logo");
    require_text(&logo.path, &path.key("path"), "путь к файлу логотипа", out);
    if let Some(w) = logo.width_mm {
        if !LOGO_WIDTH_MM.contains(&w) {
            out.push(
                Diagnostic::error(format!("ширина логотипа {w} мм вне допустимого: от 5 до 60 мм"))
                    .at(path.key("width_mm"))
                    .hint("герб или эмблема на бланке обычно 12–20 мм"),
            );
        }
    }
}

pub(super) fn check_e_signature(doc: &Document, e: &ESignature, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    require_text(&e.certificate, &path.key("certificate"), "номер сертификата", out);
    if let Some(owner) = &e.owner {
        require_text(owner, &path.key("owner"), "владелец сертификата", out);
    }
    let day = |d: crate::input::model::IsoDate| crate::ru::dates::date_numeric(d.0);
    if e.valid_from > e.valid_to {
        out.push(
            Diagnostic::error(format!(
                "срок действия сертификата перепутан: с {} — позже, чем по {}",
                day(e.valid_from),
                day(e.valid_to)
            ))
            .at(path.key("valid_to"))
            .hint("проверьте даты: valid_from — первый день действия, valid_to — последний"),
        );
    }
    if let Some(order) = doc.order.as_ref().filter(|_| e.valid_from <= e.valid_to) {
        if order.date < e.valid_from || order.date > e.valid_to {
            out.push(
                Diagnostic::warning(format!(
                    "дата приказа {} вне срока действия сертификата (с {} по {})",
                    day(order.date),
                    day(e.valid_from),
                    day(e.valid_to)
                ))
                .at(path.clone())
                .hint("документ подписывают действующим сертификатом: проверьте даты"),
            );
        }
    }
}

pub(super) fn check_approvals(doc: &Document, list: &[Approval], path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if list.len() > MAX_APPROVALS {
        out.push(
            Diagnostic::error(format!("грифов {}: рядом помещается не больше трёх", list.len()))
                .at(path.clone())
                .hint("оставьте СОГЛАСОВАНО/ПРИНЯТО слева и УТВЕРЖДАЮ справа"),
        );
    }
    for (i, g) in list.iter().enumerate() {
        let gp = path.index(i);
        for (k, line) in g.position.iter().enumerate() {
            require_text(line, &gp.key("position").index(k), "строка должности", out);
        }
        if let Some(p) = &g.person {
            check_person(p, &gp.key("person"), out);
        }
        if let Some(b) = &g.body {
            require_text(b, &gp.key("body"), "орган в грифе", out);
        }
        if let Some(p) = &g.protocol {
            require_text(&p.number, &gp.key("protocol").key("number"), "номер протокола", out);
            if let Some(line) = &p.line {
                let lp = gp.key("protocol").key("line");
                require_text(line, &lp, "строка протокола", out);
                let unknown: Vec<String> = line
                    .split('{')
                    .skip(1)
                    .filter_map(|s| s.split_once('}').map(|(f, _)| f))
                    .filter(|f| !["номер", "дата"].contains(f) && !crate::ru::dates::PATTERN_FIELDS.contains(f))
                    .map(|f| format!("{{{f}}}"))
                    .collect();
                if !unknown.is_empty() {
                    out.push(
                        Diagnostic::error(format!("в строке протокола неизвестные поля: {}", unknown.join(", ")))
                            .at(lp)
                            .hint("поля: {номер}, {дата}, {ДД}, {Д}, {ММ}, {М}, {месяца}, {месяц}, {ГГГГ}, {ГГ}"),
                    );
                }
            }
        }
        if let Some(w) = &g.word {
            require_text(w, &gp.key("word"), "слово грифа", out);
        }
        if !g.date_line && g.date.is_some() {
            out.push(
                Diagnostic::error(
                    "дата подписи указана, а строка даты выключена (date_line: false): дата не печатается",
                )
                .at(gp.key("date"))
                .hint("уберите date или date_line"),
            );
        }
        let need = |what: &str, hint: &str, out: &mut Vec<Diagnostic>| {
            out.push(Diagnostic::error(what.to_owned()).at(gp.key("kind")).hint(hint.to_owned()));
        };
        match g.kind {
            ApprovalKind::Approve if g.person.is_none() || g.position.is_empty() => need(
                "в грифе «УТВЕРЖДАЮ» нужны должность (position) и кто утверждает (person)",
                "например: \"position\": [\"Директор МБОУ СОШ № 5\"], \"person\": \"И.И. Иванов\"",
                out,
            ),
            ApprovalKind::Agreed if g.person.is_none() && g.body.is_none() => need(
                "в грифе «СОГЛАСОВАНО» нужен человек (position и person) или орган (body с protocol)",
                "например: \"body\": \"на заседании педагогического совета\", \"protocol\": {\"date\": \"2024-08-30\", \"number\": \"1\"}",
                out,
            ),
            ApprovalKind::Accepted if g.body.is_none() => need(
                "в грифе «ПРИНЯТО» нужен орган (body), обычно с протоколом (protocol)",
                "например: \"body\": \"на заседании педагогического совета\"",
                out,
            ),
            ApprovalKind::Approved if g.act.is_none() && doc.order.is_none() => need(
                "в грифе «УТВЕРЖДЕН» нужен утверждающий документ: act или order",
                "добавьте \"act\": {\"issuer\": \"директора МБОУ СОШ № 5\", \"date\": \"2024-08-30\", \"number\": \"112\"}",
                out,
            ),
            _ => {}
        }
        if g.person.is_some() && g.position.is_empty() && g.kind == ApprovalKind::Agreed {
            need(
                "у согласующего лица нет должности (position)",
                "например: \"position\": [\"Председатель профкома\"]",
                out,
            );
        }
    }
}

/// `marker: false` only reads right where markers are dashes or bullets: a numbered point
/// without its number breaks the numbering. The people a point names are checked too.
pub(super) fn check_markers(markers: PointMarkers, points: &[Point], path: &JsonPath, out: &mut Vec<Diagnostic>) {
    for (i, p) in points.iter().enumerate() {
        if !p.marker && markers == PointMarkers::Numbers {
            out.push(
                Diagnostic::error("пункт без номера (\"marker\": false) в нумерованном приказе")
                    .at(path.index(i).key("marker"))
                    .hint("уберите \"marker\": false или задайте \"markers\": \"dashes\" либо \"bullets\""),
            );
        }
        let pp = path.index(i);
        for (k, r) in p.responsible.iter().enumerate() {
            check_person(r, &pp.key("responsible").index(k), out);
        }
        if let Some(g) = &p.group {
            let gp = pp.key("group");
            if g.head.is_none() && g.members.is_empty() {
                out.push(
                    Diagnostic::error("в составе группы нет ни руководителя (head), ни членов (members)")
                        .at(gp.clone())
                        .hint("например: \"group\": {\"head\": \"И.И. Иванов, директор\", \"members\": [\"…\"]}"),
                );
            }
            for (key, who) in [("head", &g.head), ("deputy", &g.deputy), ("secretary", &g.secretary)] {
                if let Some(w) = who {
                    check_person(w, &gp.key(key), out);
                }
            }
            for (k, m) in g.members.iter().enumerate() {
                check_person(m, &gp.key("members").index(k), out);
            }
        }
        check_markers(markers, &p.points, &pp.key("points"), out);
    }
}
