//! Concerns (Anliegen) the network carries to politics and administration,
//! through a state machine from draft to answer: put on a meeting's agenda,
//! agreed with the decision in the minutes (or rejected, postponed),
//! submitted with date and reference, answered, closed — or withdrawn
//! before submission; a reminder to the coordinators when an answer is
//! overdue.

pub mod api;
pub mod model;
pub mod reminders;
pub mod service;
pub mod store;
pub mod web;
