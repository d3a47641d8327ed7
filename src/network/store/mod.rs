//! Store queries of the network registry, one file per table: networks,
//! organisations, people, memberships. Nothing but SQL on these tables;
//! the audit entries, events and workflows that go with a write are the
//! service's, which hands in its transaction.

pub mod memberships;
pub mod networks;
pub mod organizations;
pub mod people;

pub use networks::{list_networks, network};
