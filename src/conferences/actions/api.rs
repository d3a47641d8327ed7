//! The conference JSON API under `/api/v1`: meetings and their agenda,
//! action items and progress updates. Same validation and access checks as
//! the HTML pages.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    access,
    model::{ActionItem, ActionUpdate, UpdateInput},
    store,
    web::{BoardQuery, network_meeting},
};
use crate::{
    accounts::viewer::Viewer,
    conferences::{
        model::{Meeting, parse_local},
        store::{self as conf_store, AgendaItem, AgendaRecord, MeetingRecord},
        web::DURATION_RANGE,
    },
    core::{
        audit::Actor,
        error::{AppError, AppResult, Msg},
        web::{App, errors::ErrorBody, forms::Validator},
    },
    network::{
        context::{load_network, scope},
        store::organizations::{self, Filter},
    },
};

/// A meeting as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingOut {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    /// UNIX seconds; null until a date is chosen.
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub location: String,
    pub online_url: String,
    pub organizer_organization_id: Option<i64>,
    /// `planned`, `invited`, `held` or `cancelled`.
    pub state: String,
    pub is_public: bool,
}

impl From<&Meeting> for MeetingOut {
    fn from(m: &Meeting) -> Self {
        Self {
            id: m.id,
            network_id: m.network_id,
            title: m.title.clone(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location.clone(),
            online_url: m.online_url.clone(),
            organizer_organization_id: m.organizer_organization_id,
            state: m.state.code().to_string(),
            is_public: m.is_public,
        }
    }
}

/// The meetings of a network, latest first.
#[utoipa::path(get, path = "/api/v1/networks/{id}/meetings", tag = "conferences",
    params(("id" = i64, Path, description = "Network id")),
    responses((status = 200, body = [MeetingOut]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list_meetings(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Json<Vec<MeetingOut>>> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let meetings = conf_store::meetings(app.db.pool(), network.id).await?;
    Ok(Json(meetings.iter().map(MeetingOut::from).collect()))
}

/// A new meeting.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct MeetingInput {
    #[serde(default)]
    pub title: String,
    /// German local time, `YYYY-MM-DDTHH:MM`; both or neither.
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub online_url: String,
    #[serde(default)]
    pub organizer_organization_id: Option<i64>,
    #[serde(default)]
    pub is_public: bool,
}

impl MeetingInput {
    fn validate(&self, member_ids: &[i64]) -> AppResult<MeetingRecord> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, 200);
        let location = v.text("location", &self.location, false, 300);
        let online_url = v.website("online_url", &self.online_url);
        let mut time = |field: &str, raw: &str| match raw.trim() {
            "" => None,
            value => {
                let t = parse_local(value);
                if t.is_none() {
                    v.add(field, Msg::new("act-err-datetime"));
                }
                t
            }
        };
        let starts_at = time("starts_at", &self.starts_at);
        let ends_at = time("ends_at", &self.ends_at);
        match (starts_at, ends_at) {
            (Some(s), Some(e)) if e <= s => v.add("ends_at", Msg::new("act-err-end-before-start")),
            (Some(_), None) => v.add("ends_at", Msg::new("act-err-datetime")),
            (None, Some(_)) => v.add("starts_at", Msg::new("act-err-datetime")),
            _ => {}
        }
        if let Some(o) = self.organizer_organization_id
            && !member_ids.contains(&o)
        {
            v.add("organizer_organization_id", Msg::new("act-err-choice"));
        }
        if !v.is_ok() {
            return Err(AppError::invalid(v.errors));
        }
        Ok(MeetingRecord {
            title,
            starts_at,
            ends_at,
            location,
            online_url,
            organizer_organization_id: self.organizer_organization_id,
            is_public: self.is_public,
        })
    }
}

async fn member_ids(app: &App, network_id: i64) -> AppResult<Vec<i64>> {
    Ok(
        organizations::list_in_network(app.db.pool(), network_id, &Filter::default())
            .await?
            .iter()
            .map(|o| o.id)
            .collect(),
    )
}

#[utoipa::path(post, path = "/api/v1/networks/{id}/meetings", tag = "conferences",
    params(("id" = i64, Path, description = "Network id")),
    request_body = MeetingInput,
    responses((status = 201, body = MeetingOut), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn create_meeting(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(input): Json<MeetingInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let record = input.validate(&member_ids(&app, network.id).await?)?;
    let mut tx = app.db.begin().await?;
    let meeting_id =
        conf_store::create_meeting(&mut tx, Actor::User(user), network.id, &record).await?;
    tx.commit().await?;
    let meeting = conf_store::meeting(app.db.pool(), meeting_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((StatusCode::CREATED, Json(MeetingOut::from(&meeting))).into_response())
}

/// The agenda of a meeting in its order.
#[utoipa::path(get, path = "/api/v1/networks/{id}/meetings/{mid}/agenda", tag = "conferences",
    params(("id" = i64, Path, description = "Network id"), ("mid" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = [AgendaItemOut]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list_agenda(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, meeting_id)): Path<(i64, i64)>,
) -> AppResult<Json<Vec<AgendaItemOut>>> {
    let (_, meeting) = network_meeting(&app, &viewer, id, meeting_id).await?;
    let items = conf_store::agenda(app.db.pool(), meeting.id).await?;
    Ok(Json(items.into_iter().map(AgendaItemOut::from).collect()))
}

/// One agenda item.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaItemOut {
    pub id: i64,
    pub meeting_id: i64,
    /// 1, 2, 3 … in agenda order.
    pub position: i64,
    pub title: String,
    pub description: String,
    pub proposer_organization_id: Option<i64>,
    pub duration_minutes: i64,
    pub is_public: bool,
}

impl From<AgendaItem> for AgendaItemOut {
    fn from(i: AgendaItem) -> Self {
        Self {
            id: i.id,
            meeting_id: i.meeting_id,
            position: i.position,
            title: i.title,
            description: i.description,
            proposer_organization_id: i.proposer_organization_id,
            duration_minutes: i.duration_minutes,
            is_public: i.is_public,
        }
    }
}

/// A new agenda item (appended at the end).
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct AgendaInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub proposer_organization_id: Option<i64>,
    /// 1–480.
    #[serde(default)]
    pub duration_minutes: i64,
    #[serde(default)]
    pub is_public: bool,
}

