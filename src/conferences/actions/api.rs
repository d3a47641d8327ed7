//! The action items in the JSON API under `/api/v1`: the list of a
//! network and progress updates. Same access rules, input type and
//! service function as the pages.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::{
    access,
    model::{ActionItem, ActionUpdate, BoardQuery, UpdateInput},
    service, store,
};
use crate::{
    accounts::viewer::Viewer,
    conferences::registry::{self, Access},
    core::{
        error::{AppError, AppResult},
        ids::{ActionItemId, NetworkId},
        web::{App, errors::ErrorBody},
    },
};

/// The action items of a network, earliest due date first.
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/actions", tag = "conferences",
    params(("network_id" = i64, Path, example = 1, description = "Network id"), BoardQuery),
    responses((status = 200, body = [ActionItem]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list_actions(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<BoardQuery>,
) -> AppResult<Json<Vec<ActionItem>>> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    Ok(Json(
        store::board(app.db.pool(), network_id, &query.filter()).await?,
    ))
}

/// Reports progress on an action item (the responsible person, their
/// organisation's members if the person has no account, coordinators).
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/actions/{action_id}/updates", tag = "conferences",
    params(("network_id" = i64, Path, example = 1, description = "Network id"),
        ("action_id" = i64, Path, example = 1, description = "Action item id")),
    request_body = UpdateInput,
    responses((status = 201, body = ActionUpdate), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "Not responsible for this item"),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid status or progress outside 0–100")),
    security(("api_token" = [])))]
pub async fn post_update(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, action_id)): Path<(NetworkId, ActionItemId)>,
    Json(input): Json<UpdateInput>,
) -> AppResult<Response> {
    registry::network(&app.db, network_id).await?;
    let item = store::item(app.db.pool(), action_id)
        .await?
        .filter(|i| i.network_id == network_id)
        .ok_or_else(AppError::not_found)?;
    let user = access::may_update(&app.db, &viewer, &item).await?;
    let update_id = service::report_progress(&app, user, &item, &input).await?;
    let update = store::updates(app.db.pool(), item.id)
        .await?
        .into_iter()
        .find(|u| u.id == update_id)
        .ok_or_else(AppError::not_found)?;
    Ok((StatusCode::CREATED, Json(update)).into_response())
}
