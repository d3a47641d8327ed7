//! Files on agenda items: the coordinator uploads (multipart, CSRF token
//! in the query) and removes them; the download serves a file to whoever
//! may see its item.

use axum::{
    extract::{
        Multipart, Path, State,
        multipart::{MultipartError, MultipartRejection},
    },
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::conferences::{
    files,
    registry::Access,
    service::{self, Upload},
    store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, Msg},
        ids::{AgendaItemId, AttachmentId, MeetingId, NetworkId},
        paths,
        web::{App, forms::saved},
    },
};

fn bad_upload(e: MultipartError) -> AppError {
    AppError::bad_request(
        "invalid_request",
        Msg::new("err-bad-request-detail").arg("detail", e.body_text()),
    )
}

fn too_large(max: usize) -> AppError {
    AppError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "file_too_large",
        Msg::new("min-err-file-too-large").arg("max", max.div_ceil(1024 * 1024)),
    )
}

/// Reads `file`, the optional `is_public` and any other text fields of a
/// multipart body, the file up to `max` bytes; a larger one is refused
/// (the rest of the body is drained so the client gets the answer).
pub async fn read_upload(
    multipart: Result<Multipart, MultipartRejection>,
    max: usize,
) -> AppResult<Upload> {
    let mut multipart = multipart.map_err(|e| {
        AppError::bad_request(
            "invalid_request",
            Msg::new("err-bad-request-detail").arg("detail", e.body_text()),
        )
    })?;
    let (mut is_public, mut name, mut bytes, mut over) = (false, String::new(), Vec::new(), false);
    let mut fields = Vec::new();
    while let Some(mut field) = multipart.next_field().await.map_err(bad_upload)? {
        match field.name() {
            Some("is_public") => is_public = !field.text().await.map_err(bad_upload)?.is_empty(),
            Some(other) if other != "file" => {
                let other = other.to_string();
                let text = field.text().await.map_err(bad_upload)?;
                fields.push((other, text));
            }
            Some("file") => {
                name = files::clean_name(field.file_name().unwrap_or_default());
                while let Some(chunk) = field.chunk().await.map_err(bad_upload)? {
                    if over || bytes.len() + chunk.len() > max {
                        over = true;
                        bytes.clear();
                    } else {
                        bytes.extend_from_slice(&chunk);
                    }
                }
            }
            _ => {}
        }
    }
    if over {
        return Err(too_large(max));
    }
    Ok(Upload {
        file_name: name,
        bytes,
        is_public,
        fields,
    })
}

/// `POST …/agenda/{item_id}/attachments`: multipart/form-data with `file`
/// and optional `is_public`.
pub async fn upload_attachment(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, item_id)): Path<(NetworkId, MeetingId, AgendaItemId)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    let item = service::item_of(&app, &meeting, item_id).await?;
    let upload = read_upload(multipart, app.config.max_upload_bytes).await?;
    service::attach_file(&app, user, &meeting, &item, upload).await?;
    Ok(saved(
        &paths::agenda(network_id, meeting.id),
        "min-attachment-added",
    ))
}

pub async fn delete_attachment(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, item_id, attachment_id)): Path<(
        NetworkId,
        MeetingId,
        AgendaItemId,
        AttachmentId,
    )>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    let item = service::item_of(&app, &meeting, item_id).await?;
    let attachment = store::attachment(app.db.pool(), item.id, attachment_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    service::remove_file(&app, user, &meeting, &attachment).await?;
    Ok(saved(
        &paths::agenda(network_id, meeting.id),
        "min-attachment-deleted",
    ))
}

/// The file itself. A public file of a public item of a public meeting is
/// for everyone; anything else for those who may read the network.
pub async fn download_attachment(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, item_id, attachment_id)): Path<(
        NetworkId,
        MeetingId,
        AgendaItemId,
        AttachmentId,
    )>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let item = service::item_of(&app, &meeting, item_id).await?;
    let attachment = store::attachment(app.db.pool(), item.id, attachment_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let open = attachment.is_public && item.is_public && meeting.is_public;
    if !open {
        viewer.require_read(&network)?;
    }
    let path = files::stored_path(&app.config.data_dir, &attachment.sha256);
    let bytes = tokio::fs::read(&path).await.map_err(AppError::internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, attachment.mime_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                files::disposition(&attachment.file_name),
            ),
            (header::CACHE_CONTROL, "private, no-cache".to_string()),
        ],
        bytes,
    )
        .into_response())
}
