//! Store queries for agenda items proposed by members: open until the
//! coordinator accepts (the item joins the agenda) or declines them.

use serde::Serialize;
use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::conferences::model::Meeting;
use crate::core::{
    audit::Actor,
    store::{Tx, now},
};

use super::*;

pub const PROPOSAL_OPEN: &str = "open";
pub const PROPOSAL_ACCEPTED: &str = "accepted";
pub const PROPOSAL_DECLINED: &str = "declined";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    pub id: i64,
    pub meeting_id: i64,
    pub organization_id: Option<i64>,
    pub proposed_by: Option<i64>,
    pub title: String,
    pub description: String,
    pub duration_minutes: i64,
    pub state: String,
    pub decision_note: String,
    pub agenda_item_id: Option<i64>,
    pub created_at: i64,
}

/// What a member proposes.
#[derive(Clone, Debug, Serialize)]
pub struct ProposalRecord {
    pub organization_id: Option<i64>,
    pub title: String,
    pub description: String,
    pub duration_minutes: i64,
}

const COLUMNS: &str = "id, meeting_id, organization_id, proposed_by, title, description, duration_minutes, state, decision_note, agenda_item_id, created_at";

fn proposal_from(r: &AnyRow) -> Proposal {
    Proposal {
        id: r.get("id"),
        meeting_id: r.get("meeting_id"),
        organization_id: r.get("organization_id"),
        proposed_by: r.get("proposed_by"),
        title: r.get("title"),
        description: r.get("description"),
        duration_minutes: r.get("duration_minutes"),
        state: r.get("state"),
        decision_note: r.get("decision_note"),
        agenda_item_id: r.get("agenda_item_id"),
        created_at: r.get("created_at"),
    }
}

/// The proposals for a meeting, oldest first.
pub async fn proposals<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: i64,
) -> Result<Vec<Proposal>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM agenda_proposals WHERE meeting_id = $1 ORDER BY created_at, id"
    ))
    .bind(meeting_id)
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(proposal_from).collect())
}

pub async fn add_proposal(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    user_id: i64,
    record: &ProposalRecord,
) -> Result<i64, sqlx::Error> {
    let at = now();
    let id: i64 = sqlx::query(
        "INSERT INTO agenda_proposals (meeting_id, organization_id, proposed_by, title, description, duration_minutes, state, decision_note, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $8) RETURNING id",
    )
    .bind(meeting.id)
    .bind(record.organization_id)
    .bind(user_id)
    .bind(&record.title)
    .bind(&record.description)
    .bind(record.duration_minutes)
    .bind(PROPOSAL_OPEN)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    audit(
        tx,
        actor,
        meeting.network_id,
        ("agenda_proposal", Some(id), "create"),
        None,
        Some(json!({ "meeting_id": meeting.id, "proposal": record })),
    )
    .await?;
    Ok(id)
}

/// Closes an open proposal as accepted (with the agenda item it became) or
/// declined (with the coordinator's note). False if it was not open any more.
pub async fn decide_proposal(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    proposal: &Proposal,
    (state, note, agenda_item_id): (&str, &str, Option<i64>),
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE agenda_proposals SET state = $1, decision_note = $2, agenda_item_id = $3, updated_at = $4
         WHERE id = $5 AND state = $6",
    )
    .bind(state)
    .bind(note)
    .bind(agenda_item_id)
    .bind(now())
    .bind(proposal.id)
    .bind(PROPOSAL_OPEN)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    audit(
        tx,
        actor,
        meeting.network_id,
        ("agenda_proposal", Some(proposal.id), state),
        Some(json!({ "state": proposal.state })),
        Some(json!({ "state": state, "note": note, "agenda_item_id": agenda_item_id })),
    )
    .await?;
    Ok(true)
}
