//! Who is asking: the signed-in user (from a session cookie or an API
//! token), the UI language and the CSRF token of this browser. Every
//! request gets a `Viewer` from the `identify` middleware.

use axum::{
    extract::{FromRequestParts, Request, State},
    http::{HeaderMap, HeaderValue, header, request::Parts},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{model::User, sessions};
use crate::core::{error::AppError, i18n::Lang, web::App};

pub const CSRF_COOKIE: &str = "ikon_csrf";
pub const LANG_COOKIE: &str = "ikon_lang";

#[derive(Clone, Debug)]
pub struct Viewer {
    pub user: Option<User>,
    /// The language of the signed-in and internal pages (German or
    /// English): a public-only choice such as Arabic falls back here to
    /// English when the browser asks for it, else German.
    pub lang: Lang,
    /// The language the visitor asked for; public pages speak it.
    pub public_lang: Lang,
    /// The token every form of this browser must echo back.
    pub csrf: String,
    /// Authenticated by `Authorization: Bearer` (no cookies involved).
    pub via_api_token: bool,
    /// Path and query of the request (for "back to" links and login).
    pub path: String,
}

impl Viewer {
    pub fn user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or_else(AppError::unauthenticated)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or_else(|| AppError::internal("identify middleware missing"))
    }
}

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

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
        .unwrap_or_else(super::secrets::random_token);
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

    let mut response = next.run(request).await;
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

pub fn append_cookie(response: &mut Response, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}
