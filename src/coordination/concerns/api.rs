//! Concerns in the JSON API under `/api/v1`: the list of a network,
//! drafting one, and moves of the state machine — a forbidden move is a
//! 409 whose body lists the allowed ones.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::ToSchema;

use super::{
    model::{Concern, ConcernInput, ConcernState, TransitionInput},
    service,
};
use crate::{
    accounts::viewer::Viewer,
    coordination::registry::{self, Access},
    core::{
        error::AppResult,
        ids::{ConcernId, NetworkId},
        web::{App, errors::ErrorBody},
    },
};

/// The concerns of a network, newest first, each with the states it may
/// move to.
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/concerns", tag = "coordination",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    responses((status = 200, body = [Concern]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Json<Vec<Concern>>> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    Ok(Json(service::concerns(&app, network_id).await?))
}

/// Drafts a concern (members, coordinators).
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/concerns", tag = "coordination",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    request_body = ConcernInput,
    responses((status = 201, body = Concern), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Json(input): Json<ConcernInput>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_participate(network_id)?;
    let id = service::create(&app, user, &network, &input).await?;
    let created = service::concern_in(&app, network_id, id).await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// The answer to a move the state machine forbids.
#[derive(Serialize, ToSchema)]
pub struct TransitionRefused {
    pub code: String,
    pub message: String,
    pub fields: std::collections::BTreeMap<String, String>,
    /// The states the concern may move to from its current one.
    pub allowed: Vec<ConcernState>,
}

/// Moves a concern: `on_agenda` (with `meeting_id`), `agreed` (with the
/// `decision_id` of that meeting), `rejected`, `postponed`, `submitted`
/// (`date`, `reference`), `answered` (`date`, `text`), `closed`, or
/// `withdrawn` before submission.
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/concerns/{concern_id}/transitions", tag = "coordination",
    params(("network_id" = i64, Path, example = 1, description = "Network id"),
        ("concern_id" = i64, Path, example = 1, description = "Concern id")),
    request_body = TransitionInput,
    responses((status = 200, body = Concern), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = TransitionRefused, description = "The state machine forbids this move"),
        (status = 422, body = ErrorBody, description = "Unknown state or missing details")),
    security(("api_token" = [])))]
pub async fn transition(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, concern_id)): Path<(NetworkId, ConcernId)>,
    Json(input): Json<TransitionInput>,
) -> AppResult<Response> {
    registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    let concern = service::concern_in(&app, network_id, concern_id).await?;
    match service::transition(&app, &viewer, &concern, &input).await {
        Ok(()) => {
            Ok(Json(service::concern_in(&app, network_id, concern_id).await?).into_response())
        }
        Err(e) if e.code == "transition_not_allowed" => {
            let body = TransitionRefused {
                code: e.code.into(),
                message: viewer.lang.msg(&e.message),
                fields: Default::default(),
                allowed: concern.state.next().to_vec(),
            };
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
        Err(e) => Err(e),
    }
}
