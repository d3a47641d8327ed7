//! Open data: the published offers as JSON (paginated) and as GeoJSON, under
//! an open licence with attribution.

use axum::{
    Json,
    extract::{Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use crate::core::{
    error::AppResult,
    web::{App, errors::ErrorBody},
};
use crate::offers::{
    export::{License, license},
    model::Offer,
    search::{
        Params, Search,
        collect::{Facets, Outcome},
    },
    store,
};

/// Data licence Germany – attribution – version 2.0.
pub const LICENCE: &str = "dl-de/by-2-0";
pub const ATTRIBUTION: &str = "Integration networks and their member organisations, via ikon";

/// One published offer.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
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
    /// Language of title, summary and description in a search answer: the
    /// requested `lang` where translated, German otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_lang: Option<String>,
    /// Distance in km from `near` (or the postal code's centre) in a
    /// search answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
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
            content_lang: None,
            distance_km: None,
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
    /// Number of offers matching the search (all pages).
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub offers: Vec<OpenOffer>,
    /// Counts per value of field, type, target group, language and
    /// municipality (key) over all matching offers.
    pub facets: Facets,
}

/// The search parameters (all optional; lists may repeat the parameter or
/// separate values with commas).
#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Free text in any language, up to 200 characters (longer text is cut,
    /// control characters dropped; query syntax characters are plain text).
    /// Typos, parts of German compounds and abbreviations (MBE, JMD, VHS,
    /// Kita, …) are found.
    q: Option<String>,
    /// Field(s): kindergarten, school, work, leisure, seniors, counselling,
    /// language, health, housing, other.
    field: Option<String>,
    /// Offer type(s), e.g. mbe, jmd, integration_course, language_course.
    #[param(rename = "type")]
    offer_type: Option<String>,
    /// Target group(s): refugees, eu_citizens, women, families, seniors,
    /// young_people.
    target_group: Option<String>,
    /// Language(s) the offer is given in (ISO 639 codes).
    language: Option<String>,
    /// Official region key: Land (2 digits), Regierungsbezirk (3), Kreis (5)
    /// or municipality (8).
    region: Option<String>,
    /// Five-digit postal code: offers within `radius_km` (default 25) of its
    /// centre, nearest first.
    postal_code: Option<String>,
    /// `lat,lon`: rank equally relevant offers by distance; with
    /// `radius_km`, only offers that near.
    near: Option<String>,
    /// Radius in km (0–1000) around `near` or the postal code.
    radius_km: Option<f64>,
    /// `1`: only offers open now (by their opening hours).
    open_now: Option<String>,
    /// `1`: only free offers.
    free: Option<String>,
    /// Language of the texts in the answer (translation where available).
    lang: Option<String>,
    /// Page number, from 1 (default 1).
    page: Option<i64>,
    /// Offers per page, 1–200 (default 20).
    per_page: Option<i64>,
}

/// Searches the published offers of every network (public). Without
/// parameters: all of them, oldest first.
#[utoipa::path(get, path = "/api/v1/offers", tag = "offers", params(SearchQuery),
    responses(
        (status = 200, description = "A page of matching offers with the total and facet counts. Public.", body = OfferPage),
        (status = 400, description = "A parameter out of range or an unknown value, with the valid ones in the message (`invalid_field`, `invalid_type`, `invalid_target_group`, `invalid_language`, `invalid_lang`, `invalid_page`, `invalid_near`, `invalid_radius`, …), or a postal code that is not five digits (`invalid_postal_code`).", body = ErrorBody),
        (status = 404, description = "Unknown postal code, with nearby ones in the message (`unknown_postal_code`), or unknown region (`unknown_region`).", body = ErrorBody)),
    security((), ("api_token" = [])))]
pub async fn list(
    State(app): State<App>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> AppResult<Json<OfferPage>> {
    let params = Params::parse(&*crate::geography::gazetteer::places(&app).await?, &pairs)?;
    let outcome = run_search(&app, &params).await?;
    let networks: Vec<i64> = outcome.offers.iter().map(|o| o.network_id).collect();
    Ok(Json(OfferPage {
        licence: LICENCE,
        attribution: ATTRIBUTION,
        license: license(&app, &networks).await?,
        total: outcome.total as i64,
        page: params.page as i64,
        per_page: params.per_page as i64,
        offers: outcome.offers.clone(),
        facets: outcome.facets.clone(),
    }))
}

/// The largest page whose answer is kept: larger pages are rare (exports,
/// crawlers) and would make the kept answers take much memory.
pub const KEPT_MAX_OFFERS: usize = 50;

/// Runs a search on a current index (off the async threads: it is CPU
/// work), or answers it from those kept for this index version.
pub async fn run_search(app: &App, params: &Params) -> AppResult<Arc<Outcome>> {
    Search::of(app).refresh(&app.db).await?;
    let version = Search::of(app).version();
    let key = params.cache_key();
    if let Some(kept) = Search::of(app).answers.get(version, &key) {
        return Ok(kept);
    }
    // Held until the search is done (the task is awaited below).
    let _permit = Search::of(app)
        .computing
        .acquire()
        .await
        .map_err(anyhow::Error::from)?;
    let (app, params) = (app.clone(), params.clone());
    let outcome = tokio::task::spawn_blocking(move || {
        let outcome = Search::of(&app).search(&params).map(Arc::new);
        if let Ok(outcome) = &outcome
            && outcome.offers.len() <= KEPT_MAX_OFFERS
        {
            Search::of(&app).answers.put(version, key, outcome.clone());
        }
        outcome
    })
    .await
    .map_err(anyhow::Error::from)??;
    Ok(outcome)
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
    let license = license(&app, &networks).await?;
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
