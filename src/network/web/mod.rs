//! The registry's HTML pages. Every handler loads what it needs for the
//! authorisation decision, makes exactly one `require_*` call, and only
//! then reads or writes anything that is not public; writes go through
//! `service`. Forms are validated on the server; a failed POST re-renders
//! the form with status 422, the values entered and a message per field; a
//! successful one redirects (303) to the record with a `notice`.

pub mod import;
pub mod memberships;
pub mod networks;
pub mod organizations;
pub mod people;

use crate::core::error::{AppResult, FieldErrors};
// Other capabilities still reach the shared form helpers through here;
// new code takes them from `core::web::forms`.
pub(crate) use crate::core::web::forms::{saved, texts, unprocessable};

/// Separates failed validation, which re-renders the form, from the
/// errors that end the request.
pub(crate) fn checked<T>(result: AppResult<T>) -> AppResult<Result<T, FieldErrors>> {
    match result {
        Err(e) if e.code == "validation_failed" => Ok(Err(e.fields)),
        other => other.map(Ok),
    }
}
