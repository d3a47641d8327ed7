//! The project pages: the list by status with progress bars, one project
//! with its partners, milestones, funding, sub-projects and timeline (public
//! when the network marks it so), the forms, the status list and the CSV
//! import and export.

use axum::{
    Form,
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    http::header,
    response::{IntoResponse, Response},
};
use minijinja::{Value, context};
use serde::Deserialize;

use super::{
    actions, csv,
    model::{
        APPLICATION_STATUSES, FUNDING_LEVELS, FundingInput, MilestoneInput, PartnerRole,
        ProgressInput, Project, ProjectInput, State as ProjectState, TargetInput,
    },
    service, store, targets,
};
use crate::{
    accounts::viewer::Viewer,
    conferences::web::{refused, respond},
    coordination::{
        registry::{self, Access, Network},
        responsibilities::model::{FIELDS, TARGET_GROUPS},
    },
    core::{
        error::{AppError, AppResult, FieldErrors, Msg},
        ids::{MilestoneId, NetworkId, ProjectId},
        paths,
        web::{
            App,
            forms::{saved, texts, unprocessable},
        },
    },
    network::csv::{RowError, translate},
};

/// `GET /networks/{network_id}/projects`: accepted projects by status,
/// open proposals, declined ones.
pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let projects = store::projects(app.db.pool(), network_id).await?;
    let statuses = service::statuses(&app, network_id).await?;
    let by_status: Vec<Value> = statuses
        .iter()
        .map(|s| {
            let list: Vec<&Project> = projects
                .iter()
                .filter(|p| p.state == ProjectState::Accepted && p.status == s.code)
                .collect();
            context! { status => s, projects => list }
        })
        .collect();
    let proposed: Vec<&Project> = projects
        .iter()
        .filter(|p| p.state == ProjectState::Proposed)
        .collect();
    Ok(app
        .page(
            &viewer,
            "coordination/projects.html",
            context! {
                network => network, by_status => by_status, proposed => proposed,
                can_manage => viewer.can_manage(network_id),
                can_propose => viewer.can_participate(network_id),
            },
        )?
        .into_response())
}

