//! The authorisation decision for every route, in the order of the route
//! table's sections.

/// Who may call a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Everyone, signed in or not.
    Public,
    /// Any signed-in user.
    SignedIn,
    /// Users who may read the demo network: its member, coordinator, the
    /// supervisor of Mittelfranken, admins (not the other network's coordinator).
    ReadNetwork,
    /// The network's coordinator and admins.
    ManageNetwork,
    /// Who may edit the member's organisation: the member, the
    /// coordinator, admins.
    EditOrganization,
    Admin,
    /// One-time token pages: a bogus token is 404 for everybody.
    TokenLink,
    /// Who takes part in the network's conferences: its member, the
    /// coordinator, admins (supervisors only read).
    TakePart,
    /// An old URL: 308 to its new place for everybody.
    Redirect,
    /// The supervisor of the region and admins (not the network's own
    /// member or coordinator).
    Supervise,
    /// Statistics are installation-wide: administrators and the
    /// coordinator of any network (the outsider too) import them.
    ImportStatistics,
}

pub const RULES: &[(&str, &str, Rule)] = &[
    // shell
    ("GET", "/", Rule::Public),
    ("GET", "/about", Rule::Public),
    ("GET", "/healthz", Rule::Public),
    ("GET", "/assets/{file}", Rule::Public),
    ("GET", "/api/openapi.json", Rule::Public),
    // accounts
    ("GET", "/login", Rule::Public),
    ("POST", "/login", Rule::Public),
    ("POST", "/logout", Rule::Public),
    ("GET", "/setup/{token}", Rule::TokenLink),
    ("POST", "/setup/{token}", Rule::TokenLink),
    ("GET", "/password/forgot", Rule::Public),
    ("POST", "/password/forgot", Rule::Public),
    ("GET", "/password/reset/{token}", Rule::TokenLink),
    ("POST", "/password/reset/{token}", Rule::TokenLink),
    ("GET", "/account", Rule::SignedIn),
    ("POST", "/account/password", Rule::SignedIn),
    ("POST", "/account/tokens", Rule::SignedIn),
    ("POST", "/account/tokens/{id}/revoke", Rule::SignedIn),
    ("GET", "/admin/users", Rule::Admin),
    ("GET", "/admin/users/new", Rule::Admin),
    ("POST", "/admin/users/new", Rule::Admin),
    ("GET", "/admin/users/{id}/edit", Rule::Admin),
    ("POST", "/admin/users/{id}/edit", Rule::Admin),
    ("GET", "/admin/audit", Rule::Admin),
    ("GET", "/api/v1/me", Rule::SignedIn),
    // geography
    ("GET", "/regions", Rule::Public),
    ("GET", "/regions/{key}", Rule::Public),
    ("GET", "/api/v1/regions", Rule::Public),
    ("GET", "/api/v1/regions/{key}", Rule::Public),
    ("GET", "/api/v1/regions/{key}/boundary", Rule::Public),
    // network registry
    ("GET", "/networks", Rule::Public),
    ("POST", "/networks", Rule::Admin),
    ("GET", "/networks/new", Rule::Admin),
    ("GET", "/networks/{network_id}", Rule::ReadNetwork),
    ("POST", "/networks/{network_id}", Rule::ManageNetwork),
    ("GET", "/networks/{network_id}/edit", Rule::ManageNetwork),
    ("GET", "/networks/{network_id}/audit", Rule::ManageNetwork),
    (
        "GET",
        "/networks/{network_id}/organizations",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/organizations",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/organizations/new",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/memberships",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/memberships/{organization_id}/delete",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/export/organizations.csv",
        Rule::ReadNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/export/people.csv",
        Rule::ReadNetwork,
    ),
    ("GET", "/networks/{network_id}/import", Rule::ManageNetwork),
    ("POST", "/networks/{network_id}/import", Rule::ManageNetwork),
    ("GET", "/organizations/{organization_id}", Rule::ReadNetwork),
    (
        "POST",
        "/organizations/{organization_id}",
        Rule::EditOrganization,
    ),
    (
        "GET",
        "/organizations/{organization_id}/edit",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/organizations/{organization_id}/people",
        Rule::EditOrganization,
    ),
    (
        "GET",
        "/organizations/{organization_id}/people/new",
        Rule::EditOrganization,
    ),
    ("POST", "/people/{person_id}", Rule::EditOrganization),
    ("GET", "/people/{person_id}/edit", Rule::EditOrganization),
    ("GET", "/people/{person_id}/export", Rule::EditOrganization),
    ("POST", "/people/{person_id}/erase", Rule::EditOrganization),
    ("GET", "/api/v1/networks", Rule::Public),
    (
        "GET",
        "/api/v1/networks/{network_id}/organizations",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/organizations",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/api/v1/organizations/{organization_id}",
        Rule::ReadNetwork,
    ),
    (
        "PUT",
        "/api/v1/organizations/{organization_id}",
        Rule::EditOrganization,
    ),
    ("GET", "/api/v1/people/{person_id}", Rule::ReadNetwork),
    (
        "DELETE",
        "/api/v1/people/{person_id}",
        Rule::EditOrganization,
    ),
    // conferences
    ("GET", "/networks/{network_id}/meetings", Rule::ReadNetwork),
    (
        "POST",
        "/networks/{network_id}/meetings",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/meetings/settings",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/settings",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/meetings/new",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/edit",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/poll/options",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/poll/send",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/poll/choose",
        Rule::ManageNetwork,
    ),
    ("GET", "/p/{token}", Rule::TokenLink),
    ("POST", "/p/{token}", Rule::TokenLink),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/invite",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/update-invitation",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/cancel",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/agenda",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/agenda",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/move",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/delete",
        Rule::ManageNetwork,
    ),
    // conferences: attachments, proposals, attendance, minutes
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/attachments",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/attachments/{attachment_id}/delete",
        Rule::ManageNetwork,
    ),
    // A file of a public item of a public meeting is for everyone; the
    // download decides per file (an unknown one is 404 for everybody).
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/attachments/{attachment_id}",
        // The fixture's file is internal (a public one is walked via OParl).
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/proposals",
        Rule::TakePart,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/proposals/{proposal_id}/decide",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/held",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/attendance",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/attendance",
        Rule::ManageNetwork,
    ),
    // Approved minutes may be public; the fixture's meeting has none.
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/minutes",
        Rule::ReadNetwork,
    ),
    // The minute taker writes too; the fixture's meeting names none.
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/minutes",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/minutes/decisions",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/minutes/decisions/{decision_id}/delete",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/minutes/circulate",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/minutes/approve",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/minutes/comments",
        Rule::TakePart,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/minutes/visibility",
        Rule::ManageNetwork,
    ),
    ("GET", "/networks/{network_id}/meetings.ics", Rule::Public),
    ("GET", "/r/{token}", Rule::TokenLink),
    ("POST", "/r/{token}", Rule::TokenLink),
    // conferences: old page URLs
    ("GET", "/networks/{id}/conferences", Rule::Redirect),
    ("GET", "/networks/{id}/conferences/new", Rule::Redirect),
    ("GET", "/networks/{id}/conferences/settings", Rule::Redirect),
    ("GET", "/conferences/{id}", Rule::Redirect),
    ("GET", "/conferences/{id}/edit", Rule::Redirect),
    ("GET", "/conferences/{id}/agenda", Rule::Redirect),
    ("GET", "/conferences/{id}/attendance", Rule::Redirect),
    ("GET", "/conferences/{id}/minutes", Rule::Redirect),
    ("GET", "/attachments/{id}", Rule::Redirect),
    // offers
    ("GET", "/networks/{network_id}/offers", Rule::ReadNetwork),
    (
        "GET",
        "/networks/{network_id}/offers/new",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/offers",
        Rule::EditOrganization,
    ),
    (
        "GET",
        "/networks/{network_id}/offers/{offer_id}",
        Rule::Public,
    ),
    (
        "GET",
        "/networks/{network_id}/offers/{offer_id}/edit",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/offers/{offer_id}",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/offers/{offer_id}/status",
        Rule::EditOrganization,
    ),
    (
        "GET",
        "/networks/{network_id}/offers/{offer_id}/translations/{lang}",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/offers/{offer_id}/translations/{lang}",
        Rule::EditOrganization,
    ),
    ("GET", "/api/v1/offers", Rule::Public),
    ("GET", "/api/v1/offers.geojson", Rule::Public),
    (
        "GET",
        "/networks/{network_id}/offers/{offer_id}/contact-point",
        Rule::EditOrganization,
    ),
    (
        "POST",
        "/networks/{network_id}/offers/{offer_id}/contact-point",
        Rule::EditOrganization,
    ),
    ("GET", "/finder", Rule::Public),
    ("GET", "/api/v1/contact-points", Rule::Public),
    ("GET", "/search", Rule::Public),
    ("GET", "/networks/{network_id}/coverage", Rule::ReadNetwork),
    (
        "GET",
        "/api/v1/networks/{network_id}/coverage",
        Rule::ReadNetwork,
    ),
    ("GET", "/offers/{offer_id}", Rule::Redirect),
    ("GET", "/offers/{offer_id}/edit", Rule::Redirect),
    (
        "GET",
        "/offers/{offer_id}/translations/{lang}",
        Rule::Redirect,
    ),
    ("GET", "/offers/{offer_id}/contact-point", Rule::Redirect),
    // oparl
    ("GET", "/oparl/v1", Rule::Public),
    ("GET", "/oparl/v1/system", Rule::Public),
    ("GET", "/oparl/v1/bodies", Rule::Public),
    ("GET", "/oparl/v1/body/{id}", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/organizations", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/people", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/memberships", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/meetings", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/agenda-items", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/papers", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/files", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/locations", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/legislative-terms", Rule::Public),
    ("GET", "/oparl/v1/body/{id}/conference", Rule::Public),
    (
        "GET",
        "/oparl/v1/body/{id}/organization/{object}",
        Rule::Public,
    ),
    ("GET", "/oparl/v1/body/{id}/person/{object}", Rule::Public),
    (
        "GET",
        "/oparl/v1/body/{id}/membership/{object}",
        Rule::Public,
    ),
    (
        "GET",
        "/oparl/v1/body/{id}/legislative-term/{object}",
        Rule::Public,
    ),
    ("GET", "/oparl/v1/meeting/{id}", Rule::Public),
    ("GET", "/oparl/v1/meeting/{id}/location", Rule::Public),
    ("GET", "/oparl/v1/meeting/{id}/invitation", Rule::Public),
    (
        "GET",
        "/oparl/v1/meeting/{id}/results-protocol",
        Rule::Public,
    ),
    ("GET", "/oparl/v1/agenda-item/{id}", Rule::Public),
    ("GET", "/oparl/v1/file/{id}", Rule::Public),
    // Papers are published concerns; the fixture publishes none (404).
    ("GET", "/oparl/v1/paper/{id}", Rule::Public),
    ("GET", "/oparl/v1/paper/{id}/answer", Rule::Public),
    ("GET", "/oparl/v1/paper/{id}/consultation", Rule::Public),
    ("GET", "/oparl/v1/paper/{id}/letter", Rule::Public),
    ("GET", "/oparl/v1/paper/{id}/answer/document", Rule::Public),
    // offers upkeep
    ("GET", "/coverage", Rule::SignedIn),
    (
        "POST",
        "/networks/{network_id}/offers/{offer_id}/verify",
        Rule::EditOrganization,
    ),
    // action items, overview, personal calendar, conference API
    (
        "GET",
        "/networks/{network_id}/meetings/{meeting_id}/actions",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/actions",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/actions/{action_id}",
        Rule::ManageNetwork,
    ),
    (
        "POST",
        "/networks/{network_id}/meetings/{meeting_id}/agenda/open-actions",
        Rule::ManageNetwork,
    ),
    ("GET", "/networks/{network_id}/actions", Rule::ReadNetwork),
    (
        "GET",
        "/networks/{network_id}/actions/{action_id}",
        Rule::ReadNetwork,
    ),
    // The fixture's item is the member organisation's responsibility.
    (
        "POST",
        "/networks/{network_id}/actions/{action_id}/updates",
        Rule::EditOrganization,
    ),
    ("GET", "/overview", Rule::SignedIn),
    ("POST", "/account/calendar", Rule::SignedIn),
    ("GET", "/calendar/{token}", Rule::TokenLink),
    (
        "GET",
        "/api/v1/networks/{network_id}/meetings",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/meetings",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/api/v1/networks/{network_id}/meetings/{meeting_id}/agenda",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/meetings/{meeting_id}/agenda",
        Rule::ManageNetwork,
    ),
    (
        "GET",
        "/api/v1/networks/{network_id}/actions",
        Rule::ReadNetwork,
    ),
    (
        "POST",
        "/api/v1/networks/{network_id}/actions/{action_id}/updates",
        Rule::EditOrganization,
    ),
];
