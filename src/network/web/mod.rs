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

pub(crate) use crate::core::web::forms::{saved, texts, unprocessable};
