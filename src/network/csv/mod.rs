//! CSV files for the people who keep the registry in spreadsheets at
//! German offices: `;`-separated (Excel's list separator in a German
//! locale), UTF-8 with a byte order mark (without it Excel reads UTF-8 as
//! Windows-1252), German column headers, CRLF line ends.
//!
//! Imports are forgiving where that is safe (BOM optional, Windows-1252
//! files, `,` or tab separators, headers in any order, German or English
//! category names) and strict where it matters: every row is validated
//! before anything is written, and one bad row rejects the whole file.

pub mod export;
pub(crate) mod read;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::core::{error::Msg, i18n::Lang};

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Which file: organisations or contact people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Organizations,
    People,
}

impl Kind {
    pub fn parse(code: &str) -> Option<Kind> {
        match code.trim() {
            "organizations" => Some(Kind::Organizations),
            "people" => Some(Kind::People),
            _ => None,
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Organizations => ORGANIZATION_COLUMNS,
            Kind::People => PEOPLE_COLUMNS,
        }
    }
}

/// A column: its German header and the input field it fills.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub header: &'static str,
    pub field: &'static str,
}

const fn col(header: &'static str, field: &'static str) -> Column {
    Column { header, field }
}

pub const ORGANIZATION_COLUMNS: &[Column] = &[
    col("Name", "name"),
    col("Kategorie", "category"),
    col("Straße", "street"),
    col("PLZ", "postal_code"),
    col("Ort", "city"),
    col("Website", "website"),
    col("E-Mail", "email"),
    col("Telefon", "phone"),
    col("Beschreibung", "description"),
];

pub const PEOPLE_COLUMNS: &[Column] = &[
    col("Organisation", "organization"),
    col("Name", "name"),
    col("Funktion", "function"),
    col("E-Mail", "email"),
    col("Telefon", "phone"),
];

/// The header of the column that fills `field`.
pub fn header_of(columns: &[Column], field: &str) -> String {
    columns
        .iter()
        .find(|c| c.field == field)
        .map_or_else(|| field.to_string(), |c| c.header.to_string())
}

/// One problem in an import file, located as Excel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Row number as a spreadsheet shows it: the header is row 1.
    pub row: usize,
    /// The column's header.
    pub column: String,
    pub message: Msg,
}

/// A `RowError` in a language, for pages, API answers and the CLI.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RowErrorText {
    pub row: usize,
    pub column: String,
    pub message: String,
}

pub fn translate(errors: &[RowError], lang: Lang) -> Vec<RowErrorText> {
    errors
        .iter()
        .map(|e| RowErrorText {
            row: e.row,
            column: e.column.clone(),
            message: lang.msg(&e.message),
        })
        .collect()
}

/// Spreadsheets run cells that start with these as formulas ("CSV
/// injection"); exported values get a leading apostrophe, which Excel shows
/// as text and the import removes again.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub fn protect(value: &str) -> Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

pub fn unprotect(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => value,
    }
}

/// UTF-8 with or without BOM; anything else is read as Windows-1252, what
/// Excel's plain "CSV" format writes on German Windows.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|b| windows_1252(*b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for value in ["=SUM(A1)", "+49 911 1234", "-1", "@cmd", "Caritas"] {
            assert_eq!(unprotect(&protect(value)), value);
        }
        assert_eq!(protect("=1+1"), "'=1+1");
        assert_eq!(unprotect("'quoted"), "'quoted");
    }

    #[test]
    fn windows_1252_is_accepted() {
        assert_eq!(decode(b"Stra\xdfe \x80"), "Straße €");
        assert_eq!(decode("\u{feff}Straße".as_bytes()), "Straße");
    }
}
