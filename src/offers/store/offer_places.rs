//! The places of offers and their service areas: read for a batch of
//! offers at once (a list is three queries, not three per offer) and
//! replaced as a whole when an offer is saved.

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};

use crate::core::{
    ids::OfferId,
    store::{BindFloat, Tx},
};
use crate::offers::model::{Offer, PlaceRecord, ServiceArea};

/// Ids are integers from the database, so they can be listed inline
/// (sqlx's `Any` driver binds no arrays); 500 per query keeps the
/// statement short on both backends.
const CHUNK: usize = 500;

fn id_list(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn place_from(r: &sqlx::any::AnyRow) -> PlaceRecord {
    PlaceRecord {
        street: r.get("street"),
        postal_code: r.get("postal_code"),
        municipality_key: r.get("municipality_key"),
        lat: r.get("lat"),
        lon: r.get("lon"),
        room: r.get("room"),
        opening_hours: r.get("opening_hours"),
        wheelchair: r.get::<i64, _>("wheelchair") != 0,
        accessibility_note: r.get("accessibility_note"),
    }
}

/// The places of the given offers, each list in its order.
pub async fn places_of(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<PlaceRecord>>, sqlx::Error> {
    let mut map: HashMap<i64, Vec<PlaceRecord>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT offer_id, street, postal_code, municipality_key, lat, lon, room, opening_hours, wheelchair, accessibility_note
             FROM offer_places WHERE offer_id IN ({}) ORDER BY offer_id, position",
            id_list(chunk)
        );
        for r in sqlx::query(&sql).fetch_all(&mut *conn).await? {
            map.entry(r.get("offer_id"))
                .or_default()
                .push(place_from(&r));
        }
    }
    Ok(map)
}

/// The listed municipalities of the given offers' service areas, by key.
async fn areas_of(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<String>>, sqlx::Error> {
    let mut map: HashMap<i64, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT offer_id, municipality_key FROM offer_areas WHERE offer_id IN ({}) ORDER BY offer_id, municipality_key",
            id_list(chunk)
        );
        for r in sqlx::query(&sql).fetch_all(&mut *conn).await? {
            map.entry(r.get("offer_id"))
                .or_default()
                .push(r.get("municipality_key"));
        }
    }
    Ok(map)
}

/// The names of the municipalities the given offers' places are in, for
/// the search index (a search for a town finds the offers held there).
pub async fn place_names_of(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<String>>, sqlx::Error> {
    let mut map: HashMap<i64, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT p.offer_id, r.name FROM offer_places p JOIN regions r ON r.key = p.municipality_key
             WHERE p.offer_id IN ({}) ORDER BY p.offer_id, p.position",
            id_list(chunk)
        );
        for r in sqlx::query(&sql).fetch_all(&mut *conn).await? {
            let names = map.entry(r.get("offer_id")).or_default();
            let name: String = r.get("name");
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    Ok(map)
}

/// Fills in the places and the listed area municipalities of offers read
/// from the `offers` table (whose row holds `whole_kreis`).
pub async fn attach(conn: &mut AnyConnection, offers: &mut [Offer]) -> Result<(), sqlx::Error> {
    if offers.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = offers.iter().map(|o| o.id.get()).collect();
    let mut places = places_of(conn, &ids).await?;
    let mut areas = areas_of(conn, &ids).await?;
    for o in offers {
        o.record.places = places.remove(&o.id.get()).unwrap_or_default();
        o.record.area.municipalities = areas.remove(&o.id.get()).unwrap_or_default();
    }
    Ok(())
}

/// Replaces the places of an offer.
pub async fn set_places(
    tx: &mut Tx,
    offer_id: OfferId,
    places: &[PlaceRecord],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM offer_places WHERE offer_id = $1")
        .bind(offer_id.get())
        .execute(&mut **tx)
        .await?;
    for (position, p) in places.iter().enumerate() {
        sqlx::query(
            "INSERT INTO offer_places (offer_id, position, street, postal_code, municipality_key, lat, lon, room, opening_hours, wheelchair, accessibility_note)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(offer_id.get())
        .bind(position as i64)
        .bind(&p.street)
        .bind(&p.postal_code)
        .bind(p.municipality_key.clone())
        .bind_float(p.lat)
        .bind_float(p.lon)
        .bind(&p.room)
        .bind(&p.opening_hours)
        .bind(i64::from(p.wheelchair))
        .bind(&p.accessibility_note)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Replaces the service area of an offer.
pub async fn set_area(
    tx: &mut Tx,
    offer_id: OfferId,
    area: &ServiceArea,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE offers SET whole_kreis = $1 WHERE id = $2")
        .bind(i64::from(area.whole_kreis))
        .bind(offer_id.get())
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM offer_areas WHERE offer_id = $1")
        .bind(offer_id.get())
        .execute(&mut **tx)
        .await?;
    // The whole Kreis needs no list.
    if area.whole_kreis {
        return Ok(());
    }
    for key in &area.municipalities {
        sqlx::query("INSERT INTO offer_areas (offer_id, municipality_key) VALUES ($1, $2)")
            .bind(offer_id.get())
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
