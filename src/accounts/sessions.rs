//! Login sessions and API tokens, both stored in the database so that any
//! number of `ikon serve` processes share them.

use sqlx::Row;

use super::{
    model::{ACTING_USER_COLUMNS, User, UserRow},
    secrets::{random_token, token_hash},
};
use crate::core::store::{Db, now};

pub const SESSION_COOKIE: &str = "ikon_session";
/// API tokens carry a prefix so that leaked ones are easy to recognise.
pub const API_TOKEN_PREFIX: &str = "ikon_";
/// How stale a token's "last used" time may get before it is written again.
const LAST_USED_PRECISION_SECS: i64 = 60;

/// Starts a session and returns the cookie value.
pub async fn create(db: &Db, user_id: i64, days: i64) -> Result<String, sqlx::Error> {
    let token = random_token();
    let at = now();
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(at)
    .bind(at + days * 86_400)
    .execute(db.pool())
    .await?;
    Ok(token)
}

/// The user behind a session cookie, if the session is live.
pub async fn user_for_session(db: &Db, token: &str) -> Result<Option<User>, sqlx::Error> {
    let sql = format!(
        "SELECT {} FROM users u JOIN sessions s ON s.user_id = u.id WHERE s.id_hash = $1 AND s.expires_at > $2",
        ACTING_USER_COLUMNS
    );
    let row: Option<UserRow> = sqlx::query_as(&sql)
        .bind(token_hash(token))
        .bind(now())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(UserRow::into_user))
}

pub async fn end(db: &Db, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(token_hash(token))
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Logs a user out everywhere (after a password change or reset).
pub async fn end_all(tx: &mut crate::core::store::Tx, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The user behind an API token (`Authorization: Bearer ikon_…`).
pub async fn user_for_api_token(db: &Db, token: &str) -> Result<Option<User>, sqlx::Error> {
    if !token.starts_with(API_TOKEN_PREFIX) {
        return Ok(None);
    }
    let hash = token_hash(token);
    let sql = format!(
        "SELECT {}, t.last_used_at AS token_used_at FROM users u JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
        ACTING_USER_COLUMNS
    );
    let Some(found) = sqlx::query(&sql)
        .bind(&hash)
        .fetch_optional(db.pool())
        .await?
    else {
        return Ok(None);
    };
    // "Last used" is shown to the owner by the minute; recording it on every
    // request would add a write to each API call.
    let used_at: Option<i64> = found.try_get("token_used_at")?;
    let at = now();
    if used_at.is_none_or(|t| at - t >= LAST_USED_PRECISION_SECS) {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
            .bind(at)
            .bind(&hash)
            .execute(db.pool())
            .await?;
    }
    let row = <UserRow as sqlx::FromRow<'_, sqlx::any::AnyRow>>::from_row(&found)?;
    Ok(row.into_user())
}

/// Creates an API token and returns it; it is shown this one time only.
pub async fn create_api_token(db: &Db, user_id: i64, name: &str) -> Result<String, sqlx::Error> {
    let token = format!("{API_TOKEN_PREFIX}{}", random_token());
    sqlx::query(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(name)
    .bind(token_hash(&token))
    .bind(now())
    .execute(db.pool())
    .await?;
    Ok(token)
}

#[derive(Debug, serde::Serialize)]
pub struct ApiTokenView {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

pub async fn list_api_tokens(db: &Db, user_id: i64) -> Result<Vec<ApiTokenView>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ApiTokenView {
            id: r.get("id"),
            name: r.get("name"),
            created_at: r.get("created_at"),
            last_used_at: r.get("last_used_at"),
        })
        .collect())
}

/// Revokes one of the user's own tokens; false if there was none.
pub async fn revoke_api_token(db: &Db, user_id: i64, token_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(token_id)
    .bind(user_id)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}
