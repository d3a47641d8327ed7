//! The registry's workflows: validation that needs the database, the
//! transaction, the store writes, their audit entries and the events other
//! capabilities follow. HTML and JSON handlers call the same functions.
//!
//! Functions that take an `App` open and commit their own transaction;
//! those that take a `Tx` are the steps of a larger one (the CSV import,
//! the demo loader, removing a last membership).

pub mod gdpr;
pub mod import;
pub mod memberships;
pub mod networks;
pub mod organizations;
pub mod people;

use serde_json::Value;

use crate::core::{
    audit::{self, Actor, Change},
    error::{AppError, FieldErrors},
    ids::NetworkId,
    store::Tx,
};

/// `Actor` is not `Clone`; workflows that record several entries re-borrow it.
pub(crate) fn again<'a>(actor: &Actor<'a>) -> Actor<'a> {
    match actor {
        Actor::User(user) => Actor::User(user),
        Actor::System(label) => Actor::System(label),
    }
}

/// One audit entry about a registry record, in the change's transaction.
pub(crate) struct Entry<'a> {
    pub network_id: Option<NetworkId>,
    pub entity: &'a str,
    pub entity_id: i64,
    pub action: &'a str,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

pub(crate) async fn write_audit(
    tx: &mut Tx,
    actor: &Actor<'_>,
    e: Entry<'_>,
) -> Result<(), sqlx::Error> {
    audit::record(
        tx,
        again(actor),
        Change {
            network_id: e.network_id.map(NetworkId::get),
            entity: e.entity,
            entity_id: Some(e.entity_id),
            action: e.action,
            before: e.before,
            after: e.after,
        },
    )
    .await
}

/// The input's own field errors plus those the database found (e.g. a
/// name already taken): a record only when there are none.
pub(crate) fn valid<T>(checked: Result<T, FieldErrors>, more: FieldErrors) -> Result<T, AppError> {
    match checked {
        Ok(record) if more.is_empty() => Ok(record),
        Ok(_) => Err(AppError::invalid(more)),
        Err(mut errors) => {
            errors.extend(more);
            Err(AppError::invalid(errors))
        }
    }
}
