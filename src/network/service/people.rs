//! Creating and editing contact people, and their consent to be shown in
//! the open OParl interface. A person's name must be free within the
//! organisation, because the CSV import finds people by it.

use serde_json::{Value, json};

use super::{Entry, valid, write_audit};
use crate::{
    accounts::model::User,
    core::{
        audit::Actor,
        error::{AppResult, FieldErrors, Msg},
        ids::{NetworkId, OrganizationId, PersonId},
        store::Tx,
        web::App,
    },
    network::{
        context::{OrgContext, PersonContext},
        events::PERSON_WITHDRAWN,
        model::{Person, PersonForm, PersonInput, PersonRecord},
        store::people,
    },
};

/// What the audit log keeps of a person until the person is erased.
fn snapshot(organization_id: i64, record: &PersonRecord) -> Value {
    json!({
        "organization_id": organization_id, "name": record.name, "function": record.function,
        "email": record.email, "phone": record.phone,
    })
}

fn record_of(p: &Person) -> PersonRecord {
    PersonRecord {
        name: p.name.clone(),
        function: p.function.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
    }
}

/// The input's field errors plus a name already taken in the organisation.
async fn checked(
    app: &App,
    organization_id: i64,
    input: &PersonInput,
    except: Option<i64>,
) -> AppResult<PersonRecord> {
    let mut more = FieldErrors::new();
    if people::name_taken(app.db.pool(), organization_id, &input.name, except).await? {
        more.insert("name".into(), Msg::new("net-err-person-taken"));
    }
    valid(input.validate(), more)
}

pub async fn create(
    app: &App,
    user: &User,
    ctx: &OrgContext,
    form: &PersonForm,
) -> AppResult<PersonId> {
    let record = checked(app, ctx.organization.id, &form.input, None).await?;
    let mut tx = app.db.begin().await?;
    let (actor, network_id) = (Actor::User(user), ctx.audit_network(user));
    let id = insert(
        &mut tx,
        &actor,
        network_id,
        ctx.id(),
        &record,
        form.public(),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Writes a valid person with audit entries; `public` records the consent
/// to appear in OParl (also for the CSV import and the demo loader).
pub async fn insert(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<NetworkId>,
    organization_id: OrganizationId,
    record: &PersonRecord,
    public: bool,
) -> Result<PersonId, sqlx::Error> {
    let id = people::insert(tx, organization_id.get(), record).await?;
    let entry = Entry {
        network_id,
        entity: "person",
        entity_id: id,
        action: "create",
        before: None,
        after: Some(snapshot(organization_id.get(), record)),
    };
    write_audit(tx, actor, entry).await?;
    if public {
        consent(tx, actor, network_id, id, true).await?;
    }
    Ok(PersonId(id))
}

pub async fn update(
    app: &App,
    user: &User,
    ctx: &PersonContext,
    form: &PersonForm,
) -> AppResult<()> {
    let person = &ctx.person;
    let record = checked(app, person.organization_id, &form.input, Some(person.id)).await?;
    let mut tx = app.db.begin().await?;
    let (actor, network_id) = (Actor::User(user), ctx.org.audit_network(user));
    write(&mut tx, &actor, network_id, person, &record).await?;
    let id = PersonId(person.id);
    set_public(app, &mut tx, &actor, network_id, id, form.public()).await?;
    tx.commit().await?;
    Ok(())
}

/// Stores a changed record (not the consent, which the CSV file lacks).
pub async fn write(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<NetworkId>,
    before: &Person,
    record: &PersonRecord,
) -> Result<(), sqlx::Error> {
    people::update(tx, before.id, record).await?;
    let entry = Entry {
        network_id,
        entity: "person",
        entity_id: before.id,
        action: "update",
        before: Some(snapshot(before.organization_id, &record_of(before))),
        after: Some(snapshot(before.organization_id, record)),
    };
    write_audit(tx, actor, entry).await
}

/// Records the person's consent to be public, or its withdrawal, which
/// followers hear of first (OParl leaves a tombstone so that clients drop
/// their copy).
pub async fn set_public(
    app: &App,
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<NetworkId>,
    id: PersonId,
    public: bool,
) -> Result<(), sqlx::Error> {
    let before = people::is_public(&mut **tx, id.get()).await?;
    if before == public {
        return Ok(());
    }
    if before {
        app.emit(tx, PERSON_WITHDRAWN, id.get()).await?;
    }
    consent(tx, actor, network_id, id.get(), public).await
}

async fn consent(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<NetworkId>,
    id: i64,
    public: bool,
) -> Result<(), sqlx::Error> {
    people::set_public(tx, id, public).await?;
    let entry = Entry {
        network_id,
        entity: "person",
        entity_id: id,
        action: "update",
        before: Some(json!({ "is_public": !public })),
        after: Some(json!({ "is_public": public })),
    };
    write_audit(tx, actor, entry).await
}
