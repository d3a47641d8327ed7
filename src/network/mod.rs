//! Network registry: networks (one per Kreis or kreisfreie Stadt),
//! organisations with their category, contact people, and memberships;
//! HTML pages, JSON API, CSV import/export and the GDPR tools for people.

pub mod api;
pub mod cli;
pub mod context;
pub mod csv;
pub mod gdpr;
pub mod model;
pub mod store;
pub mod validate;
pub mod web;
