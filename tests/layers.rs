//! Who may import whom, checked on the source: the modules of each folder form no circle
//! (a folder's own `mod.rs` excepted, which Rust makes the parent of its files), and the
//! named lower layers import nothing from the higher ones. A change that brings a circle
//! back fails here with the path of the circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`["layout", "table"]`) of every source file under src/ but the binary's.
fn modules(src: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let rel = p.strip_prefix(src).unwrap();
            let mut parts: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
            let last = parts.pop().unwrap();
            let stem = last.trim_end_matches(".rs");
            if stem != "mod" && !(parts.is_empty() && (stem == "lib" || stem == "main")) {
                parts.push(stem.to_owned());
            }
            if parts.is_empty() {
                continue; // lib.rs and main.rs
            }
            out.insert(parts, p);
        }
    }
    out
}

/// The paths a file names: `crate::a::b`, `super::a`, and the members of `use` braces
/// (`use crate::doc::{geometry, Block}` names `doc::geometry` and `doc::Block`).
fn named_paths(text: &str, this: &[String], is_mod_rs: bool) -> Vec<Vec<String>> {
    // Code only: comments and strings are not imports.
    let code: String =
        text.lines().map(|l| if l.trim_start().starts_with("//") { "" } else { l }).collect::<Vec<_>>().join("\n");
    let mut out = Vec::new();
    let base_of_super = |n: usize| -> Vec<String> {
        // `super` of a file module is its folder; of a mod.rs, the folder's parent.
        let mut b = this.to_vec();
        let drop = if is_mod_rs { n + 1 } else { n };
        for _ in 0..drop.min(b.len()) {
            b.pop();
        }
        b
    };
    let s = code;
    let mut i = 0;
    while let Some(at) = s[i..].find(['c', 's']).map(|k| k + i) {
        i = at + 1;
        let rest = &s[at..];
        let prev = s[..at].chars().next_back();
        if prev.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let (mut base, mut tail) = if let Some(t) = rest.strip_prefix("crate::") {
            (Vec::new(), t)
        } else if rest.starts_with("super::") {
            let mut n = 0;
            let mut t = rest;
            while let Some(x) = t.strip_prefix("super::") {
                n += 1;
                t = x;
            }
            (base_of_super(n), t)
        } else {
            continue;
        };
        // Segments up to a brace or a non-path character.
        loop {
            let seg: String = tail.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if seg.is_empty() {
                break;
            }
            tail = &tail[seg.len()..];
            base.push(seg);
            match tail.strip_prefix("::") {
                Some(t) => tail = t,
                None => break,
            }
        }
        if let Some(inner) = tail.strip_prefix('{') {
            let end = inner.find('}').unwrap_or(inner.len());
            for member in inner[..end].split(',') {
                let mut p = base.clone();
                p.extend(member.trim().split("::").map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()));
                out.push(p);
            }
        } else {
            out.push(base);
        }
    }
    out
}

/// The deepest module a path lands in.
fn owner(path: &[String], mods: &BTreeMap<Vec<String>, PathBuf>) -> Option<Vec<String>> {
    (1..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| mods.contains_key(p))
}

/// Edges between modules: (from, to).
fn edges(mods: &BTreeMap<Vec<String>, PathBuf>) -> BTreeSet<(Vec<String>, Vec<String>)> {
    let mut out = BTreeSet::new();
    for (m, file) in mods {
        let text = std::fs::read_to_string(file).unwrap();
        let is_mod_rs = file.file_name().is_some_and(|f| f == "mod.rs");
        for p in named_paths(&text, m, is_mod_rs) {
            if let Some(to) = owner(&p, mods) {
                if &to != m {
                    out.insert((m.clone(), to));
                }
            }
        }
    }
    out
}

