//! SQL on the situation report's tables only.

use sqlx::{Any, Executor, Row};

use super::model::{Commentary, Report, ReportRecord};
use crate::core::{
    ids::NetworkId,
    store::{Tx, now},
};

/// Every commentary of a network.
pub async fn commentaries<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<Commentary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT indicator, body, author_name, updated_at FROM situation_commentaries
         WHERE network_id = $1 ORDER BY indicator",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Commentary {
            indicator: r.get("indicator"),
            body: r.get("body"),
            author_name: r.get("author_name"),
            updated_at: r.get("updated_at"),
        })
        .collect())
}

/// Writes (or replaces) the commentary on an indicator.
pub async fn save_commentary(
    tx: &mut Tx,
    network_id: NetworkId,
    indicator: &str,
    body: &str,
    (author_id, author_name): (Option<i64>, &str),
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO situation_commentaries (network_id, indicator, body, author_id, author_name, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (network_id, indicator) DO UPDATE SET body = excluded.body,
           author_id = excluded.author_id, author_name = excluded.author_name,
           updated_at = excluded.updated_at",
    )
    .bind(network_id.get())
    .bind(indicator)
    .bind(body)
    .bind(author_id)
    .bind(author_name)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The network's report, if one was written.
pub async fn report<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Option<Report>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT title, introduction, indicators, updated_at, published_at, published_by
         FROM situation_reports WHERE network_id = $1",
    )
    .bind(network_id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| Report {
        title: r.get("title"),
        introduction: r.get("introduction"),
        indicators: r
            .get::<String, _>("indicators")
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        updated_at: r.get("updated_at"),
        published_at: r.get("published_at"),
        published_by: r.get("published_by"),
    }))
}

/// Writes the report's title, introduction and indicators; a published
/// report stays published.
pub async fn save_report(
    tx: &mut Tx,
    network_id: NetworkId,
    record: &ReportRecord,
    by: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO situation_reports (network_id, title, introduction, indicators, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (network_id) DO UPDATE SET title = excluded.title,
           introduction = excluded.introduction, indicators = excluded.indicators,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(network_id.get())
    .bind(&record.title)
    .bind(&record.introduction)
    .bind(record.indicators.join(","))
    .bind(now())
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Publishes (by a user, or by the system with `None`) or withdraws the
/// report.
pub async fn set_published(
    tx: &mut Tx,
    network_id: NetworkId,
    published: bool,
    by: Option<i64>,
) -> Result<(), sqlx::Error> {
    let at = published.then(now);
    let by = by.filter(|_| published);
    sqlx::query(
        "UPDATE situation_reports SET published_at = $1, published_by = $2 WHERE network_id = $3",
    )
    .bind(at)
    .bind(by)
    .bind(network_id.get())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
