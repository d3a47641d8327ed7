//! A table of one's own — a city's district figures, a table of the
//! Bundesagentur — read through a mapping the uploader gives: which row
//! holds the headers, which column the region key (AGS), the period (a
//! column, or one period for the whole file), and which columns hold
//! values of which measure and unit. Values may use the decimal comma,
//! thousands separators and the offices' special marks (STATISTICS.md
//! §2d). The cells go the same way as an official table's: [`Obs`] in
//! batches to a [`Sink`].

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::{
    BATCH, Event, Format, Header, ImportError, Obs, Sink, Tally,
    grid::{self, Cell},
    values,
};

/// A column of values: its measure and unit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ValueColumn {
    /// From 1, as a spreadsheet counts (A = 1).
    pub column: usize,
    pub measure: String,
    pub unit: String,
}

/// How to read a table of one's own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    /// The spreadsheet's sheet; the first when none.
    pub sheet: Option<String>,
    /// The row with the column headers, from 1; data follow it.
    pub header_row: u64,
    pub region_column: usize,
    /// The column with the period, or …
    pub period_column: Option<usize>,
    /// … one period for every row (a year or a day, as stored).
    pub period: Option<String>,
    pub values: Vec<ValueColumn>,
    pub table_code: String,
    pub title: String,
    pub source: String,
    pub licence: String,
}

/// The first rows of a table, for the mapping form.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GridPreview {
    pub sheets: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
    /// The widest row's number of cells.
    pub columns: usize,
}

/// The first `limit` rows of the file (of `sheet` in a spreadsheet).
pub fn preview(
    path: &std::path::Path,
    label: &str,
    sheet: Option<&str>,
    limit: usize,
) -> Result<GridPreview, ImportError> {
    let sheets = if grid::is_spreadsheet(path) {
        grid::sheets(path, label)?
    } else {
        Vec::new()
    };
    let mut out = GridPreview {
        sheets,
        ..GridPreview::default()
    };
    grid::rows(path, label, sheet, &mut |(line, cells)| {
        out.columns = out.columns.max(cells.len());
        out.rows
            .push((line, cells.into_iter().map(|c| c.text).collect()));
        Ok(out.rows.len() < limit)
    })?;
    Ok(out)
}

/// A region key as written: AGS of any level, `DG`; a spreadsheet that
/// stored the key as a number lost its leading zero, which comes back.
fn region_key(cell: &Cell) -> Option<String> {
    let text = cell.text.trim();
    let padded = if cell.number.is_some() && matches!(text.len(), 1 | 4 | 7 | 11) {
        format!("0{text}")
    } else {
        text.to_string()
    };
    values::region_key(&padded)
}

/// A value as written, with thousands separators (`.`, space) and the
/// decimal comma, or a special mark.
fn value(cell: &Cell) -> Option<values::Cell> {
    if let Some(n) = cell.number {
        return Some(values::Cell {
            value: Some(n),
            mark: None,
        });
    }
    let text: String = cell
        .text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    // "1.234" and "12.345.678" are thousands, as German tables write them.
    let groups: Vec<&str> = text.trim_start_matches('-').split('.').collect();
    let thousands = !text.contains(',')
        && groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    let text = if thousands {
        text.replace('.', "")
    } else {
        text
    };
    values::cell(&text)
}

fn period_of(cell: &Cell) -> Option<String> {
    values::period(&cell.text)
}

