//! The public JSON API of the statistics: tables, observations,
//! indicators and their series. Official statistics are open data, so
//! every route answers anonymous readers too.

use axum::{
    Json,
    extract::{Path, Query, State},
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{
    concentration,
    import::values,
    indicators::{catalogue, series},
    model::{IndicatorSeries, IndicatorView, ObservationPage, RegionName, TableView},
    service::shipped,
    store::{self, observations},
};
use crate::core::{
    error::{AppError, AppResult, Msg},
    web::{App, errors::ErrorBody},
};

/// Most observations per page.
pub const MAX_PER_PAGE: i64 = 1_000;

/// Every table with its source, licence, periods and checksum.
#[utoipa::path(get, path = "/api/v1/statistics/tables", tag = "statistics", operation_id = "list_statistics_tables",
    responses((status = 200, description = "Shipped and imported tables. Public.", body = [TableView])))]
pub async fn tables(State(app): State<App>) -> AppResult<Json<Vec<TableView>>> {
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    Ok(Json(
        store::datasets(&app.db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ObservationQuery {
    /// Table code, e.g. `12411-01-01-4`.
    pub table: Option<String>,
    /// Region key: `DG` or an AGS of 2, 3, 5 or 8 digits.
    pub region: Option<String>,
    /// `2016`, `2015-12-31` or `31.12.2015`.
    pub period: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Observations per page (1–1000, default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub per_page: Option<i64>,
}

fn region_param(text: &str) -> AppResult<String> {
    values::region_key(text)
        .filter(|k| k.len() != 8 || text.trim().len() == 8)
        .ok_or_else(|| AppError::bad_request("invalid_region_key", "geo-err-invalid-key"))
}

/// Observations, filtered and paged.
#[utoipa::path(get, path = "/api/v1/statistics/observations", tag = "statistics", operation_id = "list_statistics_observations",
    params(ObservationQuery),
    responses(
        (status = 200, description = "`total` matching observations and one page of them. Public.", body = ObservationPage),
        (status = 400, description = "Malformed region, period or paging.", body = ErrorBody)))]
pub async fn observations(
    State(app): State<App>,
    Query(q): Query<ObservationQuery>,
) -> AppResult<Json<ObservationPage>> {
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    let page = q.page.unwrap_or(1);
    let per_page = q.per_page.unwrap_or(100);
    if page < 1 || !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(AppError::bad_request(
            "invalid_paging",
            Msg::new("mon-err-paging").arg("max", MAX_PER_PAGE),
        ));
    }
    let nonempty = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let region = nonempty(&q.region).map(|r| region_param(&r)).transpose()?;
    let period = nonempty(&q.period)
        .map(|p| {
            values::period(&p)
                .ok_or_else(|| AppError::bad_request("invalid_period", "mon-err-period"))
        })
        .transpose()?;
    let filter = observations::Filter {
        table: nonempty(&q.table),
        region,
        period,
    };
    let total = observations::count(&app.db, &filter).await?;
    let items = observations::page(&app.db, &filter, (page - 1) * per_page, per_page).await?;
    Ok(Json(ObservationPage {
        total,
        page,
        per_page,
        items: items.into_iter().map(Into::into).collect(),
    }))
}

/// The indicator catalogue.
#[utoipa::path(get, path = "/api/v1/indicators", tag = "statistics", operation_id = "list_indicators",
    responses((status = 200, description = "Every indicator with its definition and sources. Public.", body = [IndicatorView])))]
