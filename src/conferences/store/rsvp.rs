//! Registrations for invited meetings.

use serde_json::json;
use sqlx::{Any, Executor, Row};

use crate::conferences::model::{Meeting, Rsvp};
use crate::core::{
    audit::Actor,
    ids::{MeetingId, PersonId},
    store::{Tx, now},
};

use super::*;

pub async fn rsvps<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<Rsvp>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.person_id, r.response, p.name, o.name AS organization FROM rsvps r
         JOIN people p ON p.id = r.person_id JOIN organizations o ON o.id = p.organization_id
         WHERE r.meeting_id = $1 ORDER BY p.name, p.id",
    )
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Rsvp {
            person_id: PersonId(r.get("person_id")),
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
    person_id: PersonId,
    attending: bool,
) -> Result<(), sqlx::Error> {
    let response = if attending { "yes" } else { "no" };
    sqlx::query("DELETE FROM rsvps WHERE meeting_id = $1 AND person_id = $2")
        .bind(meeting.id.get())
        .bind(person_id.get())
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO rsvps (meeting_id, person_id, response, answered_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(meeting.id.get())
    .bind(person_id.get())
    .bind(response)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        Actor::System("personal link"),
        meeting.network_id,
        ("rsvp", Some(person_id.get()), "update"),
        None,
        Some(json!({ "meeting_id": meeting.id, "response": response })),
    )
    .await
}

/// The people who declined an invitation.
pub async fn declined<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<PersonId>, sqlx::Error> {
    let rows = sqlx::query("SELECT person_id FROM rsvps WHERE meeting_id = $1 AND response = 'no'")
        .bind(meeting_id.get())
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(|r| PersonId(r.get("person_id"))).collect())
}
