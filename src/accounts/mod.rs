//! Accounts and access: users, roles, sessions, API tokens, password reset,
//! first-run setup, and the authorisation checks every handler uses.

pub mod access;
pub mod api;
pub mod cli;
pub mod events;
pub mod model;
pub mod rate_limit;
pub mod scope;
pub mod secrets;
pub mod service;
pub mod sessions;
pub mod setup;
pub mod store;
pub mod tokens;
pub mod viewer;
pub mod web;

use crate::core::web::{Parts, parts::Sweep};

/// Hands the accounts' state to the app: the bound on concurrent password
/// checks, and a sweep that forgets login-throttle windows that are over.
pub fn install(parts: Parts) -> Parts {
    parts
        .state(rate_limit::PasswordChecks::default())
        .sweep(Sweep {
            name: "login throttle",
            every: std::time::Duration::from_secs(3600),
            run: |app| {
                Box::pin(async move {
                    rate_limit::prune(&app.db).await?;
                    Ok(0)
                })
            },
        })
}