async fn render_form(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    (form, editing): (&ProjectInput, Option<ProjectId>),
    errors: &FieldErrors,
) -> AppResult<Response> {
    let network_id = registry::id(network);
    let organizations: Vec<Value> = registry::members(&app.db, network_id)
        .await?
        .into_iter()
        .map(|o| context! { id => o.id, name => o.name, role => form.role_of(o.id) })
        .collect();
    let parents: Vec<Project> = store::projects(app.db.pool(), network_id)
        .await?
        .into_iter()
        .filter(|p| p.parent_id.is_none() && Some(p.id) != editing)
        .collect();
    let roles: Vec<&str> = PartnerRole::ALL.iter().map(|r| r.code()).collect();
    let page = app.page(
        viewer,
        "coordination/project_form.html",
        context! {
            network => network, form => form, editing => editing, organizations => organizations,
            parents => parents, roles => roles, fields => FIELDS, groups => TARGET_GROUPS,
            contacts => registry::contacts(&app.db, network_id).await?,
            statuses => service::statuses(app, network_id).await?,
            can_manage => viewer.can_manage(network_id), errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

/// `GET …/projects/new`.
pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    let form = ProjectInput::default();
    render_form(&app, &viewer, &network, (&form, None), &FieldErrors::new()).await
}

/// `POST …/projects`: a proposal (members) or a project (coordinators).
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    let form = ProjectInput::from_pairs(&pairs);
    match refused(service::create(&app, &viewer, &network, &form).await)? {
        Ok(id) => Ok(saved(&paths::project(network_id, id), "project-saved")),
        Err(errors) => render_form(&app, &viewer, &network, (&form, None), &errors).await,
    }
}

/// The progress, milestone and funding forms of a project page as last
/// entered.
#[derive(Debug, Default, serde::Serialize)]
pub(super) struct Forms {
    pub status: String,
    pub progress: String,
    pub milestone: MilestoneInput,
    pub funding: FundingInput,
    pub target: TargetInput,
}

/// The project page with its forms and their errors.
pub(super) async fn render_project(
    app: &App,
    viewer: &Viewer,
    (network, project): (&Network, &Project),
    forms: Forms,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let all = store::projects(app.db.pool(), project.network_id).await?;
    let readers = viewer.can_read(network);
    let subs: Vec<&Project> = all
        .iter()
        .filter(|p| p.parent_id == Some(project.id) && (readers || p.is_public))
        .collect();
    let parent = project
        .parent_id
        .and_then(|id| all.iter().find(|p| p.id == id))
        .filter(|p| readers || p.is_public);
    let history = if readers {
        store::history(app.db.pool(), project.id).await?
    } else {
        Vec::new()
    };
    // The contact person is internal: looked up for readers only.
    let contact = match project.contact_person_id {
        Some(id) if readers => registry::contacts(&app.db, project.network_id)
            .await?
            .into_iter()
            .find(|c| c.id == id),
        _ => None,
    };
    let targets = targets::targets(app, network, project, viewer.lang).await?;
    let funding_calls = if readers {
        registry::funding_calls(&app.db, project.network_id).await?
    } else {
        Vec::new()
    };
    let (actions, other_actions) = if readers {
        actions::actions(app, project).await?
    } else {
        Default::default()
    };
    let can_lead = service::may_lead(viewer, project).is_ok();
    let target_choices = if can_lead {
        let indicators: Vec<(&str, String)> = registry::indicator_codes()
            .into_iter()
            .map(|c| (c, registry::indicator_label(c, viewer.lang).0))
            .collect();
        context! { indicators => indicators, regions => targets::region_choices(app, network).await? }
    } else {
        Value::from(())
    };
    let page = app.page(
        viewer,
        "coordination/project.html",
        context! {
            network => network, project => project, subs => subs, parent => parent,
            history => history, readers => readers, contact => contact,
            statuses => service::statuses(app, project.network_id).await?,
            levels => FUNDING_LEVELS, application_statuses => APPLICATION_STATUSES,
            can_edit => service::may_edit(viewer, project).is_ok(),
            can_lead => can_lead, targets => targets, target_choices => target_choices,
            funding_calls => funding_calls, actions => actions, other_actions => if can_lead { other_actions } else { Vec::new() },
            can_manage => viewer.can_manage(project.network_id),
            forms => forms, errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

/// `GET …/projects/{project_id}`: for the network's readers, and for
/// everybody once the project is accepted and marked public.
pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, project_id)): Path<(NetworkId, ProjectId)>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let project = match service::project_in(&app, network_id, project_id).await {
        Ok(p) => p,
        // Nothing is told about a project the viewer may not see.
        Err(e) if !viewer.can_read(&network) && e.status == axum::http::StatusCode::NOT_FOUND => {
            viewer.require_read(&network)?;
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    service::may_read(&viewer, &network, &project)?;
    render_project(
        &app,
        &viewer,
        (&network, &project),
        Forms::default(),
        &FieldErrors::new(),
    )
    .await
}

pub(super) async fn editable(
    app: &App,
    viewer: &Viewer,
    (network_id, project_id): (NetworkId, ProjectId),
) -> AppResult<(Network, Project)> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    let project = service::project_in(app, network_id, project_id).await?;
    Ok((network, project))
}

/// `GET …/projects/{project_id}/edit`.
pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ProjectId)>,
) -> AppResult<Response> {
    let (network, project) = editable(&app, &viewer, ids).await?;
    service::may_edit(&viewer, &project)?;
    let form = ProjectInput::of(&project);
    render_form(
        &app,
        &viewer,
        &network,
        (&form, Some(project.id)),
        &FieldErrors::new(),
    )
    .await
}

/// `POST …/projects/{project_id}`: changes the project.
pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ProjectId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (network, project) = editable(&app, &viewer, ids).await?;
    let user = service::may_edit(&viewer, &project)?;
    let mut form = ProjectInput::from_pairs(&pairs);
    // Only coordinators publish a project.
    if !viewer.can_manage(project.network_id) {
        form.is_public = project.is_public;
    }
    match refused(service::update(&app, user, &project, &form).await)? {
        Ok(()) => Ok(saved(&paths::project(ids.0, project.id), "project-saved")),
        Err(errors) => {
            render_form(&app, &viewer, &network, (&form, Some(project.id)), &errors).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct DecideInput {
    /// `accept` or `decline`.
    #[serde(default)]
    pub decision: String,
}

/// `POST …/projects/{project_id}/decide`: the coordinator accepts or
/// declines a proposal.
pub async fn decide(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ProjectId)>,
    Form(input): Form<DecideInput>,
) -> AppResult<Response> {
    registry::network(&app.db, ids.0).await?;
    let user = viewer.require_manage(ids.0)?;
    let project = service::project_in(&app, ids.0, ids.1).await?;
    let accept = match input.decision.as_str() {
        "accept" => true,
        "decline" => false,
        _ => {
            let mut errors = FieldErrors::new();
            errors.insert("decision".into(), Msg::new("proj-err-decision"));
            return Err(AppError::invalid(errors));
        }
    };
    service::decide(&app, user, &project, accept).await?;
    Ok(saved(&paths::project(ids.0, project.id), "project-saved"))
}

/// `POST …/projects/{project_id}/progress`: status and progress.
pub async fn progress(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ProjectId)>,
    Form(mut form): Form<ProgressInput>,
) -> AppResult<Response> {
    let (network, project) = editable(&app, &viewer, ids).await?;
    let user = service::may_lead(&viewer, &project)?;
    if form.progress.is_null() {
        form.progress = serde_json::Value::String(String::new());
    }
    match refused(service::report_progress(&app, user, &project, &form).await)? {
        Ok(()) => Ok(saved(&paths::project(ids.0, project.id), "project-saved")),
        Err(errors) => {
            let progress = match &form.progress {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let forms = Forms {
                status: form.status.clone(),
                progress,
                ..Forms::default()
            };
            render_project(&app, &viewer, (&network, &project), forms, &errors).await
        }
    }
}

/// The milestone form: a checkbox sends `done=1`.
#[derive(Debug, Default, Deserialize)]
pub struct MilestoneForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub due_on: String,
    #[serde(default)]
    pub done: String,
    #[serde(default)]
    pub note: String,
}

