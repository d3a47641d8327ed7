//! Parses an import file into rows, locating every problem by the row
//! number and column a spreadsheet shows.

use std::collections::HashMap;

use super::{Column, RowError, unprotect};
use crate::core::{error::Msg, store::search_key};

/// A data row: its spreadsheet row number and its values by field.
#[derive(Debug)]
pub struct Row {
    pub number: usize,
    values: HashMap<&'static str, String>,
}

impl Row {
    pub fn get(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
}

/// Parses the file against the expected columns (any order, matched by
/// German header or field code, case-insensitively).
pub fn read(text: &str, columns: &'static [Column]) -> Result<Vec<Row>, Vec<RowError>> {
    let records = records(text)?;
    let Some((_, header)) = records.first() else {
        return Err(vec![error(1, "", Msg::new("net-csv-err-empty"))]);
    };
    let mut errors = Vec::new();
    let mut positions: HashMap<&'static str, usize> = HashMap::new();
    for (i, cell) in header.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let key = search_key(cell);
        match columns
            .iter()
            .find(|c| search_key(c.header) == key || c.field == key)
        {
            None => {
                let allowed = columns.iter().map(|c| c.header).collect::<Vec<_>>();
                let msg = Msg::new("net-csv-err-unknown-column").arg("columns", allowed.join("; "));
                errors.push(error(1, cell, msg));
            }
            Some(c) if positions.contains_key(c.field) => {
                errors.push(error(1, cell, Msg::new("net-csv-err-duplicate-column")));
            }
            Some(c) => {
                positions.insert(c.field, i);
            }
        }
    }
    for c in columns.iter().filter(|c| !positions.contains_key(c.field)) {
        errors.push(error(1, c.header, Msg::new("net-csv-err-missing-column")));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    for (number, record) in records.iter().skip(1) {
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        for (i, value) in record.iter().enumerate() {
            if !value.trim().is_empty() && !positions.values().any(|p| *p == i) {
                let msg = Msg::new("net-csv-err-extra-value");
                errors.push(error(*number, &column_letter(i), msg));
            }
        }
        let values = positions
            .iter()
            .map(|(field, i)| (*field, unprotect(record.get(*i).unwrap_or("")).to_string()))
            .collect();
        rows.push(Row {
            number: *number,
            values,
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// The CSV records with the row number a spreadsheet shows for each:
/// blank lines count as rows, line breaks inside quoted cells do not.
fn records(text: &str) -> Result<Vec<(usize, ::csv::StringRecord)>, Vec<RowError>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff(text))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut row = 0usize;
    for result in reader.records() {
        let record = result.map_err(|e| {
            let msg = Msg::new("net-csv-err-syntax").arg("detail", e);
            vec![error(row + 1, "", msg)]
        })?;
        let start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        row += 1 + blank_lines_at(text.as_bytes(), start);
        out.push((row, record));
    }
    Ok(out)
}

/// Blank lines the reader skipped before a record. The reader reports a
/// record's position where it started looking for it: right after the
/// previous record's line end (for CRLF, after its `\r`).
fn blank_lines_at(text: &[u8], mut i: usize) -> usize {
    if i > 0 && text.get(i - 1) == Some(&b'\r') && text.get(i) == Some(&b'\n') {
        i += 1;
    }
    let mut blank = 0;
    while let Some(c) = text.get(i) {
        match c {
            b'\n' => blank += 1,
            b'\r' => {}
            _ => break,
        }
        i += 1;
    }
    blank
}

/// `;` unless the header line clearly uses tabs or commas instead.
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    if first.contains(';') {
        b';'
    } else if first.contains('\t') {
        b'\t'
    } else if first.contains(',') {
        b','
    } else {
        b';'
    }
}

/// A, B, …, Z, AA, … as in a spreadsheet.
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

pub(crate) fn error(row: usize, column: &str, message: Msg) -> RowError {
    RowError {
        row,
        column: column.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::csv::PEOPLE_COLUMNS;

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let header = "Organisation;Name;Funktion;E-Mail;Telefon";
        for end in ["\r\n", "\n"] {
            let text = format!(
                "{header}{end}A;\"Eva{end}Müller\";;;{end}{end}B;Jan;;;{end};;;;{end}C;Ina;;;{end}"
            );
            let rows = read(&text, PEOPLE_COLUMNS).unwrap();
            assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 4, 6]);
            assert_eq!(rows[0].get("name"), format!("Eva{end}Müller"));
        }
    }

    #[test]
    fn header_problems_are_reported_on_row_one() {
        let errors = read("Name;Farbe\nx;y\n", PEOPLE_COLUMNS).unwrap_err();
        let columns: Vec<_> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            columns,
            ["Farbe", "Organisation", "Funktion", "E-Mail", "Telefon"]
        );
        assert!(errors.iter().all(|e| e.row == 1));
    }

    #[test]
    fn letters_name_columns() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }
}
