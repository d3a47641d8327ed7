//! The search change log: every write that changes what an offer's index
//! entry shows adds a row here in the same transaction, and every server
//! process follows the log to update its own index. This file is the
//! search's store: the log (`search_changes`) and the search's own
//! `settings` keys; the offers it indexes are read in `offers::store`.

use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::{Any, Executor, Row};

use crate::core::{
    ids::OfferId,
    store::{Tx, now},
};

/// Change-log rows this process has written (whether committed or not):
/// a search after one of them checks the log at once instead of waiting
/// for the next periodic check.
static WRITTEN_HERE: AtomicU64 = AtomicU64::new(0);

/// How many change-log rows this process has written so far.
pub fn written_here() -> u64 {
    WRITTEN_HERE.load(Ordering::Acquire)
}

/// Notes that an offer changed (its record, status, translations, contact
/// point).
pub async fn offer_changed(tx: &mut Tx, offer_id: OfferId) -> Result<(), sqlx::Error> {
    WRITTEN_HERE.fetch_add(1, Ordering::AcqRel);
    sqlx::query("INSERT INTO search_changes (offer_id, changed_at) VALUES ($1, $2)")
        .bind(offer_id.get())
        .bind(now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Notes that every offer of an organisation changed (renamed, or about to
/// be deleted with its offers). Call before a delete, while the offers
/// still exist.
pub async fn organization_changed(tx: &mut Tx, organization_id: i64) -> Result<(), sqlx::Error> {
    WRITTEN_HERE.fetch_add(1, Ordering::AcqRel);
    sqlx::query(
        "INSERT INTO search_changes (offer_id, changed_at) SELECT id, $2 FROM offers WHERE organization_id = $1",
    )
    .bind(organization_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The database's search generation: a random token made once per
/// database, so an index directory pointed at another database rebuilds.
pub async fn generation(db: &crate::core::store::Db) -> Result<String, sqlx::Error> {
    let token = hex::encode(rand::random::<[u8; 8]>());
    sqlx::query("INSERT INTO settings (key, value) VALUES ('search_generation', $1) ON CONFLICT (key) DO NOTHING")
        .bind(&token)
        .execute(db.pool())
        .await?;
    Ok(
        sqlx::query("SELECT value FROM settings WHERE key = 'search_generation'")
            .fetch_one(db.pool())
            .await?
            .get("value"),
    )
}

/// The newest change id (0 for none).
pub async fn last_id<'e, E: Executor<'e, Database = Any>>(ex: E) -> Result<i64, sqlx::Error> {
    let row = sqlx::query("SELECT MAX(id) AS id FROM search_changes")
        .fetch_one(ex)
        .await?;
    Ok(row.get::<Option<i64>, _>("id").unwrap_or(0))
}

/// Changes after `after`, plus those of the last `window` seconds: on
/// PostgreSQL a transaction may commit after one with a higher id, so the
/// follower looks back a little and skips what it has applied already.
pub async fn since<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    after: i64,
    window: i64,
) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, offer_id, changed_at FROM search_changes WHERE id > $1 OR changed_at >= $2 ORDER BY id",
    )
    .bind(after)
    .bind(now() - window)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get("id"), r.get("offer_id"), r.get("changed_at")))
        .collect())
}

/// Deletes log rows older than `keep_secs` and remembers the newest id
/// deleted, so an index that has not seen them rebuilds instead of
/// missing them.
pub async fn prune(db: &crate::core::store::Db, keep_secs: i64) -> Result<u64, sqlx::Error> {
    let cutoff = now() - keep_secs;
    let mut tx = db.begin().await?;
    let newest: Option<i64> =
        sqlx::query("SELECT MAX(id) AS id FROM search_changes WHERE changed_at < $1")
            .bind(cutoff)
            .fetch_one(&mut *tx)
            .await?
            .get("id");
    let Some(newest) = newest else {
        return Ok(0);
    };
    let deleted = sqlx::query("DELETE FROM search_changes WHERE id <= $1")
        .bind(newest)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ('search_pruned_through', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(newest.to_string())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(deleted)
}

/// The newest change id pruned from the log (0 if none).
pub async fn pruned_through<'e, E: Executor<'e, Database = Any>>(
    ex: E,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query("SELECT value FROM settings WHERE key = 'search_pruned_through'")
        .fetch_optional(ex)
        .await?;
    Ok(row
        .and_then(|r| r.get::<String, _>("value").parse().ok())
        .unwrap_or(0))
}
