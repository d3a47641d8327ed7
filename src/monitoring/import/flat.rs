//! Flat-file CSV ("ffcsv"): one row per cell with named columns. The
//! current layout names its columns in English and has one `value` column
//! (`…;value;value_unit;value_variable_code;value_variable_label[;value_q]`);
//! the older layout names them in German and has one column per measure
//! (`BEVSTD__Bevoelkerungsstand__Anzahl`). Classifiers come in groups of
//! four columns (`1_variable_code;1_variable_label;1_variable_attribute_code;
//! 1_variable_attribute_label`); the region is one of them.

use std::io::Read;

use csv::ByteRecord;

use super::{
    BATCH, Dim, Event, Format, Header, ImportError, Obs, Sink, Tally, table_code_from_file_name,
    text::{Lines, fields},
    values,
};

/// Classifier codes whose attributes are region keys.
const REGION_VARIABLES: &[&str] = &["DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMEINDE"];

fn is_region_variable(code: &str) -> bool {
    REGION_VARIABLES.contains(&code) || code.starts_with("GEO")
}

struct Group {
    code: usize,
    label: usize,
    attribute_code: usize,
    attribute_label: usize,
}

/// Where a measure's number is: the one `value` column with its measure
/// columns, or one column per measure.
enum Values {
    Long {
        value: usize,
        unit: usize,
        code: usize,
        label: usize,
        quality: Option<usize>,
    },
    Wide(Vec<(usize, String, String, String)>),
}

struct Layout {
    width: usize,
    statistic: usize,
    title: usize,
    time: usize,
    groups: Vec<Group>,
    values: Values,
}

fn column(names: &[String], name: &str) -> Option<usize> {
    names.iter().position(|n| n == name)
}

fn layout(names: &[String], format: Format, label: &str) -> Result<Layout, ImportError> {
    let german = format == Format::FlatWide;
    let required = |name: &str| {
        column(names, name).ok_or_else(|| {
            ImportError::at(
                label,
                1,
                None,
                format!("the header lacks the column {name:?}"),
            )
        })
    };
    let (statistic, title, time) = if german {
        (
            required("Statistik_Code")?,
            required("Statistik_Label")?,
            required("Zeit")?,
        )
    } else {
        (
            required("statistics_code")?,
            required("statistics_label")?,
            required("time")?,
        )
    };
    let mut groups = Vec::new();
    for n in 1.. {
        let names_of = if german {
            [
                format!("{n}_Merkmal_Code"),
                format!("{n}_Merkmal_Label"),
                format!("{n}_Auspraegung_Code"),
                format!("{n}_Auspraegung_Label"),
            ]
        } else {
            [
                format!("{n}_variable_code"),
                format!("{n}_variable_label"),
                format!("{n}_variable_attribute_code"),
                format!("{n}_variable_attribute_label"),
            ]
        };
        let Some(code) = column(names, &names_of[0]) else {
            break;
        };
        groups.push(Group {
            code,
            label: required(&names_of[1])?,
            attribute_code: required(&names_of[2])?,
            attribute_label: required(&names_of[3])?,
        });
    }
    let values = if german {
        let wide: Vec<_> = names
            .iter()
            .enumerate()
            .filter_map(|(i, name)| {
                let mut parts = name.split("__");
                let code = parts.next()?.to_string();
                let measure = parts.next()?.to_string();
                let unit = parts.next().unwrap_or_default().to_string();
                Some((i, code, measure, unit))
            })
            .collect();
        if wide.is_empty() {
            return Err(ImportError::at(
                label,
                1,
                None,
                "the header names no value column (CODE__Label__Unit)",
            ));
        }
        Values::Wide(wide)
    } else {
        Values::Long {
            value: required("value")?,
            unit: required("value_unit")?,
            code: required("value_variable_code")?,
            label: required("value_variable_label")?,
            quality: column(names, "value_q"),
        }
    };
    Ok(Layout {
        width: names.len(),
        statistic,
        title,
        time,
        groups,
        values,
    })
}

