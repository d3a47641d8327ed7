//! Account pages: sign-in and -out, first-run setup, password reset, the
//! user's own account (password, API tokens), user administration, audit.

pub mod account;
pub mod audit;
pub mod login;
pub mod password;
pub mod setup;
pub mod users;

use axum::{
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use super::{sessions::SESSION_COOKIE, viewer::append_cookie};
use crate::core::config::Config;

/// A redirect carrying a fresh session cookie.
pub fn with_session(config: &Config, token: &str, to: &str) -> Response {
    let mut response = Redirect::to(to).into_response();
    let secure = if config.secure_cookies() { "; Secure" } else { "" };
    let max_age = config.session_days * 86_400;
    append_cookie(
        &mut response,
        &format!("{SESSION_COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"),
    );
    response
}

/// Only same-site paths are followed after login ("/x", not "//host").
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next
    } else {
        "/"
    }
}

/// A form page re-rendered with errors.
pub fn unprocessable(html: axum::response::Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
}
