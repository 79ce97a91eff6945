//! Tables users keep: CSV as Excel saves it (UTF-8 or Windows-1251; «;», «,» or tab) and
//! the first sheet of a spreadsheet (.xlsx, .xls, .ods), as rows of text with the row
//! numbers the file shows. Used by `batch` (school lists) and `import` (plans).

use crate::diag::Diagnostic;

/// A table's rows, each with its line or row number, and notes on how it was read.
pub type Rows = Vec<(usize, Vec<String>)>;

/// Whether the file is a spreadsheet (by its extension), not a CSV.
pub fn is_spreadsheet(path: &std::path::Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods")
}

/// Reads a table file by its extension: a spreadsheet's first sheet, else CSV.
pub fn read_table(path: &std::path::Path) -> Result<(Rows, Vec<String>), Diagnostic> {
    read_table_sheet(path, None)
}

/// Reads a table file; of a spreadsheet, the sheet named `sheet` (or numbered from 1), else
/// the first.
pub fn read_table_sheet(path: &std::path::Path, sheet: Option<&str>) -> Result<(Rows, Vec<String>), Diagnostic> {
    read_table_named(path, sheet).map(|(rows, notes, _)| (rows, notes))
}

/// As [`read_table_sheet`], with the name of the sheet read (none for a CSV).
pub fn read_table_named(
    path: &std::path::Path,
    sheet: Option<&str>,
) -> Result<(Rows, Vec<String>, Option<String>), Diagnostic> {
    let name = path.display().to_string();
    if is_spreadsheet(path) {
        return spreadsheet_rows(path, sheet)
            .map(|(s, r)| (r, Vec::new(), Some(s)))
            .map_err(|e| Diagnostic::error(format!("{name}: {e}")));
    }
    if sheet.is_some() {
        return Err(Diagnostic::error(format!(
            "{name}: --sheet относится к книгам Excel и Calc, а это CSV — у него один лист"
        )));
    }
    let (src, encoding) =
        crate::input::source::read_source_noted(path).map_err(|d| Diagnostic::error(format!("{name}: {d}")))?;
    let (rows, mut notes) = csv_rows(&name, &src.text)?;
    if let Some(enc) = encoding {
        notes.insert(0, format!("{name} прочитан в кодировке {enc}"));
    }
    Ok((rows, notes, None))
}

/// The records of a CSV text, with the line each starts on, and a note on the separator.
pub fn csv_rows(name: &str, text: &str) -> Result<(Rows, Vec<String>), Diagnostic> {
    let text = text.trim_start_matches('\u{feff}');
    let sep = sniff_separator(text);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(sep).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut table: Vec<(usize, Vec<String>)> = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| Diagnostic::error(format!("{name}: CSV не читается: {}", csv_reason(&e))))?;
        // The line a record starts on, counted in the text (a quoted value may hold breaks).
        // (With CRLF endings the reader's position can stand on the previous line's «\n».)
        let line = rec.position().map_or(table.len() + 1, |p| {
            let b = text.as_bytes();
            let mut at = (p.byte() as usize).min(b.len());
            while at < b.len() && matches!(b[at], b'\r' | b'\n') {
                at += 1;
            }
            b[..at].iter().filter(|&&c| c == b'\n').count() + 1
        });
        table.push((line, rec.iter().map(str::to_owned).collect()));
    }
    let notes = match sep {
        b',' => Vec::new(),
        b';' => vec![format!("{name}: столбцы разделены «;», как сохраняет Excel")],
        _ => vec![format!("{name}: столбцы разделены табуляцией")],
    };
    Ok((table, notes))
}

/// The separator of a CSV's header line: «;» (Russian Excel), tab, or «,», whichever
/// occurs most outside quotes.
pub fn sniff_separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    match counts.iter().enumerate().max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i))) {
        Some((1, n)) if *n > 0 => b';',
        Some((2, n)) if *n > 0 => b'\t',
        _ => b',',
    }
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => {
            format!("не UTF-8 в строке {}", pos.as_ref().map_or(0, |p| p.line()))
        }
        csv::ErrorKind::Io(e) => e.to_string(),
        _ => "файл повреждён".to_owned(),
    }
}

