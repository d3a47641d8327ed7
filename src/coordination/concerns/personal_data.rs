//! Contact people named on concerns in GDPR terms: the concerns that name
//! a person are part of their export (Art. 15), and erasing the person
//! (Art. 17) takes their name off every concern, recorded without values
//! in each concern's audit trail.

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
    concern_id: i64,
    network_id: i64,
    title: String,
    state: String,
}

/// `concern_contacts`: the concerns that name the person as contact.
pub async fn export(db: &Db, person: &PersonRef) -> Result<Map<String, Value>, sqlx::Error> {
    let concerns: Vec<ContactFor> = store::naming_person(db.pool(), person.id)
        .await?
        .into_iter()
        .map(|c| ContactFor {
            concern_id: c.id.get(),
            network_id: c.network_id.get(),
            title: c.title,
            state: c.state.code().into(),
        })
        .collect();
    let mut map = Map::new();
    map.insert("concern_contacts".into(), json!(concerns));
    Ok(map)
}

/// Follows `network::events::PERSON_ERASED` (the person's row still
/// exists).
pub async fn erase(tx: &mut Tx, person_id: i64) -> Result<(), sqlx::Error> {
    for concern in store::forget_person(tx, PersonId(person_id)).await? {
        let network_id: i64 = sqlx::query_scalar("SELECT network_id FROM concerns WHERE id = $1")
            .bind(concern.get())
            .fetch_one(&mut **tx)
            .await?;
        audit::record(
            tx,
            Actor::System("erasure"),
            Change {
                network_id: Some(network_id),
                entity: "concern",
                entity_id: Some(concern.get()),
                action: "contact_erased",
                before: None,
                after: None,
            },
        )
        .await?;
    }
    Ok(())
}
