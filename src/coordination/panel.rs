//! The coordination panel of the network page: open gaps and overlaps of
//! the responsibility matrix, projects by status with their progress,
//! concerns awaiting an answer, and for members their organisation's
//! responsibilities.

use minijinja::{Value, context};

use super::{
    concerns::{model::ConcernState, store as concerns},
    projects::{model::State, service as projects_service, store as projects},
    registry::{self, Access},
    responsibilities::service::{Loaded, today},
};
use crate::{
    accounts::{model::Role, viewer::Viewer},
    core::{
        error::AppResult,
        ids::{NetworkId, OrganizationId},
        web::App,
    },
};

/// Nothing (`None`) for viewers who may not read the network.
pub async fn load(app: &App, viewer: &Viewer, network_id: NetworkId) -> AppResult<Option<Value>> {
    let network = registry::network(&app.db, network_id).await?;
    if !viewer.can_read(&network) {
        return Ok(None);
    }
    let loaded = Loaded::of(app, &network, today()).await?;
    let cells = loaded.cells();
    let gaps = cells.iter().filter(|c| c.gap).count();
    let overlaps: Vec<_> = cells
        .iter()
        .filter(|c| c.overlap)
        .take(10)
        .cloned()
        .collect();
    let overlap_count = cells.iter().filter(|c| c.overlap).count();
    let own = viewer
        .user
        .as_ref()
        .filter(|u| u.role == Role::Member)
        .and_then(|u| u.organization_id)
        .map(OrganizationId);
    let mine: Vec<_> = loaded
        .agreements
        .iter()
        .filter(|a| a.valid_on(&loaded.day))
        .filter(|a| own.is_some_and(|o| a.parties.iter().any(|p| p.organization_id == o)))
        .cloned()
        .collect();
    let statuses = projects_service::statuses(app, network_id).await?;
    let all = projects::projects(app.db.pool(), network_id).await?;
    let by_status: Vec<Value> = statuses
        .iter()
        .map(|s| {
            let list: Vec<_> = all
                .iter()
                .filter(|p| {
                    p.parent_id.is_none() && p.state == State::Accepted && p.status == s.code
                })
                .collect();
            context! { status => s, projects => list }
        })
        .filter(|v| {
            v.get_attr("projects")
                .is_ok_and(|p| p.len().unwrap_or(0) > 0)
        })
        .collect();
    let awaiting: Vec<_> = concerns::concerns(app.db.pool(), network_id)
        .await?
        .into_iter()
        .filter(|c| c.state == ConcernState::Submitted)
        .collect();
    Ok(Some(context! {
        gaps => gaps, overlaps => overlaps, overlap_count => overlap_count, mine => mine,
        own => own.map(|o| o.get()),
        by_status => by_status, awaiting => awaiting,
    }))
}
