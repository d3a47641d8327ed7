//! Groups with special needs in the JSON API under `/api/v1`: the list
//! with its gaps, and recording a group. Same input type, checks and
//! service as the pages. The body is read only after the access check, so
//! an anonymous caller or an outsider learns 401/403, never whether their
//! body would have been valid.

use axum::{
    Json,
    body::Bytes,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::{
    model::{NeedInput, NeedView, Needs},
    service,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, FieldErrors, Msg},
        ids::NetworkId,
        web::{App, errors::ErrorBody},
    },
    monitoring::registry,
};

/// Every group of the network with its linked offers, whether it is a gap
/// (no published offer linked) and the municipalities its offers leave
/// uncovered.
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/needs", tag = "statistics",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    responses((status = 200, body = Needs), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Json<Needs>> {
    let network = registry::readable(&app.db, &viewer, network_id).await?;
    Ok(Json(service::list(&app, &network).await?))
}

/// Records a group with special needs (coordinators).
#[utoipa::path(post, path = "/api/v1/networks/{network_id}/needs", tag = "statistics",
    params(("network_id" = i64, Path, example = 1, description = "Network id")),
    request_body = NeedInput,
    responses((status = 201, body = NeedView), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody,
            description = "Invalid fields: unknown kind, ages in the wrong order, a negative size, a municipality outside the Kreis, an offer of another network")),
    security(("api_token" = [])))]
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    body: Bytes,
) -> AppResult<Response> {
    let network = registry::managed(&app.db, &viewer, network_id).await?;
    let user = viewer.require_signed_in()?;
    let input: NeedInput = serde_json::from_slice(&body).map_err(|e| {
        let mut errors = FieldErrors::new();
        errors.insert(
            "body".into(),
            Msg::new("needs-err-body").arg("detail", e.to_string()),
        );
        AppError::invalid(errors)
    })?;
    let id = service::create(&app, user, &network, &input).await?;
    let need = service::need_in(&app, network_id, id).await?;
    let offers = registry::offers(&app.db, network_id).await?;
    let municipalities = registry::municipalities(&app.db, &network).await?;
    let view = service::view(need, &offers, &municipalities);
    Ok((StatusCode::CREATED, Json(view)).into_response())
}
