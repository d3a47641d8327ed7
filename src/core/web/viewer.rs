//! Who is asking: the signed-in user, the UI language and the CSRF token
//! of this browser. The accounts capability's `identify` middleware puts a
//! `Viewer` into every request; handlers, the page shell and the error
//! pages read it from here.

use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, HeaderValue, header, request::Parts},
    response::Response,
};

use crate::core::{
    error::AppError,
    i18n::Lang,
    identity::{Role, User},
};

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
    /// Whether the page shell shows the administration links.
    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role == Role::Admin)
    }

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

pub fn append_cookie(response: &mut Response, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}
