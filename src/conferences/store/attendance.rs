//! Store queries for who attended a held meeting.

use std::collections::BTreeSet;

use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::conferences::model::{AttendanceRow, Meeting};
use crate::core::{
    audit::Actor,
    ids::{MeetingId, OrganizationId, PersonId},
    store::{Tx, now},
};

use super::*;

fn row_from(r: &AnyRow) -> AttendanceRow {
    AttendanceRow {
        meeting_id: MeetingId(r.get("meeting_id")),
        person_id: PersonId(r.get("person_id")),
        organization_id: opt(r, "organization_id", OrganizationId),
        present: r.get::<i64, _>("present") != 0,
        recorded_at: r.get("recorded_at"),
    }
}

pub async fn attendance<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<AttendanceRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT meeting_id, person_id, organization_id, present, recorded_at FROM attendance
         WHERE meeting_id = $1 ORDER BY person_id",
    )
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(row_from).collect())
}

/// Every attendance row of one person (for the GDPR export).
pub async fn person_attendance<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    person_id: PersonId,
) -> Result<Vec<AttendanceRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT meeting_id, person_id, organization_id, present, recorded_at FROM attendance
         WHERE person_id = $1 ORDER BY meeting_id",
    )
    .bind(person_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(row_from).collect())
}

/// Replaces the attendance list: one row per contact person of the member
/// organisations (`people`: person and organisation), present or not.
pub async fn save_attendance(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    people: &[(PersonId, OrganizationId)],
    present: &BTreeSet<PersonId>,
) -> Result<(), sqlx::Error> {
    let before: Vec<PersonId> = attendance(&mut **tx, meeting.id)
        .await?
        .into_iter()
        .filter(|a| a.present)
        .map(|a| a.person_id)
        .collect();
    sqlx::query("DELETE FROM attendance WHERE meeting_id = $1")
        .bind(meeting.id.get())
        .execute(&mut **tx)
        .await?;
    let at = now();
    for (person_id, organization_id) in people {
        sqlx::query(
            "INSERT INTO attendance (meeting_id, person_id, organization_id, present, recorded_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(meeting.id.get())
        .bind(person_id.get())
        .bind(organization_id.get())
        .bind(i64::from(present.contains(person_id)))
        .bind(at)
        .execute(&mut **tx)
        .await?;
    }
    audit(
        tx,
        actor,
        meeting.network_id,
        ("attendance", Some(meeting.id.get()), "update"),
        Some(json!({ "present": before })),
        Some(json!({ "present": present })),
    )
    .await
}
