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
    core::{
        paths,
        web::{assets, routes::RouteTable},
    },
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
    let t = bulletin(t);
    let t = oparl(t);
    let t = monitoring(t);
    coordination(t)
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
    use network::{import, memberships, networks, organizations, people};
    t.get(paths::NETWORKS, networks::list)
        .post(paths::NETWORKS, networks::create)
        .get(paths::NETWORK_NEW, networks::new_form)
        .get(paths::NETWORK, networks::show)
        .post(paths::NETWORK, networks::update)
        .get(paths::NETWORK_EDIT, networks::edit_form)
        .get(paths::NETWORK_AUDIT, networks::audit)
        .get(paths::ORGANIZATIONS, organizations::list)
        .post(paths::ORGANIZATIONS, organizations::create)
        .get(paths::ORGANIZATION_NEW, organizations::new_form)
        .post(paths::MEMBERSHIPS, memberships::add)
        .post(paths::MEMBERSHIP_DELETE, memberships::remove)
        .get_other(paths::EXPORT_ORGANIZATIONS, import::export_organizations)
        .get_other(paths::EXPORT_PEOPLE, import::export_people)
        .get(paths::IMPORT, import::form)
        .post(paths::IMPORT, import::submit)
        .get(paths::ORGANIZATION, organizations::show)
        .post(paths::ORGANIZATION, organizations::update)
        .get(paths::ORGANIZATION_EDIT, organizations::edit_form)
        .post(paths::PEOPLE, people::create)
        .get(paths::PERSON_NEW, people::new_form)
        .post(paths::PERSON, people::update)
        .get(paths::PERSON_EDIT, people::edit_form)
        .get_other(paths::PERSON_EXPORT, people::export)
        .post(paths::PERSON_ERASE, people::erase)
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
    use crate::core::{error::AppError, paths};
    use offers::{api, web};
    t.get(paths::OFFERS, web::offers::list)
        .post(paths::OFFERS, web::offers::create)
        .get(paths::OFFER_NEW, web::offers::new_form)
        .get(paths::OFFER, web::public::show)
        .post(paths::OFFER, web::offers::update)
        .get(paths::OFFER_EDIT, web::offers::edit_form)
        .post(paths::OFFER_STATUS, web::offers::change_status)
        .post(paths::OFFER_VERIFY, web::offers::verify)
        .get(paths::OFFER_TRANSLATION, web::translations::form)
        .post(paths::OFFER_TRANSLATION, web::translations::submit)
        .get(paths::OFFER_CONTACT_POINT, web::contact_points::form)
        .post(paths::OFFER_CONTACT_POINT, web::contact_points::submit)
        .get(paths::COVERAGE, web::coverage::network)
        .get(paths::COVERAGE_ALL, web::coverage::region)
        .get_other(paths::WEGWEISER_PDF, web::wegweiser::wegweiser)
        // public
        .get(paths::SEARCH, web::search::page)
        .get(paths::FINDER, web::finder::page)
        // API and open data
        .api(routes!(api::list))
        .api(routes!(api::geojson))
        .api(routes!(api::csv::csv))
        .api(routes!(api::api_find))
        .api(routes!(api::api_coverage))
        // old URLs of offers outside their network
        .redirect("/offers/{offer_id}", |app, values| async move {
            let (network_id, offer_id) = web::located(&app, &values).await?;
            Ok(paths::offer(network_id, offer_id))
        })
        .redirect("/offers/{offer_id}/edit", |app, values| async move {
            let (network_id, offer_id) = web::located(&app, &values).await?;
            Ok(paths::offer_edit(network_id, offer_id))
        })
        .redirect(
            "/offers/{offer_id}/translations/{lang}",
            |app, values| async move {
                let (network_id, offer_id) = web::located(&app, &values).await?;
                let lang = values.get(1).ok_or_else(AppError::not_found)?;
                Ok(paths::offer_translation(network_id, offer_id, lang))
            },
        )
        .redirect(
            "/offers/{offer_id}/contact-point",
            |app, values| async move {
                let (network_id, offer_id) = web::located(&app, &values).await?;
                Ok(paths::offer_contact_point(network_id, offer_id))
            },
        )
}

fn bulletin(t: RouteTable) -> RouteTable {
    use crate::bulletin::{api, web};
    use crate::core::paths::*;
    t.get(POSTS, web::posts::list)
        .post(POSTS, web::posts::create)
        .get(POST_NEW, web::posts::new_form)
        .get(POSTS_ARCHIVE, web::posts::archive)
        .get(BULLETIN_SETTINGS, web::posts::settings_form)
        .post(BULLETIN_SETTINGS, web::posts::settings_submit)
        .get(SUBSCRIPTION, web::subscriptions::form)
        .post(SUBSCRIPTION, web::subscriptions::submit)
        .get(BULLETIN_CALENDAR, web::calendar::page)
        .get(BULLETIN_POST, web::posts::show)
        .post(BULLETIN_POST, web::posts::update)
        .get(POST_EDIT, web::posts::edit_form)
        .post(POST_STATUS, web::posts::change_status)
        .post(POST_PIN, web::posts::pin)
        .post(POST_REGISTRATION, web::posts::registration)
        .post(POST_FILES, web::files::upload)
        .get_other(POST_FILE, web::files::download)
        .post(POST_FILE_DELETE, web::files::delete)
        .post(POST_REPORT, web::files::report)
        .post(POST_TASKS, web::tasks::add)
        .post(POST_SHARE, web::files::share)
        // feeds, for programs that sign in nowhere
        .get_other(POSTS_ATOM, web::feeds::atom)
        .get_other(POSTS_JSON, web::feeds::json)
        .get_other(POSTS_ICS, web::feeds::ics)
        .get_other(POST_ICS, web::feeds::post_ics)
        // the link in every mail
        .get(UNSUBSCRIBE, web::subscriptions::confirm)
        .post(UNSUBSCRIBE, web::subscriptions::submit_unsubscribe)
        .api(routes!(api::list_posts))
        .api(routes!(api::get_post))
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
        .get_other("/oparl/v1/paper/{id}", web::papers::paper)
        .get_other("/oparl/v1/paper/{id}/answer", web::papers::answer)
        .get_other(
            "/oparl/v1/paper/{id}/consultation",
            web::papers::consultation,
        )
        .get_other("/oparl/v1/paper/{id}/letter", web::papers::letter)
        .get_other(
            "/oparl/v1/paper/{id}/answer/document",
            web::papers::answer_document,
        )
}

