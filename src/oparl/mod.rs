//! OParl 1.1: the networks, their conferences, meetings, agendas, member
//! organisations, public contact people, files and published concerns
//! (papers) as the open standard for council information systems
//! describes them, read-only and anonymous
//! under `/oparl/v1/`. Only public objects ever appear (see `store`);
//! deleted public objects stay as tombstones (`tombstones`).

pub mod model;
pub mod store;
pub mod tombstones;
pub mod web;

use crate::{core::web::Parts, network::events};

/// Follows the registry's deletions, so that OParl clients learn of them
/// through tombstones.
pub fn install(parts: Parts) -> Parts {
    parts
        .on(events::PERSON_ERASED, |tx, id| {
            Box::pin(tombstones::person_withdrawn(tx, id))
        })
        .on(events::PERSON_WITHDRAWN, |tx, id| {
            Box::pin(tombstones::person_withdrawn(tx, id))
        })
        .on(events::MEMBERSHIP_ENDING, |tx, id| {
            Box::pin(tombstones::membership_ending(tx, id))
        })
}
