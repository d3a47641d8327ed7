//! Open data: the published offers as JSON (paginated) and as GeoJSON, under
//! an open licence with attribution.

use axum::{
    Json,
    extract::{Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use crate::core::{
    error::{AppError, AppResult, Msg},
    web::{App, errors::ErrorBody},
};
use crate::offers::{
    export::{License, license},
    model::Offer,
    store,
};

/// Data licence Germany – attribution – version 2.0.
pub const LICENCE: &str = "dl-de/by-2-0";
pub const ATTRIBUTION: &str = "Integration networks and their member organisations, via ikon";
pub const MAX_PER_PAGE: i64 = 200;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page number, from 1 (default 1).
    pub page: Option<i64>,
    /// Offers per page, 1–200 (default 50).
    pub per_page: Option<i64>,
}

/// One published offer.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpenOffer {
    pub id: i64,
    pub network_id: i64,
    pub provider: String,
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub description: String,
    pub field: String,
    pub offer_type: String,
    pub target_groups: Vec<String>,
    pub age_min: Option<i64>,
    pub age_max: Option<i64>,
    pub languages: Vec<String>,
    pub cost: String,
    pub wheelchair: bool,
    pub appointment: bool,
    pub street: String,
    pub postal_code: String,
    pub municipality_key: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// OpenStreetMap `opening_hours` syntax.
    pub opening_hours: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub updated_at: i64,
}

impl OpenOffer {
    pub(crate) fn of(o: Offer, provider: String) -> Self {
        let r = o.record;
        Self {
            id: o.id,
            network_id: o.network_id,
            provider,
            title: r.title,
            summary: r.summary,
            description: r.description,
            field: r.field,
            offer_type: r.offer_type,
            target_groups: r.target_groups,
            age_min: r.age_min,
            age_max: r.age_max,
            languages: r.languages,
            cost: r.cost,
            wheelchair: r.wheelchair,
            appointment: r.appointment,
            street: r.street,
            postal_code: r.postal_code,
            municipality_key: r.municipality_key,
            lat: r.lat,
            lon: r.lon,
            opening_hours: r.opening_hours,
            phone: r.phone,
            email: r.email,
            website: r.website,
            valid_from: r.valid_from,
            valid_until: r.valid_until,
            updated_at: o.updated_at,
        }
    }
}

/// A page of published offers.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferPage {
    pub licence: &'static str,
    pub attribution: &'static str,
    /// The configured licence with its URL and the attribution it asks for.
    pub license: License,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub offers: Vec<OpenOffer>,
}

/// Published offers of every network, oldest first (public).
#[utoipa::path(get, path = "/api/v1/offers", tag = "offers", params(PageQuery),
    responses(
        (status = 200, description = "A page of published offers. Public.", body = OfferPage),
        (status = 400, description = "Page or page size out of range (`invalid_page`).", body = ErrorBody)),
    security((), ("api_token" = [])))]
pub async fn list(
    State(app): State<App>,
    Query(q): Query<PageQuery>,
) -> AppResult<Json<OfferPage>> {
    let page = q.page.unwrap_or(1);
    let per_page = q.per_page.unwrap_or(50);
    if page < 1 || !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(AppError::bad_request(
            "invalid_page",
            Msg::new("offer-err-page").arg("max", MAX_PER_PAGE),
        ));
    }
    let pool = app.db.pool();
    let total = store::published_count(pool).await?;
    let offset = (page - 1).saturating_mul(per_page);
    let offers: Vec<OpenOffer> = store::published(pool, Some((per_page, offset)))
        .await?
        .into_iter()
        .map(|(o, provider)| OpenOffer::of(o, provider))
        .collect();
    let networks: Vec<i64> = offers.iter().map(|o| o.network_id).collect();
    Ok(Json(OfferPage {
        licence: LICENCE,
        attribution: ATTRIBUTION,
        license: license(&app.config, &app.db, &networks).await?,
        total,
        page,
        per_page,
        offers,
    }))
}

/// The places of all published offers as a GeoJSON FeatureCollection
/// (public).
#[utoipa::path(get, path = "/api/v1/offers.geojson", tag = "offers",
    responses((status = 200, description = "FeatureCollection with one point per published offer that has coordinates, with `licence` and `attribution` members and a `license` object (`id`, `url`, `attribution`). Public.",
        content_type = "application/geo+json", body = Object)),
    security((), ("api_token" = [])))]
pub async fn geojson(State(app): State<App>) -> AppResult<Response> {
    let published = store::published(app.db.pool(), None).await?;
    let networks: Vec<i64> = published.iter().map(|(o, _)| o.network_id).collect();
    let license = license(&app.config, &app.db, &networks).await?;
    let features: Vec<_> = published
        .into_iter()
        .filter_map(|(o, provider)| {
            let (lat, lon) = (o.record.lat?, o.record.lon?);
            Some(json!({
                "type": "Feature",
                "id": o.id,
                "geometry": { "type": "Point", "coordinates": [lon, lat] },
                "properties": {
                    "title": o.record.title,
                    "provider": provider,
                    "field": o.record.field,
                    "offer_type": o.record.offer_type,
                    "languages": o.record.languages,
                    "street": o.record.street,
                    "postal_code": o.record.postal_code,
                    "opening_hours": o.record.opening_hours,
                    "url": format!("/offers/{}", o.id),
                },
            }))
        })
        .collect();
    let body = json!({
        "type": "FeatureCollection",
        "licence": LICENCE,
        "attribution": ATTRIBUTION,
        "license": license,
        "features": features,
    });
    let mut response = Json(body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/geo+json"),
    );
    Ok(response)
}
