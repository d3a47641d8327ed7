//! `GET /networks/{network_id}/wegweiser.pdf?lang=…` (public).

use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use serde::Deserialize;

use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, ids::NetworkId, pdf, web::App},
    network::context::load_network,
    offers::service::wegweiser::{language, pdf as guide},
};

#[derive(Debug, Default, Deserialize)]
pub struct WegweiserQuery {
    #[serde(default)]
    pub lang: String,
}

pub async fn wegweiser(
    State(app): State<App>,
    _viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(q): Query<WegweiserQuery>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let lang = language(&q.lang)?;
    let pdf = guide(&app, &network, lang).await?;
    Ok(pdf::response(
        pdf,
        &format!("wegweiser-{}-{lang}.pdf", network.id),
    ))
}
