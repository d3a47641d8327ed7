//! What needs attention: on the network page, the stale offers and the
//! coverage gaps; for supervisors, the coverage of every network of their
//! region side by side (`/coverage`).

use axum::{
    extract::{Query, State},
    response::{IntoResponse, Response},
};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use crate::{
    accounts::{model::Role, viewer::Viewer},
    core::{error::AppResult, store::now, web::App},
    network::{context::scope, model::Network, store::list_networks},
    offers::{
        contact_points::GROUPS,
        coverage::{cells, gaps},
        freshness,
    },
};

/// The offers panel of the network page: stale offers for coordinators
/// (all of the network) and members (their organisation's), and the
/// coverage gaps for coordinators. `None` when there is nothing to show
/// to this viewer.
pub async fn network_panel(app: &App, viewer: &Viewer, network: &Network) -> AppResult<Value> {
    let manages = viewer.can_manage_network(network.id);
    let own = viewer
        .user
        .as_ref()
        .filter(|u| u.role == Role::Member)
        .and_then(|u| u.organization_id);
    if !manages && own.is_none() {
        return Ok(Value::from(()));
    }
    let cutoff = freshness::cutoff(&app.config, now());
    let stale: Vec<_> = freshness::stale_in_network(app.db.pool(), network.id, cutoff)
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
        back => format!("/networks/{}", network.id),
    })
}

/// One network's line in the supervisor's comparison.
#[derive(Debug, Serialize)]
pub struct NetworkCoverage {
    pub id: i64,
    pub name: String,
    pub region_key: String,
    pub region_name: String,
    pub municipalities: usize,
    /// Gaps per target group, in the order of `GROUPS`.
    pub gaps: Vec<usize>,
    /// Covered municipality × target group cells, in whole percent.
    pub covered_percent: usize,
}

#[derive(Debug, Default, Deserialize)]
pub struct RegionQuery {
    /// An AGS prefix, e.g. `09` (Bayern) or `095` (Mittelfranken).
    #[serde(default)]
    pub region: String,
}

/// Coverage of every network the viewer may read, narrowed to a region:
/// for supervisors, their region side by side.
pub async fn region_coverage(
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
    let mut rows = Vec::new();
    for network in list_networks(&app.db).await? {
        if !network.region_key.starts_with(&region) || !viewer.can_read_network(&scope(&network)) {
            continue;
        }
        let cells = cells(&app, &network.region_key).await?;
        let total = cells.len() * GROUPS.len();
        let gaps: Vec<usize> = GROUPS
            .iter()
            .map(|g| {
                cells
                    .iter()
                    .filter(|c| c.groups.iter().any(|(k, o)| k == g && o.is_empty()))
                    .count()
            })
            .collect();
        let missing: usize = gaps.iter().sum();
        rows.push(NetworkCoverage {
            id: network.id,
            name: network.name,
            region_key: network.region_key,
            region_name: network.region_name,
            municipalities: cells.len(),
            gaps,
            covered_percent: ((total - missing) * 100).checked_div(total).unwrap_or(0),
        });
    }
    let page = app.page(
        &viewer,
        "offers/region_coverage.html",
        context! { rows => rows, groups => GROUPS, region => region },
    )?;
    Ok(page.into_response())
}
