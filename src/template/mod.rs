//! Tera templates: the built-in defaults compiled into the binary, optionally replaced
//! file by file from a folder, rendered into the document markup.

mod budget;
mod filters;
pub mod view;

use std::collections::BTreeMap;
use std::path::Path;

use tera::{Context, Tera};

use crate::diag::Diagnostic;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("_components.xml", include_str!("../../templates/_components.xml")),
    ("order.xml", include_str!("../../templates/order.xml")),
    ("appendix-roadmap.xml", include_str!("../../templates/appendix-roadmap.xml")),
    ("appendix-list.xml", include_str!("../../templates/appendix-list.xml")),
    ("appendix-text.xml", include_str!("../../templates/appendix-text.xml")),
];

/// Files larger than this in a template folder are refused (a template is a page of text).
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// A compiled set of templates.
pub struct Templates {
    tera: Tera,
    sources: BTreeMap<String, String>,
}

impl Templates {
    /// The built-in templates.
    pub fn builtin() -> Result<Self, Diagnostic> {
        Self::compile(BUILTIN.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect())
    }

    /// The built-in templates with every `*.xml` file of `dir` replacing (or adding to) them.
    /// Only plain files directly inside `dir` are read: no sub-folders, no links leading
    /// elsewhere, so a template cannot reach files outside the folder.
    pub fn with_folder(dir: &Path) -> Result<Self, Diagnostic> {
        let mut sources: BTreeMap<String, String> =
            BUILTIN.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Diagnostic::error(format!("не удалось открыть папку шаблонов {}: {e}", dir.display()))
                .hint("укажите существующую папку в --templates")
        })?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".xml") {
                continue;
            }
            let meta = std::fs::symlink_metadata(entry.path()).map_err(|e| Diagnostic::error(e.to_string()))?;
            if !meta.is_file() {
                return Err(Diagnostic::error(format!(
                    "шаблон {name}: не обычный файл (ссылка или папка) — не читается"
                ))
                .hint("положите в папку шаблонов сами файлы, а не ссылки"));
            }
            if meta.len() > MAX_TEMPLATE_BYTES {
                return Err(Diagnostic::error(format!("шаблон {name} слишком большой")));
            }
            let text = std::fs::read_to_string(entry.path()).map_err(|e| {
                Diagnostic::error(format!("шаблон {name}: не удалось прочитать ({e}); нужна кодировка UTF-8"))
            })?;
            sources.insert(name, text);
        }
        Self::compile(sources)
    }

    /// Files of a templates folder that no template reads: names that differ from the
    /// built-in ones only by case or by an extra extension («Order.xml», «order.xml.txt»),
    /// and other files, each with what to do. Files a template includes by name count as read.
    pub fn unused_files(dir: &Path) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
        let names: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        let known: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
        // Everything the templates say, to find the files they include.
        let mut said: String = BUILTIN.iter().map(|(_, t)| *t).collect();
        for n in names.iter().filter(|n| n.ends_with(".xml")) {
            said.push_str(&std::fs::read_to_string(dir.join(n)).unwrap_or_default());
        }
        let included = |name: &str| said.contains(&format!("\"{name}\"")) || said.contains(&format!("'{name}'"));
        // Components are global: a file that defines one some template calls is in use.
        let defines_a_called_component = |name: &str| {
            let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            let called =
                component_names(&text).any(|c| said.contains(&format!("<{c} ")) || said.contains(&format!("<{c}/")));
            called
        };
        let mut out = Vec::new();
        for name in names {
            if known.contains(&name.as_str())
                || (name.ends_with(".xml") && (included(&name) || defines_a_called_component(&name)))
            {
                continue;
            }
            let lower = name.to_lowercase();
            let like = known.iter().find(|k| lower == **k || lower.starts_with(&format!("{k}.")));
            out.push(match like {
                Some(k) => format!("файл шаблона «{name}» не используется: назовите его «{k}»"),
                None if name.ends_with(".xml") => format!(
                    "файл «{name}» в папке шаблонов не используется: встроенные шаблоны — {}; свой файл подключается через {{% include \"{name}\" %}}",
                    known.join(", ")
                ),
                None => format!("файл «{name}» в папке шаблонов не используется: шаблоны — это файлы .xml"),
            });
        }
        out.sort();
        out
    }

    fn compile(sources: BTreeMap<String, String>) -> Result<Self, Diagnostic> {
        let mut tera = Tera::new();
        tera.autoescape_on([".xml"]);
        filters::register(&mut tera);
        // Bounded: a template's loops may not run without end.
        tera.register_function("range", budget::range);
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|e| template_error(&e, &sources))?;
        Ok(Templates { tera, sources })
    }

    /// The source of a template, for error messages.
    pub fn source(&self, name: &str) -> &str {
        self.sources.get(name).map_or("", String::as_str)
    }

    /// The output one template may print for `input` (a bound for users' templates).
    pub fn output_limit(input: &crate::input::model::Document) -> usize {
        fn table_rows(items: usize, sections: &[crate::input::model::Section]) -> usize {
            items + sections.iter().map(|s| 1 + table_rows(s.items.len(), &s.sections)).sum::<usize>()
        }
        let points = input.order.as_ref().and_then(|o| o.body.as_ref()).map_or(0, |b| b.points.len());
        let rows: usize = input
            .appendices
            .iter()
            .map(|a| {
                a.table.as_ref().map_or(0, |t| table_rows(t.items.len(), &t.sections))
                    + a.items.as_ref().map_or(0, Vec::len)
                    + a.clauses.as_ref().map_or(0, Vec::len)
            })
            .sum();
        budget::output_limit(points + rows)
    }

    /// The view as a template context: built once per document and shared by its
    /// templates (serialising the view costs as much as rendering one template).
    pub fn context(&self, view: &view::View<'_>) -> Result<Context, Diagnostic> {
        Context::from_serialize(view).map_err(|e| template_error(&e, &self.sources))
    }

    /// Renders `name` with the context and, for appendix templates, the appendix index;
    /// the output may not grow past `limit` bytes, nor its loops run without end.
    pub fn render(
        &self,
        name: &str,
        ctx: &mut Context,
        index: Option<usize>,
        limit: usize,
    ) -> Result<String, Diagnostic> {
        match index {
            Some(i) => ctx.insert("index", &i),
            None => {
                ctx.remove("index");
            }
        }
        let guard = budget::Guard::start();
        let mut out = Vec::new();
        let rendered = self.tera.render_to(name, ctx, budget::Bounded { out: &mut out, limit });
        if let Some(e) = guard.exceeded() {
            // Where Tera was when it stopped, when it says (a range() call); else the template.
            let at = match rendered.as_ref().err().map(|x| x.kind()) {
                Some(tera::ErrorKind::RenderingError(r)) => {
                    format!("{}:{}:{}", r.filename(), r.span().start_line, r.span().start_col + 1)
                }
                _ => name.to_owned(),
            };
            return Err(Diagnostic::error(format!("шаблон {at} остановлен: {}", e.reason())).hint(
                "проверьте циклы шаблона ({% for %}, range()): документ столько не печатает; \
                 удалите шаблон из папки --templates, чтобы вернуть встроенный",
            ));
        }
        rendered.map_err(|e| template_error(&e, &self.sources))?;
        // Tera writes only text it was given as UTF-8.
        String::from_utf8(out).map_err(|_| Diagnostic::error(format!("шаблон {name}: вывод не в UTF-8")))
    }
}

