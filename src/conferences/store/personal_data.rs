//! The conferences' part of a contact person's GDPR export (Art. 15),
//! handed to the registry's export through `Parts::personal_data`.

use serde::Serialize;
use serde_json::{Map, Value};
use sqlx::Row;

use crate::core::{store::Db, web::parts::PersonRef};

#[derive(Serialize)]
struct Attendance {
    meeting_id: i64,
    meeting_title: String,
    present: bool,
    recorded_at: i64,
}

#[derive(Serialize)]
struct Comment {
    meeting_id: i64,
    body: String,
    created_at: i64,
}

#[derive(Serialize)]
struct PollAnswer {
    meeting_id: i64,
    meeting_title: String,
    /// The proposed start (UNIX seconds) the answer is about.
    option_starts_at: i64,
    /// `yes`, `maybe` or `no`.
    answer: String,
    answered_at: i64,
}

#[derive(Serialize)]
struct Registration {
    meeting_id: i64,
    meeting_title: String,
    /// `yes` (registered) or `no` (declined).
    response: String,
    answered_at: i64,
}

#[derive(Serialize)]
struct ResponsibleFor {
    id: i64,
    title: String,
    due_on: Option<String>,
    status: String,
    progress: i64,
}

/// `attendance` (conferences the person was recorded at, present or
/// absent), `minutes_comments` (written with the user account
/// linked to the person), `poll_answers` (through their personal link),
/// `registrations` (and declines) and `action_items` (they are
/// responsible for).
pub async fn personal_data(db: &Db, person: &PersonRef) -> Result<Map<String, Value>, sqlx::Error> {
    let id = person.id.get();
    let pool = db.pool();
    let attendance: Vec<Attendance> = sqlx::query(
        "SELECT a.meeting_id, m.title, a.present, a.recorded_at FROM attendance a
         JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = $1 ORDER BY a.meeting_id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| Attendance {
        meeting_id: r.get("meeting_id"),
        meeting_title: r.get("title"),
        present: r.get::<i64, _>("present") != 0,
        recorded_at: r.get("recorded_at"),
    })
    .collect();
    let minutes_comments: Vec<Comment> = {
        super::comments_by_person(pool, id)
            .await?
            .into_iter()
            .map(|(meeting_id, body, created_at)| Comment {
                meeting_id,
                body,
                created_at,
            })
            .collect()
    };
    let poll_answers: Vec<PollAnswer> = sqlx::query(
        "SELECT o.meeting_id, m.title, o.starts_at, a.answer, a.answered_at FROM poll_answers a
         JOIN poll_options o ON o.id = a.option_id JOIN meetings m ON m.id = o.meeting_id
         WHERE a.person_id = $1 ORDER BY o.meeting_id, o.starts_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| PollAnswer {
        meeting_id: r.get("meeting_id"),
        meeting_title: r.get("title"),
        option_starts_at: r.get("starts_at"),
        answer: r.get("answer"),
        answered_at: r.get("answered_at"),
    })
    .collect();
    let registrations: Vec<Registration> = sqlx::query(
        "SELECT r.meeting_id, m.title, r.response, r.answered_at FROM rsvps r
         JOIN meetings m ON m.id = r.meeting_id WHERE r.person_id = $1 ORDER BY r.meeting_id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| Registration {
        meeting_id: r.get("meeting_id"),
        meeting_title: r.get("title"),
        response: r.get("response"),
        answered_at: r.get("answered_at"),
    })
    .collect();
    let action_items: Vec<ResponsibleFor> = sqlx::query(
        "SELECT id, title, due_on, status, progress FROM action_items WHERE responsible_person_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(pool)
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
    let mut sections = Map::new();
    let json = |v: serde_json::Result<Value>| v.map_err(|e| sqlx::Error::Encode(Box::new(e)));
    sections.insert("attendance".into(), json(serde_json::to_value(attendance))?);
    sections.insert(
        "minutes_comments".into(),
        json(serde_json::to_value(minutes_comments))?,
    );
    sections.insert(
        "poll_answers".into(),
        json(serde_json::to_value(poll_answers))?,
    );
    sections.insert(
        "registrations".into(),
        json(serde_json::to_value(registrations))?,
    );
    sections.insert(
        "action_items".into(),
        json(serde_json::to_value(action_items))?,
    );
    Ok(sections)
}
