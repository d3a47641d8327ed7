//! The official geography as offers need it: completing an offer's place
//! from its postal code, checking a municipality key, and the
//! municipalities of a network's Kreis for contact points and coverage.
//! Read-only; geography's own API answers other questions (by postal code
//! with places, by name) or holds the data in memory for the public
//! search, where one more cached copy would not pay.

use sqlx::{Any, Executor, Row};

/// The municipality and its centre for a postal code (the first one if the
/// postal code spans several municipalities).
pub async fn postal_code_centre<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    postal_code: &str,
) -> Result<Option<(String, Option<f64>, Option<f64>)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT r.key, r.lat, r.lon FROM postal_codes p JOIN regions r ON r.key = p.municipality_key
         WHERE p.postal_code = $1 ORDER BY r.key LIMIT 1",
    )
    .bind(postal_code)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| (r.get("key"), r.get("lat"), r.get("lon"))))
}

/// Whether a municipality key exists.
pub async fn municipality_exists<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    key: &str,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("SELECT key FROM regions WHERE key = $1 AND level = 'municipality'")
            .bind(key)
            .fetch_optional(ex)
            .await?
            .is_some(),
    )
}

/// The name of a region, e.g. the municipality an offer is in.
pub async fn region_name<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    key: &str,
) -> Result<Option<String>, sqlx::Error> {
    Ok(sqlx::query("SELECT name FROM regions WHERE key = $1")
        .bind(key)
        .fetch_optional(ex)
        .await?
        .map(|r| r.get("name")))
}

/// The municipalities of a Kreis as (key, name), by key.
pub async fn municipalities<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    kreis: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT key, name FROM regions WHERE level = 'municipality' AND SUBSTR(key, 1, 5) = $1 ORDER BY key",
    )
    .bind(kreis)
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| (r.get("key"), r.get("name")))
    .collect())
}
