//! Where the old page URLs of the conferences live now (the route table
//! answers them with 308). They named a meeting or a file by its id alone;
//! its network (and for a file its meeting and item) is looked up. An
//! unknown id is a 404, as it always was.

use crate::conferences::service;
use crate::core::{
    error::AppResult,
    ids::{AttachmentId, MeetingId, NetworkId},
    paths,
    web::{App, routes::old_id},
};

/// `/networks/{id}/conferences…`: the network is in the old URL.
pub fn network_page(values: &[String], page: fn(NetworkId) -> String) -> AppResult<String> {
    Ok(page(old_id(values, 0)?))
}

/// `/conferences/{id}…`: a page of the meeting.
pub async fn meeting_page(
    app: App,
    values: Vec<String>,
    page: fn(NetworkId, MeetingId) -> String,
) -> AppResult<String> {
    let (_, meeting) = service::meeting_by_id(&app, old_id(&values, 0)?).await?;
    Ok(page(meeting.network_id, meeting.id))
}

/// `/attachments/{id}`: the download of a file that is not deleted.
pub async fn attachment(app: App, values: Vec<String>) -> AppResult<String> {
    let id: AttachmentId = old_id(&values, 0)?;
    let (network_id, meeting_id, item_id) = service::attachment_place(&app, id).await?;
    Ok(paths::attachment(network_id, meeting_id, item_id, id))
}
