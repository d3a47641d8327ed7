//! Store queries of the network registry, one file per record type.
//! Every write takes the caller's transaction and records an audit entry
//! in it, so a change and its audit entry commit together or not at all.

pub mod memberships;
pub mod networks;
pub mod organizations;
pub mod people;

pub use networks::{list_networks, network};

use crate::core::audit::Actor;

/// `Actor` is not `Clone`; writes that record several entries re-borrow it.
pub(crate) fn again<'a>(actor: &Actor<'a>) -> Actor<'a> {
    match actor {
        Actor::User(user) => Actor::User(user),
        Actor::System(label) => Actor::System(label),
    }
}
