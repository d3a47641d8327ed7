//! What the conference pages and the JSON API do, once: the rules of each
//! step, its transaction, audit records and the mails it queues. Web and
//! API handlers check access, call one of these and render the result.
//! Input that fails validation comes back as `AppError::invalid` with the
//! field messages, which a page shows in its form.

mod agenda;
mod invitations;
mod meetings;
mod minutes;
mod poll;

pub use self::{agenda::*, invitations::*, meetings::*, minutes::*, poll::*};

use crate::conferences::{
    model::{AgendaItem, Meeting},
    registry::{self, Network},
    store,
};
use crate::core::{
    error::{AppError, AppResult, FieldErrors},
    ids::{AgendaItemId, AttachmentId, MeetingId, NetworkId},
    web::App,
};

/// A network and one of its meetings, both named in the path. An unknown
/// network, an unknown meeting or a meeting of another network is a 404
/// for everybody, before any access decision.
pub async fn meeting_in(
    app: &App,
    network_id: NetworkId,
    meeting_id: MeetingId,
) -> AppResult<(Network, Meeting)> {
    let network = registry::network(&app.db, network_id).await?;
    let meeting = store::meeting(app.db.pool(), meeting_id)
        .await?
        .filter(|m| m.network_id == network_id)
        .ok_or_else(AppError::not_found)?;
    Ok((network, meeting))
}

/// A meeting and its network, found by the meeting alone (personal links
/// and old URLs carry no network).
pub async fn meeting_by_id(app: &App, meeting_id: MeetingId) -> AppResult<(Network, Meeting)> {
    let meeting = store::meeting(app.db.pool(), meeting_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let network = registry::network(&app.db, meeting.network_id).await?;
    Ok((network, meeting))
}

/// Where a file that is not deleted lives: its network, meeting and
/// agenda item (old links named the file alone).
pub async fn attachment_place(
    app: &App,
    id: AttachmentId,
) -> AppResult<(NetworkId, MeetingId, AgendaItemId)> {
    store::attachment_place(app.db.pool(), id)
        .await?
        .ok_or_else(AppError::not_found)
}

/// An item of this meeting's agenda; an item of another meeting is a 404.
pub async fn item_of(app: &App, meeting: &Meeting, item_id: AgendaItemId) -> AppResult<AgendaItem> {
    store::agenda_item(app.db.pool(), meeting.id, item_id)
        .await?
        .ok_or_else(AppError::not_found)
}

/// An agenda item named by a form field (the minutes' forms name the item
/// they write about); anything else than an item of this meeting is a 404.
pub async fn item_named(app: &App, meeting: &Meeting, raw: &str) -> AppResult<AgendaItem> {
    let id = raw.trim().parse().map_err(|_| AppError::not_found())?;
    item_of(app, meeting, AgendaItemId(id)).await
}

/// An absolute URL of a page, for e-mails: the configured base address
/// joined with the page's path.
pub fn absolute(app: &App, path: &str) -> String {
    format!("{}{path}", app.config.base())
}

/// Field messages as the error a service returns for invalid input.
fn invalid<T>(errors: FieldErrors) -> AppResult<T> {
    Err(AppError::invalid(errors))
}
