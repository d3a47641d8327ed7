//! Joint projects: proposed by members, accepted by the coordinator, with
//! partners, milestones, funding, a status from the network's list,
//! progress set by the lead that rolls up from sub-projects, a timeline of
//! every change, a public page when marked public, CSV in Decidim's
//! accountability layout, and an internal contact person who is part of
//! their GDPR export and erasure (`coordination::personal_data`).

pub mod actions;
pub mod api;
pub mod csv;
pub mod model;
pub mod service;
pub mod statuses_web;
pub mod store;
pub mod targets;
pub mod web;
pub mod web_links;