/// The names a template's `{% component NAME(…) %}` tags define.
fn component_names(text: &str) -> impl Iterator<Item = &str> {
    text.split("{%").skip(1).filter_map(|tag| {
        let tag = tag.trim_start_matches('-').trim_start();
        let rest = tag.strip_prefix("component")?.trim_start();
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
        (end > 0).then(|| &rest[..end])
    })
}

/// A Tera error as a diagnostic naming the template, line and column, and the line itself.
fn template_error(e: &tera::Error, sources: &BTreeMap<String, String>) -> Diagnostic {
    let report = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let Some(r) = report else {
        let mut msg = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            msg.push_str(": ");
            msg.push_str(&s.to_string());
            source = s.source();
        }
        // «error: Unknown filter `x`» and its own snippet: the first line in Russian when
        // known, the snippet (file:line and the line) kept.
        let (first, rest) = msg.split_once('\n').unwrap_or((msg.as_str(), ""));
        let first = first.trim_start_matches("error: ");
        return match tera_message_ru(first) {
            Some(ru) => Diagnostic::error(format!("ошибка шаблона: {ru}\n{rest}")),
            None => Diagnostic::error(format!("ошибка шаблона\n{rest}")).hint(format!("сообщение Tera: {first}")),
        };
    };
    let span = r.span();
    let (message, original) = match tera_message_ru(r.message()) {
        Some(ru) => (ru, None),
        None => ("синтаксическая ошибка шаблона".to_owned(), Some(r.message().to_owned())),
    };
    let line_text =
        sources.get(r.filename()).and_then(|s| s.lines().nth(span.start_line.saturating_sub(1))).unwrap_or("");
    Diagnostic::error(format!(
        "шаблон {}:{}:{}: {}\n    {}\n    {}^",
        r.filename(),
        span.start_line,
        span.start_col + 1,
        message,
        line_text,
        " ".repeat(line_text.chars().take(span.start_col).count())
    ))
    .hint(match original {
        Some(o) => format!(
            "исправьте шаблон или удалите его из папки --templates, чтобы вернуть встроенный (сообщение Tera: {o})"
        ),
        None => "исправьте шаблон или удалите его из папки --templates, чтобы вернуть встроенный".to_owned(),
    })
}

