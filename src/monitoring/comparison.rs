//! The supervisor's comparison: for one indicator of the catalogue, every
//! Kreis of a Regierungsbezirk (or Land) side by side with value, period
//! and source, the Regierungsbezirk, the Land and Germany as reference
//! rows, a bar chart with the references as lines, followed by its data
//! table, and a map of the Kreise shaded by the indicator. The indicator is chosen with a GET form and the table is
//! sorted by links, so the page needs no JavaScript. For the supervisor of
//! that region and administrators.

use axum::{
    extract::{Path, Query, State},
    response::Html,
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{
    charts::{
        self,
        choropleth::{Area, Scale, Words, choropleth},
    },
    indicators::{
        catalogue::{self, CATALOGUE, Indicator},
        series::{Point, series},
    },
    registry,
    service::shipped,
};
use crate::{
    accounts::{model::Role, viewer::Viewer},
    core::{
        error::{AppError, AppResult},
        i18n::Lang,
        paths,
        web::App,
    },
    geography::boundaries,
};

/// The indicator, sort column and direction, as the page's links send them.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ComparisonQuery {
    #[serde(default)]
    pub indicator: String,
    /// `name` (default), `value` or `period`.
    #[serde(default)]
    pub sort: String,
    /// `asc` (default) or `desc`.
    #[serde(default)]
    pub dir: String,
}

/// One row of the table.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub key: String,
    pub name: String,
    pub value: Option<f64>,
    pub text: String,
    pub period: String,
    pub source: String,
}

/// Indicators with one value per Kreis (breakdowns have several).
pub fn comparable() -> impl Iterator<Item = &'static Indicator> {
    CATALOGUE
        .iter()
        .filter(|i| i.levels.contains(&"district"))
        .filter(|i| i.variants.iter().all(|v| v.breakdown.is_none()))
}

/// The latest point with a value; of one period, the first source's.
fn latest(points: &[Point]) -> Option<&Point> {
    points
        .iter()
        .filter(|p| p.value.is_some() && p.category.is_none())
        .fold(None, |best: Option<&Point>, p| match best {
            Some(b) if b.period >= p.period => Some(b),
            _ => Some(p),
        })
}

async fn row(
    app: &App,
    indicator: &Indicator,
    key: &str,
    name: String,
    german: bool,
) -> AppResult<Row> {
    let points = series(&app.db, indicator, key, None).await?;
    let best = latest(&points);
    let value = best.and_then(|p| p.value);
    Ok(Row {
        key: key.to_string(),
        name,
        text: value.map_or_else(
            || "–".to_string(),
            |v| charts::number(v, if indicator.unit == "%" { 1 } else { 0 }, german),
        ),
        value,
        period: best.map(|p| p.period.clone()).unwrap_or_default(),
        source: best.map(|p| p.source.clone()).unwrap_or_default(),
    })
}

/// Sorts the Kreise; rows without a value stay last either way.
pub fn sort(rows: &mut [Row], column: &str, descending: bool) {
    rows.sort_by(|a, b| {
        let order = match column {
            "value" => match (a.value, b.value) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => return std::cmp::Ordering::Less,
                (None, Some(_)) => return std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
            "period" => a.period.cmp(&b.period),
            _ => a.name.cmp(&b.name),
        };
        let order = order.then_with(|| a.key.cmp(&b.key));
        if descending { order.reverse() } else { order }
    });
}

