//! CSRF protection for every state-changing request, as a middleware so
//! that no route can forget it. A request passes when it
//! 1. carries an API token (`Authorization: Bearer`, no ambient cookies), or
//! 2. comes from our own origin (`Origin`/`Referer`, when sent) and echoes
//!    the browser's CSRF cookie as the `csrf` form field, the
//!    `X-CSRF-Token` header or — for file uploads — the `csrf` query
//!    parameter, or
//! 3. is a one-click unsubscribe (RFC 8058) to `/unsubscribe/{token}`,
//!    whose secret token is the credential.

use axum::{
    body::{Body, to_bytes},
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::core::{
    error::AppError,
    secrets::constant_time_eq,
    web::{App, viewer::Viewer},
};

pub const FIELD: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";

/// Whether a path is a one-click unsubscribe link (`/unsubscribe/{token}`).
fn one_click(path: &str) -> bool {
    let prefix = crate::core::paths::UNSUBSCRIBE
        .split('{')
        .next()
        .unwrap_or_default();
    path.strip_prefix(prefix)
        .is_some_and(|token| !token.is_empty() && !token.contains('/'))
}

fn failed() -> Response {
    AppError::new(StatusCode::FORBIDDEN, "csrf_failed", "err-csrf").into_response()
}

pub async fn verify(State(app): State<App>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let Some(viewer) = request.extensions().get::<Viewer>().cloned() else {
        return failed();
    };
    if viewer.via_api_token {
        return next.run(request).await;
    }
    // A JSON API call by nobody signed in carries no credential a forged
    // request could ride on: the handler answers it (401 where a user is
    // needed) instead of a misleading CSRF refusal.
    if viewer.user.is_none() && request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    // A one-click unsubscribe (RFC 8058) is posted by the recipient's
    // mail provider, with no cookie or token of ours: the secret in the
    // link's path is its only credential, and all it can do is end the
    // subscription it names.
    if one_click(request.uri().path()) {
        return next.run(request).await;
    }
    if !same_origin(request.headers(), &app.config.base()) {
        return failed();
    }
    let expected = viewer.csrf.as_str();
    let from_header = request
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let from_query = request.uri().query().and_then(|q| field(q.as_bytes()));
    if let Some(given) = from_header.or(from_query) {
        return if constant_time_eq(&given, expected) {
            next.run(request).await
        } else {
            failed()
        };
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return failed();
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, app.config.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", "err-too-large")
                .into_response();
        }
    };
    match field(&bytes) {
        Some(given) if constant_time_eq(&given, expected) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        _ => failed(),
    }
}

/// The `csrf` value of a urlencoded string.
fn field(encoded: &[u8]) -> Option<String> {
    url::form_urlencoded::parse(encoded)
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v.into_owned())
}

/// Browsers send `Origin` on cross-site POSTs; when present (or, failing
/// that, `Referer`), it must be our base address or the requested host.
fn same_origin(headers: &HeaderMap, base: &str) -> bool {
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    let Some(claimed) = claimed else { return true };
    let Ok(claimed) = url::Url::parse(claimed) else {
        return false;
    };
    let origin = claimed.origin().ascii_serialization();
    if url::Url::parse(base).is_ok_and(|b| b.origin().ascii_serialization() == origin) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    host.is_some_and(|h| origin == format!("http://{h}") || origin == format!("https://{h}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn foreign_origins_are_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert!(same_origin(&headers, "http://127.0.0.1:8080"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!same_origin(&headers, "http://127.0.0.1:8080"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:8080"),
        );
        assert!(same_origin(&headers, "https://ikon.example"));
    }

    #[test]
    fn token_is_found_among_other_fields() {
        assert_eq!(field(b"name=x&csrf=abc%2B&y=1").as_deref(), Some("abc+"));
        assert_eq!(field(b"name=x"), None);
    }
}
