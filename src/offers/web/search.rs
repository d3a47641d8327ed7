//! The public search page: the same query as `GET /api/v1/offers`, as a
//! form that works without JavaScript, a result list with facet counts and
//! pages, and a map (Leaflet) drawn from the list by `search-map.js` when
//! scripts and tiles are available.

use axum::{
    extract::{Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Serialize;

use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        paths,
        web::{App, security::CONTENT_SECURITY_POLICY},
    },
    offers::{
        model::{FIELDS, LANGUAGES, TARGET_GROUPS, TYPES, is_rtl, views::OpenOffer},
        search::{Params, answer::FoundOffer},
        service::search::run,
    },
};

const PER_PAGE: usize = 20;
const RADII: &[u32] = &[5, 10, 25, 50, 100];

#[derive(Serialize)]
struct FacetValue {
    value: String,
    label: String,
    count: u64,
    selected: bool,
}

pub async fn page(
    State(app): State<App>,
    viewer: Viewer,
    Query(mut pairs): Query<Vec<(String, String)>>,
) -> AppResult<Response> {
    // Empty form fields mean "not given".
    pairs.retain(|(_, v)| !v.trim().is_empty());
    if !pairs.iter().any(|(k, _)| k == "per_page") {
        pairs.push(("per_page".into(), PER_PAGE.to_string()));
    }
    let places = crate::geography::gazetteer::places(&app).await?;
    let mut params = Params::parse(&places, &pairs)?;
    if params.lang.is_none() && viewer.lang.code() != "de" {
        params.lang = Some(viewer.lang.code().to_string());
    }
    let outcome = run(&app, &params).await?;
    let facet = |counts: &std::collections::BTreeMap<String, u64>,
                 selected: &[String],
                 label: &dyn Fn(&str) -> String| {
        let mut list: Vec<FacetValue> = counts
            .iter()
            .map(|(v, n)| FacetValue {
                value: v.clone(),
                label: label(v),
                count: *n,
                selected: selected.contains(v),
            })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        list
    };
    let municipalities = facet(&outcome.facets.municipality, &[], &|k| {
        places.region_name(k).unwrap_or(k).to_string()
    });
    let languages = facet(&outcome.facets.language, &params.languages, &|l| {
        l.to_string()
    });
    let pages = outcome.total.div_ceil(params.per_page).max(1);
    let ways_on = (outcome.total == 0).then(|| ways_on(&params));
    let suggestion = outcome.suggestion.as_ref().map(|q| {
        let mut corrected = params.clone();
        corrected.q.clone_from(q);
        context! { q => q, url => format!("{}?{}", paths::search(), corrected.query_string(1)) }
    });
    let link = |page: usize| format!("{}?{}", paths::search(), params.query_string(page));
    let read: Vec<OpenOffer> = outcome
        .offers
        .iter()
        .map(FoundOffer::offer)
        .collect::<Result<_, _>>()
        .map_err(anyhow::Error::from)?;
    let offers: Vec<_> = read
        .iter()
        .map(|o| {
            let lang = o.content_lang.clone().unwrap_or_else(|| "de".into());
            let page = paths::offer(o.network_id, o.id);
            let url = if lang == "de" {
                page
            } else {
                format!("{page}?lang={lang}")
            };
            // "lat,lon" per place for the map, one marker each.
            let points: Vec<String> = o
                .places
                .iter()
                .filter_map(|p| p.position())
                .map(|(lat, lon)| format!("{lat},{lon}"))
                .collect();
            context! {
                offer => o, url => url, content_lang => lang.clone(), rtl => is_rtl(&lang),
                points => points.join(" "),
            }
        })
        .collect();
    let html = app.page(
        &viewer,
        "offers/search.html",
        context! {
            q => context! {
                q => params.q, fields => params.fields, types => params.types,
                target_groups => params.target_groups, languages => params.languages,
                postal_code => params.postal_code, radius_km => params.radius_km.map(|r| r as u32),
                open_now => params.open_now, free => params.free, region => params.region,
            },
            all => context! { fields => FIELDS, types => TYPES, target_groups => TARGET_GROUPS,
                languages => LANGUAGES, radii => RADII },
            total => outcome.total, offers => offers,
            facets => context! { municipality => municipalities, language => languages },
            counts => outcome.facets,
            page => params.page, pages => pages,
            prev => (params.page > 1).then(|| link(params.page - 1)),
            next => (params.page < pages).then(|| link(params.page + 1)),
            first => (params.page - 1) * params.per_page + 1,
            ways_on => ways_on,
            relaxed => outcome.relaxed,
            suggestion => suggestion,
            map => context! { tiles => app.config.map_tile_url, attribution => app.config.map_attribution },
        },
    )?;
    let mut response = html.into_response();
    // The map's tiles come from the tile server: allow its origin as an
    // image source on this page only.
    let csp = CONTENT_SECURITY_POLICY.replace(
        "img-src 'self' data:",
        &format!("img-src 'self' data: {}", app.config.map_tile_origin()),
    );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    Ok(response)
}

/// Where a search that found nothing can go on: the same words without
/// the filters, each chosen field without the words, and the contact-point
/// finder (with the postal code, if one was given).
fn ways_on(params: &Params) -> minijinja::Value {
    let search = |pairs: &[(&str, &str)]| {
        let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
        format!("{}?{query}", paths::search())
    };
    let q = params.q.trim();
    let filtered = !params.fields.is_empty()
        || !params.types.is_empty()
        || !params.target_groups.is_empty()
        || !params.languages.is_empty()
        || params.region.is_some()
        || params.postal_code.is_some()
        || params.near.is_some()
        || params.open_now
        || params.free;
    let words_only = (filtered && !q.is_empty()).then(|| search(&[("q", q)]));
    let fields: Vec<minijinja::Value> = if q.is_empty() {
        Vec::new()
    } else {
        params
            .fields
            .iter()
            .map(|f| context! { field => f, url => search(&[("field", f.as_str())]) })
            .collect()
    };
    let finder = match &params.postal_code {
        Some(code) => format!(
            "{}?{}",
            paths::finder(),
            serde_urlencoded::to_string([("place", code.as_str())]).unwrap_or_default()
        ),
        None => paths::finder().to_string(),
    };
    context! { words_only => words_only, fields => fields, finder => finder }
}
