//! GENESIS classic table CSV ("GENESIS-Tabelle"): a code line, title
//! lines, one to four header rows naming the value columns (one of them
//! may hold the periods, another the units), data rows
//! `[period;]key;name;[classifiers;]values…`, and a footer after a line of
//! underscores with notes and the licence.

use std::io::Read;

use csv::ByteRecord;

use super::{
    BATCH, Dim, Event, Format, Header, ImportError, Obs, Sink, Tally,
    text::{Lines, fields},
    values,
};

/// Units as the offices write them in a header row.
const UNITS: &[&str] = &[
    "Anzahl",
    "Prozent",
    "%",
    "EUR",
    "Euro",
    "Tsd. EUR",
    "Mill. EUR",
    "1000 EUR",
    "Tsd.",
    "1000",
    "Jahre",
    "qkm",
    "km²",
    "ha",
    "Ew/qkm",
    "Personen",
    "Promille",
    "‰",
];

/// What a value column means.
struct Column {
    period: Option<String>,
    measure: String,
    unit: String,
    dims: Vec<Dim>,
}

struct Layout {
    width: usize,
    lead: usize,
    columns: Vec<Column>,
    /// Whether data rows start with the period.
    period_first: Option<bool>,
    /// Names of the classifier columns between name and values, fixed by
    /// the first data row so that every row names them alike.
    row_classifiers: Option<Vec<String>>,
}

