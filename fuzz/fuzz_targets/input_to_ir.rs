//! Any bytes as an input file: loading and validating never panic; what validates builds
//! its IR and is laid out without a panic, or fails with a located error.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use prikaz::input::{load_source, source::Source};
use prikaz::layout::{layout, text::Measurer};
use prikaz::pipeline::{build_ir, Parts};
use prikaz::template::Templates;

fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| Templates::builtin().expect("the built-in templates compile"))
}

thread_local! {
    static MEASURER: Measurer = Measurer::bundled();
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let loaded = load_source(Source { name: "fuzz.json".into(), text });
    if loaded.has_errors() {
        return;
    }
    let Some(input) = loaded.document else { return };
    if let Ok(doc) = build_ir(&input, templates(), Parts::All) {
        MEASURER.with(|m| layout(&doc, m));
    }
});
