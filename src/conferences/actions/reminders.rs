//! Reminder mails: before an action item's due date, once when it is
//! overdue, and before a meeting. A sweep runs every few minutes in every
//! `ikon serve` process. Each reminder is claimed with
//! `UPDATE … SET reminded_x = now WHERE id = … AND reminded_x IS NULL` and
//! its mails are queued in the same transaction: whichever process changes
//! the row sends, any other one finds nothing to do. Delivery goes through
//! the job queue, so a mail server that is down delays mail and loses none.

use std::time::Duration;

use chrono::{Days, NaiveDate};
use sqlx::Row;

use super::{
    model::{ActionItem, format_day, today},
    store,
};
use crate::{
    conferences::{
        model::format_human,
        store::{self as conf_store},
    },
    core::{
        audit::{self, Actor, Change},
        i18n::Lang,
        mail::{self, Email},
        store::{Tx, now},
        web::App,
    },
};

/// How often a server process looks for reminders to send.
pub const SWEEP_EVERY: Duration = Duration::from_secs(5 * 60);

/// What one sweep queued.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub due: usize,
    pub overdue: usize,
    pub meetings: usize,
    pub mails: usize,
}

/// Looks for reminders that are due and queues their mails.
pub async fn sweep(app: &App) -> Result<Sent, sqlx::Error> {
    let mut sent = Sent::default();
    let today = today();
    let ahead = today
        .checked_add_days(Days::new(app.config.action_reminder_days.max(0) as u64))
        .unwrap_or(today);
    action_reminders(app, today, ahead, &mut sent).await?;
    meeting_reminders(app, &mut sent).await?;
    Ok(sent)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

async fn action_reminders(
    app: &App,
    today: NaiveDate,
    ahead: NaiveDate,
    sent: &mut Sent,
) -> Result<(), sqlx::Error> {
    // Overdue: the due date has passed. Due soon: within the next N days.
    for overdue in [true, false] {
        let (column, condition) = if overdue {
            ("reminded_overdue_at", "due_on < $1")
        } else {
            ("reminded_due_at", "due_on >= $1 AND due_on <= $2")
        };
        let sql = format!(
            "SELECT id FROM action_items WHERE status IN ('open', 'in_progress')
             AND due_on IS NOT NULL AND {condition} AND {column} IS NULL ORDER BY id"
        );
        let mut query = sqlx::query(&sql).bind(iso(today));
        if !overdue {
            query = query.bind(iso(ahead));
        }
        let rows = query.fetch_all(app.db.pool()).await?;
        for row in rows {
            let id: i64 = row.get("id");
            let mut tx = app.db.begin().await?;
            let claimed = sqlx::query(&format!(
                "UPDATE action_items SET {column} = $1 WHERE id = $2 AND {column} IS NULL"
            ))
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed != 1 {
                continue;
            }
            let Some(item) = store::item(&mut *tx, id).await? else {
                continue;
            };
            let mails = remind_action(&mut tx, app, &item, overdue).await?;
            tx.commit().await?;
            sent.mails += mails;
            if overdue {
                sent.overdue += 1;
            } else {
                sent.due += 1;
            }
        }
    }
    Ok(())
}

/// The responsible person, or else the contacts of the responsible organisation.
async fn action_recipients(tx: &mut Tx, item: &ActionItem) -> Result<Vec<String>, sqlx::Error> {
    if let Some(person) = item.responsible_person_id
        && let Some(email) = store::person_email(&mut **tx, person).await?
    {
        return Ok(vec![email]);
    }
    let Some(org) = item.responsible_organization_id else {
        return Ok(Vec::new());
    };
    let rows = sqlx::query(
        "SELECT DISTINCT email FROM people WHERE organization_id = $1 AND email <> '' ORDER BY email",
    )
    .bind(org)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.iter().map(|r| r.get("email")).collect())
}

