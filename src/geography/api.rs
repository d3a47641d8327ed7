//! The public JSON API of the official geography. Errors are `AppError`s;
//! the web shell renders them as `{code, message, fields}`.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    boundaries,
    key::AgsKey,
    model::{PostalCodeResult, Region, SearchResult},
    store,
};
use crate::core::{
    error::{AppError, AppResult, Msg},
    web::{App, errors::ErrorBody, forms::is_postal_code},
};

/// Longest name query accepted; no official name comes close.
pub const MAX_QUERY_CHARS: usize = 100;

/// One region with its parent, children and figures.
#[utoipa::path(get, path = "/api/v1/regions/{key}", tag = "geography", operation_id = "get_region",
    params(("key" = String, Path, pattern = r"^([0-9]{2}|[0-9]{3}|[0-9]{5}|[0-9]{8})$",
        description = "AGS or AGS prefix: 2 (Land), 3 (Regierungsbezirk), 5 (Kreis) or 8 digits (Gemeinde), e.g. `09575`.")),
    responses(
        (status = 200, description = "The region. Public.", body = Region),
        (status = 400, description = "Malformed key (`invalid_region_key`).", body = ErrorBody),
        (status = 404, description = "No region with this key.", body = ErrorBody)))]
pub async fn region(State(app): State<App>, Path(key): Path<String>) -> AppResult<Json<Region>> {
    let key = AgsKey::parse(&key)?;
    let region = store::region(&app.db, &key)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(region))
}

/// Exactly one of the two parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindQuery {
    /// A five-digit postal code: the municipalities it belongs to.
    #[param(pattern = r"^[0-9]{5}$")]
    pub postal_code: Option<String>,
    /// Part of a name (case- and umlaut-insensitive): up to 50 regions of
    /// every level.
    pub q: Option<String>,
}

/// What a lookup asked for, validated.
pub enum Lookup {
    PostalCode(String),
    Name(String),
}

impl FindQuery {
    pub fn lookup(&self) -> AppResult<Lookup> {
        let postal_code = self
            .postal_code
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let q = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
        match (postal_code, q) {
            (Some(code), None) if is_postal_code(code) => Ok(Lookup::PostalCode(code.into())),
            (Some(_), None) => Err(AppError::bad_request(
                "invalid_postal_code",
                "geo-err-invalid-postal-code",
            )),
            (None, Some(q)) if q.chars().count() <= MAX_QUERY_CHARS => Ok(Lookup::Name(q.into())),
            (None, Some(_)) => Err(AppError::bad_request(
                "invalid_query",
                Msg::new("geo-err-query-too-long").arg("max", MAX_QUERY_CHARS),
            )),
            _ => Err(AppError::bad_request(
                "invalid_query",
                "geo-err-missing-query",
            )),
        }
    }
}

/// The answer's shape follows the parameter given.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum FindResult {
    PostalCode(PostalCodeResult),
    Search(SearchResult),
}

/// Finds municipalities by postal code, or regions by name.
#[utoipa::path(get, path = "/api/v1/regions", tag = "geography", operation_id = "find_regions",
    params(FindQuery),
    responses(
        (status = 200, description = "`PostalCodeResult` for `postal_code`, `SearchResult` for `q`. Public.", body = FindResult),
        (status = 400, description = "Neither or both parameters, or a postal code that is not five digits (`invalid_postal_code`).", body = ErrorBody),
        (status = 404, description = "Well-formed postal code that belongs to no municipality.", body = ErrorBody)))]
pub async fn find(
    State(app): State<App>,
    Query(query): Query<FindQuery>,
) -> AppResult<Json<FindResult>> {
    Ok(Json(match query.lookup()? {
        Lookup::PostalCode(postal_code) => {
            let regions = store::by_postal_code(&app.db, &postal_code).await?;
            if regions.is_empty() {
                return Err(AppError::not_found());
            }
            FindResult::PostalCode(PostalCodeResult {
                postal_code,
                regions,
            })
        }
        Lookup::Name(query) => {
            let regions = store::search(&app.db, &query, store::SEARCH_LIMIT).await?;
            FindResult::Search(SearchResult { query, regions })
        }
    }))
}

/// The boundary of a Kreis or a Bavarian Regierungsbezirk.
#[utoipa::path(get, path = "/api/v1/regions/{key}/boundary", tag = "geography",
    operation_id = "get_region_boundary",
    params(("key" = String, Path, pattern = r"^([0-9]{3}|[0-9]{5})$", description = "5-digit Kreis key, or 3-digit key of a Bavarian Regierungsbezirk.")),
    responses(
        (status = 200, description = "A GeoJSON Feature (RFC 7946, WGS84) with a Polygon or MultiPolygon. Public.",
            content_type = "application/geo+json", body = Object),
        (status = 400, description = "Malformed key.", body = ErrorBody),
        (status = 404, description = "Unknown region, or no boundary for it.", body = ErrorBody)))]
pub async fn boundary(State(app): State<App>, Path(key): Path<String>) -> AppResult<Response> {
    let key = AgsKey::parse(&key)?;
    let region = store::region_ref(&app.db, &key)
        .await?
        .ok_or_else(AppError::not_found)?;
    let body = boundaries::feature(&region.key, &region.name, region.level)
        .ok_or_else(AppError::not_found)?;
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/geo+json"),
    );
    Ok(response)
}