/// Tera's messages in Russian, by their known forms; `None` for others.
fn tera_message_ru(m: &str) -> Option<String> {
    let quoted = |m: &str| m.split('`').nth(1).map(str::to_owned).unwrap_or_default();
    let kind = |t: &str| match t {
        "undefined" | "none" | "null" => "ничего (переменной нет)".to_owned(),
        "string" => "строка".to_owned(),
        "number" | "integer" | "float" => "число".to_owned(),
        "bool" | "boolean" => "логическое значение".to_owned(),
        "array" | "list" => "список".to_owned(),
        "map" | "object" => "объект".to_owned(),
        other => other.to_owned(),
    };
    if m.contains("Unexpected end of input") || m.contains("unexpected end of input") {
        return Some("шаблон обрывается: не закрыт тег {% … %}, {{ … }} или блок {% if %}/{% for %}".to_owned());
    }
    if let Some(rest) = m.strip_prefix("Invalid type for the value, expected `") {
        let expected = rest.split('`').next().unwrap_or("");
        let got = rest.split('`').nth(2).unwrap_or("");
        return Some(format!(
            "значение не того вида: ожидается «{}», получено «{}» — проверьте имя переменной",
            kind(expected),
            kind(got)
        ));
    }
    // What follows the sentence: «Available fields: a, b» → «есть: a, b».
    let available = |m: &str| {
        m.split_once("Available ")
            .and_then(|(_, rest)| rest.split_once(": "))
            .map(|(_, names)| format!("; есть: {}", names.trim_end_matches('.')))
            .unwrap_or_default()
    };
    if m.starts_with("Variable") && m.contains("exists but its value is undefined") {
        return Some(format!("у переменной «{}» нет значения", quoted(m)));
    }
    if m.starts_with("Variable") && m.contains("is not defined") {
        return Some(format!("переменной «{}» нет в данных шаблона{}", quoted(m), available(m)));
    }
    if m.starts_with("Field") && m.contains("is not defined") {
        return Some(format!("поля «{}» у этого объекта нет{}", quoted(m), available(m)));
    }
    if m.contains("Tried to render a variable that is undefined") {
        return Some("выводится значение, которого нет в данных, — проверьте имя переменной".to_owned());
    }
    if m.contains("expression is undefined") || m.starts_with("Slice") && m.contains("is undefined") {
        return Some("индекс или срез без значения — проверьте имя переменной в [ ]".to_owned());
    }
    if m.starts_with("Unknown component") {
        return Some(format!("компонента «{}» нет — проверьте имя или опишите его в _components.xml", quoted(m)));
    }
    if m.starts_with("Component") && m.contains("is defined in both") {
        let names: Vec<&str> = m.split('`').skip(1).step_by(2).collect();
        return Some(format!(
            "компонент «{}» описан дважды: в {} и {}",
            names.first().unwrap_or(&""),
            names.get(1).unwrap_or(&""),
            names.get(2).unwrap_or(&"")
        ));
    }
    if m.starts_with("Block") && m.contains("is not defined in any parent") {
        return Some(format!("блока «{}» нет ни в одном родительском шаблоне", quoted(m)));
    }
    if m.contains("expected identifier after it for XML component call") {
        return Some("после «<» ожидается имя компонента: {{ <mark a={a}/> }}".to_owned());
    }
    if m == "Unknown tag" {
        return Some("неизвестный тег: в {% … %} допустимы if, for, set, include, filter, raw, block".to_owned());
    }
    if m.contains("not found in context") || m.starts_with("Variable") && m.contains("not found") {
        return Some(format!("переменной «{}» нет в данных шаблона — проверьте её имя", quoted(m)));
    }
    if m.contains("Filter") && m.contains("not found") || m.contains("Unknown filter") {
        return Some(format!("фильтра «{}» нет", quoted(m)));
    }
    if m.contains("Function") && m.contains("not found") || m.contains("Unknown function") {
        return Some(format!("функции «{}» нет", quoted(m)));
    }
    if m.contains("Template") && m.contains("not found") || m.starts_with("Unknown template") {
        return Some(format!("шаблона «{}» нет — проверьте имя в include", quoted(m)));
    }
    if m.contains("Unknown tag") || m.contains("unknown tag") {
        return Some(format!("неизвестный тег «{}»", quoted(m)));
    }
    None
}
