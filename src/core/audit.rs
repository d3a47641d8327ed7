//! The audit log: who changed what, when, with the values before and after.
//! Written in the same transaction as the change it records.

use serde::Serialize;
use serde_json::Value;
use sqlx::Row;

use crate::core::{
    identity::User,
    ids::NetworkId,
    store::{Db, Tx, now},
};

/// What happened, to be written with `record`.
pub struct Change<'a> {
    pub network_id: Option<i64>,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub action: &'a str,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Who did it: a signed-in user, or the system (CLI, demo loader, setup).
pub enum Actor<'a> {
    User(&'a User),
    System(&'a str),
}

/// Records a change to something of a network: `(entity, entity_id,
/// action)` with the values before and after.
pub async fn in_network(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    (entity, entity_id, action): (&str, Option<i64>, &str),
    before: Option<Value>,
    after: Option<Value>,
) -> Result<(), sqlx::Error> {
    let change = Change {
        network_id: Some(network_id.get()),
        entity,
        entity_id,
        action,
        before,
        after,
    };
    record(tx, actor, change).await
}

pub async fn record(tx: &mut Tx, actor: Actor<'_>, change: Change<'_>) -> Result<(), sqlx::Error> {
    let (actor_id, label) = match actor {
        Actor::User(u) => (Some(u.id), u.email.clone()),
        Actor::System(label) => (None, label.to_string()),
    };
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, actor, network_id, entity, entity_id, action, before_data, after_data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(now())
    .bind(actor_id)
    .bind(label)
    .bind(change.network_id)
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.action)
    .bind(change.before.map(|v| v.to_string()))
    .bind(change.after.map(|v| v.to_string()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// GDPR erasure: keep that changes happened, drop the values they held.
pub async fn erase_values(tx: &mut Tx, entity: &str, entity_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE audit_log SET before_data = NULL, after_data = NULL WHERE entity = $1 AND entity_id = $2",
    )
    .bind(entity)
    .bind(entity_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub network_id: Option<i64>,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Newest first; `network_id = None` lists the whole installation.
pub async fn list(
    db: &Db,
    network_id: Option<i64>,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let mut sql = String::from(
        "SELECT id, at, actor, network_id, entity, entity_id, action, before_data, after_data FROM audit_log",
    );
    if network_id.is_some() {
        sql.push_str(" WHERE network_id = $3");
    }
    sql.push_str(" ORDER BY id DESC LIMIT $1 OFFSET $2");
    let mut query = sqlx::query(&sql).bind(limit).bind(offset);
    if let Some(id) = network_id {
        query = query.bind(id);
    }
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows.into_iter().map(entry).collect())
}

/// Every entry about one record, oldest first (e.g. for a person's GDPR
/// export).
pub async fn about(db: &Db, entity: &str, entity_id: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, at, actor, network_id, entity, entity_id, action, before_data, after_data
         FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id",
    )
    .bind(entity)
    .bind(entity_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(entry).collect())
}

fn entry(r: sqlx::any::AnyRow) -> AuditEntry {
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    AuditEntry {
        id: r.get("id"),
        at: r.get("at"),
        actor: r.get("actor"),
        network_id: r.get("network_id"),
        entity: r.get("entity"),
        entity_id: r.get("entity_id"),
        action: r.get("action"),
        before: parse(r.get("before_data")),
        after: parse(r.get("after_data")),
    }
}
