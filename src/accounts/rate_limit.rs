//! Login throttling that slows an attacker without locking out the owner.
//!
//! Three counters per 15-minute window, kept in the database so every
//! `ikon serve` process sees them: failures of one account from one
//! address, failures from one address (any account), and failures of one
//! account from anywhere. Each attempt raises its counters *before* the
//! password is checked, in one atomic statement per counter, so a burst of
//! parallel guesses gets no more checks than the limit allows; a correct
//! password then takes its attempts back.
//!
//! - Account and address: 5 failures, then that address must wait for
//!   this account (other addresses, e.g. the owner at home, are not
//!   affected).
//! - Address: 50 failures across accounts (password spraying), then that
//!   address waits. Behind a reverse proxy the address comes from
//!   `X-Forwarded-For` of a trusted proxy (`trusted_proxies`).
//! - Account: after 10 failures from anywhere, every further attempt on
//!   that account is answered only after a short delay — a distributed
//!   attack is slowed, the owner still gets in with the right password.
//!
//! Password checks themselves are bounded (see [`PasswordChecks`]).

use std::{net::IpAddr, time::Duration};

use sqlx::Row;

use crate::core::store::{Db, now};

pub const PER_ACCOUNT_AND_ADDRESS: i64 = 5;
pub const PER_ADDRESS: i64 = 50;
/// Failures of one account from anywhere after which attempts are slowed.
pub const SLOW_AFTER: i64 = 10;
pub const SLOW_DOWN: Duration = Duration::from_secs(2);
pub const WINDOW_SECS: i64 = 15 * 60;

/// What the throttle decided about one attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Check the password, after waiting this long.
    Check(Duration),
    /// Refuse without checking; the counters reset after this many seconds.
    Refuse { retry_after: i64 },
}

/// The counters one attempt raises.
pub struct Attempt {
    keys: [String; 3],
}

impl Attempt {
    pub fn new(account: &str, ip: IpAddr) -> Self {
        Attempt {
            keys: [
                format!("pair:{account}|{ip}"),
                format!("ip:{ip}"),
                format!("account:{account}"),
            ],
        }
    }

    /// Counts the attempt and decides.
    pub async fn begin(&self, db: &Db) -> Result<Verdict, sqlx::Error> {
        let mut counts = [0i64; 3];
        let mut oldest = now();
        for (key, count) in self.keys.iter().zip(counts.iter_mut()) {
            let (n, since) = raise(db, key).await?;
            *count = n;
            oldest = oldest.min(since);
        }
        let [pair, address, account] = counts;
        if pair > PER_ACCOUNT_AND_ADDRESS || address > PER_ADDRESS {
            // Refused attempts do not count against the account: they
            // never reached a password check.
            lower(db, &self.keys[2]).await?;
            return Ok(Verdict::Refuse {
                retry_after: (oldest + WINDOW_SECS - now()).max(1),
            });
        }
        Ok(Verdict::Check(if account > SLOW_AFTER {
            SLOW_DOWN
        } else {
            Duration::ZERO
        }))
    }

    /// The password was right: this account's failures are forgiven (the
    /// address keeps its count of failures at other accounts).
    pub async fn succeeded(&self, db: &Db) -> Result<(), sqlx::Error> {
        for key in [&self.keys[0], &self.keys[2]] {
            sqlx::query("DELETE FROM login_throttle WHERE key = $1")
                .bind(key)
                .execute(db.pool())
                .await?;
        }
        lower(db, &self.keys[1]).await
    }
}

/// Raises a counter by one, starting a new window when the last one is
/// over; returns the count and when its window started. One statement,
/// so concurrent attempts each get their own count.
async fn raise(db: &Db, key: &str) -> Result<(i64, i64), sqlx::Error> {
    let at = now();
    let row = sqlx::query(
        "INSERT INTO login_throttle (key, failures, window_start) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN login_throttle.window_start < $3 THEN 1 ELSE login_throttle.failures + 1 END,
            window_start = CASE WHEN login_throttle.window_start < $3 THEN $2 ELSE login_throttle.window_start END
         RETURNING failures, window_start",
    )
    .bind(key)
    .bind(at)
    .bind(at - WINDOW_SECS)
    .fetch_one(db.pool())
    .await?;
    Ok((row.get("failures"), row.get("window_start")))
}

async fn lower(db: &Db, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE login_throttle SET failures = failures - 1 WHERE key = $1 AND failures > 0",
    )
    .bind(key)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Forgets windows that are over (called now and then).
pub async fn prune(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_throttle WHERE window_start < $1")
        .bind(now() - WINDOW_SECS)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// At most one Argon2 check per core at a time, and a short queue: each
/// check takes ~20 MB and tens of milliseconds, so a flood of logins must
/// not take the memory and the cores from everyone else. Beyond the queue
/// an attempt is told to come back (503 with `Retry-After`).
pub struct PasswordChecks {
    running: tokio::sync::Semaphore,
    waiting: std::sync::atomic::AtomicUsize,
    max_waiting: usize,
}

impl Default for PasswordChecks {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        PasswordChecks {
            running: tokio::sync::Semaphore::new(cores),
            waiting: Default::default(),
            max_waiting: 16 * cores,
        }
    }
}

impl PasswordChecks {
    /// Verifies `password` against `hash` when a slot is free; `None` when
    /// too many checks are queued already.
    pub async fn verify(&self, password: String, hash: String) -> Option<bool> {
        use std::sync::atomic::Ordering;
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        let permit = self.running.acquire().await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        let _permit = permit.ok()?;
        let ok =
            tokio::task::spawn_blocking(move || super::secrets::verify_password(&password, &hash))
                .await
                .unwrap_or(false);
        Some(ok)
    }
}