async fn remind_action(
    tx: &mut Tx,
    app: &App,
    item: &ActionItem,
    overdue: bool,
) -> Result<usize, sqlx::Error> {
    let lang = Lang::De;
    let recipients = action_recipients(tx, item).await?;
    let args = [
        ("title".to_string(), item.title.clone()),
        ("meeting".to_string(), item.meeting_title.clone()),
        (
            "due".to_string(),
            item.due_on.as_deref().map(format_day).unwrap_or_default(),
        ),
        ("progress".to_string(), item.progress.to_string()),
        (
            "link".to_string(),
            format!(
                "{}/networks/{}/actions/{}",
                app.config.base(),
                item.network_id,
                item.id
            ),
        ),
    ];
    let (subject, body) = if overdue {
        ("act-mail-overdue-subject", "act-mail-overdue-body")
    } else {
        ("act-mail-due-subject", "act-mail-due-body")
    };
    for to in &recipients {
        let email = Email {
            to: to.clone(),
            subject: lang.t_args(subject, &args),
            text: lang.t_args(body, &args),
            attachments: Vec::new(),
        };
        mail::enqueue(tx, &email).await?;
    }
    audit::record(
        tx,
        Actor::System("reminders"),
        Change {
            network_id: Some(item.network_id),
            entity: "action_item",
            entity_id: Some(item.id),
            action: if overdue {
                "remind_overdue"
            } else {
                "remind_due"
            },
            before: None,
            after: Some(serde_json::json!({ "recipients": recipients.len() })),
        },
    )
    .await?;
    Ok(recipients.len())
}

async fn meeting_reminders(app: &App, sent: &mut Sent) -> Result<(), sqlx::Error> {
    let at = now();
    let until = at + app.config.meeting_reminder_days.max(0) * 24 * 3600;
    let rows = sqlx::query(
        "SELECT id FROM meetings WHERE state = 'invited' AND reminder_sent_at IS NULL
         AND starts_at IS NOT NULL AND starts_at > $1 AND starts_at <= $2 ORDER BY id",
    )
    .bind(at)
    .bind(until)
    .fetch_all(app.db.pool())
    .await?;
    for row in rows {
        let id: i64 = row.get("id");
        let mut tx = app.db.begin().await?;
        let claimed = sqlx::query(
            "UPDATE meetings SET reminder_sent_at = $1 WHERE id = $2 AND reminder_sent_at IS NULL",
        )
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            continue;
        }
        let Some(meeting) = conf_store::meeting(&mut *tx, id).await? else {
            continue;
        };
        // Everyone invited except those who declined.
        let declined: Vec<i64> =
            sqlx::query("SELECT person_id FROM rsvps WHERE meeting_id = $1 AND response = 'no'")
                .bind(meeting.id)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.get("person_id"))
                .collect();
        let recipients: Vec<_> = conf_store::recipients(&mut *tx, meeting.network_id)
            .await?
            .into_iter()
            .filter(|r| !declined.contains(&r.person_id))
            .collect();
        let network: String = sqlx::query("SELECT name FROM networks WHERE id = $1")
            .bind(meeting.network_id)
            .fetch_one(&mut *tx)
            .await?
            .get("name");
        let lang = Lang::De;
        let place = [meeting.location.as_str(), meeting.online_url.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        for r in &recipients {
            let args = [
                ("name".to_string(), r.name.clone()),
                ("title".to_string(), meeting.title.clone()),
                ("network".to_string(), network.clone()),
                (
                    "start".to_string(),
                    meeting.starts_at.map(format_human).unwrap_or_default(),
                ),
                ("place".to_string(), place.clone()),
                (
                    "link".to_string(),
                    format!("{}/conferences/{}/agenda", app.config.base(), meeting.id),
                ),
            ];
            let email = Email {
                to: r.email.clone(),
                subject: lang.t_args("act-mail-meeting-subject", &args),
                text: lang.t_args("act-mail-meeting-body", &args),
                attachments: Vec::new(),
            };
            mail::enqueue(&mut tx, &email).await?;
        }
        conf_store::audit(
            &mut tx,
            Actor::System("reminders"),
            meeting.network_id,
            ("meeting", Some(meeting.id), "remind"),
            None,
            Some(serde_json::json!({ "recipients": recipients.len() })),
        )
        .await?;
        tx.commit().await?;
        sent.meetings += 1;
        sent.mails += recipients.len();
    }
    Ok(())
}
