//! Loading an input file: bytes → checked text → typed model → semantic checks.
//!
//! [`load`] is the one entry point. Problems come back as [`Diagnostic`]s with a JSON
//! path and a line:column, so the user can go straight to the place.

pub mod deadline_text;
pub mod jsonc;
pub mod locate;
pub mod model;
pub mod numbering;
pub mod parse;
pub mod pictures;
pub mod source;
pub mod translate;
pub mod validate;
pub mod written;

use std::path::Path;

use crate::diag::{Diagnostic, Location, Severity};
use locate::Locator;
use model::Document;
use source::Source;

/// What loading an input produced: the document when it is usable, and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The source text, for rendering diagnostics.
    pub source: Option<Source>,
    /// The document, when there are no errors.
    pub document: Option<Document>,
    /// Errors and warnings, in the order of the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Reads, parses and checks one input file. Files the input names (the logo) are found
/// next to it and checked here, so a missing one is an error at its line.
pub fn load(path: &Path) -> Loaded {
    match source::read_source_noted(path) {
        Ok((src, encoding)) => {
            let mut loaded = load_source(src);
            if let Some(enc) = encoding {
                loaded.diagnostics.insert(0, crate::diag::Diagnostic::warning(format!("файл прочитан в кодировке {enc}"))
                    .hint("сохраните его в UTF-8 (в Блокноте: «Сохранить как» → кодировка UTF-8): так его одинаково прочтут все программы"));
            }
            resolve_files(&mut loaded, path.parent().unwrap_or(Path::new("")));
            loaded
        }
        Err(d) => Loaded { source: None, document: None, diagnostics: vec![d] },
    }
}

/// Records the folder the input's file names are relative to, and checks that the logo
/// there decodes; an error takes the document away, as any other error does.
pub fn resolve_files(loaded: &mut Loaded, base: &Path) {
    resolve(loaded, base, false);
}

/// As [`resolve_files`], but a file named in the document must lie inside `base`: an
/// absolute path, `..` or a link leading out is an error that does not tell whether the
/// file exists. For documents that come from a browser (`prikaz serve`), which must not
/// reach the rest of the disk.
pub fn resolve_files_within(loaded: &mut Loaded, base: &Path) {
    resolve(loaded, base, true);
}

fn resolve(loaded: &mut Loaded, base: &Path, confined: bool) {
    let Some(doc) = loaded.document.as_mut() else { return };
    doc.base_dir = Some(base.to_path_buf());
    if confined {
        doc.pictures.confine_to(base);
    }
    let Some(logo) = doc.blank.as_ref().and_then(|b| b.logo.as_ref()) else { return };
    let checked = if confined { within(base, &logo.path) } else { Some(base.join(&logo.path)) };
    // Kept by the path the templates see (`logo.path`), read once.
    let seen = base.join(&logo.path).to_string_lossy().into_owned();
    let (why, hint) = match checked.map(|p| pictures::read(&p)) {
        Some(Ok(picture)) => {
            doc.pictures.insert(seen, picture);
            return;
        }
        None => {
            (OUTSIDE.to_owned(), "положите изображение в папку документа и укажите только его имя, например «logo.png»")
        }
        Some(Err(why)) => (why.message, "путь считается от папки входного файла; нужен PNG или JPEG"),
    };
    let path = crate::diag::JsonPath::root().key("blank").key("logo").key("path");
    let mut d = Diagnostic::error(format!("логотип: {why}")).at(path).hint(hint);
    if let Some(src) = &loaded.source {
        locate_all(&src.text, std::slice::from_mut(&mut d));
    }
    loaded.diagnostics.push(d);
    loaded.document = None;
}

const OUTSIDE: &str = "файл должен лежать в папке документа (путь без «..», не от корня диска)";

/// `name` joined to `base` if it stays inside it, by its words and, when it exists, by
/// where its links lead; `None` (refused alike) otherwise.
fn within(base: &Path, name: &str) -> Option<std::path::PathBuf> {
    use std::path::Component;
    let relative = Path::new(name);
    let plain = relative.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    // A Windows drive or a backslash path is refused on any system.
    if !plain || name.contains('\\') || name.contains(':') || name.trim().is_empty() {
        return None;
    }
    let joined = base.join(relative);
    if let (Ok(real), Ok(root)) = (std::fs::canonicalize(&joined), std::fs::canonicalize(base)) {
        if !real.starts_with(&root) {
            return None;
        }
    }
    Some(joined)
}

/// Parses and checks text already in memory.
pub fn load_source(src: Source) -> Loaded {
    let mut diagnostics = Vec::new();
    let document = match parse::parse(&src) {
        Ok(doc) => {
            // Only after a successful parse: the text is then known to nest at most 128 deep.
            diagnostics.extend(validate::check_characters(&src.text));
            diagnostics.extend(validate::check(&doc));
            Some(doc)
        }
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    locate_all(&src.text, &mut diagnostics);
    diagnostics.sort_by_key(|d| d.location.as_ref().map_or(usize::MAX, |l| l.span.start));
    diagnostics.dedup();
    let document = document.filter(|_| !diagnostics.iter().any(|d| d.severity == Severity::Error));
    Loaded { source: Some(src), document, diagnostics }
}

/// Gives every diagnostic that has a path but no location its place in the text.
pub fn locate_all(text: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().all(|d| d.location.is_some() || d.path.is_none()) {
        return;
    }
    let locator = Locator::new(text);
    for d in diagnostics.iter_mut().filter(|d| d.location.is_none()) {
        if let Some(range) = d.path.as_ref().and_then(|p| locator.find(p)) {
            d.location = Some(Location::of_span(text, range));
        }
    }
}

/// The JSON Schema of the input format, pretty-printed.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(Document).to_value();
    describe_tagged_variants(&mut schema);
    serde_json::to_string_pretty(&schema).expect("a schema always serializes")
}

/// A variant written as `{"deadline": …}` is described on the variant; its one key gets the
/// same title and description, which is what an editor shows when hovering over that key.
fn describe_tagged_variants(schema: &mut serde_json::Value) {
    match schema {
        serde_json::Value::Object(map) => {
            for union in ["oneOf", "anyOf"] {
                for variant in map.get_mut(union).and_then(|u| u.as_array_mut()).into_iter().flatten() {
                    let said: Vec<(String, serde_json::Value)> = ["title", "description"]
                        .iter()
                        .filter_map(|k| variant.get(*k).map(|v| (k.to_string(), v.clone())))
                        .collect();
                    if let Some(serde_json::Value::Object(props)) = variant.get_mut("properties") {
                        if let (1, Some(serde_json::Value::Object(only))) = (props.len(), props.values_mut().next()) {
                            for (k, v) in &said {
                                only.entry(k.clone()).or_insert_with(|| v.clone());
                            }
                        }
                    }
                }
            }
            map.values_mut().for_each(describe_tagged_variants);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(describe_tagged_variants),
        _ => {}
    }
}
