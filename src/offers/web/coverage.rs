//! The coverage pages: one network's matrix of municipality × target
//! group, and for supervisors the networks of their region side by side
//! (`/coverage`).

use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, ids::NetworkId, web::App},
    network::{
        context::{load_network, scope},
        store::list_networks,
    },
    offers::{model::GROUPS, service::coverage},
};

/// The coverage matrix page (read access).
pub async fn network(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    viewer.require_read_network(&scope(&network))?;
    let rows = coverage::cells(&app, &network.region_key).await?;
    let page = app.page(
        &viewer,
        "offers/coverage.html",
        context! { network => network, rows => rows, groups => GROUPS },
    )?;
    Ok(page.into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct RegionQuery {
    /// An AGS prefix, e.g. `09` (Bayern) or `095` (Mittelfranken).
    #[serde(default)]
    pub region: String,
}

/// Coverage of every network the viewer may read, narrowed to a region:
/// for supervisors, their region side by side.
pub async fn region(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<RegionQuery>,
) -> AppResult<Response> {
    let user = viewer.require_signed_in()?;
    let region: String = q
        .region
        .trim()
        .chars()
        .filter(char::is_ascii_digit)
        .take(12)
        .collect();
    let region = if region.is_empty() {
        user.region_key.clone().unwrap_or_default()
    } else {
        region
    };
    let networks = list_networks(&app.db)
        .await?
        .into_iter()
        .filter(|n| n.region_key.starts_with(&region) && viewer.can_read_network(&scope(n)))
        .collect();
    let rows = coverage::compare(&app, networks).await?;
    let page = app.page(
        &viewer,
        "offers/region_coverage.html",
        context! { rows => rows, groups => GROUPS, region => region },
    )?;
    Ok(page.into_response())
}