pub async fn indicators() -> Json<Vec<IndicatorView>> {
    Json(catalogue::CATALOGUE.iter().map(Into::into).collect())
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeriesQuery {
    /// Region key: `DG` or an AGS of 2, 3, 5 or 8 digits, e.g. `09575`.
    pub region: String,
    /// Only this period (`2016` also matches `2016-12-31`).
    pub period: Option<String>,
}

/// The name of a region key, or 404.
pub async fn region_name(app: &App, key: &str) -> AppResult<RegionName> {
    if key == "DG" {
        return Ok(RegionName {
            key: key.into(),
            name: "Deutschland".into(),
        });
    }
    let name: Option<String> = sqlx::query_scalar("SELECT name FROM regions WHERE key = $1")
        .bind(key)
        .fetch_optional(app.db.pool())
        .await?;
    name.map(|name| RegionName {
        key: key.into(),
        name,
    })
    .ok_or_else(|| {
        AppError::new(
            axum::http::StatusCode::NOT_FOUND,
            "unknown_region",
            Msg::new("mon-err-unknown-region").arg("key", key),
        )
    })
}

/// An indicator's series for a region, every source apart.
#[utoipa::path(get, path = "/api/v1/indicators/{code}", tag = "statistics", operation_id = "get_indicator_series",
    params(("code" = String, Path, example = "foreigners_share", description = "Indicator code (see /api/v1/indicators)."), SeriesQuery),
    responses(
        (status = 200, description = "Definition and series; a period without data gives an empty series. Public.", body = IndicatorSeries),
        (status = 400, description = "Malformed region key.", body = ErrorBody),
        (status = 404, description = "Unknown indicator (the message lists the valid codes) or region.", body = ErrorBody)))]
pub async fn indicator(
    State(app): State<App>,
    Path(code): Path<String>,
    Query(q): Query<SeriesQuery>,
) -> AppResult<Json<IndicatorSeries>> {
    let indicator = catalogue::find(&code).ok_or_else(|| {
        AppError::new(
            axum::http::StatusCode::NOT_FOUND,
            "unknown_indicator",
            Msg::new("mon-err-unknown-indicator").arg("codes", catalogue::codes()),
        )
    })?;
    let key = region_param(&q.region)?;
    let region = region_name(&app, &key).await?;
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    let period = q.period.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let series = series::series(&app.db, indicator, &key, period).await?;
    Ok(Json(IndicatorSeries {
        indicator: indicator.into(),
        region,
        series,
    }))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConcentrationQuery {
    /// Region key: `DG` or an AGS prefix, e.g. `09575`.
    pub region: String,
    /// `municipalities` (Zensus 2022) or `grid` (Zensus 2011 1 km cells: Mittelfranken `095` and its Kreise and Gemeinden).
    pub units: Option<String>,
    /// The group; only `foreigners` so far.
    pub group: Option<String>,
    /// `2022` for municipalities, `2011` for the grid (the default).
    pub period: Option<String>,
}

/// Residential concentration indices of foreign nationals in a region.
#[utoipa::path(get, path = "/api/v1/statistics/concentration", tag = "statistics", operation_id = "get_concentration",
    params(ConcentrationQuery),
    responses(
        (status = 200, description = "Dissimilarity, isolation, interaction, entropy and the location quotient of every unit (STATISTICS.md §4). Public.", body = concentration::Concentration),
        (status = 400, description = "Malformed region, unknown units or group.", body = ErrorBody),
        (status = 404, description = "Unknown region, or no units with data for it and the period.", body = ErrorBody)))]
pub async fn concentration(
    State(app): State<App>,
    Query(q): Query<ConcentrationQuery>,
) -> AppResult<Json<concentration::Concentration>> {
    let key = region_param(&q.region)?;
    region_name(&app, &key).await?;
    if q.group.as_deref().is_some_and(|g| g != "foreigners") {
        return Err(AppError::bad_request("invalid_group", "mon-err-group"));
    }
    let units = match q.units.as_deref().unwrap_or("municipalities") {
        "municipalities" => concentration::Units::Municipalities,
        "grid" => concentration::Units::Grid,
        _ => return Err(AppError::bad_request("invalid_units", "mon-err-units")),
    };
    let period = q.period.as_deref().map(str::trim).filter(|p| !p.is_empty());
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    let no_data = || {
        AppError::new(
            axum::http::StatusCode::NOT_FOUND,
            "no_data",
            "mon-err-no-units",
        )
    };
    let result = match units {
        concentration::Units::Municipalities if period.is_none_or(|p| p == "2022") => {
            concentration::municipalities(&app.db, &key).await?
        }
        concentration::Units::Grid if period.is_none_or(|p| p == "2011") => {
            concentration::grid_in(&key)
        }
        _ => None,
    };
    result.map(Json).ok_or_else(no_data)
}
