//! Contact people named on concerns and projects in GDPR terms: what
//! names a person is part of their export (Art. 15), and erasing the
//! person (Art. 17) takes their name off it, recorded without values in
//! the audit trail (and, for a project, as a line of its timeline).

use serde_json::{Map, Value, json};

use super::{concerns::store as concerns, projects::store as projects};
use crate::core::{
    audit::{self, Actor, Change},
    ids::PersonId,
    store::{Db, Tx},
    web::parts::PersonRef,
};

/// One concern or project that names the person, as exported.
fn named(id_key: &str, id: i64, network_id: i64, title: String, state: &str) -> Value {
    json!({ id_key: id, "network_id": network_id, "title": title, "state": state })
}

/// `concern_contacts` and `project_contacts`: what names the person as
/// contact.
pub async fn export(db: &Db, person: &PersonRef) -> Result<Map<String, Value>, sqlx::Error> {
    let concerns: Vec<Value> = concerns::naming_person(db.pool(), person.id)
        .await?
        .into_iter()
        .map(|c| {
            named(
                "concern_id",
                c.id.get(),
                c.network_id.get(),
                c.title,
                c.state.code(),
            )
        })
        .collect();
    let projects: Vec<Value> = projects::naming_person(db.pool(), person.id)
        .await?
        .into_iter()
        .map(|(id, network_id, title, state)| {
            named("project_id", id.get(), network_id.get(), title, &state)
        })
        .collect();
    let mut map = Map::new();
    map.insert("concern_contacts".into(), json!(concerns));
    map.insert("project_contacts".into(), json!(projects));
    Ok(map)
}

async fn record_erased(
    tx: &mut Tx,
    entity: &'static str,
    network_id: i64,
    id: i64,
) -> Result<(), sqlx::Error> {
    audit::record(
        tx,
        Actor::System("erasure"),
        Change {
            network_id: Some(network_id),
            entity,
            entity_id: Some(id),
            action: "contact_erased",
            before: None,
            after: None,
        },
    )
    .await
}

/// Follows `network::events::PERSON_ERASED` (the person's row still
/// exists).
pub async fn erase(tx: &mut Tx, person_id: i64) -> Result<(), sqlx::Error> {
    let person = PersonId(person_id);
    for (concern, network) in concerns::forget_person(tx, person).await? {
        record_erased(tx, "concern", network.get(), concern.get()).await?;
    }
    for (project, network) in projects::forget_person(tx, person).await? {
        projects::log(tx, project, None, "contact_erased", "").await?;
        record_erased(tx, "project", network.get(), project.get()).await?;
    }
    Ok(())
}
