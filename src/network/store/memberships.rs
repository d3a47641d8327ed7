//! Memberships of organisations in networks. An organisation may belong to
//! several networks (a Regierung or an Agentur für Arbeit serves many
//! Kreise); the audit entries name the organisation as the entity.

use serde_json::json;
use sqlx::{Any, Executor, Row};

use super::{again, organizations, people};
use crate::{
    core::{
        audit::{self, Actor, Change},
        store::{Tx, now},
    },
    network::{gdpr, model::Organization},
};

pub async fn exists<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
    organization_id: i64,
) -> Result<bool, sqlx::Error> {
    let row =
        sqlx::query("SELECT id FROM memberships WHERE network_id = $1 AND organization_id = $2")
            .bind(network_id)
            .bind(organization_id)
            .fetch_optional(ex)
            .await?;
    Ok(row.is_some())
}

pub async fn add(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: i64,
    organization_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO memberships (network_id, organization_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(network_id)
    .bind(organization_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        again(actor),
        Change {
            network_id: Some(network_id),
            entity: "membership",
            entity_id: Some(organization_id),
            action: "add",
            before: None,
            after: Some(json!({"network_id": network_id, "organization_id": organization_id})),
        },
    )
    .await
}

/// What removing a membership did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removed {
    /// The organisation stays in its other networks.
    Membership,
    /// It was the last membership: the organisation and its contact people
    /// were deleted too, so that no personal data is kept without a network
    /// that needs it (and that anyone but an administrator could still see).
    Organization,
}

pub async fn remove(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: i64,
    organization: &Organization,
) -> Result<Removed, sqlx::Error> {
    crate::oparl::tombstones::organization_left(tx, network_id, organization.id).await?;
    sqlx::query("DELETE FROM memberships WHERE network_id = $1 AND organization_id = $2")
        .bind(network_id)
        .bind(organization.id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        tx,
        again(actor),
        Change {
            network_id: Some(network_id),
            entity: "membership",
            entity_id: Some(organization.id),
            action: "remove",
            before: Some(json!({"network_id": network_id, "organization_id": organization.id})),
            after: None,
        },
    )
    .await?;
    let left: i64 = sqlx::query(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM memberships WHERE organization_id = $1",
    )
    .bind(organization.id)
    .fetch_one(&mut **tx)
    .await?
    .get("n");
    if left > 0 {
        return Ok(Removed::Membership);
    }
    for person in people::list_for_organization(&mut **tx, organization.id).await? {
        gdpr::erase_person(tx, actor, Some(network_id), &person).await?;
    }
    organizations::delete(tx, actor, network_id, organization).await?;
    Ok(Removed::Organization)
}
