//! Coordination: the network's agreements on who does what where (the
//! responsibility matrix), its joint projects and the concerns it carries
//! to politics and administration.
//!
//! The house shape per concern: `model` (records, inputs with their one
//! `validate`, views), `store` (the only SQL on its tables), `service`
//! (transactions and audit), `web` (pages) and `api` (JSON). `registry` is
//! the one door to the network registry, the offers and the conferences.

pub mod concerns;
pub mod panel;
pub mod personal_data;
pub mod projects;
pub mod registry;
pub mod responsibilities;

use crate::core::web::{Parts, parts::Sweep};

/// Hands coordination's parts to the app: the reminder of concerns that
/// wait too long for an answer, the panel on the network page, and the
/// concerns' and projects' part of a contact person's GDPR export and
/// erasure.
pub fn install(parts: Parts) -> Parts {
    parts
        .personal_data(|app, person| {
            Box::pin(async move { personal_data::export(&app.db, &person).await })
        })
        .on(crate::network::events::PERSON_ERASED, |tx, id| {
            Box::pin(personal_data::erase(tx, id))
        })
        .network_panel(crate::core::web::parts::NetworkPanel {
            template: "coordination/panel.html",
            load: |app, viewer, network_id| {
                Box::pin(async move { panel::load(&app, &viewer, network_id).await })
            },
        })
        .sweep(Sweep {
            name: "concern reminders",
            every: concerns::reminders::SWEEP_EVERY,
            run: |app| {
                Box::pin(async move {
                    concerns::reminders::sweep(&app).await.map_err(|e| {
                        anyhow::anyhow!("concern reminders: {} ({})", e.code, e.message.id)
                    })
                })
            },
        })
}
