//! The composition root: the one place that knows every capability. It
//! builds the [`App`] from the capabilities' state, job kinds and public
//! templates, lays the route table inside the web shell, generates the
//! OpenAPI document from that table, and starts the server with the
//! capabilities' background work. Dependencies point one way:
//! `core` ← `accounts` ← capabilities ← `app`.

pub mod openapi;
pub mod pages;
pub mod router;
pub mod server;

use axum::{Router, middleware};

use crate::{
    accounts, bulletin, conferences, coordination,
    core::{
        config::Config,
        mail,
        store::Db,
        web::{self, App, Parts},
    },
    geography, offers, oparl,
};

/// The shell's pages, in every public language.
pub const SHELL_PUBLIC_TEMPLATES: &[&str] = &["home.html", "about.html"];

/// The application with every capability's state handed in.
pub fn build(config: Config, db: Db) -> App {
    let parts = Parts::default()
        .public_templates(SHELL_PUBLIC_TEMPLATES)
        .job(mail::JOB_KIND, mail::perform)
        .job(mail::RICH_JOB_KIND, mail::perform_rich);
    let parts = accounts::install(parts);
    let parts = geography::install(parts);
    let parts = offers::install(parts, &config);
    let parts = conferences::install(parts);
    let parts = oparl::install(parts);
    let parts = bulletin::install(parts);
    let parts = coordination::install(parts);
    let parts = crate::monitoring::install(parts);
    App::new(config, db, parts)
}

/// Every route inside the middleware stack.
pub fn router(app: App) -> Router {
    web::shell(
        app.clone(),
        router::routes().into_router(),
        |routes, app| {
            routes.layer(middleware::from_fn_with_state(
                app,
                accounts::viewer::identify,
            ))
        },
    )
}
