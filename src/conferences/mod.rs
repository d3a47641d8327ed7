//! Conferences: the meeting series of a network (rhythm, rotating
//! organiser, due date), meetings, and finding a date with a poll answered
//! through personal links; action items, the supervisor's overview and the
//! personal calendar feed.

pub mod actions;
pub mod documents;
pub mod feeds;
pub mod files;
pub mod ical;
pub mod invitations;
pub mod links;
pub mod model;
pub mod overview;
pub mod store;
pub mod web;
