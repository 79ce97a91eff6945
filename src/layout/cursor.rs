//! Layout, step 2's cursor: the pages made so far, the page being filled and where on it
//! the next line goes; placing a run of lines with widow and orphan control; page numbers.

use super::lines::{height, shift, Chunk, PLine};
use super::text::Measurer;
use super::{Item, Page};
use crate::doc::{geometry, PageSetup};

/// The state of pagination.
pub(super) struct Flow<'m> {
    pub m: &'m Measurer,
    pub pages: Vec<Page>,
    pub numbered: Vec<bool>,
    /// Each page's margins, for its number.
    pub margins: Vec<crate::doc::Margins>,
    pub setup: PageSetup,
    pub y: f64,
    /// The first page's text ends higher when its footer holds the QR code.
    pub first_page_bottom: Option<f64>,
}

impl<'m> Flow<'m> {
    pub fn top(&self) -> f64 {
        self.setup.margins.top.to_pt()
    }
    pub fn bottom(&self) -> f64 {
        let bottom = self.setup.height.to_pt() - self.setup.margins.bottom.to_pt();
        match self.first_page_bottom {
            Some(b) if self.pages.len() == 1 => b.min(bottom),
            _ => bottom,
        }
    }
    pub fn left(&self) -> f64 {
        self.setup.margins.left.to_pt()
    }
    pub fn text_width(&self) -> f64 {
        self.setup.text_width().to_pt()
    }
    pub fn at_top(&self) -> bool {
        (self.y - self.top()).abs() < 0.01
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page {
            width: self.setup.width.to_pt(),
            height: self.setup.height.to_pt(),
            items: Vec::new(),
            last_row: None,
            bookmark: None,
        });
        self.numbered.push(self.setup.page_numbers);
        self.margins.push(self.setup.margins);
        self.y = self.top();
    }

    pub(super) fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page is open")
    }

    /// Puts a line's items at (left margin + x0, self.y) and moves down.
    pub fn put(&mut self, line: &PLine, x0: f64) {
        let y0 = self.y;
        let x0 = x0 + self.left();
        let items: Vec<Item> = line.items.iter().map(|it| shift(it, x0, y0)).collect();
        let page = self.page();
        page.items.extend(items);
        page.last_row = None;
        self.y += line.height;
    }

    pub(super) fn place_chunk(&mut self, c: &Chunk) {
        if !self.at_top() {
            self.y += c.space_before;
        }
        let total = height(&c.lines);
        let page_h = self.bottom() - self.top();
        if c.whole && self.y + total > self.bottom() && total <= page_h {
            self.new_page();
        }
        let n = c.lines.len();
        let mut i = 0;
        while i < n {
            let fit = fits(&c.lines[i..], self.bottom() - self.y);
            let rest = n - i;
            if fit >= rest {
                for l in &c.lines[i..] {
                    self.put(l, 0.0);
                }
                break;
            }
            // Orphan: never one line alone at the bottom; widow: never one alone on top.
            let mut take = fit;
            if take == 1 && rest > 1 {
                take = 0;
            } else if rest - take == 1 && take >= 2 {
                take -= 1;
            }
            if take == 0 && self.at_top() {
                take = fit.max(1); // a line taller than the page: place it anyway
            }
            for l in &c.lines[i..i + take] {
                self.put(l, 0.0);
            }
            i += take;
            self.new_page();
        }
        self.y += c.space_after;
    }

    /// Page numbers from page 2, centred on the text block (as Word centres the header's
    /// paragraph between the margins).
    pub fn number_pages(&mut self) {
        let size = geometry::PAGE_NUMBER_SIZE.to_pt();
        for (i, p) in self.pages.iter_mut().enumerate() {
            if i == 0 || !self.numbered[i] {
                continue;
            }
            let text = (i + 1).to_string();
            let w = self.m.width(0, &text, size);
            let (left, right) = (self.margins[i].left.to_pt(), self.margins[i].right.to_pt());
            let y = geometry::HEADER_OFFSET.to_pt() + self.m.ascent(size);
            p.items.push(Item::Text {
                x: left + (p.width - left - right - w) / 2.0,
                y,
                text,
                face: 0,
                size,
                spacing: 0.0,
                tag: 0,
            });
        }
    }
}

fn fits(lines: &[PLine], room: f64) -> usize {
    let mut h = 0.0;
    for (i, l) in lines.iter().enumerate() {
        h += l.height;
        if h > room + 0.01 {
            return i;
        }
    }
    lines.len()
}
