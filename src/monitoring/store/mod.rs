//! SQL on the statistics tables only: datasets, observations, their
//! history and the names of historic region keys.

pub mod observations;

use serde::Deserialize;
use sqlx::Row;

use super::import::{Dim, Measure};
use crate::core::store::{Db, Tx, rows_per_insert, values_placeholders};

/// A dataset as stored.
#[derive(Clone, Debug)]
pub struct DatasetRow {
    pub id: i64,
    pub source: String,
    pub table_code: String,
    pub title: String,
    pub format: String,
    pub measures: Vec<Measure>,
    pub periods: Vec<String>,
    pub licence: String,
    pub file_name: String,
    pub sha256: String,
    pub observations: i64,
    pub marks: std::collections::BTreeMap<String, u64>,
    pub imported_at: i64,
    pub imported_by: String,
    pub shipped: bool,
}

const DATASET_SELECT: &str = "SELECT id, source, table_code, title, format, measures, periods,
    licence, file_name, sha256, observations, marks, imported_at, imported_by, shipped
    FROM stat_datasets";

fn json<T: for<'a> Deserialize<'a> + Default>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_default()
}

fn dataset(row: sqlx::any::AnyRow) -> DatasetRow {
    DatasetRow {
        id: row.get("id"),
        source: row.get("source"),
        table_code: row.get("table_code"),
        title: row.get("title"),
        format: row.get("format"),
        measures: json(row.get::<&str, _>("measures")),
        periods: json(row.get::<&str, _>("periods")),
        licence: row.get("licence"),
        file_name: row.get("file_name"),
        sha256: row.get("sha256"),
        observations: row.get("observations"),
        marks: json(row.get::<&str, _>("marks")),
        imported_at: row.get("imported_at"),
        imported_by: row.get("imported_by"),
        shipped: row.get::<i64, _>("shipped") != 0,
    }
}

pub async fn dataset_by_sha(db: &Db, sha256: &str) -> Result<Option<DatasetRow>, sqlx::Error> {
    Ok(sqlx::query(&format!("{DATASET_SELECT} WHERE sha256 = $1"))
        .bind(sha256)
        .fetch_optional(db.pool())
        .await?
        .map(dataset))
}

/// Every dataset that still has observations, newest first per table.
pub async fn datasets(db: &Db) -> Result<Vec<DatasetRow>, sqlx::Error> {
    let mut rows: Vec<DatasetRow> = sqlx::query(&format!(
        "{DATASET_SELECT} WHERE observations > 0 ORDER BY table_code, id"
    ))
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(dataset)
    .collect();
    rows.sort_by(|a, b| a.table_code.cmp(&b.table_code).then(a.id.cmp(&b.id)));
    Ok(rows)
}

/// The values a dataset starts with; `finish_dataset` fills in the rest.
pub struct NewDataset<'a> {
    pub source: &'a str,
    pub table_code: &'a str,
    pub title: &'a str,
    pub format: &'a str,
    pub licence: &'a str,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub imported_at: i64,
    pub imported_by: &'a str,
    pub shipped: bool,
}

pub async fn insert_dataset(tx: &mut Tx, d: &NewDataset<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO stat_datasets (source, table_code, title, format, measures, periods, licence,
            file_name, sha256, observations, marks, imported_at, imported_by, shipped)
         VALUES ($1, $2, $3, $4, '[]', '[]', $5, $6, $7, 0, '{}', $8, $9, $10) RETURNING id",
    )
    .bind(d.source)
    .bind(d.table_code)
    .bind(d.title)
    .bind(d.format)
    .bind(d.licence)
    .bind(d.file_name)
    .bind(d.sha256)
    .bind(d.imported_at)
    .bind(d.imported_by)
    .bind(i64::from(d.shipped))
    .fetch_one(&mut **tx)
    .await
}

pub async fn set_licence(tx: &mut Tx, id: i64, licence: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE stat_datasets SET licence = $2 WHERE id = $1")
        .bind(id)
        .bind(licence)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn finish_dataset(
    tx: &mut Tx,
    id: i64,
    summary: &super::import::Summary,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE stat_datasets SET measures = $2, periods = $3, observations = $4, marks = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(serde_json::to_string(&summary.measures).unwrap_or_default())
    .bind(serde_json::to_string(&summary.periods).unwrap_or_default())
    .bind(summary.observations as i64)
    .bind(serde_json::to_string(&summary.marks).unwrap_or_default())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Every key of the official geography.
pub async fn region_keys(db: &Db) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    let keys: Vec<String> = sqlx::query_scalar("SELECT key FROM regions")
        .fetch_all(db.pool())
        .await?;
    Ok(keys.into_iter().collect())
}

/// The official names of `keys` (those the geography has).
pub async fn region_names(
    db: &Db,
    keys: &[String],
) -> Result<std::collections::HashMap<String, String>, sqlx::Error> {
    if keys.is_empty() {
        return Ok(Default::default());
    }
    let list = (1..=keys.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("SELECT key, name FROM regions WHERE key IN ({list})");
    let mut q = sqlx::query(&sql);
    for key in keys {
        q = q.bind(key.as_str());
    }
    Ok(q.fetch_all(db.pool())
        .await?
        .into_iter()
        .map(|r| (r.get("key"), r.get("name")))
        .collect())
}

/// Records names of region keys the geography does not have.
pub async fn keep_region_names(tx: &mut Tx, names: &[(String, String)]) -> Result<(), sqlx::Error> {
    for chunk in names.chunks(rows_per_insert(tx, 2)) {
        let sql = format!(
            "INSERT INTO stat_region_names (key, name) VALUES {} ON CONFLICT (key) DO NOTHING",
            values_placeholders(chunk.len(), 2)
        );
        let mut q = sqlx::query(&sql);
        for (key, name) in chunk {
            q = q.bind(key).bind(name);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// The stored form of a cell's classifiers: a JSON list of
/// `[classifier code, classifier, attribute code, attribute]`.
pub fn dims_json(dims: &[Dim]) -> String {
    let list: Vec<[&str; 4]> = dims
        .iter()
        .map(|d| {
            [
                d.classifier_code.as_str(),
                d.classifier.as_str(),
                d.attribute_code.as_str(),
                d.attribute.as_str(),
            ]
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
}

/// Reads the stored form back.
pub fn dims_from_json(text: &str) -> Vec<Dim> {
    let list: Vec<[String; 4]> = serde_json::from_str(text).unwrap_or_default();
    list.into_iter()
        .map(
            |[classifier_code, classifier, attribute_code, attribute]| Dim {
                classifier_code,
                classifier,
                attribute_code,
                attribute,
            },
        )
        .collect()
}
