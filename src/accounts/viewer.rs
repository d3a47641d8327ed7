//! The `identify` middleware: finds the signed-in user (from a session
//! cookie or an API token), the UI language and the CSRF token of this
//! browser, and hands every request its [`Viewer`].

use axum::{
    extract::{Request, State},
    http::header,
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::sessions;
pub use crate::core::web::viewer::{CSRF_COOKIE, LANG_COOKIE, Viewer, append_cookie, cookie};
use crate::core::{error::AppError, i18n::Lang, web::App};

fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
}

pub async fn identify(State(app): State<App>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let chosen_lang = query_lang(request.uri().query());
    let remembered = cookie(headers, LANG_COOKIE).and_then(Lang::parse);
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let public_lang = chosen_lang
        .or(remembered)
        .or_else(|| Lang::from_accept_language(accept))
        .unwrap_or_default();
    let lang = chosen_lang
        .or(remembered)
        .filter(|l| l.is_full())
        .or_else(|| Lang::accept_among(accept, &Lang::ALL))
        .unwrap_or_default();

    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|v| v.trim().to_string());
    let session = cookie(headers, sessions::SESSION_COOKIE).map(str::to_string);
    let existing_csrf = cookie(headers, CSRF_COOKIE)
        .filter(|t| t.len() >= 32)
        .map(str::to_string);
    let lookup = match (&bearer, &session) {
        (Some(token), _) => sessions::user_for_api_token(&app.db, token).await,
        (None, Some(token)) => sessions::user_for_session(&app.db, token).await,
        (None, None) => Ok(None),
    };
    let user = match lookup {
        Ok(user) => user,
        Err(e) => return AppError::internal(e).into_response(),
    };
    if bearer.is_some() && user.is_none() {
        return AppError::new(
            axum::http::StatusCode::UNAUTHORIZED,
            "invalid_token",
            "err-invalid-token",
        )
        .into_response();
    }
    let csrf = existing_csrf
        .clone()
        .unwrap_or_else(crate::core::secrets::random_token);
    let viewer = Viewer {
        user,
        lang,
        public_lang,
        csrf: csrf.clone(),
        via_api_token: bearer.is_some(),
        path: request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into()),
    };
    request.extensions_mut().insert(viewer.clone());

    let signed_in = viewer.user.is_some();
    let mut response = next.run(request).await;
    // What a signed-in user sees (an API token shown once, people's
    // addresses, drafts) must not be kept by the browser or a proxy.
    if signed_in && !response.headers().contains_key(header::CACHE_CONTROL) {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
    }
    // The error layer outside this one renders pages for this viewer.
    response.extensions_mut().insert(viewer);
    let secure = if app.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    if existing_csrf.is_none() && bearer.is_none() {
        let value = format!("{CSRF_COOKIE}={csrf}; Path=/; HttpOnly; SameSite=Lax{secure}");
        append_cookie(&mut response, &value);
    }
    if let Some(lang) = chosen_lang {
        let value = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
            lang.code()
        );
        append_cookie(&mut response, &value);
    }
    response
}
