//! The personal calendar feed's secret: one per user, kept as a hash.

use sqlx::{Any, Executor, Row};

use crate::core::{
    ids::UserId,
    secrets::token_hash,
    store::{Tx, now},
};

/// Replaces the user's feed token with `token`.
pub async fn replace_calendar_feed(
    tx: &mut Tx,
    user_id: UserId,
    token: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1")
        .bind(user_id.get())
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)")
        .bind(user_id.get())
        .bind(token_hash(token))
        .bind(now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Revokes the user's feed token: the feed URL stops working (on a new
/// password, see `accounts::events::PASSWORD_CHANGED`).
pub async fn revoke_calendar_feed(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The user whose feed this token opens.
pub async fn calendar_feed_user<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token: &str,
) -> Result<Option<UserId>, sqlx::Error> {
    let row = sqlx::query("SELECT user_id FROM calendar_feeds WHERE token_hash = $1")
        .bind(token_hash(token))
        .fetch_optional(ex)
        .await?;
    Ok(row.map(|r| UserId(r.get("user_id"))))
}
