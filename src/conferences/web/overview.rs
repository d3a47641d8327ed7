//! The supervisor's overview: for every network the viewer may read (a
//! supervisor: those in their region; admins: all), the last and the next
//! conference, whether the rhythm holds, and open and overdue action items.

use axum::{extract::State, response::Html};
use minijinja::context;
use serde::Serialize;

use crate::conferences::{
    actions::{model::BoardFilter, store::board},
    model::{Rhythm, last_and_next, rhythm},
    registry::{self, Access, Network},
    store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, ids::MeetingId, store::now, web::App},
};

#[derive(Debug, Serialize)]
struct Row {
    network: Network,
    last: Option<i64>,
    last_id: Option<MeetingId>,
    next: Option<i64>,
    next_id: Option<MeetingId>,
    rhythm_months: i64,
    rhythm: Rhythm,
    open: usize,
    overdue: usize,
}

/// `GET /overview`
pub async fn overview(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    viewer.require_signed_in()?;
    let at = now();
    let mut rows = Vec::new();
    for network in registry::networks(&app.db).await? {
        if !viewer.can_read(&network) {
            continue;
        }
        let network_id = registry::id(&network);
        let meetings = store::meetings(app.db.pool(), network_id).await?;
        let series = store::series(app.db.pool(), network_id).await?;
        let (last, next) = last_and_next(&meetings, at);
        let (last, next) = (last.cloned(), next.cloned());
        let items = board(app.db.pool(), network_id, &BoardFilter::default()).await?;
        rows.push(Row {
            rhythm: rhythm(
                last.as_ref().and_then(|m| m.starts_at),
                next.as_ref().and_then(|m| m.starts_at),
                series.rhythm_months,
                at,
            ),
            last: last.as_ref().and_then(|m| m.starts_at),
            last_id: last.as_ref().map(|m| m.id),
            next: next.as_ref().and_then(|m| m.starts_at),
            next_id: next.as_ref().map(|m| m.id),
            rhythm_months: series.rhythm_months,
            open: items.len(),
            overdue: items.iter().filter(|i| i.overdue).count(),
            network,
        });
    }
    app.page(
        &viewer,
        "conferences/overview.html",
        context! { rows => rows },
    )
}
