//! The bulletin in the JSON API under `/api/v1`: a network's current
//! posts with the page's filters, and one post. Readers outside the
//! network (and anonymous callers) get the public posts only; the same
//! access rules and list as the pages.

use axum::{
    Json,
    extract::{Path, Query, State},
};

use super::{
    model::{Feed, PostPage, PostView},
    service,
    store::View,
    web::{load_post, reads_network, require_read_post},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        ids::{NetworkId, PostId},
        web::{App, errors::ErrorBody},
    },
    network::context::load_network,
};

const PER_PAGE: i64 = 50;

/// A network's current posts, pinned first, then newest; 50 per page.
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/posts", tag = "bulletin",
    params(("network_id" = i64, Path, example = 1, description = "Network id"), Feed),
    responses((status = 200, body = PostPage), (status = 404, body = ErrorBody)))]
pub async fn list_posts(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(filters): Query<Feed>,
) -> AppResult<Json<PostPage>> {
    let network = load_network(&app.db, network_id.get()).await?;
    let internal = reads_network(&viewer, &network);
    let listed = service::list(
        &app,
        network_id,
        &filters,
        View::Current,
        !internal,
        PER_PAGE,
    )
    .await?;
    let base = app.config.base();
    Ok(Json(PostPage {
        total: listed.total,
        page: listed.page,
        per_page: listed.per_page,
        posts: listed
            .posts
            .iter()
            .map(|p| PostView::of(p, &base))
            .collect(),
    }))
}

/// One post (internal ones for those who may read the network).
#[utoipa::path(get, path = "/api/v1/networks/{network_id}/posts/{post_id}", tag = "bulletin",
    params(("network_id" = i64, Path, example = 1, description = "Network id"),
        ("post_id" = i64, Path, example = 1, description = "Post id")),
    responses((status = 200, body = PostView), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_post(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
) -> AppResult<Json<PostView>> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    require_read_post(&viewer, &network, &post)?;
    Ok(Json(PostView::of(&post, &app.config.base())))
}
