//! Personal links (poll, registration): only the token's hash is kept.

use sqlx::{Any, Executor, Row};

use crate::core::{
    ids::{MeetingId, PersonId},
    secrets,
    store::{Tx, now},
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Poll,
    Rsvp,
}

impl Purpose {
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Poll => "poll",
            Purpose::Rsvp => "rsvp",
        }
    }
}

/// Issues a link for one person and returns the token (shown only in the
/// e-mail; the database keeps its hash).
pub async fn issue_link(
    tx: &mut Tx,
    meeting_id: MeetingId,
    person_id: PersonId,
    purpose: Purpose,
    valid_secs: i64,
) -> Result<String, sqlx::Error> {
    let token = secrets::random_token();
    let at = now();
    sqlx::query(
        "INSERT INTO personal_links (meeting_id, person_id, purpose, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(meeting_id.get())
    .bind(person_id.get())
    .bind(purpose.code())
    .bind(secrets::token_hash(&token))
    .bind(at + valid_secs)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(token)
}

/// The meeting and person of a valid (known, unexpired) link.
pub async fn link<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token: &str,
    purpose: Purpose,
) -> Result<Option<(MeetingId, PersonId)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT meeting_id, person_id FROM personal_links WHERE token_hash = $1 AND purpose = $2 AND expires_at > $3",
    )
    .bind(secrets::token_hash(token))
    .bind(purpose.code())
    .bind(now())
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| (MeetingId(r.get("meeting_id")), PersonId(r.get("person_id")))))
}
