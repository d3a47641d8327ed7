//! Every route of ikon in one table, grouped by capability and by who
//! calls it. Page paths come from `core::paths`; API paths from each
//! handler's `#[utoipa::path]`, which is also how the OpenAPI document is
//! generated from this table. A new route must also get its expected
//! answers in the route × role test (tests/it/access.rs), or the suite
//! fails.

use utoipa_axum::routes;

use super::pages;
use crate::{
    accounts::{api as accounts_api, web as accounts},
    conferences::{self, actions, web::feeds},
    core::web::{assets, routes::RouteTable},
    geography,
    network::{api as network_api, web as network},
    offers, oparl,
};

pub fn routes() -> RouteTable {
    let t = RouteTable::new();
    let t = shell(t);
    let t = geography(t);
    let t = accounts(t);
    let t = network(t);
    let t = conferences(t);
    let t = offers(t);
    oparl(t)
}

fn shell(t: RouteTable) -> RouteTable {
    t.get("/", pages::home)
        .get("/about", pages::about)
        .api(routes!(pages::healthz))
        .get_other("/assets/{file}", assets::serve)
        .get_other("/api/openapi.json", super::openapi::document)
}

fn geography(t: RouteTable) -> RouteTable {
    t.get("/regions", geography::web::search)
        .get("/regions/{key}", geography::web::region)
        .api(routes!(geography::api::find))
        .api(routes!(geography::api::region))
        .api(routes!(geography::api::boundary))
}

fn accounts(t: RouteTable) -> RouteTable {
    t.get("/login", accounts::login::form)
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
        .post("/account/calendar", feeds::create)
        .get_other("/calendar/{token}", feeds::feed)
        .get("/admin/users", accounts::users::list)
        .get("/admin/users/new", accounts::users::new_form)
        .post("/admin/users/new", accounts::users::create)
        .get("/admin/users/{id}/edit", accounts::users::edit_form)
        .post("/admin/users/{id}/edit", accounts::users::update)
        .get("/admin/audit", accounts::audit::all)
        .api(routes!(accounts_api::me))
}

fn network(t: RouteTable) -> RouteTable {
    t.get("/networks", network::networks::list)
        .get("/networks/new", network::networks::new_form)
        .post("/networks/new", network::networks::create)
        .get("/networks/{id}", network::networks::show)
        .get("/networks/{id}/edit", network::networks::edit_form)
        .post("/networks/{id}/edit", network::networks::update)
        .get("/networks/{id}/audit", network::networks::audit)
        .get("/networks/{id}/organizations", network::organizations::list)
        .get(
            "/networks/{id}/organizations/new",
            network::organizations::new_form,
        )
        .post(
            "/networks/{id}/organizations/new",
            network::organizations::create,
        )
        .post(
            "/networks/{id}/memberships",
            network::organizations::add_membership,
        )
        .post(
            "/networks/{id}/memberships/{organization_id}/delete",
            network::organizations::remove_membership,
        )
        .get_other(
            "/networks/{id}/export/organizations.csv",
            network::import::export_organizations,
        )
        .get_other(
            "/networks/{id}/export/people.csv",
            network::import::export_people,
        )
        .get("/networks/{id}/import", network::import::form)
        .post("/networks/{id}/import", network::import::submit)
        .get("/organizations/{id}", network::organizations::show)
        .get(
            "/organizations/{id}/edit",
            network::organizations::edit_form,
        )
        .post("/organizations/{id}/edit", network::organizations::update)
        .get("/organizations/{id}/people/new", network::people::new_form)
        .post("/organizations/{id}/people/new", network::people::create)
        .get("/people/{id}/edit", network::people::edit_form)
        .post("/people/{id}/edit", network::people::update)
        .get_other("/people/{id}/export", network::people::export)
        .post("/people/{id}/erase", network::people::erase)
        .api(routes!(network_api::list_networks))
        .api(routes!(
            network_api::list_organizations,
            network_api::create_organization
        ))
        .api(routes!(
            network_api::get_organization,
            network_api::update_organization
        ))
        .api(routes!(network_api::get_person, network_api::erase_person))
}

