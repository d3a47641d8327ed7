//! The responsibility matrix in the JSON API under `/api/v1`: the matrix of
//! a network on a day with its `gaps`, `overlaps` and `unconfirmed` cells,
//! and recording an agreement. Same input type, checks and service as the
//! pages.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::{
    model::{Agreement, AgreementInput, Matrix, MatrixQuery},
    service::{self, Loaded},
};
use crate::{
    accounts::viewer::Viewer,
    coordination::registry::{self, Access},
    core::{
        error::AppResult,
        ids::NetworkId,
        web::{App, errors::ErrorBody},
    },
};

/// The agreements that hold on a day (`on`, default today) and every cell
/// of the matrix that is a gap (no lead), an overlap (more than one lead)
/// or unconfirmed (offers cover it, no agreement names anyone).
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/responsibilities", tag = "coordination",
    params(("network_id" = i64, Path, example = 1, description = "Network id"), MatrixQuery),
    responses((status = 200, body = Matrix), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn matrix(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<MatrixQuery>,
) -> AppResult<Json<Matrix>> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let loaded = Loaded::of(&app, &network, service::day_of(&query)).await?;
    Ok(Json(loaded.matrix(network_id)))
}

/// Records an agreement (coordinators).
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/responsibilities", tag = "coordination",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    request_body = AgreementInput,
    responses((status = 201, body = Agreement), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody,
            description = "Invalid fields, a decision of another network, or an overlap with an agreement of the same cell, organisation and role")),
    security(("api_token" = [])))]
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Json(input): Json<AgreementInput>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let id = service::create(&app, user, &network, &input).await?;
    let created = service::agreement_in(&app, network_id, id).await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}