/// Reads the file at `path` through `mapping` into `sink`.
pub fn read(
    path: &std::path::Path,
    label: &str,
    mapping: &Mapping,
    sink: &mut dyn Sink,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    sink.event(Event::Header(
        Format::Generic,
        Header {
            table_code: mapping.table_code.clone(),
            title: mapping.title.clone(),
            licence: Some(mapping.licence.clone()),
            source: Some(mapping.source.clone()),
        },
    ))?;
    let mut batch: Vec<Obs> = Vec::with_capacity(BATCH);
    let mut seen: HashSet<(String, String, usize)> = HashSet::new();
    let mut header_seen = false;
    let empty = Cell::default();
    grid::rows(path, label, mapping.sheet.as_deref(), &mut |(
        line,
        cells,
    )| {
        if line <= mapping.header_row {
            header_seen |= line == mapping.header_row;
            return Ok(true);
        }
        let at = |column: usize| cells.get(column - 1).unwrap_or(&empty);
        // Blank lines, notes and footnotes carry no value.
        if mapping
            .values
            .iter()
            .all(|v| at(v.column).text.trim().is_empty())
        {
            return Ok(true);
        }
        let key_cell = at(mapping.region_column);
        let region_key = region_key(key_cell).ok_or_else(|| {
            ImportError::at(
                label,
                line,
                Some(mapping.region_column),
                format!(
                    "{:?} is not a region key: expected an AGS (e.g. 09575 or 09575111) or DG",
                    key_cell.text.trim()
                ),
            )
        })?;
        let period = match (mapping.period_column, &mapping.period) {
            (Some(column), _) => period_of(at(column)).ok_or_else(|| {
                ImportError::at(
                    label,
                    line,
                    Some(column),
                    format!(
                        "{:?} is not a period: expected a year (2023) or a day (31.12.2023)",
                        at(column).text.trim()
                    ),
                )
            })?,
            (None, Some(fixed)) => fixed.clone(),
            (None, None) => return Err(ImportError::file(label, "the mapping names no period")),
        };
        for v in &mapping.values {
            let cell = at(v.column);
            let read = value(cell).ok_or_else(|| {
                ImportError::at(
                    label,
                    line,
                    Some(v.column),
                    format!(
                        "{:?} is not a number or a special mark (-, ., ..., /, x)",
                        cell.text.trim()
                    ),
                )
            })?;
            if !seen.insert((region_key.clone(), period.clone(), v.column)) {
                return Err(ImportError::at(
                    label,
                    line,
                    Some(mapping.region_column),
                    format!("region {region_key} and period {period} appear a second time"),
                ));
            }
            let obs = Obs {
                region_key: region_key.clone(),
                region_name: String::new(),
                period: period.clone(),
                measure: v.measure.clone(),
                unit: v.unit.clone(),
                dims: Vec::new(),
                value: read.value,
                mark: read.mark,
                line,
                region_column: mapping.region_column,
            };
            tally.add(&obs, &v.measure);
            batch.push(obs);
        }
        if batch.len() >= BATCH {
            sink.event(Event::Batch(std::mem::take(&mut batch)))?;
        }
        Ok(true)
    })?;
    if !header_seen {
        return Err(ImportError::file(
            label,
            format!("the file has no row {}", mapping.header_row),
        ));
    }
    if tally.periods().is_empty() {
        return Err(ImportError::file(
            label,
            "the table has no data rows below the header row",
        ));
    }
    if !batch.is_empty() {
        sink.event(Event::Batch(batch))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell {
            text: t.into(),
            number: None,
        }
    }

    #[test]
    fn values_as_german_tables_write_them() {
        assert_eq!(value(&text("1.234")).unwrap().value, Some(1234.0));
        assert_eq!(
            value(&text("12.345.678")).unwrap().value,
            Some(12_345_678.0)
        );
        assert_eq!(value(&text("1.234,5")).unwrap().value, Some(1234.5));
        assert_eq!(value(&text("1 234,5")).unwrap().value, Some(1234.5));
        assert_eq!(value(&text("12,5")).unwrap().value, Some(12.5));
        assert_eq!(value(&text("-")).unwrap().mark.as_deref(), Some("-"));
        assert_eq!(value(&text(".")).unwrap().value, None);
        assert!(value(&text("viele")).is_none());
        let number = Cell {
            text: "12.5".into(),
            number: Some(12.5),
        };
        assert_eq!(value(&number).unwrap().value, Some(12.5));
    }

    #[test]
    fn keys_stored_as_numbers_get_their_zero_back() {
        let number = |t: &str| Cell {
            text: t.into(),
            number: Some(t.parse().unwrap()),
        };
        assert_eq!(region_key(&number("9575111")).unwrap(), "09575111");
        assert_eq!(region_key(&number("9575")).unwrap(), "09575");
        assert_eq!(region_key(&text("09575111")).unwrap(), "09575111");
        assert!(region_key(&text("9575111")).is_none());
        assert!(region_key(&text("Neustadt")).is_none());
    }
}
