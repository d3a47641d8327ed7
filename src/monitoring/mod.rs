//! Monitoring: the situation analysis of a network's region from official
//! statistics.
//!
//! `import` reads the tables the statistical offices publish (GENESIS
//! classic table CSV, flat-file CSV in both layouts, ZIP) as a stream;
//! `store` keeps datasets and observations (marks exactly as published);
//! `service` runs imports all-or-nothing and loads the shipped statistics
//! at first start; `cli` is `ikon statistics import`; `web_import` is
//! the import page with its preview, `web_mapping` the mapping of a table
//! of one's own, `uploads` the files waiting there.

pub mod api;
pub mod charts;
pub mod cli;
pub mod concentration;
pub mod import;
pub mod indicators;
pub mod model;
pub mod service;
pub mod store;
pub mod uploads;
pub mod web;
pub mod web_import;
pub mod web_mapping;

use std::time::Duration;

use crate::core::web::{Parts, parts::Sweep};

/// Hands monitoring's parts to the app: the sweep that deletes pending
/// uploads of the import page once they are a day old.
pub fn install(parts: Parts) -> Parts {
    parts.sweep(Sweep {
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
