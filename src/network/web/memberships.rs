//! Adding an existing organisation to a network, and removing one.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};

use super::{checked, networks::render_show, saved};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::AppResult,
        ids::{NetworkId, OrganizationId},
        paths,
        web::App,
    },
    network::{
        context::{OrgContext, load_network},
        model::MembershipInput,
        service::{self, memberships::Removed},
    },
};

/// Only organisations the viewer may already read can be added (see
/// `service::memberships::add`); a failure re-renders the network page.
pub async fn add(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(input): Form<MembershipInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let may_read = |ctx: &OrgContext| viewer.can_read_organization(&ctx.scopes());
    let actor = Actor::User(user);
    let added = service::memberships::add(&app, &actor, network_id, &input, may_read);
    match checked(added.await)? {
        Ok(_) => Ok(saved(&paths::network(network_id), "net-membership-added")),
        Err(errors) => {
            let value = input.organization_id.trim();
            render_show(&app, &viewer, &network, value, &errors).await
        }
    }
}

/// Removes an organisation from the network (404 when it is no member
/// there); its last membership takes the organisation and its people with
/// it.
pub async fn remove(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, organization_id)): Path<(NetworkId, OrganizationId)>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let actor = Actor::User(user);
    let removed = service::memberships::remove(&app, &actor, network_id, organization_id).await?;
    let notice = match removed {
        Removed::Membership => "net-membership-removed",
        Removed::Organization => "net-organization-deleted",
    };
    Ok(saved(&paths::network(network_id), notice))
}
