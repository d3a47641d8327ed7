//! Action items: recorded per agenda item, the action board, progress
//! updates by whoever is responsible, reminders by real e-mail (never
//! twice), the report on open items for the next agenda, the supervisor's
//! overview, the personal calendar feed and the conference JSON API.

mod accessibility;
mod api;
mod overview;
mod progress;
mod reminders;

use chrono::{Days, Utc};
use ikon::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Row;

use ikon::conferences::model::State;

use crate::common::{
    Backend, Browser, TestApp,
    fixtures::{Meeting, Network, User},
    text_with_status,
};
use crate::{backend_test, both_backends};

struct Setup {
    logins: ikon::demo::DemoLogins,
    coordinator: Browser,
    meeting_id: i64,
    /// Agenda item ids, in order.
    items: Vec<i64>,
}

/// The demo network, a meeting with two agenda items and the coordinator
/// signed in.
async fn setup(app: &TestApp) -> Setup {
    let logins = app.demo().await;
    let coordinator = app.new_browser();
    coordinator
        .login(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    let meeting_id = new_meeting(&coordinator, logins.network_id, "Frühjahrskonferenz").await;
    let mut items = Vec::new();
    for title in ["Sprachkurse", "Wohnraum"] {
        let response = coordinator
            .post_form(
                &format!(
                    "/networks/{}/meetings/{meeting_id}/agenda",
                    logins.network_id
                ),
                &[("title", title), ("duration_minutes", "20")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    for row in sqlx::query("SELECT id FROM agenda_items WHERE meeting_id = $1 ORDER BY position")
        .bind(meeting_id)
        .fetch_all(app.db().pool())
        .await
        .unwrap()
    {
        items.push(row.get("id"));
    }
    Setup {
        logins,
        coordinator,
        meeting_id,
        items,
    }
}

async fn new_meeting(browser: &Browser, network_id: i64, title: &str) -> i64 {
    let response = browser
        .post_form(
            &format!("/networks/{network_id}/meetings"),
            &[("title", title)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    response.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches(&format!("/networks/{network_id}/meetings/"))
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn day(offset: i64) -> String {
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive();
    let d = if offset >= 0 {
        today.checked_add_days(Days::new(offset as u64))
    } else {
        today.checked_sub_days(Days::new((-offset) as u64))
    };
    d.unwrap().format("%Y-%m-%d").to_string()
}

/// The first contact person of an organisation: (id, email).
async fn person_of(app: &TestApp, organization_id: i64) -> (i64, String) {
    let row = sqlx::query("SELECT id, email FROM people WHERE organization_id = $1 ORDER BY id")
        .bind(organization_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    (row.get("id"), row.get("email"))
}

/// Another member organisation of the demo network than the member's.
async fn other_organization(app: &TestApp, s: &Setup) -> i64 {
    sqlx::query(
        "SELECT m.organization_id FROM memberships m WHERE m.network_id = $1 AND m.organization_id <> $2
         AND EXISTS (SELECT 1 FROM people p WHERE p.organization_id = m.organization_id AND p.email <> '')
         ORDER BY m.organization_id",
    )
    .bind(s.logins.network_id)
    .bind(s.logins.member_organization_id)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get("organization_id")
}

/// Records an action item through the form and returns its id.
async fn add_action(app: &TestApp, s: &Setup, fields: &[(&str, &str)]) -> i64 {
    let path = format!(
        "/networks/{}/meetings/{}/actions",
        s.logins.network_id, s.meeting_id
    );
    let response = s.coordinator.post_form(&path, fields).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        response.text().await.unwrap()
    );
    sqlx::query("SELECT MAX(id) AS id FROM action_items")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("id")
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

/// A user of the demo network with a role, organisation and e-mail
/// address, signed in.
async fn network_user(
    app: &TestApp,
    s: &Setup,
    email: &str,
    role: Role,
    organization_id: Option<i64>,
) -> Browser {
    User::new(email, role)
        .network(s.logins.network_id)
        .organization(organization_id)
        .create(app)
        .await
        .browser(app)
        .await
}

backend_test!(
    action_items_are_recorded_validated_and_on_the_board,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        // A decision of the first agenda item (written by the minutes pages).
        let decision: i64 = sqlx::query(
            "INSERT INTO decisions (agenda_item_id, position, text, created_at, updated_at)
             VALUES ($1, 1, 'Der Kurskalender wird gemeinsam gepflegt.', 0, 0) RETURNING id",
        )
        .bind(s.items[0])
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("id");
        let org = s.logins.member_organization_id.to_string();
        let (person, _) = person_of(&app, s.logins.member_organization_id).await;
        let person = person.to_string();
        let item0 = s.items[0].to_string();
        let item1 = s.items[1].to_string();
        let decision_s = decision.to_string();
        let past = day(-3);
        let later = day(30);
        let overdue = add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("decision_id", &decision_s),
                ("title", "Kurskalender veröffentlichen"),
                ("responsible_organization_id", &org),
                ("responsible_person_id", &person),
                ("due_on", &past),
            ],
        )
        .await;
        let other_org = other_organization(&app, &s).await.to_string();
        add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item1),
                ("title", "Wohnraumbörse prüfen"),
                ("responsible_organization_id", &other_org),
                ("due_on", &later),
            ],
        )
        .await;

        // Bad input: 422 with the field marked, nothing stored.
        let path = format!("/networks/{net}/meetings/{}/actions", s.meeting_id);
        for fields in [
            vec![
                ("agenda_item_id", item0.as_str()),
                ("title", ""),
                ("responsible_organization_id", org.as_str()),
            ],
            vec![
                ("agenda_item_id", item0.as_str()),
                ("title", "Ohne Verantwortliche"),
            ],
            vec![
                ("agenda_item_id", "999999"),
                ("title", "Fremder TOP"),
                ("responsible_organization_id", org.as_str()),
            ],
            // The decision belongs to the other agenda item.
            vec![
                ("agenda_item_id", item1.as_str()),
                ("decision_id", decision_s.as_str()),
                ("title", "X"),
                ("responsible_organization_id", org.as_str()),
            ],
            // The person is not one of the other organisation's people.
            vec![
                ("agenda_item_id", item0.as_str()),
                ("title", "X"),
                ("responsible_organization_id", other_org.as_str()),
                ("responsible_person_id", person.as_str()),
            ],
            vec![
                ("agenda_item_id", item0.as_str()),
                ("title", "X"),
                ("responsible_organization_id", org.as_str()),
                ("due_on", "31.12.2026"),
            ],
        ] {
            let response = s.coordinator.post_form(&path, &fields).await;
            let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert!(page.contains("aria-invalid=\"true\""), "{fields:?}");
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM action_items").await, 2);

        // A member cannot record action items.
        let member = app.new_browser();
        member
            .login(&s.logins.member.email, &s.logins.member.password)
            .await;
        let response = member
            .post_form(
                &path,
                &[
                    ("agenda_item_id", &item0),
                    ("title", "Von mir"),
                    ("responsible_organization_id", &org),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM action_items").await, 2);

        // The meeting page lists the items under their agenda item.
        let page = text_with_status(member.get(&path).await, StatusCode::OK).await;
        assert!(page.contains("Kurskalender veröffentlichen"));
        assert!(page.contains("Wohnraumbörse prüfen"));
        assert!(!page.contains("act-form-heading"), "members see no form");

        // Editing changes the title; the audit log has both steps.
        let edit = s
            .coordinator
            .post_form(
                &format!("{path}/{overdue}"),
                &[
                    ("agenda_item_id", &item0),
                    ("decision_id", &decision_s),
                    ("title", "Kurskalender online stellen"),
                    ("responsible_organization_id", &org),
                    ("responsible_person_id", &person),
                    ("due_on", &past),
                ],
            )
            .await;
        assert_eq!(edit.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE entity = 'action_item'"
            )
            .await,
            3
        );

        // The board: everybody who reads the network, overdue marked in
        // text, links to decision, agenda item and meeting.
        let board = text_with_status(
            member.get(&format!("/networks/{net}/actions")).await,
            StatusCode::OK,
        )
        .await;
        assert!(board.contains("Kurskalender online stellen"));
        assert!(board.contains("Wohnraumbörse prüfen"));
        assert!(board.contains("class=\"act-overdue\""));
        assert_eq!(
            board
                .matches("<strong class=\"act-flag\">überfällig</strong>")
                .count(),
            1
        );
        assert!(board.contains(&format!(
            "href=\"/networks/{net}/meetings/{}\"",
            s.meeting_id
        )));
        assert!(board.contains(&format!(
            "href=\"/networks/{net}/meetings/{}/agenda\"",
            s.meeting_id
        )));
        assert!(board.contains("Der Kurskalender wird gemeinsam gepflegt."));
        assert!(board.contains("davon 1 überfällig"));

        // Filters work as a plain GET form.
        let by_org = text_with_status(
            member
                .get(&format!(
                    "/networks/{net}/actions?organization={other_org}&status=&meeting="
                ))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(by_org.contains("Wohnraumbörse prüfen"));
        assert!(!by_org.contains("Kurskalender online stellen"));
        let done = text_with_status(
            member
                .get(&format!("/networks/{net}/actions?status=done"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(!done.contains("Wohnraumbörse prüfen"));
        let by_meeting = text_with_status(
            member
                .get(&format!("/networks/{net}/actions?meeting=999999"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(!by_meeting.contains("Wohnraumbörse prüfen"));

        // The minute taker records action items too, once the minutes
        // name them: the account linked to that contact person — not one
        // that merely shares the address.
        let (taker, taker_email) = person_of(&app, s.logins.member_organization_id).await;
        sqlx::query("UPDATE meetings SET minute_taker_person_id = $1 WHERE id = $2")
            .bind(taker)
            .bind(s.meeting_id)
            .execute(app.db().pool())
            .await
            .unwrap();
        let same_address = network_user(
            &app,
            &s,
            &taker_email,
            Role::Member,
            Some(s.logins.member_organization_id),
        )
        .await;
        let response = same_address
            .post_form(
                &path,
                &[
                    ("agenda_item_id", &item1),
                    ("title", "Nicht protokolliert"),
                    ("responsible_organization_id", &org),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let minute_taker = User::new("protokoll@example.org", Role::Member)
            .network(s.logins.network_id)
            .organization(Some(s.logins.member_organization_id))
            .person(taker)
            .create(&app)
            .await
            .browser(&app)
            .await;
        let response = minute_taker
            .post_form(
                &path,
                &[
                    ("agenda_item_id", &item1),
                    ("title", "Protokollierte Aufgabe"),
                    ("responsible_organization_id", &org),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM action_items").await, 3);

        // The person's data export lists what they are responsible for.
        let export = text_with_status(
            s.coordinator.get(&format!("/people/{person}/export")).await,
            StatusCode::OK,
        )
        .await;
        assert!(export.contains("Kurskalender online stellen"), "{export}");

        // A meeting of another network is not found under this network.
        let other_network = Network::new("Anderes Netzwerk", "09162").create(&app).await;
        let admin = app.new_browser();
        admin
            .login(&s.logins.admin.email, &s.logins.admin.password)
            .await;
        let response = admin
            .get(&format!(
                "/networks/{other_network}/meetings/{}/actions",
                s.meeting_id
            ))
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
);
