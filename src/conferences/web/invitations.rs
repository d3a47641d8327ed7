//! Inviting to a meeting, updating the invitation, cancelling it; and the
//! public calendar feed of a network.

use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};

use crate::conferences::{
    ical,
    registry::{self, Access},
    service::{self, Invitation},
    store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        ids::{MeetingId, NetworkId},
        paths,
        store::now,
        web::{App, forms::saved},
    },
};

async fn transition(
    app: &App,
    viewer: &Viewer,
    (network_id, meeting_id): (NetworkId, MeetingId),
    what: Invitation,
    notice: &str,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    service::invitation(app, user, &meeting, &network, what).await?;
    Ok(saved(&paths::meeting(network_id, meeting.id), notice))
}

pub async fn invite(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    transition(&app, &viewer, ids, Invitation::Invite, "conf-invited").await
}

pub async fn update_invitation(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    transition(
        &app,
        &viewer,
        ids,
        Invitation::Update,
        "conf-invitation-updated",
    )
    .await
}

pub async fn cancel(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    transition(&app, &viewer, ids, Invitation::Cancel, "conf-cancelled").await
}

/// The public meetings of a network as a subscribable calendar.
pub async fn feed(
    State(app): State<App>,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let meetings = store::public_meetings(app.db.pool(), network_id).await?;
    let body = ical::feed(&network.name, &meetings, &service::organizer(&app), now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"meetings.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}
