//! Store queries for agenda items proposed by members.

use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::conferences::model::{Meeting, PROPOSAL_OPEN, Proposal, ProposalRecord};
use crate::core::{
    audit::Actor,
    ids::{AgendaItemId, MeetingId, OrganizationId, ProposalId, UserId},
    store::{Tx, now},
};

use super::*;

const COLUMNS: &str = "id, meeting_id, organization_id, proposed_by, title, description, duration_minutes, state, decision_note, agenda_item_id, created_at";

fn proposal_from(r: &AnyRow) -> Proposal {
    Proposal {
        id: ProposalId(r.get("id")),
        meeting_id: MeetingId(r.get("meeting_id")),
        organization_id: opt(r, "organization_id", OrganizationId),
        proposed_by: opt(r, "proposed_by", UserId),
        title: r.get("title"),
        description: r.get("description"),
        duration_minutes: r.get("duration_minutes"),
        state: r.get("state"),
        decision_note: r.get("decision_note"),
        agenda_item_id: opt(r, "agenda_item_id", AgendaItemId),
        created_at: r.get("created_at"),
    }
}

/// The proposals for a meeting, oldest first.
pub async fn proposals<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<Proposal>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM agenda_proposals WHERE meeting_id = $1 ORDER BY created_at, id"
    ))
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(proposal_from).collect())
}

/// One proposal for a meeting (`None` for one of another meeting).
pub async fn proposal<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
    id: ProposalId,
) -> Result<Option<Proposal>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM agenda_proposals WHERE id = $1 AND meeting_id = $2"
    ))
    .bind(id.get())
    .bind(meeting_id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(proposal_from))
}

pub async fn add_proposal(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    user_id: UserId,
    record: &ProposalRecord,
) -> Result<ProposalId, sqlx::Error> {
    let at = now();
    let id: i64 = sqlx::query(
        "INSERT INTO agenda_proposals (meeting_id, organization_id, proposed_by, title, description, duration_minutes, state, decision_note, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $8) RETURNING id",
    )
    .bind(meeting.id.get())
    .bind(record.organization_id.map(OrganizationId::get))
    .bind(user_id.get())
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
    Ok(ProposalId(id))
}

/// Closes an open proposal as accepted (with the agenda item it became) or
/// declined (with the coordinator's note). False if it was not open any more.
pub async fn decide_proposal(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    proposal: &Proposal,
    (state, note, agenda_item_id): (&str, &str, Option<AgendaItemId>),
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE agenda_proposals SET state = $1, decision_note = $2, agenda_item_id = $3, updated_at = $4
         WHERE id = $5 AND state = $6",
    )
    .bind(state)
    .bind(note)
    .bind(agenda_item_id.map(AgendaItemId::get))
    .bind(now())
    .bind(proposal.id.get())
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
        ("agenda_proposal", Some(proposal.id.get()), state),
        Some(json!({ "state": proposal.state })),
        Some(json!({ "state": state, "note": note, "agenda_item_id": agenda_item_id })),
    )
    .await?;
    Ok(true)
}
