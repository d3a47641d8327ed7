//! GDPR rights of contact people: access (Art. 15, a JSON export of the
//! record and of every audit entry about it) and erasure (Art. 17: the row
//! is deleted and the values in its audit entries are blanked; the entries
//! themselves stay, so that it remains visible that changes happened).

use serde::Serialize;
use sqlx::Row;
use utoipa::ToSchema;

use super::{
    model::{Organization, Person},
    store::{again, people},
};
use crate::core::{
    audit::{self, Actor, AuditEntry, Change},
    store::{Db, Tx},
};

/// Everything ikon holds about one person.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonExport {
    /// RFC 3339 time of the export.
    pub exported_at: String,
    pub person: Person,
    pub organization: OrganizationRef,
    /// Every audit entry about the person, oldest first.
    pub audit: Vec<AuditEntry>,
    /// Action items from conferences the person is responsible for.
    pub action_items: Vec<ResponsibleFor>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResponsibleFor {
    pub id: i64,
    pub title: String,
    pub due_on: Option<String>,
    pub status: String,
    pub progress: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationRef {
    pub id: i64,
    pub name: String,
}

pub async fn export_person(
    db: &Db,
    person: &Person,
    organization: &Organization,
) -> Result<PersonExport, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, at, actor, network_id, entity, entity_id, action, before_data, after_data
         FROM audit_log WHERE entity = 'person' AND entity_id = $1 ORDER BY id",
    )
    .bind(person.id)
    .fetch_all(db.pool())
    .await?;
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let audit = rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.get("id"),
            at: r.get("at"),
            actor: r.get("actor"),
            network_id: r.get("network_id"),
            entity: r.get("entity"),
            entity_id: r.get("entity_id"),
            action: r.get("action"),
            before: parse(r.get("before_data")),
            after: parse(r.get("after_data")),
        })
        .collect();
    let action_items = sqlx::query(
        "SELECT id, title, due_on, status, progress FROM action_items WHERE responsible_person_id = $1 ORDER BY id",
    )
    .bind(person.id)
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| ResponsibleFor {
        id: r.get("id"),
        title: r.get("title"),
        due_on: r.get("due_on"),
        status: r.get("status"),
        progress: r.get("progress"),
    })
    .collect();
    Ok(PersonExport {
        action_items,
        exported_at: chrono::Utc::now().to_rfc3339(),
        person: person.clone(),
        organization: OrganizationRef {
            id: organization.id,
            name: organization.name.clone(),
        },
        audit,
    })
}

/// Deletes the person and blanks the values of their audit entries, then
/// records that an erasure happened (without values).
pub async fn erase_person(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<i64>,
    person: &Person,
) -> Result<(), sqlx::Error> {
    people::delete_row(tx, person.id).await?;
    audit::erase_values(tx, "person", person.id).await?;
    audit::record(
        tx,
        again(actor),
        Change {
            network_id,
            entity: "person",
            entity_id: Some(person.id),
            action: "erase",
            before: None,
            after: None,
        },
    )
    .await
}
