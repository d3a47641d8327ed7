//! Network registry: networks (one per Kreis or kreisfreie Stadt),
//! organisations with their category, contact people, and memberships;
//! HTML pages, JSON API, CSV import/export and the GDPR tools for people.
//!
//! Inside: `model` (records, views, inputs with their `validate`), `store`
//! (SQL on the registry's own tables), `service` (transactions, audit,
//! events), `web` and `api` (thin handlers). Capabilities that keep data
//! about organisations or people follow `events`.

pub mod api;
pub mod cli;
pub mod context;
pub mod csv;
pub mod events;
pub mod model;
pub mod service;
pub mod store;
pub mod web;
