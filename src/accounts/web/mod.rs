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
    let secure = if config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let max_age = config.session_days * 86_400;
    append_cookie(
        &mut response,
        &format!(
            "{SESSION_COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
        ),
    );
    response
}

/// Only same-site paths are followed after login ("/x", not "//host").
pub fn safe_next(next: &str) -> &str {
    crate::core::paths::local_path(next).unwrap_or("/")
}

/// A form page re-rendered with errors.
pub fn unprocessable(html: axum::response::Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cookie_for(base: &str) -> String {
        let mut config = Config {
            base_url: Some(base.parse().unwrap()),
            ..Config::default()
        };
        config.finish().unwrap();
        let response = with_session(&config, "tok", "/");
        response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn session_cookies_are_secure_behind_https() {
        let cookie = cookie_for("https://ikon.example/");
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.contains("Secure")
        );
        assert!(!cookie_for("http://127.0.0.1:8080/").contains("Secure"));
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next("/networks/1"), "/networks/1");
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\t/evil.example"), "/");
    }
}
