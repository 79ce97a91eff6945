//! Input model → templates → markup → IR → normalised IR.

use crate::diag::Diagnostic;
use crate::doc::{Document, FontSetup, Length, Margins, Meta, Section};
use crate::input::model::{AppendixKind, Document as Input};
use crate::markup::{self, Defaults};
use crate::normalize::{keep_signature_with_text, normalize};
use crate::template::{view, Templates};

/// Which parts of the document to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Parts {
    /// The order (when it has a body) and all appendices.
    #[default]
    All,
    /// The order alone, without its appendices.
    Order,
    /// The appendices only, laid out as inside the full document.
    Appendices,
    /// One appendix, by 1-based position.
    Appendix(usize),
}

/// The position (from 1) of the appendix `key` names: its `id`, else its number. The
/// error lists the appendices there are.
pub fn find_appendix(input: &Input, key: &str) -> Result<usize, Diagnostic> {
    let by_id = input.appendices.iter().position(|a| a.id.as_deref() == Some(key)).map(|i| i + 1);
    let by_number = key.trim().parse::<usize>().ok().filter(|n| (1..=input.appendices.len()).contains(n));
    by_id.or(by_number).ok_or_else(|| {
        let there: Vec<String> = input
            .appendices
            .iter()
            .enumerate()
            .map(|(i, a)| match &a.id {
                Some(id) => format!("{} («{id}»)", i + 1),
                None => (i + 1).to_string(),
            })
            .collect();
        let error = Diagnostic::error(format!("в документе нет приложения «{key}»"));
        if there.is_empty() {
            error.hint("в документе нет приложений")
        } else {
            error.hint(format!("укажите номер или id одного из приложений: {}", there.join(", ")))
        }
    })
}

/// Builds the normalised IR of a validated input.
pub fn build_ir(input: &Input, templates: &Templates, parts: Parts) -> Result<Document, Diagnostic> {
    let v = view::build(input);
    let style = &input.style;
    let mg = &style.margins_mm;
    let defaults = Defaults {
        margins: Margins {
            top: Length::mm(mg.top),
            right: Length::mm(mg.right),
            bottom: Length::mm(mg.bottom),
            left: Length::mm(mg.left),
        },
        pictures: &input.pictures,
    };
    let mut sections: Vec<Section> = Vec::new();
    let mut ctx = templates.context(&v)?;
    let limit = Templates::output_limit(input);
    // Renders one template; returns the index of its first section.
    let mut render = |name: &str, index: Option<usize>| -> Result<usize, Diagnostic> {
        let out = templates.render(name, &mut ctx, index, limit)?;
        let read = markup::read(&out, name, templates.source(name), &defaults).map_err(|e| {
            Diagnostic::error(e.to_string())
                .hint("проверьте разметку шаблона: допустимые элементы описаны в docs/templates.md")
        })?;
        let first = sections.len();
        sections.extend(read);
        Ok(first)
    };
    if parts == Parts::Appendices && input.appendices.is_empty() {
        return Err(Diagnostic::error("в документе нет приложений: собирать только приложения нечего")
            .hint("уберите --only appendices, чтобы собрать приказ"));
    }
    let has_body = input.order.as_ref().is_some_and(|o| o.body.is_some());
    if parts == Parts::Order && !has_body {
        return Err(Diagnostic::error("в документе нет текста приказа (order.body): собирать только приказ нечего")
            .hint("уберите --only order, чтобы собрать приложения"));
    }
    let with_order = matches!(parts, Parts::All | Parts::Order) && has_body;
    // Bookmarks: the order by its kind and requisites, each appendix by its label and title.
    let mut marks: Vec<(usize, String)> = Vec::new();
    if with_order {
        let first = render("order.xml", None)?;
        if let Some(o) = input.order.as_ref() {
            marks.push((first, order_name(o)));
        }
    }
    for (i, a) in input.appendices.iter().enumerate() {
        if parts == Parts::Order {
            break;
        }
        if let Parts::Appendix(n) = parts {
            if n != i + 1 {
                continue;
            }
        }
        let name = match a.kind {
            AppendixKind::Roadmap => "appendix-roadmap.xml",
            AppendixKind::List => "appendix-list.xml",
            AppendixKind::Text => "appendix-text.xml",
        };
        let first = render(name, Some(i))?;
        // A plan that stands on its own (no mark) is named by its title alone.
        let title = a.title.replace('\n', " ");
        let mark = if a.mark.style == crate::input::model::MarkStyle::None {
            title
        } else {
            format!("{}. {title}", v.appendices[i].label)
        };
        marks.push((first, mark));
    }
    for (i, title) in marks {
        if let Some(s) = sections.get_mut(i) {
            s.bookmark = Some(title);
        }
    }
    if let Parts::Appendix(n) = parts {
        if n == 0 || n > input.appendices.len() {
            return Err(Diagnostic::error(format!(
                "приложения № {n} нет: в документе приложений {}",
                input.appendices.len()
            )));
        }
    }
    let order = input.order.as_ref();
    let mut doc = Document {
        meta: Meta {
            title: order
                .map(|o| o.title.replace('\n', " "))
                .or_else(|| input.appendices.first().map(|a| a.title.replace('\n', " ")))
                .unwrap_or_default(),
            // The organisation of the бланк, else the issuer the order names («ГОРУНО»).
            author: input
                .blank
                .as_ref()
                .map(|b| b.organization.full_name.replace('\n', " "))
                .or_else(|| order.and_then(|o| o.issuer.clone()))
                .unwrap_or_default(),
            lang: "ru-RU".to_owned(),
            // A plan with no order is dated by its approval (the гриф's date, else its
            // protocol's), as ГОСТ dates an approved document.
            date: order.map(|o| o.date.to_string()).or_else(|| {
                let approvals = input.appendices.iter().flat_map(|a| &a.approvals);
                approvals
                    .clone()
                    .find_map(|g| g.date)
                    .or_else(|| approvals.filter_map(|g| g.protocol.as_ref()).map(|p| p.date).next())
                    .map(|d| d.to_string())
            }),
            subject: order.map(order_name).unwrap_or_default(),
            number: order.map(|o| o.number.clone()),
        },
        fonts: FontSetup {
            family: style.font.clone(),
            body_size: Length::pt(style.body_size_pt),
            table_size: Length::pt(style.table_size_pt),
            hyphenation: style.hyphenation,
        },
        sections,
        qr: match &input.qr {
            Some(q) => Some(crate::doc::Qr {
                text: q.text.clone(),
                size: Length::mm(q.size_mm),
                matrix: crate::doc::qr::matrix(&q.text).map_err(|e| {
                    Diagnostic::error(format!("QR-код: {e}")).hint("сократите qr.text: например, дайте ссылку")
                })?,
            }),
            None => None,
        },
    };
    normalize(&mut doc, &style.typography);
    // The metadata title reads as the printed one («2023–2024», not «2023 -2024»).
    doc.meta.title = crate::normalize::text(&doc.meta.title, &style.typography).replace('\u{a0}', " ");
    keep_signature_with_text(&mut doc);
    Ok(doc)
}

/// «Приказ от 28.08.2023 № 15 а»: the order as its bookmark and the DOCX's subject name it.
fn order_name(o: &crate::input::model::Order) -> String {
    let kind = crate::ru::dates::capitalize_first(&o.kind.to_lowercase());
    format!("{kind} от {} № {}", crate::ru::dates::date_numeric(o.date.0), o.number)
}
