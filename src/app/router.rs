//! Every route of ikon in one table, grouped by who calls it. A new route
//! must also get a line in the route × role test (tests/access.rs), or the
//! suite fails.

use super::{openapi, pages};
use crate::{
    accounts::web as accounts,
    conferences,
    core::web::{assets, routes::RouteTable},
    geography, offers,
};

use crate::network::{api as registry_api, web as registry};

pub fn routes() -> RouteTable {
    RouteTable::new()
        // ── shell ────────────────────────────────────────────────────────
        .get("/", pages::home)
        .get("/about", pages::about)
        .get("/healthz", pages::healthz)
        .get("/assets/{file}", assets::serve)
        .get("/api/openapi.json", openapi::document)
        // ── geography (public) ───────────────────────────────────────────
        .get("/regions", geography::web::search)
        .get("/regions/{key}", geography::web::region)
        .get("/api/v1/regions", geography::api::find)
        .get("/api/v1/regions/{key}", geography::api::region)
        .get("/api/v1/regions/{key}/boundary", geography::api::boundary)
        // ── accounts ─────────────────────────────────────────────────────
        .get("/login", accounts::login::form)
        .post("/login", accounts::login::submit)
        .post("/logout", accounts::login::logout)
        .get("/setup/{token}", accounts::setup::form)
        .post("/setup/{token}", accounts::setup::submit)
        .get("/password/forgot", accounts::password::forgot_form)
        .post("/password/forgot", accounts::password::forgot_submit)
        .get("/password/reset/{token}", accounts::password::reset_form)
        .post("/password/reset/{token}", accounts::password::reset_submit)
        .get("/account", accounts::account::show)
        .post("/account/password", accounts::account::change_password)
        .post("/account/tokens", accounts::account::create_token)
        .post(
            "/account/tokens/{id}/revoke",
            accounts::account::revoke_token,
        )
        .get("/admin/users", accounts::users::list)
        .get("/admin/users/new", accounts::users::new_form)
        .post("/admin/users/new", accounts::users::create)
        .get("/admin/users/{id}/edit", accounts::users::edit_form)
        .post("/admin/users/{id}/edit", accounts::users::update)
        .get("/admin/audit", accounts::audit::all)
        .get("/api/v1/me", crate::accounts::api::me)
        // ── network registry ─────────────────────────────────────────────
        .get("/networks", registry::networks::list)
        .get("/networks/new", registry::networks::new_form)
        .post("/networks/new", registry::networks::create)
        .get("/networks/{id}", registry::networks::show)
        .get("/networks/{id}/edit", registry::networks::edit_form)
        .post("/networks/{id}/edit", registry::networks::update)
        .get("/networks/{id}/audit", registry::networks::audit)
        .get(
            "/networks/{id}/organizations",
            registry::organizations::list,
        )
        .get(
            "/networks/{id}/organizations/new",
            registry::organizations::new_form,
        )
        .post(
            "/networks/{id}/organizations/new",
            registry::organizations::create,
        )
        .post(
            "/networks/{id}/memberships",
            registry::organizations::add_membership,
        )
        .post(
            "/networks/{id}/memberships/{organization_id}/delete",
            registry::organizations::remove_membership,
        )
        .get(
            "/networks/{id}/export/organizations.csv",
            registry::import::export_organizations,
        )
        .get(
            "/networks/{id}/export/people.csv",
            registry::import::export_people,
        )
        .get("/networks/{id}/import", registry::import::form)
        .post("/networks/{id}/import", registry::import::submit)
        .get("/organizations/{id}", registry::organizations::show)
        .get(
            "/organizations/{id}/edit",
            registry::organizations::edit_form,
        )
        .post("/organizations/{id}/edit", registry::organizations::update)
        .get("/organizations/{id}/people/new", registry::people::new_form)
        .post("/organizations/{id}/people/new", registry::people::create)
        .get("/people/{id}/edit", registry::people::edit_form)
        .post("/people/{id}/edit", registry::people::update)
        .get("/people/{id}/export", registry::people::export)
        .post("/people/{id}/erase", registry::people::erase)
        .get("/api/v1/networks", registry_api::list_networks)
        .get(
            "/api/v1/networks/{id}/organizations",
            registry_api::list_organizations,
        )
        .post(
            "/api/v1/networks/{id}/organizations",
            registry_api::create_organization,
        )
        .get("/api/v1/organizations/{id}", registry_api::get_organization)
        .put(
            "/api/v1/organizations/{id}",
            registry_api::update_organization,
        )
        .get("/api/v1/people/{id}", registry_api::get_person)
        .delete("/api/v1/people/{id}", registry_api::erase_person)
        // ── conferences ──────────────────────────────────────────────────
        .get("/networks/{id}/conferences", conferences::web::list)
        .get(
            "/networks/{id}/conferences/settings",
            conferences::web::settings_form,
        )
        .post(
            "/networks/{id}/conferences/settings",
            conferences::web::settings_submit,
        )
        .get("/networks/{id}/conferences/new", conferences::web::new_form)
        .post("/networks/{id}/conferences/new", conferences::web::create)
        .get("/conferences/{id}", conferences::web::show)
        .get("/conferences/{id}/edit", conferences::web::edit_form)
        .post("/conferences/{id}/edit", conferences::web::update)
        .post(
            "/conferences/{id}/poll/options",
            conferences::web::add_option,
        )
        .post("/conferences/{id}/poll/send", conferences::web::send_poll)
        .post("/conferences/{id}/poll/choose", conferences::web::choose)
        .post("/conferences/{id}/invite", conferences::invitations::invite)
        .post(
            "/conferences/{id}/update-invitation",
            conferences::invitations::update_invitation,
        )
        .post("/conferences/{id}/cancel", conferences::invitations::cancel)
        .get("/conferences/{id}/agenda", conferences::web::agenda)
        .post(
            "/conferences/{id}/agenda",
            conferences::web::add_agenda_item,
        )
        .post(
            "/conferences/{id}/agenda/move",
            conferences::web::move_agenda_item,
        )
        .post(
            "/conferences/{id}/agenda/delete",
            conferences::web::delete_agenda_item,
        )
        .post(
            "/conferences/{id}/agenda/edit",
            conferences::web::update_agenda_item,
        )
        .get(
            "/networks/{id}/meetings.ics",
            conferences::invitations::feed,
        )
        .get("/p/{token}", conferences::links::poll_form)
        .post("/p/{token}", conferences::links::poll_submit)
        .get("/r/{token}", conferences::links::rsvp_form)
        .post("/r/{token}", conferences::links::rsvp_submit)
        // ── offers ───────────────────────────────────────────────────────
        .get("/networks/{id}/offers", offers::web::list)
        .get("/networks/{id}/offers/new", offers::web::new_form)
        .post("/networks/{id}/offers/new", offers::web::create)
        .get("/offers/{id}", offers::web::show)
        .get("/offers/{id}/edit", offers::web::edit_form)
        .post("/offers/{id}/edit", offers::web::update)
        .post("/offers/{id}/status", offers::web::change_status)
        .get(
            "/offers/{id}/translations/{lang}",
            offers::translations::form,
        )
        .post(
            "/offers/{id}/translations/{lang}",
            offers::translations::submit,
        )
        .get("/api/v1/offers", offers::api::list)
        .get("/api/v1/offers.geojson", offers::api::geojson)
        .get("/offers/{id}/contact-point", offers::finder::form)
        .post("/offers/{id}/contact-point", offers::finder::submit)
        .get("/finder", offers::finder::page)
        .get("/api/v1/contact-points", offers::finder::api_find)
        .get("/networks/{id}/coverage", offers::coverage::coverage)
        .get(
            "/api/v1/networks/{id}/coverage",
            offers::coverage::api_coverage,
        )
        .with(crate::oparl::routes)
        .with(conferences::web::minutes_routes)
        .with(offers::dashboard::routes)
        .with(conferences::actions::routes)
        .with(offers::wegweiser::routes)
        .with(offers::export::routes)
        .with(conferences::documents::routes)
        .with(offers::search::routes)
}
