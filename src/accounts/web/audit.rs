//! The audit log pages: the whole installation for admins.

use axum::{
    extract::{Query, State},
    response::Html,
};
use minijinja::context;
use serde::Deserialize;

use crate::{
    accounts::viewer::Viewer,
    core::{audit, error::AppResult, web::App},
};

pub const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    pub page: Option<i64>,
}

pub async fn all(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<PageQuery>,
) -> AppResult<Html<String>> {
    viewer.require_admin()?;
    let page = q.page.unwrap_or(1).max(1);
    let entries = audit::list(&app.db, None, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE).await?;
    render_log(&app, &viewer, entries, page, None)
}

/// Shared with the network's own audit page.
pub fn render_log(
    app: &App,
    viewer: &Viewer,
    mut entries: Vec<audit::AuditEntry>,
    page: i64,
    network: Option<minijinja::Value>,
) -> AppResult<Html<String>> {
    let has_next = entries.len() as i64 > PAGE_SIZE;
    entries.truncate(PAGE_SIZE as usize);
    let rows: Vec<_> = entries
        .into_iter()
        .map(|e| {
            context! {
                at => e.at, actor => e.actor, entity => e.entity, entity_id => e.entity_id,
                action => e.action,
                before => e.before.map(|v| v.to_string()),
                after => e.after.map(|v| v.to_string()),
            }
        })
        .collect();
    app.page(
        viewer,
        "accounts/audit.html",
        context! { entries => rows, page => page, has_next => has_next, network => network },
    )
}
