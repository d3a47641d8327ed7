//! Store queries for who attended a held meeting.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::json;
use sqlx::{Any, Executor, Row};

use crate::conferences::model::{Meeting, State};
use crate::core::{
    audit::Actor,
    store::{Tx, now},
};

use super::*;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttendanceRow {
    pub meeting_id: i64,
    pub person_id: i64,
    pub organization_id: Option<i64>,
    pub present: bool,
    pub recorded_at: i64,
}

pub async fn attendance<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: i64,
) -> Result<Vec<AttendanceRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT meeting_id, person_id, organization_id, present, recorded_at FROM attendance
         WHERE meeting_id = $1 ORDER BY person_id",
    )
    .bind(meeting_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AttendanceRow {
            meeting_id: r.get("meeting_id"),
            person_id: r.get("person_id"),
            organization_id: r.get("organization_id"),
            present: r.get::<i64, _>("present") != 0,
            recorded_at: r.get("recorded_at"),
        })
        .collect())
}

/// Every attendance row of one person (for the GDPR export).
pub async fn person_attendance<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    person_id: i64,
) -> Result<Vec<AttendanceRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT meeting_id, person_id, organization_id, present, recorded_at FROM attendance
         WHERE person_id = $1 ORDER BY meeting_id",
    )
    .bind(person_id)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AttendanceRow {
            meeting_id: r.get("meeting_id"),
            person_id: r.get("person_id"),
            organization_id: r.get("organization_id"),
            present: r.get::<i64, _>("present") != 0,
            recorded_at: r.get("recorded_at"),
        })
        .collect())
}

/// Marks the meeting held.
pub async fn mark_held(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE meetings SET state = $1, updated_at = $2 WHERE id = $3")
        .bind(State::Held.code())
        .bind(now())
        .bind(meeting.id)
        .execute(&mut **tx)
        .await?;
    audit(
        tx,
        actor,
        meeting.network_id,
        ("meeting", Some(meeting.id), "held"),
        Some(json!({ "state": meeting.state })),
        Some(json!({ "state": State::Held })),
    )
    .await
}

/// Replaces the attendance list: one row per contact person of the member
/// organisations (`people`: person and organisation), present or not.
pub async fn save_attendance(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    people: &[(i64, i64)],
    present: &BTreeSet<i64>,
) -> Result<(), sqlx::Error> {
    let before: Vec<i64> = attendance(&mut **tx, meeting.id)
        .await?
        .into_iter()
        .filter(|a| a.present)
        .map(|a| a.person_id)
        .collect();
    sqlx::query("DELETE FROM attendance WHERE meeting_id = $1")
        .bind(meeting.id)
        .execute(&mut **tx)
        .await?;
    let at = now();
    for (person_id, organization_id) in people {
        sqlx::query(
            "INSERT INTO attendance (meeting_id, person_id, organization_id, present, recorded_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(meeting.id)
        .bind(person_id)
        .bind(organization_id)
        .bind(i64::from(present.contains(person_id)))
        .bind(at)
        .execute(&mut **tx)
        .await?;
    }
    audit(
        tx,
        actor,
        meeting.network_id,
        ("attendance", Some(meeting.id), "update"),
        Some(json!({ "present": before })),
        Some(json!({ "present": present })),
    )
    .await
}
