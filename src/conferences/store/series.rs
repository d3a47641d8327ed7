//! Store queries for the meeting series and its rotation.

use serde_json::json;
use sqlx::{Any, Executor, Row};

use crate::conferences::model::{RotationEntry, Series};
use crate::core::{
    audit::Actor,
    ids::{NetworkId, OrganizationId},
    store::{Tx, now},
};

use super::*;

pub async fn series<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Series, sqlx::Error> {
    let row = sqlx::query(
        "SELECT rhythm_months, default_location FROM meeting_series WHERE network_id = $1",
    )
    .bind(network_id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row
        .map(|r| Series {
            rhythm_months: r.get("rhythm_months"),
            default_location: r.get("default_location"),
        })
        .unwrap_or_default())
}

pub async fn save_series(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    series: &Series,
) -> Result<(), sqlx::Error> {
    let before = self::series(&mut **tx, network_id).await?;
    let updated = sqlx::query(
        "UPDATE meeting_series SET rhythm_months = $1, default_location = $2, updated_at = $3 WHERE network_id = $4",
    )
    .bind(series.rhythm_months)
    .bind(&series.default_location)
    .bind(now())
    .bind(network_id.get())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if updated == 0 {
        sqlx::query(
            "INSERT INTO meeting_series (network_id, rhythm_months, default_location, updated_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(network_id.get())
        .bind(series.rhythm_months)
        .bind(&series.default_location)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    }
    audit(
        tx,
        actor,
        network_id,
        ("meeting_series", Some(network_id.get()), "update"),
        Some(json!(before)),
        Some(json!(series)),
    )
    .await
}

/// The organisers' rotation in order, with the organisations' names. An
/// organisation that has left the network drops out of it.
pub async fn rotation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<RotationEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.organization_id, o.name FROM series_rotation r
         JOIN organizations o ON o.id = r.organization_id
         JOIN memberships m ON m.organization_id = r.organization_id AND m.network_id = r.network_id
         WHERE r.network_id = $1 ORDER BY r.position, r.id",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RotationEntry {
            organization_id: OrganizationId(r.get("organization_id")),
            name: r.get("name"),
        })
        .collect())
}

/// Replaces the rotation with `ids` in this order.
pub async fn set_rotation(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    ids: &[OrganizationId],
) -> Result<(), sqlx::Error> {
    let before: Vec<OrganizationId> = rotation(&mut **tx, network_id)
        .await?
        .iter()
        .map(|r| r.organization_id)
        .collect();
    sqlx::query("DELETE FROM series_rotation WHERE network_id = $1")
        .bind(network_id.get())
        .execute(&mut **tx)
        .await?;
    for (position, id) in ids.iter().enumerate() {
        sqlx::query(
            "INSERT INTO series_rotation (network_id, position, organization_id) VALUES ($1, $2, $3)",
        )
        .bind(network_id.get())
        .bind(position as i64)
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    }
    audit(
        tx,
        actor,
        network_id,
        ("series_rotation", Some(network_id.get()), "update"),
        Some(json!(before)),
        Some(json!(ids)),
    )
    .await
}
