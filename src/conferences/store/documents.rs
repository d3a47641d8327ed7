//! The read queries of the meeting documents (invitation, attendance
//! list, minutes) that need the names of the people involved.

use serde::Serialize;
use sqlx::{Any, Executor, Row};

use crate::core::ids::{MeetingId, NetworkId};

/// What the minutes add to a meeting.
#[derive(Debug, Default, Serialize)]
pub struct MinutesHead {
    /// `draft`, `circulated`, `approved`, or empty before any minutes.
    pub state: String,
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
}

pub async fn minutes_head<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<MinutesHead, sqlx::Error> {
    let row = sqlx::query(
        "SELECT m.minutes_state, c.name AS chair, t.name AS taker FROM meetings m
         LEFT JOIN people c ON c.id = m.chair_person_id
         LEFT JOIN people t ON t.id = m.minute_taker_person_id
         WHERE m.id = $1",
    )
    .bind(meeting_id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row
        .map(|r| MinutesHead {
            state: r.get("minutes_state"),
            chair: r.get("chair"),
            minute_taker: r.get("taker"),
        })
        .unwrap_or_default())
}

/// One contact person of a member organisation and their answer to the
/// invitation (`yes`, `no`, or none).
#[derive(Debug, Serialize)]
pub struct Invitee {
    pub name: String,
    pub organization: String,
    pub response: Option<String>,
}

pub async fn invitees<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    meeting_id: MeetingId,
) -> Result<Vec<Invitee>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.name, o.name AS organization, r.response FROM people p
         JOIN organizations o ON o.id = p.organization_id
         JOIN memberships m ON m.organization_id = o.id AND m.network_id = $1
         LEFT JOIN rsvps r ON r.person_id = p.id AND r.meeting_id = $2
         ORDER BY o.name, p.name, p.id",
    )
    .bind(network_id.get())
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Invitee {
            name: r.get("name"),
            organization: r.get("organization"),
            response: r.get("response"),
        })
        .collect())
}

/// Who was there (present = 1): name and organisation, by organisation
/// and name.
pub async fn present<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.name, COALESCE(o.name, '') AS organization FROM attendance a
         JOIN people p ON p.id = a.person_id
         LEFT JOIN organizations o ON o.id = a.organization_id
         WHERE a.meeting_id = $1 AND a.present = 1
         ORDER BY organization, p.name",
    )
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get("name"), r.get("organization")))
        .collect())
}
