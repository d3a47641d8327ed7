//! Contact points: designation on an offer, the public finder (HTML and
//! JSON) and a network's coverage by municipality and target group.

use axum::{
    Form, Json,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        web::{App, errors::ErrorBody},
    },
    geography::{
        model::Level,
        store::{SEARCH_LIMIT, search},
    },
    network::{
        model::Network,
        web::{saved, texts, unprocessable},
    },
    offers::{
        contact_points::{self as cp, ContactPoint, GROUPS},
        model::Offer,
        web::{load_offer, require_editor},
    },
};

async fn render(
    app: &App,
    viewer: &Viewer,
    (offer, network): (&Offer, &Network),
    point: &ContactPoint,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let all = cp::municipalities(app.db.pool(), &network.region_key).await?;
    let page = app.page(
        viewer,
        "offers/contact_point.html",
        context! { offer => offer, network => network, point => point,
        groups => GROUPS, municipalities => all, errors => texts(viewer, errors) },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

pub async fn form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, id).await?;
    require_editor(&viewer, &offer)?;
    let point = cp::get(app.db.pool(), offer.id).await?.unwrap_or_default();
    let errors = FieldErrors::new();
    render(&app, &viewer, (&offer, &network), &point, &errors).await
}

pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, id).await?;
    let user = require_editor(&viewer, &offer)?;
    let values = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split([',', ' ']).map(str::trim).map(str::to_string))
            .filter(|v| !v.is_empty())
            .collect()
    };
    let mut errors = FieldErrors::new();
    let target_groups = values("target_groups");
    if target_groups.iter().any(|g| !GROUPS.contains(&g.as_str())) {
        errors.insert("target_groups".into(), Msg::new("offer-err-choice"));
    }
    let whole_kreis = pairs.iter().any(|(k, v)| k == "whole_kreis" && v == "1");
    let mut municipalities = values("municipalities");
    municipalities.sort();
    municipalities.dedup();
    let known = cp::municipalities(app.db.pool(), &network.region_key).await?;
    let outside: Vec<&str> = municipalities
        .iter()
        .filter(|m| !known.iter().any(|(k, _)| k == *m))
        .map(String::as_str)
        .collect();
    if !outside.is_empty() {
        errors.insert(
            "municipalities".into(),
            Msg::new("cp-err-outside").arg("keys", outside.join(", ")),
        );
    }
    if !target_groups.is_empty() && !whole_kreis && municipalities.is_empty() {
        errors.insert("municipalities".into(), Msg::new("cp-err-area"));
    }
    let point = ContactPoint {
        target_groups: GROUPS
            .iter()
            .filter(|g| target_groups.iter().any(|t| t == *g))
            .map(|g| g.to_string())
            .collect(),
        whole_kreis,
        municipalities: if whole_kreis && errors.is_empty() {
            Vec::new()
        } else {
            municipalities
        },
    };
    if !errors.is_empty() {
        let target = (&offer, &network);
        return render(&app, &viewer, target, &point, &errors).await;
    }
    let mut tx = app.db.begin().await?;
    cp::set(&mut tx, Actor::User(user), &offer, &point).await?;
    tx.commit().await?;
    Ok(saved(&format!("/offers/{}", offer.id), "cp-saved"))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FinderQuery {
    /// Five-digit German postal code.
    #[serde(default)]
    pub postal_code: String,
    /// Official municipality key (8 digits), instead of a postal code.
    #[serde(default)]
    pub region: String,
    /// Postal code or town name (the finder form's field).
    #[serde(default)]
    pub place: String,
    /// Age in years.
    #[serde(default)]
    pub age: String,
    /// `adults`, `young_people` or `refugees`.
    #[serde(default)]
    pub target_group: String,
}

/// One contact point in a finder answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Found {
    pub offer_id: i64,
    pub title: String,
    pub provider: String,
    pub street: String,
    pub postal_code: String,
    /// OpenStreetMap `opening_hours` syntax.
    pub opening_hours: String,
    pub languages: Vec<String>,
    pub appointment: bool,
    pub booking_note: String,
    pub target_groups: Vec<String>,
    pub url: String,
}

/// The contact points of one municipality.
#[derive(Debug, Serialize, ToSchema)]
pub struct MunicipalityAnswer {
    pub municipality_key: String,
    pub municipality_name: String,
    pub contact_points: Vec<Found>,
}

/// A finder answer: one entry per municipality of the postal code.
#[derive(Debug, Serialize, ToSchema)]
pub struct FinderAnswer {
    /// True when the postal code spans several municipalities.
    pub several_municipalities: bool,
    pub municipalities: Vec<MunicipalityAnswer>,
}

