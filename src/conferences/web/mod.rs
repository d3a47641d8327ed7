//! The conference pages: thin handlers that take the path's typed ids,
//! find the network and meeting (404 when one does not belong to the
//! other), check access, call the service and render. Links are built
//! with `core::paths`.

pub mod agenda;
mod agenda_page;
pub mod attachments;
pub mod attendance;
pub mod documents;
pub mod feeds;
pub mod invitations;
pub mod links;
mod meeting_page;
pub mod meetings;
pub mod minutes;
pub mod moved;
pub mod overview;
pub mod poll;
pub mod proposals;
pub mod settings;

use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};

use crate::core::{
    error::{AppResult, FieldErrors},
    web::forms::unprocessable,
};

/// The page, or with field messages the form again as 422.
pub(crate) fn respond(page: Html<String>, errors: &FieldErrors) -> Response {
    if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    }
}

/// Splits a service's answer: field messages go back into the form, any
/// other error is the error page.
pub(crate) fn refused<T>(result: AppResult<T>) -> AppResult<Result<T, FieldErrors>> {
    match result {
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY && !e.fields.is_empty() => {
            Ok(Err(e.fields))
        }
        other => other.map(Ok),
    }
}
