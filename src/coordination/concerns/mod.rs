//! Concerns (Anliegen) the network carries to politics and administration,
//! through a state machine from draft to answer: put on a meeting's agenda,
//! agreed with the decision in the minutes (or rejected, postponed),
//! submitted with date and reference, answered, closed — or withdrawn
//! before submission.

pub mod api;
pub mod model;
pub mod service;
pub mod store;
pub mod web;
