//! Freshness reminders: a periodic sweep in every `ikon serve` process
//! e-mails the contact people of a stale offer's organisation once per
//! period (see `store::freshness` for how a period is claimed).

use std::time::Duration;

use serde_json::json;

use crate::core::{
    audit::{self, Actor, Change},
    i18n::Lang,
    mail::{self, Email},
    store::now,
    web::App,
};
use crate::network::store::people;
use crate::offers::{model::freshness::cutoff, store::freshness as store};

/// How often each process looks for stale offers.
pub const SWEEP_EVERY: Duration = Duration::from_secs(3600);

/// Looks for stale published offers without a reminder for their current
/// period and queues one reminder each. Returns how many offers got one.
pub async fn sweep(app: &App) -> Result<usize, sqlx::Error> {
    let at = now();
    let due = store::due(app.db.pool(), cutoff(&app.config, at)).await?;
    let mut reminded = 0;
    for due in &due {
        let mut tx = app.db.begin().await?;
        if !store::claim(&mut tx, due, at).await? {
            continue;
        }
        let mut people: Vec<_> = people::list_for_organization(&mut *tx, due.organization_id.get())
            .await?
            .into_iter()
            .filter(|p| !p.email.is_empty())
            .collect();
        // In the order they were entered, as the reminders always went.
        people.sort_by_key(|p| p.id);
        let link = format!(
            "{}{}",
            app.config.base(),
            crate::core::paths::offer_edit(due.network_id, due.offer_id)
        );
        for person in &people {
            let args = [
                ("title".to_string(), due.title.clone()),
                ("name".to_string(), person.name.clone()),
                ("link".to_string(), link.clone()),
                (
                    "months".to_string(),
                    app.config.offers_stale_after_months.to_string(),
                ),
            ];
            // Organisations are German; so is the reminder.
            let email = Email {
                to: person.email.clone(),
                subject: Lang::De.t_args("fresh-mail-subject", &args),
                text: Lang::De.t_args("fresh-mail-body", &args),
                attachments: Vec::new(),
            };
            mail::enqueue(&mut tx, &email).await?;
        }
        store::set_recipients(&mut tx, due, people.len()).await?;
        audit::record(
            &mut tx,
            Actor::System("freshness"),
            Change {
                network_id: Some(due.network_id.get()),
                entity: "offer",
                entity_id: Some(due.offer_id.get()),
                action: "reminder",
                before: None,
                after: Some(json!({ "verified_at": due.verified_at, "recipients": people.len() })),
            },
        )
        .await?;
        tx.commit().await?;
        reminded += 1;
    }
    Ok(reminded)
}
