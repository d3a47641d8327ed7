//! Store queries for the minutes of a meeting: notes and decisions per
//! agenda item, comments on circulated minutes, the minutes' state and the
//! network's choice whether approved minutes are public.

use std::collections::BTreeMap;

use serde_json::json;
use sqlx::{Any, Executor, Row};

use crate::conferences::model::{
    Comment, Decision, MINUTES_APPROVED, MINUTES_DRAFT, Meeting, Series, State, Votes,
};
use crate::core::{
    audit::Actor,
    ids::{AgendaItemId, DecisionId, MeetingId, NetworkId, UserId},
    store::{Tx, now},
};

use super::*;

/// The notes of every item of a meeting, by item id.
pub async fn item_notes<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<BTreeMap<AgendaItemId, String>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT n.agenda_item_id, n.notes FROM item_minutes n
         JOIN agenda_items i ON i.id = n.agenda_item_id WHERE i.meeting_id = $1",
    )
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (AgendaItemId(r.get("agenda_item_id")), r.get("notes")))
        .collect())
}

/// The decisions of every item of a meeting, in order.
pub async fn decisions<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<Decision>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT d.id, d.agenda_item_id, d.position, d.text, d.votes_yes, d.votes_no, d.votes_abstain
         FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id
         WHERE i.meeting_id = $1 ORDER BY i.position, d.position, d.id",
    )
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let yes: Option<i64> = r.get("votes_yes");
            let no: Option<i64> = r.get("votes_no");
            let abstain: Option<i64> = r.get("votes_abstain");
            Decision {
                id: DecisionId(r.get("id")),
                agenda_item_id: AgendaItemId(r.get("agenda_item_id")),
                position: r.get("position"),
                text: r.get("text"),
                votes: match (yes, no, abstain) {
                    (Some(y), Some(n), Some(a)) => Some((y, n, a)),
                    _ => None,
                },
            }
        })
        .collect())
}

/// One decision in a meeting's minutes (`None` for one of another meeting).
pub async fn decision<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
    id: DecisionId,
) -> Result<Option<Decision>, sqlx::Error> {
    Ok(decisions(ex, meeting_id)
        .await?
        .into_iter()
        .find(|d| d.id == id))
}

/// Starts the draft when the first words are written.
async fn start_draft(tx: &mut Tx, meeting: &Meeting) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE meetings SET minutes_state = $1 WHERE id = $2 AND minutes_state = ''")
        .bind(MINUTES_DRAFT)
        .bind(meeting.id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn save_notes(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    item_id: AgendaItemId,
    notes: &str,
) -> Result<(), sqlx::Error> {
    let before: Option<String> =
        sqlx::query("SELECT notes FROM item_minutes WHERE agenda_item_id = $1")
            .bind(item_id.get())
            .fetch_optional(&mut **tx)
            .await?
            .map(|r| r.get("notes"));
    if before.is_some() {
        sqlx::query(
            "UPDATE item_minutes SET notes = $1, updated_at = $2 WHERE agenda_item_id = $3",
        )
        .bind(notes)
        .bind(now())
        .bind(item_id.get())
        .execute(&mut **tx)
        .await?;
    } else {
        sqlx::query(
            "INSERT INTO item_minutes (agenda_item_id, notes, updated_at) VALUES ($1, $2, $3)",
        )
        .bind(item_id.get())
        .bind(notes)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    }
    start_draft(tx, meeting).await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("item_minutes", Some(item_id.get()), "update"),
        before.map(|b| json!({ "notes": b })),
        Some(json!({ "notes": notes })),
    )
    .await
}

pub async fn add_decision(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    item_id: AgendaItemId,
    text: &str,
    votes: Option<Votes>,
) -> Result<DecisionId, sqlx::Error> {
    let at = now();
    let position: i64 = sqlx::query(
        "SELECT COALESCE(MAX(position), 0) + 1 AS next FROM decisions WHERE agenda_item_id = $1",
    )
    .bind(item_id.get())
    .fetch_one(&mut **tx)
    .await?
    .get("next");
    let id: i64 = sqlx::query(
        "INSERT INTO decisions (agenda_item_id, position, text, votes_yes, votes_no, votes_abstain, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(item_id.get())
    .bind(position)
    .bind(text)
    .bind(votes.map(|v| v.0))
    .bind(votes.map(|v| v.1))
    .bind(votes.map(|v| v.2))
    .bind(at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    start_draft(tx, meeting).await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("decision", Some(id), "create"),
        None,
        Some(json!({ "agenda_item_id": item_id, "text": text, "votes": votes })),
    )
    .await?;
    Ok(DecisionId(id))
}

pub async fn delete_decision(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    decision: &Decision,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM decisions WHERE id = $1")
        .bind(decision.id.get())
        .execute(&mut **tx)
        .await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("decision", Some(decision.id.get()), "delete"),
        Some(json!(decision)),
        None,
    )
    .await
}

