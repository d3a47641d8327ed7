//! ikon's integration tests: one binary, each module one capability. Every
//! test starts the real server on a random port (see `common`).

mod common;

mod access;
mod accounts;
mod browser;
mod cli;
mod conferences;
mod conferences_agenda;
mod geography;
mod i18n;
mod network;
mod network_csv;
mod offers;
mod offers_browser;
mod offers_finder;
mod offers_search;
mod openapi;
mod scale;
mod schema;
mod shell;
