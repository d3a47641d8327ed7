//! GDPR rights of contact people: access (Art. 15, a JSON export of the
//! record, of every audit entry about it and of what other capabilities
//! hold about the person) and erasure (Art. 17: the row is deleted and the
//! values in its audit entries are blanked; the entries themselves stay,
//! so that it remains visible that changes happened).

use crate::{
    accounts::model::User,
    core::{
        audit::{self, Actor},
        error::AppResult,
        ids::{NetworkId, PersonId},
        store::Tx,
        web::{App, parts::PersonRef},
    },
    network::{
        context::PersonContext,
        events::PERSON_ERASED,
        model::{OrganizationRef, Person, PersonExport},
        store::people,
    },
};

use super::{Entry, write_audit};

pub async fn export(app: &App, ctx: &PersonContext) -> Result<PersonExport, sqlx::Error> {
    let person = &ctx.person;
    let who = PersonRef {
        id: PersonId(person.id),
        email: person.email.clone(),
    };
    Ok(PersonExport {
        exported_at: chrono::Utc::now().to_rfc3339(),
        person: person.clone(),
        public_in_oparl: people::is_public(app.db.pool(), person.id).await?,
        organization: OrganizationRef {
            id: ctx.org.organization.id,
            name: ctx.org.organization.name.clone(),
        },
        audit: audit::about(&app.db, "person", person.id).await?,
        sections: app.personal_data(&who).await?,
    })
}

/// Erases the person on a user's request (the form and the API).
pub async fn erase(app: &App, user: &User, ctx: &PersonContext) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let network_id = ctx.org.audit_network(user);
    erase_in(app, &mut tx, &Actor::User(user), network_id, &ctx.person).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes the person (followers hear of it first, while the row still
/// exists) and blanks the values of their audit entries, then records that
/// an erasure happened (without values).
pub async fn erase_in(
    app: &App,
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<NetworkId>,
    person: &Person,
) -> Result<(), sqlx::Error> {
    app.emit(tx, PERSON_ERASED, person.id).await?;
    people::delete(tx, person.id).await?;
    audit::erase_values(tx, "person", person.id).await?;
    let entry = Entry {
        network_id,
        entity: "person",
        entity_id: person.id,
        action: "erase",
        before: None,
        after: None,
    };
    write_audit(tx, actor, entry).await
}
