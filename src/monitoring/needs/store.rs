//! SQL on the special-needs tables only.

use std::collections::HashMap;

use sqlx::{Any, Executor, Row, any::AnyRow};

use super::model::{Need, NeedRecord};
use crate::core::{
    ids::{NeedId, NetworkId, OfferId},
    store::{Tx, now},
};

const COLUMNS: &str = "id, network_id, kind, other_kind, age_from, age_to, estimated_size, whole_kreis, source, estimated_on, notes, created_at, updated_at";

fn need_from(r: &AnyRow) -> Need {
    Need {
        id: NeedId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        kind: r.get("kind"),
        other_kind: r.get("other_kind"),
        age_from: r.get("age_from"),
        age_to: r.get("age_to"),
        estimated_size: r.get("estimated_size"),
        whole_kreis: r.get::<i64, _>("whole_kreis") != 0,
        municipalities: Vec::new(),
        source: r.get("source"),
        estimated_on: r.get("estimated_on"),
        notes: r.get("notes"),
        offers: Vec::new(),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }
}

/// Fills in the municipalities and offers of the network's groups, in two
/// queries.
async fn complete<'e, E: Executor<'e, Database = Any> + Copy>(
    ex: E,
    network_id: NetworkId,
    mut list: Vec<Need>,
) -> Result<Vec<Need>, sqlx::Error> {
    let mut areas: HashMap<i64, Vec<String>> = HashMap::new();
    for r in sqlx::query(
        "SELECT a.need_id, a.municipality_key FROM special_need_areas a
         JOIN special_needs n ON n.id = a.need_id WHERE n.network_id = $1 ORDER BY a.municipality_key",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?
    {
        areas
            .entry(r.get("need_id"))
            .or_default()
            .push(r.get("municipality_key"));
    }
    let mut offers: HashMap<i64, Vec<OfferId>> = HashMap::new();
    for r in sqlx::query(
        "SELECT o.need_id, o.offer_id FROM special_need_offers o
         JOIN special_needs n ON n.id = o.need_id WHERE n.network_id = $1 ORDER BY o.offer_id",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?
    {
        offers
            .entry(r.get("need_id"))
            .or_default()
            .push(OfferId(r.get("offer_id")));
    }
    for n in &mut list {
        n.municipalities = areas.remove(&n.id.get()).unwrap_or_default();
        n.offers = offers.remove(&n.id.get()).unwrap_or_default();
    }
    Ok(list)
}

/// Every group of a network, oldest first.
pub async fn needs<'e, E: Executor<'e, Database = Any> + Copy>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<Need>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM special_needs WHERE network_id = $1 ORDER BY id"
    ))
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    complete(ex, network_id, rows.iter().map(need_from).collect()).await
}

/// One group with its municipalities and offers.
pub async fn need<'e, E: Executor<'e, Database = Any> + Copy>(
    ex: E,
    id: NeedId,
) -> Result<Option<Need>, sqlx::Error> {
    let Some(row) = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM special_needs WHERE id = $1"
    ))
    .bind(id.get())
    .fetch_optional(ex)
    .await?
    else {
        return Ok(None);
    };
    let n = need_from(&row);
    let network_id = n.network_id;
    Ok(complete(ex, network_id, vec![n])
        .await?
        .into_iter()
        .find(|n| n.id == id))
}

async fn insert_links(tx: &mut Tx, id: NeedId, record: &NeedRecord) -> Result<(), sqlx::Error> {
    for key in &record.municipalities {
        sqlx::query("INSERT INTO special_need_areas (need_id, municipality_key) VALUES ($1, $2)")
            .bind(id.get())
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    for offer in &record.offers {
        sqlx::query("INSERT INTO special_need_offers (need_id, offer_id) VALUES ($1, $2)")
            .bind(id.get())
            .bind(offer.get())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn delete_links(tx: &mut Tx, id: NeedId) -> Result<(), sqlx::Error> {
    for table in ["special_need_areas", "special_need_offers"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE need_id = $1"))
            .bind(id.get())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub async fn create(
    tx: &mut Tx,
    network_id: NetworkId,
    record: &NeedRecord,
) -> Result<NeedId, sqlx::Error> {
    let id: i64 = sqlx::query(
        "INSERT INTO special_needs
         (network_id, kind, other_kind, age_from, age_to, estimated_size, whole_kreis, source, estimated_on, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    )
    .bind(network_id.get())
    .bind(&record.kind)
    .bind(&record.other_kind)
    .bind(record.age_from)
    .bind(record.age_to)
    .bind(record.estimated_size)
    .bind(i64::from(record.whole_kreis))
    .bind(&record.source)
    .bind(record.estimated_on.clone())
    .bind(&record.notes)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    let id = NeedId(id);
    insert_links(tx, id, record).await?;
    Ok(id)
}

pub async fn update(tx: &mut Tx, id: NeedId, record: &NeedRecord) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE special_needs SET kind = $1, other_kind = $2, age_from = $3, age_to = $4,
         estimated_size = $5, whole_kreis = $6, source = $7, estimated_on = $8, notes = $9,
         updated_at = $10 WHERE id = $11",
    )
    .bind(&record.kind)
    .bind(&record.other_kind)
    .bind(record.age_from)
    .bind(record.age_to)
    .bind(record.estimated_size)
    .bind(i64::from(record.whole_kreis))
    .bind(&record.source)
    .bind(record.estimated_on.clone())
    .bind(&record.notes)
    .bind(now())
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    delete_links(tx, id).await?;
    insert_links(tx, id, record).await
}

pub async fn delete(tx: &mut Tx, id: NeedId) -> Result<(), sqlx::Error> {
    delete_links(tx, id).await?;
    sqlx::query("DELETE FROM special_needs WHERE id = $1")
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}
