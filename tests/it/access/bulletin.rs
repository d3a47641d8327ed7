//! The authorisation decisions for the bulletin routes (kept apart from
//! `rules.rs` so that neither list grows past a readable length).

use super::rules::Rule;

pub const RULES: &[(&str, &str, Rule)] = &[
    // bulletin
    ("GET", "/networks/{network_id}/posts", Rule::Public),
    ("POST", "/networks/{network_id}/posts", Rule::ReadNetwork),
    ("GET", "/networks/{network_id}/posts/new", Rule::ReadNetwork),
    ("GET", "/networks/{network_id}/posts/archive", Rule::Public),
    (
        "GET",
        "/networks/{network_id}/posts/settings",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/settings",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/posts/subscription",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/subscription",
        Rule::ReadNetwork,
    ),
    ("GET", "/networks/{network_id}/calendar", Rule::Public),
    // The fixture's post is an internal event with registration in ikon.
    (
        "GET",
        "/networks/{network_id}/posts/{post_id}",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/posts/{post_id}/edit",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}/status",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}/pin",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}/registration",
        Rule::ReadNetwork,
    ),
    // A post's files, an event's report (the fixture's event is ahead:
    // the allowed get 409) and sharing good practice (it is no good
    // practice: 409 for the supervisor and admins).
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}/files",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/posts/{post_id}/files/{file_id}",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}/files/{file_id}/delete",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}/report",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}/tasks",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/posts/{post_id}/share",
        Rule::Supervise,
    ),
    ("GET", "/networks/{network_id}/posts.atom", Rule::Public),
    ("GET", "/networks/{network_id}/posts.json", Rule::Public),
    ("GET", "/networks/{network_id}/posts.ics", Rule::Public),
    (
        "GET",
        "/networks/{network_id}/posts/{post_id}/event.ics",
        Rule::ReadNetwork,
    ),
    ("GET", "/unsubscribe/{token}", Rule::TokenLink),
    ("POST", "/unsubscribe/{token}", Rule::TokenLink),
    ("GET", "/api/v1/networks/{network_id}/posts", Rule::Public),
    (
        "GET",
        "/api/v1/networks/{network_id}/posts/{post_id}",
        Rule::ReadNetwork,
    ),
    // documents and open data exports
    ("GET", "/networks/{network_id}/wegweiser.pdf", Rule::Public),
    ("GET", "/api/v1/offers.csv", Rule::Public),
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/invitation.pdf",
        Rule::ReadNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/attendance.pdf",
        Rule::ReadNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/minutes.pdf",
        // The fixture's minutes are not circulated: for their writers only.
        Rule::ManageNetwork,
    ),
    // statistics (official open data)
    ("GET", "/api/v1/statistics/tables", Rule::Public),
    ("GET", "/api/v1/statistics/observations", Rule::Public),
    ("GET", "/api/v1/indicators", Rule::Public),
    ("GET", "/api/v1/indicators/{code}", Rule::Public),
    // The fixture's network has no published report: its situation page,
    // report and files are internal.
    ("GET", "/networks/{network_id}/situation", Rule::ReadNetwork),
    (
        "GET",
        "/networks/{network_id}/situation.csv",
        Rule::ReadNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/situation.json",
        Rule::ReadNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/situation-report.pdf",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/situation/commentaries/{indicator}",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/situation/report",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/situation/report",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/situation/report/publish",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/situation/report/withdraw",
        Rule::ManageNetwork,
    ),
    // groups with special needs, and the supervisor's comparison (walked
    // with the demo supervisor's Regierungsbezirk, 095)
    ("GET", "/networks/{network_id}/needs", Rule::ReadNetwork),
    ("POST", "/networks/{network_id}/needs", Rule::ManageNetwork),
    (
        "GET",
        "/networks/{network_id}/needs/new",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/needs/{need_id}",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/needs/{need_id}",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/needs/{need_id}/delete",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/api/v1/networks/{network_id}/needs",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/needs",
        Rule::ManageNetwork,
    ),
    ("GET", "/regions/{key}/situation", Rule::Supervise),
    // statistics import: installation-wide, administrators and every
    // network's coordinator
    ("GET", "/statistics/import", Rule::ImportStatistics),
    ("POST", "/statistics/import", Rule::ImportStatistics),
    (
        "GET",
        "/statistics/import/{upload_id}",
        Rule::ImportStatistics,
    ),
    (
        "POST",
        "/statistics/import/{upload_id}",
        Rule::ImportStatistics,
    ),
    (
        "POST",
        "/statistics/import/{upload_id}/mapping",
        Rule::ImportStatistics,
    ),
    (
        "POST",
        "/statistics/import/{upload_id}/discard",
        Rule::ImportStatistics,
    ),
    ("GET", "/api/v1/statistics/concentration", Rule::Public),
];
