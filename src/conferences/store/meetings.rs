//! Store queries for meetings.

use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::conferences::model::{Meeting, State};
use crate::{
    accounts::secrets,
    core::{
        audit::Actor,
        store::{Tx, now},
    },
};

use super::*;

pub(super) const MEETING_COLUMNS: &str = "id, network_id, title, starts_at, ends_at, location, online_url, organizer_organization_id, state, is_public, ics_uid, ics_sequence, created_at, updated_at, chair_person_id, minute_taker_person_id, minutes_state, minutes_approved_at";

pub(super) fn meeting_from(r: &AnyRow) -> Meeting {
    Meeting {
        id: r.get("id"),
        network_id: r.get("network_id"),
        title: r.get("title"),
        starts_at: r.get("starts_at"),
        ends_at: r.get("ends_at"),
        location: r.get("location"),
        online_url: r.get("online_url"),
        organizer_organization_id: r.get("organizer_organization_id"),
        state: State::parse(&r.get::<String, _>("state")),
        is_public: r.get::<i64, _>("is_public") != 0,
        ics_uid: r.get("ics_uid"),
        ics_sequence: r.get("ics_sequence"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
        chair_person_id: r.get("chair_person_id"),
        minute_taker_person_id: r.get("minute_taker_person_id"),
        minutes_state: r.get("minutes_state"),
        minutes_approved_at: r.get("minutes_approved_at"),
    }
}

/// The meetings of a network, the latest date first (undated ones first).
pub async fn meetings<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
) -> Result<Vec<Meeting>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE network_id = $1 ORDER BY id"
    ))
    .bind(network_id)
    .fetch_all(ex)
    .await?;
    let mut list: Vec<Meeting> = rows.iter().map(meeting_from).collect();
    list.sort_by_key(|m| (std::cmp::Reverse(m.starts_at.unwrap_or(i64::MAX)), m.id));
    Ok(list)
}

pub async fn meeting<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<Meeting>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(meeting_from))
}

/// What a meeting form sets.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct MeetingRecord {
    pub title: String,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub location: String,
    pub online_url: String,
    pub organizer_organization_id: Option<i64>,
    pub is_public: bool,
}

impl MeetingRecord {
    pub fn of(m: &Meeting) -> Self {
        Self {
            title: m.title.clone(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location.clone(),
            online_url: m.online_url.clone(),
            organizer_organization_id: m.organizer_organization_id,
            is_public: m.is_public,
        }
    }
}

pub async fn create_meeting(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: i64,
    record: &MeetingRecord,
) -> Result<i64, sqlx::Error> {
    let at = now();
    let uid = format!("{}@ikon", secrets::random_token());
    let id: i64 = sqlx::query(
        "INSERT INTO meetings (network_id, title, starts_at, ends_at, location, online_url, organizer_organization_id, state, is_public, ics_uid, ics_sequence, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'planned', $8, $9, 0, $10, $10) RETURNING id",
    )
    .bind(network_id)
    .bind(&record.title)
    .bind(record.starts_at)
    .bind(record.ends_at)
    .bind(&record.location)
    .bind(&record.online_url)
    .bind(record.organizer_organization_id)
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
    Ok(id)
}

pub async fn update_meeting(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    record: &MeetingRecord,
) -> Result<(), sqlx::Error> {
    if meeting.is_public && !record.is_public {
        crate::oparl::tombstones::meeting_hidden(tx, meeting.id).await?;
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
    .bind(record.organizer_organization_id)
    .bind(i64::from(record.is_public))
    .bind(now())
    .bind(meeting.id)
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("meeting", Some(meeting.id), "update"),
        Some(json!(MeetingRecord::of(meeting))),
        Some(json!(record)),
    )
    .await
}