#[utoipa::path(post, path = "/api/v1/networks/{id}/meetings/{mid}/agenda", tag = "conferences",
    params(("id" = i64, Path, description = "Network id"), ("mid" = i64, Path, description = "Meeting id")),
    request_body = AgendaInput,
    responses((status = 201, body = AgendaItemOut), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid fields")),
    security(("api_token" = [])))]
pub async fn create_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, meeting_id)): Path<(i64, i64)>,
    Json(input): Json<AgendaInput>,
) -> AppResult<Response> {
    let (network, meeting) = network_meeting(&app, &viewer, id, meeting_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let mut v = Validator::new();
    let title = v.text("title", &input.title, true, 200);
    let description = v.text("description", &input.description, false, 4000);
    let (min, max) = DURATION_RANGE;
    if !(min..=max).contains(&input.duration_minutes) {
        v.add(
            "duration_minutes",
            Msg::new("conf-err-rhythm").arg("min", min).arg("max", max),
        );
    }
    if let Some(o) = input.proposer_organization_id
        && !member_ids(&app, network.id).await?.contains(&o)
    {
        v.add("proposer_organization_id", Msg::new("conf-err-not-member"));
    }
    if !v.is_ok() {
        return Err(AppError::invalid(v.errors));
    }
    let record = AgendaRecord {
        title,
        description,
        proposer_organization_id: input.proposer_organization_id,
        duration_minutes: input.duration_minutes,
        is_public: input.is_public,
    };
    let mut tx = app.db.begin().await?;
    let item_id =
        conf_store::add_agenda_item(&mut tx, Actor::User(user), &meeting, &record).await?;
    tx.commit().await?;
    let item = conf_store::agenda(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .find(|i| i.id == item_id)
        .ok_or_else(AppError::not_found)?;
    Ok((StatusCode::CREATED, Json(AgendaItemOut::from(item))).into_response())
}

/// Filters of the action item list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActionQuery {
    /// Responsible organisation id.
    #[serde(default)]
    pub organization: String,
    /// Empty: open and in progress; `all`; or one of `open`, `in_progress`, `done`, `dropped`.
    #[serde(default)]
    pub status: String,
    /// Meeting id.
    #[serde(default)]
    pub meeting: String,
}

/// The action items of a network, earliest due date first.
#[utoipa::path(get, path = "/api/v1/networks/{id}/actions", tag = "conferences",
    params(("id" = i64, Path, description = "Network id"), ActionQuery),
    responses((status = 200, body = [ActionItem]), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn list_actions(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(query): Query<ActionQuery>,
) -> AppResult<Json<Vec<ActionItem>>> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let filter = BoardQuery {
        organization: query.organization,
        status: query.status,
        meeting: query.meeting,
    }
    .filter();
    Ok(Json(
        store::board(app.db.pool(), network.id, &filter).await?,
    ))
}

/// Reports progress on an action item (the responsible person, their
/// organisation's members if the person has no account, coordinators).
#[utoipa::path(post, path = "/api/v1/networks/{id}/actions/{aid}/updates", tag = "conferences",
    params(("id" = i64, Path, description = "Network id"), ("aid" = i64, Path, description = "Action item id")),
    request_body = UpdateInput,
    responses((status = 201, body = ActionUpdate), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "Not responsible for this item"),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "Invalid status or progress outside 0–100")),
    security(("api_token" = [])))]
pub async fn post_update(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, item_id)): Path<(i64, i64)>,
    Json(input): Json<UpdateInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let item = store::item(app.db.pool(), item_id)
        .await?
        .filter(|i| i.network_id == network.id)
        .ok_or_else(AppError::not_found)?;
    let user = access::may_update(&app.db, &viewer, &item).await?;
    let record = input.validate().map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    let update_id = store::add_update(&mut tx, user, &item, &record).await?;
    tx.commit().await?;
    let update = store::updates(app.db.pool(), item.id)
        .await?
        .into_iter()
        .find(|u| u.id == update_id)
        .ok_or_else(AppError::not_found)?;
    Ok((StatusCode::CREATED, Json(update)).into_response())
}
