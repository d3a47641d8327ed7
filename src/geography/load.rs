//! Loads the shipped data files into the database on first start.
//!
//! `ensure_loaded` runs at every start (and for every test database), so
//! the common case — data present — is one indexed read. A load happens in
//! one transaction with multi-row inserts, guarded by a version marker in
//! `settings`: several processes starting at once on PostgreSQL queue on the
//! marker row, and the later ones find the work done. A new `DATA_VERSION`
//! updates regions in place (networks and users refer to them) and replaces
//! the postal codes.

use std::time::Instant;

use anyhow::Context;

use super::directory::{self, PostalRecord, RegionRecord};
use crate::core::store::{BindFloat, Db, Tx, rows_per_insert, search_key, values_placeholders};

/// Change whenever the data files or the way they are read change.
pub const DATA_VERSION: &str = "gv-2024-12-31;plz-osm-2023-01-11;load-1";
/// The `settings` key holding the loaded `DATA_VERSION`.
pub const MARKER: &str = "geography.data_version";

pub async fn ensure_loaded(db: &Db) -> anyhow::Result<()> {
    if loaded_version(db).await?.as_deref() == Some(DATA_VERSION) {
        return Ok(());
    }
    let started = Instant::now();
    let data = directory::read().context("reading the shipped geography")?;
    let mut tx = db.begin().await?;
    // Make sure the marker row exists, then lock it: a concurrent loader
    // waits here until the first one commits, then sees its version. The
    // first statement writes, so SQLite takes its write lock up front.
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
    write_regions(&mut tx, &data.regions).await?;
    sqlx::query("DELETE FROM postal_codes")
        .execute(&mut *tx)
        .await?;
    write_postal_codes(&mut tx, &data.postal_codes).await?;
    sqlx::query("UPDATE settings SET value = $2 WHERE key = $1")
        .bind(MARKER)
        .bind(DATA_VERSION)
        .execute(&mut *tx)
        .await?;
    tx.commit().await.context("committing the geography")?;
    tracing::info!(
        regions = data.regions.len(),
        postal_codes = data.postal_codes.len(),
        skipped_postal_rows = data.skipped_postal_rows,
        elapsed_ms = started.elapsed().as_millis() as u64,
        version = DATA_VERSION,
        "official geography loaded"
    );
    Ok(())
}

/// The version recorded by the last completed load, if any.
pub async fn loaded_version(db: &Db) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
        .bind(MARKER)
        .fetch_optional(db.pool())
        .await
}

const REGION_COLUMNS: usize = 12;

async fn write_regions(tx: &mut Tx, regions: &[RegionRecord]) -> Result<(), sqlx::Error> {
    for chunk in regions.chunks(rows_per_insert(tx, REGION_COLUMNS)) {
        let sql = format!(
            "INSERT INTO regions (key, level, name, name_search, kind, parent_key, ars,
                population, area_km2, lat, lon, postal_code)
             VALUES {}
             ON CONFLICT (key) DO UPDATE SET level = excluded.level, name = excluded.name,
                name_search = excluded.name_search, kind = excluded.kind,
                parent_key = excluded.parent_key, ars = excluded.ars,
                population = excluded.population, area_km2 = excluded.area_km2,
                lat = excluded.lat, lon = excluded.lon, postal_code = excluded.postal_code",
            values_placeholders(chunk.len(), REGION_COLUMNS)
        );
        let mut query = sqlx::query(&sql);
        for r in chunk {
            query = query
                .bind(r.key.as_str())
                .bind(r.level.code())
                .bind(r.name.as_str())
                .bind(search_key(&r.name))
                .bind(r.kind.code())
                .bind(r.parent_key.as_deref())
                .bind(r.ars.as_str())
                .bind(r.population)
                .bind(r.area_km2)
                .bind_float(r.lat)
                .bind_float(r.lon)
                .bind(r.postal_code.as_deref());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

const POSTAL_COLUMNS: usize = 3;

async fn write_postal_codes(tx: &mut Tx, rows: &[PostalRecord]) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(rows_per_insert(tx, POSTAL_COLUMNS)) {
        let sql = format!(
            "INSERT INTO postal_codes (postal_code, municipality_key, place) VALUES {}
             ON CONFLICT DO NOTHING",
            values_placeholders(chunk.len(), POSTAL_COLUMNS)
        );
        let mut query = sqlx::query(&sql);
        for p in chunk {
            query = query
                .bind(p.postal_code.as_str())
                .bind(p.municipality_key.as_str())
                .bind(p.place.as_str());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}