fn conferences(t: RouteTable) -> RouteTable {
    use crate::core::paths::*;
    use conferences::web::{
        agenda, attachments, attendance, documents, invitations, links, meetings, minutes, moved,
        overview, poll, proposals, settings,
    };
    t.get(MEETINGS, meetings::list)
        .post(MEETINGS, meetings::create)
        .get(MEETING_NEW, meetings::new_form)
        .get(CONFERENCE_SETTINGS, settings::settings_form)
        .post(CONFERENCE_SETTINGS, settings::settings_submit)
        .get_other(MEETINGS_ICS, invitations::feed)
        .get(MEETING, meetings::show)
        .post(MEETING, meetings::update)
        .get(MEETING_EDIT, meetings::edit_form)
        // date poll, answered through personal links
        .post(POLL_OPTIONS, poll::add_option)
        .post(POLL_SEND, poll::send_poll)
        .post(POLL_CHOOSE, poll::choose)
        .get(POLL_LINK, links::poll_form)
        .post(POLL_LINK, links::poll_submit)
        // invitation and registration
        .post(MEETING_INVITE, invitations::invite)
        .post(MEETING_UPDATE_INVITATION, invitations::update_invitation)
        .post(MEETING_CANCEL, invitations::cancel)
        .get(RSVP_LINK, links::rsvp_form)
        .post(RSVP_LINK, links::rsvp_submit)
        // agenda, attachments, members' proposals
        .get(AGENDA, agenda::agenda)
        .post(AGENDA, agenda::add_agenda_item)
        .post(AGENDA_ITEM, agenda::update_agenda_item)
        .post(AGENDA_ITEM_MOVE, agenda::move_agenda_item)
        .post(AGENDA_ITEM_DELETE, agenda::delete_agenda_item)
        .post(AGENDA_OPEN_ACTIONS, actions::web::add_report)
        .post(ATTACHMENTS, attachments::upload_attachment)
        .get_other(ATTACHMENT, attachments::download_attachment)
        .post(ATTACHMENT_DELETE, attachments::delete_attachment)
        .post(PROPOSALS, proposals::propose)
        .post(PROPOSAL_DECIDE, proposals::decide_proposal)
        // the conference day: attendance, minutes, decisions
        .post(MEETING_HELD, attendance::mark_held)
        .get(ATTENDANCE, attendance::attendance_form)
        .post(ATTENDANCE, attendance::save_attendance)
        .get(MINUTES, minutes::minutes_page)
        .post(MINUTES, minutes::save_notes)
        .post(DECISIONS, minutes::add_decision)
        .post(DECISION_DELETE, minutes::delete_decision)
        .post(MINUTES_CIRCULATE, minutes::circulate)
        .post(MINUTES_APPROVE, minutes::approve)
        .post(MINUTES_COMMENTS, minutes::add_comment)
        .post(MINUTES_VISIBILITY, minutes::set_visibility)
        // documents
        .get_other(INVITATION_PDF, documents::invitation)
        .get_other(ATTENDANCE_PDF, documents::attendance)
        .get_other(MINUTES_PDF, documents::minutes)
        // action items
        .get(MEETING_ACTIONS, actions::web::meeting_actions)
        .post(MEETING_ACTIONS, actions::web::create)
        .post(MEETING_ACTION, actions::web::edit)
        .get(ACTIONS, actions::web::board)
        .get(ACTION, actions::web::show)
        .post(ACTION_UPDATES, actions::web::update)
        // supervisors
        .get(OVERVIEW, overview::overview)
        // API
        .api(routes!(
            conferences::api::list_meetings,
            conferences::api::create_meeting
        ))
        .api(routes!(
            conferences::api::list_agenda,
            conferences::api::create_agenda_item
        ))
        .api(routes!(actions::api::list_actions))
        .api(routes!(actions::api::post_update))
        // Old page URLs, e-mailed and bookmarked before meetings lived
        // under their network.
        .redirect("/networks/{id}/conferences", |_, v| async move {
            moved::network_page(&v, meetings)
        })
        .redirect("/networks/{id}/conferences/new", |_, v| async move {
            moved::network_page(&v, meeting_new)
        })
        .redirect("/networks/{id}/conferences/settings", |_, v| async move {
            moved::network_page(&v, conference_settings)
        })
        .redirect("/conferences/{id}", |app, v| {
            moved::meeting_page(app, v, meeting)
        })
        .redirect("/conferences/{id}/edit", |app, v| {
            moved::meeting_page(app, v, meeting_edit)
        })
        .redirect("/conferences/{id}/agenda", |app, v| {
            moved::meeting_page(app, v, agenda)
        })
        .redirect("/conferences/{id}/attendance", |app, v| {
            moved::meeting_page(app, v, attendance)
        })
        .redirect("/conferences/{id}/minutes", |app, v| {
            moved::meeting_page(app, v, minutes)
        })
        .redirect("/attachments/{id}", moved::attachment)
}

