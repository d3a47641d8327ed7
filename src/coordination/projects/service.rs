//! Proposing, accepting and changing projects, reporting progress, adding
//! milestones and funding: one transaction each, with its audit record and
//! an entry in the project's timeline. Also who may do what, because that
//! depends on the project (its proposer, its lead).

use serde_json::json;

use super::{
    model::{
        Choices, FundingInput, MilestoneInput, ProgressInput, Project, ProjectInput, ProjectRecord,
        ProjectStatus, State, default_statuses,
    },
    store,
};
use crate::{
    accounts::{model::Role, viewer::Viewer},
    coordination::registry::{self, Access, Network},
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult, FieldErrors, Msg},
        identity::User,
        ids::{MilestoneId, NetworkId, OrganizationId, ProjectId, UserId},
        store::Tx,
        web::App,
    },
};

/// The network's status list (its own, or the built-in one).
pub async fn statuses(app: &App, network_id: NetworkId) -> AppResult<Vec<ProjectStatus>> {
    let own = store::statuses(app.db.pool(), network_id).await?;
    Ok(if own.is_empty() {
        default_statuses()
    } else {
        own
    })
}

/// A project of this network; one of another network is a 404.
pub async fn project_in(app: &App, network_id: NetworkId, id: ProjectId) -> AppResult<Project> {
    store::projects(app.db.pool(), network_id)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(AppError::not_found)
}

/// The member's organisation, if the viewer is a member of this network.
fn member_organization(viewer: &Viewer, network_id: NetworkId) -> Option<OrganizationId> {
    viewer
        .user
        .as_ref()
        .filter(|u| u.role == Role::Member && u.network_id == Some(network_id.get()))
        .and_then(|u| u.organization_id)
        .map(OrganizationId)
}

fn refused() -> AppError {
    AppError::forbidden()
}

/// Coordinators, and the proposing organisation's members while the
/// project is only proposed.
pub fn may_edit<'v>(viewer: &'v Viewer, project: &Project) -> AppResult<&'v User> {
    let user = viewer.require_participate(project.network_id)?;
    if viewer.can_manage(project.network_id) {
        return Ok(user);
    }
    let own = member_organization(viewer, project.network_id);
    if project.state == State::Proposed && own.is_some() && own == project.proposer_organization_id
    {
        return Ok(user);
    }
    Err(refused())
}

/// Coordinators, and the lead partner's members: progress, milestones,
/// funding.
pub fn may_lead<'v>(viewer: &'v Viewer, project: &Project) -> AppResult<&'v User> {
    let user = viewer.require_participate(project.network_id)?;
    if viewer.can_manage(project.network_id) {
        return Ok(user);
    }
    let own = member_organization(viewer, project.network_id);
    if own.is_some() && own == project.lead() {
        return Ok(user);
    }
    Err(refused())
}

/// Whether the viewer may read the project: readers of the network, and
/// everybody for an accepted project the network marked public.
pub fn may_read(viewer: &Viewer, network: &Network, project: &Project) -> AppResult<()> {
    if project.is_public && project.state == State::Accepted {
        return Ok(());
    }
    viewer.require_read(network).map(|_| ())
}

async fn choices<'a>(
    app: &App,
    network_id: NetworkId,
    own: Option<(&Project, &'a [String])>,
) -> AppResult<Choices<'a>> {
    let projects = store::projects(app.db.pool(), network_id).await?;
    let own = own.map(|(p, days)| {
        let has_children = projects.iter().any(|c| c.parent_id == Some(p.id));
        (p.id, has_children, days)
    });
    Ok(Choices {
        organizations: registry::member_ids(&app.db, network_id).await?,
        contacts: registry::contacts(&app.db, network_id)
            .await?
            .iter()
            .map(|c| c.id)
            .collect(),
        statuses: statuses(app, network_id).await?,
        projects: projects.iter().map(|p| (p.id, p.parent_id)).collect(),
        own,
    })
}

