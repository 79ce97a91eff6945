//! `prikaz roll FILE --to 2024 -o NEW.json`: the same plan for another school year.

use super::outln;
use std::path::Path;

use prikaz::diag::{Diagnostic, Segment};
use prikaz::input::model::parse_iso_date;
use prikaz::input::model::IsoDate;
use prikaz::roll::{base_year, plan_years, roll, RollOptions};

use super::outcome::{Done, Failure, Outcome, EXIT_INVALID};
use super::report::print_diagnostics;

pub fn run(file: &Path, to: i32, output: &Path, date: Option<&str>, number: Option<String>, force: bool) -> Outcome {
    let name = file.display().to_string();
    if !force && same_file(file, output) {
        return Err(Failure::of(
            Diagnostic::error(format!("{name}: roll не перезаписывает свой входной файл"))
                .hint("укажите другой файл в -o или добавьте --force"),
        ));
    }
    if let Some(outcome) = batch(file, to, output) {
        return outcome;
    }
    let loaded = prikaz::input::load(file);
    let (errors, _) = print_diagnostics(&name, &loaded, false);
    let (Some(doc), Some(source)) = (loaded.document.filter(|_| errors == 0), loaded.source) else {
        return Err(Failure::said(EXIT_INVALID));
    };
    let date = match date.map(parse_iso_date).transpose() {
        Ok(d) => d.map(IsoDate),
        Err(e) => return Err(Failure::invalid(format!("--date: {e}"))),
    };
    let (mut new_doc, mut warnings) = match roll(&doc, to, &RollOptions { date, number }) {
        Ok(r) => r,
        Err(e) => return Err(Failure::invalid(format!("{name}: {e}"))),
    };
    keep_files_found(&mut new_doc, file, output);
    let base = base_year(&doc).unwrap_or(to);
    let plan = plan_years(&doc).unwrap_or(base..=base + 1);
    let moved = match serde_json::to_value(&new_doc) {
        Ok(v) => v,
        Err(e) => return Err(Failure::invalid(format!("не удалось записать JSON: {e}"))),
    };
    let text =
        rewrite(&source.text, &moved, &|_| (plan.clone(), to - base), &mut warnings).map_err(Failure::invalid)?;
    // The result must be a valid input itself.
    let check = prikaz::input::load_source(prikaz::input::source::Source {
        name: output.display().to_string(),
        text: text.clone(),
    });
    let out_name = output.display().to_string();
    if check.has_errors() {
        print_diagnostics(&out_name, &check, false);
        return Err(Failure::invalid("сдвинутый документ не прошёл проверку; файл не записан"));
    }
    if let Err(e) = prikaz::output::write_atomic(output, text.as_bytes()) {
        return Err(Failure::invalid(e.to_string()));
    }
    prikaz::input::locate_all(&text, &mut warnings);
    let shown = prikaz::input::Loaded { source: check.source, document: None, diagnostics: warnings };
    let (_, n) = print_diagnostics(&out_name, &shown, false);
    outln!("{out_name}: план перенесён на {to} г.; предупреждений: {n}");
    Ok(Done::Ok)
}

/// A batch file rolled: its municipal order as a document, its school template as one with
/// sample values in the placeholders (which stay as they are); `None` when the file is not
/// a batch file.
fn batch(file: &Path, to: i32, output: &Path) -> Option<Outcome> {
    let source = prikaz::input::source::read_source(file).ok()?;
    if !prikaz::batch::is_batch(&source.text) {
        return None;
    }
    let name = file.display().to_string();
    let fail = |msg: String| Some(Err(Failure::invalid(format!("{name}: {msg}"))));
    let value: serde_json::Value = match serde_json::from_str(&prikaz::input::jsonc::to_json(&source.text)) {
        Ok(v) => v,
        Err(e) => return fail(e.to_string()),
    };
    let mut moved = value.clone();
    let mut warnings = Vec::new();
    // Each part moves from its own plan: the municipal order may be years older than the
    // school template.
    let mut plans: Vec<(&str, std::ops::RangeInclusive<i32>, i32)> = Vec::new();
    for part in ["municipal", "school"] {
        let Some(v) = value.get(part) else { continue };
        let v = if part == "school" { prikaz::batch::with_samples(v).ok()? } else { v.clone() };
        let doc = match serde_json::from_value::<prikaz::input::model::Document>(v) {
            Ok(d) => d,
            Err(e) => return fail(format!("{part}: {e} (проверьте файл: prikaz validate {name})")),
        };
        // The municipal order's plan sets the years (the template's own when it has none).
        let years = plan_years(&doc);
        let base = base_year(&doc).unwrap_or(to);
        let (new_doc, w) = match roll(&doc, to, &RollOptions::default()) {
            Ok(r) => r,
            Err(e) => return fail(e.to_string()),
        };
        if part == "municipal" {
            warnings.extend(w.into_iter().map(|mut d| {
                d.path = d.path.map(|p| prikaz::diag::JsonPath([vec![Segment::Key(part.into())], p.0].concat()));
                d
            }));
        }
        plans.push((part, years.unwrap_or(base..=base + 1), to - base));
        moved[part] = serde_json::to_value(&new_doc).ok()?;
    }
    let plan_of = |path: &prikaz::diag::JsonPath| {
        let part = match path.0.first() {
            Some(Segment::Key(k)) => k.as_str(),
            _ => "",
        };
        plans.iter().find(|(p, _, _)| *p == part).map_or((to..=to + 1, 0), |(_, y, d)| (y.clone(), *d))
    };
    let text = match rewrite(&source.text, &moved, &plan_of, &mut warnings) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    if let Err(e) = prikaz::output::write_atomic(output, text.as_bytes()) {
        return fail(e.to_string());
    }
    prikaz::input::locate_all(&text, &mut warnings);
    let out_name = output.display().to_string();
    let (_, n) = super::report::print_list(&out_name, Some(&text), &warnings, false);
    outln!("{out_name}: пакет перенесён на {to} г.; предупреждений: {n}");
    Some(Ok(Done::Ok))
}

