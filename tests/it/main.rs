//! ikon's integration tests: one binary, each module one capability. Every
//! test starts the real server on a random port (see `common`).

mod common;

mod shell;
