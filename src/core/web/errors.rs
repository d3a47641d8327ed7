//! Turns every error into the answer its caller can use: JSON
//! `{code, message, fields}` for the API, a translated HTML page for
//! browsers, a redirect to the login page when a browser must sign in.
//! Rejections from axum's extractors are converted the same way.

use std::collections::BTreeMap;

use axum::{
    Json,
    body::to_bytes,
    extract::{Request, State},
    http::{HeaderMap, StatusCode, header},
    middleware::Next,
    response::{Html, IntoResponse, Redirect, Response},
};
use minijinja::context;
use serde::Serialize;

use crate::core::{
    error::{AppError, Msg},
    i18n::Lang,
    web::{App, viewer::Viewer},
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `validation_failed`.
    pub code: String,
    /// Human-readable message in the request's language.
    pub message: String,
    /// Field name → message, for validation errors.
    pub fields: BTreeMap<String, String>,
}

impl ErrorBody {
    pub fn new(error: &AppError, lang: Lang) -> Self {
        Self {
            code: error.code.to_string(),
            message: lang.msg(&error.message),
            fields: error
                .fields
                .iter()
                .map(|(k, m)| (k.clone(), lang.msg(m)))
                .collect(),
        }
    }
}

pub fn wants_json(path: &str, headers: &HeaderMap) -> bool {
    if path.starts_with("/api/") || path.starts_with("/oparl/") || path == "/healthz" {
        return true;
    }
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    accept.contains("application/json") && !accept.contains("text/html")
}

pub async fn render(State(app): State<App>, request: Request, next: Next) -> Response {
    let json = wants_json(request.uri().path(), request.headers());
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let response = next.run(request).await;
    let status = response.status();
    if !status.is_client_error() && !status.is_server_error() {
        return response;
    }
    let viewer = response.extensions().get::<Viewer>().cloned();
    let error = match response.extensions().get::<AppError>() {
        Some(error) => error.clone(),
        // Our handlers' own error bodies are complete; keep them.
        None if is_rendered(&response) => return response,
        None => from_rejection(response).await,
    };
    let lang = viewer.as_ref().map(|v| v.lang).unwrap_or_default();
    let retry_after = error.retry_after;
    let mut out = error_response(&app, error, viewer, lang, json, path);
    if let Some(seconds) = retry_after {
        out.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    }
    out
}

fn error_response(
    app: &App,
    error: AppError,
    viewer: Option<Viewer>,
    lang: Lang,
    json: bool,
    path: String,
) -> Response {
    if json {
        let mut out = (error.status, Json(ErrorBody::new(&error, lang))).into_response();
        if error.status == StatusCode::UNAUTHORIZED {
            out.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        return out;
    }
    if error.status == StatusCode::UNAUTHORIZED {
        let next = url::form_urlencoded::byte_serialize(path.as_bytes()).collect::<String>();
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    let viewer = viewer.unwrap_or_else(|| Viewer {
        user: None,
        lang,
        public_lang: lang,
        csrf: String::new(),
        via_api_token: false,
        path,
    });
    let ctx = context! {
        status => error.status.as_u16(),
        code => error.code,
        message => lang.msg(&error.message),
    };
    match app.page(&viewer, "error.html", ctx) {
        Ok(Html(body)) => (error.status, Html(body)).into_response(),
        Err(_) => (error.status, lang.msg(&error.message)).into_response(),
    }
}

fn is_rendered(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"))
}

/// axum's extractor rejections are plain text; give them our shape.
async fn from_rejection(response: Response) -> AppError {
    let status = response.status();
    let detail = to_bytes(response.into_body(), 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    match status {
        StatusCode::NOT_FOUND => AppError::not_found(),
        StatusCode::METHOD_NOT_ALLOWED => {
            AppError::new(status, "method_not_allowed", "err-method-not-allowed")
        }
        StatusCode::PAYLOAD_TOO_LARGE => AppError::new(status, "too_large", "err-too-large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            AppError::new(status, "unsupported_media_type", "err-bad-request")
        }
        StatusCode::REQUEST_TIMEOUT => AppError::new(status, "timeout", "err-timeout"),
        s if s.is_client_error() => AppError::new(
            if s == StatusCode::UNPROCESSABLE_ENTITY {
                s
            } else {
                StatusCode::BAD_REQUEST
            },
            "invalid_request",
            Msg::new("err-bad-request-detail").arg("detail", detail.trim()),
        ),
        _ => AppError::internal(format!("{status}: {detail}")),
    }
}
