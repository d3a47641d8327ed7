//! The list of a network's meetings with the due date and the next
//! organiser, and creating and editing meetings.

use std::collections::HashMap;

use axum::{
    Form,
    extract::{Path, State},
    response::{Html, Response},
};
use minijinja::context;

use crate::conferences::{
    model::{Meeting, MeetingInput, State as MeetingState, next_due, next_organizer},
    registry::{self, Access, Network},
    service, store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppResult, FieldErrors},
        ids::{MeetingId, NetworkId},
        paths,
        store::now,
        web::{
            App,
            forms::{saved, texts},
        },
    },
};

use super::{meeting_page, refused, respond};

/// The last conference: the latest one that has started and was not cancelled.
fn last_held(meetings: &[Meeting], now: i64) -> Option<&Meeting> {
    meetings
        .iter()
        .filter(|m| m.state != MeetingState::Cancelled && m.starts_at.is_some_and(|t| t <= now))
        .max_by_key(|m| (m.starts_at, m.id))
}

pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Html<String>> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let meetings = store::meetings(app.db.pool(), network_id).await?;
    let series = store::series(app.db.pool(), network_id).await?;
    let rotation = store::rotation(app.db.pool(), network_id).await?;
    let at = now();
    let last = last_held(&meetings, at);
    let due = next_due(last.and_then(|m| m.starts_at), series.rhythm_months, at);
    let ids: Vec<_> = rotation.iter().map(|r| r.organization_id).collect();
    let organizer = next_organizer(&ids, last.and_then(|m| m.organizer_organization_id))
        .and_then(|id| rotation.iter().find(|r| r.organization_id == id))
        .map(|r| r.name.clone());
    let names: HashMap<i64, String> = registry::members(&app.db, network_id)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let row = |m: &Meeting| {
        context! {
            meeting => m,
            organizer => m.organizer_organization_id.and_then(|o| names.get(&o.get()).cloned()),
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
            can_manage => viewer.can_manage(network_id),
        },
    )
}

async fn render_form(
    app: &App,
    viewer: &Viewer,
    (network, meeting): (&Network, Option<&Meeting>),
    form: &MeetingInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let network_id = registry::id(network);
    let (action, cancel) = match meeting {
        None => (paths::meetings(network_id), paths::meetings(network_id)),
        Some(m) => (
            paths::meeting(network_id, m.id),
            paths::meeting(network_id, m.id),
        ),
    };
    let organizations = registry::members(&app.db, network_id).await?;
    let people: Vec<_> = registry::contacts(&app.db, network_id)
        .await?
        .into_iter()
        .map(|c| context! { id => c.id, label => format!("{} ({})", c.name, c.organization) })
        .collect();
    let page = app.page(
        viewer,
        "conferences/meeting_form.html",
        context! {
            action => action, cancel => cancel, network => network, meeting => meeting,
            form => form, errors => texts(viewer, errors), organizations => organizations,
            people => people,
        },
    )?;
    Ok(respond(page, errors))
}

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_manage(network_id)?;
    let series = store::series(app.db.pool(), network_id).await?;
    let meetings = store::meetings(app.db.pool(), network_id).await?;
    let rotation: Vec<_> = store::rotation(app.db.pool(), network_id)
        .await?
        .iter()
        .map(|r| r.organization_id)
        .collect();
    let last = last_held(&meetings, now()).and_then(|m| m.organizer_organization_id);
    let form = MeetingInput {
        title: viewer.lang.t("conf-default-title"),
        location: series.default_location,
        organizer_organization_id: next_organizer(&rotation, last)
            .map(|o| o.to_string())
            .unwrap_or_default(),
        ..MeetingInput::default()
    };
    render_form(&app, &viewer, (&network, None), &form, &FieldErrors::new()).await
}

/// `POST /networks/{network_id}/meetings`
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(form): Form<MeetingInput>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    match refused(service::create_meeting(&app, user, network_id, &form).await)? {
        Ok(meeting_id) => Ok(saved(
            &paths::meeting(network_id, meeting_id),
            "conf-meeting-created",
        )),
        Err(errors) => render_form(&app, &viewer, (&network, None), &form, &errors).await,
    }
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    viewer.require_read(&network)?;
    meeting_page::render(
        &app,
        &viewer,
        (&network, &meeting),
        &Default::default(),
        &FieldErrors::new(),
    )
    .await
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    viewer.require_manage(network_id)?;
    let form = MeetingInput::of(&meeting);
    render_form(
        &app,
        &viewer,
        (&network, Some(&meeting)),
        &form,
        &FieldErrors::new(),
    )
    .await
}

/// `POST /networks/{network_id}/meetings/{meeting_id}`
pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<MeetingInput>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    match refused(service::update_meeting(&app, user, &meeting, &form).await)? {
        Ok(()) => Ok(saved(
            &paths::meeting(network_id, meeting.id),
            "conf-meeting-saved",
        )),
        Err(errors) => render_form(&app, &viewer, (&network, Some(&meeting)), &form, &errors).await,
    }
}