fn found(offer: &Offer, provider: &str, point: &ContactPoint) -> Found {
    let r = &offer.record;
    Found {
        offer_id: offer.id,
        title: r.title.clone(),
        provider: provider.to_string(),
        street: r.street.clone(),
        postal_code: r.postal_code.clone(),
        opening_hours: r.opening_hours.clone(),
        languages: r.languages.clone(),
        appointment: r.appointment,
        booking_note: r.booking_note.clone(),
        target_groups: point.target_groups.clone(),
        url: format!("/offers/{}", offer.id),
    }
}

/// Answers a finder query; errors are 400 (malformed) or 404 (unknown).
async fn answer(app: &App, q: &FinderQuery) -> AppResult<FinderAnswer> {
    let group = q.target_group.trim();
    let group = (!group.is_empty()).then_some(group);
    if let Some(g) = group
        && !GROUPS.contains(&g)
    {
        return Err(AppError::bad_request(
            "invalid_target_group",
            Msg::new("cp-err-group").arg("valid", GROUPS.join(", ")),
        ));
    }
    let age = match q.age.trim() {
        "" => None,
        a => Some(
            a.parse::<i64>()
                .ok()
                .filter(|a| (0..=130).contains(a))
                .ok_or_else(|| AppError::bad_request("invalid_age", "cp-err-age"))?,
        ),
    };
    let place = q.place.trim();
    let by_name = !place.is_empty() && !place.bytes().any(|b| b.is_ascii_digit());
    let postal_code = if place.is_empty() {
        q.postal_code.trim()
    } else {
        place
    };
    let region = q.region.trim();
    let gazetteer = crate::geography::gazetteer::places(app).await?;
    let places = if by_name {
        let found = search(&app.db, place, SEARCH_LIMIT).await?;
        let places: Vec<_> = found
            .into_iter()
            .filter(|m| m.level == Level::Municipality)
            .map(|m| (m.key, m.name))
            .collect();
        if places.is_empty() {
            return Err(AppError::new(
                axum::http::StatusCode::NOT_FOUND,
                "unknown_place",
                "cp-err-unknown-place",
            ));
        }
        places
    } else if !region.is_empty() {
        match gazetteer.region_name(region) {
            Some(name) if region.len() == 8 => vec![(region.to_string(), name.to_string())],
            _ => return Err(AppError::not_found()),
        }
    } else {
        if postal_code.len() != 5 || !postal_code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AppError::bad_request(
                "invalid_postal_code",
                "cp-err-postal-code",
            ));
        }
        let places = gazetteer.municipalities(postal_code);
        if places.is_empty() {
            return Err(AppError::new(
                axum::http::StatusCode::NOT_FOUND,
                "unknown_postal_code",
                Msg::new("cp-err-unknown").arg("nearby", gazetteer.nearby(postal_code).join(", ")),
            ));
        }
        places
            .iter()
            .map(|m| (m.key.clone(), m.name.clone()))
            .collect()
    };
    let wanted = cp::wanted(age, group);
    let mut municipalities = Vec::new();
    for (key, name) in places {
        let points = cp::current(app, key.get(..5).unwrap_or_default()).await?;
        let contact_points = points
            .iter()
            .filter(|(_, _, p)| p.covers(&key))
            .filter(|(_, _, p)| p.target_groups.iter().any(|g| wanted.contains(&g.as_str())))
            .map(|(o, provider, p)| found(o, provider, p))
            .collect();
        municipalities.push(MunicipalityAnswer {
            municipality_key: key,
            municipality_name: name,
            contact_points,
        });
    }
    Ok(FinderAnswer {
        several_municipalities: municipalities.len() > 1,
        municipalities,
    })
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
    Ok(Json(answer(&app, &q).await?))
}

/// The public finder page: the form, and the answer once asked.
pub async fn page(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<FinderQuery>,
) -> AppResult<Response> {
    let asked = [&q.place, &q.postal_code, &q.region]
        .iter()
        .any(|v| !v.trim().is_empty());
    let result = if asked {
        Some(answer(&app, &q).await?)
    } else {
        None
    };
    let page = app.page(
        &viewer,
        "offers/finder.html",
        context! { q => context! { place => if q.place.is_empty() { &q.postal_code } else { &q.place }, age => q.age,
            target_group => q.target_group }, groups => GROUPS, result => result },
    )?;
    Ok(page.into_response())
}
