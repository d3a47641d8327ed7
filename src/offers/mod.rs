//! Offers: every integration offer of a network's member organisations,
//! its review workflow, translations, contact points, the public offer
//! page, finder and search, freshness reminders, coverage, the Wegweiser
//! and the open-data exports.
//!
//! The house shape: `model` (records, inputs with their one `validate`,
//! views), `store` (all SQL), `service` (transactions, audit, search change
//! records, the freshness sweep), `web` (HTML handlers) and `api` (JSON
//! handlers), both thin over the service. `search` is the full-text index
//! of published offers; `wegweiser` lays out the printed guide.

pub mod api;
pub mod model;
pub mod search;
pub mod service;
pub mod store;
pub mod web;
pub mod wegweiser;

/// The offers panel of the network page, where the network capability
/// registers it.
pub mod dashboard {
    pub use super::web::dashboard::network_panel;
}

use crate::core::{
    config::Config,
    web::{Parts, parts::Sweep},
};

/// The offer pages everybody uses, in every public language.
pub const PUBLIC_TEMPLATES: &[&str] = &[
    "offers/finder.html",
    "offers/show.html",
    "offers/search.html",
];

/// Hands the offers' state to the app: the search index (derived data, in
/// `<data_dir>/search`), the network names for open-data licences, and the
/// public pages that speak every public language.
pub fn install(parts: Parts, config: &Config) -> Parts {
    // `ikon serve` refuses to start on a bad synonyms file; a command
    // that only needs the app (import, user) uses the shipped ones then.
    let synonyms = search::synonyms::Synonyms::load(Some(&config.data_dir)).unwrap_or_else(|e| {
        tracing::error!("search synonyms: {e}; using the shipped ones only");
        search::synonyms::Synonyms::load(None).expect("the shipped synonyms read")
    });
    let mut search = search::Search::open(Some(&config.data_dir.join("search")), synonyms)
        .expect("the search index can be created");
    search.answers = search::memo::Memo::on_second_ask(config.search_cache_entries);
    parts
        .state(search)
        // The index catches up with the change log before the first
        // request, then follows it.
        .on_start(|app| Box::pin(async move { search::Search::of(&app).catch_up(&app.db).await }))
        .task(|app, stop| Box::pin(search::follow(app, stop)))
        .sweep(Sweep {
            name: "stale offers",
            every: service::freshness::SWEEP_EVERY,
            run: |app| Box::pin(async move { Ok(service::freshness::sweep(&app).await?) }),
        })
        .state(service::open_data::NetworkNames::default())
        .public_templates(PUBLIC_TEMPLATES)
        .on(crate::network::events::ORGANIZATION_CHANGED, |tx, id| {
            Box::pin(search::changes::organization_changed(tx, id))
        })
        .network_panel(crate::core::web::parts::NetworkPanel {
            template: "offers/dashboard.html",
            load: |app, viewer, network_id| {
                Box::pin(async move {
                    let network =
                        crate::network::context::load_network(&app.db, network_id).await?;
                    let panel = dashboard::network_panel(&app, &viewer, &network).await?;
                    Ok((!panel.is_none()).then_some(panel))
                })
            },
        })
}
