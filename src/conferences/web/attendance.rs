//! On the day: the coordinator marks a meeting held (once it has started)
//! and records who attended, per person and organisation.

use std::collections::{BTreeMap, BTreeSet};

use axum::{
    Form,
    extract::{Path, State},
    response::{Html, Response},
};
use minijinja::context;

use crate::conferences::{model::State as MeetingState, store};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult},
        store::now,
        web::App,
    },
    network::web::saved,
};

use super::*;

pub async fn mark_held(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    if !matches!(meeting.state, MeetingState::Planned | MeetingState::Invited) {
        return Err(AppError::conflict("wrong_state", "min-err-held-state"));
    }
    if meeting.starts_at.is_none_or(|t| t > now()) {
        return Err(AppError::conflict("not_started", "min-err-held-too-early"));
    }
    let mut tx = app.db.begin().await?;
    store::mark_held(&mut tx, Actor::User(user), &meeting).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/attendance", meeting.id),
        "min-held",
    ))
}

/// The contact people of the member organisations, grouped by
/// organisation, each ticked if recorded present — or, before anything is
/// recorded, if they registered.
pub async fn attendance_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (meeting, network) = load_meeting(&app, id).await?;
    viewer.require_manage_network(network.id)?;
    let recorded = store::attendance(app.db.pool(), meeting.id).await?;
    let ticked: BTreeSet<i64> = if recorded.is_empty() {
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
    for p in crate::network::store::people::list_in_network(app.db.pool(), network.id).await? {
        let row = context! {
            id => p.person.id, name => p.person.name, function => p.person.function,
            present => ticked.contains(&p.person.id),
        };
        match groups.last_mut() {
            Some((name, rows)) if *name == p.organization_name => rows.push(row),
            _ => groups.push((p.organization_name, vec![row])),
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
            can_mark_held => matches!(meeting.state, MeetingState::Planned | MeetingState::Invited)
                && meeting.starts_at.is_some_and(|t| t <= now()),
        },
    )
}

/// `present=<person id>` once per ticked person.
pub async fn save_attendance(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    match meeting.state {
        MeetingState::Held => {}
        MeetingState::MinutesApproved => {
            return Err(AppError::conflict("minutes_approved", "min-err-approved"));
        }
        _ => return Err(AppError::conflict("not_held", "min-err-not-held")),
    }
    let people: BTreeMap<i64, i64> =
        crate::network::store::people::list_in_network(app.db.pool(), network.id)
            .await?
            .into_iter()
            .map(|p| (p.person.id, p.person.organization_id))
            .collect();
    let mut present = BTreeSet::new();
    for (_, value) in pairs.iter().filter(|(k, _)| k == "present") {
        let person = value
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|p| people.contains_key(p));
        match person {
            Some(p) => present.insert(p),
            None => {
                return Err(AppError::bad_request(
                    "invalid_request",
                    "min-err-not-member-person",
                ));
            }
        };
    }
    let rows: Vec<(i64, i64)> = people.into_iter().collect();
    let mut tx = app.db.begin().await?;
    store::save_attendance(&mut tx, Actor::User(user), &meeting, &rows, &present).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/attendance", meeting.id),
        "min-attendance-saved",
    ))
}
