//! Adding organisations to networks and removing them. The audit entries
//! name the organisation as the entity.

use serde_json::json;

use super::{Entry, gdpr, organizations, write_audit};
use crate::{
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        ids::{NetworkId, OrganizationId},
        store::Tx,
        web::App,
    },
    network::{
        context::OrgContext,
        events::MEMBERSHIP_ENDING,
        model::{MembershipInput, Organization},
        store::{self, memberships, people},
    },
};

/// What removing a membership did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removed {
    /// The organisation stays in its other networks.
    Membership,
    /// It was the last membership: the organisation and its contact people
    /// were deleted too, so that no personal data is kept without a network
    /// that needs it (and that anyone but an administrator could still see).
    Organization,
}

pub async fn insert(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: NetworkId,
    organization_id: OrganizationId,
) -> Result<(), sqlx::Error> {
    memberships::insert(tx, network_id.get(), organization_id.get()).await?;
    let ids = json!({"network_id": network_id, "organization_id": organization_id});
    let entry = Entry {
        network_id: Some(network_id),
        entity: "membership",
        entity_id: organization_id.get(),
        action: "add",
        before: None,
        after: Some(ids),
    };
    write_audit(tx, actor, entry).await
}

fn problem(id: &str) -> AppError {
    let mut fields = FieldErrors::new();
    fields.insert("organization_id".into(), Msg::new(id));
    AppError::invalid(fields)
}

/// Adds an existing organisation (e.g. one serving several Kreise). Only
/// organisations the user may already read (`may_read`) can be added, so
/// that a coordinator cannot gain edit rights over another network's
/// records; the others are "unknown".
pub async fn add(
    app: &App,
    actor: &Actor<'_>,
    network_id: NetworkId,
    input: &MembershipInput,
    may_read: impl Fn(&OrgContext) -> bool,
) -> AppResult<OrganizationId> {
    let organization_id = input.validate().map_err(AppError::invalid)?;
    let ctx = match OrgContext::load(&app.db, organization_id).await {
        Ok(ctx) if may_read(&ctx) => ctx,
        Ok(_) => return Err(problem("net-err-organization-unknown")),
        Err(e) if e.code == "not_found" => return Err(problem("net-err-organization-unknown")),
        Err(e) => return Err(e),
    };
    if ctx.network_ids().contains(&network_id.get()) {
        return Err(problem("net-err-already-member"));
    }
    let name = &ctx.organization.name;
    if store::organizations::name_taken(&app.db, &[network_id.get()], name, None).await? {
        return Err(problem("net-err-organization-taken"));
    }
    let mut tx = app.db.begin().await?;
    insert(&mut tx, actor, network_id, organization_id).await?;
    tx.commit().await?;
    Ok(organization_id)
}

/// Removes an organisation from the network; 404 when it is no member.
pub async fn remove(
    app: &App,
    actor: &Actor<'_>,
    network_id: NetworkId,
    organization_id: OrganizationId,
) -> AppResult<Removed> {
    let pool = app.db.pool();
    if !memberships::exists(pool, network_id.get(), organization_id.get()).await? {
        return Err(AppError::not_found());
    }
    let organization = store::organizations::organization(pool, organization_id.get())
        .await?
        .ok_or_else(AppError::not_found)?;
    let mut tx = app.db.begin().await?;
    let removed = remove_in(app, &mut tx, actor, network_id, &organization).await?;
    tx.commit().await?;
    Ok(removed)
}

/// Ends the membership; the last one takes the organisation and its
/// contact people (erased as GDPR asks) with it.
pub async fn remove_in(
    app: &App,
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: NetworkId,
    organization: &Organization,
) -> Result<Removed, sqlx::Error> {
    let (network, org) = (network_id.get(), organization.id);
    if let Some(membership) = memberships::id(&mut **tx, network, org).await? {
        app.emit(tx, MEMBERSHIP_ENDING, membership).await?;
    }
    memberships::delete(tx, network, org).await?;
    let entry = Entry {
        network_id: Some(network_id),
        entity: "membership",
        entity_id: org,
        action: "remove",
        before: Some(json!({"network_id": network, "organization_id": org})),
        after: None,
    };
    write_audit(tx, actor, entry).await?;
    if memberships::count_for_organization(&mut **tx, org).await? > 0 {
        return Ok(Removed::Membership);
    }
    for person in people::list_for_organization(&mut **tx, org).await? {
        gdpr::erase_in(app, tx, actor, Some(network_id), &person).await?;
    }
    organizations::delete(app, tx, actor, network_id, organization).await?;
    Ok(Removed::Organization)
}
