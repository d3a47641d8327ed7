//! What is not public stays out of every public output. The demo network
//! gets records that must never reach an anonymous reader — an internal
//! meeting, an internal item and an internal file of a public meeting,
//! decisions in approved minutes of a network that does not publish its
//! minutes, a contact person who did not agree to be shown, a draft offer,
//! an internal post and a post waiting for review — each carrying a
//! marker — and a commentary on an indicator the published situation
//! report leaves out. Then every GET route of the route table is called anonymously
//! with the public objects' ids, the pages are followed link by link, and
//! every answer (HTML, JSON, OParl, iCalendar, CSV, the text of every PDF)
//! is searched for the markers.

use std::collections::{BTreeSet, VecDeque};

use ikon::{
    conferences::{
        model::{AgendaRecord, State},
        store,
    },
    core::{
        audit::Actor,
        ids::{AgendaItemId, MeetingId},
        web::routes::Kind,
    },
    offers::model::Status,
};
use reqwest::StatusCode;

use crate::backend_test;
use crate::common::{
    TestApp,
    fixtures::{Meeting, Offer, Person, Post, agenda, upload_attachment},
};

/// Pages followed from the start page at most (the search alone links to
/// many combinations of filters).
const MAX_PAGES: usize = 400;

struct Public {
    network: i64,
    meeting: i64,
    item: i64,
    file: i64,
    organization: i64,
    offer: i64,
    person: i64,
    post: i64,
}

