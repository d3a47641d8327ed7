//! Store queries for meetings.

use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::conferences::model::{Meeting, MeetingRecord, Roles, State};
use crate::core::{
    audit::Actor,
    ids::{MeetingId, NetworkId, OrganizationId, PersonId},
    secrets,
    store::{Tx, now},
};

use super::*;

pub(super) const MEETING_COLUMNS: &str = "id, network_id, title, starts_at, ends_at, location, online_url, organizer_organization_id, state, is_public, ics_uid, ics_sequence, created_at, updated_at, chair_person_id, minute_taker_person_id, minutes_state, minutes_approved_at";

pub(super) fn meeting_from(r: &AnyRow) -> Meeting {
    Meeting {
        id: MeetingId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        title: r.get("title"),
        starts_at: r.get("starts_at"),
        ends_at: r.get("ends_at"),
        location: r.get("location"),
        online_url: r.get("online_url"),
        organizer_organization_id: opt(r, "organizer_organization_id", OrganizationId),
        state: State::parse(&r.get::<String, _>("state")),
        is_public: r.get::<i64, _>("is_public") != 0,
        ics_uid: r.get("ics_uid"),
        ics_sequence: r.get("ics_sequence"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
        chair_person_id: opt(r, "chair_person_id", PersonId),
        minute_taker_person_id: opt(r, "minute_taker_person_id", PersonId),
        minutes_state: r.get("minutes_state"),
        minutes_approved_at: r.get("minutes_approved_at"),
    }
}

/// The meetings of a network, the latest date first (undated ones first).
pub async fn meetings<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<Meeting>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE network_id = $1 ORDER BY id"
    ))
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    let mut list: Vec<Meeting> = rows.iter().map(meeting_from).collect();
    list.sort_by_key(|m| (std::cmp::Reverse(m.starts_at.unwrap_or(i64::MAX)), m.id));
    Ok(list)
}

pub async fn meeting<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: MeetingId,
) -> Result<Option<Meeting>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE id = $1"
    ))
    .bind(id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(meeting_from))
}

pub async fn create_meeting(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    record: &MeetingRecord,
) -> Result<MeetingId, sqlx::Error> {
    let at = now();
    let uid = format!("{}@ikon", secrets::random_token());
    let id: i64 = sqlx::query(
        "INSERT INTO meetings (network_id, title, starts_at, ends_at, location, online_url, organizer_organization_id, state, is_public, ics_uid, ics_sequence, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'planned', $8, $9, 0, $10, $10) RETURNING id",
    )
    .bind(network_id.get())
    .bind(&record.title)
    .bind(record.starts_at)
    .bind(record.ends_at)
    .bind(&record.location)
    .bind(&record.online_url)
    .bind(record.organizer_organization_id.map(OrganizationId::get))
    .bind(i64::from(record.is_public))
    .bind(uid)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    audit(
        tx,
        actor,
        network_id,
        ("meeting", Some(id), "create"),
        None,
        Some(json!(record)),
    )
    .await?;
    Ok(MeetingId(id))
}

pub async fn update_meeting(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    record: &MeetingRecord,
) -> Result<(), sqlx::Error> {
    if meeting.is_public && !record.is_public {
        crate::oparl::tombstones::meeting_hidden(tx, meeting.id.get()).await?;
    }
    sqlx::query(
        "UPDATE meetings SET title = $1, starts_at = $2, ends_at = $3, location = $4, online_url = $5,
         organizer_organization_id = $6, is_public = $7, updated_at = $8 WHERE id = $9",
    )
    .bind(&record.title)
    .bind(record.starts_at)
    .bind(record.ends_at)
    .bind(&record.location)
    .bind(&record.online_url)
    .bind(record.organizer_organization_id.map(OrganizationId::get))
    .bind(i64::from(record.is_public))
    .bind(now())
    .bind(meeting.id.get())
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("meeting", Some(meeting.id.get()), "update"),
        Some(json!(MeetingRecord::of(meeting))),
        Some(json!(record)),
    )
    .await
}

/// Names the chair and the minute taker (contact people; `None` clears).
pub async fn set_roles(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting_id: MeetingId,
    (chair, minute_taker): Roles,
) -> Result<(), sqlx::Error> {
    let before = sqlx::query(
        "SELECT network_id, chair_person_id, minute_taker_person_id FROM meetings WHERE id = $1",
    )
    .bind(meeting_id.get())
    .fetch_one(&mut **tx)
    .await?;
    let network_id = NetworkId(before.get("network_id"));
    let old: Roles = (
        opt(&before, "chair_person_id", PersonId),
        opt(&before, "minute_taker_person_id", PersonId),
    );
    if old == (chair, minute_taker) {
        return Ok(());
    }
    sqlx::query(
        "UPDATE meetings SET chair_person_id = $1, minute_taker_person_id = $2 WHERE id = $3",
    )
    .bind(chair.map(PersonId::get))
    .bind(minute_taker.map(PersonId::get))
    .bind(meeting_id.get())
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        actor,
        network_id,
        ("meeting", Some(meeting_id.get()), "roles"),
        Some(json!({ "chair_person_id": old.0, "minute_taker_person_id": old.1 })),
        Some(json!({ "chair_person_id": chair, "minute_taker_person_id": minute_taker })),
    )
    .await
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
        .bind(meeting.id.get())
        .execute(&mut **tx)
        .await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("meeting", Some(meeting.id.get()), "state"),
        Some(json!({ "state": meeting.state, "sequence": meeting.ics_sequence })),
        Some(json!({ "state": state, "sequence": sequence })),
    )
    .await
}

/// Public meetings of a network with a date, not cancelled, by date.
pub async fn public_meetings<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<Meeting>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE network_id = $1 AND is_public = 1
         AND starts_at IS NOT NULL AND ends_at IS NOT NULL AND state <> 'cancelled' ORDER BY starts_at, id"
    ))
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(meeting_from).collect())
}
