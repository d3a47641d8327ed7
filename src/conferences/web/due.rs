//! The conference list with the due date and the next organiser.

use std::collections::HashMap;

use axum::{
    extract::{Path, State},
    response::Html,
};
use minijinja::context;

use crate::conferences::{
    model::{Meeting, State as MeetingState, next_due, next_organizer},
    store::{self},
};
use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, store::now, web::App},
    network::context::{load_network, scope},
};

use super::*;

/// The last conference: the latest one that has started and was not cancelled.
pub(super) fn last_held(meetings: &[Meeting], now: i64) -> Option<&Meeting> {
    meetings
        .iter()
        .filter(|m| m.state != MeetingState::Cancelled && m.starts_at.is_some_and(|t| t <= now))
        .max_by_key(|m| (m.starts_at, m.id))
}

pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let meetings = store::meetings(app.db.pool(), network.id).await?;
    let series = store::series(app.db.pool(), network.id).await?;
    let rotation = store::rotation(app.db.pool(), network.id).await?;
    let at = now();
    let last = last_held(&meetings, at);
    let due = next_due(last.and_then(|m| m.starts_at), series.rhythm_months, at);
    let ids: Vec<i64> = rotation.iter().map(|r| r.organization_id).collect();
    let organizer = next_organizer(&ids, last.and_then(|m| m.organizer_organization_id))
        .and_then(|id| rotation.iter().find(|r| r.organization_id == id))
        .map(|r| r.name.clone());
    let names: HashMap<i64, String> = members(&app, network.id)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let row = |m: &Meeting| {
        context! {
            meeting => m,
            organizer => m.organizer_organization_id.and_then(|o| names.get(&o).cloned()),
        }
    };
    let (past, upcoming): (Vec<&Meeting>, Vec<&Meeting>) = meetings
        .iter()
        .partition(|m| m.ends_at.or(m.starts_at).is_some_and(|t| t < at));
    let mut upcoming: Vec<&Meeting> = upcoming;
    upcoming.reverse();
    app.page(
        &viewer,
        "conferences/list.html",
        context! {
            network => network,
            upcoming => upcoming.into_iter().map(row).collect::<Vec<_>>(),
            past => past.into_iter().map(row).collect::<Vec<_>>(),
            due => due, due_now => last.is_none(), organizer => organizer,
            rhythm => series.rhythm_months,
            can_manage => viewer.can_manage_network(network.id),
        },
    )
}
