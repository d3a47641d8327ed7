//! Contact points: the designation of an offer (its target groups; the
//! area it serves is the offer's own service area) and the published ones
//! of a Kreis.

use sqlx::{Any, Executor, Row};

use super::{COLUMNS, offer_from, offer_places, split};
use crate::core::{
    ids::OfferId,
    store::{Tx, now},
};
use crate::offers::model::{ContactPoint, Offer, ServiceArea};

pub async fn get<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    offer_id: OfferId,
) -> Result<Option<ContactPoint>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.target_groups, o.whole_kreis, a.municipality_key
         FROM contact_points c JOIN offers o ON o.id = c.offer_id
         LEFT JOIN offer_areas a ON a.offer_id = c.offer_id
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

/// Replaces the designation of an offer; no target group removes it. The
/// area of a designation is the offer's service area, so it is written
/// there (and stays when the designation goes).
pub async fn set(tx: &mut Tx, offer_id: OfferId, point: &ContactPoint) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM contact_points WHERE offer_id = $1")
        .bind(offer_id.get())
        .execute(&mut **tx)
        .await?;
    if point.target_groups.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO contact_points (offer_id, target_groups, updated_at) VALUES ($1, $2, $3)",
    )
    .bind(offer_id.get())
    .bind(point.target_groups.join(","))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    let area = ServiceArea {
        whole_kreis: point.whole_kreis,
        municipalities: point.municipalities.clone(),
    };
    offer_places::set_area(tx, offer_id, &area).await
}

/// A published contact point: the offer, its provider's name and its
/// designation.
pub type Published = (Offer, String, ContactPoint);

/// The published contact points of the network of a Kreis, with their
/// provider's name, by title.
pub async fn published_in<'a, A: sqlx::Acquire<'a, Database = Any>>(
    a: A,
    kreis: &str,
) -> Result<Vec<Published>, sqlx::Error> {
    let mut conn = a.acquire().await?;
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, (SELECT name FROM organizations g WHERE g.id = offers.organization_id) AS provider,
         (SELECT c.target_groups FROM contact_points c WHERE c.offer_id = offers.id) AS cp_groups
         FROM offers WHERE status = 'published'
         AND network_id IN (SELECT id FROM networks WHERE region_key = $1)
         AND id IN (SELECT offer_id FROM contact_points)
         ORDER BY title, id"
    ))
    .bind(kreis)
    .fetch_all(&mut *conn)
    .await?;
    let mut offers: Vec<Offer> = rows.iter().map(offer_from).collect();
    offer_places::attach(&mut conn, &mut offers).await?;
    Ok(offers
        .into_iter()
        .zip(&rows)
        .map(|(offer, r)| {
            let point = ContactPoint {
                target_groups: split(r.get("cp_groups")),
                whole_kreis: offer.record.area.whole_kreis,
                municipalities: offer.record.area.municipalities.clone(),
            };
            let provider = r.get::<Option<String>, _>("provider").unwrap_or_default();
            (offer, provider, point)
        })
        .collect())
}
