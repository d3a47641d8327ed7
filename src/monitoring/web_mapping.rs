//! The mapping of a table of one's own: the first rows as a grid and a
//! form that says which row holds the headers, which column the region
//! key, the period and the values (with measure and unit), and what the
//! table is called, who published it and under which licence. The form
//! starts with guesses from the headers and the file name; the mapping is
//! kept with the pending upload, which is then read like any other table.

use axum::{
    extract::{Form, Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{
    import::{
        ImportError,
        generic::{self, GridPreview, Mapping, ValueColumn},
        values,
    },
    uploads::{self, Pending},
    web_import::{ErrorView, pending_of},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, FieldErrors, Msg},
        paths,
        web::{
            App,
            forms::{Validator, texts},
        },
    },
};

/// Rows of the grid shown above the form.
const GRID_ROWS: usize = 15;
/// Value columns the form offers.
pub const VALUE_SLOTS: usize = 3;

/// The mapping form as sent: every field as text.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MappingInput {
    pub sheet: String,
    pub header_row: String,
    pub region_column: String,
    pub period_column: String,
    pub period: String,
    pub value1_column: String,
    pub value1_measure: String,
    pub value1_unit: String,
    pub value2_column: String,
    pub value2_measure: String,
    pub value2_unit: String,
    pub value3_column: String,
    pub value3_measure: String,
    pub value3_unit: String,
    pub table_code: String,
    pub title: String,
    pub source: String,
    pub licence: String,
}

impl MappingInput {
    fn slots(&self) -> [(&str, &str, &str); VALUE_SLOTS] {
        [
            (
                self.value1_column.as_str(),
                self.value1_measure.as_str(),
                self.value1_unit.as_str(),
            ),
            (
                self.value2_column.as_str(),
                self.value2_measure.as_str(),
                self.value2_unit.as_str(),
            ),
            (
                self.value3_column.as_str(),
                self.value3_measure.as_str(),
                self.value3_unit.as_str(),
            ),
        ]
    }

    /// The form filled with a kept mapping.
    pub fn of(m: &Mapping) -> Self {
        let mut input = Self {
            sheet: m.sheet.clone().unwrap_or_default(),
            header_row: m.header_row.to_string(),
            region_column: m.region_column.to_string(),
            period_column: m.period_column.map(|c| c.to_string()).unwrap_or_default(),
            period: m.period.clone().unwrap_or_default(),
            table_code: m.table_code.clone(),
            title: m.title.clone(),
            source: m.source.clone(),
            licence: m.licence.clone(),
            ..Self::default()
        };
        let mut slots = [
            (
                &mut input.value1_column,
                &mut input.value1_measure,
                &mut input.value1_unit,
            ),
            (
                &mut input.value2_column,
                &mut input.value2_measure,
                &mut input.value2_unit,
            ),
            (
                &mut input.value3_column,
                &mut input.value3_measure,
                &mut input.value3_unit,
            ),
        ];
        for (slot, v) in slots.iter_mut().zip(&m.values) {
            *slot.0 = v.column.to_string();
            *slot.1 = v.measure.clone();
            *slot.2 = v.unit.clone();
        }
        input
    }

    /// First guesses from the grid and the file name.
    pub fn guess(grid: &GridPreview, file_name: &str, sheet: Option<&str>) -> Self {
        let header_index = grid
            .rows
            .iter()
            .position(|(_, cells)| cells.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
            .unwrap_or(0);
        let (header_line, headers) = grid.rows.get(header_index).cloned().unwrap_or_default();
        let first_data = grid
            .rows
            .get(header_index + 1)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let named = |words: &[&str]| {
            headers.iter().position(|h| {
                let h = h.to_lowercase();
                words.iter().any(|w| h.contains(w))
            })
        };
        let region = named(&["ags", "schlüssel", "schluessel", "kennziffer", "key"])
            .or_else(|| {
                first_data
                    .iter()
                    .position(|c| values::region_key(c).is_some_and(|k| k.len() >= 5))
            })
            .unwrap_or(0);
        let period = named(&["jahr", "year", "stichtag", "period", "zeitraum", "datum"])
            .filter(|&p| p != region);
        let value = (0..headers.len().max(first_data.len())).find(|&i| {
            i != region
                && Some(i) != period
                && first_data
                    .get(i)
                    .is_some_and(|c| !c.trim().is_empty() && values::cell(c).is_some())
        });
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name, |(stem, _)| stem)
            .trim();
        let code: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .take(60)
            .collect();
        Self {
            sheet: sheet.unwrap_or_default().to_string(),
            header_row: header_line.max(1).to_string(),
            region_column: (region + 1).to_string(),
            period_column: period.map(|p| (p + 1).to_string()).unwrap_or_default(),
            value1_column: value.map(|v| (v + 1).to_string()).unwrap_or_default(),
            value1_measure: value
                .and_then(|v| headers.get(v))
                .map(|h| h.trim().to_string())
                .unwrap_or_default(),
            value1_unit: if value.is_some() {
                "Anzahl".into()
            } else {
                String::new()
            },
            table_code: code,
            title: stem.to_string(),
            ..Self::default()
        }
    }

