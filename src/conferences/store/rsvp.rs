//! Registrations and the public calendar feed.

use serde_json::json;
use sqlx::{Any, Executor, Row};

use crate::conferences::model::Meeting;
use crate::core::{
    audit::Actor,
    store::{Tx, now},
};

use super::meetings::{MEETING_COLUMNS, meeting_from};
use super::*;

#[derive(Clone, Debug, serde::Serialize)]
pub struct Rsvp {
    pub person_id: i64,
    pub name: String,
    pub organization: String,
    pub attending: bool,
}

pub async fn rsvps<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: i64,
) -> Result<Vec<Rsvp>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.person_id, r.response, p.name, o.name AS organization FROM rsvps r
         JOIN people p ON p.id = r.person_id JOIN organizations o ON o.id = p.organization_id
         WHERE r.meeting_id = $1 ORDER BY p.name, p.id",
    )
    .bind(meeting_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Rsvp {
            person_id: r.get("person_id"),
            name: r.get("name"),
            organization: r.get("organization"),
            attending: r.get::<String, _>("response") == "yes",
        })
        .collect())
}

/// Registers (`attending`) or declines one person.
pub async fn save_rsvp(
    tx: &mut Tx,
    meeting: &Meeting,
    person_id: i64,
    attending: bool,
) -> Result<(), sqlx::Error> {
    let response = if attending { "yes" } else { "no" };
    sqlx::query("DELETE FROM rsvps WHERE meeting_id = $1 AND person_id = $2")
        .bind(meeting.id)
        .bind(person_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO rsvps (meeting_id, person_id, response, answered_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(meeting.id)
    .bind(person_id)
    .bind(response)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        Actor::System("personal link"),
        meeting.network_id,
        ("rsvp", Some(person_id), "update"),
        None,
        Some(json!({ "meeting_id": meeting.id, "response": response })),
    )
    .await
}

/// Public meetings of a network with a date, not cancelled, by date.
pub async fn public_meetings<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
) -> Result<Vec<Meeting>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE network_id = $1 AND is_public = 1
         AND starts_at IS NOT NULL AND ends_at IS NOT NULL AND state <> 'cancelled' ORDER BY starts_at, id"
    ))
    .bind(network_id)
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(meeting_from).collect())
}
