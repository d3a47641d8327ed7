//! The meetings whose reminder falls due. A reminder is claimed with
//! `UPDATE … WHERE reminder_sent_at IS NULL` in the transaction that
//! queues its mails, so that of several processes exactly one sends.

use sqlx::{Any, Executor, Row};

use crate::core::{
    ids::MeetingId,
    store::{Tx, now},
};

/// Invited meetings starting within (`from`, `until`] that were not
/// reminded of yet.
pub async fn meetings_to_remind<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    from: i64,
    until: i64,
) -> Result<Vec<MeetingId>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id FROM meetings WHERE state = 'invited' AND reminder_sent_at IS NULL
         AND starts_at IS NOT NULL AND starts_at > $1 AND starts_at <= $2 ORDER BY id",
    )
    .bind(from)
    .bind(until)
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(|r| MeetingId(r.get("id"))).collect())
}

/// Claims a meeting's reminder; false if another process was first.
pub async fn claim_meeting_reminder(tx: &mut Tx, id: MeetingId) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query(
        "UPDATE meetings SET reminder_sent_at = $1 WHERE id = $2 AND reminder_sent_at IS NULL",
    )
    .bind(now())
    .bind(id.get())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}
