//! Concerns (Anliegen) the network carries to politics and administration,
//! through a state machine from draft to answer: put on a meeting's agenda,
//! agreed with the decision in the minutes (or rejected, postponed),
//! submitted with date, reference and a generated letter, answered (with
//! the answer's document), closed — or withdrawn before submission; a
//! reminder to the coordinators when an answer is overdue. A network may
//! publish its submitted concerns (`public`); supervisors see those of
//! their region side by side (`overview`); contact people named on
//! concerns are part of their GDPR export and erasure (`coordination::personal_data`).

pub mod api;
pub mod documents;
pub mod letter;
pub mod model;
pub mod overview;
pub mod public;
pub mod reminders;
pub mod service;
pub mod store;
pub mod web;
