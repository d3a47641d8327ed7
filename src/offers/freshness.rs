//! Freshness: an offer nobody has confirmed for a while (12 months unless
//! configured otherwise) is stale. Stale offers are flagged for their
//! network, and a periodic sweep in every `ikon serve` process e-mails the
//! contact people of the offer's organisation once per period. "Details
//! still correct" (or saving the offer) confirms it again.
//!
//! A period is identified by the verification it follows (or the creation
//! when there was none), so the unique key (offer, verification) of
//! `offer_reminders` makes the reminder happen once, however often and in
//! however many processes the sweep runs.

use std::time::Duration;

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::{Any, Executor, Row};

use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::{self, Actor, Change},
        config::Config,
        error::AppResult,
        i18n::Lang,
        mail::{self, Email},
        store::now,
        web::App,
    },
    network::web::saved,
    offers::{
        model::Offer,
        web::{load_offer, require_editor},
    },
};

/// An average calendar month in seconds.
const MONTH_SECS: i64 = 2_629_746;
/// How often each process looks for stale offers.
pub const SWEEP_EVERY: Duration = Duration::from_secs(3600);

/// Offers last confirmed before this moment are stale.
pub fn cutoff(config: &Config, now: i64) -> i64 {
    now - i64::from(config.offers_stale_after_months) * MONTH_SECS
}

/// When the offer was last confirmed: verified, saved, or else created.
pub fn verified_at(offer: &Offer) -> i64 {
    offer.last_verified_at.unwrap_or(offer.created_at)
}

pub fn is_stale(offer: &Offer, cutoff: i64) -> bool {
    verified_at(offer) < cutoff
}

/// A published offer not confirmed since the cutoff, for dashboards.
#[derive(Clone, Debug, Serialize)]
pub struct StaleOffer {
    pub id: i64,
    pub title: String,
    pub organization_id: i64,
    pub provider: String,
    pub verified_at: i64,
}

const VERIFIED: &str = "COALESCE(o.last_verified_at, o.created_at)";

/// The stale published offers of one network, oldest first.
pub async fn stale_in_network<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
    cutoff: i64,
) -> Result<Vec<StaleOffer>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT o.id, o.title, o.organization_id, g.name AS provider, {VERIFIED} AS verified_at
         FROM offers o JOIN organizations g ON g.id = o.organization_id
         WHERE o.network_id = $1 AND o.status = 'published' AND {VERIFIED} < $2
         ORDER BY verified_at, o.id"
    ))
    .bind(network_id)
    .bind(cutoff)
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| StaleOffer {
            id: r.get("id"),
            title: r.get("title"),
            organization_id: r.get("organization_id"),
            provider: r.get("provider"),
            verified_at: r.get("verified_at"),
        })
        .collect())
}

/// Looks for stale published offers without a reminder for their current
/// period and queues one reminder each. Returns how many offers got one.
pub async fn sweep(app: &App) -> Result<usize, sqlx::Error> {
    let at = now();
    let due = sqlx::query(&format!(
        "SELECT o.id, o.network_id, o.organization_id, o.title, {VERIFIED} AS verified_at
         FROM offers o
         WHERE o.status = 'published' AND {VERIFIED} < $1
           AND NOT EXISTS (SELECT 1 FROM offer_reminders r
                           WHERE r.offer_id = o.id AND r.verified_at = {VERIFIED})
         ORDER BY o.id"
    ))
    .bind(cutoff(&app.config, at))
    .fetch_all(app.db.pool())
    .await?;
    let mut reminded = 0;
    for row in &due {
        let offer_id: i64 = row.get("id");
        let verified: i64 = row.get("verified_at");
        let mut tx = app.db.begin().await?;
        // Another process may have claimed this period a moment ago: the
        // unique key lets exactly one insert through.
        let claimed = sqlx::query(
            "INSERT INTO offer_reminders (offer_id, verified_at, sent_at, recipients)
             VALUES ($1, $2, $3, 0) ON CONFLICT (offer_id, verified_at) DO NOTHING",
        )
        .bind(offer_id)
        .bind(verified)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            continue;
        }
        let people = sqlx::query(
            "SELECT name, email FROM people WHERE organization_id = $1 AND email <> '' ORDER BY id",
        )
        .bind(row.get::<i64, _>("organization_id"))
        .fetch_all(&mut *tx)
        .await?;
        let title: String = row.get("title");
        let link = format!("{}/offers/{offer_id}/edit", app.config.base());
        for person in &people {
            let args = [
                ("title".to_string(), title.clone()),
                ("name".to_string(), person.get::<String, _>("name")),
                ("link".to_string(), link.clone()),
                (
                    "months".to_string(),
                    app.config.offers_stale_after_months.to_string(),
                ),
            ];
            // Organisations are German; so is the reminder.
            let email = Email {
                to: person.get("email"),
                subject: Lang::De.t_args("fresh-mail-subject", &args),
                text: Lang::De.t_args("fresh-mail-body", &args),
                attachments: Vec::new(),
            };
            mail::enqueue(&mut tx, &email).await?;
        }
        sqlx::query(
            "UPDATE offer_reminders SET recipients = $1 WHERE offer_id = $2 AND verified_at = $3",
        )
        .bind(people.len() as i64)
        .bind(offer_id)
        .bind(verified)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Actor::System("freshness"),
            Change {
                network_id: Some(row.get("network_id")),
                entity: "offer",
                entity_id: Some(offer_id),
                action: "reminder",
                before: None,
                after: Some(json!({ "verified_at": verified, "recipients": people.len() })),
            },
        )
        .await?;
        tx.commit().await?;
        reminded += 1;
    }
    Ok(reminded)
}

#[derive(Debug, Default, Deserialize)]
pub struct VerifyForm {
    /// Where to go afterwards: a local path (the list or dashboard the
    /// button was on); the offer page otherwise.
    #[serde(default)]
    pub back: String,
}

/// "Details still correct": members of the offer's organisation and the
/// network's coordinators confirm the offer as it is.
pub async fn verify(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<VerifyForm>,
) -> AppResult<Response> {
    let (offer, _network) = load_offer(&app, id).await?;
    let user = require_editor(&viewer, &offer)?;
    let at = now();
    let mut tx = app.db.begin().await?;
    sqlx::query("UPDATE offers SET last_verified_at = $1 WHERE id = $2")
        .bind(at)
        .bind(offer.id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(offer.network_id),
            entity: "offer",
            entity_id: Some(offer.id),
            action: "verify",
            before: Some(json!({ "last_verified_at": offer.last_verified_at })),
            after: Some(json!({ "last_verified_at": at })),
        },
    )
    .await?;
    tx.commit().await?;
    let back = form.back.trim();
    let local = back.starts_with('/') && !back.starts_with("//") && !back.contains(['?', '\\']);
    let target = if local {
        back.to_string()
    } else {
        format!("/offers/{}", offer.id)
    };
    Ok(saved(&target, "offer-verified"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_is_about_a_year() {
        let config = Config::default();
        let year = 365 * 24 * 3600;
        let c = cutoff(&config, 10 * year);
        assert!((c - 9 * year).abs() < 2 * 24 * 3600, "{c}");
    }
}
