//! The series settings: rhythm, default location, organisers' rotation.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::conferences::{
    model::{MAX_RHYTHM_MONTHS, MIN_RHYTHM_MONTHS, Series},
    store::{self},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppResult, FieldErrors, Msg},
        web::{App, forms::Validator},
    },
    network::{
        context::load_network,
        model::{Network, Organization},
        store::memberships,
        web::{saved, texts},
    },
};

use super::*;

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct SettingsForm {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub rhythm_months: String,
    #[serde(default)]
    pub default_location: String,
    #[serde(default)]
    pub organization_id: String,
}

pub async fn settings_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    viewer.require_manage_network(network.id)?;
    let series = store::series(app.db.pool(), network.id).await?;
    let form = SettingsForm {
        rhythm_months: series.rhythm_months.to_string(),
        default_location: series.default_location,
        ..SettingsForm::default()
    };
    render_settings(&app, &viewer, &network, &form, &FieldErrors::new()).await
}

async fn render_settings(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    form: &SettingsForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let rotation = store::rotation(app.db.pool(), network.id).await?;
    let candidates: Vec<Organization> = members(app, network.id)
        .await?
        .into_iter()
        .filter(|o| !rotation.iter().any(|r| r.organization_id == o.id))
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
    Path(id): Path<i64>,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let path = format!("/networks/{}/conferences/settings", network.id);
    let mut v = Validator::new();
    let mut tx = app.db.begin().await?;
    if matches!(form.action.as_str(), "add" | "up" | "down" | "remove") {
        let mut ids: Vec<i64> = store::rotation(&mut *tx, network.id)
            .await?
            .iter()
            .map(|r| r.organization_id)
            .collect();
        let org = form.organization_id.trim().parse::<i64>().ok();
        let at = org.and_then(|o| ids.iter().position(|i| *i == o));
        match (form.action.as_str(), org, at) {
            ("add", Some(o), None) if memberships::exists(&mut *tx, network.id, o).await? => {
                ids.push(o)
            }
            ("add", _, _) => v.add("organization_id", Msg::new("conf-err-not-member")),
            ("up", _, Some(i)) if i > 0 => ids.swap(i, i - 1),
            ("down", _, Some(i)) if i + 1 < ids.len() => ids.swap(i, i + 1),
            ("remove", _, Some(i)) => {
                ids.remove(i);
            }
            (_, _, Some(_)) => {}
            _ => v.add("organization_id", Msg::new("conf-err-not-in-rotation")),
        }
        if v.is_ok() {
            store::set_rotation(&mut tx, Actor::User(user), network.id, &ids).await?;
        }
    } else {
        let rhythm = form.rhythm_months.trim().parse::<i64>().ok();
        let rhythm = rhythm.filter(|r| (MIN_RHYTHM_MONTHS..=MAX_RHYTHM_MONTHS).contains(r));
        if rhythm.is_none() {
            v.add(
                "rhythm_months",
                Msg::new("conf-err-rhythm")
                    .arg("min", MIN_RHYTHM_MONTHS)
                    .arg("max", MAX_RHYTHM_MONTHS),
            );
        }
        let location = v.text("default_location", &form.default_location, false, 300);
        if let (Some(rhythm_months), true) = (rhythm, v.is_ok()) {
            let series = Series {
                rhythm_months,
                default_location: location,
            };
            store::save_series(&mut tx, Actor::User(user), network.id, &series).await?;
        }
    }
    if !v.is_ok() {
        drop(tx);
        let series = store::series(app.db.pool(), network.id).await?;
        let shown = if form.action.is_empty() || form.action == "save" {
            form
        } else {
            SettingsForm {
                rhythm_months: series.rhythm_months.to_string(),
                default_location: series.default_location,
                ..form
            }
        };
        return render_settings(&app, &viewer, &network, &shown, &v.errors).await;
    }
    tx.commit().await?;
    Ok(saved(&path, "conf-settings-saved"))
}
