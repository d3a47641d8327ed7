//! The series settings: rhythm, default location, organisers' rotation.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};
use minijinja::context;

use crate::conferences::{
    model::{MAX_RHYTHM_MONTHS, MIN_RHYTHM_MONTHS, SettingsInput},
    registry::{self, Access, Network, Organization},
    service, store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppResult, FieldErrors},
        ids::{NetworkId, OrganizationId},
        paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
};

use super::{refused, respond};

pub async fn settings_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_manage(network_id)?;
    let series = store::series(app.db.pool(), network_id).await?;
    let form = SettingsInput {
        rhythm_months: series.rhythm_months.to_string(),
        default_location: series.default_location,
        ..SettingsInput::default()
    };
    render(&app, &viewer, &network, &form, &FieldErrors::new()).await
}

async fn render(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    form: &SettingsInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let network_id = registry::id(network);
    let rotation = store::rotation(app.db.pool(), network_id).await?;
    let candidates: Vec<Organization> = registry::members(&app.db, network_id)
        .await?
        .into_iter()
        .filter(|o| {
            !rotation
                .iter()
                .any(|r| r.organization_id == OrganizationId(o.id))
        })
        .collect();
    let page = app.page(
        viewer,
        "conferences/settings.html",
        context! {
            network => network, form => form, rotation => rotation,
            candidates => candidates, errors => texts(viewer, errors),
            min_rhythm => MIN_RHYTHM_MONTHS, max_rhythm => MAX_RHYTHM_MONTHS,
        },
    )?;
    Ok(respond(page, errors))
}

pub async fn settings_submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(form): Form<SettingsInput>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    match refused(service::save_settings(&app, user, network_id, &form).await)? {
        Ok(()) => Ok(saved(
            &paths::conference_settings(network_id),
            "conf-settings-saved",
        )),
        Err(errors) => {
            // A refused change of the rotation shows the saved series.
            let shown = if form.action.is_empty() || form.action == "save" {
                form
            } else {
                let series = store::series(app.db.pool(), network_id).await?;
                SettingsInput {
                    rhythm_months: series.rhythm_months.to_string(),
                    default_location: series.default_location,
                    ..form
                }
            };
            render(&app, &viewer, &network, &shown, &errors).await
        }
    }
}
