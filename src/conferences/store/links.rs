//! Personal links (poll, registration) and their recipients.

use serde_json::json;
use sqlx::{Any, Executor, Row};

use crate::conferences::model::{Meeting, State};
use crate::{
    accounts::secrets,
    core::{
        audit::Actor,
        store::{Tx, now},
    },
};

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Poll,
    Rsvp,
}

impl Purpose {
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Poll => "poll",
            Purpose::Rsvp => "rsvp",
        }
    }
}

/// Issues a link for one person and returns the token (shown only in the
/// e-mail; the database keeps its hash).
pub async fn issue_link(
    tx: &mut Tx,
    meeting_id: i64,
    person_id: i64,
    purpose: Purpose,
    valid_secs: i64,
) -> Result<String, sqlx::Error> {
    let token = secrets::random_token();
    let at = now();
    sqlx::query(
        "INSERT INTO personal_links (meeting_id, person_id, purpose, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(meeting_id)
    .bind(person_id)
    .bind(purpose.code())
    .bind(secrets::token_hash(&token))
    .bind(at + valid_secs)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(token)
}

/// The meeting and person of a valid (known, unexpired) link.
pub async fn link<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token: &str,
    purpose: Purpose,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT meeting_id, person_id FROM personal_links WHERE token_hash = $1 AND purpose = $2 AND expires_at > $3",
    )
    .bind(secrets::token_hash(token))
    .bind(purpose.code())
    .bind(now())
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| (r.get("meeting_id"), r.get("person_id"))))
}

/// Contact people with an e-mail address at the member organisations.
#[derive(Clone, Debug)]
pub struct Recipient {
    pub person_id: i64,
    pub name: String,
    pub email: String,
}

pub async fn recipients<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
) -> Result<Vec<Recipient>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT DISTINCT p.id, p.name, p.email FROM people p
         JOIN memberships m ON m.organization_id = p.organization_id
         WHERE m.network_id = $1 AND p.email <> '' ORDER BY p.id",
    )
    .bind(network_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Recipient {
            person_id: r.get("id"),
            name: r.get("name"),
            email: r.get("email"),
        })
        .collect())
}

/// Moves a meeting to a new state and iCalendar sequence number.
pub async fn set_state(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    state: State,
    sequence: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE meetings SET state = $1, ics_sequence = $2, updated_at = $3 WHERE id = $4")
        .bind(state.code())
        .bind(sequence)
        .bind(now())
        .bind(meeting.id)
        .execute(&mut **tx)
        .await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("meeting", Some(meeting.id), "state"),
        Some(json!({ "state": meeting.state, "sequence": meeting.ics_sequence })),
        Some(json!({ "state": state, "sequence": sequence })),
    )
    .await
}
