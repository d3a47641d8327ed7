//! Action items after a conference: recorded per agenda item (optionally
//! for one decision), followed on the action board, updated by whoever is
//! responsible, reminded by e-mail; plus the report on open items for the
//! next agenda.

pub mod access;
pub mod api;
pub mod model;
pub mod reminders;
pub mod store;
pub mod web;

use crate::core::web::routes::RouteTable;

use super::{feeds, overview};

/// The routes of action items, the overview, the personal calendar feed and
/// the conference API.
pub fn routes(t: RouteTable) -> RouteTable {
    t.get(
        "/networks/{id}/meetings/{mid}/actions",
        web::meeting_actions,
    )
    .post("/networks/{id}/meetings/{mid}/actions", web::create)
    .post("/networks/{id}/meetings/{mid}/actions/edit", web::edit)
    .post(
        "/networks/{id}/meetings/{mid}/agenda/open-actions",
        web::add_report,
    )
    .get("/networks/{id}/actions", web::board)
    .get("/networks/{id}/actions/{aid}", web::show)
    .post("/networks/{id}/actions/{aid}/update", web::update)
    .get("/overview", overview::overview)
    .post("/account/calendar", feeds::create)
    .get("/calendar/{token}", feeds::feed)
    .get("/api/v1/networks/{id}/meetings", api::list_meetings)
    .post("/api/v1/networks/{id}/meetings", api::create_meeting)
    .get(
        "/api/v1/networks/{id}/meetings/{mid}/agenda",
        api::list_agenda,
    )
    .post(
        "/api/v1/networks/{id}/meetings/{mid}/agenda",
        api::create_agenda_item,
    )
    .get("/api/v1/networks/{id}/actions", api::list_actions)
    .post(
        "/api/v1/networks/{id}/actions/{aid}/updates",
        api::post_update,
    )
}
