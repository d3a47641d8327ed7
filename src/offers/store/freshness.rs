//! Stale offers and the reminders sent about them (`offer_reminders`).
//!
//! A period is identified by the verification it follows (or the creation
//! when there was none), so the unique key (offer, verification) of
//! `offer_reminders` lets exactly one reminder per period through, however
//! often and in however many processes the sweep runs.

use sqlx::{Any, Executor, Row};

use crate::core::{
    ids::{NetworkId, OfferId, OrganizationId},
    store::Tx,
};
use crate::offers::model::views::StaleOffer;

const VERIFIED: &str = "COALESCE(o.last_verified_at, o.created_at)";

/// The stale published offers of one network, oldest first.
pub async fn stale_in_network<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    cutoff: i64,
) -> Result<Vec<StaleOffer>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT o.id, o.title, o.organization_id, g.name AS provider, {VERIFIED} AS verified_at
         FROM offers o JOIN organizations g ON g.id = o.organization_id
         WHERE o.network_id = $1 AND o.status = 'published' AND {VERIFIED} < $2
         ORDER BY verified_at, o.id"
    ))
    .bind(network_id.get())
    .bind(cutoff)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| StaleOffer {
            id: OfferId(r.get("id")),
            title: r.get("title"),
            organization_id: OrganizationId(r.get("organization_id")),
            provider: r.get("provider"),
            verified_at: r.get("verified_at"),
        })
        .collect())
}

/// A stale published offer without a reminder for its current period.
#[derive(Clone, Debug)]
pub struct Due {
    pub offer_id: OfferId,
    pub network_id: NetworkId,
    pub organization_id: OrganizationId,
    pub title: String,
    /// The verification (or creation) the period follows.
    pub verified_at: i64,
}

pub async fn due<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    cutoff: i64,
) -> Result<Vec<Due>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT o.id, o.network_id, o.organization_id, o.title, {VERIFIED} AS verified_at
         FROM offers o
         WHERE o.status = 'published' AND {VERIFIED} < $1
           AND NOT EXISTS (SELECT 1 FROM offer_reminders r
                           WHERE r.offer_id = o.id AND r.verified_at = {VERIFIED})
         ORDER BY o.id"
    ))
    .bind(cutoff)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Due {
            offer_id: OfferId(r.get("id")),
            network_id: NetworkId(r.get("network_id")),
            organization_id: OrganizationId(r.get("organization_id")),
            title: r.get("title"),
            verified_at: r.get("verified_at"),
        })
        .collect())
}

/// Claims the reminder of a period; false if another process has a moment
/// ago (the unique key lets exactly one insert through).
pub async fn claim(tx: &mut Tx, due: &Due, at: i64) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query(
        "INSERT INTO offer_reminders (offer_id, verified_at, sent_at, recipients)
         VALUES ($1, $2, $3, 0) ON CONFLICT (offer_id, verified_at) DO NOTHING",
    )
    .bind(due.offer_id.get())
    .bind(due.verified_at)
    .bind(at)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

/// Notes how many people the claimed reminder went to.
pub async fn set_recipients(tx: &mut Tx, due: &Due, recipients: usize) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE offer_reminders SET recipients = $1 WHERE offer_id = $2 AND verified_at = $3",
    )
    .bind(recipients as i64)
    .bind(due.offer_id.get())
    .bind(due.verified_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
