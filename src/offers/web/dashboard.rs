//! The offers panel of the network page: what needs attention.

use minijinja::{Value, context};

use crate::{
    accounts::{model::Role, viewer::Viewer},
    core::{
        error::AppResult,
        ids::{NetworkId, OrganizationId},
        paths,
        store::now,
        web::App,
    },
    network::model::Network,
    offers::{
        model::freshness::cutoff,
        service::coverage::{cells, gaps},
        store::freshness::stale_in_network,
    },
};

/// Stale offers for coordinators (all of the network) and members (their
/// organisation's), and the coverage gaps for coordinators. Nothing
/// (`()`) when there is nothing to show to this viewer.
pub async fn network_panel(app: &App, viewer: &Viewer, network: &Network) -> AppResult<Value> {
    let manages = viewer.can_manage_network(network.id);
    let own = viewer
        .user
        .as_ref()
        .filter(|u| u.role == Role::Member)
        .and_then(|u| u.organization_id)
        .map(OrganizationId);
    if !manages && own.is_none() {
        return Ok(Value::from(()));
    }
    let network_id = NetworkId(network.id);
    let cutoff = cutoff(&app.config, now());
    let stale: Vec<_> = stale_in_network(app.db.pool(), network_id, cutoff)
        .await?
        .into_iter()
        .filter(|o| manages || Some(o.organization_id) == own)
        .collect();
    let gaps = if manages {
        gaps(cells(app, &network.region_key).await?)
    } else {
        Vec::new()
    };
    Ok(context! {
        stale => stale, gaps => gaps, manages => manages,
        months => app.config.offers_stale_after_months,
        back => paths::network(network_id),
    })
}
