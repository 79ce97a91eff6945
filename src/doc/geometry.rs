//! Geometry both writers share, decided once: the layout places by these values and the
//! DOCX writer translates the same values into Word's units, so Word, LibreOffice and our
//! PDF agree by construction. Values are whole twips (1/20 pt), Word's own unit, so no
//! rounding separates the two outputs.

use super::{Length, Margins};

/// Left and right padding of a table cell: 57 twips, 1 mm.
pub const CELL_PAD_X: Length = Length::pt(2.85);
/// Top and bottom padding of a table cell: 17 twips, 0.3 mm, so text never touches the
/// rule above or below it.
pub const CELL_PAD_Y: Length = Length::pt(0.85);
/// The width of table rules: 0.5 pt (`w:sz="4"`, eighths of a point).
pub const BORDER_WIDTH: Length = Length::pt(0.5);
/// Inner padding of a framed column (the e-signature mark): 85 twips, 1.5 mm.
pub const FRAME_PAD: Length = Length::pt(4.25);
/// From the bottom edge of the sheet to the bottom of the first page's footer, which holds
/// the QR code: 283 twips, 5 mm.
pub const FOOTER_OFFSET: Length = Length::pt(14.15);
/// The hang of a list item (marker, then the text): 283 twips, 5 mm.
pub const LIST_HANG: Length = Length::pt(14.15);
/// From the top edge of the sheet to the top of the page number: 567 twips, 10 mm
/// (ГОСТ Р 7.0.97: numbers in the middle of the top margin, at least 10 mm from the edge).
pub const HEADER_OFFSET: Length = Length::pt(28.35);
/// The size of page numbers.
pub const PAGE_NUMBER_SIZE: Length = Length::pt(12.0);

/// Margins of a page when neither the input nor the template names them: the ГОСТ
/// minimum, left 20 mm, right 10 mm, top and bottom 20 mm.
pub fn default_margins() -> Margins {
    Margins { top: Length::mm(20.0), right: Length::mm(10.0), bottom: Length::mm(20.0), left: Length::mm(20.0) }
}

/// Room above a picture on its line: Word sets an inline picture on the baseline, and the
/// paragraph's (1 pt) text below it takes a little of the line's height.
pub const IMAGE_LINE_EXTRA: f64 = 1.0;

/// The exact height of a picture's line, in whole twips (both writers use this value).
pub fn image_line_height(h: f64) -> f64 {
    ((h + IMAGE_LINE_EXTRA) * 20.0).ceil() / 20.0
}
