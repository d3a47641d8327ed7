//! axe-core and reflow checks of every conference page.

use super::*;

/// axe-core's WCAG 2.1 AA check (serious and critical problems) and reflow
/// at 320 px for every conference page, including the personal-link pages
/// opened without an account. SQLite only, like tests/it/browser.rs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conference_pages_are_accessible() {
    use crate::common::browser::Chrome;
    use ikon::conferences::{
        model::{AgendaRecord, MeetingRecord},
        model::{Answer, LINK_VALID_SECS},
        store::{self, Purpose},
    };
    use ikon::core::{
        audit::Actor,
        ids::{NetworkId, OrganizationId, PersonId},
    };

    let app = TestApp::start(Backend::Sqlite).await;
    let demo = app.demo().await;
    let network = demo.network_id;
    let now = ikon::core::store::now();
    let orgs: Vec<OrganizationId> = member_ids(&app, network)
        .await
        .into_iter()
        .map(OrganizationId)
        .collect();
    let person = PersonId(
        sqlx::query("SELECT p.id FROM people p WHERE p.organization_id = $1 ORDER BY p.id")
            .bind(demo.member_organization_id)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0),
    );
    let mut tx = app.db().begin().await.unwrap();
    store::set_rotation(
        &mut tx,
        Actor::System("test"),
        NetworkId(network),
        &orgs[..3],
    )
    .await
    .unwrap();
    let record = MeetingRecord {
        title: "Frühjahrskonferenz".into(),
        starts_at: None,
        ends_at: None,
        location: "Landratsamt".into(),
        online_url: String::new(),
        organizer_organization_id: Some(orgs[0]),
        is_public: true,
    };
    let polled = store::create_meeting(&mut tx, Actor::System("test"), NetworkId(network), &record)
        .await
        .unwrap();
    let meeting = store::meeting(&mut *tx, polled).await.unwrap().unwrap();
    let first = store::add_poll_option(
        &mut tx,
        Actor::System("test"),
        &meeting,
        now + 9 * DAY,
        now + 9 * DAY + 7200,
    )
    .await
    .unwrap();
    store::add_poll_option(
        &mut tx,
        Actor::System("test"),
        &meeting,
        now + 10 * DAY,
        now + 10 * DAY + 7200,
    )
    .await
    .unwrap();
    store::save_answers(&mut tx, &meeting, person, &[(first, Answer::Yes)])
        .await
        .unwrap();
    for title in ["Begrüßung", "Sprachkurse"] {
        let item = AgendaRecord {
            title: title.into(),
            description: "Bericht und Aussprache".into(),
            proposer_organization_id: Some(orgs[1]),
            duration_minutes: 30,
            is_public: true,
        };
        store::add_agenda_item(&mut tx, Actor::System("test"), &meeting, &item)
            .await
            .unwrap();
    }
    let poll_token = store::issue_link(&mut tx, polled, person, Purpose::Poll, LINK_VALID_SECS)
        .await
        .unwrap();
    let dated = MeetingRecord {
        starts_at: Some(now + 20 * DAY),
        ends_at: Some(now + 20 * DAY + 7200),
        ..record
    };
    let invited = store::create_meeting(&mut tx, Actor::System("test"), NetworkId(network), &dated)
        .await
        .unwrap();
    let meeting = store::meeting(&mut *tx, invited).await.unwrap().unwrap();
    store::set_state(
        &mut tx,
        Actor::System("test"),
        &meeting,
        ikon::conferences::model::State::Invited,
        0,
    )
    .await
    .unwrap();
    store::save_rsvp(&mut tx, &meeting, person, true)
        .await
        .unwrap();
    let rsvp_token = store::issue_link(&mut tx, invited, person, Purpose::Rsvp, LINK_VALID_SECS)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    let mut check = async |path: String| {
        for url in [path.clone(), format!("{path}?lang=en")] {
            failures.extend(chrome.problems(&url).await);
        }
    };
    // Personal links, without an account.
    check(format!("/p/{poll_token}")).await;
    check(format!("/r/{rsvp_token}")).await;
    // The coordinator's pages.
    chrome
        .sign_in(&demo.coordinator.email, &demo.coordinator.password)
        .await;
    for path in [
        format!("/networks/{network}/meetings"),
        format!("/networks/{network}/meetings/settings"),
        format!("/networks/{network}/meetings/new"),
        format!("/networks/{network}/meetings/{polled}"),
        format!("/networks/{network}/meetings/{polled}/edit"),
        format!("/networks/{network}/meetings/{polled}/agenda"),
        format!("/networks/{network}/meetings/{invited}"),
    ] {
        check(path).await;
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
