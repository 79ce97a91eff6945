//! The bundled fonts (Liberation Serif, SIL OFL 1.1, see `fonts/README.md`): compiled into
//! the binary so output never depends on what a machine has installed.

/// Family name of the bundled faces.
pub const BUNDLED_FAMILY: &str = "Liberation Serif";

/// One face of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Regular.
    Regular,
    /// Bold.
    Bold,
    /// Italic.
    Italic,
    /// Bold italic.
    BoldItalic,
}

impl Face {
    /// All faces in the order DOCX lists them (embedRegular, embedBold, embedItalic, embedBoldItalic).
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];
}

/// The bytes of a bundled face.
pub fn bundled(face: Face) -> &'static [u8] {
    match face {
        Face::Regular => include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
        Face::Bold => include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
        Face::Italic => include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
        Face::BoldItalic => include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
    }
}
