//! Store queries for the date poll.

use serde_json::{Value, json};
use sqlx::{Any, Executor, Row};

use crate::conferences::model::{Answer, AnswerRow, Meeting, MeetingRecord, PollOption};
use crate::core::{
    audit::Actor,
    ids::{MeetingId, PersonId},
    store::{Tx, now},
};

use super::*;

pub async fn poll_options<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<PollOption>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, meeting_id, starts_at, ends_at FROM poll_options WHERE meeting_id = $1 ORDER BY starts_at, id",
    )
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PollOption {
            id: r.get("id"),
            meeting_id: MeetingId(r.get("meeting_id")),
            starts_at: r.get("starts_at"),
            ends_at: r.get("ends_at"),
        })
        .collect())
}

pub async fn add_poll_option(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    starts_at: i64,
    ends_at: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query(
        "INSERT INTO poll_options (meeting_id, starts_at, ends_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(meeting.id.get())
    .bind(starts_at)
    .bind(ends_at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    let after = json!({ "meeting_id": meeting.id, "starts_at": starts_at, "ends_at": ends_at });
    audit(
        tx,
        actor,
        meeting.network_id,
        ("poll_option", Some(id), "create"),
        None,
        Some(after),
    )
    .await?;
    Ok(id)
}

pub async fn poll_answers<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<AnswerRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.option_id, a.person_id, a.answer FROM poll_answers a
         JOIN poll_options o ON o.id = a.option_id WHERE o.meeting_id = $1",
    )
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(AnswerRow {
                option_id: r.get("option_id"),
                person_id: PersonId(r.get("person_id")),
                answer: Answer::parse(&r.get::<String, _>("answer"))?,
            })
        })
        .collect())
}

/// Replaces a person's answers to the poll of a meeting.
pub async fn save_answers(
    tx: &mut Tx,
    meeting: &Meeting,
    person_id: PersonId,
    answers: &[(i64, Answer)],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM poll_answers WHERE person_id = $1
         AND option_id IN (SELECT id FROM poll_options WHERE meeting_id = $2)",
    )
    .bind(person_id.get())
    .bind(meeting.id.get())
    .execute(&mut **tx)
    .await?;
    let at = now();
    for (option_id, answer) in answers {
        sqlx::query(
            "INSERT INTO poll_answers (option_id, person_id, answer, answered_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(*option_id)
        .bind(person_id.get())
        .bind(answer.code())
        .bind(at)
        .execute(&mut **tx)
        .await?;
    }
    let after: Value = answers
        .iter()
        .map(|(o, a)| (o.to_string(), Value::from(a.code())))
        .collect::<serde_json::Map<_, _>>()
        .into();
    audit(
        tx,
        Actor::System("personal link"),
        meeting.network_id,
        ("poll_answers", Some(person_id.get()), "update"),
        None,
        Some(after),
    )
    .await
}

/// Sets the meeting's date to a poll option.
pub async fn choose_option(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    option: &PollOption,
) -> Result<(), sqlx::Error> {
    let mut record = MeetingRecord::of(meeting);
    record.starts_at = Some(option.starts_at);
    record.ends_at = Some(option.ends_at);
    update_meeting(tx, actor, meeting, &record).await
}
