//! The small read queries the meeting documents need: names, the contact
//! people with their registration, and the minutes tables.

use serde::Serialize;
use sqlx::{Any, Executor, Row};

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
    meeting_id: i64,
) -> Result<MinutesHead, sqlx::Error> {
    let row = sqlx::query(
        "SELECT m.minutes_state, c.name AS chair, t.name AS taker FROM meetings m
         LEFT JOIN people c ON c.id = m.chair_person_id
         LEFT JOIN people t ON t.id = m.minute_taker_person_id
         WHERE m.id = $1",
    )
    .bind(meeting_id)
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

/// Organisation names by id, for proposers and responsibles.
pub async fn organization_names<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT o.id, o.name FROM organizations o JOIN memberships m ON m.organization_id = o.id
         WHERE m.network_id = $1",
    )
    .bind(network_id)
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(|r| (r.get("id"), r.get("name"))).collect())
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
    network_id: i64,
    meeting_id: i64,
) -> Result<Vec<Invitee>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.name, o.name AS organization, r.response FROM people p
         JOIN organizations o ON o.id = p.organization_id
         JOIN memberships m ON m.organization_id = o.id AND m.network_id = $1
         LEFT JOIN rsvps r ON r.person_id = p.id AND r.meeting_id = $2
         ORDER BY o.name, p.name, p.id",
    )
    .bind(network_id)
    .bind(meeting_id)
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

/// Who was there (present = 1), by organisation and name.
pub async fn present<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.name, COALESCE(o.name, '') AS organization FROM attendance a
         JOIN people p ON p.id = a.person_id
         LEFT JOIN organizations o ON o.id = a.organization_id
         WHERE a.meeting_id = $1 AND a.present = 1
         ORDER BY organization, p.name",
    )
    .bind(meeting_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get("name"), r.get("organization")))
        .collect())
}

#[derive(Debug, Serialize)]
pub struct ActionItem {
    #[serde(skip)]
    pub agenda_item_id: i64,
    pub title: String,
    pub responsible: String,
    pub due: String,
}

pub async fn action_items<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: i64,
) -> Result<Vec<ActionItem>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.agenda_item_id, a.title, a.due_on, o.name AS organization, p.name AS person
         FROM action_items a JOIN agenda_items i ON i.id = a.agenda_item_id
         LEFT JOIN organizations o ON o.id = a.responsible_organization_id
         LEFT JOIN people p ON p.id = a.responsible_person_id
         WHERE i.meeting_id = $1 ORDER BY a.id",
    )
    .bind(meeting_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let person: Option<String> = r.get("person");
            let organization: Option<String> = r.get("organization");
            let responsible = [person, organization]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let due: Option<String> = r.get("due_on");
            ActionItem {
                agenda_item_id: r.get("agenda_item_id"),
                title: r.get("title"),
                responsible,
                due: due.as_deref().map(german_date).unwrap_or_default(),
            }
        })
        .collect())
}

/// `2026-12-01` → `01.12.2026`; anything else unchanged.
pub fn german_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}
