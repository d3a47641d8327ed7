//! Every URL of ikon's HTML pages, in one place (see docs/API-DESIGN.md).
//!
//! Each entry is both the route pattern the route table registers
//! (`paths::MEETING`) and a typed builder for links (`paths::meeting(n, m)`),
//! so a link cannot point where no route is. Templates build links with
//! `path("meeting", network.id, meeting.id)`, which checks the name and
//! the number of arguments and fails the render otherwise. No handler or
//! template assembles a URL string by hand.

use std::fmt::Display;

use crate::core::ids::{
    ActionItemId, AgendaItemId, AgreementId, AttachmentId, ConcernId, DecisionId, MeetingId,
    MilestoneId, NeedId, NetworkId, OfferId, OrganizationId, PersonId, PostFileId, PostId,
    ProjectId, ProposalId, TokenId, UserId,
};

/// Fills the `{…}` placeholders of `pattern` in order, percent-encoding
/// each value as one path segment.
fn fill(pattern: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut args = args.iter();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("closed placeholder");
        let value = args
            .next()
            .expect("an argument per placeholder")
            .to_string();
        out.extend(
            url::form_urlencoded::byte_serialize(value.as_bytes()).map(|s| {
                // A path segment keeps spaces as %20, not '+'.
                if s == "+" { "%20" } else { s }
            }),
        );
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

macro_rules! paths {
    ($( $(#[$doc:meta])* $name:ident, $CONST:ident = $pattern:literal ($($arg:ident: $ty:ty),*); )*) => {
        $(
            pub const $CONST: &str = $pattern;
            $(#[$doc])*
            pub fn $name($($arg: $ty),*) -> String {
                fill($pattern, &[$(&$arg),*])
            }
        )*
        /// Every path by its template name.
        pub const ALL: &[(&str, &str)] = &[$((stringify!($name), $pattern)),*];
    };
}

paths! {
    // ── shell ──────────────────────────────────────────────────────────
    home, HOME = "/" ();
    about, ABOUT = "/about" ();
    healthz, HEALTHZ = "/healthz" ();
    asset, ASSET = "/assets/{file}" (file: &str);
    openapi, OPENAPI = "/api/openapi.json" ();
    // ── geography ──────────────────────────────────────────────────────
    regions, REGIONS = "/regions" ();
    region, REGION = "/regions/{key}" (key: &str);
    // ── accounts ───────────────────────────────────────────────────────
    login, LOGIN = "/login" ();
    logout, LOGOUT = "/logout" ();
    setup, SETUP = "/setup/{token}" (token: &str);
    password_forgot, PASSWORD_FORGOT = "/password/forgot" ();
    password_reset, PASSWORD_RESET = "/password/reset/{token}" (token: &str);
    account, ACCOUNT = "/account" ();
    account_password, ACCOUNT_PASSWORD = "/account/password" ();
    account_tokens, ACCOUNT_TOKENS = "/account/tokens" ();
    account_token_revoke, ACCOUNT_TOKEN_REVOKE = "/account/tokens/{token_id}/revoke" (token_id: TokenId);
    account_calendar, ACCOUNT_CALENDAR = "/account/calendar" ();
    calendar_feed, CALENDAR_FEED = "/calendar/{token}" (token: &str);
    users, USERS = "/admin/users" ();
    user_new, USER_NEW = "/admin/users/new" ();
    user, USER = "/admin/users/{user_id}" (user_id: UserId);
    user_edit, USER_EDIT = "/admin/users/{user_id}/edit" (user_id: UserId);
    audit_all, AUDIT_ALL = "/admin/audit" ();
    // ── across networks (supervisors) ──────────────────────────────────
    overview, OVERVIEW = "/overview" ();
    coverage_all, COVERAGE_ALL = "/coverage" ();
    // ── network registry ───────────────────────────────────────────────
    networks, NETWORKS = "/networks" ();
    network_new, NETWORK_NEW = "/networks/new" ();
    network, NETWORK = "/networks/{network_id}" (network_id: NetworkId);
    network_edit, NETWORK_EDIT = "/networks/{network_id}/edit" (network_id: NetworkId);
    network_audit, NETWORK_AUDIT = "/networks/{network_id}/audit" (network_id: NetworkId);
    organizations, ORGANIZATIONS = "/networks/{network_id}/organizations" (network_id: NetworkId);
    organization_new, ORGANIZATION_NEW = "/networks/{network_id}/organizations/new" (network_id: NetworkId);
    memberships, MEMBERSHIPS = "/networks/{network_id}/memberships" (network_id: NetworkId);
    membership_delete, MEMBERSHIP_DELETE = "/networks/{network_id}/memberships/{organization_id}/delete" (network_id: NetworkId, organization_id: OrganizationId);
    export_organizations, EXPORT_ORGANIZATIONS = "/networks/{network_id}/export/organizations.csv" (network_id: NetworkId);
    export_people, EXPORT_PEOPLE = "/networks/{network_id}/export/people.csv" (network_id: NetworkId);
    import, IMPORT = "/networks/{network_id}/import" (network_id: NetworkId);
    organization, ORGANIZATION = "/organizations/{organization_id}" (organization_id: OrganizationId);
    organization_edit, ORGANIZATION_EDIT = "/organizations/{organization_id}/edit" (organization_id: OrganizationId);
    people, PEOPLE = "/organizations/{organization_id}/people" (organization_id: OrganizationId);
    person_new, PERSON_NEW = "/organizations/{organization_id}/people/new" (organization_id: OrganizationId);
    person, PERSON = "/people/{person_id}" (person_id: PersonId);
    person_edit, PERSON_EDIT = "/people/{person_id}/edit" (person_id: PersonId);
    person_export, PERSON_EXPORT = "/people/{person_id}/export" (person_id: PersonId);
    person_erase, PERSON_ERASE = "/people/{person_id}/erase" (person_id: PersonId);
    // ── conferences ────────────────────────────────────────────────────
    meetings, MEETINGS = "/networks/{network_id}/meetings" (network_id: NetworkId);
    meeting_new, MEETING_NEW = "/networks/{network_id}/meetings/new" (network_id: NetworkId);
    conference_settings, CONFERENCE_SETTINGS = "/networks/{network_id}/meetings/settings" (network_id: NetworkId);
    meetings_ics, MEETINGS_ICS = "/networks/{network_id}/meetings.ics" (network_id: NetworkId);
    meeting, MEETING = "/networks/{network_id}/meetings/{meeting_id}" (network_id: NetworkId, meeting_id: MeetingId);
    meeting_edit, MEETING_EDIT = "/networks/{network_id}/meetings/{meeting_id}/edit" (network_id: NetworkId, meeting_id: MeetingId);
    poll_options, POLL_OPTIONS = "/networks/{network_id}/meetings/{meeting_id}/poll/options" (network_id: NetworkId, meeting_id: MeetingId);
    poll_send, POLL_SEND = "/networks/{network_id}/meetings/{meeting_id}/poll/send" (network_id: NetworkId, meeting_id: MeetingId);
    poll_choose, POLL_CHOOSE = "/networks/{network_id}/meetings/{meeting_id}/poll/choose" (network_id: NetworkId, meeting_id: MeetingId);
    meeting_invite, MEETING_INVITE = "/networks/{network_id}/meetings/{meeting_id}/invite" (network_id: NetworkId, meeting_id: MeetingId);
    meeting_update_invitation, MEETING_UPDATE_INVITATION = "/networks/{network_id}/meetings/{meeting_id}/update-invitation" (network_id: NetworkId, meeting_id: MeetingId);
    meeting_cancel, MEETING_CANCEL = "/networks/{network_id}/meetings/{meeting_id}/cancel" (network_id: NetworkId, meeting_id: MeetingId);
    meeting_held, MEETING_HELD = "/networks/{network_id}/meetings/{meeting_id}/held" (network_id: NetworkId, meeting_id: MeetingId);
    agenda, AGENDA = "/networks/{network_id}/meetings/{meeting_id}/agenda" (network_id: NetworkId, meeting_id: MeetingId);
    agenda_item, AGENDA_ITEM = "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}" (network_id: NetworkId, meeting_id: MeetingId, item_id: AgendaItemId);
    agenda_item_move, AGENDA_ITEM_MOVE = "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/move" (network_id: NetworkId, meeting_id: MeetingId, item_id: AgendaItemId);
    agenda_item_delete, AGENDA_ITEM_DELETE = "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/delete" (network_id: NetworkId, meeting_id: MeetingId, item_id: AgendaItemId);
    agenda_open_actions, AGENDA_OPEN_ACTIONS = "/networks/{network_id}/meetings/{meeting_id}/agenda/open-actions" (network_id: NetworkId, meeting_id: MeetingId);
    attachments, ATTACHMENTS = "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/attachments" (network_id: NetworkId, meeting_id: MeetingId, item_id: AgendaItemId);
    attachment, ATTACHMENT = "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/attachments/{attachment_id}" (network_id: NetworkId, meeting_id: MeetingId, item_id: AgendaItemId, attachment_id: AttachmentId);
    attachment_delete, ATTACHMENT_DELETE = "/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/attachments/{attachment_id}/delete" (network_id: NetworkId, meeting_id: MeetingId, item_id: AgendaItemId, attachment_id: AttachmentId);
    proposals, PROPOSALS = "/networks/{network_id}/meetings/{meeting_id}/proposals" (network_id: NetworkId, meeting_id: MeetingId);
    proposal_decide, PROPOSAL_DECIDE = "/networks/{network_id}/meetings/{meeting_id}/proposals/{proposal_id}/decide" (network_id: NetworkId, meeting_id: MeetingId, proposal_id: ProposalId);
    attendance, ATTENDANCE = "/networks/{network_id}/meetings/{meeting_id}/attendance" (network_id: NetworkId, meeting_id: MeetingId);
    minutes, MINUTES = "/networks/{network_id}/meetings/{meeting_id}/minutes" (network_id: NetworkId, meeting_id: MeetingId);
    decisions, DECISIONS = "/networks/{network_id}/meetings/{meeting_id}/minutes/decisions" (network_id: NetworkId, meeting_id: MeetingId);
    decision_delete, DECISION_DELETE = "/networks/{network_id}/meetings/{meeting_id}/minutes/decisions/{decision_id}/delete" (network_id: NetworkId, meeting_id: MeetingId, decision_id: DecisionId);
    minutes_circulate, MINUTES_CIRCULATE = "/networks/{network_id}/meetings/{meeting_id}/minutes/circulate" (network_id: NetworkId, meeting_id: MeetingId);
    minutes_approve, MINUTES_APPROVE = "/networks/{network_id}/meetings/{meeting_id}/minutes/approve" (network_id: NetworkId, meeting_id: MeetingId);
    minutes_comments, MINUTES_COMMENTS = "/networks/{network_id}/meetings/{meeting_id}/minutes/comments" (network_id: NetworkId, meeting_id: MeetingId);
    minutes_visibility, MINUTES_VISIBILITY = "/networks/{network_id}/meetings/{meeting_id}/minutes/visibility" (network_id: NetworkId, meeting_id: MeetingId);
    meeting_actions, MEETING_ACTIONS = "/networks/{network_id}/meetings/{meeting_id}/actions" (network_id: NetworkId, meeting_id: MeetingId);
    /// Changes an action item recorded for this meeting (its form is on the meeting's actions page).
    meeting_action, MEETING_ACTION = "/networks/{network_id}/meetings/{meeting_id}/actions/{action_id}" (network_id: NetworkId, meeting_id: MeetingId, action_id: ActionItemId);
    invitation_pdf, INVITATION_PDF = "/networks/{network_id}/meetings/{meeting_id}/invitation.pdf" (network_id: NetworkId, meeting_id: MeetingId);
    attendance_pdf, ATTENDANCE_PDF = "/networks/{network_id}/meetings/{meeting_id}/attendance.pdf" (network_id: NetworkId, meeting_id: MeetingId);
    minutes_pdf, MINUTES_PDF = "/networks/{network_id}/meetings/{meeting_id}/minutes.pdf" (network_id: NetworkId, meeting_id: MeetingId);
    actions, ACTIONS = "/networks/{network_id}/actions" (network_id: NetworkId);
    action, ACTION = "/networks/{network_id}/actions/{action_id}" (network_id: NetworkId, action_id: ActionItemId);
    action_updates, ACTION_UPDATES = "/networks/{network_id}/actions/{action_id}/updates" (network_id: NetworkId, action_id: ActionItemId);
    poll_link, POLL_LINK = "/p/{token}" (token: &str);
    rsvp_link, RSVP_LINK = "/r/{token}" (token: &str);
    // ── offers ─────────────────────────────────────────────────────────
    offers, OFFERS = "/networks/{network_id}/offers" (network_id: NetworkId);
    offer_new, OFFER_NEW = "/networks/{network_id}/offers/new" (network_id: NetworkId);
    offer, OFFER = "/networks/{network_id}/offers/{offer_id}" (network_id: NetworkId, offer_id: OfferId);
    offer_edit, OFFER_EDIT = "/networks/{network_id}/offers/{offer_id}/edit" (network_id: NetworkId, offer_id: OfferId);
    offer_status, OFFER_STATUS = "/networks/{network_id}/offers/{offer_id}/status" (network_id: NetworkId, offer_id: OfferId);
    offer_verify, OFFER_VERIFY = "/networks/{network_id}/offers/{offer_id}/verify" (network_id: NetworkId, offer_id: OfferId);
    offer_translation, OFFER_TRANSLATION = "/networks/{network_id}/offers/{offer_id}/translations/{lang}" (network_id: NetworkId, offer_id: OfferId, lang: &str);
    offer_contact_point, OFFER_CONTACT_POINT = "/networks/{network_id}/offers/{offer_id}/contact-point" (network_id: NetworkId, offer_id: OfferId);
    coverage, COVERAGE = "/networks/{network_id}/coverage" (network_id: NetworkId);
    wegweiser_pdf, WEGWEISER_PDF = "/networks/{network_id}/wegweiser.pdf" (network_id: NetworkId);
    finder, FINDER = "/finder" ();
    search, SEARCH = "/search" ();
    // ── situation analysis ─────────────────────────────────────────────
    situation, SITUATION = "/networks/{network_id}/situation" (network_id: NetworkId);
    needs, NEEDS = "/networks/{network_id}/needs" (network_id: NetworkId);
    need_new, NEED_NEW = "/networks/{network_id}/needs/new" (network_id: NetworkId);
    need, NEED = "/networks/{network_id}/needs/{need_id}" (network_id: NetworkId, need_id: NeedId);
    need_delete, NEED_DELETE = "/networks/{network_id}/needs/{need_id}/delete" (network_id: NetworkId, need_id: NeedId);
    region_situation, REGION_SITUATION = "/regions/{key}/situation" (key: &str);
    situation_csv, SITUATION_CSV = "/networks/{network_id}/situation.csv" (network_id: NetworkId);
    situation_json, SITUATION_JSON = "/networks/{network_id}/situation.json" (network_id: NetworkId);
    situation_commentary, SITUATION_COMMENTARY = "/networks/{network_id}/situation/commentaries/{indicator}" (network_id: NetworkId, indicator: &str);
    situation_report, SITUATION_REPORT = "/networks/{network_id}/situation/report" (network_id: NetworkId);
    situation_report_publish, SITUATION_REPORT_PUBLISH = "/networks/{network_id}/situation/report/publish" (network_id: NetworkId);
    situation_report_withdraw, SITUATION_REPORT_WITHDRAW = "/networks/{network_id}/situation/report/withdraw" (network_id: NetworkId);
    situation_report_pdf, SITUATION_REPORT_PDF = "/networks/{network_id}/situation-report.pdf" (network_id: NetworkId);
    statistics_import, STATISTICS_IMPORT = "/statistics/import" ();
    statistics_upload, STATISTICS_UPLOAD = "/statistics/import/{upload_id}" (upload_id: &str);
    statistics_upload_mapping, STATISTICS_UPLOAD_MAPPING = "/statistics/import/{upload_id}/mapping" (upload_id: &str);
    statistics_upload_discard, STATISTICS_UPLOAD_DISCARD = "/statistics/import/{upload_id}/discard" (upload_id: &str);
    // ── bulletin ───────────────────────────────────────────────────────
    posts, POSTS = "/networks/{network_id}/posts" (network_id: NetworkId);
    post_new, POST_NEW = "/networks/{network_id}/posts/new" (network_id: NetworkId);
    posts_archive, POSTS_ARCHIVE = "/networks/{network_id}/posts/archive" (network_id: NetworkId);
    bulletin_settings, BULLETIN_SETTINGS = "/networks/{network_id}/posts/settings" (network_id: NetworkId);
    subscription, SUBSCRIPTION = "/networks/{network_id}/posts/subscription" (network_id: NetworkId);
    posts_atom, POSTS_ATOM = "/networks/{network_id}/posts.atom" (network_id: NetworkId);
    posts_json, POSTS_JSON = "/networks/{network_id}/posts.json" (network_id: NetworkId);
    posts_ics, POSTS_ICS = "/networks/{network_id}/posts.ics" (network_id: NetworkId);
    bulletin_calendar, BULLETIN_CALENDAR = "/networks/{network_id}/calendar" (network_id: NetworkId);
    post, BULLETIN_POST = "/networks/{network_id}/posts/{post_id}" (network_id: NetworkId, post_id: PostId);
    post_edit, POST_EDIT = "/networks/{network_id}/posts/{post_id}/edit" (network_id: NetworkId, post_id: PostId);
    post_status, POST_STATUS = "/networks/{network_id}/posts/{post_id}/status" (network_id: NetworkId, post_id: PostId);
    post_pin, POST_PIN = "/networks/{network_id}/posts/{post_id}/pin" (network_id: NetworkId, post_id: PostId);
    post_ics, POST_ICS = "/networks/{network_id}/posts/{post_id}/event.ics" (network_id: NetworkId, post_id: PostId);
    post_registration, POST_REGISTRATION = "/networks/{network_id}/posts/{post_id}/registration" (network_id: NetworkId, post_id: PostId);
    post_files, POST_FILES = "/networks/{network_id}/posts/{post_id}/files" (network_id: NetworkId, post_id: PostId);
    post_file, POST_FILE = "/networks/{network_id}/posts/{post_id}/files/{file_id}" (network_id: NetworkId, post_id: PostId, file_id: PostFileId);
    post_file_delete, POST_FILE_DELETE = "/networks/{network_id}/posts/{post_id}/files/{file_id}/delete" (network_id: NetworkId, post_id: PostId, file_id: PostFileId);
    post_report, POST_REPORT = "/networks/{network_id}/posts/{post_id}/report" (network_id: NetworkId, post_id: PostId);
    post_tasks, POST_TASKS = "/networks/{network_id}/posts/{post_id}/tasks" (network_id: NetworkId, post_id: PostId);
    post_share, POST_SHARE = "/networks/{network_id}/posts/{post_id}/share" (network_id: NetworkId, post_id: PostId);
    unsubscribe, UNSUBSCRIBE = "/unsubscribe/{token}" (token: &str);
    // ── coordination ───────────────────────────────────────────────────
    responsibilities, RESPONSIBILITIES = "/networks/{network_id}/responsibilities" (network_id: NetworkId);
    responsibilities_csv, RESPONSIBILITIES_CSV = "/networks/{network_id}/responsibilities.csv" (network_id: NetworkId);
    responsibilities_xlsx, RESPONSIBILITIES_XLSX = "/networks/{network_id}/responsibilities.xlsx" (network_id: NetworkId);
    responsibilities_pdf, RESPONSIBILITIES_PDF = "/networks/{network_id}/responsibilities.pdf" (network_id: NetworkId);
    responsibilities_agenda, RESPONSIBILITIES_AGENDA = "/networks/{network_id}/responsibilities/agenda" (network_id: NetworkId);
    agreement_new, AGREEMENT_NEW = "/networks/{network_id}/responsibilities/new" (network_id: NetworkId);
    agreement, AGREEMENT = "/networks/{network_id}/responsibilities/{agreement_id}" (network_id: NetworkId, agreement_id: AgreementId);
    agreement_delete, AGREEMENT_DELETE = "/networks/{network_id}/responsibilities/{agreement_id}/delete" (network_id: NetworkId, agreement_id: AgreementId);
    projects, PROJECTS = "/networks/{network_id}/projects" (network_id: NetworkId);
    project_new, PROJECT_NEW = "/networks/{network_id}/projects/new" (network_id: NetworkId);
    projects_csv, PROJECTS_CSV = "/networks/{network_id}/projects.csv" (network_id: NetworkId);
    projects_import, PROJECTS_IMPORT = "/networks/{network_id}/projects/import" (network_id: NetworkId);
    project_statuses, PROJECT_STATUSES = "/networks/{network_id}/projects/statuses" (network_id: NetworkId);
    project, PROJECT = "/networks/{network_id}/projects/{project_id}" (network_id: NetworkId, project_id: ProjectId);
    project_edit, PROJECT_EDIT = "/networks/{network_id}/projects/{project_id}/edit" (network_id: NetworkId, project_id: ProjectId);
    project_decide, PROJECT_DECIDE = "/networks/{network_id}/projects/{project_id}/decide" (network_id: NetworkId, project_id: ProjectId);
    project_progress, PROJECT_PROGRESS = "/networks/{network_id}/projects/{project_id}/progress" (network_id: NetworkId, project_id: ProjectId);
    project_milestones, PROJECT_MILESTONES = "/networks/{network_id}/projects/{project_id}/milestones" (network_id: NetworkId, project_id: ProjectId);
    project_milestone, PROJECT_MILESTONE = "/networks/{network_id}/projects/{project_id}/milestones/{milestone_id}" (network_id: NetworkId, project_id: ProjectId, milestone_id: MilestoneId);
    project_funding, PROJECT_FUNDING = "/networks/{network_id}/projects/{project_id}/funding" (network_id: NetworkId, project_id: ProjectId);
    project_actions, PROJECT_ACTIONS = "/networks/{network_id}/projects/{project_id}/actions" (network_id: NetworkId, project_id: ProjectId);
    project_action_detach, PROJECT_ACTION_DETACH = "/networks/{network_id}/projects/{project_id}/actions/{action_id}/detach" (network_id: NetworkId, project_id: ProjectId, action_id: ActionItemId);
    project_targets, PROJECT_TARGETS = "/networks/{network_id}/projects/{project_id}/targets" (network_id: NetworkId, project_id: ProjectId);
    concerns, CONCERNS = "/networks/{network_id}/concerns" (network_id: NetworkId);
    concern_new, CONCERN_NEW = "/networks/{network_id}/concerns/new" (network_id: NetworkId);
    concern, CONCERN = "/networks/{network_id}/concerns/{concern_id}" (network_id: NetworkId, concern_id: ConcernId);
    concern_transitions, CONCERN_TRANSITIONS = "/networks/{network_id}/concerns/{concern_id}/transitions" (network_id: NetworkId, concern_id: ConcernId);
    concern_letter, CONCERN_LETTER = "/networks/{network_id}/concerns/{concern_id}/letter.pdf" (network_id: NetworkId, concern_id: ConcernId);
    concern_answer_document, CONCERN_ANSWER_DOCUMENT = "/networks/{network_id}/concerns/{concern_id}/answer-document" (network_id: NetworkId, concern_id: ConcernId);
    concern_publication, CONCERN_PUBLICATION = "/networks/{network_id}/concerns/publication" (network_id: NetworkId);
    public_concerns, PUBLIC_CONCERNS = "/networks/{network_id}/concerns/public" (network_id: NetworkId);
    public_concern, PUBLIC_CONCERN = "/networks/{network_id}/concerns/{concern_id}/public" (network_id: NetworkId, concern_id: ConcernId);
    concerns_overview, CONCERNS_OVERVIEW = "/concerns" ();
}

/// A path on this site that is safe to send the browser to (after login,
/// "back to" links): it starts with one `/`, and holds no backslash, no
/// white space and no control character — browsers drop tabs and line
/// breaks and read `\` as `/`, so `/\t/evil.example` would become
/// `//evil.example`, another site.
pub fn local_path(value: &str) -> Option<&str> {
    let mut chars = value.chars();
    let ok = chars.next() == Some('/')
        && !matches!(chars.next(), Some('/'))
        && !value
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control());
    ok.then_some(value)
}

/// `path(name, args…)` for templates: the same builders, looked up by
/// name; a wrong name or argument count fails the render. The result is
/// marked safe: every value is percent-encoded, so nothing in it needs
/// HTML escaping (and the page shows `/networks/3`, not `&#x2f;networks…`).
pub fn template_function(
    name: &str,
    args: minijinja::value::Rest<minijinja::Value>,
) -> Result<minijinja::Value, minijinja::Error> {
    let invalid = |why: String| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, why);
    let pattern = ALL
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| *p)
        .ok_or_else(|| invalid(format!("no path named {name}")))?;
    let wanted = pattern.matches('{').count();
    if args.len() != wanted {
        return Err(invalid(format!(
            "path {name} takes {wanted} arguments, got {}",
            args.len()
        )));
    }
    let mut values = Vec::with_capacity(args.len());
    for value in args.iter() {
        if value.is_undefined() || value.is_none() {
            return Err(invalid(format!("path {name} got an empty argument")));
        }
        values.push(value.to_string());
    }
    let shown: Vec<&dyn Display> = values.iter().map(|v| v as &dyn Display).collect();
    Ok(minijinja::Value::from_safe_string(fill(pattern, &shown)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_fill_their_pattern() {
        assert_eq!(
            agenda_item(NetworkId(3), MeetingId(17), AgendaItemId(5)),
            "/networks/3/meetings/17/agenda/5"
        );
        assert_eq!(region("09 575"), "/regions/09%20575");
        assert_eq!(home(), "/");
        assert_eq!(
            offer_translation(NetworkId(1), OfferId(2), "ar"),
            "/networks/1/offers/2/translations/ar"
        );
    }

    #[test]
    fn only_same_site_paths_are_local() {
        assert_eq!(local_path("/networks/1?x=y"), Some("/networks/1?x=y"));
        assert_eq!(local_path("/"), Some("/"));
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /evil.example",
            "https://evil.example",
            "evil.example",
            "",
            "/a\\b",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn names_and_patterns_are_unique() {
        let mut names: Vec<_> = ALL.iter().map(|(n, _)| n).collect();
        let mut patterns: Vec<_> = ALL.iter().map(|(_, p)| p).collect();
        names.sort();
        patterns.sort();
        let (n, p) = (names.len(), patterns.len());
        names.dedup();
        patterns.dedup();
        assert_eq!((names.len(), patterns.len()), (n, p));
    }

    #[test]
    fn templates_get_the_same_paths_and_errors_for_mistakes() {
        let mut env = minijinja::Environment::new();
        env.add_function("path", template_function);
        let render = |src: &str| env.render_str(src, minijinja::context! { n => 3, m => 17 });
        assert_eq!(
            render("{{ path('meeting', n, m) }}").unwrap(),
            meeting(NetworkId(3), MeetingId(17))
        );
        assert!(render("{{ path('meeting', n) }}").is_err());
        assert!(render("{{ path('no_such_page') }}").is_err());
        assert!(render("{{ path('network', missing) }}").is_err());
        // In an HTML template the path is not escaped, its values are
        // encoded.
        env.add_template("link.html", "<a href=\"{{ path('region', key) }}\">")
            .unwrap();
        let html = env
            .get_template("link.html")
            .unwrap()
            .render(minijinja::context! { key => "09 <5>" })
            .unwrap();
        assert_eq!(html, "<a href=\"/regions/09%20%3C5%3E\">");
    }
}
