//! Groups with special needs in a network's Kreis — unaccompanied minors,
//! women with small children, people with disabilities, … — with the
//! offers of the network's directory that serve them. A group without a
//! published linked offer is a gap of the situation analysis; one whose
//! offers serve only part of its municipalities names the rest.
//!
//! The house shape: `model` (vocabulary, input with its one `validate`,
//! views), `store` (the only SQL on its tables), `service` (transactions,
//! audit, gaps), `web` (pages) and `api` (JSON). The offers are read
//! through `monitoring::registry`.

pub mod api;
pub mod model;
pub mod service;
pub mod store;
pub mod web;
