//! Networks: one per Kreis or kreisfreie Stadt.

use sqlx::{Any, Executor, Row};

use crate::{
    core::store::{Db, Tx, now},
    network::model::{Network, NetworkRecord},
};

/// The region's name comes along for every page that shows a network.
const NETWORK_SELECT: &str =
    "SELECT n.id, n.name, n.region_key, r.name AS region_name, n.description,
        (SELECT COUNT(*) FROM memberships m WHERE m.network_id = n.id) AS member_count,
        n.created_at, n.updated_at
     FROM networks n JOIN regions r ON r.key = n.region_key";

pub async fn list_networks(db: &Db) -> Result<Vec<Network>, sqlx::Error> {
    sqlx::query_as(&format!("{NETWORK_SELECT} ORDER BY n.name"))
        .fetch_all(db.pool())
        .await
}

pub async fn network(db: &Db, id: i64) -> Result<Option<Network>, sqlx::Error> {
    sqlx::query_as(&format!("{NETWORK_SELECT} WHERE n.id = $1"))
        .bind(id)
        .fetch_optional(db.pool())
        .await
}

/// The networks an organisation belongs to (they decide who may see it).
pub async fn networks_of_organization<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organization_id: i64,
) -> Result<Vec<Network>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{NETWORK_SELECT} WHERE n.id IN (SELECT network_id FROM memberships WHERE organization_id = $1) ORDER BY n.id"
    ))
    .bind(organization_id)
    .fetch_all(ex)
    .await
}

/// The network of a region, if one exists (one per Kreis).
pub async fn network_for_region<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    region_key: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query("SELECT id FROM networks WHERE region_key = $1")
        .bind(region_key)
        .fetch_optional(ex)
        .await?;
    Ok(row.map(|r| r.get("id")))
}

pub async fn insert(tx: &mut Tx, record: &NetworkRecord) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO networks (name, region_key, description, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(&record.name)
    .bind(&record.region_key)
    .bind(&record.description)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.get("id"))
}

/// Changes name and description; the region of a network is fixed.
pub async fn update(tx: &mut Tx, id: i64, record: &NetworkRecord) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE networks SET name = $1, description = $2, updated_at = $3 WHERE id = $4")
        .bind(&record.name)
        .bind(&record.description)
        .bind(now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
