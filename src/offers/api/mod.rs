//! The offers' JSON API: the public search and open data (JSON, GeoJSON,
//! CSV in `csv`), the contact-point finder and a network's coverage gaps.
//! Each handler checks access and calls the same service function as the
//! page that shows the same thing.

pub mod csv;

use axum::{
    Json,
    extract::{Path, Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use utoipa::IntoParams;

use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        ids::NetworkId,
        web::{App, errors::ErrorBody},
    },
    geography::gazetteer,
    network::context::{load_network, scope},
    offers::{
        model::{
            input::FinderQuery,
            views::{ATTRIBUTION, Coverage, FinderAnswer, LICENCE, OfferPage},
        },
        search::Params,
        service::{coverage, finder, open_data, search},
    },
};

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
    #[param(pattern = r"^([0-9]{2}|[0-9]{3}|[0-9]{5}|[0-9]{8})$")]
    region: Option<String>,
    /// Five-digit postal code: offers within `radius_km` (default 25) of its
    /// centre, nearest first.
    #[param(pattern = r"^[0-9]{5}$")]
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
) -> AppResult<Response> {
    let params = Params::parse(&*gazetteer::places(&app).await?, &pairs)?;
    let outcome = search::run(&app, &params).await?;
    let networks: Vec<NetworkId> = outcome.offers.iter().map(|o| o.network_id).collect();
    // Written out here, while the outcome is borrowed.
    Ok(Json(OfferPage {
        licence: LICENCE,
        attribution: ATTRIBUTION,
        license: open_data::license(&app, &networks).await?,
        total: outcome.total as i64,
        page: params.page as i64,
        per_page: params.per_page as i64,
        offers: &outcome.offers,
        facets: &outcome.facets,
        relaxed: outcome.relaxed,
        suggestion: outcome.suggestion.as_deref(),
    })
    .into_response())
}

/// The places of all published offers as a GeoJSON FeatureCollection
/// (public).
#[utoipa::path(get, path = "/api/v1/offers.geojson", tag = "offers",
    responses((status = 200, description = "FeatureCollection with one point per published offer that has coordinates, with `licence` and `attribution` members and a `license` object (`id`, `url`, `attribution`). Public.",
        content_type = "application/geo+json", body = Object)),
    security((), ("api_token" = [])))]
pub async fn geojson(State(app): State<App>) -> AppResult<Response> {
    let mut response = Json(open_data::geojson(&app).await?).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/geo+json"),
    );
    Ok(response)
}

/// The contact points for integration counselling at a place, for an age
/// and target group (public; published offers only).
#[utoipa::path(get, path = "/api/v1/contact-points", tag = "offers", params(FinderQuery),
    responses(
        (status = 200, description = "Contact points, grouped per municipality of the postal code. Public.", body = FinderAnswer),
        (status = 400, description = "Postal code not five digits (`invalid_postal_code`), unknown target group (`invalid_target_group`) or age (`invalid_age`).", body = ErrorBody),
        (status = 404, description = "Unknown postal code, with nearby ones in the message (`unknown_postal_code`), or unknown region.", body = ErrorBody)),
    security((), ("api_token" = [])))]
pub async fn api_find(
    State(app): State<App>,
    Query(q): Query<FinderQuery>,
) -> AppResult<Json<FinderAnswer>> {
    Ok(Json(finder::answer(&app, &q.validate()?).await?))
}

/// The coverage of a network's Kreis with contact points (read access).
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/coverage", tag = "offers",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    responses(
        (status = 200, description = "Municipalities and target groups without a published contact point.", body = Coverage),
        (status = 401, description = "Not signed in.", body = ErrorBody),
        (status = 403, description = "No read access to the network.", body = ErrorBody),
        (status = 404, description = "Unknown network.", body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn api_coverage(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Json<Coverage>> {
    let network = load_network(&app.db, network_id.get()).await?;
    viewer.require_read_network(&scope(&network))?;
    Ok(Json(coverage::of_network(&app, &network).await?))
}
