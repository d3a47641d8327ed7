//! The responsibility matrix: who agreed to be responsible for what, where
//! and for whom, and where nobody is (gaps), too many lead (overlaps) or
//! offers exist without an agreement (unconfirmed).

pub mod agenda;
pub mod api;
pub mod csv;
pub mod downloads;
pub mod matrix;
pub mod model;
pub mod pdf;
pub mod service;
pub mod store;
pub mod views;
pub mod web;
pub mod xlsx;
