//! The offer page: public once published, in the requested content
//! language if translated (German otherwise, with a note), with schema.org
//! data for search engines.

use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;
use serde_json::json;

use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, web::App},
    network::{context::scope, store::organizations},
    offers::{
        model::{LANGUAGES, Offer, Status, Transition, is_rtl, transition},
        translations::{self, LangStatus},
    },
};

use super::load_offer;

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    #[serde(default)]
    pub lang: String,
}

/// schema.org description of a published offer, safe to embed in a
/// `<script type="application/ld+json">` element.
fn json_ld(offer: &Offer, provider: &str, area: Option<&str>) -> String {
    let r = &offer.record;
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": r.title,
        "description": if r.summary.is_empty() { &r.description } else { &r.summary },
        "provider": { "@type": "Organization", "name": provider },
        "availableLanguage": r.languages,
    });
    if let Some(area) = area {
        value["areaServed"] = json!({ "@type": "AdministrativeArea", "name": area });
    }
    if !r.opening_hours.is_empty() {
        value["hoursAvailable"] = json!(r.opening_hours);
    }
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, id).await?;
    if offer.status != Status::Published {
        viewer.require_read_network(&scope(&network))?;
    }
    let pool = app.db.pool();
    let can_edit = viewer.can_edit_organization(offer.organization_id, &[offer.network_id]);
    let can_manage = viewer.can_manage_network(offer.network_id);
    let provider = organizations::organization(pool, offer.organization_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let area = match &offer.record.municipality_key {
        Some(key) => crate::offers::store::region_name(pool, key).await?,
        None => None,
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
        translations::statuses(pool, &offer).await?
    } else {
        Vec::new()
    };
    let page = app.page(
        &viewer,
        "offers/show.html",
        context! {
            network => network, offer => offer, provider => provider, area => area,
            title => title, summary => summary,
            description_html => crate::core::markdown::render(description),
            content_lang => content_lang, rtl => is_rtl(content_lang),
            fallback => requested.is_some() && translation.is_none(),
            requested => requested,
            json_ld => (offer.status == Status::Published)
                .then(|| json_ld(&offer, &provider, area.as_deref())),
            can_edit => can_edit, transitions => transitions, languages => languages,
            stale => offer.status == Status::Published
                && crate::offers::freshness::is_stale(
                    &offer,
                    crate::offers::freshness::cutoff(&app.config, crate::core::store::now()),
                ),
        },
    )?;
    Ok(page.into_response())
}
