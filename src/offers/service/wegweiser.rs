//! The Wegweiser of a network: its published offers with their providers,
//! places and translations, laid out by `offers::wegweiser` and rendered
//! to PDF.

use std::{collections::HashMap, sync::Arc};

use crate::core::{
    error::{AppError, AppResult},
    i18n::Lang,
    ids::NetworkId,
    web::App,
};
use crate::network::model::Network;
use crate::offers::{
    model::Status,
    search::Search,
    store::{self, translations},
    wegweiser::{Source, guide, render},
};

/// A public language's code, German if none was asked for; an unknown one
/// is a page that does not exist.
pub fn language(wanted: &str) -> AppResult<&'static str> {
    let wanted = wanted.trim().to_ascii_lowercase();
    if wanted.is_empty() {
        return Ok("de");
    }
    Lang::PUBLIC
        .iter()
        .map(|l| l.code())
        .find(|code| *code == wanted)
        .ok_or_else(AppError::not_found)
}

/// The network's guide in `lang` as a PDF. A guide changes only with the
/// network's offers (each such change moves the search index's version),
/// the network's record, the language and the day, so it is kept per those
/// and not rebuilt — offers read, a QR code drawn per offer — per request.
pub async fn pdf(app: &App, network: &Network, lang: &'static str) -> AppResult<Vec<u8>> {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive();
    let search = Search::of(app);
    search.refresh(&app.db).await.map_err(AppError::internal)?;
    let version = search.version();
    let key = format!("{}:{}:{lang}:{today}", network.id, network.updated_at);
    if let Some(kept) = search.wegweisers.get(version, &key) {
        return Ok(kept.as_ref().clone());
    }
    let pdf = build(app, network, lang, today).await?;
    search.wegweisers.put(version, key, Arc::new(pdf.clone()));
    Ok(pdf)
}

async fn build(
    app: &App,
    network: &Network,
    lang: &'static str,
    today: chrono::NaiveDate,
) -> AppResult<Vec<u8>> {
    let network_id = NetworkId(network.id);
    let pool = app.db.pool();
    let offers = store::offers(pool, network_id, Some(Status::Published)).await?;
    let mut translated = if lang == "de" {
        HashMap::new()
    } else {
        translations::published_in_network(pool, network_id, lang).await?
    };
    let (mut providers, towns) = store::published_names(pool, network_id).await?;
    let sources = offers
        .into_iter()
        .map(|offer| {
            let towns = offer
                .record
                .places
                .iter()
                .map(|p| {
                    p.municipality_key
                        .as_ref()
                        .and_then(|k| towns.get(k))
                        .cloned()
                })
                .collect();
            Source {
                translation: translated.remove(&offer.id),
                provider: providers.remove(&offer.id).unwrap_or_default(),
                towns,
                offer,
            }
        })
        .collect();
    let (guide, images) = guide(
        lang,
        (&network.name, &network.region_name),
        &app.config.base(),
        today,
        sources,
    )?;
    render(&guide, images).await
}
