//! Contact points: the designation of an offer (target groups, whole Kreis
//! or some municipalities) and the published ones of a Kreis.

use std::collections::HashMap;

use sqlx::{Any, Executor, Row};

use super::{COLUMNS, offer_from, split};
use crate::core::{
    ids::OfferId,
    store::{Tx, now},
};
use crate::offers::model::{ContactPoint, Offer};

pub async fn get<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    offer_id: OfferId,
) -> Result<Option<ContactPoint>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.target_groups, c.whole_kreis, a.municipality_key
         FROM contact_points c LEFT JOIN contact_point_areas a ON a.offer_id = c.offer_id
         WHERE c.offer_id = $1 ORDER BY a.municipality_key",
    )
    .bind(offer_id.get())
    .fetch_all(ex)
    .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    Ok(Some(ContactPoint {
        target_groups: split(first.get("target_groups")),
        whole_kreis: first.get::<i64, _>("whole_kreis") != 0,
        municipalities: rows
            .iter()
            .filter_map(|r| r.get::<Option<String>, _>("municipality_key"))
            .collect(),
    }))
}

/// Replaces the designation of an offer; no target group removes it.
pub async fn set(tx: &mut Tx, offer_id: OfferId, point: &ContactPoint) -> Result<(), sqlx::Error> {
    for table in ["contact_point_areas", "contact_points"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE offer_id = $1"))
            .bind(offer_id.get())
            .execute(&mut **tx)
            .await?;
    }
    if point.target_groups.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO contact_points (offer_id, target_groups, whole_kreis, updated_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(offer_id.get())
    .bind(point.target_groups.join(","))
    .bind(i64::from(point.whole_kreis))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    for key in &point.municipalities {
        sqlx::query("INSERT INTO contact_point_areas (offer_id, municipality_key) VALUES ($1, $2)")
            .bind(offer_id.get())
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// A published contact point: the offer, its provider's name and its
/// designation.
pub type Published = (Offer, String, ContactPoint);

/// The published contact points of the network of a Kreis, with their
/// provider's name, by title.
pub async fn published_in<'e, E: Executor<'e, Database = Any> + Copy>(
    ex: E,
    kreis: &str,
) -> Result<Vec<Published>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, (SELECT name FROM organizations g WHERE g.id = offers.organization_id) AS provider,
         (SELECT c.target_groups FROM contact_points c WHERE c.offer_id = offers.id) AS cp_groups,
         (SELECT c.whole_kreis FROM contact_points c WHERE c.offer_id = offers.id) AS cp_whole_kreis
         FROM offers WHERE status = 'published'
         AND network_id IN (SELECT id FROM networks WHERE region_key = $1)
         AND id IN (SELECT offer_id FROM contact_points)
         ORDER BY title, id"
    ))
    .bind(kreis)
    .fetch_all(ex)
    .await?;
    let mut areas: HashMap<i64, Vec<String>> = HashMap::new();
    if !rows.is_empty() {
        // Ids are integers from the database, so they can be listed inline.
        let ids: Vec<String> = rows
            .iter()
            .map(|r| r.get::<i64, _>("id").to_string())
            .collect();
        let sql = format!(
            "SELECT offer_id, municipality_key FROM contact_point_areas WHERE offer_id IN ({}) ORDER BY municipality_key",
            ids.join(", ")
        );
        for r in sqlx::query(&sql).fetch_all(ex).await? {
            areas
                .entry(r.get("offer_id"))
                .or_default()
                .push(r.get("municipality_key"));
        }
    }
    Ok(rows
        .iter()
        .map(|r| {
            let offer = offer_from(r);
            let point = ContactPoint {
                target_groups: split(r.get("cp_groups")),
                whole_kreis: r.get::<i64, _>("cp_whole_kreis") != 0,
                municipalities: areas.remove(&offer.id.get()).unwrap_or_default(),
            };
            let provider = r.get::<Option<String>, _>("provider").unwrap_or_default();
            (offer, provider, point)
        })
        .collect())
}
