//! Conferences: the meeting series of a network (rhythm, rotating
//! organiser, due date), meetings, and finding a date with a poll answered
//! through personal links.

pub mod documents;
pub mod ical;
pub mod invitations;
pub mod links;
pub mod model;
pub mod store;
pub mod web;