fn offers(t: RouteTable) -> RouteTable {
    use offers::{coverage, dashboard, export, finder, freshness, translations, web, wegweiser};
    t.get("/networks/{id}/offers", web::list)
        .get("/networks/{id}/offers/new", web::new_form)
        .post("/networks/{id}/offers/new", web::create)
        .get("/offers/{id}", web::show)
        .get("/offers/{id}/edit", web::edit_form)
        .post("/offers/{id}/edit", web::update)
        .post("/offers/{id}/status", web::change_status)
        .post("/offers/{id}/verify", freshness::verify)
        .get("/offers/{id}/translations/{lang}", translations::form)
        .post("/offers/{id}/translations/{lang}", translations::submit)
        .get("/offers/{id}/contact-point", finder::form)
        .post("/offers/{id}/contact-point", finder::submit)
        .get("/networks/{id}/coverage", coverage::coverage)
        .get("/coverage", dashboard::region_coverage)
        .get_other("/networks/{id}/wegweiser.pdf", wegweiser::wegweiser)
        // public
        .get("/search", offers::search::page::page)
        .get("/finder", finder::page)
        // API and open data
        .api(routes!(offers::api::list))
        .api(routes!(offers::api::geojson))
        .api(routes!(export::csv))
        .api(routes!(finder::api_find))
        .api(routes!(coverage::api_coverage))
}

fn oparl(t: RouteTable) -> RouteTable {
    use oparl::web;
    t.get_other("/oparl/v1", web::system)
        .get_other("/oparl/v1/system", web::system)
        .get_other("/oparl/v1/bodies", web::bodies)
        .get_other("/oparl/v1/body/{id}", web::body)
        .get_other("/oparl/v1/body/{id}/organizations", web::organization_list)
        .get_other("/oparl/v1/body/{id}/people", web::person_list)
        .get_other("/oparl/v1/body/{id}/memberships", web::membership_list)
        .get_other("/oparl/v1/body/{id}/meetings", web::meeting_list)
        .get_other("/oparl/v1/body/{id}/agenda-items", web::agenda_item_list)
        .get_other("/oparl/v1/body/{id}/papers", web::paper_list)
        .get_other("/oparl/v1/body/{id}/files", web::file_list)
        .get_other("/oparl/v1/body/{id}/locations", web::location_list)
        .get_other("/oparl/v1/body/{id}/legislative-terms", web::term_list)
        .get_other("/oparl/v1/body/{id}/conference", web::conference)
        .get_other(
            "/oparl/v1/body/{id}/organization/{object}",
            web::organization,
        )
        .get_other("/oparl/v1/body/{id}/person/{object}", web::person)
        .get_other("/oparl/v1/body/{id}/membership/{object}", web::membership)
        .get_other("/oparl/v1/body/{id}/legislative-term/{object}", web::term)
        .get_other("/oparl/v1/meeting/{id}", web::meeting)
        .get_other("/oparl/v1/meeting/{id}/location", web::location)
        .get_other("/oparl/v1/meeting/{id}/invitation", web::invitation)
        .get_other("/oparl/v1/meeting/{id}/results-protocol", web::protocol)
        .get_other("/oparl/v1/agenda-item/{id}", web::agenda_item)
        .get_other("/oparl/v1/file/{id}", web::file)
}
