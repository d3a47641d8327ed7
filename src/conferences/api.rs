//! The conference JSON API under `/api/v1`: a network's meetings and a
//! meeting's agenda. The handlers check access like the pages and call the
//! same service functions with the same input types.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use crate::{
    accounts::viewer::Viewer,
    conferences::{
        model::{AgendaInput, AgendaItem, MeetingInput, MeetingOut},
        registry::{self, Access},
        service, store,
    },
    core::{
        error::{AppError, AppResult},
        ids::{MeetingId, NetworkId},
        web::{App, errors::ErrorBody},
    },
};

/// The meetings of a network, latest first.
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/meetings", tag = "conferences",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    responses((status = 200, body = [MeetingOut]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list_meetings(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Json<Vec<MeetingOut>>> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let meetings = store::meetings(app.db.pool(), network_id).await?;
    Ok(Json(meetings.iter().map(MeetingOut::from).collect()))
}

/// A new meeting of the network.
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/meetings", tag = "conferences",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    request_body = MeetingInput,
    responses((status = 201, body = MeetingOut), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn create_meeting(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Json(input): Json<MeetingInput>,
) -> AppResult<Response> {
    registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let meeting_id = service::create_meeting(&app, user, network_id, &input).await?;
    let meeting = store::meeting(app.db.pool(), meeting_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((StatusCode::CREATED, Json(MeetingOut::from(&meeting))).into_response())
}

/// The agenda of a meeting in its order.
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/meetings/{meeting_id}/agenda", tag = "conferences",
    params(("network_id" = i64, Path, example = 1, description = "Network id"),
        ("meeting_id" = i64, Path, example = 1, description = "Meeting id")),
    responses((status = 200, body = [AgendaItem]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list_agenda(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Json<Vec<AgendaItem>>> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    viewer.require_read(&network)?;
    Ok(Json(store::agenda(app.db.pool(), meeting.id).await?))
}

/// A new agenda item, appended at the end.
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/meetings/{meeting_id}/agenda", tag = "conferences",
    params(("network_id" = i64, Path, example = 1, description = "Network id"),
        ("meeting_id" = i64, Path, example = 1, description = "Meeting id")),
    request_body = AgendaInput,
    responses((status = 201, body = AgendaItem), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn create_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Json(input): Json<AgendaInput>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    let item_id = service::add_agenda_item(&app, user, &meeting, &input).await?;
    let item = service::item_of(&app, &meeting, item_id).await?;
    Ok((StatusCode::CREATED, Json(item)).into_response())
}
