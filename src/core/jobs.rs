//! A job queue in the database. Jobs are enqueued in the same transaction
//! as the change that causes them, claimed with `FOR UPDATE SKIP LOCKED` on
//! PostgreSQL (so several `ikon serve` processes share the queue), retried
//! with exponential backoff, and never deleted: a job that exhausts its
//! attempts is marked failed and stays visible.

use std::time::Duration;

use serde::Serialize;
use sqlx::Row;

use crate::core::{
    store::{Backend, Db, Tx, now},
    web::{App, parts::Sweep},
};

/// How long a claimed job is reserved before another process may retry it.
const LEASE_SECS: i64 = 300;
const MAX_ATTEMPTS: i64 = 12;
/// What a finished job's payload becomes.
const SCRUBBED: &str = "{\"scrubbed\":true}";

#[derive(Debug)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
    pub max_attempts: i64,
}

pub async fn enqueue(
    tx: &mut Tx,
    kind: &str,
    payload: &impl Serialize,
) -> Result<i64, sqlx::Error> {
    let payload = serde_json::to_string(payload).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let at = now();
    let row = sqlx::query(
        "INSERT INTO jobs (kind, payload, run_at, attempts, max_attempts, created_at) VALUES ($1, $2, $3, 0, $4, $5) RETURNING id",
    )
    .bind(kind)
    .bind(payload)
    .bind(at)
    .bind(MAX_ATTEMPTS)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.get("id"))
}

/// Takes the next due job, or none.
pub async fn claim(db: &Db) -> Result<Option<Job>, sqlx::Error> {
    let lock = match db.backend() {
        Backend::Postgres => "FOR UPDATE SKIP LOCKED",
        // SQLite has one writer at a time; the UPDATE itself is the lock.
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 WHERE id = (
            SELECT id FROM jobs
            WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $2
              AND (locked_until IS NULL OR locked_until < $2)
            ORDER BY run_at, id LIMIT 1 {lock})
         RETURNING id, kind, payload, attempts, max_attempts"
    );
    let at = now();
    let row = sqlx::query(&sql)
        .bind(at + LEASE_SECS)
        .bind(at)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|r| Job {
        id: r.get("id"),
        kind: r.get("kind"),
        payload: r.get("payload"),
        attempts: r.get("attempts"),
        max_attempts: r.get("max_attempts"),
    }))
}

async fn finish(db: &Db, job: &Job, outcome: anyhow::Result<()>) -> Result<(), sqlx::Error> {
    match outcome {
        Ok(()) => {
            // The payload may carry working secrets (a password-reset or
            // registration link in a mail): once done, it is not kept.
            sqlx::query("UPDATE jobs SET done_at = $1, locked_until = NULL, last_error = NULL, payload = $2 WHERE id = $3")
                .bind(now())
                .bind(SCRUBBED)
                .bind(job.id)
                .execute(db.pool())
                .await?;
        }
        Err(error) => {
            let message = format!("{error:#}");
            tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, "job failed: {message}");
            if job.attempts >= job.max_attempts {
                sqlx::query("UPDATE jobs SET failed_at = $1, locked_until = NULL, last_error = $2, payload = $3 WHERE id = $4")
                    .bind(now())
                    .bind(message)
                    .bind(SCRUBBED)
                    .bind(job.id)
                    .execute(db.pool())
                    .await?;
            } else {
                sqlx::query("UPDATE jobs SET run_at = $1, locked_until = NULL, last_error = $2 WHERE id = $3")
                    .bind(now() + backoff_secs(job.attempts))
                    .bind(message)
                    .bind(job.id)
                    .execute(db.pool())
                    .await?;
            }
        }
    }
    Ok(())
}

/// 30 s, 1 min, 2 min, … capped at 2 hours.
pub fn backoff_secs(attempts: i64) -> i64 {
    (30_i64 << attempts.clamp(1, 16).saturating_sub(1)).min(7200)
}

/// Runs a job through the handler its capability registered for its kind
/// (see [`Parts::job`](crate::core::web::Parts::job)).
async fn perform(app: &App, job: &Job) -> anyhow::Result<()> {
    match app.job_handler(&job.kind) {
        Some(handler) => handler(app.clone(), job.payload.clone()).await,
        None => anyhow::bail!("unknown job kind {}", job.kind),
    }
}

/// Runs every job that is due now; returns how many ran.
pub async fn run_due(app: &App) -> Result<usize, sqlx::Error> {
    let mut count = 0;
    while let Some(job) = claim(&app.db).await? {
        let outcome = perform(app, &job).await;
        finish(&app.db, &job, outcome).await?;
        count += 1;
    }
    Ok(count)
}

/// The background worker of `ikon serve`: polls every few seconds and
/// wakes at once when this process enqueues a job.
pub async fn worker(app: App, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        if let Err(e) = run_due(&app).await {
            tracing::error!("job runner: {e}");
        }
        tokio::select! {
            _ = app.jobs_ready.notified() => {}
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
            _ = stop.changed() => return,
        }
    }
}

/// Starts the background work of `ikon serve` after the capabilities'
/// start hooks ran: the job worker, their long-running tasks and their
/// periodic sweeps. Each ends when `stop` turns true.
pub async fn start(
    app: &App,
    stop: &tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<Vec<tokio::task::JoinHandle<()>>> {
    for hook in app.start_hooks() {
        hook(app.clone()).await?;
    }
    let mut running = vec![tokio::spawn(worker(app.clone(), stop.clone()))];
    for task in app.tasks() {
        running.push(tokio::spawn(task(app.clone(), stop.clone())));
    }
    for sweep in app.sweeps() {
        running.push(tokio::spawn(every(app.clone(), stop.clone(), *sweep)));
    }
    Ok(running)
}

/// Runs a sweep at start and then every period until the server stops.
/// If it queued anything, the worker wakes at once.
async fn every(app: App, mut stop: tokio::sync::watch::Receiver<bool>, sweep: Sweep) {
    loop {
        match (sweep.run)(app.clone()).await {
            Ok(0) => {}
            Ok(queued) => {
                tracing::info!("{}: {queued} queued", sweep.name);
                app.jobs_ready.notify_one();
            }
            Err(e) => tracing::error!("{}: {e:#}", sweep.name),
        }
        tokio::select! {
            _ = tokio::time::sleep(sweep.every) => {}
            _ = stop.changed() => return,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct QueueCounts {
    pub pending: i64,
    pub failed: i64,
}

pub async fn counts(db: &Db) -> Result<QueueCounts, sqlx::Error> {
    let row = sqlx::query(
        "SELECT
            CAST(COALESCE(SUM(CASE WHEN done_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS pending,
            CAST(COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS failed
         FROM jobs",
    )
    .fetch_one(db.pool())
    .await?;
    Ok(QueueCounts {
        pending: row.get("pending"),
        failed: row.get("failed"),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(super::backoff_secs(1), 30);
        assert_eq!(super::backoff_secs(2), 60);
        assert_eq!(super::backoff_secs(3), 120);
        assert_eq!(super::backoff_secs(20), 7200);
    }
}
