//! A post's files, an event's report and sharing good practice: the
//! upload (multipart, CSRF token in the query, the checks of agenda
//! files), downloads for whoever reads the post (photos shown in the page,
//! documents saved), the report form after an event, and the supervisor's
//! "share with every network of the region".

use axum::{
    Form,
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    http::header,
    response::{IntoResponse, Response},
};
use minijinja::{Value, context};
use serde::Deserialize;

use super::{load_post, may_edit, require_edit, require_read_post};
use crate::{
    accounts::{model::Role, viewer::Viewer},
    bulletin::{
        model::{Kind, Post, Status, files::FileRole, today},
        service::files as service,
        store::files as store,
    },
    conferences::{files, web::attachments::read_upload},
    core::{
        error::{AppError, AppResult},
        ids::{NetworkId, PostFileId, PostId},
        markdown, paths,
        store::now,
        web::{App, forms::saved},
    },
    network::model::Network,
};

/// The region a viewer shares good practice with: a supervisor's own, an
/// administrator's the network's Regierungsbezirk; `None` for everyone
/// else.
fn share_region(viewer: &Viewer, network: &Network) -> Option<String> {
    let user = viewer.user.as_ref()?;
    match user.role {
        Role::Supervisor => user
            .region_key
            .clone()
            .filter(|r| network.region_key.starts_with(r.as_str())),
        Role::Admin => network.region_key.get(0..3).map(str::to_string),
        Role::Coordinator | Role::Member => None,
    }
}

/// What the post page shows besides the post: its files, the event's
/// report and the forms for them, where a shared copy came from.
pub async fn extras(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    post: &Post,
) -> AppResult<Value> {
    let all = store::of_post(app.db.pool(), post.id).await?;
    let (photos, attachments): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|f| f.role == FileRole::Photo);
    let report = store::report(app.db.pool(), post.id).await?;
    let report_html = report.as_ref().map(|r| markdown::render(&r.body));
    let is_event_over = post.record.kind == Kind::Event && post.is_over(today(), now());
    let shareable = post.record.kind == Kind::GoodPractice && post.status == Status::Published;
    Ok(context! {
        attachments => attachments, photos => photos,
        report => report, report_html => report_html,
        may_report => is_event_over && may_edit(viewer, network, post),
        shared_from => store::shared_from(app.db.pool(), post.id).await?,
        may_share => shareable && share_region(viewer, network).is_some(),
        shared_with => if shareable { store::copies_in(app.db.pool(), post.id).await?.len() } else { 0 },
    })
}

/// `POST …/posts/{post_id}/files`: multipart with `file`, `role`
/// (`attachment` or `photo`) and `description`.
pub async fn upload(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    let user = require_edit(&viewer, &network, &post)?;
    let upload = read_upload(multipart, app.config.max_upload_bytes).await?;
    service::attach(&app, user, &post, upload).await?;
    Ok(saved(&paths::post(network_id, post_id), "bul-file-saved"))
}

/// The post's file, to whoever reads the post; an unknown one is a 404.
pub async fn download(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id, file_id)): Path<(NetworkId, PostId, PostFileId)>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    require_read_post(&viewer, &network, &post)?;
    let file = store::of_post(app.db.pool(), post.id)
        .await?
        .into_iter()
        .find(|f| f.id == file_id)
        .ok_or_else(AppError::not_found)?;
    let bytes = tokio::fs::read(files::stored_path(&app.config.data_dir, &file.sha256))
        .await
        .map_err(AppError::internal)?;
    // Photos are shown in the page; documents are saved under their name.
    let disposition = if file.role == FileRole::Photo {
        files::disposition(&file.file_name).replacen("attachment", "inline", 1)
    } else {
        files::disposition(&file.file_name)
    };
    Ok((
        [
            (header::CONTENT_TYPE, file.mime_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-cache".to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// `POST …/posts/{post_id}/files/{file_id}/delete`.
pub async fn delete(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id, file_id)): Path<(NetworkId, PostId, PostFileId)>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    let user = require_edit(&viewer, &network, &post)?;
    let file = store::of_post(app.db.pool(), post.id)
        .await?
        .into_iter()
        .find(|f| f.id == file_id)
        .ok_or_else(AppError::not_found)?;
    service::remove(&app, user, &post, &file).await?;
    Ok(saved(&paths::post(network_id, post_id), "bul-file-removed"))
}

#[derive(Debug, Default, Deserialize)]
pub struct ReportInput {
    #[serde(default)]
    pub report: String,
}

/// `POST …/posts/{post_id}/report`: the event's report, once it is over.
pub async fn report(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
    Form(input): Form<ReportInput>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    let user = require_edit(&viewer, &network, &post)?;
    match service::save_report(&app, user, &post, &input.report).await? {
        Ok(()) => Ok(saved(&paths::post(network_id, post_id), "bul-report-saved")),
        Err(errors) => Err(AppError::invalid(errors)),
    }
}

/// `POST …/posts/{post_id}/share`: a supervisor (or an administrator)
/// shares good practice with every network of her region.
pub async fn share(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    let user = viewer.require_read_network(&crate::network::context::scope(&network))?;
    let Some(region) = share_region(&viewer, &network) else {
        return Err(AppError::forbidden());
    };
    require_read_post(&viewer, &network, &post)?;
    service::share(&app, user, &post, &region).await?;
    Ok(saved(&paths::post(network_id, post_id), "bul-shared"))
}
