//! ikon — the platform for a county's integration network.
//!
//! `core` is the thin shared layer (configuration, store, web shell, jobs,
//! mail, i18n, errors); every other top-level module is one capability with
//! its own model, store queries, routes and tests.

pub mod accounts;
pub mod app;
pub mod bulletin;
pub mod cli;
pub mod conferences;
pub mod coordination;
pub mod core;
pub mod demo;
pub mod geography;
pub mod monitoring;
pub mod network;
pub mod offers;
pub mod oparl;
