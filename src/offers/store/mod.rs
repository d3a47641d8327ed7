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
pub mod places;
pub mod translations;

use std::collections::HashMap;

use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::core::{
    ids::{NetworkId, OfferId, OrganizationId},
    store::{Tx, now},
};
use crate::offers::model::{Offer, OfferRecord, Status};

pub(crate) const COLUMNS: &str = "id, network_id, organization_id, title, summary, description, field, offer_type, target_groups, age_min, age_max, languages, cost, cost_note, wheelchair, accessibility_note, appointment, booking_note, street, postal_code, municipality_key, lat, lon, room, opening_hours, phone, email, website, valid_from, valid_until, last_verified_at, status, created_at, updated_at";

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
            accessibility_note: r.get("accessibility_note"),
            appointment: r.get::<i64, _>("appointment") != 0,
            booking_note: r.get("booking_note"),
            street: r.get("street"),
            postal_code: r.get("postal_code"),
            municipality_key: r.get("municipality_key"),
            lat: r.get("lat"),
            lon: r.get("lon"),
            room: r.get("room"),
            opening_hours: r.get("opening_hours"),
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

pub async fn offer<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: OfferId,
) -> Result<Option<Offer>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM offers WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(offer_from))
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
pub async fn offers<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    status: Option<Status>,
) -> Result<Vec<Offer>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM offers WHERE network_id = $1 AND ($2 = '' OR status = $2) ORDER BY title, id"
    ))
    .bind(network_id.get())
    .bind(status.map(Status::code).unwrap_or(""))
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(offer_from).collect())
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
        .bind(&r.accessibility_note)
        .bind(i64::from(r.appointment))
        .bind(&r.booking_note)
        .bind(&r.street)
        .bind(&r.postal_code)
        .bind(r.municipality_key.clone())
        .bind(r.lat)
        .bind(r.lon)
        .bind(&r.room)
        .bind(&r.opening_hours)
        .bind(&r.phone)
        .bind(&r.email)
        .bind(&r.website)
        .bind(r.valid_from.clone())
        .bind(r.valid_until.clone())
}

const RECORD_COLUMNS: &str = "title, summary, description, field, offer_type, target_groups, age_min, age_max, languages, cost, cost_note, wheelchair, accessibility_note, appointment, booking_note, street, postal_code, municipality_key, lat, lon, room, opening_hours, phone, email, website, valid_from, valid_until";

/// A new draft, confirmed as of now.
pub async fn create(
    tx: &mut Tx,
    network_id: NetworkId,
    organization_id: OrganizationId,
    record: &OfferRecord,
) -> Result<OfferId, sqlx::Error> {
    let placeholders: Vec<String> = (1..=27).map(|i| format!("${i}")).collect();
    let sql = format!(
        "INSERT INTO offers ({RECORD_COLUMNS}, network_id, organization_id, status, last_verified_at, created_at, updated_at)
         VALUES ({}, $28, $29, 'draft', $30, $30, $30) RETURNING id",
        placeholders.join(", ")
    );
    let id: i64 = bind_record(sqlx::query(&sql), record)
        .bind(network_id.get())
        .bind(organization_id.get())
        .bind(now())
        .fetch_one(&mut **tx)
        .await?
        .get("id");
    Ok(OfferId(id))
}

/// Replaces the record; saving confirms the offer as of now.
pub async fn update(tx: &mut Tx, id: OfferId, record: &OfferRecord) -> Result<(), sqlx::Error> {
    let sets: Vec<String> = RECORD_COLUMNS
        .split(", ")
        .enumerate()
        .map(|(i, c)| format!("{c} = ${}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE offers SET {}, last_verified_at = $28, updated_at = $28 WHERE id = $29",
        sets.join(", ")
    );
    bind_record(sqlx::query(&sql), record)
        .bind(now())
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
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
pub async fn published<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    page: Option<(i64, i64)>,
) -> Result<Vec<(Offer, String)>, sqlx::Error> {
    let (limit, offset) = page.unwrap_or((i64::MAX, 0));
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, (SELECT name FROM organizations g WHERE g.id = offers.organization_id) AS provider
         FROM offers WHERE status = 'published' ORDER BY id LIMIT $1 OFFSET $2"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                offer_from(r),
                r.get::<Option<String>, _>("provider").unwrap_or_default(),
            )
        })
        .collect())
}

/// Provider and municipality names of a network's published offers.
pub async fn published_names<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<HashMap<OfferId, (String, Option<String>)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT o.id, g.name AS provider, r.name AS municipality FROM offers o
         LEFT JOIN organizations g ON g.id = o.organization_id
         LEFT JOIN regions r ON r.key = o.municipality_key
         WHERE o.network_id = $1 AND o.status = 'published'",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let provider: Option<String> = r.get("provider");
            (
                OfferId(r.get("id")),
                (provider.unwrap_or_default(), r.get("municipality")),
            )
        })
        .collect())
}
