//! The situation analysis as the network's own report: a coordinator's
//! commentary per indicator, the report (title, introduction, chosen
//! indicators) as a page and a PDF, publishing it for anonymous readers
//! with disclosure control, and its figures as open data (CSV, JSON).

pub mod disclosure;
pub mod downloads;
pub mod model;
pub mod pdf;
pub mod service;
pub mod store;
pub mod view;
pub mod web;
