//! Network registry: networks (one per Kreis), organisations with their
//! category, contact people, and memberships.

pub mod cli;
pub mod model;
pub mod store;
