//! "Forgot password": a reset link by e-mail, valid for one hour, once.

use axum::{
    Form,
    extract::{Path, State},
    response::{Html, IntoResponse, Redirect, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{setup::check_new_password, unprocessable};
use crate::{
    accounts::{
        service::change_password,
        store::{user_by_email, user_by_id},
        tokens::{self, Purpose},
        viewer::Viewer,
    },
    core::{
        audit::Actor,
        error::{AppError, AppResult},
        i18n::Lang,
        mail::{self, Email},
        store::Tx,
        web::{App, forms},
    },
};

pub const RESET_VALID_SECS: i64 = 3600;
/// At most this many reset mails per account and hour.
const RESETS_PER_HOUR: i64 = 3;

pub async fn forgot_form(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    app.page(
        &viewer,
        "accounts/forgot.html",
        context! { sent => false, email => "", errors => context!{} },
    )
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

pub async fn forgot_submit(
    State(app): State<App>,
    viewer: Viewer,
    Form(input): Form<ForgotForm>,
) -> AppResult<Response> {
    let mut v = forms::Validator::new();
    let email = v.email("email", &input.email, true);
    if !v.is_ok() {
        let errors = forms::translate(viewer.lang, &v.errors);
        let html = app.page(
            &viewer,
            "accounts/forgot.html",
            context! { sent => false, email => input.email, errors => errors },
        )?;
        return Ok(unprocessable(html));
    }
    // The answer is the same whether or not the account exists.
    let user = user_by_email(&app.db, &email).await?.map(|(user, _)| user);
    if let Some(user) = user {
        let recent = tokens::recent_count(&app.db, Purpose::PasswordReset, user.id, 3600).await?;
        if recent < RESETS_PER_HOUR {
            let mut tx = app.db.begin().await?;
            send_reset_link(
                &mut tx,
                &app,
                user.id,
                &user.email,
                viewer.lang,
                RESET_VALID_SECS,
            )
            .await?;
            tx.commit().await?;
            app.jobs_ready.notify_one();
        }
    }
    Ok(app
        .page(
            &viewer,
            "accounts/forgot.html",
            context! { sent => true, email => "", errors => context!{} },
        )?
        .into_response())
}

/// Queues the e-mail with a link to set a password (reset or invitation).
pub async fn send_reset_link(
    tx: &mut Tx,
    app: &App,
    user_id: i64,
    email: &str,
    lang: Lang,
    valid_secs: i64,
) -> Result<(), sqlx::Error> {
    let token = tokens::issue(tx, Purpose::PasswordReset, Some(user_id), valid_secs).await?;
    let link = format!("{}/password/reset/{token}", app.config.base());
    let hours = (valid_secs / 3600).to_string();
    let args = [("link".to_string(), link), ("hours".to_string(), hours)];
    mail::enqueue(
        tx,
        &Email {
            to: email.to_string(),
            subject: lang.t("mail-reset-subject"),
            text: lang.t_args("mail-reset-body", &args),
            ..Default::default()
        },
    )
    .await?;
    Ok(())
}

async fn token_user(app: &App, token: &str) -> AppResult<crate::accounts::model::User> {
    let user_id = tokens::check(&app.db, Purpose::PasswordReset, token)
        .await?
        .flatten()
        .ok_or_else(|| {
            AppError::new(
                axum::http::StatusCode::NOT_FOUND,
                "token_invalid",
                "acc-err-token",
            )
        })?;
    user_by_id(&app.db, user_id)
        .await?
        .ok_or_else(AppError::not_found)
}

pub async fn reset_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Html<String>> {
    token_user(&app, &token).await?;
    app.page(
        &viewer,
        "accounts/reset.html",
        context! { token => token, errors => context!{} },
    )
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

pub async fn reset_submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(input): Form<ResetForm>,
) -> AppResult<Response> {
    let user = token_user(&app, &token).await?;
    let mut v = forms::Validator::new();
    check_new_password(&mut v, &input.password, &input.password_confirm);
    if !v.is_ok() {
        let errors = forms::translate(viewer.lang, &v.errors);
        let html = app.page(
            &viewer,
            "accounts/reset.html",
            context! { token => token, errors => errors },
        )?;
        return Ok(unprocessable(html));
    }
    let mut tx = app.db.begin().await?;
    if !tokens::consume(&mut tx, Purpose::PasswordReset, &token).await? {
        return Err(AppError::new(
            axum::http::StatusCode::NOT_FOUND,
            "token_invalid",
            "acc-err-token",
        ));
    }
    change_password(&app, &mut tx, Actor::User(&user), &user, &input.password).await?;
    tx.commit().await?;
    Ok(Redirect::to("/login?notice=password-changed").into_response())
}
