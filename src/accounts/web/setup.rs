//! The one-time page that creates the first administrator.

use axum::{
    Form,
    extract::{Path, State},
    response::{Html, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{unprocessable, with_session};
use crate::{
    accounts::{
        model::Role,
        secrets::MIN_PASSWORD_LEN,
        sessions,
        store::{NewUser, admin_exists, create_user},
        tokens::{self, Purpose},
        viewer::Viewer,
    },
    core::{
        audit::Actor,
        error::{AppError, AppResult, Msg},
        web::{App, forms},
    },
};

async fn live_token(app: &App, token: &str) -> AppResult<()> {
    if admin_exists(&app.db).await?
        || tokens::check(&app.db, Purpose::Setup, token)
            .await?
            .is_none()
    {
        return Err(AppError::not_found());
    }
    Ok(())
}

pub async fn form(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Html<String>> {
    live_token(&app, &token).await?;
    app.page(
        &viewer,
        "accounts/setup.html",
        context! { token => token, values => context!{}, errors => context!{} },
    )
}

#[derive(Deserialize, serde::Serialize)]
pub struct SetupForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default, skip_serializing)]
    pub password: String,
    #[serde(default, skip_serializing)]
    pub password_confirm: String,
}

/// Shared by setup, reset and the account page.
pub fn check_new_password(v: &mut forms::Validator, password: &str, confirm: &str) {
    if password.chars().count() < MIN_PASSWORD_LEN {
        v.add(
            "password",
            Msg::new("acc-err-password-short").arg("min", MIN_PASSWORD_LEN),
        );
    } else if password.len() > 1024 {
        v.add("password", Msg::new("err-too-long").arg("max", 1024));
    } else if password != confirm {
        v.add("password_confirm", Msg::new("acc-err-password-mismatch"));
    }
}

pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(input): Form<SetupForm>,
) -> AppResult<Response> {
    live_token(&app, &token).await?;
    let mut v = forms::Validator::new();
    let name = v.text("name", &input.name, true, 120);
    let email = v.email("email", &input.email, true);
    check_new_password(&mut v, &input.password, &input.password_confirm);
    if !v.is_ok() {
        let errors = forms::translate(viewer.lang, &v.errors);
        let html = app.page(
            &viewer,
            "accounts/setup.html",
            context! { token => token, values => input, errors => errors },
        )?;
        return Ok(unprocessable(html));
    }
    let mut tx = app.db.begin().await?;
    if !tokens::consume(&mut tx, Purpose::Setup, &token).await? {
        return Err(AppError::not_found());
    }
    let new = NewUser {
        email,
        name,
        password: input.password,
        role: Role::Admin,
        network_id: None,
        organization_id: None,
        region_key: None,
    };
    let user = create_user(&mut tx, Actor::System("setup"), &new).await?;
    tx.commit().await?;
    let session = sessions::create(&app.db, user.id, app.config.session_days).await?;
    Ok(with_session(
        &app.config,
        &session,
        "/admin/users?notice=setup-done",
    ))
}