/// calamine's error in Russian: what is wrong with the book and what to do.
fn book_error(e: &calamine::Error) -> String {
    use calamine::{Error as E, OdsError, XlsError, XlsbError, XlsxError};
    const RESAVE: &str = "откройте её в Excel или LibreOffice Calc и сохраните как .xlsx";
    match e {
        E::Io(io)
        | E::Xlsx(XlsxError::Io(io))
        | E::Ods(OdsError::Io(io))
        | E::Xls(XlsError::Io(io))
        | E::Xlsb(XlsbError::Io(io)) => {
            format!("книга не открывается: {}", crate::input::source::io_reason(io))
        }
        E::Xlsx(XlsxError::Zip(_)) | E::Ods(OdsError::Zip(_)) | E::Xlsb(XlsbError::Zip(_)) => {
            format!("файл не читается как книга: он повреждён или это не книга Excel или Calc; {RESAVE}")
        }
        E::Msg(m) if m.contains("extension") => {
            "это не книга Excel или Calc (.xlsx, .xls, .ods) и не CSV: проверьте расширение файла".to_owned()
        }
        E::Ods(OdsError::Password)
        | E::Xlsx(XlsxError::Password)
        | E::Xls(XlsError::Password)
        | E::Xlsb(XlsbError::Password) => {
            "книга защищена паролем: откройте её, снимите защиту (Файл → Сведения) и сохраните".to_owned()
        }
        E::Ods(OdsError::FileNotFound(part)) => {
            format!("в книге нет её части {part}: файл повреждён или сохранён не программой для таблиц; {RESAVE}")
        }
        E::Xlsx(XlsxError::WorksheetNotFound(n)) | E::Ods(OdsError::WorksheetNotFound(n)) => {
            format!("в книге нет листа «{n}», о котором говорит её оглавление: файл повреждён; {RESAVE}")
        }
        // The rest (broken XML, a wrong MIME type, a truncated stream) mean one thing to a
        // user: the file is damaged. calamine's own words would be English.
        _ => format!("книга повреждена и не читается; {RESAVE}"),
    }
}

/// A sheet of a spreadsheet (`sheet`, else the first) as rows of text (row numbers as the
/// program shows them), with the sheet's name. Dates come out as ДД.ММ.ГГГГ, whole
/// numbers without «.0».
pub fn spreadsheet_rows(path: &std::path::Path, sheet: Option<&str>) -> Result<(String, Rows), Diagnostic> {
    use calamine::{open_workbook_auto, Reader, Sheets};
    // What a hostile book can make a reader do is bounded before any reader starts.
    check_book_size(path)?;
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ods")) {
        check_ods_extent(path)?;
    }
    let mut book = open_workbook_auto(path).map_err(|e| Diagnostic::error(book_error(&e)))?;
    let names = book.sheet_names();
    let sheet = match sheet {
        None => names.first().cloned().ok_or_else(|| Diagnostic::error("в книге нет листов"))?,
        Some(want) => names
            .iter()
            .find(|n| n.as_str() == want)
            .or_else(|| want.parse::<usize>().ok().and_then(|i| i.checked_sub(1)).and_then(|i| names.get(i)))
            .cloned()
            .ok_or_else(|| {
                Diagnostic::error(format!(
                    "листа «{want}» нет; листы книги: {}",
                    names.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ")
                ))
            })?,
    };
    let too_many = || {
        Diagnostic::error(format!(
            "в листе «{sheet}» больше {MAX_ROWS} строк: для плана или списка школ это слишком много; \
             удалите лишние строки (или оставьте нужные на отдельном листе и укажите его --sheet)"
        ))
    };
    // An .xlsx is read cell by cell (a cell far away does not make a reader allocate the
    // whole rectangle up to it); the other formats as a range, whose size is checked.
    let mut grid: Vec<(usize, Vec<String>)> = Vec::new();
    if let Sheets::Xlsx(x) = &mut book {
        let mut reader = x.worksheet_cells_reader(&sheet).map_err(|e| Diagnostic::error(book_error(&e.into())))?;
        while let Some(c) =
            reader.next_cell().map_err(|e| Diagnostic::error(format!("лист «{sheet}»: {}", book_error(&e.into()))))?
        {
            let (row, col) = (c.get_position().0 as usize, c.get_position().1 as usize);
            if row >= MAX_ROWS {
                return Err(too_many());
            }
            if col >= MAX_COLUMNS {
                continue;
            }
            let value = cell_text(&c.get_value().clone().into());
            if value.is_empty() {
                continue;
            }
            if grid.last().is_none_or(|(r, _)| *r != row + 1) {
                grid.push((row + 1, Vec::new()));
            }
            let cells = &mut grid.last_mut().expect("pushed").1;
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            cells[col] = value;
        }
        return Ok((sheet, grid));
    }
    let range =
        book.worksheet_range(&sheet).map_err(|e| Diagnostic::error(format!("лист «{sheet}»: {}", book_error(&e))))?;
    if range.height() > MAX_ROWS {
        return Err(too_many());
    }
    let first = range.start().map_or(0, |(r, _)| r as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            let mut cells: Vec<String> = r.iter().take(MAX_COLUMNS).map(cell_text).collect();
            while cells.last().is_some_and(|c| c.trim().is_empty()) {
                cells.pop();
            }
            (first + i + 1, cells)
        })
        .collect();
    Ok((sheet, rows))
}

/// The most rows a sheet may have: a plan or a school list of 20 000 rows is already far
/// past any real one, and its JSON stays within the input limit.
pub const MAX_ROWS: usize = 20_000;

/// The most columns read; cells further right are not part of a plan or a list.
const MAX_COLUMNS: usize = 256;