    /// The mapping, for a table `columns` wide, or what is wrong with it.
    pub fn validate(&self, columns: usize) -> Result<Mapping, FieldErrors> {
        let mut v = Validator::new();
        let column = |v: &mut Validator, field: &str, text: &str| -> Option<usize> {
            match text.trim().parse::<usize>() {
                Ok(n) if (1..=columns.max(1)).contains(&n) => Some(n),
                _ => {
                    v.add(field, Msg::new("mon-err-column").arg("max", columns.max(1)));
                    None
                }
            }
        };
        let header_row = match self.header_row.trim().parse::<u64>() {
            Ok(n) if n >= 1 => n,
            _ => {
                v.add("header_row", Msg::new("mon-err-row"));
                1
            }
        };
        let region_column = column(&mut v, "region_column", &self.region_column);
        let period_column = if self.period_column.trim().is_empty() {
            None
        } else {
            column(&mut v, "period_column", &self.period_column)
        };
        let period = if period_column.is_none() && self.period_column.trim().is_empty() {
            let p = values::period(&self.period);
            if p.is_none() {
                v.add("period", Msg::new("mon-err-period-fixed"));
            }
            p
        } else {
            None
        };
        let mut taken: Vec<usize> = region_column.into_iter().chain(period_column).collect();
        let mut value_columns = Vec::new();
        for (i, (col, measure, unit)) in self.slots().into_iter().enumerate() {
            let n = i + 1;
            if col.trim().is_empty() {
                if n == 1 {
                    v.add("value1_column", Msg::new("err-required"));
                }
                continue;
            }
            let Some(c) = column(&mut v, &format!("value{n}_column"), col) else {
                continue;
            };
            if taken.contains(&c) {
                v.add(
                    &format!("value{n}_column"),
                    Msg::new("mon-err-column-twice"),
                );
            }
            taken.push(c);
            let measure = v.text(&format!("value{n}_measure"), measure, true, 200);
            let unit = v.text(&format!("value{n}_unit"), unit, true, 60);
            value_columns.push(ValueColumn {
                column: c,
                measure,
                unit,
            });
        }
        let table_code = v.text("table_code", &self.table_code, true, 60);
        if !table_code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            v.add("table_code", Msg::new("mon-err-table-code"));
        }
        let title = v.text("title", &self.title, true, 300);
        let source = v.text("source", &self.source, true, 300);
        let licence = v.text("licence", &self.licence, false, 300);
        let sheet = v.text("sheet", &self.sheet, false, 200);
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok(Mapping {
            sheet: (!sheet.is_empty()).then_some(sheet),
            header_row,
            region_column: region_column.unwrap_or(1),
            period_column,
            period,
            values: value_columns,
            table_code,
            title,
            source,
            licence,
        })
    }
}

/// Spreadsheet column letters: 1 → A, 27 → AA.
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

async fn grid_of(
    app: &App,
    pending: &Pending,
    sheet: Option<&str>,
) -> AppResult<Result<GridPreview, ImportError>> {
    let path = uploads::data_path(&app.config.data_dir, &pending.id);
    let label = pending.file_name.clone();
    let sheet = sheet.map(str::to_string);
    tokio::task::spawn_blocking(move || {
        generic::preview(&path, &label, sheet.as_deref(), GRID_ROWS)
    })
    .await
    .map_err(AppError::internal)
}

#[derive(Serialize)]
struct ColumnChoice {
    number: usize,
    label: String,
}

