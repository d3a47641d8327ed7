//! The agenda of a meeting: the coordinator adds, changes, moves and
//! deletes items; everybody who may read the network sees it numbered.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::Response,
};
use serde::Deserialize;

use crate::conferences::{
    model::{AgendaInput, MoveInput},
    registry::Access,
    service,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, FieldErrors},
        ids::{AgendaItemId, MeetingId, NetworkId},
        paths,
        web::{App, forms::saved},
    },
};

use super::{
    agenda_page::{self, Forms},
    refused,
};

/// `?edit=<item id>` opens an item in the form.
#[derive(Debug, Default, Deserialize)]
pub struct AgendaQuery {
    #[serde(default)]
    pub edit: String,
}

pub async fn agenda(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Query(query): Query<AgendaQuery>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    viewer.require_read(&network)?;
    let forms = match query.edit.trim() {
        "" => Forms::default(),
        value => {
            viewer.require_manage(network_id)?;
            let id = value.parse().map_err(|_| AppError::not_found())?;
            let item = service::item_of(&app, &meeting, AgendaItemId(id)).await?;
            Forms {
                item: AgendaInput::of(&item),
                editing: Some(item.id),
                ..Forms::default()
            }
        }
    };
    agenda_page::render(
        &app,
        &viewer,
        (&network, &meeting),
        forms,
        &FieldErrors::new(),
    )
    .await
}

/// `POST …/agenda`: a new item at the end.
pub async fn add_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<AgendaInput>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    match refused(service::add_agenda_item(&app, user, &meeting, &form).await)? {
        Ok(_) => Ok(saved(
            &paths::agenda(network_id, meeting.id),
            "conf-agenda-added",
        )),
        Err(errors) => {
            let forms = Forms {
                item: form,
                ..Forms::default()
            };
            agenda_page::render(&app, &viewer, (&network, &meeting), forms, &errors).await
        }
    }
}

/// `POST …/agenda/{item_id}`: changes an item.
pub async fn update_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, item_id)): Path<(NetworkId, MeetingId, AgendaItemId)>,
    Form(form): Form<AgendaInput>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    let item = service::item_of(&app, &meeting, item_id).await?;
    match refused(service::update_agenda_item(&app, user, &meeting, &item, &form).await)? {
        Ok(()) => Ok(saved(
            &paths::agenda(network_id, meeting.id),
            "conf-agenda-saved",
        )),
        Err(errors) => {
            let forms = Forms {
                item: form,
                editing: Some(item.id),
                ..Forms::default()
            };
            agenda_page::render(&app, &viewer, (&network, &meeting), forms, &errors).await
        }
    }
}

pub async fn move_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, item_id)): Path<(NetworkId, MeetingId, AgendaItemId)>,
    Form(form): Form<MoveInput>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    let up = form.up()?;
    service::move_agenda_item(&app, user, &meeting, item_id, up).await?;
    Ok(saved(
        &paths::agenda(network_id, meeting.id),
        "conf-agenda-moved",
    ))
}

pub async fn delete_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, item_id)): Path<(NetworkId, MeetingId, AgendaItemId)>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    service::delete_agenda_item(&app, user, &meeting, item_id).await?;
    Ok(saved(
        &paths::agenda(network_id, meeting.id),
        "conf-agenda-deleted",
    ))
}
