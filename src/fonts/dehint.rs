//! TrueType hinting removed from a font before it is embedded in a PDF.
//!
//! Hinting (the bytecode in `glyf` and the `fpgm`, `prep` and `cvt ` tables) snaps outlines
//! to the pixel grid of low-resolution screens; PDF viewers and printers scale outlines and
//! mostly ignore it. In Liberation Serif it is 45 % of the glyph data, so without it the
//! embedded subsets are about a third smaller. Outlines, metrics and glyph ids are unchanged.

/// Tables that only serve hinting.
const HINTING_TABLES: [&[u8; 4]; 6] = [b"fpgm", b"prep", b"cvt ", b"hdmx", b"LTSH", b"VDMX"];

/// Composite glyph flags (OpenType `glyf`).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

/// The font without hinting, or `None` when it is not a TrueType-outline font this can
/// read (a CFF `.otf`, a collection, a damaged file): the caller then embeds it as it is.
pub fn strip_hinting(font: &[u8]) -> Option<Vec<u8>> {
    let tables = table_records(font)?;
    let find = |tag: &[u8; 4]| tables.iter().find(|t| &t.tag == tag).map(|t| t.data(font));
    let head = find(b"head")??;
    let long_loca = u16_at(head, 50)? == 1;
    let loca = find(b"loca")??;
    let glyf = find(b"glyf")??;
    let (mut new_glyf, mut new_loca) = rewrite_glyphs(glyf, loca, long_loca)?;

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(tables.len());
    for t in &tables {
        if HINTING_TABLES.contains(&&t.tag) {
            continue;
        }
        let data = match &t.tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"maxp" => {
                let mut m = t.data(font)?.to_vec();
                // maxp 1.0: no instructions any more (maxSizeOfInstructions at byte 26).
                if m.len() >= 28 {
                    m[26..28].copy_from_slice(&[0, 0]);
                }
                m
            }
            b"head" => {
                let mut h = t.data(font)?.to_vec();
                h[8..12].copy_from_slice(&[0; 4]); // checkSumAdjustment, set below
                h
            }
            _ => t.data(font)?.to_vec(),
        };
        out_tables.push((t.tag, data));
    }
    Some(assemble(u32_at(font, 0)?, &out_tables))
}

struct TableRecord {
    tag: [u8; 4],
    offset: usize,
    length: usize,
}

impl TableRecord {
    fn data<'a>(&self, font: &'a [u8]) -> Option<&'a [u8]> {
        font.get(self.offset..self.offset.checked_add(self.length)?)
    }
}

fn table_records(font: &[u8]) -> Option<Vec<TableRecord>> {
    let version = u32_at(font, 0)?;
    if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
        return None;
    }
    let count = u16_at(font, 4)? as usize;
    (0..count)
        .map(|i| {
            let at = 12 + 16 * i;
            Some(TableRecord {
                tag: font.get(at..at + 4)?.try_into().ok()?,
                offset: u32_at(font, at + 8)? as usize,
                length: u32_at(font, at + 12)? as usize,
            })
        })
        .collect()
}

/// New `glyf` and `loca` tables with every glyph's instructions dropped.
fn rewrite_glyphs(glyf: &[u8], loca: &[u8], long: bool) -> Option<(Vec<u8>, Vec<u8>)> {
    let offsets: Vec<usize> = if long {
        loca.chunks_exact(4).map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as usize).collect()
    } else {
        loca.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]]) as usize * 2).collect()
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_offsets = Vec::with_capacity(offsets.len());
    for w in offsets.windows(2) {
        new_offsets.push(new_glyf.len());
        let g = glyf.get(w[0]..w[1])?;
        if !g.is_empty() {
            strip_glyph(g, &mut new_glyf)?;
            // Short offsets count 2-byte words, so every glyph starts at an even offset.
            if new_glyf.len() % 2 == 1 {
                new_glyf.push(0);
            }
        }
    }
    new_offsets.push(new_glyf.len());
    let mut new_loca = Vec::with_capacity(loca.len());
    for o in new_offsets {
        if long {
            new_loca.extend_from_slice(&(o as u32).to_be_bytes());
        } else {
            new_loca.extend_from_slice(&((o / 2) as u16).to_be_bytes());
        }
    }
    Some((new_glyf, new_loca))
}

