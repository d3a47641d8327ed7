//! Contact people named on projects in GDPR terms: the projects that name
//! a person are part of their export (Art. 15), and erasing the person
//! (Art. 17) takes their name off every project, recorded without values
//! in the audit trail and as an entry of each project's timeline.

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::store;
use crate::core::{
    audit::{self, Actor, Change},
    ids::PersonId,
    store::{Db, Tx},
    web::parts::PersonRef,
};

#[derive(Serialize)]
struct ContactFor {
    project_id: i64,
    network_id: i64,
    title: String,
    state: String,
}

/// `project_contacts`: the projects that name the person as contact.
pub async fn export(db: &Db, person: &PersonRef) -> Result<Map<String, Value>, sqlx::Error> {
    let projects: Vec<ContactFor> = store::naming_person(db.pool(), person.id)
        .await?
        .into_iter()
        .map(|(id, network_id, title, state)| ContactFor {
            project_id: id.get(),
            network_id: network_id.get(),
            title,
            state,
        })
        .collect();
    let mut map = Map::new();
    map.insert("project_contacts".into(), json!(projects));
    Ok(map)
}

/// Follows `network::events::PERSON_ERASED` (the person's row still
/// exists).
pub async fn erase(tx: &mut Tx, person_id: i64) -> Result<(), sqlx::Error> {
    for (project, network) in store::forget_person(tx, PersonId(person_id)).await? {
        store::log(tx, project, None, "contact_erased", "").await?;
        audit::record(
            tx,
            Actor::System("erasure"),
            Change {
                network_id: Some(network.get()),
                entity: "project",
                entity_id: Some(project.get()),
                action: "contact_erased",
                before: None,
                after: None,
            },
        )
        .await?;
    }
    Ok(())
}
