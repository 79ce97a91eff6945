//! Any text as a user template's output: the markup reader refuses it with an error or
//! gives a document, and that document renders to DOCX and PDF without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prikaz::layout::{layout, text::Measurer};

thread_local! {
    static MEASURER: Measurer = Measurer::bundled();
}

fuzz_target!(|data: &[u8]| {
    let Ok(markup) = std::str::from_utf8(data) else { return };
    let Ok(doc) = prikaz::markup::standalone(markup) else { return };
    let _ = prikaz::writers::docx::write_docx(&doc, &Default::default());
    MEASURER.with(|m| {
        let pages = layout(&doc, m);
        let _ = prikaz::writers::pdf::write_pdf(&doc, &pages, m);
    });
});
