//! ikon's integration tests: one binary, each module one capability. Every
//! test starts the real server on a random port (see `common`).

mod common;

mod access;
mod accounts;
mod api_fuzz;
mod browser;
mod bulletin;
mod cli;
mod conference_cycle;
mod conferences;
mod conferences_actions;
mod conferences_agenda;
mod conferences_minutes;
mod crash;
mod documents;
mod geography;
mod house;
mod i18n;
mod monitoring;
mod network;
mod network_csv;
mod offers;
mod offers_browser;
mod offers_export;
mod offers_finder;
mod offers_search;
mod offers_upkeep;
mod oparl;
mod openapi;
mod public_languages;
mod public_outputs;
mod reliability;
mod scale;
mod schema;
mod security;
mod shell;
mod store_floats;
// coordination
mod coordination;