pub fn read<R: Read>(
    mut records: csv::Reader<R>,
    lines: &Lines,
    label: &str,
    sink: &mut dyn Sink,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let mut rec = ByteRecord::new();
    let mut next = |rec: &mut ByteRecord| -> Result<bool, ImportError> {
        records.read_byte_record(rec).map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or_default();
            ImportError::at(label, line, None, format!("unreadable CSV: {e}"))
        })
    };
    if !next(&mut rec)? {
        return Err(ImportError::file(label, "the file is empty"));
    }
    let first = fields(&rec);
    let table_code = first[0]
        .split_once(':')
        .map(|(_, c)| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .ok_or_else(|| {
            ImportError::at(
                label,
                1,
                Some(1),
                "no table code after \"GENESIS-Tabelle:\"",
            )
        })?;
    let mut titles: Vec<String> = Vec::new();
    let mut headers: Vec<(u64, Vec<String>)> = Vec::new();
    let mut layout: Option<Layout> = None;
    let mut batch = Vec::with_capacity(BATCH);
    let mut footer = false;
    while next(&mut rec)? {
        let f = fields(&rec);
        let at = lines.of(&rec);
        if f.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(layout) = &mut layout {
            if f[0].starts_with("___") {
                footer = true;
                break;
            }
            data_row(layout, &f, at, label, &mut batch, tally)?;
            if batch.len() >= BATCH {
                sink.event(Event::Batch(std::mem::take(&mut batch)))?;
            }
            continue;
        }
        let rest_empty = f[1..].iter().all(|c| c.trim().is_empty());
        if headers.is_empty() && !f[0].trim().is_empty() && rest_empty {
            titles.push(f[0].trim().to_string());
        } else if f[0].trim().is_empty() {
            headers.push((at, f));
        } else {
            let built = build_layout(&titles, &headers, label, at)?;
            let title = titles
                .iter()
                .take_while(|t| !t.starts_with("- ") && !t.starts_with("regionale Tiefe"))
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            sink.event(Event::Header(
                Format::Classic,
                Header {
                    table_code: table_code.clone(),
                    title: if title.is_empty() {
                        table_code.clone()
                    } else {
                        title
                    },
                    licence: None,
                    source: None,
                },
            ))?;
            let mut built = built;
            data_row(&mut built, &f, at, label, &mut batch, tally)?;
            layout = Some(built);
        }
    }
    if layout.is_none() {
        return Err(ImportError::file(label, "the table has no data rows"));
    }
    if !footer {
        return Err(ImportError::file(
            label,
            "the file ends before the footer line of underscores: it seems truncated",
        ));
    }
    if !batch.is_empty() {
        sink.event(Event::Batch(batch))?;
    }
    // The notes and the licence follow the footer line.
    let mut licence = Vec::new();
    while next(&mut rec)? {
        for cell in fields(&rec) {
            if cell.contains('©') || cell.contains("Datenlizenz") || cell.contains("lizen") {
                licence.push(cell.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }
    if !licence.is_empty() {
        sink.event(Event::Header(
            Format::Classic,
            Header {
                table_code,
                title: String::new(),
                licence: Some(licence.join(" ")),
                source: None,
            },
        ))?;
    }
    Ok(())
}

fn leading_empty(row: &[String]) -> usize {
    row.iter().take_while(|c| c.trim().is_empty()).count()
}

fn build_layout(
    titles: &[String],
    headers: &[(u64, Vec<String>)],
    label: &str,
    at: u64,
) -> Result<Layout, ImportError> {
    if headers.is_empty() {
        return Err(ImportError::at(
            label,
            at,
            None,
            "no header rows before the first data row",
        ));
    }
    let width = headers
        .iter()
        .map(|(_, r)| r.len())
        .max()
        .unwrap_or_default();
    let lead = headers
        .iter()
        .map(|(_, r)| leading_empty(r))
        .min()
        .unwrap_or_default();
    if !(2..width).contains(&lead) {
        return Err(ImportError::at(
            label,
            headers[0].0,
            None,
            "the header rows name no value columns",
        ));
    }
    let cell =
        |row: &Vec<String>, i: usize| row.get(i).map(|c| c.trim().to_string()).unwrap_or_default();
    let mut period_row = None;
    let mut unit_row = None;
    let mut label_rows = Vec::new();
    for (_, row) in headers {
        let cells: Vec<String> = (lead..width).map(|i| cell(row, i)).collect();
        if cells.iter().all(|c| values::period(c).is_some()) {
            period_row = Some(cells);
        } else if cells.iter().all(|c| UNITS.contains(&c.as_str())) {
            unit_row = Some(cells);
        } else {
            label_rows.push(cells);
        }
    }
    // "Bevölkerungsstand (Anzahl)" as the last title line names the one measure.
    let title_measure = titles.last().and_then(|t| {
        let inner = t.strip_suffix(')')?;
        let (name, unit) = inner.rsplit_once(" (")?;
        (!name.trim().is_empty() && !unit.contains('('))
            .then(|| (name.trim().to_string(), unit.trim().to_string()))
    });
    let n = width - lead;
    let mut measures: Vec<(String, String)> = Vec::with_capacity(n);
    let mut classifier_rows = label_rows.as_slice();
    match &title_measure {
        Some((name, unit)) => measures.resize(n, (name.clone(), unit.clone())),
        None => {
            let Some((first, rest)) = label_rows.split_first() else {
                return Err(ImportError::at(
                    label,
                    headers[0].0,
                    None,
                    "the header rows name no measure",
                ));
            };
            for (i, name) in first.iter().enumerate() {
                if name.is_empty() {
                    return Err(ImportError::at(
                        label,
                        headers[0].0,
                        Some(lead + i + 1),
                        "a value column without a measure name",
                    ));
                }
                measures.push((name.clone(), String::new()));
            }
            classifier_rows = rest;
        }
    }
    if let Some(units) = &unit_row {
        for (m, u) in measures.iter_mut().zip(units) {
            m.1 = u.clone();
        }
    }
    // A row that says the same over every column names the classifier of
    // the row below it ("Kontinente" over "Afrika;Amerika;…").
    let mut dims: Vec<Vec<Dim>> = vec![Vec::new(); n];
    let mut pending_name: Option<String> = None;
    for (k, row) in classifier_rows.iter().enumerate() {
        let constant = row.iter().all(|c| c == &row[0]);
        if constant && k + 1 < classifier_rows.len() && pending_name.is_none() {
            pending_name = Some(row[0].clone());
            continue;
        }
        let name = pending_name
            .take()
            .unwrap_or_else(|| guess_classifier(row, k));
        for (i, attribute) in row.iter().enumerate() {
            dims[i].push(Dim {
                classifier_code: String::new(),
                classifier: name.clone(),
                attribute_code: String::new(),
                attribute: if attribute.is_empty() {
                    "Insgesamt".into()
                } else {
                    attribute.clone()
                },
            });
        }
    }
    let columns = measures
        .into_iter()
        .zip(dims)
        .enumerate()
        .map(|(i, ((measure, unit), mut dims))| {
            dims.sort();
            Column {
                period: period_row.as_ref().and_then(|p| values::period(&p[i])),
                measure,
                unit,
                dims,
            }
        })
        .collect();
    Ok(Layout {
        width,
        lead,
        columns,
        period_first: None,
        row_classifiers: None,
    })
}

/// A name for a classifier the table does not name, from its attributes.
fn guess_classifier(attributes: &[String], k: usize) -> String {
    let has = |word: &str| attributes.iter().any(|a| a.contains(word));
    if has("männlich") || has("weiblich") || has("Männer") || has("Frauen") {
        "Geschlecht".into()
    } else if has("Deutsche") || has("Ausländer") {
        "Nationalität".into()
    } else if has("Jahre") {
        "Altersgruppen".into()
    } else {
        format!("Merkmal {}", k + 1)
    }
}

fn data_row(
    layout: &mut Layout,
    f: &[String],
    at: u64,
    label: &str,
    batch: &mut Vec<Obs>,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    if f.len() != layout.width {
        return Err(ImportError::at(
            label,
            at,
            Some(f.len().min(layout.width) + 1),
            format!("the row has {} cells, the header {}", f.len(), layout.width),
        ));
    }
    let period_first = *layout.period_first.get_or_insert_with(|| {
        layout.lead >= 3 && values::period(&f[0]).is_some() && values::region_key(&f[1]).is_some()
    });
    let key_at = usize::from(period_first);
    let row_period = if period_first {
        Some(values::period(&f[0]).ok_or_else(|| {
            ImportError::at(
                label,
                at,
                Some(1),
                format!("{:?} is not a reference period", f[0]),
            )
        })?)
    } else {
        None
    };
    let region_key = values::region_key(&f[key_at]).ok_or_else(|| {
        ImportError::at(
            label,
            at,
            Some(key_at + 1),
            format!("{:?} is not a region key", f[key_at]),
        )
    })?;
    let region_name = f[key_at + 1].trim().to_string();
    let lead = layout.lead;
    let names = layout.row_classifiers.get_or_insert_with(|| {
        (key_at + 2..lead)
            .map(|i| guess_classifier(&f[i..=i], i - key_at - 2))
            .collect()
    });
    let row_dims: Vec<Dim> = (key_at + 2..lead)
        .zip(names.iter())
        .map(|(i, name)| Dim {
            classifier_code: String::new(),
            classifier: name.clone(),
            attribute_code: String::new(),
            attribute: f[i].trim().to_string(),
        })
        .collect();
    for (i, column) in layout.columns.iter().enumerate() {
        let at_col = layout.lead + i;
        let text = &f[at_col];
        let cell = values::cell(text).ok_or_else(|| {
            ImportError::at(
                label,
                at,
                Some(at_col + 1),
                format!("{text:?} is neither a number nor a special mark"),
            )
        })?;
        let period = row_period
            .clone()
            .or_else(|| column.period.clone())
            .ok_or_else(|| {
                ImportError::at(
                    label,
                    at,
                    Some(at_col + 1),
                    "no reference period for this column",
                )
            })?;
        let mut dims = column.dims.clone();
        dims.extend(row_dims.iter().cloned());
        dims.sort();
        let obs = Obs {
            region_key: region_key.clone(),
            region_name: region_name.clone(),
            period,
            measure: column.measure.clone(),
            unit: column.unit.clone(),
            dims,
            value: cell.value,
            mark: cell.mark,
            line: at,
            region_column: key_at + 1,
        };
        tally.add(&obs, &column.measure);
        batch.push(obs);
    }
    Ok(())
}
