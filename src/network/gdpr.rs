//! GDPR rights of contact people: access (Art. 15, a JSON export of the
//! record and of every audit entry about it) and erasure (Art. 17: the row
//! is deleted and the values in its audit entries are blanked; the entries
//! themselves stay, so that it remains visible that changes happened).

use serde::Serialize;
use sqlx::Row;
use utoipa::ToSchema;

use super::{
    model::{Organization, Person},
    store::{again, people},
};
use crate::core::{
    audit::{self, Actor, AuditEntry, Change},
    store::{Db, Tx},
};

/// Everything ikon holds about one person.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonExport {
    /// RFC 3339 time of the export.
    pub exported_at: String,
    pub person: Person,
    /// Whether the person agreed to appear in the open OParl interface.
    pub public_in_oparl: bool,
    pub organization: OrganizationRef,
    /// Every audit entry about the person, oldest first.
    pub audit: Vec<AuditEntry>,
    /// Conferences the person was recorded at (present or absent).
    pub attendance: Vec<AttendanceExport>,
    /// Comments on draft minutes written under the person's e-mail address.
    pub minutes_comments: Vec<CommentExport>,
    /// The person's answers in date polls, through their personal link.
    pub poll_answers: Vec<PollAnswerExport>,
    /// Registrations and declines for conferences.
    pub registrations: Vec<RegistrationExport>,
    /// Action items from conferences the person is responsible for.
    pub action_items: Vec<ResponsibleFor>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResponsibleFor {
    pub id: i64,
    pub title: String,
    pub due_on: Option<String>,
    pub status: String,
    pub progress: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PollAnswerExport {
    pub meeting_id: i64,
    pub meeting_title: String,
    /// The proposed start (UNIX seconds) the answer is about.
    pub option_starts_at: i64,
    /// `yes`, `maybe` or `no`.
    pub answer: String,
    pub answered_at: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationExport {
    pub meeting_id: i64,
    pub meeting_title: String,
    /// `yes` (registered) or `no` (declined).
    pub response: String,
    pub answered_at: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceExport {
    pub meeting_id: i64,
    pub meeting_title: String,
    pub present: bool,
    pub recorded_at: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CommentExport {
    pub meeting_id: i64,
    pub body: String,
    pub created_at: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationRef {
    pub id: i64,
    pub name: String,
}

pub async fn export_person(
    db: &Db,
    person: &Person,
    organization: &Organization,
) -> Result<PersonExport, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, at, actor, network_id, entity, entity_id, action, before_data, after_data
         FROM audit_log WHERE entity = 'person' AND entity_id = $1 ORDER BY id",
    )
    .bind(person.id)
    .fetch_all(db.pool())
    .await?;
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let audit = rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.get("id"),
            at: r.get("at"),
            actor: r.get("actor"),
            network_id: r.get("network_id"),
            entity: r.get("entity"),
            entity_id: r.get("entity_id"),
            action: r.get("action"),
            before: parse(r.get("before_data")),
            after: parse(r.get("after_data")),
        })
        .collect();
    let attendance = sqlx::query(
        "SELECT a.meeting_id, m.title, a.present, a.recorded_at FROM attendance a
         JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = $1 ORDER BY a.meeting_id",
    )
    .bind(person.id)
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| AttendanceExport {
        meeting_id: r.get("meeting_id"),
        meeting_title: r.get("title"),
        present: r.get::<i64, _>("present") != 0,
        recorded_at: r.get("recorded_at"),
    })
    .collect();
    let minutes_comments = if person.email.is_empty() {
        Vec::new()
    } else {
        crate::conferences::store::comments_by_email(db.pool(), &person.email)
            .await?
            .into_iter()
            .map(|(meeting_id, body, created_at)| CommentExport {
                meeting_id,
                body,
                created_at,
            })
            .collect()
    };
    let poll_answers = sqlx::query(
        "SELECT o.meeting_id, m.title, o.starts_at, a.answer, a.answered_at FROM poll_answers a
         JOIN poll_options o ON o.id = a.option_id JOIN meetings m ON m.id = o.meeting_id
         WHERE a.person_id = $1 ORDER BY o.meeting_id, o.starts_at",
    )
    .bind(person.id)
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| PollAnswerExport {
        meeting_id: r.get("meeting_id"),
        meeting_title: r.get("title"),
        option_starts_at: r.get("starts_at"),
        answer: r.get("answer"),
        answered_at: r.get("answered_at"),
    })
    .collect();
    let registrations = sqlx::query(
        "SELECT r.meeting_id, m.title, r.response, r.answered_at FROM rsvps r
         JOIN meetings m ON m.id = r.meeting_id WHERE r.person_id = $1 ORDER BY r.meeting_id",
    )
    .bind(person.id)
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| RegistrationExport {
        meeting_id: r.get("meeting_id"),
        meeting_title: r.get("title"),
        response: r.get("response"),
        answered_at: r.get("answered_at"),
    })
    .collect();
    let action_items = sqlx::query(
        "SELECT id, title, due_on, status, progress FROM action_items WHERE responsible_person_id = $1 ORDER BY id",
    )
    .bind(person.id)
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| ResponsibleFor {
        id: r.get("id"),
        title: r.get("title"),
        due_on: r.get("due_on"),
        status: r.get("status"),
        progress: r.get("progress"),
    })
    .collect();
    Ok(PersonExport {
        exported_at: chrono::Utc::now().to_rfc3339(),
        person: person.clone(),
        public_in_oparl: people::is_public(db.pool(), person.id).await?,
        organization: OrganizationRef {
            id: organization.id,
            name: organization.name.clone(),
        },
        audit,
        attendance,
        minutes_comments,
        poll_answers,
        registrations,
        action_items,
    })
}

/// Deletes the person and blanks the values of their audit entries, then
/// records that an erasure happened (without values).
pub async fn erase_person(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<i64>,
    person: &Person,
) -> Result<(), sqlx::Error> {
    crate::oparl::tombstones::person_withdrawn(tx, person.id).await?;
    people::delete_row(tx, person.id).await?;
    audit::erase_values(tx, "person", person.id).await?;
    audit::record(
        tx,
        again(actor),
        Change {
            network_id,
            entity: "person",
            entity_id: Some(person.id),
            action: "erase",
            before: None,
            after: None,
        },
    )
    .await
}