/// Whether two paths name one file (the output may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// The input's text with only the changed values rewritten, in place: the values the moved
/// document holds differently, and years in every other text (see [`prikaz::roll_text`]).
/// The author's order of fields, formatting and comments stay; defaults the input left out
/// are not written in.
fn rewrite(
    text: &str,
    moved: &serde_json::Value,
    plan_of: &dyn Fn(&prikaz::diag::JsonPath) -> (std::ops::RangeInclusive<i32>, i32),
    warnings: &mut Vec<prikaz::diag::Diagnostic>,
) -> Result<String, String> {
    use prikaz::roll_text::{shift_years, Found};
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    prikaz::input::locate::for_each_scalar(text, |path, old, range| {
        let pointer: String = path
            .0
            .iter()
            .map(|s| match s {
                Segment::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
                Segment::Index(i) => format!("/{i}"),
            })
            .collect();
        let new = moved.pointer(&pointer);
        // A number the model holds as a float («6.0») is the same number («6»).
        let same = |n: &serde_json::Value| *n == old || (n.as_f64().is_some() && n.as_f64() == old.as_f64());
        // A placeholder of a batch template is each school's value, not the sample's that
        // the template was rolled with: only the years of its text move (below).
        let placeholder = old.as_str().is_some_and(|s| s.contains("{{"));
        if let Some(new) = new.filter(|n| !same(n) && !placeholder) {
            edits.push((range, serde_json::to_string(new).unwrap_or_default()));
            return;
        }
        let Some(s) = old.as_str() else { return };
        // Names of files and addresses, numbers, the certificate's own dates, and any date
        // or month the model kept as it was hold no year of the plan's text.
        let key = path.0.last().and_then(|s| if let Segment::Key(k) = s { Some(k.as_str()) } else { None });
        let structured = prikaz::input::model::parse_when(s).is_ok();
        if structured
            || s.contains("://")
            || matches!(key, Some("$schema" | "path" | "number" | "certificate" | "valid_from" | "valid_to"))
        {
            return;
        }
        let (plan, delta) = plan_of(path);
        let (shifted, found) = shift_years(s, plan, delta);
        for f in found {
            warnings.push(match f {
                Found::Moved { before, after } => {
                    Diagnostic::warning(format!("год в тексте сдвинут: {} → {}", quoted(&before), quoted(&after)))
                        .at(path.clone())
                }
                Found::Unsure(context) => Diagnostic::warning(format!("год в тексте не сдвинут: {}", quoted(&context)))
                    .at(path.clone())
                    .hint("это дата другого документа или год без слова «год»: проверьте вручную"),
            });
        }
        if shifted != s {
            edits.push((range, serde_json::to_string(&shifted).unwrap_or_default()));
        }
    });
    let mut out = text.to_owned();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (range, value) in edits {
        out.replace_range(range, &value);
    }
    Ok(out)
}

/// File names in the input are relative to its folder; written to another folder, the
/// rolled file names them by their full path, so its logo is still found.
fn keep_files_found(doc: &mut prikaz::input::model::Document, input: &Path, output: &Path) {
    let folder = |p: &Path| {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
    };
    let (from, to) = (folder(input), folder(output));
    if from == to {
        return;
    }
    if let Some(logo) = doc.blank.as_mut().and_then(|b| b.logo.as_mut()) {
        if Path::new(&logo.path).is_relative() {
            logo.path = from.join(&logo.path).to_string_lossy().into_owned();
        }
    }
}

/// A piece of text in quotes: «…», or „…“ when it holds guillemets itself (as Russian
/// typography nests quotes), never ««…»».
fn quoted(s: &str) -> String {
    if s.contains(['«', '»']) {
        format!("„{s}“")
    } else {
        format!("«{s}»")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_nest_as_russian_typography_wants() {
        assert_eq!(super::quoted("на 2024 год"), "«на 2024 год»");
        assert_eq!(super::quoted("«– 2025»"), "„«– 2025»“");
    }
}