/// Only the supervisor of the region (or of a region containing it) and
/// administrators; everybody else signed in is refused.
fn require_supervisor(viewer: &Viewer, key: &str) -> AppResult<()> {
    let user = viewer.require_signed_in()?;
    let allowed = match user.role {
        Role::Admin => true,
        Role::Supervisor => user
            .region_key
            .as_deref()
            .is_some_and(|region| key.starts_with(region)),
        Role::Coordinator | Role::Member => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// `GET /regions/{key}/situation`
pub async fn page(
    State(app): State<App>,
    viewer: Viewer,
    Path(key): Path<String>,
    Query(query): Query<ComparisonQuery>,
) -> AppResult<Html<String>> {
    super::store::observations::read_once(page_now(app, viewer, key, query)).await
}

async fn page_now(
    app: App,
    viewer: Viewer,
    key: String,
    query: ComparisonQuery,
) -> AppResult<Html<String>> {
    require_supervisor(&viewer, &key)?;
    if !matches!(key.len(), 2 | 3) || !key.chars().all(|c| c.is_ascii_digit()) {
        return Err(AppError::not_found());
    }
    let region = super::api::region_name(&app, &key).await?;
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    let german = viewer.lang == Lang::De;
    let indicator = catalogue::find(query.indicator.trim())
        .filter(|i| comparable().any(|c| c.code == i.code))
        .or_else(|| catalogue::find("foreigners_share"))
        .ok_or_else(|| AppError::internal("foreigners_share"))?;
    let name = |i: &Indicator| if german { i.name_de } else { i.name_en };
    let mut rows = Vec::new();
    for (kreis, kreis_name) in registry::kreise(&app.db, &key).await? {
        rows.push(row(&app, indicator, &kreis, kreis_name, german).await?);
    }
    let column = match query.sort.as_str() {
        "value" | "period" => query.sort.as_str(),
        _ => "name",
    };
    let descending = query.dir == "desc";
    sort(&mut rows, column, descending);
    // The region itself, the Land above a Regierungsbezirk, and Germany.
    let mut reference_keys = vec![key.clone()];
    if key.len() == 3 {
        reference_keys.push(key[0..2].to_string());
    }
    reference_keys.push("DG".to_string());
    let mut references = Vec::new();
    for reference in reference_keys {
        let named = super::api::region_name(&app, &reference).await?;
        references.push(row(&app, indicator, &reference, named.name, german).await?);
    }
    // Two Kreise may share a name (Ansbach the town and the Landkreis).
    let items: Vec<(String, Option<f64>)> = rows
        .iter()
        .map(|r| (format!("{} ({})", r.name, r.key), r.value))
        .collect();
    let lines: Vec<(String, f64)> = references
        .iter()
        .filter(|r| r.key != "DG")
        .filter_map(|r| r.value.map(|v| (r.name.clone(), v)))
        .collect();
    let chart = charts::bars_with_references(
        indicator.code,
        &format!("{} ({})", name(indicator), region.name),
        indicator.unit,
        &items,
        &lines,
        german,
    );
    let map = kreis_map(&viewer, indicator, (&key, &region.name), &rows);
    let indicators: Vec<minijinja::Value> = comparable()
        .map(|i| context! { code => i.code, name => name(i) })
        .collect();
    // The link of each column header: the other direction when sorted by
    // it already.
    let link = |col: &str| {
        let dir = if col == column && !descending {
            "desc"
        } else {
            "asc"
        };
        format!(
            "{}?indicator={}&sort={col}&dir={dir}",
            paths::region_situation(&key),
            indicator.code
        )
    };
    let sorted = |col: &str| {
        if col != column {
            "none"
        } else if descending {
            "descending"
        } else {
            "ascending"
        }
    };
    app.page(
        &viewer,
        "monitoring/comparison.html",
        context! {
            region => region, key => key, rows => rows, references => references,
            chart => chart, map => map, map_boundaries => boundaries::KREISE_SOURCE,
            indicators => indicators, indicator => context! {
                code => indicator.code, name => name(indicator), unit => indicator.unit,
                definition => if german { indicator.definition_de } else { indicator.definition_en },
            },
            links => context! { name => link("name"), value => link("value"), period => link("period") },
            sorted => context! { name => sorted("name"), value => sorted("value"), period => sorted("period") },
        },
    )
}

/// The Kreise of the region shaded by the indicator (quantile classes,
/// hatched without a value); empty where no outline is shipped. The
/// figures are the page's tables.
fn kreis_map(
    viewer: &Viewer,
    indicator: &Indicator,
    (key, region): (&str, &str),
    rows: &[Row],
) -> String {
    let outlines = boundaries::kreis_outlines(key);
    let areas: Vec<Area> = rows
        .iter()
        .filter_map(|r| {
            let outline = outlines.iter().find(|o| o.key == r.key)?;
            Some(Area {
                outline,
                name: &r.name,
                value: r.value,
            })
        })
        .collect();
    let lang = viewer.lang;
    let name = if lang == Lang::De {
        indicator.name_de
    } else {
        indicator.name_en
    };
    let title = lang.t_args(
        "cmp-map-title",
        &[
            ("indicator".into(), name.to_string()),
            ("region".into(), region.to_string()),
        ],
    );
    choropleth(
        &format!("cmp-map-{}", indicator.code),
        &areas,
        Scale::Quantiles,
        &Words {
            title: &title,
            no_data: &lang.t("mon-map-no-data"),
            unit: indicator.unit,
            german: lang == Lang::De,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(key: &str, value: Option<f64>) -> Row {
        Row {
            key: key.into(),
            name: key.into(),
            value,
            text: String::new(),
            period: String::new(),
            source: String::new(),
        }
    }

    #[test]
    fn rows_without_value_stay_last_both_ways() {
        let mut rows = vec![r("a", Some(2.0)), r("b", None), r("c", Some(9.0))];
        sort(&mut rows, "value", false);
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["a", "c", "b"]);
        sort(&mut rows, "value", true);
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["c", "a", "b"]);
    }
}
