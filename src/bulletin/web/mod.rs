//! The bulletin's HTML pages. Every handler loads what its authorisation
//! decision needs (a post is looked up under the network in its path: a
//! post of another network is a 404), decides, calls the service and
//! renders. The bulletin, a post, the archive and the calendar are
//! public for public posts: anonymous readers (and anyone who may not
//! read the network) see only those.

pub mod calendar;
pub mod feeds;
pub mod files;
pub mod posts;
pub mod subscriptions;
pub mod tasks;

use crate::{
    accounts::{model::Role, model::User, viewer::Viewer},
    bulletin::{
        model::{Audience, Post, Status},
        store,
    },
    core::{
        error::{AppError, AppResult},
        ids::{NetworkId, PostId},
        web::App,
    },
    network::{
        context::{load_network, scope},
        model::Network,
    },
};

/// A post of the network in the path, with that network; an unknown post,
/// or one of another network, is a 404 for everybody.
pub(crate) async fn load_post(
    app: &App,
    network_id: NetworkId,
    post_id: PostId,
) -> AppResult<(Post, Network)> {
    let network = load_network(&app.db, network_id.get()).await?;
    let post = store::post(app.db.pool(), post_id)
        .await?
        .filter(|p| p.network_id == network_id)
        .ok_or_else(AppError::not_found)?;
    Ok((post, network))
}

/// Whether the viewer reads the whole network (internal posts included).
pub(crate) fn reads_network(viewer: &Viewer, network: &Network) -> bool {
    viewer.can_read_network(&scope(network))
}

fn is_author(viewer: &Viewer, post: &Post) -> bool {
    viewer
        .user
        .as_ref()
        .is_some_and(|u| post.author_id == Some(u.id))
}

/// Who may read a post: everybody a public one that is live or archived;
/// the network's readers an internal one; the coordinators and its author
/// one waiting for review (for anyone else it does not exist).
pub(crate) fn require_read_post(viewer: &Viewer, network: &Network, post: &Post) -> AppResult<()> {
    if post.status != Status::Review && post.record.audience == Audience::Public {
        return Ok(());
    }
    viewer.require_read_network(&scope(network))?;
    if post.status == Status::Review
        && !viewer.can_manage_network(network.id)
        && !is_author(viewer, post)
    {
        return Err(AppError::not_found());
    }
    Ok(())
}

/// Who posts to a network: those who take part in it (its members, the
/// coordinator, admins) and the supervisors of its region.
pub(crate) fn may_post(viewer: &Viewer, network: &Network) -> bool {
    viewer.can_take_part(network.id)
        || viewer
            .user
            .as_ref()
            .is_some_and(|u| u.role == Role::Supervisor)
            && reads_network(viewer, network)
}

pub(crate) fn require_post<'v>(viewer: &'v Viewer, network: &Network) -> AppResult<&'v User> {
    let user = viewer.require_read_network(&scope(network))?;
    if may_post(viewer, network) {
        Ok(user)
    } else {
        Err(AppError::forbidden())
    }
}

/// Who changes a post: the network's coordinators and admins, and its
/// author while they may read the network.
pub(crate) fn may_edit(viewer: &Viewer, network: &Network, post: &Post) -> bool {
    viewer.can_manage_network(network.id)
        || (is_author(viewer, post) && reads_network(viewer, network))
}

pub(crate) fn require_edit<'v>(
    viewer: &'v Viewer,
    network: &Network,
    post: &Post,
) -> AppResult<&'v User> {
    let user = viewer.require_read_network(&scope(network))?;
    if may_edit(viewer, network, post) {
        Ok(user)
    } else {
        Err(AppError::forbidden())
    }
}
