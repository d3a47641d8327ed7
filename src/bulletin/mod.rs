//! The bulletin: information exchange in a network. Members post
//! regulations, funding calls, events, good practice and news; the
//! coordinator moderates; everybody reads the bulletin page, its archive,
//! the calendar and the feeds (Atom, JSON Feed, iCalendar), and
//! subscribers get mail (each new post, daily or weekly digests, deadline
//! reminders).
//!
//! The house shape: `model` (records, the one input type per form with
//! its `validate`, views), `store` (all SQL), `service` (transactions,
//! audit, mail through the job queue), `web` (HTML handlers), `api`
//! (JSON handlers) and `feeds` (the feed formats).

pub mod api;
pub mod feeds;
pub mod model;
pub mod service;
pub mod store;
pub mod web;

use crate::core::{
    error::AppError,
    ids::PostId,
    web::{Parts, parts::Sweep},
};

/// The bulletin pages everybody may read, in every public language.
pub const PUBLIC_TEMPLATES: &[&str] = &[
    "bulletin/list.html",
    "bulletin/show.html",
    "bulletin/calendar.html",
    "bulletin/unsubscribe.html",
];

/// Hands the bulletin's job kinds and sweep to the app.
pub fn install(parts: Parts) -> Parts {
    parts
        .public_templates(PUBLIC_TEMPLATES)
        .job(service::posts::NOTIFY_JOB, |app, payload| {
            Box::pin(async move {
                let id: i64 = serde_json::from_str(&payload)?;
                service::mail::notify(&app, PostId(id))
                    .await
                    .map_err(|e: AppError| anyhow::anyhow!("{}", e.message.id))
            })
        })
        .sweep(Sweep {
            name: "bulletin",
            every: service::mail::SWEEP_EVERY,
            run: |app| {
                Box::pin(async move {
                    let swept = service::mail::sweep(&app, crate::core::store::now())
                        .await
                        .map_err(|e| anyhow::anyhow!("{}", e.message.id))?;
                    Ok(swept.archived + swept.digests + swept.reminders)
                })
            },
        })
}