fn monitoring(t: RouteTable) -> RouteTable {
    use crate::core::paths::*;
    use crate::monitoring::{api, comparison, needs, report, web, web_import, web_mapping};
    t.get(SITUATION, web::situation)
        .post(SITUATION_COMMENTARY, report::web::save_commentary)
        .get(SITUATION_REPORT, report::web::report)
        .post(SITUATION_REPORT, report::web::save_report)
        .post(SITUATION_REPORT_PUBLISH, report::web::publish)
        .post(SITUATION_REPORT_WITHDRAW, report::web::withdraw)
        .get_other(SITUATION_REPORT_PDF, report::pdf::download)
        .get_other(SITUATION_CSV, report::downloads::csv)
        .get_other(SITUATION_JSON, report::downloads::json)
        .get(REGION_SITUATION, comparison::page)
        .get(NEEDS, needs::web::list)
        .post(NEEDS, needs::web::create)
        .get(NEED_NEW, needs::web::new_form)
        .get(NEED, needs::web::show)
        .post(NEED, needs::web::update)
        .post(NEED_DELETE, needs::web::delete)
        .api(routes!(needs::api::list, needs::api::create))
        .get(STATISTICS_IMPORT, web_import::page)
        .post(STATISTICS_IMPORT, web_import::upload)
        .get(STATISTICS_UPLOAD, web_import::show)
        .post(STATISTICS_UPLOAD, web_import::confirm)
        .post(STATISTICS_UPLOAD_MAPPING, web_mapping::submit)
        .post(STATISTICS_UPLOAD_DISCARD, web_import::discard)
        .api(routes!(api::tables))
        .api(routes!(api::observations))
        .api(routes!(api::indicators))
        .api(routes!(api::indicator))
        .api(routes!(api::concentration))
}

fn coordination(t: RouteTable) -> RouteTable {
    use crate::coordination::{
        concerns, projects,
        responsibilities::{api, downloads, web},
    };
    use crate::core::paths::*;
    t.get(RESPONSIBILITIES, web::matrix)
        .post(RESPONSIBILITIES, web::create)
        .get(AGREEMENT_NEW, web::new_form)
        .post(RESPONSIBILITIES_AGENDA, web::propose_for_agenda)
        .get_other(RESPONSIBILITIES_CSV, downloads::csv)
        .get_other(RESPONSIBILITIES_XLSX, downloads::xlsx)
        .get_other(RESPONSIBILITIES_PDF, downloads::pdf)
        .get(AGREEMENT, web::show)
        .post(AGREEMENT, web::update)
        .post(AGREEMENT_DELETE, web::delete)
        .api(routes!(api::matrix, api::create))
        .get(PROJECTS, projects::web::list)
        .post(PROJECTS, projects::web::create)
        .get(PROJECT_NEW, projects::web::new_form)
        .get_other(PROJECTS_CSV, projects::web::export)
        .get(PROJECTS_IMPORT, projects::web::import_form)
        .post(PROJECTS_IMPORT, projects::web::import)
        .get(PROJECT_STATUSES, projects::statuses_web::statuses_form)
        .post(PROJECT_STATUSES, projects::statuses_web::statuses_submit)
        .get(PROJECT, projects::web::show)
        .post(PROJECT, projects::web::update)
        .get(PROJECT_EDIT, projects::web::edit_form)
        .post(PROJECT_DECIDE, projects::web::decide)
        .post(PROJECT_PROGRESS, projects::web::progress)
        .post(PROJECT_MILESTONES, projects::web::add_milestone)
        .post(PROJECT_MILESTONE, projects::web::edit_milestone)
        .post(PROJECT_FUNDING, projects::web::add_funding)
        .post(PROJECT_TARGETS, projects::web_links::add_target)
        .post(PROJECT_ACTIONS, projects::web_links::attach_action)
        .post(PROJECT_ACTION_DETACH, projects::web_links::detach_action)
        .api(routes!(projects::api::list, projects::api::create))
        .api(routes!(projects::api::progress))
        .get(CONCERNS, concerns::web::list)
        .post(CONCERNS, concerns::web::create)
        .get(CONCERN_NEW, concerns::web::new_form)
        .get(CONCERN, concerns::web::show)
        .post(CONCERN, concerns::web::update)
        .post(CONCERN_TRANSITIONS, concerns::web::transition)
        .get_other(CONCERN_LETTER, concerns::documents::letter_pdf)
        .get_other(
            CONCERN_ANSWER_DOCUMENT,
            concerns::documents::answer_document,
        )
        .post(CONCERN_ANSWER_DOCUMENT, concerns::documents::upload_answer)
        .post(CONCERN_PUBLICATION, concerns::public::set)
        .get(PUBLIC_CONCERNS, concerns::public::list)
        .get(PUBLIC_CONCERN, concerns::public::show)
        .get(CONCERNS_OVERVIEW, concerns::overview::page)
        .api(routes!(concerns::api::list, concerns::api::create))
        .api(routes!(concerns::api::transition))
}
