//! The public contact-point finder: the form, and the answer once asked.

use axum::{
    extract::{Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;

use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, web::App},
    offers::{
        model::{GROUPS, input::FinderQuery},
        service::finder::answer,
    },
};

pub async fn page(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<FinderQuery>,
) -> AppResult<Response> {
    let result = if q.asked() {
        Some(answer(&app, &q.validate()?).await?)
    } else {
        None
    };
    let page = app.page(
        &viewer,
        "offers/finder.html",
        context! { q => context! { place => q.place_shown(), age => q.age,
        target_group => q.target_group }, groups => GROUPS, result => result },
    )?;
    Ok(page.into_response())
}
