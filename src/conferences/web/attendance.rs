//! On the day: the coordinator marks a meeting held (once it has started)
//! and records who attended, per person and organisation.

use std::collections::BTreeSet;

use axum::{
    Form,
    extract::{Path, State},
    response::{Html, Response},
};
use minijinja::context;

use crate::conferences::{
    model::State as MeetingState,
    registry::{self, Access},
    service, store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        ids::{MeetingId, NetworkId, PersonId},
        paths,
        store::now,
        web::{App, forms::saved},
    },
};

pub async fn mark_held(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    service::mark_held(&app, user, &meeting).await?;
    Ok(saved(
        &paths::attendance(network_id, meeting.id),
        "min-held",
    ))
}

/// The contact people of the member organisations, grouped by
/// organisation, each ticked if recorded present — or, before anything is
/// recorded, if they registered.
pub async fn attendance_form(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Html<String>> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    viewer.require_manage(network_id)?;
    let recorded = store::attendance(app.db.pool(), meeting.id).await?;
    let ticked: BTreeSet<PersonId> = if recorded.is_empty() {
        store::rsvps(app.db.pool(), meeting.id)
            .await?
            .into_iter()
            .filter(|r| r.attending)
            .map(|r| r.person_id)
            .collect()
    } else {
        recorded
            .iter()
            .filter(|a| a.present)
            .map(|a| a.person_id)
            .collect()
    };
    let mut groups: Vec<(String, Vec<minijinja::Value>)> = Vec::new();
    for c in registry::contacts(&app.db, network_id).await? {
        let row = context! {
            id => c.id, name => c.name, function => c.function,
            present => ticked.contains(&c.id),
        };
        match groups.last_mut() {
            Some((name, rows)) if *name == c.organization => rows.push(row),
            _ => groups.push((c.organization, vec![row])),
        }
    }
    let groups: Vec<_> = groups
        .into_iter()
        .map(|(name, people)| context! { name => name, people => people })
        .collect();
    app.page(
        &viewer,
        "conferences/attendance.html",
        context! {
            meeting => meeting, network => network, groups => groups,
            held => meeting.state == MeetingState::Held,
            recorded => !recorded.is_empty(),
            present_count => recorded.iter().filter(|a| a.present).count(),
            can_mark_held => meeting.can_mark_held(now()),
        },
    )
}

/// `present=<person id>` once per ticked person.
pub async fn save_attendance(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    let present: Vec<String> = pairs
        .into_iter()
        .filter(|(k, _)| k == "present")
        .map(|(_, v)| v)
        .collect();
    service::save_attendance(&app, user, &meeting, &present).await?;
    Ok(saved(
        &paths::attendance(network_id, meeting.id),
        "min-attendance-saved",
    ))
}
