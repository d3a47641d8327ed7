//! The reminder when a submitted concern has had no answer for N weeks
//! (`concern_reminder_weeks`, default 8): one e-mail to each coordinator of
//! the network, exactly once. The sweep runs in every `ikon serve`
//! process; a concern is claimed with `UPDATE … SET reminded_at = now
//! WHERE … AND reminded_at IS NULL` and its mails are queued in the same
//! transaction, so whichever process changes the row sends and any other
//! finds nothing to do.

use std::time::Duration;

use chrono::Days;
use sqlx::Row;

use super::store;
use crate::{
    conferences::service::absolute,
    coordination::{registry, responsibilities::service::today},
    core::{
        audit::{self, Actor, Change},
        error::AppResult,
        i18n::Lang,
        ids::ConcernId,
        mail::{self, Email},
        paths,
        store::now,
        web::App,
    },
};

/// How often a server process looks for concerns to remind of.
pub const SWEEP_EVERY: Duration = Duration::from_secs(60 * 60);

/// Queues the reminders that are due; returns how many mails.
pub async fn sweep(app: &App) -> AppResult<usize> {
    let weeks = app.config.concern_reminder_weeks.max(1) as u64;
    let today = chrono::NaiveDate::parse_from_str(&today(), "%Y-%m-%d").expect("today's date");
    let cutoff = today
        .checked_sub_days(Days::new(weeks * 7))
        .unwrap_or(today)
        .format("%Y-%m-%d")
        .to_string();
    let due: Vec<i64> = sqlx::query(
        "SELECT id FROM concerns WHERE state = 'submitted' AND reminded_at IS NULL AND submitted_on <= $1 ORDER BY id",
    )
    .bind(&cutoff)
    .fetch_all(app.db.pool())
    .await?
    .iter()
    .map(|r| r.get("id"))
    .collect();
    let mut mails = 0;
    for id in due {
        let mut tx = app.db.begin().await?;
        let claimed = sqlx::query(
            "UPDATE concerns SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL AND state = 'submitted'",
        )
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !claimed {
            continue;
        }
        let Some(concern) = store::concern(&mut *tx, ConcernId(id)).await? else {
            continue;
        };
        let recipients = registry::coordinator_emails(&app.db, concern.network_id).await?;
        let lang = Lang::De;
        let args = [
            ("title".to_string(), concern.title.clone()),
            ("weeks".to_string(), weeks.to_string()),
            (
                "submitted".to_string(),
                concern.submitted_on.clone().unwrap_or_default(),
            ),
            ("reference".to_string(), concern.reference.clone()),
            (
                "link".to_string(),
                absolute(app, &paths::concern(concern.network_id, concern.id)),
            ),
        ];
        for to in &recipients {
            let email = Email {
                to: to.clone(),
                subject: lang.t_args("conc-mail-reminder-subject", &args),
                text: lang.t_args("conc-mail-reminder-body", &args),
                attachments: Vec::new(),
            };
            mail::enqueue(&mut tx, &email).await?;
        }
        audit::record(
            &mut tx,
            Actor::System("reminders"),
            Change {
                network_id: Some(concern.network_id.get()),
                entity: "concern",
                entity_id: Some(id),
                action: "remind",
                before: None,
                after: Some(serde_json::json!({ "recipients": recipients.len() })),
            },
        )
        .await?;
        tx.commit().await?;
        mails += recipients.len();
    }
    Ok(mails)
}
