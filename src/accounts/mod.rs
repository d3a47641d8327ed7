//! Accounts and access: users, roles, sessions, API tokens, password reset,
//! first-run setup, and the authorisation checks every handler uses.

pub mod access;
pub mod api;
pub mod cli;
pub mod model;
pub mod rate_limit;
pub mod scope;
pub mod secrets;
pub mod sessions;
pub mod setup;
pub mod store;
pub mod tokens;
pub mod viewer;
pub mod web;
