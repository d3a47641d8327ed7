//! Action items after a conference: recorded per agenda item (optionally
//! for one decision), followed on the action board, updated by whoever is
//! responsible, reminded by e-mail; plus the report on open items for the
//! next agenda. A sub-capability with the capability's own shape, because
//! it has its own tables, access rules and background work.

pub mod access;
pub mod api;
pub mod model;
pub mod reminders;
pub mod service;
pub mod store;
pub mod web;
