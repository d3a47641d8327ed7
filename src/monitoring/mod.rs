//! Monitoring: the situation analysis of a network's region from official
//! statistics.
//!
//! `import` reads the tables the statistical offices publish (GENESIS
//! classic table CSV, flat-file CSV in both layouts, ZIP) as a stream;
//! `store` keeps datasets and observations (marks exactly as published);
//! `service` runs imports all-or-nothing and loads the shipped statistics
//! at first start; `cli` is `ikon statistics import`; `needs` the groups
//! with special needs and the offers that serve them; `comparison` the
//! supervisor's view of every Kreis of a region side by side; `registry`
//! the one door to the network and the offers; `maps` the Kreis's
//! Gemeinden on the situation page; `report` the network's commented,
//! publishable report; `web_import` the import page with its preview,
//! `web_mapping` the mapping of a table of one's own, `uploads` the files
//! waiting there.

pub mod api;
pub mod charts;
pub mod cli;
pub mod comparison;
pub mod concentration;
pub mod import;
pub mod indicators;
pub mod maps;
pub mod model;
pub mod needs;
pub mod registry;
pub mod report;
pub mod service;
pub mod store;
pub mod uploads;
pub mod web;
pub mod web_import;
pub mod web_mapping;

use std::time::Duration;

use crate::core::web::{Parts, parts::Sweep};

/// The report page and the public situation page speak every public
/// language.
pub const PUBLIC_TEMPLATES: &[&str] = &["monitoring/report.html"];

/// Hands monitoring's parts to the app: its public templates, and the
/// sweep that deletes pending uploads of the import page once they are a
/// day old.
pub fn install(parts: Parts) -> Parts {
    parts.public_templates(PUBLIC_TEMPLATES).sweep(Sweep {
        name: "statistics uploads",
        every: Duration::from_secs(3600),
        run: |app| {
            Box::pin(async move {
                let deleted =
                    uploads::sweep(&app.config.data_dir, crate::core::store::now()).await?;
                Ok(deleted)
            })
        },
    })
}