/// Moves the minutes to `state` (circulated or approved); approval also
/// moves the meeting to `minutes_approved`.
pub async fn set_minutes_state(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    state: &str,
) -> Result<(), sqlx::Error> {
    let at = now();
    if state == MINUTES_APPROVED {
        sqlx::query(
            "UPDATE meetings SET minutes_state = $1, minutes_approved_at = $2, state = $3, updated_at = $2 WHERE id = $4",
        )
        .bind(state)
        .bind(at)
        .bind(State::MinutesApproved.code())
        .bind(meeting.id.get())
        .execute(&mut **tx)
        .await?;
    } else {
        sqlx::query("UPDATE meetings SET minutes_state = $1, updated_at = $2 WHERE id = $3")
            .bind(state)
            .bind(at)
            .bind(meeting.id.get())
            .execute(&mut **tx)
            .await?;
    }
    audit(
        tx,
        actor,
        meeting.network_id,
        ("minutes", Some(meeting.id.get()), state),
        Some(json!({ "minutes_state": meeting.minutes_state })),
        Some(json!({ "minutes_state": state })),
    )
    .await
}

pub async fn comments<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<Comment>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.id, c.user_id, COALESCE(u.name, '') AS author, c.body, c.created_at
         FROM minutes_comments c LEFT JOIN users u ON u.id = c.user_id
         WHERE c.meeting_id = $1 ORDER BY c.created_at, c.id",
    )
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Comment {
            id: r.get("id"),
            user_id: opt(&r, "user_id", UserId),
            author: r.get("author"),
            body: r.get("body"),
            created_at: r.get("created_at"),
        })
        .collect())
}

/// Comments written with the user account linked to this contact person
/// (for the person's GDPR export).
pub async fn comments_by_person<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    person_id: i64,
) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.meeting_id, c.body, c.created_at FROM minutes_comments c
         JOIN users u ON u.id = c.user_id WHERE u.person_id = $1 ORDER BY c.id",
    )
    .bind(person_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.get("meeting_id"), r.get("body"), r.get("created_at")))
        .collect())
}

pub async fn add_comment(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    user_id: UserId,
    body: &str,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query(
        "INSERT INTO minutes_comments (meeting_id, user_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(meeting.id.get())
    .bind(user_id.get())
    .bind(body)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    audit(
        tx,
        actor,
        meeting.network_id,
        ("minutes_comment", Some(id), "create"),
        None,
        Some(json!({ "meeting_id": meeting.id, "body": body })),
    )
    .await?;
    Ok(id)
}

/// Whether the network shows approved minutes to the public.
pub async fn minutes_public<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT minutes_public FROM meeting_series WHERE network_id = $1")
        .bind(network_id.get())
        .fetch_optional(ex)
        .await?;
    Ok(row.is_some_and(|r| r.get::<i64, _>("minutes_public") != 0))
}

pub async fn set_minutes_public(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    public: bool,
) -> Result<(), sqlx::Error> {
    let before = minutes_public(&mut **tx, network_id).await?;
    let updated = sqlx::query(
        "UPDATE meeting_series SET minutes_public = $1, updated_at = $2 WHERE network_id = $3",
    )
    .bind(i64::from(public))
    .bind(now())
    .bind(network_id.get())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if updated == 0 {
        let defaults = Series::default();
        sqlx::query(
            "INSERT INTO meeting_series (network_id, rhythm_months, default_location, updated_at, minutes_public) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(network_id.get())
        .bind(defaults.rhythm_months)
        .bind(&defaults.default_location)
        .bind(now())
        .bind(i64::from(public))
        .execute(&mut **tx)
        .await?;
    }
    audit(
        tx,
        actor,
        network_id,
        ("meeting_series", Some(network_id.get()), "update"),
        Some(json!({ "minutes_public": before })),
        Some(json!({ "minutes_public": public })),
    )
    .await
}
