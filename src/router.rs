//! Every route of ikon in one table, grouped by who calls it. A new route
//! must also get a line in the route × role test (tests/access.rs), or the
//! suite fails.

use crate::core::web::{assets, openapi, pages, routes::RouteTable};

pub fn routes() -> RouteTable {
    RouteTable::new()
        // ── shell ────────────────────────────────────────────────────────
        .get("/", pages::home)
        .get("/about", pages::about)
        .get("/healthz", pages::healthz)
        .get("/assets/{file}", assets::serve)
        .get("/api/openapi.json", openapi::document)
}
