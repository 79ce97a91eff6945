//! Writers: the IR into files. Each writer only translates; dependency quirks stay inside.

pub mod docx;
pub mod pdf;
mod pdf_tags;
mod xml;

/// The document's date for its metadata: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds), else the document's own date; `None` when there is neither (a plan with no
/// order), so no date is invented. Never the clock.
pub fn document_date(doc_date: Option<&str>) -> Option<chrono::NaiveDateTime> {
    let from_env = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|d| d.naive_utc());
    from_env.or_else(|| {
        doc_date
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    })
}

/// The first year a zip entry's time can hold.
pub const ZIP_EPOCH_YEAR: i32 = 1980;

/// 1980-01-01 00:00, the earliest time a zip entry can hold.
pub fn zip_epoch() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(ZIP_EPOCH_YEAR, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("valid date")
}

/// Zip entry times: [`document_date`], else the zip epoch.
pub fn fixed_timestamp(doc_date: Option<&str>) -> chrono::NaiveDateTime {
    document_date(doc_date).unwrap_or_else(zip_epoch).max(zip_epoch())
}