/// The most XML a book may unpack to: a 20 000-row sheet is a few megabytes of it.
const MAX_BOOK_XML: u64 = 64 << 20;

/// A cell as text: dates as ДД.ММ.ГГГГ, whole numbers without «.0».
fn cell_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "да" } else { "нет" }.to_owned(),
        Data::DateTime(dt) => {
            dt.as_datetime().map(|t| t.format("%d.%m.%Y").to_string()).unwrap_or_else(|| dt.to_string())
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The most cells between a sheet's first and last filled ones: what a reader of a
/// Calc book allocates. A plan or a list of 20 000 rows by 50 columns fits.
const MAX_ODS_CELLS: u64 = 1_000_000;

/// A Calc book's sheets, measured before calamine unfolds them: a row or cell marked
/// «repeated» a million times makes a reader allocate every copy, so a 1 KB file could
/// ask for gigabytes. Each sheet's filled rows and the rectangle up to its last filled
/// cell are bounded; empty repeats (how Calc pads a sheet to its end) cost nothing.
fn check_ods_extent(path: &std::path::Path) -> Result<(), Diagnostic> {
    use quick_xml::events::Event;
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else { return Ok(()) };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else { return Ok(()) };
    let Ok(entry) = zip.by_name("content.xml") else { return Ok(()) };
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(entry.take(MAX_BOOK_XML)));
    let repeat = |e: &quick_xml::events::BytesStart, name: &[u8]| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse().ok())
            .unwrap_or(1)
    };
    let (mut row, mut row_repeat, mut col, mut cell_repeat) = (0u64, 1u64, 0u64, 1u64);
    let (mut last_row, mut last_col, mut row_filled, mut cell_filled) = (0u64, 0u64, false, false);
    let (mut sheet, mut buf) = (String::new(), Vec::new());
    let too_big = |sheet: &str, what: String| {
        Err(Diagnostic::error(format!(
            "в листе «{sheet}» {what}: для плана или списка школ это слишком много; удалите лишние строки \
             и столбцы (или оставьте нужные на отдельном листе и укажите его --sheet)"
        )))
    };
    loop {
        let ev = match reader.read_event_into(&mut buf) {
            Ok(ev) => ev,
            // Broken XML: calamine says so in its words (translated by book_error).
            Err(_) => return Ok(()),
        };
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Eof => return Ok(()),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"table" => {
                    sheet = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"name")
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                        .unwrap_or_default();
                    (row, last_row, last_col) = (0, 0, 0);
                }
                b"table-row" => {
                    (row_repeat, col, row_filled) = (repeat(&e, b"table:number-rows-repeated"), 0, false);
                    if empty {
                        row += row_repeat;
                    }
                }
                b"table-cell" | b"covered-table-cell" => {
                    cell_repeat = repeat(&e, b"table:number-columns-repeated");
                    cell_filled = e.attributes().flatten().any(|a| a.key.as_ref() == b"office:value-type");
                    if empty {
                        col += cell_repeat;
                        if cell_filled {
                            row_filled = true;
                            last_col = last_col.max(col);
                        }
                    }
                }
                b"p" => cell_filled = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"table-cell" | b"covered-table-cell" => {
                    col += cell_repeat;
                    if cell_filled {
                        row_filled = true;
                        last_col = last_col.max(col);
                    }
                }
                b"table-row" => {
                    row += row_repeat;
                    if row_filled {
                        last_row = row;
                    }
                    if last_row > MAX_ROWS as u64 {
                        return too_big(&sheet, format!("больше {MAX_ROWS} строк"));
                    }
                    if last_row.saturating_mul(last_col) > MAX_ODS_CELLS {
                        return too_big(&sheet, format!("заполненные ячейки занимают больше {MAX_ODS_CELLS} клеток"));
                    }
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
}

/// A zipped book (.xlsx, .ods) unpacks to at most [`MAX_BOOK_XML`]: each part is unpacked
/// with a bound, so a small file that unpacks to gigabytes (or says it is smaller than it
/// is) is refused in well under a second.
fn check_book_size(path: &std::path::Path) -> Result<(), Diagnostic> {
    use std::io::Read;
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !matches!(ext.as_str(), "xlsx" | "xlsm" | "ods") {
        return Ok(());
    }
    // Not a zip: calamine says so in its own words (translated by book_error).
    let Ok(file) = std::fs::File::open(path) else { return Ok(()) };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else { return Ok(()) };
    let mut left = MAX_BOOK_XML;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else { continue };
        if !entry.name().ends_with(".xml") {
            continue;
        }
        let read = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink()).unwrap_or(0);
        if read > left {
            return Err(Diagnostic::error(format!(
                "книга распаковывается больше чем в {} МБ данных: для плана или списка школ это слишком много \
                 (не больше {MAX_ROWS} строк); удалите лишние строки и листы",
                MAX_BOOK_XML >> 20
            )));
        }
        left -= read;
    }
    Ok(())
}
