//! The HTML pages of action items: recording them per meeting, the action
//! board of a network, one item with its history and the progress form,
//! and the report on open items for the next agenda.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::Response,
};
use minijinja::context;
use serde::Deserialize;

use super::{
    access,
    model::{ActionInput, ActionItem, BoardQuery, Status, UpdateInput},
    service, store,
};
use crate::{
    accounts::viewer::Viewer,
    conferences::{
        model::Meeting,
        registry::{self, Access, Network},
        service as conf_service, store as conf_store,
        web::{refused, respond},
    },
    core::{
        error::{AppError, AppResult, FieldErrors},
        ids::{ActionItemId, MeetingId, NetworkId},
        paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
};

/// A network and one of its meetings, for a reader of the network.
async fn network_meeting(
    app: &App,
    viewer: &Viewer,
    (network_id, meeting_id): (NetworkId, MeetingId),
) -> AppResult<(Network, Meeting)> {
    let (network, meeting) = conf_service::meeting_in(app, network_id, meeting_id).await?;
    viewer.require_read(&network)?;
    Ok((network, meeting))
}

/// An action item of this network; one of another network is a 404.
async fn item_in(app: &App, network_id: NetworkId, id: ActionItemId) -> AppResult<ActionItem> {
    store::item(app.db.pool(), id)
        .await?
        .filter(|i| i.network_id == network_id)
        .ok_or_else(AppError::not_found)
}

/// An action item of this meeting; one of another meeting is a 404.
async fn item_of(app: &App, meeting: &Meeting, id: ActionItemId) -> AppResult<ActionItem> {
    store::item(app.db.pool(), id)
        .await?
        .filter(|i| i.meeting_id == Some(meeting.id))
        .ok_or_else(AppError::not_found)
}

/// The meeting's page; `form` is the item form as last entered, `editing`
/// the item it changes.
async fn render_meeting(
    app: &App,
    viewer: &Viewer,
    (network, meeting): (&Network, &Meeting),
    (form, editing): (&ActionInput, Option<ActionItemId>),
    errors: &FieldErrors,
) -> AppResult<Response> {
    let agenda = conf_store::agenda(app.db.pool(), meeting.id).await?;
    let items = store::for_meeting(app.db.pool(), meeting.id).await?;
    let decisions = conf_store::decisions(app.db.pool(), meeting.id).await?;
    let organizations = registry::members(&app.db, meeting.network_id).await?;
    let mut contacts = registry::contacts(&app.db, meeting.network_id).await?;
    contacts
        .sort_by(|a, b| (&a.organization, &a.name, a.id).cmp(&(&b.organization, &b.name, b.id)));
    let can_record = access::can_record(viewer, meeting);
    let groups: Vec<_> = agenda
        .iter()
        .map(|a| {
            let list: Vec<&ActionItem> = items
                .iter()
                .filter(|i| i.agenda_item_id == Some(a.id))
                .collect();
            context! { item => a, actions => list }
        })
        .collect();
    let page = app.page(
        viewer,
        "conferences/actions_meeting.html",
        context! {
            network => network, meeting => meeting, groups => groups, has_items => !items.is_empty(),
            agenda => agenda, decisions => decisions, organizations => organizations,
            contacts => contacts, can_record => can_record, form => form, editing => editing,
            errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    pub edit: String,
}

/// `GET …/meetings/{meeting_id}/actions` (`?edit=<action id>` opens an
/// item in the form).
pub async fn meeting_actions(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, MeetingId)>,
    Query(query): Query<EditQuery>,
) -> AppResult<Response> {
    let (network, meeting) = network_meeting(&app, &viewer, ids).await?;
    let (form, editing) = match query.edit.trim() {
        "" => (ActionInput::default(), None),
        value => {
            access::may_record(&viewer, &meeting)?;
            let id = value.parse().map_err(|_| AppError::not_found())?;
            let item = item_of(&app, &meeting, ActionItemId(id)).await?;
            (ActionInput::of(&item), Some(item.id))
        }
    };
    render_meeting(
        &app,
        &viewer,
        (&network, &meeting),
        (&form, editing),
        &FieldErrors::new(),
    )
    .await
}

/// `POST …/meetings/{meeting_id}/actions`: a new item.
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, MeetingId)>,
    Form(form): Form<ActionInput>,
) -> AppResult<Response> {
    let (network, meeting) = network_meeting(&app, &viewer, ids).await?;
    let user = access::may_record(&viewer, &meeting)?;
    match refused(service::create_action(&app, user, &meeting, &form).await)? {
        Ok(_) => Ok(saved(
            &paths::meeting_actions(ids.0, meeting.id),
            "act-created",
        )),
        Err(errors) => {
            render_meeting(&app, &viewer, (&network, &meeting), (&form, None), &errors).await
        }
    }
}

