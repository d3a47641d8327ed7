//! Observations: written in batches, replaced per table and period, read
//! by table, region and period.

mod read;

pub use read::{Cells, read_once, series, series_below, totals_below};
pub use tally::Tally;

mod tally;
use sqlx::Row;

use super::{dims_from_json, dims_json};
use crate::{
    core::store::{BindFloat, Db, Tx, rows_per_insert, values_placeholders},
    monitoring::import::{Dim, Obs},
};

const COLUMNS: usize = 9;

pub async fn insert(
    tx: &mut Tx,
    dataset_id: i64,
    table_code: &str,
    rows: &[Obs],
) -> Result<(), sqlx::Error> {
    let per_statement = rows_per_insert(tx, COLUMNS);
    for chunk in rows.chunks(per_statement) {
        let sql = format!(
            "INSERT INTO stat_observations (dataset_id, table_code, region_key, period, measure,
                unit, dims, value, mark) VALUES {}",
            values_placeholders(chunk.len(), COLUMNS)
        );
        let mut q = sqlx::query(&sql);
        for o in chunk {
            q = q
                .bind(dataset_id)
                .bind(table_code)
                .bind(o.region_key.as_str())
                .bind(o.period.as_str())
                .bind(o.measure.as_str())
                .bind(o.unit.as_str())
                .bind(dims_json(&o.dims))
                // Prepared once and reused for every batch: see `bind_float`.
                .bind_float(o.value)
                .bind(o.mark.as_deref());
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Moves the observations of other datasets of `table_code` in `periods`
/// into the history (a newer export replaces them); returns how many.
pub async fn replace_periods(
    tx: &mut Tx,
    table_code: &str,
    dataset_id: i64,
    periods: &[String],
    at: i64,
) -> Result<u64, sqlx::Error> {
    let mut moved = 0;
    for chunk in periods.chunks(200) {
        let list = |first: usize| {
            (0..chunk.len())
                .map(|i| format!("${}", i + first))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let copy = format!(
            "INSERT INTO stat_observation_history (dataset_id, replaced_by, replaced_at, table_code,
                region_key, period, measure, unit, dims, value, mark)
             SELECT dataset_id, $2, $3, table_code, region_key, period, measure, unit, dims, value, mark
             FROM stat_observations
             WHERE table_code = $1 AND dataset_id <> $2 AND period IN ({})",
            list(4)
        );
        let mut q = sqlx::query(&copy)
            .bind(table_code)
            .bind(dataset_id)
            .bind(at);
        for p in chunk {
            q = q.bind(p.as_str());
        }
        moved += q.execute(&mut **tx).await?.rows_affected();
        let delete = format!(
            "DELETE FROM stat_observations
             WHERE table_code = $1 AND dataset_id <> $2 AND period IN ({})",
            list(3)
        );
        let mut q = sqlx::query(&delete).bind(table_code).bind(dataset_id);
        for p in chunk {
            q = q.bind(p.as_str());
        }
        q.execute(&mut **tx).await?;
    }
    // A dataset left without observations counts none.
    sqlx::query(
        "UPDATE stat_datasets SET observations = (SELECT COUNT(*) FROM stat_observations o WHERE o.dataset_id = stat_datasets.id)
         WHERE table_code = $1 AND id <> $2",
    )
    .bind(table_code)
    .bind(dataset_id)
    .execute(&mut **tx)
    .await?;
    Ok(moved)
}

/// The periods of `table_code` that have observations.
pub async fn stored_periods(
    db: &Db,
    table_code: &str,
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    let periods: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT period FROM stat_observations WHERE table_code = $1")
            .bind(table_code)
            .fetch_all(db.pool())
            .await?;
    Ok(periods.into_iter().collect())
}

/// One stored observation with its dataset's source and licence.
#[derive(Clone, Debug)]
pub struct Stored {
    pub table_code: String,
    pub region_key: String,
    pub period: String,
    pub measure: String,
    pub unit: String,
    /// Shared between the cells of a read that have the same dimensions.
    pub dims: std::sync::Arc<Vec<Dim>>,
    pub value: Option<f64>,
    pub mark: Option<String>,
    pub source: String,
    pub licence: String,
}

fn stored(row: sqlx::any::AnyRow) -> Stored {
    Stored {
        table_code: row.get("table_code"),
        region_key: row.get("region_key"),
        period: row.get("period"),
        measure: row.get("measure"),
        unit: row.get("unit"),
        dims: dims_from_json(row.get::<&str, _>("dims")).into(),
        value: row.get("value"),
        mark: row.get("mark"),
        source: row.get("source"),
        licence: row.get("licence"),
    }
}

/// Filters of the observations listing; `None` = any.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub table: Option<String>,
    pub region: Option<String>,
    pub period: Option<String>,
}

fn where_clause(f: &Filter) -> (String, Vec<String>) {
    let mut parts = Vec::new();
    let mut binds = Vec::new();
    for (column, value) in [
        ("o.table_code", &f.table),
        ("o.region_key", &f.region),
        ("o.period", &f.period),
    ] {
        if let Some(v) = value {
            binds.push(v.clone());
            parts.push(format!("{column} = ${}", binds.len()));
        }
    }
    let clause = if parts.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", parts.join(" AND "))
    };
    (clause, binds)
}

pub async fn count(db: &Db, f: &Filter) -> Result<i64, sqlx::Error> {
    let (clause, binds) = where_clause(f);
    let sql = format!("SELECT COUNT(*) FROM stat_observations o {clause}");
    let mut q = sqlx::query_scalar(&sql);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    q.fetch_one(db.pool()).await
}

pub async fn page(
    db: &Db,
    f: &Filter,
    offset: i64,
    limit: i64,
) -> Result<Vec<Stored>, sqlx::Error> {
    let (clause, binds) = where_clause(f);
    let sql = format!(
        "SELECT o.table_code, o.region_key, o.period, o.measure, o.unit, o.dims, o.value, o.mark,
            d.source, d.licence
         FROM stat_observations o JOIN stat_datasets d ON d.id = o.dataset_id
         {clause} ORDER BY o.id LIMIT ${} OFFSET ${}",
        binds.len() + 1,
        binds.len() + 2
    );
    let mut q = sqlx::query(&sql);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    Ok(q.bind(limit)
        .bind(offset)
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(stored)
        .collect())
}
