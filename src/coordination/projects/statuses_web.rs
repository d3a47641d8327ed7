//! The network's status list of projects as a form of lines
//! `code;label;progress` (coordinators).

use axum::{
    Form,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::service;
use crate::{
    accounts::viewer::Viewer,
    conferences::web::{refused, respond},
    coordination::registry::{self, Access},
    core::{
        error::{AppResult, FieldErrors},
        ids::NetworkId,
        paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
};

#[derive(Debug, Default, Deserialize)]
pub struct StatusesInput {
    #[serde(default)]
    pub statuses: String,
}

fn statuses_text(list: &[super::model::ProjectStatus], viewer: &Viewer) -> String {
    list.iter()
        .map(|s| {
            let label = if s.label.is_empty() {
                viewer.lang.t(&format!("proj-status-{}", s.code))
            } else {
                s.label.clone()
            };
            format!("{};{};{}", s.code, label, s.default_progress)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `GET …/projects/statuses`: the status list as lines.
pub async fn statuses_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_manage(network_id)?;
    let text = statuses_text(&service::statuses(&app, network_id).await?, &viewer);
    Ok(app
        .page(
            &viewer,
            "coordination/project_statuses.html",
            context! { network => network, text => text, errors => texts(&viewer, &FieldErrors::new()) },
        )?
        .into_response())
}

/// `POST …/projects/statuses`.
pub async fn statuses_submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(input): Form<StatusesInput>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    match refused(service::set_statuses(&app, user, network_id, &input.statuses).await)? {
        Ok(()) => Ok(saved(
            &paths::projects(network_id),
            "project-statuses-saved",
        )),
        Err(errors) => {
            let page = app.page(
                &viewer,
                "coordination/project_statuses.html",
                context! { network => network, text => input.statuses, errors => texts(&viewer, &errors) },
            )?;
            Ok(respond(page, &errors))
        }
    }
}
