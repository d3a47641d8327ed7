//! Store queries for the agenda of a meeting: items in their order,
//! numbered on display.

use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::conferences::model::{AgendaItem, AgendaRecord, Meeting};
use crate::core::{
    audit::Actor,
    ids::{AgendaItemId, MeetingId, OrganizationId},
    store::{Tx, now},
};

use super::*;

fn item_from(r: &AnyRow) -> AgendaItem {
    AgendaItem {
        id: AgendaItemId(r.get("id")),
        meeting_id: MeetingId(r.get("meeting_id")),
        position: r.get("position"),
        title: r.get("title"),
        description: r.get("description"),
        proposer_organization_id: opt(r, "proposer_organization_id", OrganizationId),
        duration_minutes: r.get("duration_minutes"),
        is_public: r.get::<i64, _>("is_public") != 0,
    }
}

const COLUMNS: &str = "id, meeting_id, position, title, description, proposer_organization_id, duration_minutes, is_public";

/// The agenda of a meeting in its order.
pub async fn agenda<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<AgendaItem>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM agenda_items WHERE meeting_id = $1 ORDER BY position, id"
    ))
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(item_from).collect())
}

/// One item of a meeting's agenda (`None` for an item of another meeting).
pub async fn agenda_item<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
    item_id: AgendaItemId,
) -> Result<Option<AgendaItem>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM agenda_items WHERE id = $1 AND meeting_id = $2"
    ))
    .bind(item_id.get())
    .bind(meeting_id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(item_from))
}

pub async fn add_agenda_item(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    record: &AgendaRecord,
) -> Result<AgendaItemId, sqlx::Error> {
    let at = now();
    // Touching the meeting row first locks it on PostgreSQL until commit, so
    // two items added at the same moment cannot both read the same
    // `MAX(position)` (SQLite's `BEGIN IMMEDIATE` already serialises them).
    sqlx::query("UPDATE meetings SET updated_at = $1 WHERE id = $2")
        .bind(at)
        .bind(meeting.id.get())
        .execute(&mut **tx)
        .await?;
    let position: i64 = sqlx::query(
        "SELECT COALESCE(MAX(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1",
    )
    .bind(meeting.id.get())
    .fetch_one(&mut **tx)
    .await?
    .get("next");
    let id: i64 = sqlx::query(
        "INSERT INTO agenda_items (meeting_id, position, title, description, proposer_organization_id, duration_minutes, is_public, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(meeting.id.get())
    .bind(position)
    .bind(&record.title)
    .bind(&record.description)
    .bind(record.proposer_organization_id.map(OrganizationId::get))
    .bind(record.duration_minutes)
    .bind(i64::from(record.is_public))
    .bind(at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    audit(
        tx,
        actor,
        meeting.network_id,
        ("agenda_item", Some(id), "create"),
        None,
        Some(json!({ "meeting_id": meeting.id, "position": position, "item": record })),
    )
    .await?;
    Ok(AgendaItemId(id))
}

/// Swaps an item with its neighbour above (`up`) or below; at either end
/// nothing changes. False if the item is not on this meeting's agenda.
pub async fn move_agenda_item(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    item_id: AgendaItemId,
    up: bool,
) -> Result<bool, sqlx::Error> {
    let items = agenda(&mut **tx, meeting.id).await?;
    let Some(index) = items.iter().position(|i| i.id == item_id) else {
        return Ok(false);
    };
    let other = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|o| *o < items.len())
    };
    let Some(other) = other else {
        return Ok(true);
    };
    // Renumber the whole agenda so positions stay dense and unique.
    let mut order: Vec<AgendaItemId> = items.iter().map(|i| i.id).collect();
    order.swap(index, other);
    let at = now();
    for (n, id) in order.iter().enumerate() {
        sqlx::query("UPDATE agenda_items SET position = $1, updated_at = $2 WHERE id = $3")
            .bind(n as i64 + 1)
            .bind(at)
            .bind(id.get())
            .execute(&mut **tx)
            .await?;
    }
    audit(
        tx,
        actor,
        meeting.network_id,
        ("agenda_item", Some(item_id.get()), "move"),
        Some(json!({ "position": index + 1 })),
        Some(json!({ "position": other + 1 })),
    )
    .await?;
    Ok(true)
}

/// Deletes an item and closes the gap in the numbering. False if the item
/// is not on this meeting's agenda.
pub async fn delete_agenda_item(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    item_id: AgendaItemId,
) -> Result<bool, sqlx::Error> {
    let items = agenda(&mut **tx, meeting.id).await?;
    let Some(item) = items.iter().find(|i| i.id == item_id) else {
        return Ok(false);
    };
    crate::oparl::tombstones::agenda_item_deleted(tx, item_id.get()).await?;
    sqlx::query("DELETE FROM agenda_items WHERE id = $1")
        .bind(item_id.get())
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND position > $2",
    )
    .bind(meeting.id.get())
    .bind(item.position)
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("agenda_item", Some(item_id.get()), "delete"),
        Some(json!(item)),
        None,
    )
    .await?;
    Ok(true)
}

pub async fn update_agenda_item(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    item: &AgendaItem,
    record: &AgendaRecord,
) -> Result<(), sqlx::Error> {
    if item.is_public && !record.is_public {
        crate::oparl::tombstones::agenda_item_deleted(tx, item.id.get()).await?;
    }
    sqlx::query(
        "UPDATE agenda_items SET title = $1, description = $2, proposer_organization_id = $3,
         duration_minutes = $4, is_public = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(&record.title)
    .bind(&record.description)
    .bind(record.proposer_organization_id.map(OrganizationId::get))
    .bind(record.duration_minutes)
    .bind(i64::from(record.is_public))
    .bind(now())
    .bind(item.id.get())
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("agenda_item", Some(item.id.get()), "update"),
        Some(json!(item)),
        Some(json!(record)),
    )
    .await
}
