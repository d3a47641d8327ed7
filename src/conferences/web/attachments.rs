//! Files on agenda items: the coordinator uploads (multipart, CSRF token
//! in the query) and removes them; the download serves a file to whoever
//! may see its item.

use axum::{
    Form,
    extract::{
        Multipart, Path, State,
        multipart::{MultipartError, MultipartRejection},
    },
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use crate::conferences::{
    files,
    model::Meeting,
    store::{self, NewAttachment},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, Msg},
        web::App,
    },
    network::{
        context::{load_network, scope},
        web::saved,
    },
};

use super::*;

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

fn unprocessable(code: &'static str, msg: Msg) -> AppError {
    AppError::new(StatusCode::UNPROCESSABLE_ENTITY, code, msg)
}

/// multipart/form-data with `item_id`, optional `is_public` and `file`.
/// The file is read up to the configured limit; a larger one is refused
/// (the rest of the body is drained so the client gets the answer).
pub async fn upload_attachment(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let mut multipart = multipart.map_err(|e| {
        AppError::bad_request(
            "invalid_request",
            Msg::new("err-bad-request-detail").arg("detail", e.body_text()),
        )
    })?;
    let max = app.config.max_upload_bytes;
    let (mut item_id, mut is_public, mut name, mut bytes, mut over) =
        (String::new(), false, String::new(), Vec::new(), false);
    while let Some(mut field) = multipart.next_field().await.map_err(bad_upload)? {
        match field.name() {
            Some("item_id") => item_id = field.text().await.map_err(bad_upload)?,
            Some("is_public") => is_public = !field.text().await.map_err(bad_upload)?.is_empty(),
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
    let item = find_agenda_item(&app, &meeting, &item_id).await?;
    if bytes.is_empty() || name.is_empty() {
        return Err(unprocessable(
            "file_missing",
            Msg::new("min-err-file-missing"),
        ));
    }
    let Some(mime) = files::sniff(&name, &bytes) else {
        return Err(unprocessable(
            "file_type",
            Msg::new("min-err-file-type").arg("allowed", files::ALLOWED),
        ));
    };
    let new = NewAttachment {
        agenda_item_id: item.id,
        file_name: name,
        mime_type: mime.to_string(),
        size_bytes: bytes.len() as i64,
        sha256: files::sha256_hex(&bytes),
        sha512: files::sha512_hex(&bytes),
        is_public,
    };
    files::store(&app.config.data_dir, &new.sha256, &bytes)
        .await
        .map_err(AppError::internal)?;
    let mut tx = app.db.begin().await?;
    store::add_attachment(&mut tx, Actor::User(user), &meeting, user.id, &new).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        "min-attachment-added",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct AttachmentAction {
    #[serde(default)]
    pub attachment_id: String,
}

pub async fn delete_attachment(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(action): Form<AttachmentAction>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let attachment_id: i64 = action
        .attachment_id
        .trim()
        .parse()
        .map_err(|_| AppError::not_found())?;
    let attachment = store::meeting_attachments(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .find(|a| a.id == attachment_id)
        .ok_or_else(AppError::not_found)?;
    let mut tx = app.db.begin().await?;
    store::delete_attachment(&mut tx, Actor::User(user), &meeting, &attachment).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        "min-attachment-deleted",
    ))
}

/// The file itself. A public file of a public item of a public meeting is
/// for everyone; anything else for those who may read the network.
pub async fn download_attachment(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let attachment = store::attachment(app.db.pool(), id)
        .await?
        .filter(|a| a.deleted_at.is_none())
        .ok_or_else(AppError::not_found)?;
    let item_id = attachment.agenda_item_id.ok_or_else(AppError::not_found)?;
    let meeting_id: i64 = sqlx::query_scalar("SELECT meeting_id FROM agenda_items WHERE id = $1")
        .bind(item_id)
        .fetch_optional(app.db.pool())
        .await?
        .ok_or_else(AppError::not_found)?;
    let meeting = store::meeting(app.db.pool(), meeting_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let network = load_network(&app.db, meeting.network_id).await?;
    let item = store::agenda(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .find(|i| i.id == item_id)
        .ok_or_else(AppError::not_found)?;
    let open = attachment.is_public && item.is_public && meeting.is_public;
    if !open {
        viewer.require_read_network(&scope(&network))?;
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

/// An agenda item of this meeting by the id from a form; 404 otherwise.
pub(super) async fn find_agenda_item(
    app: &App,
    meeting: &Meeting,
    id: &str,
) -> AppResult<store::AgendaItem> {
    let id: i64 = id.trim().parse().map_err(|_| AppError::not_found())?;
    store::agenda(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(AppError::not_found)
}
