//! The HTML pages of action items: recording them per meeting, the action
//! board of a network, one item with its history and the progress form,
//! and the report on open items for the next agenda.

use std::collections::BTreeMap;

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{
    access,
    model::{ActionInput, ActionItem, Choices, Status, UpdateInput, format_day},
    store::{self, BoardFilter},
};
use crate::{
    accounts::viewer::Viewer,
    conferences::{
        model::{Meeting, State as MeetingState},
        store::{self as conf_store, AgendaRecord},
    },
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors},
        i18n::Lang,
        web::App,
    },
    network::{
        context::{load_network, scope},
        model::Network,
        store::organizations::{self, Filter},
        web::{saved, texts, unprocessable},
    },
};

/// A network and one of its meetings; a meeting of another network is a 404.
pub(super) async fn network_meeting(
    app: &App,
    viewer: &Viewer,
    id: i64,
    meeting_id: i64,
) -> AppResult<(Network, Meeting)> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let meeting = conf_store::meeting(app.db.pool(), meeting_id)
        .await?
        .filter(|m| m.network_id == network.id)
        .ok_or_else(AppError::not_found)?;
    Ok((network, meeting))
}

/// A network and one of its action items.
pub(super) async fn network_item(
    app: &App,
    viewer: &Viewer,
    id: i64,
    item_id: i64,
) -> AppResult<(Network, ActionItem)> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let item = store::item(app.db.pool(), item_id)
        .await?
        .filter(|i| i.network_id == network.id)
        .ok_or_else(AppError::not_found)?;
    Ok((network, item))
}

