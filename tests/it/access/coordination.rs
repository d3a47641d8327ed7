//! The authorisation decisions for the coordination routes (kept apart
//! from `rules.rs` so that neither list grows past a readable length).

use super::rules::Rule;

pub const RULES: &[(&str, &str, Rule)] = &[
    // coordination: the responsibility matrix
    (
        "GET",
        "/networks/{network_id}/responsibilities",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/responsibilities",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/responsibilities/new",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/responsibilities.csv",
        Rule::ReadNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/responsibilities/{agreement_id}",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/responsibilities/{agreement_id}",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/responsibilities/{agreement_id}/delete",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/api/v1/networks/{network_id}/responsibilities",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/responsibilities",
        Rule::ManageNetwork,
    ),
    // coordination: joint projects (the fixture's project is proposed by
    // the member's organisation, which also leads it)
    ("GET", "/networks/{network_id}/projects", Rule::ReadNetwork),
    ("POST", "/networks/{network_id}/projects", Rule::TakePart),
    ("GET", "/networks/{network_id}/projects/new", Rule::TakePart),
    (
        "GET",
        "/networks/{network_id}/projects.csv",
        Rule::ReadNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/projects/import",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/projects/import",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/projects/statuses",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/projects/statuses",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/projects/{project_id}",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/projects/{project_id}",
        Rule::EditOrganization,
    ),
    (
        "GET",
        "/networks/{network_id}/projects/{project_id}/edit",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/projects/{project_id}/decide",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/projects/{project_id}/progress",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/projects/{project_id}/milestones",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/projects/{project_id}/milestones/{milestone_id}",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/projects/{project_id}/funding",
        Rule::EditOrganization,
    ),
    (
        "GET",
        "/api/v1/networks/{network_id}/projects",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/projects",
        Rule::TakePart,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/projects/{project_id}/progress",
        Rule::EditOrganization,
    ),
    // concerns (the fixture's concern is a draft of the member's
    // organisation)
    ("GET", "/networks/{network_id}/concerns", Rule::ReadNetwork),
    ("POST", "/networks/{network_id}/concerns", Rule::TakePart),
    ("GET", "/networks/{network_id}/concerns/new", Rule::TakePart),
    (
        "GET",
        "/networks/{network_id}/concerns/{concern_id}",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/concerns/{concern_id}",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/concerns/{concern_id}/transitions",
        Rule::EditOrganization,
    ),
    (
        "GET",
        "/api/v1/networks/{network_id}/concerns",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/concerns",
        Rule::TakePart,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/concerns/{concern_id}/transitions",
        Rule::EditOrganization,
    ),
];