/// The grid and the mapping form; `form` is what was sent with its
/// errors, `problem` what reading through the kept mapping found.
pub async fn render_form(
    app: &App,
    viewer: &Viewer,
    pending: &Pending,
    form: Option<(&MappingInput, &FieldErrors)>,
    sheet: Option<&str>,
    problem: Option<&ImportError>,
) -> AppResult<Response> {
    let grid = match grid_of(app, pending, sheet).await? {
        Ok(g) => g,
        Err(e) => {
            let page = app.page(
                viewer,
                "monitoring/preview.html",
                context! { upload => pending, problem => ErrorView::from(&e) },
            )?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let none = FieldErrors::new();
    let (input, errors) = match form {
        Some((input, errors)) => (input.clone(), errors),
        None => match &pending.mapping {
            Some(m) if sheet.is_none() || m.sheet.as_deref() == sheet => {
                (MappingInput::of(m), &none)
            }
            _ => (MappingInput::guess(&grid, &pending.file_name, sheet), &none),
        },
    };
    let header_line: u64 = input.header_row.trim().parse().unwrap_or(1);
    let headers: Vec<String> = grid
        .rows
        .iter()
        .find(|(line, _)| *line == header_line)
        .map(|(_, cells)| cells.clone())
        .unwrap_or_default();
    let columns: Vec<ColumnChoice> = (1..=grid.columns)
        .map(|n| {
            let header = headers.get(n - 1).map(|h| h.trim()).unwrap_or_default();
            ColumnChoice {
                number: n,
                label: if header.is_empty() {
                    letters(n)
                } else {
                    format!("{} – {header}", letters(n))
                },
            }
        })
        .collect();
    let letters_row: Vec<String> = (1..=grid.columns).map(letters).collect();
    let invalid = !errors.is_empty() || problem.is_some();
    let page = app.page(
        viewer,
        "monitoring/mapping.html",
        context! {
            upload => pending,
            grid => grid,
            letters => letters_row,
            columns => columns,
            form => input,
            errors => texts(viewer, errors),
            problem => problem.map(ErrorView::from),
            slots => (1..=VALUE_SLOTS).collect::<Vec<_>>(),
        },
    )?;
    let status = if invalid {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, page).into_response())
}

/// `POST /statistics/import/{upload_id}/mapping`: keeps the mapping, then
/// the preview reads the table through it.
pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(upload_id): Path<String>,
    Form(input): Form<MappingInput>,
) -> AppResult<Response> {
    let mut pending = pending_of(&app, &viewer, &upload_id).await?;
    let sheet = (!input.sheet.trim().is_empty()).then(|| input.sheet.trim().to_string());
    let grid = match grid_of(&app, &pending, sheet.as_deref()).await? {
        Ok(g) => g,
        Err(e) => return super::web_import::problem(&app, &viewer, &pending, &e).await,
    };
    match input.validate(grid.columns) {
        Ok(mapping) => {
            pending.mapping = Some(mapping);
            pending.generic = true;
            uploads::save(&app.config.data_dir, &pending)
                .await
                .map_err(AppError::internal)?;
            Ok(Redirect::to(&paths::statistics_upload(&pending.id)).into_response())
        }
        Err(errors) => {
            render_form(
                &app,
                &viewer,
                &pending,
                Some((&input, &errors)),
                sheet.as_deref(),
                None,
            )
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(letters(1), "A");
        assert_eq!(letters(26), "Z");
        assert_eq!(letters(27), "AA");
    }

    #[test]
    fn a_mapping_needs_a_period_and_a_value_column() {
        let input = MappingInput {
            header_row: "1".into(),
            region_column: "1".into(),
            table_code: "eigene-tabelle".into(),
            title: "Eigene Tabelle".into(),
            source: "Stadt".into(),
            ..MappingInput::default()
        };
        let errors = input.validate(3).unwrap_err();
        assert!(errors.contains_key("period"));
        assert!(errors.contains_key("value1_column"));
        let input = MappingInput {
            period: "2023".into(),
            value1_column: "3".into(),
            value1_measure: "Ausländer".into(),
            value1_unit: "Anzahl".into(),
            ..input
        };
        let mapping = input.validate(3).unwrap();
        assert_eq!(mapping.period.as_deref(), Some("2023"));
        assert_eq!(mapping.values[0].column, 3);
    }
}
