//! A concern's files: the letter generated at submission and the answer's
//! document, uploaded by the coordinator (multipart, CSRF token in the
//! query, the checks of agenda attachments). Both are for the network's
//! readers, and for everyone once the concern is public.

use axum::{
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    http::header,
    response::{IntoResponse, Response},
};

use super::{letter, model::StoredFile, service};
use crate::{
    accounts::viewer::Viewer,
    conferences::{files, web::attachments::read_upload},
    coordination::registry::{self, Access},
    core::{
        error::{AppError, AppResult},
        ids::{ConcernId, NetworkId},
        paths,
        web::{App, forms::saved},
    },
};

/// The concern's file chosen by `pick`, to whoever may see it.
async fn serve(
    app: &App,
    viewer: &Viewer,
    (network_id, concern_id): (NetworkId, ConcernId),
    pick: fn(&super::model::Concern) -> Option<&StoredFile>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let concern = service::concern_in(app, network_id, concern_id).await?;
    if !service::is_public(app, &concern).await? {
        viewer.require_read(&network)?;
    }
    let file = pick(&concern).ok_or_else(AppError::not_found)?;
    let bytes = letter::read(app, file).await?;
    Ok((
        [
            (header::CONTENT_TYPE, file.mime_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                files::disposition(&file.file_name),
            ),
            (header::CACHE_CONTROL, "private, no-cache".to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// `GET …/concerns/{concern_id}/letter.pdf`.
pub async fn letter_pdf(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ConcernId)>,
) -> AppResult<Response> {
    serve(&app, &viewer, ids, |c| c.letter.as_ref()).await
}

/// `GET …/concerns/{concern_id}/answer-document`.
pub async fn answer_document(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ConcernId)>,
) -> AppResult<Response> {
    serve(&app, &viewer, ids, |c| c.answer_document.as_ref()).await
}

/// `POST …/concerns/{concern_id}/answer-document`: multipart with `file`.
pub async fn upload_answer(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, concern_id)): Path<(NetworkId, ConcernId)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let concern = service::concern_in(&app, network_id, concern_id).await?;
    let upload = read_upload(multipart, app.config.max_upload_bytes).await?;
    service::attach_answer(&app, user, &concern, upload.file_name, upload.bytes).await?;
    Ok(saved(
        &paths::concern(network_id, concern.id),
        "concern-answer-saved",
    ))
}
