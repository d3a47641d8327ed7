//! Every route × every role. `rules.rs` holds the authorisation
//! decision for each route; a route that is missing here (or an entry
//! without a route) fails the test, so no route ships undecided.

use std::collections::HashMap;

use ikon::accounts::{model::Role, sessions::create_api_token};
use reqwest::{Method, StatusCode};
use sqlx::Row;

use ikon::conferences::model::AgendaRecord;

use crate::backend_test;
use crate::common::{
    TestApp,
    fixtures::{ActionItem, Meeting, Network, Offer, Post, User, agenda, upload_attachment},
};

mod bulletin;
mod coordination;
mod rules;

use self::rules::{RULES, Rule};

/// Every decision: the shell's and the first capabilities' in `rules.rs`,
/// coordination's in its own file.
fn all_rules() -> impl Iterator<Item = &'static (&'static str, &'static str, Rule)> {
    RULES
        .iter()
        .chain(bulletin::RULES)
        .chain(coordination::RULES)
}

/// The expected status of every route for every role, as walked below.
const ANSWERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/access.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Who {
    Anonymous,
    Outsider,
    Supervisor,
    Member,
    Coordinator,
    Admin,
}

impl Who {
    fn name(self) -> &'static str {
        match self {
            Who::Anonymous => "anonymous",
            Who::Outsider => "outsider",
            Who::Supervisor => "supervisor",
            Who::Member => "member",
            Who::Coordinator => "coordinator",
            Who::Admin => "admin",
        }
    }
}

/// Denied roles go first: an allowed call may change data (e.g. erase a
/// person) that later calls would then not find.
const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::Outsider,
    Who::Supervisor,
    Who::Member,
    Who::Coordinator,
    Who::Admin,
];

fn allowed(rule: Rule, who: Who) -> bool {
    match rule {
        Rule::Public | Rule::TokenLink | Rule::Redirect => true,
        Rule::SignedIn => who != Who::Anonymous,
        Rule::ReadNetwork => matches!(
            who,
            Who::Supervisor | Who::Member | Who::Coordinator | Who::Admin
        ),
        Rule::ManageNetwork => matches!(who, Who::Coordinator | Who::Admin),
        Rule::EditOrganization => matches!(who, Who::Member | Who::Coordinator | Who::Admin),
        Rule::TakePart => matches!(who, Who::Member | Who::Coordinator | Who::Admin),
        Rule::Admin => who == Who::Admin,
        Rule::Supervise => matches!(who, Who::Supervisor | Who::Admin),
        Rule::ImportStatistics => matches!(who, Who::Outsider | Who::Coordinator | Who::Admin),
    }
}

struct Fixture {
    network_id: i64,
    organization_id: i64,
    person_id: i64,
    user_id: i64,
    meeting_id: i64,
    /// An agenda item of its own for the agenda item routes: deleting it
    /// must not take the action item along.
    spare_item_id: i64,
    offer_id: i64,
    /// An internal event with registration in ikon, on the bulletin.
    post_id: i64,
    action_id: i64,
    /// A file on the spare item, for its download route and the old
    /// `/attachments/{id}` link.
    attachment_id: i64,
    /// A public meeting with a public item, file and contact person: the
    /// objects the OParl routes are walked with.
    public_meeting_id: i64,
    public_item_id: i64,
    public_attachment_id: i64,
    public_person_id: i64,
    tokens: HashMap<Who, String>,
    /// An agreement of the responsibility matrix naming the member's
    /// organisation.
    agreement_id: i64,
    /// A project proposed and led by the member's organisation.
    project_id: i64,
    /// A concern drafted by the member's organisation.
    concern_id: i64,
    /// A group with special needs of the demo network.
    need_id: i64,
}

