//! What the search index reads: published offers with their places, their
//! provider's name, the names of their places' municipalities and their
//! translations, in batches by id.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sqlx::{Any, Executor, Row};

use super::{COLUMNS, offer_from, offer_places};
use crate::core::{ids::OfferId, store::Db};
use crate::offers::model::Offer;

/// One translation of an offer's texts, kept in the index document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Texts {
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub description: String,
}

/// One published offer with what its index entry also shows.
pub struct Entry {
    pub offer: Offer,
    pub provider: String,
    /// The names of the municipalities its places are in.
    pub towns: Vec<String>,
    pub translations: Vec<Texts>,
}

fn provider_sql(filter: &str) -> String {
    format!(
        "SELECT {COLUMNS}, (SELECT name FROM organizations g WHERE g.id = offers.organization_id) AS provider
         FROM offers WHERE {filter} ORDER BY id"
    )
}

async fn translations_of<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<Texts>>, sqlx::Error> {
    let mut map: HashMap<i64, Vec<Texts>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let rows = sqlx::query(&format!(
        "SELECT offer_id, lang, title, summary, description FROM offer_translations WHERE offer_id IN ({}) ORDER BY lang",
        list.join(", ")
    ))
    .fetch_all(ex)
    .await?;
    for r in rows {
        map.entry(r.get("offer_id")).or_default().push(Texts {
            lang: r.get("lang"),
            title: r.get("title"),
            summary: r.get("summary"),
            description: r.get("description"),
        });
    }
    Ok(map)
}

async fn entries(db: &Db, rows: Vec<sqlx::any::AnyRow>) -> Result<Vec<Entry>, sqlx::Error> {
    let ids: Vec<i64> = rows.iter().map(|r| r.get("id")).collect();
    let mut tr = translations_of(db.pool(), &ids).await?;
    let mut conn = db.pool().acquire().await?;
    let mut offers: Vec<Offer> = rows.iter().map(offer_from).collect();
    offer_places::attach(&mut conn, &mut offers).await?;
    let mut towns = offer_places::place_names_of(&mut conn, &ids).await?;
    Ok(offers
        .into_iter()
        .zip(&rows)
        .map(|(offer, r)| Entry {
            translations: tr.remove(&offer.id.get()).unwrap_or_default(),
            provider: r.get::<Option<String>, _>("provider").unwrap_or_default(),
            towns: towns.remove(&offer.id.get()).unwrap_or_default(),
            offer,
        })
        .collect())
}

/// Published offers with id greater than `after`, at most `limit`.
pub async fn published_after(
    db: &Db,
    after: OfferId,
    limit: i64,
) -> Result<Vec<Entry>, sqlx::Error> {
    let sql = provider_sql("status = 'published' AND id > $1") + " LIMIT $2";
    let rows = sqlx::query(&sql)
        .bind(after.get())
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    entries(db, rows).await
}

/// The given offers if published (a missing id is gone from the index).
pub async fn published_of(db: &Db, ids: &[i64]) -> Result<Vec<Entry>, sqlx::Error> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        let list: Vec<String> = chunk.iter().map(i64::to_string).collect();
        let sql = provider_sql(&format!(
            "status = 'published' AND id IN ({})",
            list.join(", ")
        ));
        let rows = sqlx::query(&sql).fetch_all(db.pool()).await?;
        out.extend(entries(db, rows).await?);
    }
    Ok(out)
}
