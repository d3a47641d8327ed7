//! What the lead (or a coordinator) links to a project: targets over the
//! situation analysis's indicators and action items of the conferences.
//! The forms are on the project page, which shows them again with their
//! errors.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};

use super::{
    actions::{self, AttachInput},
    model::TargetInput,
    service, targets,
    web::{Forms, editable, render_project},
};
use crate::{
    accounts::viewer::Viewer,
    conferences::web::refused,
    core::{
        error::AppResult,
        ids::{ActionItemId, NetworkId, ProjectId},
        paths,
        web::{App, forms::saved},
    },
};

/// `POST …/projects/{project_id}/targets`.
pub async fn add_target(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ProjectId)>,
    Form(form): Form<TargetInput>,
) -> AppResult<Response> {
    let (network, project) = editable(&app, &viewer, ids).await?;
    let user = service::may_lead(&viewer, &project)?;
    match refused(targets::add(&app, user, &network, &project, &form).await)? {
        Ok(()) => Ok(saved(&paths::project(ids.0, project.id), "project-saved")),
        Err(errors) => {
            let forms = Forms {
                target: form,
                ..Forms::default()
            };
            render_project(&app, &viewer, (&network, &project), forms, &errors).await
        }
    }
}

/// `POST …/projects/{project_id}/actions`: attaches an action item of the
/// network's conferences.
pub async fn attach_action(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(NetworkId, ProjectId)>,
    Form(form): Form<AttachInput>,
) -> AppResult<Response> {
    let (network, project) = editable(&app, &viewer, ids).await?;
    let user = service::may_lead(&viewer, &project)?;
    match refused(actions::attach(&app, user, &project, &form).await)? {
        Ok(()) => Ok(saved(&paths::project(ids.0, project.id), "project-saved")),
        Err(errors) => {
            render_project(
                &app,
                &viewer,
                (&network, &project),
                Forms::default(),
                &errors,
            )
            .await
        }
    }
}

/// `POST …/projects/{project_id}/actions/{action_id}/detach`.
pub async fn detach_action(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, project_id, action_id)): Path<(NetworkId, ProjectId, ActionItemId)>,
) -> AppResult<Response> {
    let (_, project) = editable(&app, &viewer, (network_id, project_id)).await?;
    let user = service::may_lead(&viewer, &project)?;
    actions::detach(&app, user, &project, action_id).await?;
    Ok(saved(
        &paths::project(network_id, project.id),
        "project-saved",
    ))
}
