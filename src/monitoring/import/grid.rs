//! A table of one's own as rows of cells, from a CSV (delimiter `;`, `,`
//! or tab and the encoding UTF-8 or ISO-8859-1 recognised) or from a
//! sheet of a spreadsheet (XLSX, XLS, ODS through `calamine`). A CSV is
//! read as a stream; a spreadsheet sheet is held while it is read, as the
//! format requires.

use std::{
    fs::File,
    io::{BufRead, BufReader, Read},
    path::Path,
};

use calamine::{Data, Reader, open_workbook_auto};

use super::{ImportError, text};

/// One cell: its text and, from a spreadsheet, the number it holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub number: Option<f64>,
}

/// A row and the line (CSV) or row number (sheet) it came from, from 1.
pub type Row = (u64, Vec<Cell>);

/// Whether the file is a spreadsheet rather than text: an OLE compound
/// file (XLS) or a ZIP holding a workbook (XLSX, ODS).
pub fn is_spreadsheet(path: &Path) -> bool {
    let mut head = Vec::with_capacity(4096);
    let Ok(file) = File::open(path) else {
        return false;
    };
    if file.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
        || (head.starts_with(b"PK\x03\x04")
            && (contains(b"[Content_Types].xml")
                || contains(b"xl/")
                || contains(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet")))
}

/// The delimiter of a CSV: whichever of `;`, tab and `,` the first line
/// has most of (`;` when it has none, as German offices write).
pub fn delimiter(head: &[u8]) -> u8 {
    let first = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first.iter().filter(|&&b| b == d).count();
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|&d| (count(d), d == b';'))
        .filter(|&d| count(d) > 0)
        .unwrap_or(b';')
}

/// The sheets of a spreadsheet, in order.
pub fn sheets(path: &Path, label: &str) -> Result<Vec<String>, ImportError> {
    let workbook = open_workbook_auto(path)
        .map_err(|e| ImportError::file(label, format!("not a readable spreadsheet: {e}")))?;
    Ok(workbook.sheet_names())
}

fn spreadsheet_cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::default(),
        Data::Int(i) => Cell {
            text: i.to_string(),
            number: Some(*i as f64),
        },
        Data::Float(f) => Cell {
            // Whole numbers read as such (a year, a count, a key).
            text: if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            },
            number: Some(*f),
        },
        Data::String(s) => Cell {
            text: s.clone(),
            number: None,
        },
        other => Cell {
            text: other.to_string(),
            number: None,
        },
    }
}

/// Hands every row to `each` until it answers `false`; `sheet` chooses a
/// spreadsheet's sheet (the first when `None`).
pub fn rows(
    path: &Path,
    label: &str,
    sheet: Option<&str>,
    each: &mut dyn FnMut(Row) -> Result<bool, ImportError>,
) -> Result<(), ImportError> {
    if is_spreadsheet(path) {
        let mut workbook = open_workbook_auto(path)
            .map_err(|e| ImportError::file(label, format!("not a readable spreadsheet: {e}")))?;
        let names = workbook.sheet_names();
        let name = match sheet {
            Some(s) if names.iter().any(|n| n == s) => s.to_string(),
            Some(s) => {
                return Err(ImportError::file(
                    label,
                    format!("the workbook has no sheet {s:?}"),
                ));
            }
            None => names
                .first()
                .cloned()
                .ok_or_else(|| ImportError::file(label, "the workbook has no sheet"))?,
        };
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| ImportError::file(label, format!("cannot read sheet {name:?}: {e}")))?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            // Cells left of the used range are empty, so columns count as
            // the spreadsheet shows them.
            let mut cells = vec![Cell::default(); first_column as usize];
            cells.extend(row.iter().map(spreadsheet_cell));
            if !each((u64::from(first_row) + i as u64 + 1, cells))? {
                break;
            }
        }
        return Ok(());
    }
    let file =
        File::open(path).map_err(|e| ImportError::file(label, format!("cannot open: {e}")))?;
    let (counting, lines) = text::counting(file);
    let mut reader = BufReader::with_capacity(64 * 1024, counting);
    let head = reader
        .fill_buf()
        .map_err(|e| ImportError::file(label, format!("cannot read: {e}")))?;
    if head.is_empty() {
        return Err(ImportError::file(label, "the file is empty"));
    }
    text::check_encoding(head).map_err(|m| ImportError::at(label, 1, None, m))?;
    let delimiter = delimiter(head);
    let mut records = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut record = csv::ByteRecord::new();
    loop {
        let more = records.read_byte_record(&mut record).map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or_default();
            ImportError::at(label, line, None, format!("not readable as CSV: {e}"))
        })?;
        if !more {
            break;
        }
        let cells = text::fields(&record)
            .into_iter()
            .map(|text| Cell { text, number: None })
            .collect();
        if !each((lines.of(&record), cells))? {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_know_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, b"a;b\r\n1;2\r\n\r\n3;\"x\r\ny\"\r\n4;5\r\n").unwrap();
        let mut seen = Vec::new();
        rows(&path, "t.csv", None, &mut |(line, cells)| {
            seen.push((line, cells[0].text.clone()));
            Ok(true)
        })
        .unwrap();
        assert_eq!(
            seen,
            vec![
                (1, "a".to_string()),
                (2, "1".to_string()),
                (4, "3".to_string()),
                (6, "4".to_string())
            ]
        );
    }

    #[test]
    fn the_delimiter_is_what_the_first_line_uses() {
        assert_eq!(delimiter(b"AGS;Name;2023\n09575111;A;1\n"), b';');
        assert_eq!(delimiter(b"AGS,Name,2023\n"), b',');
        assert_eq!(delimiter(b"AGS\tName\t2023\n"), b'\t');
        assert_eq!(delimiter(b"AGS;Name,Ort;2023\n"), b';');
        assert_eq!(delimiter(b"AGS\n"), b';');
    }
}
