//! One-time tokens for first-run setup and password reset: random, stored
//! hashed, expiring, usable once.

use sqlx::Row;

use super::secrets::{random_token, token_hash};
use crate::core::store::{Db, Tx, now};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Setup,
    PasswordReset,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Setup => "setup",
            Purpose::PasswordReset => "password_reset",
        }
    }
}

pub async fn issue(
    tx: &mut Tx,
    purpose: Purpose,
    user_id: Option<i64>,
    valid_secs: i64,
) -> Result<String, sqlx::Error> {
    let token = random_token();
    let at = now();
    sqlx::query(
        "INSERT INTO one_time_tokens (token_hash, purpose, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(purpose.code())
    .bind(user_id)
    .bind(at)
    .bind(at + valid_secs)
    .execute(&mut **tx)
    .await?;
    Ok(token)
}

/// The token's user (if any) when it is live; `Some(None)` for a live
/// token without user (setup).
pub async fn check(
    db: &Db,
    purpose: Purpose,
    token: &str,
) -> Result<Option<Option<i64>>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT user_id FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash(token))
    .bind(purpose.code())
    .bind(now())
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| r.get("user_id")))
}

/// Marks the token used; false if it was used or expired meanwhile (so
/// two concurrent submissions cannot both succeed).
pub async fn consume(tx: &mut Tx, purpose: Purpose, token: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE one_time_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now())
    .bind(token_hash(token))
    .bind(purpose.code())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many tokens of this purpose were issued for the user recently.
pub async fn recent_count(
    db: &Db,
    purpose: Purpose,
    user_id: i64,
    since_secs: i64,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM one_time_tokens WHERE purpose = $1 AND user_id = $2 AND created_at > $3",
    )
    .bind(purpose.code())
    .bind(user_id)
    .bind(now() - since_secs)
    .fetch_one(db.pool())
    .await?;
    Ok(row.get("n"))
}