pub fn read<R: Read>(
    mut records: csv::Reader<R>,
    lines: &Lines,
    format: Format,
    label: &str,
    file_name: &str,
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
    let names: Vec<String> = fields(&rec)
        .into_iter()
        .map(|n| n.trim().to_string())
        .collect();
    let layout = layout(&names, format, label)?;
    let mut batch = Vec::with_capacity(BATCH);
    let mut header_sent = false;
    while next(&mut rec)? {
        let f = fields(&rec);
        let at = lines.of(&rec);
        if f.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if f.len() != layout.width {
            return Err(ImportError::at(
                label,
                at,
                Some(f.len().min(layout.width) + 1),
                format!("the row has {} cells, the header {}", f.len(), layout.width),
            ));
        }
        if !header_sent {
            let statistic = f[layout.statistic].trim();
            let table_code = table_code_from_file_name(file_name, statistic)
                .unwrap_or_else(|| statistic.to_string());
            sink.event(Event::Header(
                format,
                Header {
                    table_code,
                    title: f[layout.title].trim().to_string(),
                    licence: None,
                    source: None,
                },
            ))?;
            header_sent = true;
        }
        row(&layout, &f, at, label, &mut batch, tally)?;
        if batch.len() >= BATCH {
            sink.event(Event::Batch(std::mem::take(&mut batch)))?;
        }
    }
    if !header_sent {
        return Err(ImportError::file(label, "the table has no data rows"));
    }
    if !batch.is_empty() {
        sink.event(Event::Batch(batch))?;
    }
    Ok(())
}

fn row(
    layout: &Layout,
    f: &[String],
    at: u64,
    label: &str,
    batch: &mut Vec<Obs>,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let period = values::period(&f[layout.time]).ok_or_else(|| {
        ImportError::at(
            label,
            at,
            Some(layout.time + 1),
            format!("{:?} is not a reference period", f[layout.time]),
        )
    })?;
    let mut region: Option<(String, String, usize)> = None;
    let mut dims = Vec::new();
    for g in &layout.groups {
        let code = f[g.code].trim();
        if code.is_empty() {
            continue;
        }
        if region.is_none() && is_region_variable(code) {
            let text = &f[g.attribute_code];
            let key = values::region_key(text).ok_or_else(|| {
                ImportError::at(
                    label,
                    at,
                    Some(g.attribute_code + 1),
                    format!("{text:?} is not a region key"),
                )
            })?;
            region = Some((
                key,
                f[g.attribute_label].trim().to_string(),
                g.attribute_code + 1,
            ));
        } else {
            dims.push(Dim {
                classifier_code: code.to_string(),
                classifier: f[g.label].trim().to_string(),
                attribute_code: f[g.attribute_code].trim().to_string(),
                attribute: f[g.attribute_label].trim().to_string(),
            });
        }
    }
    dims.sort();
    let (region_key, region_name, region_column) =
        region.unwrap_or_else(|| ("DG".into(), "Deutschland".into(), 0));
    let mut push =
        |value_at: usize, measure: &str, name: &str, unit: &str, quality: Option<&str>| {
            let text = &f[value_at];
            let mut cell = values::cell(text).ok_or_else(|| {
                ImportError::at(
                    label,
                    at,
                    Some(value_at + 1),
                    format!("{text:?} is neither a number nor a special mark"),
                )
            })?;
            if let Some(flag) = quality.map(str::trim).filter(|q| !q.is_empty())
                && cell.mark.is_none()
            {
                cell.mark = Some(flag.to_string());
            }
            let obs = Obs {
                region_key: region_key.clone(),
                region_name: region_name.clone(),
                period: period.clone(),
                measure: measure.trim().to_string(),
                unit: unit.trim().to_string(),
                dims: dims.clone(),
                value: cell.value,
                mark: cell.mark,
                line: at,
                region_column,
            };
            tally.add(&obs, name.trim());
            batch.push(obs);
            Ok::<(), ImportError>(())
        };
    match &layout.values {
        Values::Long {
            value,
            unit,
            code,
            label: name,
            quality,
        } => push(
            *value,
            &f[*code],
            &f[*name],
            &f[*unit],
            quality.map(|q| f[q].as_str()),
        )?,
        Values::Wide(columns) => {
            for (i, code, name, unit) in columns {
                push(*i, code, name, unit, None)?;
            }
        }
    }
    Ok(())
}
