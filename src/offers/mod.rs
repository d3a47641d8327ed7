//! Offers: every integration offer of a network's member organisations,
//! its review workflow, translations and the public offer page.

pub mod api;
pub mod contact_points;
pub mod coverage;
pub mod dashboard;
pub mod export;
pub mod finder;
pub mod form;
pub mod freshness;
pub mod model;
pub mod search;
pub mod store;
pub mod translations;
pub mod web;
pub mod wegweiser;

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
    let mut search = search::Search::open(Some(&config.data_dir.join("search")))
        .expect("the search index can be created");
    search.answers = search::memo::Memo::new(config.search_cache_entries);
    parts
        .state(search)
        // The index catches up with the change log before the first
        // request, then follows it.
        .on_start(|app| Box::pin(async move { search::Search::of(&app).catch_up(&app.db).await }))
        .task(|app, stop| Box::pin(search::follow(app, stop)))
        .sweep(Sweep {
            name: "stale offers",
            every: freshness::SWEEP_EVERY,
            run: |app| Box::pin(async move { Ok(freshness::sweep(&app).await?) }),
        })
        .state(export::NetworkNames::default())
        .public_templates(PUBLIC_TEMPLATES)
}