async fn audit_change(
    tx: &mut Tx,
    user: &User,
    project: (NetworkId, ProjectId),
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> AppResult<()> {
    audit::record(
        tx,
        Actor::User(user),
        Change {
            network_id: Some(project.0.get()),
            entity: "project",
            entity_id: Some(project.1.get()),
            action,
            before,
            after,
        },
    )
    .await?;
    Ok(())
}

/// A new project: proposed by a member (their organisation is the
/// proposer), or accepted at once when a coordinator records it.
pub async fn create(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    input: &ProjectInput,
) -> AppResult<ProjectId> {
    let network_id = registry::id(network);
    let user = viewer.require_participate(network_id)?;
    let choices = choices(app, network_id, None).await?;
    let record = input.validate(&choices).map_err(AppError::invalid)?;
    let state = if viewer.can_manage(network_id) {
        State::Accepted
    } else {
        State::Proposed
    };
    let progress = choices
        .statuses
        .iter()
        .find(|s| s.code == record.status)
        .map_or(0, |s| s.default_progress);
    let proposer = user.organization_id.map(OrganizationId);
    let mut tx = app.db.begin().await?;
    let id = store::create(
        &mut tx,
        network_id,
        &record,
        (state, progress),
        (proposer, Some(UserId(user.id))),
    )
    .await?;
    store::log(&mut tx, id, Some(user), "created", &record.title).await?;
    audit_change(
        &mut tx,
        user,
        (network_id, id),
        "create",
        None,
        Some(json!(record)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// What changed between two records, for the timeline.
fn changes(before: &Project, after: &ProjectRecord) -> String {
    let mut out = Vec::new();
    if before.title != after.title {
        out.push(format!("title: {}", after.title));
    }
    if before.starts_on != after.starts_on || before.ends_on != after.ends_on {
        out.push(format!(
            "period: {} – {}",
            after.starts_on.as_deref().unwrap_or("–"),
            after.ends_on.as_deref().unwrap_or("–")
        ));
    }
    if before.status != after.status {
        out.push(format!("status: {}", after.status));
    }
    if before.parent_id != after.parent_id {
        out.push(format!(
            "parent: {}",
            after.parent_id.map_or("–".into(), |p| p.to_string())
        ));
    }
    if before.is_public != after.is_public {
        out.push(format!("public: {}", after.is_public));
    }
    if before.contact_person_id != after.contact_person_id {
        out.push("contact person".into());
    }
    if out.is_empty() {
        out.push("details".into());
    }
    out.join("; ")
}

pub async fn update(
    app: &App,
    user: &User,
    project: &Project,
    input: &ProjectInput,
) -> AppResult<()> {
    let days: Vec<String> = project
        .milestones
        .iter()
        .map(|m| m.due_on.clone())
        .collect();
    let choices = choices(app, project.network_id, Some((project, &days))).await?;
    let record = input.validate(&choices).map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    store::update(&mut tx, project.id, &record).await?;
    store::log(
        &mut tx,
        project.id,
        Some(user),
        "changed",
        &changes(project, &record),
    )
    .await?;
    audit_change(
        &mut tx,
        user,
        (project.network_id, project.id),
        "update",
        Some(json!(project)),
        Some(json!(record)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The coordinator accepts or declines a proposal.
pub async fn decide(app: &App, user: &User, project: &Project, accept: bool) -> AppResult<()> {
    if project.state != State::Proposed {
        return Err(AppError::conflict("wrong_state", "proj-err-decided"));
    }
    let state = if accept {
        State::Accepted
    } else {
        State::Declined
    };
    let mut tx = app.db.begin().await?;
    store::set_state(&mut tx, project.id, state).await?;
    store::log(&mut tx, project.id, Some(user), state.code(), "").await?;
    audit_change(
        &mut tx,
        user,
        (project.network_id, project.id),
        state.code(),
        Some(json!({ "state": project.state })),
        Some(json!({ "state": state })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Status and progress, by the lead or a coordinator.
pub async fn report_progress(
    app: &App,
    user: &User,
    project: &Project,
    input: &ProgressInput,
) -> AppResult<()> {
    let statuses = statuses(app, project.network_id).await?;
    let (status, progress) = input.validate(&statuses).map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    store::set_progress(&mut tx, project.id, &status, progress).await?;
    store::log(
        &mut tx,
        project.id,
        Some(user),
        "progress",
        &format!("{status}: {progress} %"),
    )
    .await?;
    audit_change(
        &mut tx,
        user,
        (project.network_id, project.id),
        "progress",
        Some(json!({ "status": project.status, "progress": project.progress })),
        Some(json!({ "status": status, "progress": progress })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A new milestone, or a change to one (`milestone`).
pub async fn save_milestone(
    app: &App,
    user: &User,
    project: &Project,
    milestone: Option<MilestoneId>,
    input: &MilestoneInput,
) -> AppResult<()> {
    let record = input.validate(project).map_err(AppError::invalid)?;
    if let Some(id) = milestone
        && !project.milestones.iter().any(|m| m.id == id)
    {
        return Err(AppError::not_found());
    }
    let mut tx = app.db.begin().await?;
    let action = match milestone {
        Some(id) => {
            store::update_milestone(&mut tx, id, &record).await?;
            "milestone_changed"
        }
        None => {
            store::add_milestone(&mut tx, project.id, &record).await?;
            "milestone_added"
        }
    };
    let detail = format!(
        "{} ({}){}",
        record.0,
        record.1,
        if record.2 { " ✓" } else { "" }
    );
    store::log(&mut tx, project.id, Some(user), action, &detail).await?;
    audit_change(
        &mut tx,
        user,
        (project.network_id, project.id),
        action,
        None,
        Some(json!({ "title": record.0, "due_on": record.1, "done": record.2, "note": record.3 })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn add_funding(
    app: &App,
    user: &User,
    project: &Project,
    input: &FundingInput,
) -> AppResult<()> {
    let funding = input.validate().map_err(AppError::invalid)?;
    if let Some(call) = funding.funding_call_id {
        let calls = registry::funding_calls(&app.db, project.network_id).await?;
        if !calls.iter().any(|c| c.id == call) {
            let mut errors = FieldErrors::new();
            errors.insert("funding_call".into(), Msg::new("proj-err-funding-call"));
            return Err(AppError::invalid(errors));
        }
    }
    let mut tx = app.db.begin().await?;
    store::add_funding(&mut tx, project.id, &funding).await?;
    store::log(
        &mut tx,
        project.id,
        Some(user),
        "funding_added",
        &format!("{} ({})", funding.programme, funding.funder),
    )
    .await?;
    audit_change(
        &mut tx,
        user,
        (project.network_id, project.id),
        "funding",
        None,
        Some(json!(funding)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces the network's status list from lines `code;label;progress`.
pub async fn set_statuses(
    app: &App,
    user: &User,
    network_id: NetworkId,
    text: &str,
) -> AppResult<()> {
    let mut list: Vec<ProjectStatus> = Vec::new();
    let mut bad = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split(';').map(str::trim).collect();
        let ok = parts.len() == 3
            && !parts[0].is_empty()
            && parts[0]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            && !list.iter().any(|s| s.code == parts[0]);
        match (ok, parts.get(2).and_then(|p| p.parse::<i64>().ok())) {
            (true, Some(p)) if (0..=100).contains(&p) => list.push(ProjectStatus {
                code: parts[0].into(),
                label: parts[1].into(),
                default_progress: p,
            }),
            _ => bad = true,
        }
    }
    if bad || list.is_empty() {
        let mut errors = FieldErrors::new();
        errors.insert("statuses".into(), Msg::new("proj-err-statuses"));
        return Err(AppError::invalid(errors));
    }
    let mut tx = app.db.begin().await?;
    store::set_statuses(&mut tx, network_id, &list).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network_id.get()),
            entity: "project_statuses",
            entity_id: None,
            action: "update",
            before: None,
            after: Some(json!(list)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
