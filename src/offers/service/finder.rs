//! The contact-point finder: which contact points serve a place, for an
//! age and target group. The public page and the API ask the same.

use axum::http::StatusCode;

use crate::core::{
    error::{AppError, AppResult, Msg},
    paths,
    web::App,
};
use crate::geography::{
    gazetteer,
    model::Level,
    store::{SEARCH_LIMIT, search},
};
use crate::offers::{
    model::{
        contact_point::wanted,
        input::{FinderAsk, Place},
        views::{FinderAnswer, Found, MunicipalityAnswer},
    },
    service::contact_points::current,
};

/// Answers a finder question; an unknown place is a 404.
pub async fn answer(app: &App, ask: &FinderAsk) -> AppResult<FinderAnswer> {
    let gazetteer = gazetteer::places(app).await?;
    let places: Vec<(String, String)> = match &ask.place {
        Place::Name(name) => {
            let found = search(&app.db, name, SEARCH_LIMIT).await?;
            let places: Vec<_> = found
                .into_iter()
                .filter(|m| m.level == Level::Municipality)
                .map(|m| (m.key, m.name))
                .collect();
            if places.is_empty() {
                return Err(AppError::new(
                    StatusCode::NOT_FOUND,
                    "unknown_place",
                    "cp-err-unknown-place",
                ));
            }
            places
        }
        Place::Region(region) => match gazetteer.region_name(region) {
            Some(name) if region.len() == 8 => vec![(region.clone(), name.to_string())],
            _ => return Err(AppError::not_found()),
        },
        Place::PostalCode(postal_code) => {
            let places = gazetteer.municipalities(postal_code);
            if places.is_empty() {
                return Err(AppError::new(
                    StatusCode::NOT_FOUND,
                    "unknown_postal_code",
                    Msg::new("cp-err-unknown")
                        .arg("nearby", gazetteer.nearby(postal_code).join(", ")),
                ));
            }
            places
                .iter()
                .map(|m| (m.key.clone(), m.name.clone()))
                .collect()
        }
    };
    let wanted = wanted(ask.age, ask.group);
    let mut municipalities = Vec::new();
    for (key, name) in places {
        let points = current(app, key.get(..5).unwrap_or_default()).await?;
        let contact_points = points
            .iter()
            .filter(|(_, _, p)| p.covers(&key))
            .filter(|(_, _, p)| p.target_groups.iter().any(|g| wanted.contains(&g.as_str())))
            .map(|(o, provider, p)| {
                Found::of(o, provider, (p, &key), paths::offer(o.network_id, o.id))
            })
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
