//! The conference pages of a network: the list with the due date, the
//! series settings (rhythm, default location, organisers' rotation),
//! meetings, and the coordinator's side of the date poll.

mod agenda;
mod attachments;
mod attendance;
mod due;
mod meetings;
mod minutes;
mod poll;
mod proposals;
mod settings;

pub use self::{
    agenda::*, attachments::*, attendance::*, due::*, meetings::*, minutes::*, poll::*,
    proposals::*, settings::*,
};

use axum::response::{Html, IntoResponse, Response};

use crate::conferences::{
    model::Meeting,
    store::{self},
};
use crate::{
    core::{
        error::{AppError, AppResult, FieldErrors},
        web::App,
    },
    network::{
        context::load_network,
        model::{Network, Organization},
        store::organizations::{self, Filter},
        web::unprocessable,
    },
};

/// A meeting with its network, loaded before any authorisation decision
/// (an unknown meeting is a 404 for everybody).
pub(crate) async fn load_meeting(app: &App, id: i64) -> AppResult<(Meeting, Network)> {
    let meeting = store::meeting(app.db.pool(), id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let network = load_network(&app.db, meeting.network_id).await?;
    Ok((meeting, network))
}

async fn members(app: &App, network_id: i64) -> AppResult<Vec<Organization>> {
    Ok(organizations::list_in_network(app.db.pool(), network_id, &Filter::default()).await?)
}

/// Ids of the network's member organisations (for validating choices).
async fn member_ids(app: &App, network_id: i64) -> AppResult<Vec<i64>> {
    Ok(members(app, network_id)
        .await?
        .iter()
        .map(|o| o.id)
        .collect())
}

fn respond(page: Html<String>, errors: &FieldErrors) -> Response {
    if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    }
}
