//! Conferences: the meeting series of a network (rhythm, rotating
//! organiser, due date), meetings, and finding a date with a poll answered
//! through personal links; action items, the supervisor's overview and the
//! personal calendar feed.

pub mod actions;
pub mod documents;
pub mod feeds;
pub mod files;
pub mod ical;
pub mod invitations;
pub mod links;
pub mod model;
pub mod overview;
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
                    let sent = actions::reminders::sweep(&app).await?;
                    Ok(sent.mails)
                })
            },
        })
        // A contact person's attendance, answers, registrations, comments
        // and action items in their GDPR export.
        .personal_data(|app, person| {
            Box::pin(async move { store::personal_data::personal_data(&app.db, &person).await })
        })
}
