//! The statistics ikon ships (data/statistics, data/README.md), loaded
//! into the observations store so that a coordinator sees her county's
//! situation with nothing imported.
//!
//! `ensure_loaded` is guarded by a version marker in `settings` exactly as
//! the geography is: one indexed read when the data is there; otherwise
//! one transaction that locks the marker row (concurrent starts queue),
//! removes the previously shipped datasets and writes the current ones.
//! `ikon serve` and `ikon migrate` load at start; the statistics pages and
//! API make sure of it on first use, so that databases which never show
//! statistics (e.g. most test databases) do not pay for it.

pub mod sources;

use std::{collections::BTreeMap, time::Instant};

use anyhow::Context;
use sha2::{Digest, Sha256};

use super::import::{Input, import_in};
use crate::{
    core::{
        audit::Actor,
        store::{Db, Tx, now},
    },
    monitoring::{
        import::{Summary, Tally},
        store::{self, NewDataset, observations},
    },
};

/// Change whenever the shipped files or the way they are read change.
pub const DATA_VERSION: &str = "statistics-2026-12-04;load-2";
/// The `settings` key holding the loaded `DATA_VERSION`.
pub const MARKER: &str = "statistics.data_version";
/// Who the audit log names for the shipped data.
const ACTOR: &str = "shipped statistics";

pub async fn loaded_version(db: &Db) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
        .bind(MARKER)
        .fetch_optional(db.pool())
        .await
}

pub async fn ensure_loaded(db: &Db) -> anyhow::Result<()> {
    if loaded_version(db).await?.as_deref() == Some(DATA_VERSION) {
        return Ok(());
    }
    let started = Instant::now();
    let geography = store::region_keys(db).await?;
    let tables = tokio::task::spawn_blocking(|| -> anyhow::Result<Vec<sources::Table>> {
        Ok(vec![
            sources::population()?,
            sources::residence_status()?,
            sources::inkar()?,
            sources::census()?,
            sources::labour_market()?,
        ])
    })
    .await??;
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO settings (key, value) VALUES ($1, '') ON CONFLICT (key) DO NOTHING")
        .bind(MARKER)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE settings SET value = value WHERE key = $1")
        .bind(MARKER)
        .execute(&mut *tx)
        .await?;
    let current: String = sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
        .bind(MARKER)
        .fetch_one(&mut *tx)
        .await?;
    if current == DATA_VERSION {
        tx.commit().await?;
        return Ok(());
    }
    sqlx::query("DELETE FROM stat_observations WHERE dataset_id IN (SELECT id FROM stat_datasets WHERE shipped = 1)")
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM stat_datasets WHERE shipped = 1")
        .execute(&mut *tx)
        .await?;
    let mut count = 0;
    for table in &tables {
        count += write_table(&mut tx, table).await?;
    }
    for (name, bytes) in sources::GENESIS {
        let sha = hex::encode(Sha256::digest(bytes));
        let report = import_in(
            &mut tx,
            Input::Bytes(bytes),
            &sha,
            name,
            Actor::System(ACTOR),
            true,
            &geography,
        )
        .await?
        .map_err(|e| anyhow::anyhow!("shipped table {e}"))?;
        count += report.observations;
    }
    sqlx::query("UPDATE settings SET value = $2 WHERE key = $1")
        .bind(MARKER)
        .bind(DATA_VERSION)
        .execute(&mut *tx)
        .await?;
    tx.commit()
        .await
        .context("committing the shipped statistics")?;
    tracing::info!(
        observations = count,
        elapsed_ms = started.elapsed().as_millis() as u64,
        version = DATA_VERSION,
        "shipped statistics loaded"
    );
    Ok(())
}

async fn write_table(tx: &mut Tx, table: &sources::Table) -> anyhow::Result<u64> {
    let sha = hex::encode(Sha256::digest(format!(
        "{}:{}",
        DATA_VERSION, table.table_code
    )));
    let id = store::insert_dataset(
        tx,
        &NewDataset {
            source: table.source,
            table_code: table.table_code,
            title: table.title,
            format: "shipped",
            licence: table.licence,
            file_name: table.file_name,
            sha256: &sha,
            imported_at: now(),
            imported_by: ACTOR,
            shipped: true,
        },
    )
    .await?;
    let names: BTreeMap<&str, &str> = table.measure_names.iter().copied().collect();
    let mut tally = Tally::default();
    for o in &table.rows {
        tally.add(
            o,
            names.get(o.measure.as_str()).copied().unwrap_or(&o.measure),
        );
    }
    let summary: Summary = tally.finish();
    observations::insert(tx, id, table.table_code, &table.rows).await?;
    store::finish_dataset(tx, id, &summary).await?;
    Ok(summary.observations)
}
