//! Creating, editing and deleting organisations. The form and the API
//! share these functions and `OrganizationInput::validate`; a name must be
//! free in every network the organisation belongs to, because the CSV
//! import finds organisations by name.

use serde_json::{Value, json};

use super::{Entry, memberships, valid, write_audit};
use crate::{
    accounts::model::User,
    core::{
        audit::Actor,
        error::{AppResult, FieldErrors, Msg},
        ids::{NetworkId, OrganizationId},
        store::Tx,
        web::App,
    },
    network::{
        context::OrgContext,
        events::ORGANIZATION_CHANGED,
        model::{Organization, OrganizationInput, OrganizationRecord},
        store::organizations,
    },
};

/// What the audit log keeps of an organisation (no personal data in it).
fn snapshot(record: &OrganizationRecord) -> Value {
    json!(record)
}

/// The input's field errors plus a name already taken in these networks.
async fn checked(
    app: &App,
    input: &OrganizationInput,
    network_ids: &[i64],
    except: Option<i64>,
) -> AppResult<OrganizationRecord> {
    let mut more = FieldErrors::new();
    if organizations::name_taken(&app.db, network_ids, &input.name, except).await? {
        more.insert("name".into(), Msg::new("net-err-organization-taken"));
    }
    valid(input.validate(), more)
}

/// Creates an organisation as a member of the network.
pub async fn create(
    app: &App,
    user: &User,
    network_id: NetworkId,
    input: &OrganizationInput,
) -> AppResult<OrganizationId> {
    let record = checked(app, input, &[network_id.get()], None).await?;
    let mut tx = app.db.begin().await?;
    let id = insert(&mut tx, &Actor::User(user), network_id, &record).await?;
    tx.commit().await?;
    Ok(id)
}

/// Writes a valid organisation and its membership in `network_id`, with
/// their audit entries.
pub async fn insert(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: NetworkId,
    record: &OrganizationRecord,
) -> Result<OrganizationId, sqlx::Error> {
    let id = organizations::insert(tx, record).await?;
    let entry = Entry {
        network_id: Some(network_id),
        entity: "organization",
        entity_id: id,
        action: "create",
        before: None,
        after: Some(snapshot(record)),
    };
    write_audit(tx, actor, entry).await?;
    memberships::insert(tx, actor, network_id, OrganizationId(id)).await?;
    Ok(OrganizationId(id))
}

/// Replaces the organisation's fields; the change is recorded in the
/// user's own network if the organisation belongs to it.
pub async fn update(
    app: &App,
    user: &User,
    ctx: &OrgContext,
    input: &OrganizationInput,
) -> AppResult<()> {
    let before = &ctx.organization;
    let record = checked(app, input, &ctx.network_ids(), Some(before.id)).await?;
    let mut tx = app.db.begin().await?;
    let actor = Actor::User(user);
    write(
        app,
        &mut tx,
        &actor,
        ctx.audit_network(user),
        before,
        &record,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Stores a changed organisation. `network_id`: the network in whose
/// context the change is made, for the network's audit log.
pub async fn write(
    app: &App,
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<NetworkId>,
    before: &Organization,
    record: &OrganizationRecord,
) -> Result<(), sqlx::Error> {
    organizations::update(tx, before.id, record).await?;
    // The provider's name is part of its offers' search entries.
    app.emit(tx, ORGANIZATION_CHANGED, before.id).await?;
    let entry = Entry {
        network_id,
        entity: "organization",
        entity_id: before.id,
        action: "update",
        before: Some(snapshot(&OrganizationRecord::from(before))),
        after: Some(snapshot(record)),
    };
    write_audit(tx, actor, entry).await
}

/// Deletes an organisation that has no memberships and no people left.
pub async fn delete(
    app: &App,
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: NetworkId,
    organization: &Organization,
) -> Result<(), sqlx::Error> {
    // Its offers go with it (cascade): followers drop them while they
    // still exist.
    app.emit(tx, ORGANIZATION_CHANGED, organization.id).await?;
    organizations::delete(tx, organization.id).await?;
    let entry = Entry {
        network_id: Some(network_id),
        entity: "organization",
        entity_id: organization.id,
        action: "delete",
        before: Some(snapshot(&OrganizationRecord::from(organization))),
        after: None,
    };
    write_audit(tx, actor, entry).await
}