/// The demo with one non-public record of every kind, each named with a
/// marker; returns the public objects to walk with.
async fn fixture(app: &TestApp) -> Public {
    let logins = app.demo().await;
    let (network, organization) = (logins.network_id, logins.member_organization_id);
    Meeting::new(network, "Interne Runde GEHEIM-MEETING")
        .at(1_790_000_000, 2)
        .state(State::Invited)
        .create(app)
        .await;
    let public = Meeting::new(network, "Öffentliche Konferenz")
        .at(1_780_000_000, 2)
        .location("Rathaus")
        .public(true)
        .state(State::Held)
        .minutes("approved")
        .item(agenda("Sprachkurse"))
        .item(AgendaRecord {
            is_public: false,
            ..agenda("Personalfrage GEHEIM-ITEM")
        })
        .create(app)
        .await;
    let (meeting, item) = (public.id, public.items[0]);
    let coordinator = app.new_browser();
    coordinator
        .login(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    let page = format!("/networks/{network}/meetings/{meeting}");
    let file = upload_attachment(app, &coordinator, &page, item, "aushang.pdf", true).await;
    upload_attachment(app, &coordinator, &page, item, "GEHEIM-FILE.pdf", false).await;
    // Approved minutes with a decision; the network does not publish them.
    let mut tx = app.db().begin().await.unwrap();
    let record = store::meeting(&mut *tx, MeetingId(meeting))
        .await
        .unwrap()
        .unwrap();
    let actor = Actor::System("test");
    store::save_notes(
        &mut tx,
        actor,
        &record,
        AgendaItemId(item),
        "Notiz GEHEIM-NOTES",
    )
    .await
    .unwrap();
    store::add_decision(
        &mut tx,
        Actor::System("test"),
        &record,
        AgendaItemId(item),
        "Beschluss GEHEIM-DECISION",
        Some((9, 1, 0)),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let private_person = Person::new(organization, "Gerda GEHEIM-PERSON")
        .email("gerda@example.org")
        .public(false)
        .create(app)
        .await;
    concerns(app, network, private_person).await;
    situation_report(app, network).await;
    let person = Person::new(organization, "Paula Offen")
        .public(true)
        .create(app)
        .await;
    Offer::new(network, organization, "Entwurf GEHEIM-OFFER")
        .status(Status::Draft)
        .create(app)
        .await;
    let offer = Offer::new(network, organization, "Migrationsberatung")
        .create(app)
        .await;
    // The bulletin: an internal event, a public post still in review, and
    // a public event beside them.
    let soon = ikon::core::store::now() + 10 * 86_400;
    Post::new(network, "Interne Fortbildung GEHEIM-POST")
        .event(soon, 2)
        .create(app)
        .await;
    Post::new(network, "Entwurf GEHEIM-REVIEW")
        .public()
        .status(ikon::bulletin::model::Status::Review)
        .create(app)
        .await;
    let post = Post::new(network, "Tag der Begegnung")
        .public()
        .event(soon, 4)
        .create(app)
        .await;
    Public {
        network,
        meeting,
        item,
        file,
        organization,
        offer,
        person,
        post,
    }
}

/// Concerns of a network that publishes its submitted ones: a submitted
/// one naming the private person as its contact, a draft and an agreed
/// one not yet sent.
async fn concerns(app: &TestApp, network: i64, contact: i64) {
    use ikon::coordination::concerns::{model::ConcernRecord, store as concerns};
    use ikon::core::ids::NetworkId;
    let mut tx = app.db().begin().await.unwrap();
    for (title, state) in [
        ("Mehr Sprachkurse", "submitted"),
        ("Entwurf GEHEIM-CONCERN", "draft"),
        ("Beschlossen GEHEIM-AGREED", "agreed"),
    ] {
        let record = ConcernRecord {
            title: title.into(),
            body: "Text.".into(),
            addressee: "land_ministry".into(),
            justification: String::new(),
        };
        let id = concerns::create(&mut tx, NetworkId(network), &record, (None, None))
            .await
            .unwrap();
        sqlx::query("UPDATE concerns SET state = $1, submitted_on = '2026-11-02', reference = 'IK-1', contact_person_id = $2 WHERE id = $3")
            .bind(state)
            .bind(contact)
            .bind(id.get())
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    concerns::set_publishes(&mut tx, NetworkId(network), true)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// The demo's published situation report, and a commentary on an
/// indicator the report leaves out.
async fn situation_report(app: &TestApp, network: i64) {
    use ikon::{core::ids::NetworkId, monitoring::report::store};
    ikon::demo::load_report(app.db(), network).await.unwrap();
    let mut tx = app.db().begin().await.unwrap();
    store::save_commentary(
        &mut tx,
        NetworkId(network),
        "childcare_under3",
        "Nur intern GEHEIM-COMMENTARY",
        (None, "Koordination"),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// The route pattern with the public objects' ids.
fn concrete(path: &str, p: &Public) -> String {
    let body_object = if path.contains("/organization/") {
        p.organization
    } else if path.contains("/legislative-term/") {
        2026
    } else {
        p.person
    };
    let id = if path.starts_with("/oparl/v1/meeting/") {
        p.meeting
    } else if path.starts_with("/oparl/v1/agenda-item/") {
        p.item
    } else if path.starts_with("/oparl/v1/file/") {
        p.file
    } else {
        p.network
    };
    let mut path = path.replace("{id}", &id.to_string());
    for (name, value) in [
        ("network_id", p.network),
        ("meeting_id", p.meeting),
        ("item_id", p.item),
        ("attachment_id", p.file),
        ("organization_id", p.organization),
        ("offer_id", p.offer),
        ("person_id", p.person),
        ("post_id", p.post),
        ("object", body_object),
    ] {
        path = path.replace(&format!("{{{name}}}"), &value.to_string());
    }
    let stylesheet = ikon::core::web::assets::url("app.css").unwrap();
    path.replace("/assets/{file}", stylesheet)
        .replace("{key}", "09575")
        .replace("{lang}", "en")
}

/// The text of an answer: PDFs through pdftotext, the rest as sent.
async fn text_of(response: reqwest::Response) -> String {
    let pdf = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.to_str().unwrap_or("").starts_with("application/pdf"));
    let bytes = response.bytes().await.unwrap();
    if !pdf {
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answer.pdf");
    std::fs::write(&file, &bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Same-site links of a page (href and src), without fragments.
fn links(page: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for part in page.split(attribute).skip(1) {
            let Some(end) = part.find('"') else { continue };
            let link = part[..end].replace("&amp;", "&").replace("&#x2f;", "/");
            let link = link.split('#').next().unwrap_or("").to_string();
            if link.starts_with('/') && !link.starts_with("//") {
                found.push(link);
            }
        }
    }
    found
}

backend_test!(
    no_public_output_shows_what_is_not_public,
    |app: TestApp| async move {
        let p = fixture(&app).await;
        let anonymous = app.new_browser();
        let mut queue: VecDeque<String> = VecDeque::new();
        for entry in ikon::app::router::routes().entries() {
            if entry.method == axum::http::Method::GET
                && entry.kind != Kind::Redirect
                && !entry.path.contains("{token}")
            {
                queue.push_back(concrete(&entry.path, &p));
            }
        }
        queue.push_back(format!("/networks/{}/meetings.ics", p.network));
        let mut seen = BTreeSet::new();
        let mut public_answers = 0;
        let mut leaks = Vec::new();
        while let Some(path) = queue.pop_front() {
            if seen.len() >= MAX_PAGES || !seen.insert(path.clone()) {
                continue;
            }
            let response = anonymous.get(&path).await;
            if response.status() != StatusCode::OK {
                continue;
            }
            public_answers += 1;
            let text = text_of(response).await;
            for marker in text.match_indices("GEHEIM-") {
                let context: String = text[marker.0..].chars().take(40).collect();
                leaks.push(format!("{path}: {context}"));
            }
            if text.contains("Ja: 9") || text.contains("9 Ja") {
                leaks.push(format!("{path}: the unpublished vote"));
            }
            for link in links(&text) {
                if !seen.contains(&link) && !link.contains("/logout") {
                    queue.push_back(link);
                }
            }
        }
        assert!(
            public_answers > 60,
            "only {public_answers} public answers walked: the walk lost its way"
        );
        // The walk did reach the public objects next to the secrets.
        for reached in [
            format!("/networks/{}/offers/{}", p.network, p.offer),
            format!("/oparl/v1/meeting/{}", p.meeting),
            format!("/networks/{}/wegweiser.pdf", p.network),
            format!("/networks/{}/posts/{}", p.network, p.post),
            format!("/networks/{}/posts.atom", p.network),
            format!("/networks/{}/posts.ics", p.network),
            format!("/api/v1/networks/{}/posts", p.network),
            format!("/networks/{}/concerns/public", p.network),
            format!("/networks/{}/situation", p.network),
            format!("/networks/{}/situation/report", p.network),
            format!("/networks/{}/situation-report.pdf", p.network),
            format!("/networks/{}/situation.csv", p.network),
            format!("/networks/{}/situation.json", p.network),
        ] {
            assert!(seen.contains(&reached), "{reached} was not walked");
        }
        assert!(
            leaks.is_empty(),
            "non-public values in public outputs:\n{}",
            leaks.join("\n")
        );
    }
);
