//! Login throttling per account and per IP address, kept in the database
//! so that every `ikon serve` process sees the same counts.

use sqlx::Row;

use crate::core::store::{Db, now};

/// Failed attempts allowed per account within the window.
pub const PER_ACCOUNT: i64 = 5;
/// Failed attempts allowed per IP address within the window.
pub const PER_IP: i64 = 20;
pub const WINDOW_SECS: i64 = 15 * 60;

pub async fn is_blocked(db: &Db, account: &str, ip: &str) -> Result<bool, sqlx::Error> {
    let since = now() - WINDOW_SECS;
    let row = sqlx::query(
        "SELECT
            (SELECT COUNT(*) FROM login_attempts WHERE account = $1 AND at > $3 AND success = 0) AS by_account,
            (SELECT COUNT(*) FROM login_attempts WHERE ip = $2 AND at > $3 AND success = 0) AS by_ip",
    )
    .bind(account)
    .bind(ip)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(row.get::<i64, _>("by_account") >= PER_ACCOUNT || row.get::<i64, _>("by_ip") >= PER_IP)
}

pub async fn record(db: &Db, account: &str, ip: &str, success: bool) -> Result<(), sqlx::Error> {
    let at = now();
    sqlx::query("INSERT INTO login_attempts (account, ip, at, success) VALUES ($1, $2, $3, $4)")
        .bind(account)
        .bind(ip)
        .bind(at)
        .bind(i64::from(success))
        .execute(db.pool())
        .await?;
    if success {
        // A successful login clears the account's failures.
        sqlx::query("DELETE FROM login_attempts WHERE account = $1 AND success = 0")
            .bind(account)
            .execute(db.pool())
            .await?;
    }
    sqlx::query("DELETE FROM login_attempts WHERE at < $1")
        .bind(at - 24 * 3600)
        .execute(db.pool())
        .await?;
    Ok(())
}
