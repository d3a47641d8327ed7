//! The offers' SQL, and the only place in the capability that has any:
//! offers, their translations, contact points and reminders, and the reads
//! the search index makes of them. Writes take the caller's transaction;
//! the audit entries and the search change log are the service's.
//!
//! Reads join the provider's name (organisations) and the place's name
//! (regions) where a page shows them next to the offer, so that a list is
//! one query, not one per offer.

pub mod contact_points;
pub mod freshness;
pub mod index;
pub mod offer_places;
pub mod places;
pub mod translations;

use std::collections::HashMap;

use sqlx::{Acquire, Any, Executor, Row, any::AnyRow};

use crate::core::{
    ids::{NetworkId, OfferId, OrganizationId},
    store::{Tx, now},
};
use crate::offers::model::{Offer, OfferRecord, ServiceArea, Status};

pub(crate) const COLUMNS: &str = "id, network_id, organization_id, title, summary, description, field, offer_type, target_groups, age_min, age_max, languages, cost, cost_note, wheelchair, appointment, booking_note, whole_kreis, phone, email, website, valid_from, valid_until, last_verified_at, status, created_at, updated_at";

/// A comma-joined list column.
pub(crate) fn split(value: String) -> Vec<String> {
    value
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub(crate) fn offer_from(r: &AnyRow) -> Offer {
    Offer {
        id: OfferId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        organization_id: OrganizationId(r.get("organization_id")),
        status: Status::parse(&r.get::<String, _>("status")).unwrap_or(Status::Draft),
        record: OfferRecord {
            title: r.get("title"),
            summary: r.get("summary"),
            description: r.get("description"),
            field: r.get("field"),
            offer_type: r.get("offer_type"),
            target_groups: split(r.get("target_groups")),
            age_min: r.get("age_min"),
            age_max: r.get("age_max"),
            languages: split(r.get("languages")),
            cost: r.get("cost"),
            cost_note: r.get("cost_note"),
            wheelchair: r.get::<i64, _>("wheelchair") != 0,
            appointment: r.get::<i64, _>("appointment") != 0,
            booking_note: r.get("booking_note"),
            // Filled in by `offer_places::attach`.
            places: Vec::new(),
            area: ServiceArea {
                whole_kreis: r.get::<i64, _>("whole_kreis") != 0,
                municipalities: Vec::new(),
            },
            phone: r.get("phone"),
            email: r.get("email"),
            website: r.get("website"),
            valid_from: r.get("valid_from"),
            valid_until: r.get("valid_until"),
        },
        last_verified_at: r.get("last_verified_at"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }
}

/// One offer with its places and service area (`a`: the pool or the
/// caller's transaction).
pub async fn offer<'a, A: Acquire<'a, Database = Any>>(
    a: A,
    id: OfferId,
) -> Result<Option<Offer>, sqlx::Error> {
    let mut conn = a.acquire().await?;
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM offers WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    let mut offers: Vec<Offer> = row.iter().map(offer_from).collect();
    offer_places::attach(&mut conn, &mut offers).await?;
    Ok(offers.pop())
}

/// The network an offer belongs to (for old links that lack it).
pub async fn network_of<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: OfferId,
) -> Result<Option<NetworkId>, sqlx::Error> {
    let row = sqlx::query("SELECT network_id FROM offers WHERE id = $1")
        .bind(id.get())
        .fetch_optional(ex)
        .await?;
    Ok(row.map(|r| NetworkId(r.get("network_id"))))
}

/// The offers of a network, optionally of one status, by title.
pub async fn offers<'a, A: Acquire<'a, Database = Any>>(
    a: A,
    network_id: NetworkId,
    status: Option<Status>,
) -> Result<Vec<Offer>, sqlx::Error> {
    let mut conn = a.acquire().await?;
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM offers WHERE network_id = $1 AND ($2 = '' OR status = $2) ORDER BY title, id"
    ))
    .bind(network_id.get())
    .bind(status.map(Status::code).unwrap_or(""))
    .fetch_all(&mut *conn)
    .await?;
    let mut offers: Vec<Offer> = rows.iter().map(offer_from).collect();
    offer_places::attach(&mut conn, &mut offers).await?;
    Ok(offers)
}

fn bind_record<'q>(
    q: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    r: &'q OfferRecord,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
    q.bind(&r.title)
        .bind(&r.summary)
        .bind(&r.description)
        .bind(&r.field)
        .bind(&r.offer_type)
        .bind(r.target_groups.join(","))
        .bind(r.age_min)
        .bind(r.age_max)
        .bind(r.languages.join(","))
        .bind(&r.cost)
        .bind(&r.cost_note)
        .bind(i64::from(r.wheelchair))
        .bind(i64::from(r.appointment))
        .bind(&r.booking_note)
        .bind(&r.phone)
        .bind(&r.email)
        .bind(&r.website)
        .bind(r.valid_from.clone())
        .bind(r.valid_until.clone())
}

