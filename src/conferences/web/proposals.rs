//! Agenda items proposed by members: any member of the network proposes
//! for a planned or invited meeting; the coordinator accepts (the item
//! joins the agenda with the proposer's organisation) or declines with a
//! note. Shown on the agenda page.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};

use crate::conferences::{
    model::{ProposalDecisionInput, ProposalInput},
    registry::Access,
    service,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        ids::{MeetingId, NetworkId, ProposalId},
        paths,
        web::{App, forms::saved},
    },
};

use super::{
    agenda_page::{self, Forms},
    refused,
};

pub async fn propose(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<ProposalInput>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_participate(network_id)?;
    match refused(service::propose(&app, user, &meeting, &form).await)? {
        Ok(()) => Ok(saved(
            &paths::agenda(network_id, meeting.id),
            "min-proposal-added",
        )),
        Err(errors) => {
            let forms = Forms {
                proposal: form,
                ..Forms::default()
            };
            agenda_page::render(&app, &viewer, (&network, &meeting), forms, &errors).await
        }
    }
}

/// `POST …/proposals/{proposal_id}/decide`: `decision` is `accept` or
/// `decline` (with a note). A missing note is an error page, not a form:
/// the decline form is one field next to the proposal.
pub async fn decide_proposal(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, proposal_id)): Path<(NetworkId, MeetingId, ProposalId)>,
    Form(form): Form<ProposalDecisionInput>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    let accepted = service::decide_proposal(&app, user, &meeting, proposal_id, &form).await?;
    let notice = if accepted {
        "min-proposal-accepted"
    } else {
        "min-proposal-declined"
    };
    Ok(saved(&paths::agenda(network_id, meeting.id), notice))
}
