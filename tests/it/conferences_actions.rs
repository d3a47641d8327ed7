//! Action items: recorded per agenda item, the action board, progress
//! updates by whoever is responsible, reminders by real e-mail (never
//! twice), the report on open items for the next agenda, the supervisor's
//! overview, the personal calendar feed and the conference JSON API.

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

backend_test!(
    only_the_responsible_report_progress,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        let org = s.logins.member_organization_id;
        let item0 = s.items[0].to_string();
        let action = add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Flyer übersetzen"),
                ("responsible_organization_id", &org.to_string()),
                ("due_on", &day(10)),
            ],
        )
        .await;
        let path = format!("/networks/{net}/actions/{action}/updates");
        let updates = "SELECT COUNT(*) FROM action_updates";

        // The member of the responsible organisation reports progress.
        let member = app.new_browser();
        member
            .login(&s.logins.member.email, &s.logins.member.password)
            .await;
        for (status, progress, comment) in [
            ("in_progress", "20", "Angebot eingeholt"),
            ("in_progress", "60", "Übersetzung läuft"),
        ] {
            let response = member
                .post_form(
                    &path,
                    &[
                        ("status", status),
                        ("progress", progress),
                        ("comment", comment),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let page = text_with_status(
            member
                .get(&format!("/networks/{net}/actions/{action}"))
                .await,
            StatusCode::OK,
        )
        .await;
        let newer = page.find("Übersetzung läuft").expect("newest entry shown");
        let older = page.find("Angebot eingeholt").expect("older entry shown");
        assert!(newer < older, "history is newest first");
        assert!(page.contains("60 %"));

        // Progress outside 0–100 or an unknown status: 422, nothing changed.
        for (status, progress) in [
            ("in_progress", "101"),
            ("in_progress", "-1"),
            ("in_progress", "viel"),
            ("fertig", "50"),
        ] {
            let response = member
                .post_form(&path, &[("status", status), ("progress", progress)])
                .await;
            let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert!(
                page.contains("aria-invalid=\"true\""),
                "{status} {progress}"
            );
        }
        assert_eq!(count(&app, updates).await, 2);

        // A member of another organisation and the supervisor: 403 with a
        // clear message, nothing changed.
        let other_org = other_organization(&app, &s).await;
        let stranger =
            network_user(&app, &s, "fremd@example.org", Role::Member, Some(other_org)).await;
        let supervisor = app.new_browser();
        supervisor
            .login(&s.logins.supervisor.email, &s.logins.supervisor.password)
            .await;
        for browser in [&stranger, &supervisor] {
            let response = browser
                .post_form(&path, &[("status", "done"), ("progress", "100")])
                .await;
            let page = text_with_status(response, StatusCode::FORBIDDEN).await;
            assert!(page.contains("verantwortliche Person"), "{page}");
        }
        assert_eq!(count(&app, updates).await, 2);
        let status: String = sqlx::query("SELECT status FROM action_items WHERE id = $1")
            .bind(action)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("status");
        assert_eq!(status, "in_progress");

        // When the responsible person has an account, it is theirs to
        // report — not the other members' of the organisation.
        let (person, _) = person_of(&app, org).await;
        let edit = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/meetings/{}/actions/{action}", s.meeting_id),
                &[
                    ("agenda_item_id", &item0),
                    ("title", "Flyer übersetzen"),
                    ("responsible_organization_id", &org.to_string()),
                    ("responsible_person_id", &person.to_string()),
                ],
            )
            .await;
        assert_eq!(edit.status(), StatusCode::SEE_OTHER);
        let response = member
            .post_form(&path, &[("status", "in_progress"), ("progress", "70")])
            .await;
        // Nobody acts as that person yet: the organisation's members may.
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let linked = User::new("verantwortlich@example.org", Role::Member)
            .network(s.logins.network_id)
            .organization(Some(org))
            .person(person)
            .create(&app)
            .await
            .browser(&app)
            .await;
        let response = member
            .post_form(&path, &[("status", "in_progress"), ("progress", "70")])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = linked
            .post_form(&path, &[("status", "done"), ("progress", "90")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // The coordinator may always; "done" means 100 %.
        let response = s
            .coordinator
            .post_form(
                &path,
                &[
                    ("status", "done"),
                    ("progress", "80"),
                    ("comment", "abgeschlossen"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let row = sqlx::query("SELECT status, progress FROM action_items WHERE id = $1")
            .bind(action)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(row.get::<String, _>("status"), "done");
        assert_eq!(row.get::<i64, _>("progress"), 100);
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'action_item' AND action = 'progress'").await,
            count(&app, updates).await
        );
    }
);

async fn reminders_go_out_once(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let s = setup(&app).await;
    let org = s.logins.member_organization_id;
    let (person, person_email) = person_of(&app, org).await;
    let item0 = s.items[0].to_string();
    // Due in three days (inside the default seven), one overdue, one far off.
    add_action(
        &app,
        &s,
        &[
            ("agenda_item_id", &item0),
            ("title", "Bald fällig"),
            ("responsible_person_id", &person.to_string()),
            ("due_on", &day(3)),
        ],
    )
    .await;
    add_action(
        &app,
        &s,
        &[
            ("agenda_item_id", &item0),
            ("title", "Schon überfällig"),
            ("responsible_person_id", &person.to_string()),
            ("due_on", &day(-1)),
        ],
    )
    .await;
    add_action(
        &app,
        &s,
        &[
            ("agenda_item_id", &item0),
            ("title", "Hat noch Zeit"),
            ("responsible_person_id", &person.to_string()),
            ("due_on", &day(60)),
        ],
    )
    .await;
    // An invited meeting in two days (inside the default three), one in ten.
    let now = ikon::core::store::now();
    for (title, starts) in [
        ("Sommerkonferenz", now + 2 * 86_400),
        ("Herbstkonferenz", now + 10 * 86_400),
    ] {
        Meeting::new(s.logins.network_id, title)
            .at(starts, 2)
            .location("Landratsamt")
            .state(State::Invited)
            .create(&app)
            .await;
    }
    let contacts = count(
        &app,
        &format!(
            "SELECT COUNT(DISTINCT p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id
             WHERE m.network_id = {} AND p.email <> ''",
            s.logins.network_id
        ),
    )
    .await as usize;

    // Two sweeps at the same time and one after: each reminder once.
    let (a, b) = tokio::join!(
        ikon::conferences::actions::reminders::sweep(&app.app),
        ikon::conferences::actions::reminders::sweep(&app.app)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let again = ikon::conferences::actions::reminders::sweep(&app.app)
        .await
        .unwrap();
    assert_eq!(a.due + b.due + again.due, 1);
    assert_eq!(a.overdue + b.overdue + again.overdue, 1);
    assert_eq!(a.meetings + b.meetings + again.meetings, 1);
    assert_eq!(again.mails, 0);

    app.run_jobs().await;
    let expected = 2 + contacts;
    let messages = sink.wait_for(expected).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.run_jobs().await;
    assert_eq!(sink.messages().len(), expected, "no mail twice");
    let text: Vec<String> = messages
        .iter()
        .map(|m| crate::common::smtp::body_text(m))
        .collect();
    let to_person: Vec<&String> = text
        .iter()
        .filter(|m| m.contains(&format!("To: {person_email}")))
        .collect();
    assert!(
        to_person.iter().any(|m| m.contains("Bald f")),
        "due reminder"
    );
    assert!(
        to_person.iter().any(|m| m.contains("Schon ")),
        "overdue reminder"
    );
    assert!(!text.iter().any(|m| m.contains("Hat noch Zeit")));
    assert_eq!(
        text.iter()
            .filter(|m| m.contains("Sommerkonferenz"))
            .count(),
        contacts
    );
    assert!(!text.iter().any(|m| m.contains("Herbstkonferenz")));
}
both_backends!(reminders_go_out_once);

backend_test!(
    the_next_agenda_pulls_in_open_items,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        let item0 = s.items[0].to_string();
        let org = s.logins.member_organization_id.to_string();
        add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Kursliste aktualisieren"),
                ("responsible_organization_id", &org),
                ("due_on", "2030-03-01"),
            ],
        )
        .await;
        let finished = add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Schon erledigt"),
                ("responsible_organization_id", &org),
            ],
        )
        .await;
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/actions/{finished}/updates"),
                &[("status", "done"), ("progress", "100")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let next = new_meeting(&s.coordinator, net, "Herbstkonferenz").await;
        let agenda = text_with_status(
            s.coordinator
                .get(&format!("/networks/{net}/meetings/{next}/agenda"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(
            agenda.contains("/agenda/open-actions"),
            "the button is offered"
        );
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/meetings/{next}/agenda/open-actions"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let row = sqlx::query("SELECT title, description FROM agenda_items WHERE meeting_id = $1")
            .bind(next)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(row.get::<String, _>("title"), "Bericht zu offenen Aufgaben");
        let description: String = row.get("description");
        assert!(
            description.contains("Kursliste aktualisieren"),
            "{description}"
        );
        assert!(description.contains("01.03.2030"), "{description}");
        assert!(description.contains("0 %"), "{description}");
        assert!(!description.contains("Schon erledigt"), "{description}");

        // Not for a meeting that has taken place.
        sqlx::query("UPDATE meetings SET state = 'held' WHERE id = $1")
            .bind(next)
            .execute(app.db().pool())
            .await
            .unwrap();
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/meetings/{next}/agenda/open-actions"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM agenda_items WHERE meeting_id = {next}")
            )
            .await,
            1
        );
    }
);

backend_test!(
    supervisors_see_rhythm_and_open_items,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        let item0 = s.items[0].to_string();
        let org = s.logins.member_organization_id.to_string();
        add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Überfällig"),
                ("responsible_organization_id", &org),
                ("due_on", &day(-5)),
            ],
        )
        .await;
        add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Offen"),
                ("responsible_organization_id", &org),
            ],
        )
        .await;
        let supervisor = app.new_browser();
        supervisor
            .login(&s.logins.supervisor.email, &s.logins.supervisor.password)
            .await;
        let home = text_with_status(supervisor.get("/").await, StatusCode::OK).await;
        assert!(home.contains("href=\"/overview\""));

        // No conference held yet: the rhythm does not hold.
        let page = text_with_status(supervisor.get("/overview").await, StatusCode::OK).await;
        assert!(page.contains(&format!("href=\"/networks/{net}/meetings\"")));
        assert!(page.contains("noch keine Konferenz abgehalten"), "{page}");
        assert!(
            page.contains(&format!("<a href=\"/networks/{net}/actions\">2</a>")),
            "{page}"
        );
        assert!(
            page.contains("<strong class=\"act-flag\">1</strong>"),
            "{page}"
        );

        // Held two months ago, the next one planned in three: it holds.
        let now = ikon::core::store::now();
        sqlx::query(
            "UPDATE meetings SET starts_at = $1, ends_at = $2, state = 'held' WHERE id = $3",
        )
        .bind(now - 60 * 86_400)
        .bind(now - 60 * 86_400 + 7200)
        .bind(s.meeting_id)
        .execute(app.db().pool())
        .await
        .unwrap();
        let next = new_meeting(&s.coordinator, net, "Nächste").await;
        sqlx::query("UPDATE meetings SET starts_at = $1, ends_at = $2 WHERE id = $3")
            .bind(now + 90 * 86_400)
            .bind(now + 90 * 86_400 + 7200)
            .bind(next)
            .execute(app.db().pool())
            .await
            .unwrap();
        let page = text_with_status(supervisor.get("/overview").await, StatusCode::OK).await;
        assert!(page.contains("act-rhythm-holds"), "{page}");
        assert!(page.contains(&format!(
            "href=\"/networks/{net}/meetings/{}\"",
            s.meeting_id
        )));
        assert!(page.contains(&format!("href=\"/networks/{net}/meetings/{next}\"")));

        // Members get no nav link; the other network's coordinator does
        // not see this network.
        let member = app.new_browser();
        member
            .login(&s.logins.member.email, &s.logins.member.password)
            .await;
        let home = text_with_status(member.get("/").await, StatusCode::OK).await;
        assert!(!home.contains("href=\"/overview\""));
        let anonymous = app.new_browser();
        let response = anonymous.get("/overview").await;
        assert!(
            response.status() == StatusCode::SEE_OTHER
                || response.status() == StatusCode::UNAUTHORIZED
        );
    }
);

