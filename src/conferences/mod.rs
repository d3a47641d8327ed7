//! Conferences: the meeting series of a network (rhythm, rotating
//! organiser, due date), meetings, and finding a date with a poll answered
//! through personal links; invitations, the agenda with attachments and
//! members' proposals, attendance, minutes; action items, the supervisor's
//! overview and the calendar feeds.
//!
//! The shape of every capability: `model` (records, input types with their
//! validation, views), `store` (the only SQL), `service` (what a step does,
//! for pages and API alike), `web` (pages) and `api` (JSON). `registry` is
//! the one door to the network registry and the accounts.

pub mod actions;
pub mod api;
pub mod files;
pub mod ical;
pub mod model;
pub mod registry;
pub mod service;
pub mod store;
pub mod web;

use crate::core::web::{Parts, parts::Sweep};

/// Hands the conferences' background work to the app: reminders of due
/// action items and upcoming meetings.
pub fn install(parts: Parts) -> Parts {
    parts
        .sweep(Sweep {
            name: "reminders",
            every: actions::reminders::SWEEP_EVERY,
            run: |app| {
                Box::pin(async move {
                    let sent = actions::reminders::sweep(&app)
                        .await
                        .map_err(|e| anyhow::anyhow!("reminders: {} ({})", e.code, e.message.id))?;
                    Ok(sent.mails)
                })
            },
        })
        // A new password voids the calendar feed URL of the old one.
        .on(crate::accounts::events::PASSWORD_CHANGED, |tx, id| {
            Box::pin(store::revoke_calendar_feed(tx, id))
        })
        // A contact person's attendance, answers, registrations, comments
        // and action items in their GDPR export.
        .personal_data(|app, person| {
            Box::pin(async move { store::personal_data::personal_data(&app.db, &person).await })
        })
}