/// A circle among the children of `folder` (each child standing for its whole subtree;
/// the folder's own mod.rs left out), as the list of children around it.
fn circle_among_children(folder: &[String], edges: &BTreeSet<(Vec<String>, Vec<String>)>) -> Option<Vec<String>> {
    let child = |m: &Vec<String>| -> Option<String> {
        (m.len() > folder.len() && m[..folder.len()] == *folder).then(|| m[folder.len()].clone())
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in edges {
        if let (Some(x), Some(y)) = (child(a), child(b)) {
            if x != y {
                graph.entry(x).or_default().insert(y);
            }
        }
    }
    // Depth-first search with colours; the stack gives the circle.
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_owned(), 1);
        stack.push(n.to_owned());
        for m in g.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let start = stack.iter().position(|s| s == m).unwrap();
                    let mut c = stack[start..].to_vec();
                    c.push(m.clone());
                    return Some(c);
                }
                0 => {
                    if let Some(c) = visit(m, g, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if state.get(n).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, &graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

/// A module by its path, and the modules' imports as (from, to).
type Modules = BTreeMap<Vec<String>, PathBuf>;
type Edges = BTreeSet<(Vec<String>, Vec<String>)>;

fn src_modules() -> (Modules, Edges) {
    let mods = modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let e = edges(&mods);
    (mods, e)
}

/// Folders whose modules are checked for circles, from the top down (every folder of src/).
const CHECKED: &[&str] = &[
    "",
    "ru",
    "layout",
    "breaks",
    "writers",
    "writers/docx",
    "input",
    "input/model",
    "input/validate",
    "doc",
    "template",
    "markup",
    "import",
    "batch",
    "serve",
    "cli",
    "fonts",
];

#[test]
fn the_modules_of_each_folder_form_no_circle() {
    let (_, e) = src_modules();
    let mut found = Vec::new();
    for folder in CHECKED {
        let f: Vec<String> = folder.split('/').filter(|s| !s.is_empty()).map(str::to_owned).collect();
        if let Some(c) = circle_among_children(&f, &e) {
            found.push(format!("src/{folder}: {}", c.join(" → ")));
        }
    }
    assert!(found.is_empty(), "circles:\n{}", found.join("\n"));
}

#[test]
fn lower_layers_import_nothing_from_higher_ones() {
    let (_, e) = src_modules();
    // (lower, higher): nothing under the first may name anything under the second.
    let rules: &[(&str, &[&str])] = &[
        (
            "ru",
            &["input", "template", "markup", "doc", "layout", "writers", "engine", "import", "batch", "serve", "cli"],
        ),
        ("breaks", &["layout", "writers", "doc", "input", "template"]),
        ("writers/docx", &["layout"]),
        ("doc", &["layout", "writers", "template", "markup"]),
        ("layout", &["writers", "template", "markup", "input"]),
    ];
    let under = |m: &Vec<String>, folder: &str| {
        let f: Vec<&str> = folder.split('/').collect();
        m.len() >= f.len() && m.iter().zip(&f).all(|(a, b)| a == b)
    };
    let mut found = Vec::new();
    for (lower, highers) in rules {
        for (a, b) in &e {
            if under(a, lower) {
                if let Some(h) = highers.iter().find(|h| under(b, h)) {
                    found.push(format!("{} → {} ({lower} is below {h})", a.join("::"), b.join("::")));
                }
            }
        }
    }
    assert!(found.is_empty(), "imports against the layers:\n{}", found.join("\n"));
}

/// The check sees what it must: a sibling circle planted in a copy of the graph is found.
#[test]
fn a_planted_circle_is_found() {
    let (_, mut e) = src_modules();
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    e.insert((m("ru::dates"), m("ru::names")));
    e.insert((m("ru::names"), m("ru::dates")));
    let c = circle_among_children(&["ru".to_owned()], &e).expect("the planted circle");
    assert!(c.contains(&"dates".to_owned()) && c.contains(&"names".to_owned()), "{c:?}");
}

/// The document model and what reads and writes it open no file: pictures are read with
/// the input (`input::pictures`), and the markup reader asks for them by `src`.
#[test]
fn the_ir_and_its_readers_and_writers_open_no_file() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let io = ["std::fs", "fs::read", "File::open", "fs::metadata"];
    let mut found = Vec::new();
    for (m, path) in modules(&src) {
        let layer = m[0].as_str();
        if !["doc", "markup", "layout", "writers", "breaks", "normalize", "tracked"].contains(&layer) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            if io.iter().any(|w| line.contains(w)) && !line.trim_start().starts_with("//") {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "file access below the input:\n{}", found.join("\n"));
}
