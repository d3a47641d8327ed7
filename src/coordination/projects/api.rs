//! Projects in the JSON API under `/api/v1`: the list of a network,
//! proposing or recording one, and progress reports. Same input types,
//! checks and service as the pages.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::{
    model::{ProgressInput, Project, ProjectInput},
    service, store,
};
use crate::{
    accounts::viewer::Viewer,
    coordination::registry::{self, Access},
    core::{
        error::AppResult,
        ids::{NetworkId, ProjectId},
        web::{App, errors::ErrorBody},
    },
};

/// The projects of a network (parents, each followed by its
/// sub-projects), with partners, milestones, funding and the rolled-up
/// progress.
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/projects", tag = "coordination",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    responses((status = 200, body = [Project]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Json<Vec<Project>>> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    Ok(Json(store::projects(app.db.pool(), network_id).await?))
}

/// Proposes a project (members) or records one (coordinators).
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/projects", tag = "coordination",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    request_body = ProjectInput,
    responses((status = 201, body = Project), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody,
            description = "Invalid fields: end before start, a sub-project of a sub-project, an unknown status or partner")),
    security(("api_token" = [])))]
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Json(input): Json<ProjectInput>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    let id = service::create(&app, &viewer, &network, &input).await?;
    let created = service::project_in(&app, network_id, id).await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// Reports status and progress (the lead partner's members, coordinators);
/// an empty progress takes the status's default.
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/projects/{project_id}/progress", tag = "coordination",
    params(("network_id" = i64, Path, example = 1, description = "Network id"),
        ("project_id" = i64, Path, example = 1, description = "Project id")),
    request_body = ProgressInput,
    responses((status = 200, body = Project), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "Not the lead partner"),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Unknown status or progress outside 0–100")),
    security(("api_token" = [])))]
pub async fn progress(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, project_id)): Path<(NetworkId, ProjectId)>,
    Json(input): Json<ProgressInput>,
) -> AppResult<Json<Project>> {
    registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    let project = service::project_in(&app, network_id, project_id).await?;
    let user = service::may_lead(&viewer, &project)?;
    service::report_progress(&app, user, &project, &input).await?;
    Ok(Json(
        service::project_in(&app, network_id, project_id).await?,
    ))
}
