//! The coordinator's side of the date poll: proposing dates, sending the
//! personal poll links, choosing the date.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};

use crate::conferences::{
    model::{ChooseInput, OptionInput},
    registry::Access,
    service,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        ids::{MeetingId, NetworkId},
        paths,
        web::{App, forms::saved},
    },
};

use super::{meeting_page, refused};

pub async fn add_option(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<OptionInput>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    match refused(service::add_poll_option(&app, user, &meeting, &form).await)? {
        Ok(()) => Ok(saved(
            &paths::meeting(network_id, meeting.id),
            "conf-option-added",
        )),
        Err(errors) => {
            meeting_page::render(&app, &viewer, (&network, &meeting), &form, &errors).await
        }
    }
}

/// Queues one e-mail with a personal poll link per contact person.
pub async fn send_poll(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    service::send_poll(&app, user, &meeting, &network).await?;
    Ok(saved(
        &paths::meeting(network_id, meeting.id),
        "conf-poll-sent",
    ))
}

pub async fn choose(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<ChooseInput>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    // An unknown option is no form to show again: the error page says so.
    service::choose_option(&app, user, &meeting, &form).await?;
    Ok(saved(
        &paths::meeting(network_id, meeting.id),
        "conf-date-chosen",
    ))
}
