//! Store queries of the conference cycle: the only place of the capability
//! that holds SQL. Every write takes the caller's transaction and records
//! an audit entry in it.

mod agenda;
mod attachments;
mod attendance;
mod documents;
mod feeds;
mod links;
mod meetings;
mod minutes;
mod poll;
mod proposals;
mod reminders;
mod rsvp;
mod series;

pub mod personal_data;

pub use self::{
    agenda::*, attachments::*, attendance::*, documents::*, feeds::*, links::*, meetings::*,
    minutes::*, poll::*, proposals::*, reminders::*, rsvp::*, series::*,
};

use serde_json::Value;
use sqlx::{Row, any::AnyRow};

use crate::core::{
    audit::{self, Actor},
    store::Tx,
};

/// Records one change of a network's conference data.
pub async fn audit(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: crate::core::ids::NetworkId,
    (entity, entity_id, action): (&str, Option<i64>, &str),
    before: Option<Value>,
    after: Option<Value>,
) -> Result<(), sqlx::Error> {
    audit::in_network(
        tx,
        actor,
        network_id,
        (entity, entity_id, action),
        before,
        after,
    )
    .await
}

/// A typed id from a column that may be NULL (`wrap` is the id's
/// constructor, e.g. `OrganizationId`).
fn opt<T>(r: &AnyRow, column: &str, wrap: fn(i64) -> T) -> Option<T> {
    r.get::<Option<i64>, _>(column).map(wrap)
}