/// The valid choices of the action item form for a meeting.
pub(super) async fn choices(app: &App, meeting: &Meeting) -> AppResult<Choices> {
    let agenda = conf_store::agenda(app.db.pool(), meeting.id).await?;
    let decisions = conf_store::decisions(app.db.pool(), meeting.id).await?;
    let organizations =
        organizations::list_in_network(app.db.pool(), meeting.network_id, &Filter::default())
            .await?;
    let contacts = store::contacts(app.db.pool(), meeting.network_id).await?;
    Ok(Choices {
        agenda_item_ids: agenda.iter().map(|i| i.id).collect(),
        decisions: decisions.iter().map(|d| (d.id, d.agenda_item_id)).collect(),
        organization_ids: organizations.iter().map(|o| o.id).collect(),
        people: contacts.iter().map(|c| (c.id, c.organization_id)).collect(),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    pub edit: String,
}

fn input_of(item: &ActionItem) -> ActionInput {
    let id = |v: Option<i64>| v.map(|i| i.to_string()).unwrap_or_default();
    ActionInput {
        agenda_item_id: item.agenda_item_id.to_string(),
        decision_id: id(item.decision_id),
        title: item.title.clone(),
        responsible_organization_id: id(item.responsible_organization_id),
        responsible_person_id: id(item.responsible_person_id),
        due_on: item.due_on.clone().unwrap_or_default(),
        action_id: item.id.to_string(),
    }
}

async fn render_meeting(
    app: &App,
    viewer: &Viewer,
    (network, meeting): (&Network, &Meeting),
    form: &ActionInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let agenda = conf_store::agenda(app.db.pool(), meeting.id).await?;
    let items = store::for_meeting(app.db.pool(), meeting.id).await?;
    let decisions = conf_store::decisions(app.db.pool(), meeting.id).await?;
    let organizations =
        organizations::list_in_network(app.db.pool(), network.id, &Filter::default()).await?;
    let contacts = store::contacts(app.db.pool(), network.id).await?;
    let can_record = access::can_record(&app.db, viewer, meeting).await?;
    let groups: Vec<_> = agenda
        .iter()
        .map(|a| {
            let list: Vec<&ActionItem> =
                items.iter().filter(|i| i.agenda_item_id == a.id).collect();
            context! { item => a, actions => list }
        })
        .collect();
    let page = app.page(
        viewer,
        "conferences/actions_meeting.html",
        context! {
            network => network, meeting => meeting, groups => groups, has_items => !items.is_empty(),
            agenda => agenda, decisions => decisions, organizations => organizations,
            contacts => contacts, can_record => can_record, form => form,
            errors => texts(viewer, errors),
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

/// `GET /networks/{id}/meetings/{mid}/actions`
pub async fn meeting_actions(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, meeting_id)): Path<(i64, i64)>,
    Query(query): Query<EditQuery>,
) -> AppResult<Response> {
    let (network, meeting) = network_meeting(&app, &viewer, id, meeting_id).await?;
    let form = match query.edit.trim() {
        "" => ActionInput::default(),
        value => {
            access::may_record(&app.db, &viewer, &meeting).await?;
            let item_id: i64 = value.parse().map_err(|_| AppError::not_found())?;
            let item = store::item(app.db.pool(), item_id)
                .await?
                .filter(|i| i.meeting_id == meeting.id)
                .ok_or_else(AppError::not_found)?;
            input_of(&item)
        }
    };
    render_meeting(
        &app,
        &viewer,
        (&network, &meeting),
        &form,
        &FieldErrors::new(),
    )
    .await
}

/// `POST /networks/{id}/meetings/{mid}/actions`: a new item.
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, meeting_id)): Path<(i64, i64)>,
    Form(form): Form<ActionInput>,
) -> AppResult<Response> {
    let (network, meeting) = network_meeting(&app, &viewer, id, meeting_id).await?;
    let user = access::may_record(&app.db, &viewer, &meeting).await?;
    let record = match form.validate(&choices(&app, &meeting).await?) {
        Ok(record) => record,
        Err(errors) => {
            return render_meeting(&app, &viewer, (&network, &meeting), &form, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::create(&mut tx, Actor::User(user), network.id, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/networks/{}/meetings/{}/actions", network.id, meeting.id),
        "act-created",
    ))
}

/// `POST /networks/{id}/meetings/{mid}/actions/edit`: changes an item.
pub async fn edit(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, meeting_id)): Path<(i64, i64)>,
    Form(form): Form<ActionInput>,
) -> AppResult<Response> {
    let (network, meeting) = network_meeting(&app, &viewer, id, meeting_id).await?;
    let user = access::may_record(&app.db, &viewer, &meeting).await?;
    let item_id: i64 = form
        .action_id
        .trim()
        .parse()
        .map_err(|_| AppError::not_found())?;
    let item = store::item(app.db.pool(), item_id)
        .await?
        .filter(|i| i.meeting_id == meeting.id)
        .ok_or_else(AppError::not_found)?;
    let record = match form.validate(&choices(&app, &meeting).await?) {
        Ok(record) => record,
        Err(errors) => {
            return render_meeting(&app, &viewer, (&network, &meeting), &form, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::update(&mut tx, Actor::User(user), &item, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/networks/{}/meetings/{}/actions", network.id, meeting.id),
        "act-saved",
    ))
}

/// The filters of the board, as the GET form sends them.
#[derive(Debug, Default, Deserialize)]
pub struct BoardQuery {
    #[serde(default)]
    pub organization: String,
    /// `""` (open and in progress), `all` or one status code.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub meeting: String,
}

impl BoardQuery {
    /// Unknown values are ignored rather than refused: the board is a
    /// read-only view and a stale bookmark should still show something.
    pub fn filter(&self) -> BoardFilter {
        let statuses = match self.status.trim() {
            "" | "open_all" => None,
            "all" => Some(Status::ALL.to_vec()),
            code => Status::parse(code).map(|s| vec![s]),
        };
        BoardFilter {
            organization_id: self.organization.trim().parse().ok(),
            statuses,
            meeting_id: self.meeting.trim().parse().ok(),
        }
    }
}

/// `GET /networks/{id}/actions`: the action board.
pub async fn board(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(query): Query<BoardQuery>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let items = store::board(app.db.pool(), network.id, &query.filter()).await?;
    let organizations =
        organizations::list_in_network(app.db.pool(), network.id, &Filter::default()).await?;
    let meetings = conf_store::meetings(app.db.pool(), network.id).await?;
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
                can_manage => viewer.can_manage_network(network.id),
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
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

/// `GET /networks/{id}/actions/{aid}`: one item with its history.
pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, item_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (network, item) = network_item(&app, &viewer, id, item_id).await?;
    render_item(
        &app,
        &viewer,
        (&network, &item),
        &UpdateInput::default(),
        &FieldErrors::new(),
    )
    .await
}

/// `POST /networks/{id}/actions/{aid}/update`: status, progress, comment.
pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, item_id)): Path<(i64, i64)>,
    Form(form): Form<BTreeMap<String, String>>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let item = store::item(app.db.pool(), item_id)
        .await?
        .filter(|i| i.network_id == network.id)
        .ok_or_else(AppError::not_found)?;
    let user = access::may_update(&app.db, &viewer, &item).await?;
    let input = UpdateInput {
        status: form.get("status").cloned().unwrap_or_default(),
        progress: serde_json::Value::String(form.get("progress").cloned().unwrap_or_default()),
        comment: form.get("comment").cloned().unwrap_or_default(),
    };
    let record = match input.validate() {
        Ok(record) => record,
        Err(errors) => {
            return render_item(&app, &viewer, (&network, &item), &input, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::add_update(&mut tx, user, &item, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/networks/{}/actions/{}", network.id, item.id),
        "act-progress-saved",
    ))
}

/// The text of the agenda item that reports on open action items.
pub fn open_items_report(lang: Lang, items: &[ActionItem]) -> String {
    if items.is_empty() {
        return lang.t("act-report-none");
    }
    items
        .iter()
        .map(|i| {
            let args = [
                ("title".to_string(), i.title.clone()),
                ("responsible".to_string(), i.responsible()),
                (
                    "due".to_string(),
                    i.due_on
                        .as_deref()
                        .map(format_day)
                        .unwrap_or_else(|| "–".into()),
                ),
                ("progress".to_string(), i.progress.to_string()),
            ];
            let mut line = format!("- {}", lang.t_args("act-report-line", &args));
            if i.overdue {
                line.push_str(&format!(" ({})", lang.t("act-overdue")));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `POST /networks/{id}/meetings/{mid}/agenda/open-actions`: adds the
/// report on open action items to a meeting that has not taken place.
pub async fn add_report(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, meeting_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let meeting = conf_store::meeting(app.db.pool(), meeting_id)
        .await?
        .filter(|m| m.network_id == network.id)
        .ok_or_else(AppError::not_found)?;
    if !matches!(meeting.state, MeetingState::Planned | MeetingState::Invited) {
        return Err(AppError::conflict("wrong_state", "act-err-report-state"));
    }
    let items = store::board(app.db.pool(), network.id, &BoardFilter::default()).await?;
    // Items of this very meeting are not "open items from before".
    let items: Vec<ActionItem> = items
        .into_iter()
        .filter(|i| i.meeting_id != meeting.id)
        .collect();
    let lang = Lang::De;
    let record = AgendaRecord {
        title: lang.t("act-report-title"),
        description: open_items_report(lang, &items),
        proposer_organization_id: None,
        duration_minutes: 15,
        is_public: false,
    };
    let mut tx = app.db.begin().await?;
    conf_store::add_agenda_item(&mut tx, Actor::User(user), &meeting, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        "act-report-added",
    ))
}
