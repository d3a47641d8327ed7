//! The signed-in user's own page: password change and personal API tokens.

use axum::{
    Form,
    extract::{Path, State},
    response::{Html, IntoResponse, Redirect, Response},
};
use minijinja::{Value, context};
use serde::Deserialize;

use super::{setup::check_new_password, unprocessable};
use crate::{
    accounts::{secrets::verify_password, service, sessions, store::user_by_email, viewer::Viewer},
    core::{
        audit::Actor,
        error::{AppError, AppResult, Msg},
        web::{App, forms},
    },
};

async fn render(app: &App, viewer: &Viewer, extra: Value) -> AppResult<Html<String>> {
    let user = viewer.require_signed_in()?;
    let tokens = sessions::list_api_tokens(&app.db, user.id).await?;
    app.page(
        viewer,
        "accounts/account.html",
        // Keys in `extra` win over these defaults.
        context! { ..extra, ..context! { tokens => tokens, new_token => None::<String>, errors => context!{} } },
    )
}

pub async fn show(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    render(&app, &viewer, context! {}).await
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

/// Shows the new token once; only its hash is kept.
pub async fn create_token(
    State(app): State<App>,
    viewer: Viewer,
    Form(input): Form<TokenForm>,
) -> AppResult<Response> {
    let user = viewer.require_signed_in()?;
    let mut v = forms::Validator::new();
    let name = v.text("name", &input.name, true, 80);
    if !v.is_ok() {
        let errors = forms::translate(viewer.lang, &v.errors);
        return Ok(unprocessable(
            render(&app, &viewer, context! { errors => errors }).await?,
        ));
    }
    let token = sessions::create_api_token(&app.db, user.id, &name).await?;
    Ok(render(&app, &viewer, context! { new_token => token })
        .await?
        .into_response())
}

pub async fn revoke_token(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let user = viewer.require_signed_in()?;
    if !sessions::revoke_api_token(&app.db, user.id, id).await? {
        return Err(AppError::not_found());
    }
    Ok(Redirect::to("/account?notice=token-revoked").into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

pub async fn change_password(
    State(app): State<App>,
    viewer: Viewer,
    Form(input): Form<PasswordForm>,
) -> AppResult<Response> {
    let user = viewer.require_signed_in()?.clone();
    let mut v = forms::Validator::new();
    let (_, hash) = user_by_email(&app.db, &user.email)
        .await?
        .ok_or_else(AppError::not_found)?;
    let current = input.current.clone();
    let matches = tokio::task::spawn_blocking(move || verify_password(&current, &hash))
        .await
        .unwrap_or(false);
    if !matches {
        v.add("current", Msg::new("acc-err-current-password"));
    }
    check_new_password(&mut v, &input.password, &input.password_confirm);
    if !v.is_ok() {
        let errors = forms::translate(viewer.lang, &v.errors);
        return Ok(unprocessable(
            render(&app, &viewer, context! { errors => errors }).await?,
        ));
    }
    let mut tx = app.db.begin().await?;
    service::change_password(&app, &mut tx, Actor::User(&user), &user, &input.password).await?;
    tx.commit().await?;
    // Every session ended with the change, this one too: sign in again.
    Ok(Redirect::to("/login?notice=password-changed").into_response())
}
