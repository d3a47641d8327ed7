//! Sign in and sign out.

use std::net::SocketAddr;

use axum::{
    Form,
    extract::{ConnectInfo, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{safe_next, with_session};
use crate::{
    accounts::{
        rate_limit::{Attempt, PasswordChecks, Verdict},
        secrets, sessions,
        store::user_by_email,
        viewer::{Viewer, append_cookie, cookie},
    },
    core::{
        error::AppResult,
        web::{App, client::client_ip},
    },
};

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn form(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<NextQuery>,
) -> AppResult<Html<String>> {
    app.page(
        &viewer,
        "accounts/login.html",
        context! { next => q.next, email => "", error => None::<String> },
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(input): Form<LoginForm>,
) -> AppResult<Response> {
    let email = input.email.trim().to_lowercase();
    let trusted = app.config.trusted_proxy_addresses().unwrap_or_default();
    let ip = client_ip(peer, &headers, &trusted);
    let render = |status: StatusCode, error: &str| -> AppResult<Response> {
        let html = app.page(
            &viewer,
            "accounts/login.html",
            context! { next => input.next, email => email, error => viewer.lang.t(error) },
        )?;
        Ok((status, html).into_response())
    };
    let attempt = Attempt::new(&email, ip);
    let delay = match attempt.begin(&app.db).await? {
        Verdict::Check(delay) => delay,
        Verdict::Refuse { retry_after } => {
            let mut response = render(StatusCode::TOO_MANY_REQUESTS, "err-rate-limited")?;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
            return Ok(response);
        }
    };
    tokio::time::sleep(delay).await;
    let found = user_by_email(&app.db, &email).await?;
    // Verify against a dummy hash when the account does not exist, so the
    // answer takes as long and says the same either way.
    let hash = found
        .as_ref()
        .map(|(_, h)| h.as_str())
        .unwrap_or(secrets::dummy_hash());
    let checks = app.part::<PasswordChecks>();
    let Some(ok) = checks
        .verify(input.password.clone(), hash.to_string())
        .await
    else {
        let mut response = render(StatusCode::SERVICE_UNAVAILABLE, "err-rate-limited")?;
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        return Ok(response);
    };
    let user = found.filter(|_| ok).map(|(u, _)| u);
    let Some(user) = user else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, "acc-login-failed");
    };
    attempt.succeeded(&app.db).await?;
    let token = sessions::create(&app.db, user.id, app.config.session_days).await?;
    Ok(with_session(&app.config, &token, safe_next(&input.next)))
}

pub async fn logout(State(app): State<App>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(token) = cookie(&headers, sessions::SESSION_COOKIE) {
        sessions::end(&app.db, token).await?;
    }
    let mut response = Redirect::to("/?notice=signed-out").into_response();
    append_cookie(
        &mut response,
        &format!(
            "{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
            sessions::SESSION_COOKIE
        ),
    );
    Ok(response)
}