/// `POST …/meetings/{meeting_id}/actions/{action_id}`: changes an item.
pub async fn edit(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, action_id)): Path<(NetworkId, MeetingId, ActionItemId)>,
    Form(form): Form<ActionInput>,
) -> AppResult<Response> {
    let (network, meeting) = network_meeting(&app, &viewer, (network_id, meeting_id)).await?;
    let user = access::may_record(&viewer, &meeting)?;
    let item = item_of(&app, &meeting, action_id).await?;
    match refused(service::update_action(&app, user, &meeting, &item, &form).await)? {
        Ok(()) => Ok(saved(
            &paths::meeting_actions(network_id, meeting.id),
            "act-saved",
        )),
        Err(errors) => {
            render_meeting(
                &app,
                &viewer,
                (&network, &meeting),
                (&form, Some(item.id)),
                &errors,
            )
            .await
        }
    }
}

/// `GET /networks/{network_id}/actions`: the action board.
pub async fn board(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<BoardQuery>,
) -> AppResult<Response> {
    use axum::response::IntoResponse;
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let items = store::board(app.db.pool(), network_id, &query.filter()).await?;
    let organizations = registry::members(&app.db, network_id).await?;
    let meetings = conf_store::meetings(app.db.pool(), network_id).await?;
    let overdue = items.iter().filter(|i| i.overdue).count();
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    Ok(app
        .page(
            &viewer,
            "conferences/actions_board.html",
            context! {
                network => network, items => items, overdue => overdue,
                organizations => organizations, meetings => meetings, statuses => statuses,
                query => context! {
                    organization => query.organization.trim(), status => query.status.trim(),
                    meeting => query.meeting.trim(),
                },
                can_manage => viewer.can_manage(network_id),
            },
        )?
        .into_response())
}

async fn render_item(
    app: &App,
    viewer: &Viewer,
    (network, item): (&Network, &ActionItem),
    form: &UpdateInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let history = store::updates(app.db.pool(), item.id).await?;
    let can_update = access::can_update(&app.db, viewer, item).await?;
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    let progress = match &form.progress {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => item.progress.to_string(),
        other => other.to_string(),
    };
    let status = if form.status.is_empty() {
        item.status.code().to_string()
    } else {
        form.status.clone()
    };
    let page = app.page(
        viewer,
        "conferences/actions_item.html",
        context! {
            network => network, item => item, history => history, can_update => can_update,
            statuses => statuses,
            form => context! { status => status, progress => progress, comment => form.comment },
            errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

/// `GET /networks/{network_id}/actions/{action_id}`: one item with its history.
pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, action_id)): Path<(NetworkId, ActionItemId)>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let item = item_in(&app, network_id, action_id).await?;
    render_item(
        &app,
        &viewer,
        (&network, &item),
        &UpdateInput::default(),
        &FieldErrors::new(),
    )
    .await
}

/// `POST /networks/{network_id}/actions/{action_id}/updates`: status,
/// progress, comment.
pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, action_id)): Path<(NetworkId, ActionItemId)>,
    Form(mut form): Form<UpdateInput>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let item = item_in(&app, network_id, action_id).await?;
    let user = access::may_update(&app.db, &viewer, &item).await?;
    // A form sends the progress as text; a missing field is empty text.
    if form.progress.is_null() {
        form.progress = serde_json::Value::String(String::new());
    }
    match refused(service::report_progress(&app, user, &item, &form).await)? {
        Ok(_) => Ok(saved(
            &paths::action(network_id, item.id),
            "act-progress-saved",
        )),
        Err(errors) => render_item(&app, &viewer, (&network, &item), &form, &errors).await,
    }
}

/// `POST …/meetings/{meeting_id}/agenda/open-actions`: adds the report on
/// open action items to a meeting that has not taken place.
pub async fn add_report(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let (_, meeting) = conf_service::meeting_in(&app, network_id, meeting_id).await?;
    service::add_open_items_report(&app, user, &meeting).await?;
    Ok(saved(
        &paths::agenda(network_id, meeting.id),
        "act-report-added",
    ))
}
