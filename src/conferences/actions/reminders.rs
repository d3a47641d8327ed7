//! Reminder mails: before an action item's due date, once when it is
//! overdue, and before a meeting. A sweep runs every few minutes in every
//! `ikon serve` process. Each reminder is claimed with
//! `UPDATE … SET reminded_x = now WHERE id = … AND reminded_x IS NULL` and
//! its mails are queued in the same transaction: whichever process changes
//! the row sends, any other one finds nothing to do. Delivery goes through
//! the job queue, so a mail server that is down delays mail and loses none.

use std::time::Duration;

use chrono::{Days, NaiveDate};

use super::{
    model::{ActionItem, format_day, today},
    store::{self, Reminder},
};
use crate::{
    conferences::{
        model::format_human,
        registry,
        service::{absolute, place},
        store as conf_store,
    },
    core::{
        audit::{self, Actor, Change},
        error::AppResult,
        i18n::Lang,
        mail::{self, Email},
        paths,
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
pub async fn sweep(app: &App) -> AppResult<Sent> {
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
) -> AppResult<()> {
    // Overdue: the due date has passed. Due soon: within the next N days.
    for reminder in [Reminder::Overdue, Reminder::Due] {
        let ids = store::to_remind(app.db.pool(), reminder, &iso(today), &iso(ahead)).await?;
        for id in ids {
            let mut tx = app.db.begin().await?;
            if !store::claim_reminder(&mut tx, id, reminder).await? {
                continue;
            }
            let Some(item) = store::item(&mut *tx, id).await? else {
                continue;
            };
            let mails = remind_action(&mut tx, app, &item, reminder).await?;
            tx.commit().await?;
            sent.mails += mails;
            match reminder {
                Reminder::Overdue => sent.overdue += 1,
                Reminder::Due => sent.due += 1,
            }
        }
    }
    Ok(())
}

/// The responsible person, or else the contacts of the responsible organisation.
async fn action_recipients(app: &App, item: &ActionItem) -> AppResult<Vec<String>> {
    if let Some(email) = registry::person_email(&app.db, item.responsible_person_id).await? {
        return Ok(vec![email]);
    }
    match item.responsible_organization_id {
        Some(org) => registry::organization_emails(&app.db, org).await,
        None => Ok(Vec::new()),
    }
}

async fn remind_action(
    tx: &mut Tx,
    app: &App,
    item: &ActionItem,
    reminder: Reminder,
) -> AppResult<usize> {
    let lang = Lang::De;
    let recipients = action_recipients(app, item).await?;
    let args = [
        ("title".to_string(), item.title.clone()),
        ("meeting".to_string(), item.origin()),
        (
            "origin".to_string(),
            if item.post_id.is_some() {
                "event"
            } else {
                "meeting"
            }
            .to_string(),
        ),
        (
            "due".to_string(),
            item.due_on.as_deref().map(format_day).unwrap_or_default(),
        ),
        ("progress".to_string(), item.progress.to_string()),
        (
            "link".to_string(),
            absolute(app, &paths::action(item.network_id, item.id)),
        ),
    ];
    let (subject, body, action) = match reminder {
        Reminder::Overdue => (
            "act-mail-overdue-subject",
            "act-mail-overdue-body",
            "remind_overdue",
        ),
        Reminder::Due => ("act-mail-due-subject", "act-mail-due-body", "remind_due"),
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
            network_id: Some(item.network_id.get()),
            entity: "action_item",
            entity_id: Some(item.id.get()),
            action,
            before: None,
            after: Some(serde_json::json!({ "recipients": recipients.len() })),
        },
    )
    .await?;
    Ok(recipients.len())
}

async fn meeting_reminders(app: &App, sent: &mut Sent) -> AppResult<()> {
    let at = now();
    let until = at + app.config.meeting_reminder_days.max(0) * 24 * 3600;
    for id in conf_store::meetings_to_remind(app.db.pool(), at, until).await? {
        let mut tx = app.db.begin().await?;
        if !conf_store::claim_meeting_reminder(&mut tx, id).await? {
            continue;
        }
        let Some(meeting) = conf_store::meeting(&mut *tx, id).await? else {
            continue;
        };
        // Everyone invited except those who declined.
        let declined = conf_store::declined(&mut *tx, meeting.id).await?;
        let recipients: Vec<_> = registry::recipients(&app.db, meeting.network_id)
            .await?
            .into_iter()
            .filter(|r| !declined.contains(&r.id))
            .collect();
        let network = registry::network(&app.db, meeting.network_id).await?.name;
        let lang = Lang::De;
        let place = place(&meeting);
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
                    absolute(app, &paths::agenda(meeting.network_id, meeting.id)),
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
            ("meeting", Some(meeting.id.get()), "remind"),
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
