//! The offer page: public once published, in the requested content
//! language if translated (German otherwise, with a note), with schema.org
//! data for search engines.

use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{can_edit, load_offer};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        ids::{NetworkId, OfferId},
        markdown,
        store::now,
        web::App,
    },
    network::{context::scope, store::organizations},
    offers::{
        model::{
            LANGUAGES, LangStatus, Status, Transition,
            freshness::{cutoff, is_stale},
            hours, is_rtl, transition,
            views::JsonLd,
        },
        service::translations::statuses,
        store::{places, translations},
    },
};

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    #[serde(default)]
    pub lang: String,
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, offer_id)): Path<(NetworkId, OfferId)>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, network_id, offer_id).await?;
    if offer.status != Status::Published {
        viewer.require_read_network(&scope(&network))?;
    }
    let pool = app.db.pool();
    let can_edit = can_edit(&viewer, &offer);
    let can_manage = viewer.can_manage_network(network_id.get());
    let provider = organizations::organization(pool, offer.organization_id.get())
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    // The town of each place, and the service area by name.
    let mut towns = Vec::new();
    for p in &offer.record.places {
        towns.push(match &p.municipality_key {
            Some(key) => places::region_name(pool, key).await?,
            None => None,
        });
    }
    let kreis = places::municipalities(pool, &network.region_key).await?;
    let area_names: Vec<&str> = offer
        .record
        .area
        .municipalities
        .iter()
        .filter_map(|key| kreis.iter().find(|(k, _)| k == key))
        .map(|(_, name)| name.as_str())
        .collect();
    let area = if offer.record.area.whole_kreis {
        Some(network.region_name.clone())
    } else {
        (!area_names.is_empty()).then(|| area_names.join(", "))
    };
    // `?lang=` names the content language; without it the visitor's
    // page language decides.
    let requested = match q.lang.trim() {
        "" => viewer.public_lang.code().to_string(),
        chosen => chosen.to_ascii_lowercase(),
    };
    let requested = LANGUAGES
        .iter()
        .find(|l| **l == requested && **l != "de")
        .copied();
    let translation = match requested {
        Some(lang) => translations::translation(pool, offer.id, lang).await?,
        None => None,
    };
    let (content_lang, title, summary, description) = match &translation {
        Some(t) => (t.lang.as_str(), &t.title, &t.summary, &t.description),
        None => (
            "de",
            &offer.record.title,
            &offer.record.summary,
            &offer.record.description,
        ),
    };
    let transitions: Vec<&str> = Status::ALL
        .into_iter()
        .filter(|to| match transition(offer.status, *to) {
            Some(Transition::Editor) => can_edit,
            Some(Transition::Manager) => can_manage,
            None => false,
        })
        .map(Status::code)
        .collect();
    let languages: Vec<LangStatus> = if can_edit {
        statuses(pool, &offer).await?
    } else {
        Vec::new()
    };
    let published = offer.status == Status::Published;
    // Each place's opening hours in words in the reader's language, as the
    // printed Wegweiser says them, for this week in Germany, and whether
    // it is open right now.
    let local = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .naive_local();
    let today = local.date();
    let weekdays = viewer.public_lang.weekdays();
    let places: Vec<_> = offer
        .record
        .places
        .iter()
        .zip(towns)
        .map(|(p, town)| {
            let opening_hours = hours::Hours::read(&p.opening_hours);
            let now_state = opening_hours.now(local).map(|n| {
                let next = n.next_change;
                context! {
                    open => n.open,
                    today => next.is_some_and(|t| t.date() == today),
                    time => next.map(|t| t.format("%H:%M").to_string()),
                    day => next.map(|t| weekdays[hours::weekday_index(t.date())].clone()),
                }
            });
            let hours = opening_hours.in_words(
                &weekdays,
                &viewer.public_lang.t("wegweiser-closed-otherwise"),
                today,
                true,
            );
            context! { place => p, town => town, hours => hours, now_state => now_state }
        })
        .collect();
    let page = app.page(
        &viewer,
        "offers/show.html",
        context! {
            network => network, offer => offer, provider => provider, places => places,
            area => area, whole_kreis => offer.record.area.whole_kreis,
            title => title, summary => summary,
            description_html => markdown::render(description),
            content_lang => content_lang, rtl => is_rtl(content_lang),
            fallback => requested.is_some() && translation.is_none(),
            requested => requested,
            json_ld => published
                .then(|| JsonLd::of(&offer, &provider, area.as_deref()).embeddable()),
            can_edit => can_edit, transitions => transitions, languages => languages,
            stale => published && is_stale(&offer, cutoff(&app.config, now())),
        },
    )?;
    Ok(page.into_response())
}
