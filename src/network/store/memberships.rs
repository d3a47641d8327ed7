//! Memberships of organisations in networks. An organisation may belong to
//! several networks (a Regierung or an Agentur für Arbeit serves many
//! Kreise).

use sqlx::{Any, Executor, Row};

use crate::core::store::{Tx, now};

/// The membership row's id, if the organisation belongs to the network.
pub async fn id<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
    organization_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let row =
        sqlx::query("SELECT id FROM memberships WHERE network_id = $1 AND organization_id = $2")
            .bind(network_id)
            .bind(organization_id)
            .fetch_optional(ex)
            .await?;
    Ok(row.map(|r| r.get("id")))
}

pub async fn exists<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
    organization_id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(id(ex, network_id, organization_id).await?.is_some())
}

pub async fn insert(tx: &mut Tx, network_id: i64, organization_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO memberships (network_id, organization_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(network_id)
    .bind(organization_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete(tx: &mut Tx, network_id: i64, organization_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM memberships WHERE network_id = $1 AND organization_id = $2")
        .bind(network_id)
        .bind(organization_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// How many networks the organisation belongs to.
pub async fn count_for_organization<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organization_id: i64,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM memberships WHERE organization_id = $1",
    )
    .bind(organization_id)
    .fetch_one(ex)
    .await?;
    Ok(row.get("n"))
}
