//! One error type for the whole application: an HTTP status, a stable
//! machine-readable code, a translatable message and optional field errors.
//! Unexpected failures become a 500 whose details are logged, never shown.

use std::collections::BTreeMap;

use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
};

/// A translatable message: a Fluent message id plus its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub id: String,
    pub args: Vec<(String, String)>,
}

impl Msg {
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            args: Vec::new(),
        }
    }
    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_string(), value.to_string()));
        self
    }
}

impl From<&str> for Msg {
    fn from(id: &str) -> Self {
        Msg::new(id)
    }
}

/// Field name → message; ordered so that responses are stable.
pub type FieldErrors = BTreeMap<String, Msg>;

#[derive(Clone, Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: Msg,
    pub fields: FieldErrors,
    /// Seconds after which a refused request may be tried again (sent
    /// as `Retry-After` with 429 and 503).
    pub retry_after: Option<u64>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<Msg>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            fields: FieldErrors::new(),
            retry_after: None,
        }
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "err-not-found")
    }
    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "err-unauthenticated",
        )
    }
    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", "err-forbidden")
    }
    pub fn bad_request(code: &'static str, message: impl Into<Msg>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }
    pub fn conflict(code: &'static str, message: impl Into<Msg>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }
    /// Input that parsed but is not valid: one message per field.
    pub fn invalid(fields: FieldErrors) -> Self {
        Self {
            fields,
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "err-validation",
            )
        }
    }
    pub fn too_many_requests() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "err-rate-limited",
        )
    }
    /// The server is at capacity for this kind of work (e.g. rendering
    /// PDFs); the client may come back after `retry_after` seconds.
    pub fn busy(retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(StatusCode::SERVICE_UNAVAILABLE, "busy", "err-busy")
        }
    }
    /// Logs the real cause and returns a 500 that reveals nothing about it.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "err-internal",
        )
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e {
            if db.is_unique_violation() {
                return AppError::conflict("duplicate", "err-duplicate");
            }
            if db.is_foreign_key_violation() {
                return AppError::conflict("in_use", "err-in-use");
            }
        }
        AppError::internal(e)
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        AppError::internal(format!("{e:#}"))
    }
}

impl From<minijinja::Error> for AppError {
    fn from(e: minijinja::Error) -> Self {
        AppError::internal(format!("template: {e:#}"))
    }
}

impl IntoResponse for AppError {
    /// The body is written later by the web shell's error layer, which knows
    /// the request's language and whether it wants HTML or JSON.
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}
