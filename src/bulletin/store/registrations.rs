//! Registrations for events with ikon's own registration: in order of
//! arrival; those beyond the limit are on the waiting list and move up
//! when someone cancels.

use sqlx::{Any, Executor, Row};

use crate::core::{
    ids::PostId,
    store::{Tx, now},
};

/// How many are registered (not waiting) and waiting.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct Counts {
    pub registered: i64,
    pub waiting: i64,
}

pub async fn counts<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    post_id: PostId,
) -> Result<Counts, sqlx::Error> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(CASE WHEN waiting = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS registered,
                CAST(COALESCE(SUM(waiting), 0) AS BIGINT) AS waiting
         FROM post_registrations WHERE post_id = $1",
    )
    .bind(post_id.get())
    .fetch_one(ex)
    .await?;
    Ok(Counts {
        registered: row.get("registered"),
        waiting: row.get("waiting"),
    })
}

/// The user's registration: `Some(true)` on the waiting list.
pub async fn of_user<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    post_id: PostId,
    user_id: i64,
) -> Result<Option<bool>, sqlx::Error> {
    let row =
        sqlx::query("SELECT waiting FROM post_registrations WHERE post_id = $1 AND user_id = $2")
            .bind(post_id.get())
            .bind(user_id)
            .fetch_optional(ex)
            .await?;
    Ok(row.map(|r| r.get::<i64, _>("waiting") == 1))
}

/// Registers the user (on the waiting list when the event is full);
/// returns whether they wait. Registering twice keeps the first place.
pub async fn register(
    tx: &mut Tx,
    post_id: PostId,
    user_id: i64,
    limit: Option<i64>,
) -> Result<bool, sqlx::Error> {
    if let Some(waiting) = of_user(&mut **tx, post_id, user_id).await? {
        return Ok(waiting);
    }
    let taken = counts(&mut **tx, post_id).await?.registered;
    let waiting = limit.is_some_and(|l| taken >= l);
    sqlx::query(
        "INSERT INTO post_registrations (post_id, user_id, waiting, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(post_id.get())
    .bind(user_id)
    .bind(i64::from(waiting))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(waiting)
}

/// Cancels the user's registration; the first on the waiting list moves
/// up into a freed place.
pub async fn cancel(
    tx: &mut Tx,
    post_id: PostId,
    user_id: i64,
    limit: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let gone = sqlx::query("DELETE FROM post_registrations WHERE post_id = $1 AND user_id = $2")
        .bind(post_id.get())
        .bind(user_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    move_up(tx, post_id, limit).await?;
    Ok(gone == 1)
}

/// Fills free places from the waiting list, first come first served.
pub async fn move_up(tx: &mut Tx, post_id: PostId, limit: Option<i64>) -> Result<(), sqlx::Error> {
    let counts = counts(&mut **tx, post_id).await?;
    let free = match limit {
        Some(l) => (l - counts.registered).max(0),
        None => counts.waiting,
    };
    if free == 0 || counts.waiting == 0 {
        return Ok(());
    }
    sqlx::query(
        "UPDATE post_registrations SET waiting = 0 WHERE id IN (
            SELECT id FROM post_registrations WHERE post_id = $1 AND waiting = 1
            ORDER BY created_at, id LIMIT $2)",
    )
    .bind(post_id.get())
    .bind(free)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