async fn fixture(app: &TestApp) -> Fixture {
    let logins = app.demo().await;
    let db = app.db();
    // A second network with its own coordinator: the outsider.
    let other = Network::new("Integrationskonferenz München", "09162")
        .create(app)
        .await;
    let outsider = User::new("outsider@example.org", Role::Coordinator)
        .name("Outsider")
        .network(other)
        .create(app)
        .await;

    let mut tokens = HashMap::new();
    for (who, email) in [
        (Who::Outsider, "outsider@example.org".to_string()),
        (Who::Supervisor, logins.supervisor.email.clone()),
        (Who::Member, logins.member.email.clone()),
        (Who::Coordinator, logins.coordinator.email.clone()),
        (Who::Admin, logins.admin.email.clone()),
    ] {
        let (user, _) = ikon::accounts::store::user_by_email(db, &email)
            .await
            .unwrap()
            .unwrap();
        tokens.insert(
            who,
            create_api_token(db, user.id, "route test").await.unwrap(),
        );
    }
    let person_id =
        sqlx::query("SELECT id FROM people WHERE organization_id = $1 ORDER BY id LIMIT 1")
            .bind(logins.member_organization_id)
            .fetch_one(db.pool())
            .await
            .unwrap()
            .get("id");
    // A meeting of the demo network, for the /conferences/{id} routes, with
    // an agenda item and an action item the member's organisation is
    // responsible for.
    let meeting = Meeting::new(logins.network_id, "Integrationskonferenz")
        .item(AgendaRecord {
            is_public: false,
            ..agenda("Sprachkurse")
        })
        .item(AgendaRecord {
            is_public: false,
            ..agenda("Verschiedenes")
        })
        .create(app)
        .await;
    let (meeting_id, agenda_item_id, spare_item_id) =
        (meeting.id, meeting.items[0], meeting.items[1]);
    let action_id = ActionItem::new(logins.network_id, agenda_item_id, "Kursliste aktualisieren")
        .organization(logins.member_organization_id)
        .create(app)
        .await;
    // A real file on the spare item, for the download route and the old
    // `/attachments/{id}` link; walked before the writes that delete it.
    let coordinator = app.new_browser();
    coordinator
        .login(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    let internal = format!("/networks/{}/meetings/{meeting_id}", logins.network_id);
    let attachment_id = upload_attachment(
        app,
        &coordinator,
        &internal,
        spare_item_id,
        "liste.pdf",
        false,
    )
    .await;
    // A public meeting with a public item and file: what OParl shows.
    let public = Meeting::new(logins.network_id, "Öffentliche Integrationskonferenz")
        .at(1_773_140_400, 3)
        .location("Rathaus, Sitzungssaal")
        .state(ikon::conferences::model::State::Invited)
        .public(true)
        .item(agenda("Wohnen"))
        .create(app)
        .await;
    let public_page = format!("/networks/{}/meetings/{}", logins.network_id, public.id);
    let public_attachment_id = upload_attachment(
        app,
        &coordinator,
        &public_page,
        public.items[0],
        "aushang.pdf",
        true,
    )
    .await;
    let public_person_id = sqlx::query(
        "SELECT p.id FROM people p JOIN memberships m ON m.organization_id = p.organization_id
         WHERE m.network_id = $1 AND p.is_public = 1 ORDER BY p.id LIMIT 1",
    )
    .bind(logins.network_id)
    .fetch_one(db.pool())
    .await
    .unwrap()
    .get("id");
    // A published offer of the member's organisation, for the /offers/{id} routes.
    let offer_id = Offer::new(
        logins.network_id,
        logins.member_organization_id,
        "Migrationsberatung",
    )
    .create(app)
    .await;
    let post_id = Post::new(logins.network_id, "Tag der Begegnung")
        .event(ikon::core::store::now() + 30 * 24 * 3600, 4)
        .with(|r| {
            r.details.registration = "ikon".into();
            r.details.registration_limit = Some(50);
        })
        .create(app)
        .await;
    let agreement_id = agreement(app, logins.network_id, logins.member_organization_id).await;
    let project_id = project(app, logins.network_id, logins.member_organization_id).await;
    let concern_id = concern(app, logins.network_id, logins.member_organization_id).await;
    let need_id = need(app, logins.network_id).await;
    Fixture {
        network_id: logins.network_id,
        organization_id: logins.member_organization_id,
        person_id,
        user_id: outsider.id,
        meeting_id,
        spare_item_id,
        offer_id,
        post_id,
        action_id,
        attachment_id,
        public_meeting_id: public.id,
        public_item_id: public.items[0],
        public_attachment_id,
        public_person_id,
        tokens,
        agreement_id,
        project_id,
        concern_id,
        need_id,
    }
}

/// A group with special needs, for the `/needs/{need_id}` routes.
async fn need(app: &TestApp, network_id: i64) -> i64 {
    use ikon::core::ids::NetworkId;
    use ikon::monitoring::needs::{model::NeedRecord, store};
    let mut tx = app.db().begin().await.unwrap();
    let record = NeedRecord {
        kind: "duldung".into(),
        other_kind: String::new(),
        age_from: None,
        age_to: None,
        estimated_size: Some(12),
        whole_kreis: true,
        municipalities: Vec::new(),
        source: String::new(),
        estimated_on: None,
        notes: String::new(),
        offers: Vec::new(),
    };
    let id = store::create(&mut tx, NetworkId(network_id), &record)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id.get()
}

/// A draft concern of the organisation.
async fn concern(app: &TestApp, network_id: i64, organization_id: i64) -> i64 {
    use ikon::coordination::concerns::{model::ConcernRecord, store};
    use ikon::core::ids::{NetworkId, OrganizationId};
    let mut tx = app.db().begin().await.unwrap();
    let record = ConcernRecord {
        title: "Mehr Sprachkurse".into(),
        body: "Der Kreis braucht mehr Kurse.".into(),
        addressee: "land_ministry".into(),
        justification: String::new(),
    };
    let owner = (Some(OrganizationId(organization_id)), None);
    let id = store::create(&mut tx, NetworkId(network_id), &record, owner)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id.get()
}

/// A proposal of the organisation, which leads it.
async fn project(app: &TestApp, network_id: i64, organization_id: i64) -> i64 {
    use ikon::coordination::projects::{
        model::{PartnerRole, ProjectRecord, State},
        store,
    };
    use ikon::core::ids::{NetworkId, OrganizationId};
    let mut tx = app.db().begin().await.unwrap();
    let record = ProjectRecord {
        title: "Sprachpaten".into(),
        goal: String::new(),
        description: String::new(),
        fields: vec!["language".into()],
        target_groups: vec![],
        starts_on: None,
        ends_on: None,
        parent_id: None,
        weight: 1,
        status: "idea".into(),
        is_public: false,
        partners: vec![(OrganizationId(organization_id), PartnerRole::Lead)],
        contact_person_id: None,
    };
    let proposer = Some(OrganizationId(organization_id));
    let id = store::create(
        &mut tx,
        NetworkId(network_id),
        &record,
        (State::Proposed, 0),
        (proposer, None),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id.get()
}

/// A Kreis-wide agreement with the organisation as lead.
async fn agreement(app: &TestApp, network_id: i64, organization_id: i64) -> i64 {
    use ikon::coordination::responsibilities::{model::AgreementRecord, model::Role, store};
    use ikon::core::ids::{NetworkId, OrganizationId};
    let mut tx = app.db().begin().await.unwrap();
    let record = AgreementRecord {
        municipality_key: None,
        field: "counselling".into(),
        target_group: "refugees".into(),
        valid_from: "2026-01-01".into(),
        valid_until: None,
        decision_id: None,
        note: String::new(),
        parties: vec![(OrganizationId(organization_id), Role::Lead)],
    };
    let id = store::create(&mut tx, NetworkId(network_id), &record)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id.get()
}

/// The route pattern with the fixture's ids. Old routes and OParl still
/// say `{id}` and are resolved by prefix; the current scheme names every
/// parameter.
fn concrete(path: &str, f: &Fixture) -> String {
    if let Some(rest) = path.strip_prefix("/oparl/v1/") {
        let (kind, _) = rest.split_once('/').unwrap_or((rest, ""));
        let id = match kind {
            "body" => f.network_id,
            "meeting" => f.public_meeting_id,
            "agenda-item" => f.public_item_id,
            "file" => f.public_attachment_id,
            _ => 999_999,
        };
        let object = if rest.contains("/organization/") {
            f.organization_id
        } else if rest.contains("/legislative-term/") {
            // The public meeting's year.
            2026
        } else {
            // person and membership: a public contact person.
            f.public_person_id
        };
        return path
            .replace("{id}", &id.to_string())
            .replace("{object}", &object.to_string());
    }
    let id = if path.starts_with("/networks/") || path.starts_with("/api/v1/networks/") {
        f.network_id
    } else if path.starts_with("/organizations/") || path.starts_with("/api/v1/organizations/") {
        f.organization_id
    } else if path.starts_with("/people/") || path.starts_with("/api/v1/people/") {
        f.person_id
    } else if path.starts_with("/admin/users/") {
        f.user_id
    } else if path.starts_with("/conferences/") {
        f.meeting_id
    } else if path.starts_with("/attachments/") {
        f.attachment_id
    } else if path.starts_with("/offers/") {
        f.offer_id
    } else {
        999_999
    };
    let mut path = path.replace("{id}", &id.to_string());
    for (name, value) in [
        ("network_id", f.network_id),
        ("organization_id", f.organization_id),
        ("person_id", f.person_id),
        ("user_id", f.user_id),
        ("meeting_id", f.meeting_id),
        ("mid", f.meeting_id),
        ("item_id", f.spare_item_id),
        ("offer_id", f.offer_id),
        ("post_id", f.post_id),
        ("action_id", f.action_id),
        ("aid", f.action_id),
        ("attachment_id", f.attachment_id),
        // No proposal, decision or token of these kinds exists in the
        // fixture: their routes answer 404.
        ("proposal_id", 999_999),
        ("decision_id", 999_999),
        ("token_id", 999_999),
        ("agreement_id", f.agreement_id),
        ("project_id", f.project_id),
        ("concern_id", f.concern_id),
        ("need_id", f.need_id),
        ("milestone_id", 999_999),
        ("file_id", 999_999),
    ] {
        path = path.replace(&format!("{{{name}}}"), &value.to_string());
    }
    let stylesheet = ikon::core::web::assets::url("app.css").expect("the stylesheet is an asset");
    // The comparison is of a Regierungsbezirk: the demo supervisor's.
    // No pending statistics upload of that id exists: 404 for those who
    // may import.
    path.replace("/regions/{key}/situation", "/regions/095/situation")
        .replace("{key}", "09575")
        .replace("{upload_id}", "no-such-upload")
        .replace("{token}", "not-a-real-token")
        .replace("/assets/{file}", stylesheet)
        .replace("{lang}", "en")
        .replace("{indicator}", "population")
}

backend_test!(
    every_route_decides_for_every_role,
    |app: TestApp| async move {
        let routes = ikon::app::router::routes();
        let rules: HashMap<(&str, &str), Rule> =
            all_rules().map(|(m, p, r)| ((*m, *p), *r)).collect();
        let undecided: Vec<String> = routes
            .entries()
            .iter()
            .filter(|e| !rules.contains_key(&(e.method.as_str(), e.path.as_str())))
            .map(|e| format!("{} {}", e.method, e.path))
            .collect();
        assert!(
            undecided.is_empty(),
            "routes without an access decision in tests/it/access.rs: {undecided:#?}"
        );
        let stale: Vec<_> = all_rules()
            .filter(|(m, p, _)| {
                !routes
                    .entries()
                    .iter()
                    .any(|e| e.method.as_str() == *m && e.path == *p)
            })
            .collect();
        assert!(
            stale.is_empty(),
            "decisions for routes that do not exist: {stale:#?}"
        );

        let f = fixture(&app).await;
        let anonymous = app.new_browser();
        let csrf = anonymous.csrf().await;
        let mut failures = Vec::new();
        // Every answer, one line per route, compared with the snapshot.
        let mut answers: Vec<String> = Vec::new();
        // Reads first: the writes below may delete what they read (the
        // spare item, its file).
        let mut entries: Vec<_> = routes.entries().iter().collect();
        entries.sort_by_key(|e| e.method != axum::http::Method::GET);
        for entry in entries {
            let rule = rules[&(entry.method.as_str(), entry.path.as_str())];
            if entry.kind == ikon::core::web::routes::Kind::Redirect {
                // An old URL sends everybody to the new place, where the
                // decision is made (walked as its own route).
                let status = anonymous
                    .client
                    .get(app.url(&concrete(&entry.path, &f)))
                    .send()
                    .await
                    .unwrap()
                    .status();
                if status != StatusCode::PERMANENT_REDIRECT {
                    failures.push(format!(
                        "GET {} (old URL): got {status}, not 308",
                        entry.path
                    ));
                }
                answers.push(format!("GET {}: everyone={}", entry.path, status.as_u16()));
                continue;
            }
            let path = concrete(&entry.path, &f);
            let mut line = format!("{} {}:", entry.method, entry.path);
            for who in EVERYONE {
                let method = Method::from_bytes(entry.method.as_str().as_bytes()).unwrap();
                let mut request = anonymous.client.request(method.clone(), app.url(&path));
                if let Some(token) = f.tokens.get(&who) {
                    request = request.bearer_auth(token);
                }
                if method != Method::GET {
                    request = request.header("x-csrf-token", &csrf);
                    request = if path.starts_with("/api/") {
                        request.json(&serde_json::json!({}))
                    } else {
                        request.form(&[("csrf", csrf.as_str())])
                    };
                }
                let response = request.send().await.unwrap();
                let status = response.status();
                let to_login = status == StatusCode::SEE_OTHER
                    && response
                        .headers()
                        .get("location")
                        .is_some_and(|l| l.to_str().unwrap().starts_with("/login"));
                let answer = if to_login {
                    "login".to_string()
                } else {
                    status.as_u16().to_string()
                };
                line.push_str(&format!(" {}={answer}", who.name()));
                let ok = if rule == Rule::TokenLink {
                    status == StatusCode::NOT_FOUND
                } else if allowed(rule, who) {
                    !to_login
                        && status != StatusCode::UNAUTHORIZED
                        && status != StatusCode::FORBIDDEN
                        && !status.is_server_error()
                } else if who == Who::Anonymous {
                    to_login || status == StatusCode::UNAUTHORIZED
                } else {
                    status == StatusCode::FORBIDDEN
                };
                if !ok {
                    failures.push(format!(
                        "{} {path} as {who:?} ({rule:?}): got {status}",
                        entry.method
                    ));
                }
            }
            answers.push(line);
        }
        // The exact answer of every route to every role: a change shows up
        // as a changed line in review (`IKON_UPDATE_SNAPSHOTS=1` rewrites it;
        // both backends must give the same answers).
        let answers = answers.join("\n") + "\n";
        if std::env::var_os("IKON_UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(ANSWERS, &answers).unwrap();
        }
        let kept = std::fs::read_to_string(ANSWERS).unwrap_or_default();
        let kept: Vec<&str> = kept.lines().collect();
        for line in answers.lines() {
            if !kept.contains(&line) {
                failures.push(format!("answer not in {ANSWERS}: {line}"));
            }
        }
        for line in &kept {
            if !answers.lines().any(|l| l == *line) {
                failures.push(format!("expected but not given: {line}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} unexpected answers:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
);
