//! Translations of an offer's texts (`offer_translations`).

use std::collections::HashMap;

use sqlx::{Any, Executor, Row};

use crate::core::{
    ids::{NetworkId, OfferId},
    store::{Tx, now},
};
use crate::offers::model::Translation;

pub async fn translation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    offer_id: OfferId,
    lang: &str,
) -> Result<Option<Translation>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT lang, title, summary, description, source_hash FROM offer_translations WHERE offer_id = $1 AND lang = $2",
    )
    .bind(offer_id.get())
    .bind(lang)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| Translation {
        lang: r.get("lang"),
        title: r.get("title"),
        summary: r.get("summary"),
        description: r.get("description"),
        source_hash: r.get("source_hash"),
    }))
}

/// The languages an offer is translated into, with the hash of the German
/// texts each was made from.
pub async fn saved<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    offer_id: OfferId,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query("SELECT lang, source_hash FROM offer_translations WHERE offer_id = $1")
        .bind(offer_id.get())
        .fetch_all(ex)
        .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get("lang"), r.get("source_hash")))
        .collect())
}

/// Adds or replaces the translation into `t.lang`.
pub async fn save(tx: &mut Tx, offer_id: OfferId, t: &Translation) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO offer_translations (offer_id, lang, title, summary, description, source_hash, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (offer_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary,
         description = excluded.description, source_hash = excluded.source_hash, updated_at = excluded.updated_at",
    )
    .bind(offer_id.get())
    .bind(&t.lang)
    .bind(&t.title)
    .bind(&t.summary)
    .bind(&t.description)
    .bind(&t.source_hash)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Translated titles and summaries of a network's published offers in one
/// language.
pub async fn published_in_network<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    lang: &str,
) -> Result<HashMap<OfferId, (String, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT t.offer_id, t.title, t.summary FROM offer_translations t JOIN offers o ON o.id = t.offer_id
         WHERE o.network_id = $1 AND o.status = 'published' AND t.lang = $2",
    )
    .bind(network_id.get())
    .bind(lang)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                OfferId(r.get("offer_id")),
                (r.get("title"), r.get("summary")),
            )
        })
        .collect())
}
