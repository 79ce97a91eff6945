//! Readers no one here wrote see the DOCX's structure: pandoc's and mammoth's HTML have the
//! titles as headings and the numbered points, rows and lists as `<ol>`/`<ul>`; python-docx
//! names the style of every paragraph (body and table cells).

mod common;

use std::process::Command;

use common::{json_files, root, tool};

fn render_all(dir: &std::path::Path) -> Vec<(String, std::path::PathBuf)> {
    json_files("samples")
        .into_iter()
        .filter(|rel| !rel.ends_with(".schema.json"))
        .map(|rel| {
            let out = Command::new(env!("CARGO_BIN_EXE_prikaz"))
                .args(["render", "--format", "docx"])
                .arg(root().join(&rel))
                .arg("-o")
                .arg(dir)
                .output()
                .unwrap();
            assert!(out.status.success(), "{rel}: {}", String::from_utf8_lossy(&out.stderr));
            let stem = std::path::Path::new(&rel).file_stem().unwrap().to_string_lossy().into_owned();
            (rel, dir.join(format!("{stem}.docx")))
        })
        .collect()
}

/// Elements `tag` in the HTML (pandoc breaks lines inside tags: `<h1\nid=…>`).
fn count(html: &str, tag: &str) -> usize {
    let open = format!("<{tag}");
    html.match_indices(&open)
        .filter(|(i, _)| html[i + open.len()..].starts_with(|c: char| c == '>' || c.is_whitespace()))
        .count()
}

#[test]
fn pandoc_mammoth_and_python_docx_see_headings_lists_and_styles() {
    let pandoc = tool("pandoc");
    let python = common::python_modules("mammoth, docx");
    if !pandoc && !python {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (rel, docx) in render_all(dir.path()) {
        let input = std::fs::read_to_string(root().join(&rel)).unwrap();
        // Numbered or marked things the sample holds: points, numbered rows, lists.
        let lists_expected = input.contains("\"points\"") || input.contains("\"numbering\": \"hierarchical\"");
        if pandoc {
            let out = Command::new("pandoc").args(["-f", "docx", "-t", "html"]).arg(&docx).output().unwrap();
            assert!(out.status.success(), "{rel}: pandoc: {}", String::from_utf8_lossy(&out.stderr));
            let html = String::from_utf8_lossy(&out.stdout);
            assert!(count(&html, "h1") >= 1, "{rel}: pandoc sees no heading");
            if lists_expected {
                assert!(count(&html, "ol") + count(&html, "ul") >= 1, "{rel}: pandoc sees no list");
            }
            if input.contains("\"clauses\"") {
                assert!(count(&html, "h2") >= 1, "{rel}: pandoc sees no clause heading");
            }
        }
        if python {
            let out =
                Command::new("python3").arg(root().join("tests/readers/structure.py")).arg(&docx).output().unwrap();
            assert!(out.status.success(), "{rel}: {}", String::from_utf8_lossy(&out.stderr));
            let n: Vec<usize> =
                String::from_utf8_lossy(&out.stdout).split_whitespace().map(|x| x.parse().unwrap()).collect();
            let [h1, h2, ol, ul, paragraphs, unnamed] = n[..] else { panic!("{rel}: {n:?}") };
            assert!(h1 >= 1, "{rel}: mammoth sees no heading");
            if input.contains("\"clauses\"") {
                assert!(h2 >= 1, "{rel}: mammoth sees no clause heading");
            }
            // mammoth drops paragraphs with no text, list items too: a № cell holding only
            // its number is an empty cell there, so only the points are looked for.
            if input.contains("\"points\"") {
                assert!(ol + ul >= 1, "{rel}: mammoth sees no list");
            }
            assert!(
                paragraphs > 0 && unnamed == 0,
                "{rel}: python-docx finds {unnamed} of {paragraphs} paragraphs without a style name"
            );
        }
    }
}
