//! Store queries for offers and their translations. Every write takes the
//! caller's transaction and records an audit entry in it.

use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::core::{
    audit::{self, Actor, Change},
    store::{Tx, now},
};
use crate::offers::model::{Offer, OfferRecord, Status};

pub(crate) const COLUMNS: &str = "id, network_id, organization_id, title, summary, description, field, offer_type, target_groups, age_min, age_max, languages, cost, cost_note, wheelchair, accessibility_note, appointment, booking_note, street, postal_code, municipality_key, lat, lon, room, opening_hours, phone, email, website, valid_from, valid_until, last_verified_at, status, created_at, updated_at";

fn list(value: String) -> Vec<String> {
    value
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub(crate) fn offer_from(r: &AnyRow) -> Offer {
    Offer {
        id: r.get("id"),
        network_id: r.get("network_id"),
        organization_id: r.get("organization_id"),
        status: Status::parse(&r.get::<String, _>("status")).unwrap_or(Status::Draft),
        record: OfferRecord {
            title: r.get("title"),
            summary: r.get("summary"),
            description: r.get("description"),
            field: r.get("field"),
            offer_type: r.get("offer_type"),
            target_groups: list(r.get("target_groups")),
            age_min: r.get("age_min"),
            age_max: r.get("age_max"),
            languages: list(r.get("languages")),
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
    id: i64,
) -> Result<Option<Offer>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM offers WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(offer_from))
}

/// The offers of a network, optionally of one status, by title.
pub async fn offers<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
    status: Option<Status>,
) -> Result<Vec<Offer>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM offers WHERE network_id = $1 AND ($2 = '' OR status = $2) ORDER BY title, id"
    ))
    .bind(network_id)
    .bind(status.map(Status::code).unwrap_or(""))
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(offer_from).collect())
}

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

async fn log(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: i64,
    (id, action): (i64, &str),
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), sqlx::Error> {
    audit::record(
        tx,
        actor,
        Change {
            network_id: Some(network_id),
            entity: "offer",
            entity_id: Some(id),
            action,
            before,
            after,
        },
    )
    .await
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

pub async fn create_offer(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: i64,
    organization_id: i64,
    record: &OfferRecord,
) -> Result<i64, sqlx::Error> {
    let placeholders: Vec<String> = (1..=27).map(|i| format!("${i}")).collect();
    let sql = format!(
        "INSERT INTO offers ({RECORD_COLUMNS}, network_id, organization_id, status, last_verified_at, created_at, updated_at)
         VALUES ({}, $28, $29, 'draft', $30, $30, $30) RETURNING id",
        placeholders.join(", ")
    );
    let at = now();
    let id: i64 = bind_record(sqlx::query(&sql), record)
        .bind(network_id)
        .bind(organization_id)
        .bind(at)
        .fetch_one(&mut **tx)
        .await?
        .get("id");
    crate::offers::search::changes::offer_changed(tx, id).await?;
    let after = json!({ "organization_id": organization_id, "record": record });
    log(tx, actor, network_id, (id, "create"), None, Some(after)).await?;
    Ok(id)
}

pub async fn update_offer(
    tx: &mut Tx,
    actor: Actor<'_>,
    offer: &Offer,
    record: &OfferRecord,
) -> Result<(), sqlx::Error> {
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
        .bind(offer.id)
        .execute(&mut **tx)
        .await?;
    crate::offers::search::changes::offer_changed(tx, offer.id).await?;
    let (before, after) = (json!(offer.record), json!(record));
    log(
        tx,
        actor,
        offer.network_id,
        (offer.id, "update"),
        Some(before),
        Some(after),
    )
    .await
}

pub async fn set_status(
    tx: &mut Tx,
    actor: Actor<'_>,
    offer: &Offer,
    to: Status,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE offers SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(to.code())
        .bind(now())
        .bind(offer.id)
        .execute(&mut **tx)
        .await?;
    crate::offers::search::changes::offer_changed(tx, offer.id).await?;
    log(
        tx,
        actor,
        offer.network_id,
        (offer.id, "status"),
        Some(json!({ "status": offer.status })),
        Some(json!({ "status": to })),
    )
    .await
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
