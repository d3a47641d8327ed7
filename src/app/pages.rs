//! The shell's own pages: home, about (imprint and data licences), health.

use axum::{Json, extract::State, response::Html};
use minijinja::context;
use serde::Serialize;

use crate::{
    core::{
        error::AppResult,
        jobs,
        web::{App, viewer::Viewer},
    },
    network,
};

pub async fn home(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    let networks = network::store::list_networks(&app.db).await?;
    app.page(&viewer, "home.html", context! { networks => networks })
}

static ATTRIBUTION: &str = include_str!("../../data/attribution.json");

pub async fn about(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    let sources: serde_json::Value =
        serde_json::from_str(ATTRIBUTION).map_err(crate::core::error::AppError::internal)?;
    app.page(&viewer, "about.html", context! { sources => sources })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok` when the database answers.
    pub status: &'static str,
    /// `sqlite` or `postgres`.
    pub database: &'static str,
    pub version: &'static str,
    pub jobs_pending: i64,
    pub jobs_failed: i64,
}

/// Liveness and readiness: 200 when the database answers.
#[utoipa::path(get, path = "/healthz", tag = "system",
    responses((status = 200, body = Health), (status = 500, body = crate::core::web::errors::ErrorBody)))]
pub async fn healthz(State(app): State<App>) -> AppResult<Json<Health>> {
    let counts = jobs::counts(&app.db).await?;
    Ok(Json(Health {
        status: "ok",
        database: app.db.backend().name(),
        version: env!("CARGO_PKG_VERSION"),
        jobs_pending: counts.pending,
        jobs_failed: counts.failed,
    }))
}
