//! `roll`: the same plan for another school year. Structured dates, months and periods move
//! by whole years (29 February becomes 28 February in a common year); years in free text
//! move or are listed by [`crate::roll_text`].

use chrono::{Datelike, NaiveDate};

use crate::diag::{Diagnostic, JsonPath};
use crate::input::model::{
    Cell, CellObject, DateSpan, Deadline, DeadlineSpec, Document, IsoDate, Period, Section, Table, When, YearMonth,
    YearSpan,
};

/// What to set instead of moving.
#[derive(Debug, Clone, Default)]
pub struct RollOptions {
    /// The new order's date; moved by the same number of years when absent.
    pub date: Option<IsoDate>,
    /// The new order's number; kept (with a warning) when absent.
    pub number: Option<String>,
}

/// The year the document's plan starts in: its first period, else the order's date.
pub fn base_year(doc: &Document) -> Option<i32> {
    doc.appendices
        .iter()
        .find_map(|a| a.period)
        .map(|p| match p {
            Period::SchoolYear(y) => y,
            Period::Years(s) => s.from,
            Period::Dates(d) => d.from.0.year(),
        })
        .or_else(|| doc.order.as_ref().map(|o| o.date.0.year()))
}

/// The years the document's plan covers: its first period's (a school year is two), else
/// the order's year and the next.
pub fn plan_years(doc: &Document) -> Option<std::ops::RangeInclusive<i32>> {
    let from_period = doc.appendices.iter().find_map(|a| a.period).map(|p| match p {
        Period::SchoolYear(y) => y..=y + 1,
        Period::Years(s) => s.from..=s.to.max(s.from),
        Period::Dates(d) => d.from.0.year()..=d.to.0.year().max(d.from.0.year()),
    });
    from_period.or_else(|| doc.order.as_ref().map(|o| o.date.0.year()..=o.date.0.year() + 1))
}

/// Moves the document to the plan year `to`. Returns the new document and warnings.
pub fn roll(doc: &Document, to: i32, opts: &RollOptions) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let base = base_year(doc).ok_or_else(|| {
        Diagnostic::error("в документе нет ни периода плана, ни даты приказа: не от чего отсчитывать год")
    })?;
    let delta = to - base;
    let mut out = doc.clone();
    let mut warnings = Vec::new();
    let root = JsonPath::root();
    if let Some(order) = out.order.as_mut() {
        let op = root.key("order");
        order.date = match opts.date {
            Some(d) => d,
            None => {
                warnings.push(
                    Diagnostic::warning(format!("дата приказа сдвинута на {delta} г.: проверьте её"))
                        .at(op.key("date"))
                        .hint("укажите точную дату: --date ГГГГ-ММ-ДД"),
                );
                shift_date(order.date, delta)
            }
        };
        match &opts.number {
            Some(n) => order.number = n.clone(),
            None => warnings.push(
                Diagnostic::warning(format!("номер приказа «{}» оставлен прежним: замените его", order.number))
                    .at(op.key("number"))
                    .hint("укажите номер: --number «…»"),
            ),
        }
        if let Some(e) = order.body.as_ref().and_then(|b| b.signatory.e_signature.as_ref()) {
            // A certificate's validity is the certificate's, not the plan's: it is not moved.
            warnings.push(
                Diagnostic::warning(format!(
                    "срок действия сертификата ЭП ({} – {}) не сдвигается: укажите данные сертификата, которым подпишут новый приказ",
                    e.valid_from, e.valid_to
                ))
                .at(op.key("body").key("signatory").key("e_signature"))
                .hint("замените certificate, valid_from и valid_to"),
            );
        }
    }
    for (i, a) in out.appendices.iter_mut().enumerate() {
        let ap = root.key("appendices").index(i);
        if let Some(p) = a.period.as_mut() {
            *p = shift_period(*p, delta);
        }
        if let Some(d) = a.mark.date.as_mut() {
            *d = shift_date(*d, delta);
            warnings.push(
                Diagnostic::warning("дата приказа в отметке сдвинута на год: проверьте её")
                    .at(ap.key("mark").key("date")),
            );
        }
        for g in &mut a.approvals {
            // Грифы of the new year's plan: their dates move with it.
            for d in [g.date.as_mut(), g.protocol.as_mut().map(|p| &mut p.date), g.act.as_mut().map(|x| &mut x.date)]
                .into_iter()
                .flatten()
            {
                *d = shift_date(*d, delta);
            }
        }
        if let Some(t) = a.table.as_mut() {
            roll_table(t, delta);
        }
    }
    Ok((out, warnings))
}

/// Moves the structured deadlines of a table (free text is the text pass's).
fn roll_table(t: &mut Table, delta: i32) {
    fn items(list: &mut [crate::input::model::Activity], delta: i32) {
        for cell in list.iter_mut().flat_map(|a| a.values.0.values_mut()) {
            roll_cell(cell, delta);
        }
    }
    fn sections(list: &mut [Section], delta: i32) {
        for s in list {
            items(&mut s.items, delta);
            sections(&mut s.sections, delta);
        }
    }
    items(&mut t.items, delta);
    sections(&mut t.sections, delta);
}

fn roll_cell(cell: &mut Cell, delta: i32) {
    match cell {
        Cell::Object(CellObject::Deadline(d)) => roll_deadline(d, delta),
        Cell::Object(CellObject::Span(s)) => roll_cell(&mut s.value, delta),
        _ => {}
    }
}

fn roll_deadline(d: &mut Deadline, delta: i32) {
    let Deadline::Spec(spec) = d else { return };
    match spec {
        DeadlineSpec::Date(x) => *x = shift_date(*x, delta),
        DeadlineSpec::Month(m) => *m = shift_month(*m, delta),
        DeadlineSpec::Range(r) => {
            r.from = shift_when(r.from, delta);
            r.to = shift_when(r.to, delta);
        }
        DeadlineSpec::Until(w) | DeadlineSpec::AsOf(w) => *w = shift_when(*w, delta),
        DeadlineSpec::Yearly(_) | DeadlineSpec::Quarterly(_) | DeadlineSpec::Monthly(_) => {}
        DeadlineSpec::Several(s) => s.items.iter_mut().for_each(|item| roll_deadline(item, delta)),
    }
}

/// A date moved by whole years; 29 February lands on 28 February in a common year.
pub fn shift_date(d: IsoDate, years: i32) -> IsoDate {
    let y = d.0.year() + years;
    let date = NaiveDate::from_ymd_opt(y, d.0.month(), d.0.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, d.0.month(), 28))
        .unwrap_or(d.0);
    IsoDate(date)
}

fn shift_month(m: YearMonth, years: i32) -> YearMonth {
    YearMonth { year: m.year + years, month: m.month }
}

fn shift_when(w: When, years: i32) -> When {
    match w {
        When::Day(d) => When::Day(shift_date(d, years)),
        When::Month(m) => When::Month(shift_month(m, years)),
    }
}

fn shift_period(p: Period, years: i32) -> Period {
    match p {
        Period::SchoolYear(y) => Period::SchoolYear(y + years),
        Period::Years(s) => Period::Years(YearSpan { from: s.from + years, to: s.to + years }),
        Period::Dates(d) => Period::Dates(DateSpan { from: shift_date(d.from, years), to: shift_date(d.to, years) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_days_land_on_the_28th() {
        let d = IsoDate(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(shift_date(d, 1).to_string(), "2025-02-28");
        assert_eq!(shift_date(d, 4).to_string(), "2028-02-29");
    }
}
