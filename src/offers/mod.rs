//! Offers: every integration offer of a network's member organisations,
//! its review workflow, translations and the public offer page.

pub mod api;
pub mod contact_points;
pub mod coverage;
pub mod dashboard;
pub mod export;
pub mod finder;
pub mod form;
pub mod freshness;
pub mod markdown;
pub mod model;
pub mod search;
pub mod store;
pub mod translations;
pub mod web;
pub mod wegweiser;