impl MilestoneForm {
    fn input(&self) -> MilestoneInput {
        MilestoneInput {
            title: self.title.clone(),
            due_on: self.due_on.clone(),
            done: self.done == "1",
            note: self.note.clone(),
        }
    }
}

async fn milestone(
    app: App,
    viewer: Viewer,
    ids: (NetworkId, ProjectId),
    milestone: Option<MilestoneId>,
    form: MilestoneForm,
) -> AppResult<Response> {
    let (network, project) = editable(&app, &viewer, ids).await?;
    let user = service::may_lead(&viewer, &project)?;
    let input = form.input();
    match refused(service::save_milestone(&app, user, &project, milestone, &input).await)? {
        Ok(()) => Ok(saved(&paths::project(ids.0, project.id), "project-saved")),
        Err(errors) => {
            let forms = Forms {
                milestone: input,
                ..Forms::default()
            };
            render_project(&app, &viewer, (&network, &project), forms, &errors).await
        }
    }
}

/// `POST …/projects/{project_id}/milestones`: a new milestone.
pub async fn add_milestone(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ProjectId)>,
    Form(form): Form<MilestoneForm>,
) -> AppResult<Response> {
    milestone(app, viewer, ids, None, form).await
}

/// `POST …/projects/{project_id}/milestones/{milestone_id}`: changes one.
pub async fn edit_milestone(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, project_id, milestone_id)): Path<(NetworkId, ProjectId, MilestoneId)>,
    Form(form): Form<MilestoneForm>,
) -> AppResult<Response> {
    milestone(
        app,
        viewer,
        (network_id, project_id),
        Some(milestone_id),
        form,
    )
    .await
}

/// `POST …/projects/{project_id}/funding`: a funding source.
pub async fn add_funding(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ProjectId)>,
    Form(form): Form<FundingInput>,
) -> AppResult<Response> {
    let (network, project) = editable(&app, &viewer, ids).await?;
    let user = service::may_lead(&viewer, &project)?;
    match refused(service::add_funding(&app, user, &project, &form).await)? {
        Ok(()) => Ok(saved(&paths::project(ids.0, project.id), "project-saved")),
        Err(errors) => {
            let forms = Forms {
                funding: form,
                ..Forms::default()
            };
            render_project(&app, &viewer, (&network, &project), forms, &errors).await
        }
    }
}

/// `GET …/projects.csv`: Decidim's accountability columns.
pub async fn export(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let bytes = csv::export(&app, network_id).await?;
    let name = csv::file_name(&network.region_key);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

fn render_import(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    errors: &FieldErrors,
    rows: &[RowError],
) -> AppResult<Response> {
    let columns: Vec<&str> = csv::COLUMNS.iter().map(|c| c.header).collect();
    let page = app.page(
        viewer,
        "coordination/projects_import.html",
        context! {
            network => network, columns => columns, errors => texts(viewer, errors),
            row_errors => translate(rows, viewer.lang),
        },
    )?;
    Ok(if errors.is_empty() && rows.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

/// `GET …/projects/import`.
pub async fn import_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_manage(network_id)?;
    render_import(&app, &viewer, &network, &FieldErrors::new(), &[])
}

fn bad_upload(detail: String) -> AppError {
    AppError::bad_request(
        "invalid_request",
        Msg::new("err-bad-request-detail").arg("detail", detail),
    )
}

/// `POST …/projects/import` (multipart with `file`; the CSRF token in the
/// query string): all rows or none.
pub async fn import(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let mut multipart = multipart.map_err(|e| bad_upload(e.body_text()))?;
    let mut file = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad_upload(e.body_text()))?
    {
        if field.name() == Some("file") {
            file = field
                .bytes()
                .await
                .map_err(|e| bad_upload(e.body_text()))?
                .to_vec();
        }
    }
    if file.is_empty() {
        let mut errors = FieldErrors::new();
        errors.insert("file".into(), Msg::new("proj-err-file"));
        return render_import(&app, &viewer, &network, &errors, &[]);
    }
    match csv::import(&app, user, &network, &file).await? {
        Ok(_) => Ok(saved(&paths::projects(network_id), "projects-imported")),
        Err(rows) => render_import(&app, &viewer, &network, &FieldErrors::new(), &rows),
    }
}
