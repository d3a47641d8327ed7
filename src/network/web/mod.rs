//! The registry's HTML pages. Every handler loads what it needs for the
//! authorisation decision, makes exactly one `require_*` call, and only
//! then reads or writes anything that is not public. Forms are validated on
//! the server; a failed POST re-renders the form with status 422, the
//! values entered and a message per field; a successful one redirects (303)
//! to the record with a `notice`.

pub mod import;
pub mod networks;
pub mod organizations;
pub mod people;

use std::collections::BTreeMap;

use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};

use crate::{
    accounts::viewer::Viewer,
    core::{error::FieldErrors, web::forms},
};

/// 303 to `path` with a confirmation the layout shows (`notice-<id>`).
pub(crate) fn saved(path: &str, notice: &str) -> Response {
    Redirect::to(&format!("{path}?notice={notice}")).into_response()
}

/// A form page that failed validation.
pub(crate) fn unprocessable(page: Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// Field errors in the viewer's language.
pub(crate) fn texts(viewer: &Viewer, errors: &FieldErrors) -> BTreeMap<String, String> {
    forms::translate(viewer.lang, errors)
}
