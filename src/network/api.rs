//! The registry's JSON API under `/api/v1`: thin adapters over the same
//! input types, service functions and authorisation checks as the HTML
//! pages; errors come back as `{code, message, fields}` from the web
//! shell's error layer.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult},
        ids::{NetworkId, OrganizationId, PersonId},
        web::{App, errors::ErrorBody},
    },
    network::{
        context::{OrgContext, PersonContext, load_network, scope},
        model::{
            Network, Organization, OrganizationDetail, OrganizationInput, OrganizationQuery, Person,
        },
        service,
        store::{self, organizations, people},
    },
};

/// All networks (public).
#[utoipa::path(get, path = "/api/v1/networks", tag = "network",
    responses((status = 200, body = [Network])),
    security((), ("api_token" = [])))]
pub async fn list_networks(State(app): State<App>) -> AppResult<Json<Vec<Network>>> {
    Ok(Json(store::list_networks(&app.db).await?))
}

/// The organisations of a network, by name.
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/organizations", tag = "network",
    params(("network_id" = i64, Path, example = 1, description = "Network id"), OrganizationQuery),
    responses((status = 200, body = [Organization]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Unknown category")),
    security(("api_token" = [])))]
pub async fn list_organizations(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<OrganizationQuery>,
) -> AppResult<Json<Vec<Organization>>> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_read_network(&scope(&network))?;
    let filter = query.validate().map_err(AppError::invalid)?;
    let list = organizations::list_in_network(app.db.pool(), network.id, &filter).await?;
    Ok(Json(list))
}

/// Creates an organisation as a member of the network.
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/organizations", tag = "network",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    request_body = OrganizationInput,
    responses((status = 201, body = Organization), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn create_organization(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Json(input): Json<OrganizationInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let id = service::organizations::create(&app, user, network_id, &input).await?;
    let created = organization(&app, id).await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

async fn organization(app: &App, id: OrganizationId) -> AppResult<Organization> {
    organizations::organization(app.db.pool(), id.get())
        .await?
        .ok_or_else(AppError::not_found)
}

/// An organisation with its contact people and networks.
#[utoipa::path(get, path = "/api/v1/organizations/{organization_id}", tag = "network",
    params(("organization_id" = i64, Path, example = 1, description = "Organisation id")),
    responses((status = 200, body = OrganizationDetail), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn get_organization(
    State(app): State<App>,
    viewer: Viewer,
    Path(organization_id): Path<OrganizationId>,
) -> AppResult<Json<OrganizationDetail>> {
    let ctx = OrgContext::load(&app.db, organization_id).await?;
    viewer.require_read_organization(&ctx.scopes())?;
    let people = people::list_for_organization(app.db.pool(), organization_id.get()).await?;
    let network_ids = ctx.network_ids();
    Ok(Json(OrganizationDetail {
        organization: ctx.organization,
        people,
        network_ids,
    }))
}

/// Replaces an organisation's fields (all of them: omitted ones become
/// empty).
#[utoipa::path(put, path = "/api/v1/organizations/{organization_id}", tag = "network",
    params(("organization_id" = i64, Path, example = 1, description = "Organisation id")),
    request_body = OrganizationInput,
    responses((status = 200, body = Organization), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn update_organization(
    State(app): State<App>,
    viewer: Viewer,
    Path(organization_id): Path<OrganizationId>,
    Json(input): Json<OrganizationInput>,
) -> AppResult<Json<Organization>> {
    let ctx = OrgContext::load(&app.db, organization_id).await?;
    let user = viewer.require_edit_organization(organization_id.get(), &ctx.network_ids())?;
    service::organizations::update(&app, user, &ctx, &input).await?;
    Ok(Json(organization(&app, organization_id).await?))
}

#[utoipa::path(get, path = "/api/v1/people/{person_id}", tag = "network",
    params(("person_id" = i64, Path, example = 1, description = "Person id")),
    responses((status = 200, body = Person), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn get_person(
    State(app): State<App>,
    viewer: Viewer,
    Path(person_id): Path<PersonId>,
) -> AppResult<Json<Person>> {
    let ctx = PersonContext::load(&app.db, person_id).await?;
    viewer.require_read_organization(&ctx.org.scopes())?;
    Ok(Json(ctx.person))
}

/// GDPR erasure: deletes the person and blanks the values in their audit
/// entries (which stay, with an `erase` entry added).
#[utoipa::path(delete, path = "/api/v1/people/{person_id}", tag = "network",
    params(("person_id" = i64, Path, example = 1, description = "Person id")),
    responses((status = 204, description = "Erased"), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn erase_person(
    State(app): State<App>,
    viewer: Viewer,
    Path(person_id): Path<PersonId>,
) -> AppResult<StatusCode> {
    let ctx = PersonContext::load(&app.db, person_id).await?;
    let user = viewer.require_edit_organization(ctx.org.organization.id, &ctx.org.network_ids())?;
    service::gdpr::erase(&app, user, &ctx).await?;
    Ok(StatusCode::NO_CONTENT)
}