backend_test!(
    personal_calendar_feed_has_internal_meetings,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let now = ikon::core::store::now();
        sqlx::query(
            "UPDATE meetings SET starts_at = $1, ends_at = $2, is_public = 0 WHERE id = $3",
        )
        .bind(now + 86_400)
        .bind(now + 86_400 + 7200)
        .bind(s.meeting_id)
        .execute(app.db().pool())
        .await
        .unwrap();
        let member = app.new_browser();
        member
            .login(&s.logins.member.email, &s.logins.member.password)
            .await;
        let account = text_with_status(member.get("/account").await, StatusCode::OK).await;
        assert!(account.contains("Kalender-Abo"));
        let page = text_with_status(
            member.post_form("/account/calendar", &[]).await,
            StatusCode::OK,
        )
        .await;
        // Templates escape "/" as an entity; browsers show the plain URL.
        let page = page.replace("&#x2f;", "/");
        let start = page.find("/calendar/").expect("the URL is shown");
        let end = start + page[start..].find(".ics").unwrap() + 4;
        let path = page[start..end].to_string();
        let token = path
            .trim_start_matches("/calendar/")
            .trim_end_matches(".ics");
        // Only the hash is stored.
        let stored: String = sqlx::query("SELECT token_hash FROM calendar_feeds")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_ne!(stored, token);

        // No cookies needed: the token is the key.
        let anonymous = app.new_browser();
        let response = anonymous.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let body = response.text().await.unwrap();
        assert!(body.starts_with("BEGIN:VCALENDAR"));
        assert!(body.contains("SUMMARY:Frühjahrskonferenz"), "{body}");
        // The public feed of the network does not have the internal meeting.
        let public = anonymous
            .get(&format!("/networks/{}/meetings.ics", s.logins.network_id))
            .await
            .text()
            .await
            .unwrap();
        assert!(!public.contains("Frühjahrskonferenz"));

        // A new address replaces the old one; unknown tokens are 404.
        let page = text_with_status(
            member.post_form("/account/calendar", &[]).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(anonymous.get(&path).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            anonymous.get("/calendar/nonsense.ics").await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM calendar_feeds").await, 1);
        let page = page.replace("&#x2f;", "/");
        let start = page.find("/calendar/").expect("the new URL is shown");
        let end = start + page[start..].find(".ics").unwrap() + 4;
        let renewed = page[start..end].to_string();
        assert_eq!(anonymous.get(&renewed).await.status(), StatusCode::OK);

        // A new password voids the feed address with every other secret.
        let password = "ein-ganz-neues-Passwort-2026";
        let response = member
            .post_form(
                "/account/password",
                &[
                    ("current", s.logins.member.password.as_str()),
                    ("password", password),
                    ("password_confirm", password),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            anonymous.get(&renewed).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM calendar_feeds").await, 0);
    }
);

backend_test!(
    json_api_for_meetings_agenda_and_actions,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        let db = app.db();
        let token = |email: String| async move {
            let (user, _) = ikon::accounts::store::user_by_email(db, &email)
                .await
                .unwrap()
                .unwrap();
            ikon::accounts::sessions::create_api_token(db, user.id, "test")
                .await
                .unwrap()
        };
        let coordinator = token(s.logins.coordinator.email.clone()).await;
        let member = token(s.logins.member.email.clone()).await;
        let supervisor = token(s.logins.supervisor.email.clone()).await;
        let client = reqwest::Client::new();
        let call = |method: reqwest::Method, path: String, bearer: &str, body: Option<Value>| {
            let mut request = client.request(method, app.url(&path)).bearer_auth(bearer);
            if let Some(body) = body {
                request = request.json(&body);
            }
            request.send()
        };

        // Meetings: create (validated), list.
        let response = call(reqwest::Method::POST, format!("/api/v1/networks/{net}/meetings"), &coordinator,
            Some(json!({ "title": "API-Konferenz", "starts_at": "2030-05-04T14:00", "ends_at": "2030-05-04T16:00", "is_public": true }))).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let meeting: Value = response.json().await.unwrap();
        let mid = meeting["id"].as_i64().unwrap();
        assert_eq!(meeting["state"], "planned");
        let response = call(
            reqwest::Method::POST,
            format!("/api/v1/networks/{net}/meetings"),
            &coordinator,
            Some(json!({ "title": "", "starts_at": "morgen" })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error: Value = response.json().await.unwrap();
        assert!(
            error["fields"]["title"].is_string() && error["fields"]["starts_at"].is_string(),
            "{error}"
        );
        let response = call(
            reqwest::Method::POST,
            format!("/api/v1/networks/{net}/meetings"),
            &supervisor,
            Some(json!({ "title": "Nicht erlaubt" })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let list: Value = call(
            reqwest::Method::GET,
            format!("/api/v1/networks/{net}/meetings"),
            &member,
            None,
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .any(|m| m["title"] == "API-Konferenz")
        );

        // Agenda items.
        let response = call(
            reqwest::Method::POST,
            format!("/api/v1/networks/{net}/meetings/{mid}/agenda"),
            &coordinator,
            Some(json!({ "title": "Begrüßung", "duration_minutes": 10 })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let response = call(
            reqwest::Method::POST,
            format!("/api/v1/networks/{net}/meetings/{mid}/agenda"),
            &coordinator,
            Some(json!({ "title": "Zu lang", "duration_minutes": 481 })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let agenda: Value = call(
            reqwest::Method::GET,
            format!("/api/v1/networks/{net}/meetings/{mid}/agenda"),
            &member,
            None,
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert_eq!(agenda.as_array().unwrap().len(), 1);
        assert_eq!(agenda[0]["position"], 1);

        // Action items and a progress update.
        let item0 = s.items[0].to_string();
        let action = add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Per API gemeldet"),
                (
                    "responsible_organization_id",
                    &s.logins.member_organization_id.to_string(),
                ),
            ],
        )
        .await;
        let list: Value = call(
            reqwest::Method::GET,
            format!("/api/v1/networks/{net}/actions"),
            &member,
            None,
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert_eq!(list[0]["title"], "Per API gemeldet");
        assert_eq!(list[0]["meeting_id"], s.meeting_id);
        let update_path = format!("/api/v1/networks/{net}/actions/{action}/updates");
        let response = call(
            reqwest::Method::POST,
            update_path.clone(),
            &member,
            Some(json!({ "status": "in_progress", "progress": 40, "comment": "läuft" })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let update: Value = response.json().await.unwrap();
        assert_eq!(update["progress"], 40);
        let response = call(
            reqwest::Method::POST,
            update_path.clone(),
            &member,
            Some(json!({ "status": "in_progress", "progress": 140 })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error: Value = response.json().await.unwrap();
        assert!(error["fields"]["progress"].is_string(), "{error}");
        let response = call(
            reqwest::Method::POST,
            update_path,
            &supervisor,
            Some(json!({ "status": "done", "progress": 100 })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let error: Value = response.json().await.unwrap();
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("verantwortliche"),
            "{error}"
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM action_updates").await, 1);
    }
);

/// The new pages pass the accessibility checks (axe, language, contrast)
/// in both languages, with an overdue item and a history on them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn action_pages_are_accessible() {
    use crate::common::browser::Chrome;

    let app = TestApp::start(Backend::Sqlite).await;
    let s = setup(&app).await;
    let net = s.logins.network_id;
    let item0 = s.items[0].to_string();
    let org = s.logins.member_organization_id.to_string();
    let action = add_action(
        &app,
        &s,
        &[
            ("agenda_item_id", &item0),
            ("title", "Kurskalender veröffentlichen"),
            ("responsible_organization_id", &org),
            ("due_on", &day(-2)),
        ],
    )
    .await;
    let response = s
        .coordinator
        .post_form(
            &format!("/networks/{net}/actions/{action}/updates"),
            &[
                ("status", "in_progress"),
                ("progress", "30"),
                ("comment", "Entwurf liegt vor"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    chrome
        .sign_in(&s.logins.coordinator.email, &s.logins.coordinator.password)
        .await;
    let mut failures = Vec::new();
    for path in [
        format!("/networks/{net}/meetings/{}/actions", s.meeting_id),
        format!(
            "/networks/{net}/meetings/{}/actions?edit={action}",
            s.meeting_id
        ),
        format!("/networks/{net}/actions"),
        format!("/networks/{net}/actions?status=all"),
        format!("/networks/{net}/actions/{action}"),
        "/overview".to_string(),
        "/account".to_string(),
    ] {
        for url in [
            path.clone(),
            format!(
                "{path}{}lang=en",
                if path.contains('?') { '&' } else { '?' }
            ),
        ] {
            failures.extend(chrome.problems(&url).await);
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
