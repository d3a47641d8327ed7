//! Store queries of the conference cycle. Every write takes the caller's
//! transaction and records an audit entry in it.

mod agenda;
mod attachments;
mod attendance;
mod links;
mod meetings;
mod minutes;
mod poll;
mod proposals;
mod rsvp;
mod series;

pub mod personal_data;

pub use self::{
    agenda::*, attachments::*, attendance::*, links::*, meetings::*, minutes::*, poll::*,
    proposals::*, rsvp::*, series::*,
};

use serde_json::Value;

use crate::core::{
    audit::{self, Actor, Change},
    store::Tx,
};

/// Records one change of a network's conference data.
pub async fn audit(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: i64,
    (entity, entity_id, action): (&str, Option<i64>, &str),
    before: Option<Value>,
    after: Option<Value>,
) -> Result<(), sqlx::Error> {
    audit::record(
        tx,
        actor,
        Change {
            network_id: Some(network_id),
            entity,
            entity_id,
            action,
            before,
            after,
        },
    )
    .await
}
