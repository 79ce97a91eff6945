//! Our hyphenation against LibreOffice's own: libhyphen (the library LibreOffice calls,
//! installed with it) hyphenates every word of the samples with the same dictionary, and
//! we must find the same breaks, so that our PDF and LibreOffice's rendering of our DOCX
//! break words alike.

mod common;

use std::process::Command;

use common::{input_words, json_files, tool};

/// Each word with libhyphen's breaks, via Python's ctypes (no binding crate needed).
const LIBHYPHEN: &str = r#"
import ctypes, ctypes.util, sys
name = ctypes.util.find_library("hyphen") or "libhyphen.so.0"
lib = ctypes.CDLL(name)
lib.hnj_hyphen_load.restype = ctypes.c_void_p
d = lib.hnj_hyphen_load(b"/usr/share/hyphen/hyph_ru_RU.dic")
if not d:
    sys.exit("hyph_ru_RU.dic is missing")
for w in sys.stdin.read().split():
    b = w.encode("koi8-r")
    h = ctypes.create_string_buffer(len(b) + 5)
    rep, pos, cut = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    lib.hnj_hyphen_hyphenate2(ctypes.c_void_p(d), b, len(b), h, None, ctypes.byref(rep), ctypes.byref(pos), ctypes.byref(cut))
    marks = h.raw[: len(b)].decode()
    print(w, ",".join(str(i + 1) for i in range(len(b)) if int(marks[i]) % 2 and 2 <= i + 1 <= len(b) - 2))
"#;

#[test]
fn every_sample_word_is_hyphenated_as_libreoffice_hyphenates_it() {
    if !tool("python3") || !std::path::Path::new("/usr/share/hyphen/hyph_ru_RU.dic").exists() {
        assert!(std::env::var_os("CI").is_none(), "CI installs hyphen-ru");
        eprintln!("SKIPPED: hyph_ru_RU.dic is not installed (hyphen-ru)");
        return;
    }
    let mut words: Vec<String> = json_files("samples")
        .iter()
        .flat_map(|rel| input_words(rel))
        .filter(|w| w.chars().count() >= 5 && w.chars().all(|c| ('а'..='я').contains(&c) || c == 'ё'))
        .collect();
    words.sort();
    words.dedup();
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(LIBHYPHEN)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(words.join("\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "libhyphen could not be called");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut differ = Vec::new();
    for line in text.lines() {
        let (word, theirs) = line.split_once(' ').unwrap_or((line, ""));
        let theirs: Vec<usize> = theirs.split(',').filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
        let ours = prikaz::breaks::libreoffice_points(word);
        if ours != theirs {
            differ.push(format!("{word}: ours {ours:?}, libhyphen {theirs:?}"));
        }
    }
    assert!(text.lines().count() > 500, "too few words compared: {}", text.lines().count());
    assert!(differ.is_empty(), "{} of {} words differ:\n{}", differ.len(), words.len(), differ.join("\n"));
}
