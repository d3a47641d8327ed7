//! The agenda of a meeting: the coordinator adds, moves and deletes
//! items; everybody who may read the network sees it numbered.

use std::collections::BTreeMap;

use axum::{
    Form,
    extract::{Path, Query, State},
    response::Response,
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::conferences::{
    model::Meeting,
    store::{self, AgendaItem, AgendaRecord},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        web::{App, forms::Validator},
    },
    network::{
        context::scope,
        model::Network,
        web::{saved, texts},
    },
};

use super::*;

/// Planned duration of one item, in minutes.
pub const DURATION_RANGE: (i64, i64) = (1, 480);

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct AgendaForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub proposer_organization_id: String,
    #[serde(default)]
    pub duration_minutes: String,
    #[serde(default)]
    pub is_public: String,
    /// Set when an existing item is edited.
    #[serde(default)]
    pub item_id: String,
}

impl AgendaForm {
    fn of(item: &AgendaItem) -> Self {
        Self {
            title: item.title.clone(),
            description: item.description.clone(),
            proposer_organization_id: item
                .proposer_organization_id
                .map(|o| o.to_string())
                .unwrap_or_default(),
            duration_minutes: item.duration_minutes.to_string(),
            is_public: if item.is_public {
                "1".into()
            } else {
                String::new()
            },
            item_id: item.id.to_string(),
        }
    }

    fn validate(&self, member_ids: &[i64]) -> Result<AgendaRecord, FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, 200);
        let description = v.text("description", &self.description, false, 4000);
        let proposer = match self.proposer_organization_id.trim() {
            "" => None,
            value => {
                let id = value.parse::<i64>().ok().filter(|i| member_ids.contains(i));
                if id.is_none() {
                    v.add("proposer_organization_id", Msg::new("conf-err-not-member"));
                }
                id
            }
        };
        let (min, max) = DURATION_RANGE;
        let duration = match self.duration_minutes.trim().parse::<i64>() {
            Ok(d) if (min..=max).contains(&d) => d,
            _ => {
                v.add(
                    "duration_minutes",
                    Msg::new("conf-err-rhythm").arg("min", min).arg("max", max),
                );
                0
            }
        };
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok(AgendaRecord {
            title,
            description,
            proposer_organization_id: proposer,
            duration_minutes: duration,
            is_public: !self.is_public.trim().is_empty(),
        })
    }
}

/// `?edit=<item id>` opens an item in the form.
#[derive(Debug, Default, Deserialize)]
pub struct AgendaQuery {
    #[serde(default)]
    pub edit: String,
}

/// Which item a move or delete button acts on.
#[derive(Debug, Default, Deserialize)]
pub struct AgendaAction {
    #[serde(default)]
    pub item_id: String,
    #[serde(default)]
    pub direction: String,
}

impl AgendaAction {
    fn item(&self) -> AppResult<i64> {
        self.item_id
            .trim()
            .parse()
            .map_err(|_| AppError::not_found())
    }
}

async fn render_agenda(
    app: &App,
    viewer: &Viewer,
    target: (&Meeting, &Network),
    form: &AgendaForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let proposal = super::proposals::ProposalForm {
        duration_minutes: "15".into(),
        ..Default::default()
    };
    render_agenda_with(app, viewer, target, (form, &proposal), errors).await
}

/// The agenda page with its proposals and attachments; `forms` are the
/// agenda item form and the proposal form as last entered.
pub(super) async fn render_agenda_with(
    app: &App,
    viewer: &Viewer,
    (meeting, network): (&Meeting, &Network),
    (form, proposal_form): (&AgendaForm, &super::proposals::ProposalForm),
    errors: &FieldErrors,
) -> AppResult<Response> {
    let items = store::agenda(app.db.pool(), meeting.id).await?;
    let organizations = members(app, network.id).await?;
    let names: BTreeMap<i64, String> = organizations
        .iter()
        .map(|o| (o.id, o.name.clone()))
        .collect();
    let total: i64 = items.iter().map(|i| i.duration_minutes).sum();
    let attachments = store::meeting_attachments(app.db.pool(), meeting.id).await?;
    let rows: Vec<_> = items
        .iter()
        .map(|i| {
            let proposer = i
                .proposer_organization_id
                .and_then(|o| names.get(&o).cloned());
            let files: Vec<_> = attachments
                .iter()
                .filter(|a| a.agenda_item_id == Some(i.id))
                .collect();
            context! { item => i, proposer => proposer, files => files }
        })
        .collect();
    let proposals = super::proposals::proposals_context(app, viewer, meeting, &names).await?;
    let page = app.page(
        viewer,
        "conferences/agenda.html",
        context! {
            meeting => meeting, network => network, rows => rows, total => total,
            can_manage => viewer.can_manage_network(network.id),
            form => form, errors => texts(viewer, errors), organizations => organizations,
            proposals => proposals, proposal_form => proposal_form,
            max_upload_mb => app.config.max_upload_bytes.div_ceil(1024 * 1024),
        },
    )?;
    Ok(respond(page, errors))
}

pub async fn agenda(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(query): Query<AgendaQuery>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let editing = match query.edit.trim() {
        "" => None,
        value => {
            viewer.require_manage_network(network.id)?;
            Some(find_item(&app, &meeting, value).await?)
        }
    };
    let form = match editing {
        Some(item) => AgendaForm::of(&item),
        None => AgendaForm {
            duration_minutes: "15".into(),
            ..AgendaForm::default()
        },
    };
    render_agenda(
        &app,
        &viewer,
        (&meeting, &network),
        &form,
        &FieldErrors::new(),
    )
    .await
}

pub async fn add_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<AgendaForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let ids = member_ids(&app, network.id).await?;
    let record = match form.validate(&ids) {
        Ok(record) => record,
        Err(errors) => {
            return render_agenda(&app, &viewer, (&meeting, &network), &form, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::add_agenda_item(&mut tx, Actor::User(user), &meeting, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        "conf-agenda-added",
    ))
}

pub async fn move_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(action): Form<AgendaAction>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let item_id = action.item()?;
    let up = match action.direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::not_found()),
    };
    let mut tx = app.db.begin().await?;
    if !store::move_agenda_item(&mut tx, Actor::User(user), &meeting, item_id, up).await? {
        return Err(AppError::not_found());
    }
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        "conf-agenda-moved",
    ))
}

pub async fn delete_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(action): Form<AgendaAction>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let item_id = action.item()?;
    let mut tx = app.db.begin().await?;
    if !store::delete_agenda_item(&mut tx, Actor::User(user), &meeting, item_id).await? {
        return Err(AppError::not_found());
    }
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        "conf-agenda-deleted",
    ))
}

/// An item of this meeting by the id from a form or query; 404 otherwise.
async fn find_item(app: &App, meeting: &Meeting, id: &str) -> AppResult<AgendaItem> {
    let id: i64 = id.trim().parse().map_err(|_| AppError::not_found())?;
    store::agenda(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(AppError::not_found)
}

pub async fn update_agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<AgendaForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let item = find_item(&app, &meeting, &form.item_id).await?;
    let ids = member_ids(&app, network.id).await?;
    let record = match form.validate(&ids) {
        Ok(record) => record,
        Err(errors) => {
            return render_agenda(&app, &viewer, (&meeting, &network), &form, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::update_agenda_item(&mut tx, Actor::User(user), &meeting, &item, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        "conf-agenda-saved",
    ))
}
