//! Store queries of the network registry.

use super::model::Network;
use crate::core::store::Db;

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
