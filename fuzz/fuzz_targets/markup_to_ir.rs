//! Any text as a user template's output: the markup reader refuses it with an error or
//! gives sections, and those sections render to DOCX and PDF without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prikaz::doc::{Document, FontSetup, Length, Margins, Meta};
use prikaz::input::model::Typography;
use prikaz::layout::{layout, text::Measurer};
use prikaz::markup::{read, Defaults};
use prikaz::normalize::normalize;

thread_local! {
    static MEASURER: Measurer = Measurer::bundled();
}

fuzz_target!(|data: &[u8]| {
    let Ok(markup) = std::str::from_utf8(data) else { return };
    // The standard's margins: 20 mm, 10 mm on the right, 20 mm, 30 mm on the left.
    let defaults = Defaults {
        margins: Margins { top: Length::mm(20.0), right: Length::mm(10.0), bottom: Length::mm(20.0), left: Length::mm(30.0) },
    };
    let Ok(sections) = read(markup, "fuzz.xml", markup, &defaults) else { return };
    let mut doc = Document {
        meta: Meta { title: "fuzz".into(), lang: "ru-RU".into(), ..Meta::default() },
        fonts: FontSetup {
            family: "Liberation Serif".into(),
            body_size: Length::pt(14.0),
            table_size: Length::pt(12.0),
            hyphenation: true,
        },
        sections,
    };
    normalize(&mut doc, &Typography::default());
    let _ = prikaz::render::docx::write_docx(&doc, &Default::default());
    MEASURER.with(|m| {
        let pages = layout(&doc, m);
        let _ = prikaz::render::pdf::write_pdf(&doc, &pages, m);
    });
});
