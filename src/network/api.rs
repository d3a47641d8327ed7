//! The registry's JSON API under `/api/v1`. The same validation, store
//! functions and authorisation checks as the HTML pages; errors come back
//! as `{code, message, fields}` from the web shell's error layer.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        web::{App, errors::ErrorBody},
    },
    network::{
        context::{OrgContext, PersonContext, load_network, scope},
        gdpr,
        model::{Category, Network, Organization, Person},
        store::{
            self,
            organizations::{self, Filter},
            people,
        },
        validate::OrganizationInput,
    },
};

/// All networks (public).
#[utoipa::path(get, path = "/api/v1/networks", tag = "network",
    responses((status = 200, body = [Network])),
    security((), ("api_token" = [])))]
pub async fn list_networks(State(app): State<App>) -> AppResult<Json<Vec<Network>>> {
    Ok(Json(store::list_networks(&app.db).await?))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganizationQuery {
    /// Part of the name, case- and umlaut-insensitive.
    #[serde(default)]
    pub q: String,
    /// A category code, e.g. `school`.
    #[serde(default)]
    pub category: String,
}

/// The organisations of a network, by name.
#[utoipa::path(get, path = "/api/v1/networks/{id}/organizations", tag = "network",
    params(("id" = i64, Path, description = "Network id"), OrganizationQuery),
    responses((status = 200, body = [Organization]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Unknown category")),
    security(("api_token" = [])))]
pub async fn list_organizations(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(query): Query<OrganizationQuery>,
) -> AppResult<Json<Vec<Organization>>> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let category = match query.category.trim() {
        "" => None,
        code => Some(Category::parse(code).ok_or_else(category_error)?),
    };
    let filter = Filter {
        query: query.q,
        category,
    };
    let list = organizations::list_in_network(app.db.pool(), id, &filter).await?;
    Ok(Json(list))
}

fn category_error() -> AppError {
    let mut fields = FieldErrors::new();
    let msg = Msg::new("net-err-category").arg("codes", Category::codes());
    fields.insert("category".into(), msg);
    AppError::invalid(fields)
}

/// Creates an organisation as a member of the network.
#[utoipa::path(post, path = "/api/v1/networks/{id}/organizations", tag = "network",
    params(("id" = i64, Path, description = "Network id")),
    request_body = OrganizationInput,
    responses((status = 201, body = Organization), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn create_organization(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(input): Json<OrganizationInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let mut errors = FieldErrors::new();
    let record = input.validate().map_err(|e| errors = e).ok();
    if organizations::name_taken(&app.db, &[network.id], &input.name, None).await? {
        errors.insert("name".into(), Msg::new("net-err-organization-taken"));
    }
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        return Err(AppError::invalid(errors));
    };
    let mut tx = app.db.begin().await?;
    let org_id = organizations::create(&mut tx, &Actor::User(user), network.id, &record).await?;
    tx.commit().await?;
    let created = organizations::organization(app.db.pool(), org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// An organisation with its contact people and networks.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationDetail {
    #[serde(flatten)]
    pub organization: Organization,
    pub people: Vec<Person>,
    /// Ids of the networks the organisation belongs to.
    pub network_ids: Vec<i64>,
}

#[utoipa::path(get, path = "/api/v1/organizations/{id}", tag = "network",
    params(("id" = i64, Path, description = "Organisation id")),
    responses((status = 200, body = OrganizationDetail), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn get_organization(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Json<OrganizationDetail>> {
    let ctx = OrgContext::load(&app.db, id).await?;
    viewer.require_read_organization(&ctx.scopes())?;
    let people = people::list_for_organization(app.db.pool(), id).await?;
    let network_ids = ctx.network_ids();
    Ok(Json(OrganizationDetail {
        organization: ctx.organization,
        people,
        network_ids,
    }))
}

/// Replaces an organisation's fields (all of them: omitted ones become
/// empty).
#[utoipa::path(put, path = "/api/v1/organizations/{id}", tag = "network",
    params(("id" = i64, Path, description = "Organisation id")),
    request_body = OrganizationInput,
    responses((status = 200, body = Organization), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn update_organization(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(input): Json<OrganizationInput>,
) -> AppResult<Json<Organization>> {
    let ctx = OrgContext::load(&app.db, id).await?;
    let user = viewer.require_edit_organization(id, &ctx.network_ids())?;
    let mut errors = FieldErrors::new();
    let record = input.validate().map_err(|e| errors = e).ok();
    if organizations::name_taken(&app.db, &ctx.network_ids(), &input.name, Some(id)).await? {
        errors.insert("name".into(), Msg::new("net-err-organization-taken"));
    }
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        return Err(AppError::invalid(errors));
    };
    let mut tx = app.db.begin().await?;
    let network_id = ctx.audit_network(user);
    let actor = Actor::User(user);
    organizations::update(&mut tx, &actor, network_id, &ctx.organization, &record).await?;
    tx.commit().await?;
    let updated = organizations::organization(app.db.pool(), id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(updated))
}

#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "network",
    params(("id" = i64, Path, description = "Person id")),
    responses((status = 200, body = Person), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn get_person(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Json<Person>> {
    let ctx = PersonContext::load(&app.db, id).await?;
    viewer.require_read_organization(&ctx.org.scopes())?;
    Ok(Json(ctx.person))
}

/// GDPR erasure: deletes the person and blanks the values in their audit
/// entries (which stay, with an `erase` entry added).
#[utoipa::path(delete, path = "/api/v1/people/{id}", tag = "network",
    params(("id" = i64, Path, description = "Person id")),
    responses((status = 204, description = "Erased"), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn erase_person(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    let ctx = PersonContext::load(&app.db, id).await?;
    let user = viewer.require_edit_organization(ctx.org.organization.id, &ctx.org.network_ids())?;
    let mut tx = app.db.begin().await?;
    let network_id = ctx.org.audit_network(user);
    gdpr::erase_person(&mut tx, &Actor::User(user), network_id, &ctx.person).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
