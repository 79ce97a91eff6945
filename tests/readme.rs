//! The README stays a user's page: at most 12 KB, the two set-up commands at the top, a
//! format fragment that passes `validate`, and links (README and docs/) that lead to files
//! that exist.

mod common;

use common::root;

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_readme_is_short_and_opens_with_the_two_commands() {
    let readme = read("README.md");
    assert!(readme.len() <= 12 * 1024, "README.md is {} bytes; the rest belongs in docs/", readme.len());
    let render = readme.find("cargo run --release -- render samples/solnechnogorsk-2023.json -o out/").expect("render");
    let test = readme.find("\ncargo test\n").expect("the test command");
    assert!(render < test && test < 2000, "both near the top");
}

#[test]
fn the_format_fragment_in_the_readme_is_valid() {
    let readme = read("README.md");
    let fragment = readme.split("```json\n").nth(1).and_then(|r| r.split("```").next()).expect("a JSON fragment");
    let dir = common::temp_dir("readme-fragment");
    let file = dir.join("фрагмент.json");
    std::fs::write(&file, fragment).unwrap();
    let run = common::prikaz(&["validate", file.to_str().unwrap()]);
    assert!(run.status.success(), "{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn links_in_the_readme_and_docs_lead_to_files() {
    let mut pages = vec!["README.md".to_owned()];
    for entry in std::fs::read_dir(root().join("docs")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            pages.push(format!("docs/{name}"));
        }
    }
    let mut broken = Vec::new();
    for page in &pages {
        let text = read(page);
        let base = root().join(page).parent().unwrap().to_path_buf();
        // Markdown links and images: ](target) outside code.
        for (i, _) in text.match_indices("](") {
            let rest = &text[i + 2..];
            let Some(end) = rest.find(')') else { continue };
            let target = rest[..end].split('#').next().unwrap_or("").trim();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") || target.contains(' ') {
                continue;
            }
            if !base.join(target).exists() {
                broken.push(format!("{page}: {target}"));
            }
        }
    }
    assert!(broken.is_empty(), "links to nothing: {broken:#?}");
}