/// The columns of `offers` the record sets (places and area are written by
/// `offer_places`).
const RECORD_COLUMNS: &str = "title, summary, description, field, offer_type, target_groups, age_min, age_max, languages, cost, cost_note, wheelchair, appointment, booking_note, phone, email, website, valid_from, valid_until";
const RECORD_LEN: usize = 19;

/// A new draft with its places and area, confirmed as of now.
pub async fn create(
    tx: &mut Tx,
    network_id: NetworkId,
    organization_id: OrganizationId,
    record: &OfferRecord,
) -> Result<OfferId, sqlx::Error> {
    let placeholders: Vec<String> = (1..=RECORD_LEN).map(|i| format!("${i}")).collect();
    let n = RECORD_LEN;
    let sql = format!(
        "INSERT INTO offers ({RECORD_COLUMNS}, network_id, organization_id, status, last_verified_at, created_at, updated_at, whole_kreis)
         VALUES ({list}, ${network}, ${organization}, 'draft', ${at}, ${at}, ${at}, 0) RETURNING id",
        list = placeholders.join(", "),
        network = n + 1,
        organization = n + 2,
        at = n + 3
    );
    let id: i64 = bind_record(sqlx::query(&sql), record)
        .bind(network_id.get())
        .bind(organization_id.get())
        .bind(now())
        .fetch_one(&mut **tx)
        .await?
        .get("id");
    let id = OfferId(id);
    offer_places::set_places(tx, id, &record.places).await?;
    offer_places::set_area(tx, id, &record.area).await?;
    Ok(id)
}

/// Replaces the record, places and area; saving confirms the offer as of
/// now.
pub async fn update(tx: &mut Tx, id: OfferId, record: &OfferRecord) -> Result<(), sqlx::Error> {
    let sets: Vec<String> = RECORD_COLUMNS
        .split(", ")
        .enumerate()
        .map(|(i, c)| format!("{c} = ${}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE offers SET {sets}, last_verified_at = ${at}, updated_at = ${at} WHERE id = ${id}",
        sets = sets.join(", "),
        at = RECORD_LEN + 1,
        id = RECORD_LEN + 2
    );
    bind_record(sqlx::query(&sql), record)
        .bind(now())
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    offer_places::set_places(tx, id, &record.places).await?;
    offer_places::set_area(tx, id, &record.area).await
}

pub async fn set_status(tx: &mut Tx, id: OfferId, to: Status) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE offers SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(to.code())
        .bind(now())
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Confirms the offer as it is, at `at`.
pub async fn set_verified(tx: &mut Tx, id: OfferId, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE offers SET last_verified_at = $1 WHERE id = $2")
        .bind(at)
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Published offers with their provider's name, by id; one page if given
/// as (limit, offset).
pub async fn published<'a, A: Acquire<'a, Database = Any>>(
    a: A,
    page: Option<(i64, i64)>,
) -> Result<Vec<(Offer, String)>, sqlx::Error> {
    let mut conn = a.acquire().await?;
    let (limit, offset) = page.unwrap_or((i64::MAX, 0));
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, (SELECT name FROM organizations g WHERE g.id = offers.organization_id) AS provider
         FROM offers WHERE status = 'published' ORDER BY id LIMIT $1 OFFSET $2"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let mut offers: Vec<Offer> = rows.iter().map(offer_from).collect();
    offer_places::attach(&mut conn, &mut offers).await?;
    Ok(offers
        .into_iter()
        .zip(&rows)
        .map(|(o, r)| {
            (
                o,
                r.get::<Option<String>, _>("provider").unwrap_or_default(),
            )
        })
        .collect())
}

/// The provider names of a network's published offers, and the names of
/// the municipalities their places are in (by key).
pub async fn published_names<'e, E: Executor<'e, Database = Any> + Copy>(
    ex: E,
    network_id: NetworkId,
) -> Result<(HashMap<OfferId, String>, HashMap<String, String>), sqlx::Error> {
    let rows = sqlx::query(
        "SELECT o.id, g.name AS provider FROM offers o
         LEFT JOIN organizations g ON g.id = o.organization_id
         WHERE o.network_id = $1 AND o.status = 'published'",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    let providers = rows
        .iter()
        .map(|r| {
            let provider: Option<String> = r.get("provider");
            (OfferId(r.get("id")), provider.unwrap_or_default())
        })
        .collect();
    let towns = sqlx::query(
        "SELECT DISTINCT r.key, r.name FROM offer_places p
         JOIN offers o ON o.id = p.offer_id
         JOIN regions r ON r.key = p.municipality_key
         WHERE o.network_id = $1 AND o.status = 'published'",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| (r.get("key"), r.get("name")))
    .collect();
    Ok((providers, towns))
}