/// Appends one glyph without its instructions.
fn strip_glyph(g: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let contours = u16_at(g, 0)? as i16;
    if contours >= 0 {
        // Simple glyph: header (10), end points, instruction length, instructions, the rest.
        let ends = 10 + 2 * contours as usize;
        let len = u16_at(g, ends)? as usize;
        // Up to the outline's end: the source's padding after it is not copied (the caller
        // pads to its own alignment; both would leave excess bytes readers warn about).
        let start = ends + 2 + len;
        let rest = g.get(start..start + outline_len(g, contours as usize, start)?)?;
        out.extend_from_slice(g.get(..ends)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
        return Some(());
    }
    // Composite glyph: components, each with its flags; instructions follow the last one.
    out.extend_from_slice(g.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(g, at)?;
        let mut size = 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 { 4 } else { 2 };
        size += if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        let component = g.get(at..at + size)?;
        let flag_at = out.len();
        out.extend_from_slice(component);
        out[flag_at..flag_at + 2].copy_from_slice(&(flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
        at += size;
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    Some(())
}

/// Simple glyph flags (OpenType `glyf`).
const X_SHORT: u8 = 0x02;
const Y_SHORT: u8 = 0x04;
const REPEAT: u8 = 0x08;
const X_SAME_OR_POSITIVE: u8 = 0x10;
const Y_SAME_OR_POSITIVE: u8 = 0x20;

/// The length of a simple glyph's flags and coordinates starting at `at`: its points are
/// counted from the contours' end points, each flag says how long its coordinates are.
fn outline_len(g: &[u8], contours: usize, at: usize) -> Option<usize> {
    let points = match contours {
        0 => 0,
        n => usize::from(u16_at(g, 10 + 2 * (n - 1))?) + 1,
    };
    let (mut pos, mut seen, mut x, mut y) = (at, 0, 0, 0);
    while seen < points {
        let flag = *g.get(pos)?;
        pos += 1;
        let times = if flag & REPEAT != 0 {
            pos += 1;
            usize::from(*g.get(pos - 1)?) + 1
        } else {
            1
        };
        let size = |short: u8, same: u8| match (flag & short != 0, flag & same != 0) {
            (true, _) => 1,
            (false, true) => 0,
            (false, false) => 2,
        };
        x += times * size(X_SHORT, X_SAME_OR_POSITIVE);
        y += times * size(Y_SHORT, Y_SAME_OR_POSITIVE);
        seen += times;
    }
    let len = pos - at + x + y;
    (at + len <= g.len()).then_some(len)
}

/// An sfnt file from its tables: the directory, 4-byte aligned tables, their checksums and
/// the whole-font checksum adjustment in `head`.
fn assemble(version: u32, tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let n = tables.len() as u16;
    let entry_selector = 15 - n.max(1).leading_zeros() as u16;
    let search_range = (1u16 << entry_selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(&n.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&entry_selector.to_be_bytes());
    out.extend_from_slice(&(n * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(h) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[h + 8..h + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    let words = data.chunks_exact(4);
    let tail = words.remainder();
    let sum = words.fold(0u32, |sum, c| sum.wrapping_add(u32::from_be_bytes([c[0], c[1], c[2], c[3]])));
    let mut last = [0u8; 4];
    last[..tail.len()].copy_from_slice(tail);
    sum.wrapping_add(u32::from_be_bytes(last))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{bundled, Face};
    use rustybuzz::ttf_parser;

    #[test]
    fn every_bundled_face_loses_its_hinting_and_keeps_its_glyphs() {
        for face in Face::ALL {
            let original = bundled(face);
            let stripped = strip_hinting(original).expect("a TrueType font");
            assert!(stripped.len() * 10 < original.len() * 8, "{face:?}: {} → {}", original.len(), stripped.len());
            let a = ttf_parser::Face::parse(original, 0).unwrap();
            let b = ttf_parser::Face::parse(&stripped, 0).expect("the result parses");
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            let tables = table_records(&stripped).unwrap();
            assert!(tables.iter().all(|t| !HINTING_TABLES.contains(&&t.tag)));
            assert_eq!(checksum(&stripped), 0xB1B0_AFBA, "whole-font checksum");
            // No glyph keeps bytes after its outline beyond the 2-byte alignment (the
            // source's padding copied and padded again gave 4 excess bytes on some).
            let head = b.raw_face().table(ttf_parser::Tag::from_bytes(b"head")).unwrap();
            let long = u16_at(head, 50) == Some(1);
            let glyf = b.raw_face().table(ttf_parser::Tag::from_bytes(b"glyf")).unwrap();
            let loca = b.raw_face().table(ttf_parser::Tag::from_bytes(b"loca")).unwrap();
            let offsets: Vec<usize> = if long {
                loca.chunks_exact(4).map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as usize).collect()
            } else {
                loca.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]]) as usize * 2).collect()
            };
            let mut simple = 0;
            for w in offsets.windows(2) {
                let g = &glyf[w[0]..w[1]];
                if g.len() >= 10 && (u16_at(g, 0).unwrap() as i16) >= 0 {
                    let contours = u16_at(g, 0).unwrap() as usize;
                    let ends = 10 + 2 * contours;
                    let start = ends + 2 + u16_at(g, ends).unwrap() as usize;
                    let used = start + outline_len(g, contours, start).expect("the outline parses");
                    assert!(g.len() - used <= 1, "{face:?}: {} bytes after a glyph's outline", g.len() - used);
                    simple += 1;
                }
            }
            assert!(simple > 1000, "{face:?}: {simple} simple glyphs checked");
            // Same outlines and advances for every glyph: compare their bounding boxes.
            for id in 0..a.number_of_glyphs() {
                let g = ttf_parser::GlyphId(id);
                assert_eq!(a.glyph_bounding_box(g), b.glyph_bounding_box(g), "{face:?} glyph {id}");
                assert_eq!(a.glyph_hor_advance(g), b.glyph_hor_advance(g));
            }
        }
    }

    #[test]
    fn what_it_cannot_read_is_left_alone() {
        assert_eq!(strip_hinting(b"OTTO\0\0\0\0"), None);
        assert_eq!(strip_hinting(&[]), None);
        let mut cut = bundled(Face::Regular).to_vec();
        cut.truncate(4000);
        assert_eq!(strip_hinting(&cut), None);
    }
}
