//! The thin shared core every capability builds on.

pub mod audit;
pub mod backup;
pub mod config;
pub mod error;
pub mod i18n;
pub mod identity;
pub mod ids;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod paths;
pub mod pdf;
pub mod secrets;
pub mod store;
pub mod ttl;
pub mod web;
