//! What a network shows of its concerns to everyone, once it chose to
//! publish them: the submitted ones (answered and closed ones too) with
//! title, addressee, text and justification — as in the letter that went
//! out and that OParl publishes —, date, reference, state, the answer and
//! both documents. Drafts, concerns before or in the conference, agreed
//! ones not yet sent, the contact person, the drafting organisation and
//! the history stay internal.

use axum::{
    Form,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{model::Concern, service, store};
use crate::{
    accounts::viewer::Viewer,
    coordination::registry::{self, Access},
    core::{
        error::{AppError, AppResult},
        ids::{ConcernId, NetworkId},
        paths,
        web::{App, forms::saved},
    },
};

/// The published concerns of a network; none (404) when it does not
/// publish.
pub async fn published(app: &App, network_id: NetworkId) -> AppResult<Vec<Concern>> {
    if !store::publishes(app.db.pool(), network_id).await? {
        return Err(AppError::not_found());
    }
    Ok(service::concerns(app, network_id)
        .await?
        .into_iter()
        .filter(|c| c.state.is_sent())
        .collect())
}

/// `GET /networks/{network_id}/concerns/public`.
pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let concerns = published(&app, network_id).await?;
    Ok(app
        .page(
            &viewer,
            "coordination/public_concerns.html",
            context! { network => network, concerns => concerns },
        )?
        .into_response())
}

/// `GET /networks/{network_id}/concerns/{concern_id}/public`.
pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, concern_id)): Path<(NetworkId, ConcernId)>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let concern = published(&app, network_id)
        .await?
        .into_iter()
        .find(|c| c.id == concern_id)
        .ok_or_else(AppError::not_found)?;
    Ok(app
        .page(
            &viewer,
            "coordination/public_concern.html",
            context! { network => network, concern => concern },
        )?
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct PublicationInput {
    #[serde(default)]
    pub publish_submitted: String,
}

/// `POST /networks/{network_id}/concerns/publication`: the coordinator's
/// choice.
pub async fn set(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(input): Form<PublicationInput>,
) -> AppResult<Response> {
    registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let on = !input.publish_submitted.trim().is_empty();
    service::set_publication(&app, user, network_id, on).await?;
    Ok(saved(
        &paths::concerns(network_id),
        "concern-publication-saved",
    ))
}
