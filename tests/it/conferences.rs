//! Conferences: the due date and the organisers' rotation, meetings, and
//! the date poll answered through personal links sent by e-mail.

use ikon::conferences::model::{format_local, next_due};
use reqwest::StatusCode;
use sqlx::Row;

use crate::common::{Backend, Browser, TestApp, smtp::body_text, text_with_status};
use crate::{backend_test, both_backends};

const DAY: i64 = 86_400;

/// The demo network and a browser signed in as its coordinator.
async fn coordinator(app: &TestApp) -> (i64, Browser) {
    let logins = app.demo().await;
    let browser = app.new_browser();
    browser
        .login(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    (logins.network_id, browser)
}

async fn count(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query(sql)
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}

/// Creates a meeting through the form and returns its id.
async fn new_meeting(browser: &Browser, network_id: i64, fields: &[(&str, &str)]) -> i64 {
    let response = browser
        .post_form(&format!("/networks/{network_id}/meetings"), fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response);
    to.trim_start_matches(&format!("/networks/{network_id}/meetings/"))
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Organisations of the network, in the order of their ids.
async fn member_ids(app: &TestApp, network_id: i64) -> Vec<i64> {
    sqlx::query(
        "SELECT organization_id FROM memberships WHERE network_id = $1 ORDER BY organization_id",
    )
    .bind(network_id)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| r.get(0))
    .collect()
}

backend_test!(
    due_date_follows_the_rhythm_and_the_rotation,
    |app: TestApp| async move {
        let (network_id, browser) = coordinator(&app).await;
        let settings = format!("/networks/{network_id}/meetings/settings");
        let list = format!("/networks/{network_id}/meetings");

        // Nothing held yet: due now, no rotation.
        let page = text_with_status(browser.get(&list).await, StatusCode::OK).await;
        assert!(page.contains("jetzt fällig"), "{page}");

        // Bad rhythms are refused and change nothing.
        for bad in ["0", "25", "sechs", ""] {
            let response = browser
                .post_form(
                    &settings,
                    &[
                        ("action", "save"),
                        ("rhythm_months", bad),
                        ("default_location", "x"),
                    ],
                )
                .await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "rhythm {bad:?}"
            );
        }
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM meeting_series WHERE network_id = $1",
                network_id
            )
            .await,
            0
        );
        let saved = browser
            .post_form(
                &settings,
                &[
                    ("action", "save"),
                    ("rhythm_months", "3"),
                    ("default_location", "Landratsamt, Saal 1"),
                ],
            )
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);

        // Rotation: add three, move the third up, remove the first.
        let orgs = member_ids(&app, network_id).await;
        let (a, b, c) = (orgs[0], orgs[1], orgs[2]);
        for org in [a, b, c] {
            let r = browser
                .post_form(
                    &settings,
                    &[("action", "add"), ("organization_id", &org.to_string())],
                )
                .await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
        }
        // Twice, or an organisation of no member, is refused.
        let again = browser
            .post_form(
                &settings,
                &[("action", "add"), ("organization_id", &a.to_string())],
            )
            .await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let stranger = browser
            .post_form(
                &settings,
                &[("action", "add"), ("organization_id", "999999")],
            )
            .await;
        assert_eq!(stranger.status(), StatusCode::UNPROCESSABLE_ENTITY);
        browser
            .post_form(
                &settings,
                &[("action", "up"), ("organization_id", &c.to_string())],
            )
            .await;
        let rotation = |app: &TestApp| {
            let pool = app.db().pool().clone();
            async move {
                sqlx::query("SELECT organization_id FROM series_rotation WHERE network_id = $1 ORDER BY position")
                .bind(network_id)
                .fetch_all(&pool)
                .await
                .unwrap()
                .iter()
                .map(|r| r.get::<i64, _>(0))
                .collect::<Vec<_>>()
            }
        };
        assert_eq!(rotation(&app).await, vec![a, c, b]);
        browser
            .post_form(
                &settings,
                &[("action", "remove"), ("organization_id", &a.to_string())],
            )
            .await;
        assert_eq!(rotation(&app).await, vec![c, b]);

        // No meeting yet: the first of the rotation organises.
        let name = |id: i64| {
            let pool = app.db().pool().clone();
            async move {
                sqlx::query("SELECT name FROM organizations WHERE id = $1")
                    .bind(id)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
                    .get::<String, _>(0)
            }
        };
        let page = text_with_status(browser.get(&list).await, StatusCode::OK).await;
        assert!(
            page.contains(&name(c).await.replace('&', "&amp;")),
            "{page}"
        );

        // A conference held 40 days ago, organised by c: due 3 months later, b next.
        let held = ikon::core::store::now() - 40 * DAY;
        let start = format_local(held);
        let end = format_local(held + 3 * 3600);
        new_meeting(
            &browser,
            network_id,
            &[
                ("title", "Frühjahrskonferenz"),
                ("starts_at", &start),
                ("ends_at", &end),
                ("location", "Neustadt"),
                ("organizer_organization_id", &c.to_string()),
            ],
        )
        .await;
        let due = next_due(
            Some(ikon::conferences::model::parse_local(&start).unwrap()),
            3,
            0,
        );
        let due_text = chrono::DateTime::<chrono::Utc>::from_timestamp(due, 0)
            .unwrap()
            .with_timezone(&chrono_tz::Europe::Berlin)
            .format("%d.%m.%Y")
            .to_string();
        let page = text_with_status(browser.get(&list).await, StatusCode::OK).await;
        assert!(page.contains(&format!("fällig bis {due_text}")), "{page}");
        assert!(
            page.contains(&format!(
                "Ausrichtung: {}",
                name(b).await.replace('&', "&amp;")
            )),
            "{page}"
        );
        assert!(page.contains("Frühjahrskonferenz"));

        // Every change is in the network's audit log.
        let audited = count(&app, "SELECT COUNT(*) FROM audit_log WHERE network_id = $1 AND entity IN ('meeting_series', 'series_rotation', 'meeting')", network_id).await;
        assert_eq!(audited, 1 + 3 + 1 + 1 + 1);
    }
);

backend_test!(meeting_form_checks_its_fields, |app: TestApp| async move {
    let (network_id, browser) = coordinator(&app).await;
    let new = format!("/networks/{network_id}/meetings/new");
    let form = text_with_status(browser.get(&new).await, StatusCode::OK).await;
    let create = format!("/networks/{network_id}/meetings");
    assert!(form.contains("type=\"datetime-local\""));
    let start = format_local(ikon::core::store::now() + 20 * DAY);
    let earlier = format_local(ikon::core::store::now() + 19 * DAY);
    for fields in [
        vec![("title", ""), ("starts_at", ""), ("ends_at", "")],
        vec![
            ("title", "K"),
            ("starts_at", start.as_str()),
            ("ends_at", earlier.as_str()),
        ],
        vec![
            ("title", "K"),
            ("starts_at", start.as_str()),
            ("ends_at", ""),
        ],
        vec![
            ("title", "K"),
            ("starts_at", "morgen"),
            ("ends_at", "übermorgen"),
        ],
    ] {
        let response = browser.post_form(&create, &fields).await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("aria-invalid=\"true\""));
    }
    let page = text_with_status(
        browser
            .post_form(
                &create,
                &[("title", "K"), ("starts_at", &start), ("ends_at", &earlier)],
            )
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(page.contains("Das Ende muss nach dem Beginn liegen."));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM meetings WHERE network_id = $1",
            network_id
        )
        .await,
        0
    );

    let id = new_meeting(
        &browser,
        network_id,
        &[("title", "Herbstkonferenz"), ("is_public", "1")],
    )
    .await;
    let page = text_with_status(
        browser
            .get(&format!("/networks/{network_id}/meetings/{id}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(page.contains("Herbstkonferenz") && page.contains("Termin noch offen"));
    let end = format_local(ikon::core::store::now() + 20 * DAY + 7200);
    let edit = format!("/networks/{network_id}/meetings/{id}");
    let bad = browser
        .post_form(
            &edit,
            &[
                ("title", "Herbstkonferenz"),
                ("starts_at", &start),
                ("ends_at", &start),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ok = browser
        .post_form(
            &edit,
            &[
                ("title", "Herbstkonferenz"),
                ("starts_at", &start),
                ("ends_at", &end),
                ("location", "Bad Windsheim"),
            ],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let row = sqlx::query("SELECT starts_at, location, is_public FROM meetings WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert_eq!(
        row.get::<Option<i64>, _>("starts_at").map(format_local),
        Some(start)
    );
    assert_eq!(row.get::<String, _>("location"), "Bad Windsheim");
    assert_eq!(
        row.get::<i64, _>("is_public"),
        0,
        "an unticked box clears the flag"
    );
});

backend_test!(
    poll_options_are_validated_and_errors_change_nothing,
    |app: TestApp| async move {
        let (network_id, browser) = coordinator(&app).await;
        let id = new_meeting(&browser, network_id, &[("title", "Konferenz")]).await;
        let options = format!("/networks/{network_id}/meetings/{id}/poll/options");
        let now = ikon::core::store::now();
        let at = |days: i64, hours: i64| format_local(now + days * DAY + hours * 3600);
        let first = browser
            .post_form(
                &options,
                &[("starts_at", &at(10, 0)), ("ends_at", &at(10, 3))],
            )
            .await;
        assert_eq!(first.status(), StatusCode::SEE_OTHER);

        let cases = [
            (
                at(-2, 0),
                at(-2, 3),
                "Der Beginn liegt in der Vergangenheit.",
            ),
            (
                at(12, 3),
                at(12, 1),
                "Das Ende muss nach dem Beginn liegen.",
            ),
            (at(10, 2), at(10, 5), "überschneidet sich"),
            (at(10, -1), at(10, 1), "überschneidet sich"),
            (String::new(), at(12, 1), "Bitte ausfüllen."),
        ];
        for (start, end, message) in cases {
            let response = browser
                .post_form(&options, &[("starts_at", &start), ("ends_at", &end)])
                .await;
            let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert!(page.contains(message), "{message}: {page}");
            assert!(page.contains("aria-invalid=\"true\""));
        }
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM poll_options WHERE meeting_id = $1",
                id
            )
            .await,
            1
        );
        // Right after the first one is fine.
        let adjacent = browser
            .post_form(
                &options,
                &[("starts_at", &at(10, 3)), ("ends_at", &at(10, 5))],
            )
            .await;
        assert_eq!(adjacent.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM poll_options WHERE meeting_id = $1",
                id
            )
            .await,
            2
        );
    }
);

fn poll_links(messages: &[String], base: &str) -> Vec<(String, String)> {
    messages
        .iter()
        .map(|m| {
            let text = body_text(m);
            let to = text
                .lines()
                .find_map(|l| l.strip_prefix("To: "))
                .expect("To header")
                .trim()
                .to_string();
            let prefix = format!("{base}/p/");
            let start = text.find(&prefix).expect("personal link in the mail");
            let link = text[start..].split_whitespace().next().unwrap();
            (to, link.trim_start_matches(base).to_string())
        })
        .collect()
}

async fn poll_through_personal_links(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let (network_id, browser) = coordinator(&app).await;
    let id = new_meeting(&browser, network_id, &[("title", "Sommerkonferenz")]).await;
    let now = ikon::core::store::now();
    let at = |days: i64, hours: i64| format_local(now + days * DAY + hours * 3600);
    let options = format!("/networks/{network_id}/meetings/{id}/poll/options");
    for day in [14, 21] {
        let r = browser
            .post_form(
                &options,
                &[("starts_at", &at(day, 0)), ("ends_at", &at(day, 3))],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let option_ids: Vec<i64> =
        sqlx::query("SELECT id FROM poll_options WHERE meeting_id = $1 ORDER BY starts_at")
            .bind(id)
            .fetch_all(app.db().pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();

    let sent = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}/poll/send"),
            &[],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let expected = count(
        &app,
        "SELECT COUNT(DISTINCT p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id WHERE m.network_id = $1 AND p.email <> ''",
        network_id,
    )
    .await as usize;
    assert!(expected > 1);
    app.run_jobs().await;
    let messages = sink.wait_for(expected).await;
    assert_eq!(messages.len(), expected);
    let links = poll_links(&messages, &app.base);
    let mut distinct: Vec<&String> = links.iter().map(|(_, l)| l).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), expected, "one link per person");
    // Only hashes are stored.
    let token = links[0].1.trim_start_matches("/p/");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM personal_links WHERE meeting_id = $1",
            id
        )
        .await as usize,
        expected
    );
    let stored = sqlx::query("SELECT COUNT(*) FROM personal_links WHERE token_hash = $1")
        .bind(token)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get::<i64, _>(0);
    assert_eq!(stored, 0);

    // The first recipient answers without an account.
    let (first_to, first_link) = &links[0];
    let anonymous = app.new_browser();
    let page = text_with_status(anonymous.get(first_link).await, StatusCode::OK).await;
    assert!(page.contains("Sommerkonferenz"));
    assert!(page.contains("<legend>") && page.contains("Wenn nötig"));
    let (f1, f2) = (format!("o{}", option_ids[0]), format!("o{}", option_ids[1]));
    let bad = anonymous
        .post_form(first_link, &[(&f1, "vielleicht")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM poll_answers a JOIN poll_options o ON o.id = a.option_id WHERE o.meeting_id = $1", id).await, 0);
    // Without the CSRF token nothing is saved.
    let forged = anonymous
        .client
        .post(app.url(first_link))
        .form(&[(f1.as_str(), "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let saved = anonymous
        .post_form(first_link, &[(&f1, "yes"), (&f2, "maybe")])
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = text_with_status(anonymous.get(first_link).await, StatusCode::OK).await;
    assert!(
        page.contains(&format!(
            "id=\"{f1}-yes\" name=\"{f1}\" value=\"yes\" checked"
        )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "id=\"{f2}-maybe\" name=\"{f2}\" value=\"maybe\" checked"
    )));
    // A second person: no on the first, yes on the second.
    let (_, second_link) = &links[1];
    let other = app.new_browser();
    let other_page = text_with_status(other.get(second_link).await, StatusCode::OK).await;
    assert!(
        !other_page.contains(" checked"),
        "one person's link shows nobody else's answers"
    );
    other
        .post_form(second_link, &[(&f1, "no"), (&f2, "yes")])
        .await;

    // Unknown and expired links are a 404 with a clear message.
    let page = text_with_status(
        anonymous.get("/p/not-a-real-token").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(page.contains("ungültig oder abgelaufen"));
    sqlx::query("UPDATE personal_links SET expires_at = $1 WHERE token_hash = $2")
        .bind(ikon::core::store::now() - 1)
        .bind(ikon::accounts::secrets::token_hash(
            links[2].1.trim_start_matches("/p/"),
        ))
        .execute(app.db().pool())
        .await
        .unwrap();
    assert_eq!(
        app.new_browser().get(&links[2].1).await.status(),
        StatusCode::NOT_FOUND
    );

    // The coordinator sees the matrix and fixes the second date.
    let page = text_with_status(
        browser
            .get(&format!("/networks/{network_id}/meetings/{id}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(page.contains("ja 1 · wenn nötig 0 · nein 1"), "{page}");
    assert!(page.contains("ja 1 · wenn nötig 1 · nein 0"), "{page}");
    let first_name: String = sqlx::query("SELECT name FROM people WHERE email = $1")
        .bind(
            first_to
                .trim_matches(['<', '>'])
                .rsplit('<')
                .next()
                .unwrap()
                .trim_end_matches('>'),
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert!(
        page.contains(&first_name.replace('&', "&amp;")),
        "who answered what"
    );
    let unknown = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}/poll/choose"),
            &[("option_id", "999999")],
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let chosen = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}/poll/choose"),
            &[("option_id", &option_ids[1].to_string())],
        )
        .await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    let starts_at: Option<i64> = sqlx::query("SELECT starts_at FROM meetings WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(starts_at.map(format_local), Some(at(21, 0)));
    // The poll is closed now.
    let late = anonymous.post_form(first_link, &[(&f1, "no")]).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let page = text_with_status(anonymous.get(first_link).await, StatusCode::OK).await;
    assert!(page.contains("abgeschlossen"));
}

both_backends!(poll_through_personal_links);

/// Parses the message's text/calendar attachment with Python's `icalendar`
/// (tests/support/check_ics.py) and returns what it found.
fn check_ics(message: &str) -> serde_json::Value {
    use std::io::Write;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/check_ics.py");
    let mut child = std::process::Command::new("python3")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .expect("python3 runs (pip install -r tests/support/requirements.txt)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(message.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "check_ics.py failed");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn link_with(message: &str, prefix: &str) -> String {
    let text = body_text(message);
    let start = text.find(prefix).expect("personal link in the mail");
    text[start..].split_whitespace().next().unwrap().to_string()
}

async fn invitation_with_icalendar(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let (network_id, browser) = coordinator(&app).await;
    let now = ikon::core::store::now();
    // No date yet: nothing to invite to.
    let undated = new_meeting(&browser, network_id, &[("title", "Ohne Termin")]).await;
    let refused = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{undated}/invite"),
            &[],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);

    let start = format_local(now + 30 * DAY);
    let end = format_local(now + 30 * DAY + 3 * 3600);
    let title = "Integrationskonferenz Neustadt a.d.Aisch-Bad Windsheim – Frühjahrssitzung mit Fachforum Übergänge";
    let id = new_meeting(
        &browser,
        network_id,
        &[
            ("title", title),
            ("starts_at", &start),
            ("ends_at", &end),
            (
                "location",
                "Landratsamt, Sitzungssaal 1; Konrad-Adenauer-Str. 1",
            ),
            ("is_public", "1"),
        ],
    )
    .await;
    let recipients = count(
        &app,
        "SELECT COUNT(DISTINCT p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id WHERE m.network_id = $1 AND p.email <> ''",
        network_id,
    )
    .await as usize;

    let invited = browser
        .post_form(&format!("/networks/{network_id}/meetings/{id}/invite"), &[])
        .await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let again = browser
        .post_form(&format!("/networks/{network_id}/meetings/{id}/invite"), &[])
        .await;
    assert_eq!(
        again.status(),
        StatusCode::CONFLICT,
        "an invitation goes out once"
    );
    app.run_jobs().await;
    let messages = sink.wait_for(recipients).await;
    assert_eq!(messages.len(), recipients);
    let first = &messages[0];
    assert!(first.contains("multipart/mixed"));
    let ics = check_ics(first);
    assert_eq!(ics["method"], "REQUEST");
    assert_eq!(ics["version"], "2.0");
    assert!(
        ics["content_type"]
            .as_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    assert_eq!(ics["filename"], "einladung.ics");
    assert_eq!(ics["crlf_only"], true, "{ics}");
    assert!(ics["max_line_octets"].as_u64().unwrap() <= 75, "{ics}");
    assert_eq!(ics["sequence"], 0);
    let uid = ics["uid"].as_str().unwrap().to_string();
    assert!(uid.len() > 20);
    assert!(ics["dtstamp"].is_string());
    let starts_at = ikon::conferences::model::parse_local(&start).unwrap();
    let expected_start = chrono::DateTime::<chrono::Utc>::from_timestamp(starts_at, 0).unwrap();
    assert_eq!(ics["dtstart"], expected_start.to_rfc3339());
    assert_eq!(ics["tz"], "UTC");
    assert_eq!(ics["summary"], title);
    assert_eq!(
        ics["location"],
        "Landratsamt, Sitzungssaal 1; Konrad-Adenauer-Str. 1"
    );
    assert_eq!(ics["organizer"], "mailto:ikon@localhost");
    let to = body_text(first)
        .lines()
        .find_map(|l| l.strip_prefix("To: ").map(str::to_string))
        .unwrap();
    let address = to
        .trim()
        .rsplit('<')
        .next()
        .unwrap()
        .trim_end_matches('>')
        .to_string();
    assert_eq!(ics["attendee"], format!("mailto:{address}"));
    assert_eq!(ics["rsvp"], "TRUE");
    assert_eq!(ics["status"], "CONFIRMED");
    // The mail text has the details and a personal link to answer.
    assert!(body_text(first).contains("Sitzungssaal"));

    // Register and decline through the links, without an account.
    let prefix = format!("{}/r/", app.base);
    let yes_link = link_with(&messages[0], &prefix)
        .trim_start_matches(&app.base)
        .to_string();
    let no_link = link_with(&messages[1], &prefix)
        .trim_start_matches(&app.base)
        .to_string();
    assert_ne!(yes_link, no_link);
    let anonymous = app.new_browser();
    let page = text_with_status(anonymous.get(&yes_link).await, StatusCode::OK).await;
    assert!(page.contains("<legend>") && page.contains("Sitzungssaal"));
    let bad = anonymous
        .post_form(&yes_link, &[("response", "gern")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        anonymous
            .post_form(&yes_link, &[("response", "yes")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let page = text_with_status(anonymous.get(&yes_link).await, StatusCode::OK).await;
    assert!(page.contains("Sie sind angemeldet."));
    let other = app.new_browser();
    assert_eq!(
        other
            .post_form(&no_link, &[("response", "no")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.new_browser().get("/r/not-a-real-token").await.status(),
        StatusCode::NOT_FOUND
    );
    // A poll link is no RSVP link.
    let poll_like = yes_link.replacen("/r/", "/p/", 1);
    assert_eq!(
        app.new_browser().get(&poll_like).await.status(),
        StatusCode::NOT_FOUND
    );
    let page = text_with_status(
        browser
            .get(&format!("/networks/{network_id}/meetings/{id}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(page.contains("Angemeldet: 1 · Abgesagt: 1"), "{page}");

    // A changed place: the update carries the same UID and SEQUENCE 1.
    let later_end = format_local(now + 30 * DAY + 4 * 3600);
    let edited = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}"),
            &[
                ("title", title),
                ("starts_at", &start),
                ("ends_at", &later_end),
                ("location", "Bad Windsheim, Kurhaus"),
                ("is_public", "1"),
            ],
        )
        .await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let updated = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}/update-invitation"),
            &[],
        )
        .await;
    assert_eq!(updated.status(), StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let messages = sink.wait_for(2 * recipients).await;
    let ics = check_ics(&messages[recipients]);
    assert_eq!(ics["method"], "REQUEST");
    assert_eq!(ics["uid"], uid.as_str());
    assert_eq!(ics["sequence"], 1);
    assert_eq!(ics["location"], "Bad Windsheim, Kurhaus");

    // Cancelled: METHOD:CANCEL with the next sequence, and no more answers.
    let cancelled = browser
        .post_form(&format!("/networks/{network_id}/meetings/{id}/cancel"), &[])
        .await;
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let messages = sink.wait_for(3 * recipients).await;
    assert_eq!(messages.len(), 3 * recipients);
    let ics = check_ics(&messages[2 * recipients]);
    assert_eq!(ics["method"], "CANCEL");
    assert_eq!(ics["uid"], uid.as_str());
    assert_eq!(ics["sequence"], 2);
    assert_eq!(ics["status"], "CANCELLED");
    assert_eq!(
        anonymous
            .post_form(&yes_link, &[("response", "no")])
            .await
            .status(),
        StatusCode::CONFLICT
    );
    let state: String = sqlx::query("SELECT state FROM meetings WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(state, "cancelled");
    let again = browser
        .post_form(&format!("/networks/{network_id}/meetings/{id}/cancel"), &[])
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
}

both_backends!(invitation_with_icalendar);

backend_test!(
    calendar_feed_lists_only_public_dated_meetings,
    |app: TestApp| async move {
        let (network_id, browser) = coordinator(&app).await;
        let now = ikon::core::store::now();
        let (s, e) = (
            format_local(now + 5 * DAY),
            format_local(now + 5 * DAY + 3600),
        );
        new_meeting(
            &browser,
            network_id,
            &[
                ("title", "Öffentliche Konferenz"),
                ("starts_at", &s),
                ("ends_at", &e),
                ("is_public", "1"),
            ],
        )
        .await;
        new_meeting(
            &browser,
            network_id,
            &[
                ("title", "Interne Runde"),
                ("starts_at", &s),
                ("ends_at", &e),
            ],
        )
        .await;
        new_meeting(
            &browser,
            network_id,
            &[("title", "Termin offen"), ("is_public", "1")],
        )
        .await;
        let cancelled = new_meeting(
            &browser,
            network_id,
            &[
                ("title", "Abgesagte Konferenz"),
                ("starts_at", &s),
                ("ends_at", &e),
                ("is_public", "1"),
            ],
        )
        .await;
        browser
            .post_form(
                &format!("/networks/{network_id}/meetings/{cancelled}/cancel"),
                &[],
            )
            .await;

        let response = app
            .new_browser()
            .get(&format!("/networks/{network_id}/meetings.ics"))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let body = response.text().await.unwrap();
        assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.ends_with("END:VCALENDAR\r\n"));
        assert!(!body.contains("METHOD:"));
        assert_eq!(body.matches("BEGIN:VEVENT").count(), 1, "{body}");
        assert!(body.contains("SUMMARY:Öffentliche Konferenz"));
        assert!(
            !body.contains("Interne")
                && !body.contains("Termin offen")
                && !body.contains("Abgesagte")
        );
        assert!(body.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(
            app.new_browser()
                .get("/networks/999999/meetings.ics")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    }
);

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

backend_test!(
    erasing_people_and_organisations_takes_their_conference_data_along,
    |app: TestApp| async move {
        use ikon::conferences::{
            model::{Answer, LINK_VALID_SECS, MeetingRecord},
            store::{self, Purpose},
        };
        use ikon::core::{
            audit::Actor,
            ids::{NetworkId, OrganizationId, PersonId},
        };
        use ikon::network::service::memberships;

        let demo = app.demo().await;
        let network = demo.network_id;
        // An organisation in this network only, with a contact person.
        let org_id: i64 = sqlx::query(
            "SELECT p.organization_id FROM people p JOIN memberships m ON m.organization_id = p.organization_id
             WHERE m.network_id = $1 AND p.email <> ''
             AND (SELECT COUNT(*) FROM memberships x WHERE x.organization_id = p.organization_id) = 1
             ORDER BY p.id",
        )
        .bind(network)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        let person: i64 =
            sqlx::query("SELECT id FROM people WHERE organization_id = $1 ORDER BY id")
                .bind(org_id)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get(0);
        let now = ikon::core::store::now();
        let actor = Actor::System("test");
        let mut tx = app.db().begin().await.unwrap();
        store::set_rotation(
            &mut tx,
            Actor::System("test"),
            NetworkId(network),
            &[OrganizationId(org_id)],
        )
        .await
        .unwrap();
        let record = MeetingRecord {
            title: "Konferenz".into(),
            starts_at: None,
            ends_at: None,
            location: String::new(),
            online_url: String::new(),
            organizer_organization_id: Some(OrganizationId(org_id)),
            is_public: false,
        };
        let id = store::create_meeting(&mut tx, Actor::System("test"), NetworkId(network), &record)
            .await
            .unwrap();
        let meeting = store::meeting(&mut *tx, id).await.unwrap().unwrap();
        let option = store::add_poll_option(
            &mut tx,
            Actor::System("test"),
            &meeting,
            now + DAY,
            now + DAY + 3600,
        )
        .await
        .unwrap();
        store::save_answers(
            &mut tx,
            &meeting,
            PersonId(person),
            &[(option, Answer::Yes)],
        )
        .await
        .unwrap();
        store::save_rsvp(&mut tx, &meeting, PersonId(person), true)
            .await
            .unwrap();
        let token = store::issue_link(
            &mut tx,
            id,
            PersonId(person),
            Purpose::Poll,
            LINK_VALID_SECS,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();

        // The person's data export (GDPR Art. 15) holds the answers and the registration.
        let coordinator = app.new_browser();
        coordinator
            .login(&demo.coordinator.email, &demo.coordinator.password)
            .await;
        let export: serde_json::Value = coordinator
            .get(&format!("/people/{person}/export"))
            .await
            .json()
            .await
            .unwrap();
        let of_this_meeting = |list: &str| {
            export[list]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["meeting_id"] == id.get())
                .cloned()
                .collect::<Vec<_>>()
        };
        let answers = of_this_meeting("poll_answers");
        assert_eq!(answers.len(), 1, "{export}");
        assert_eq!(answers[0]["answer"], "yes");
        assert_eq!(answers[0]["option_starts_at"], now + DAY);
        let registrations = of_this_meeting("registrations");
        assert_eq!(registrations[0]["response"], "yes");
        assert_eq!(registrations[0]["meeting_title"], "Konferenz");

        // The organisation leaves its only network: it and its people are deleted.
        let removed =
            memberships::remove(&app.app, &actor, NetworkId(network), OrganizationId(org_id))
                .await
                .unwrap();
        assert_eq!(removed, memberships::Removed::Organization);

        for (table, column) in [
            ("poll_answers", "person_id"),
            ("personal_links", "person_id"),
            ("rsvps", "person_id"),
        ] {
            let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
            assert_eq!(count(&app, &sql, person).await, 0, "{table}");
        }
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM series_rotation WHERE organization_id = $1",
                org_id
            )
            .await,
            0
        );
        let meeting = store::meeting(app.db().pool(), id).await.unwrap().unwrap();
        assert_eq!(meeting.organizer_organization_id, None);
        assert_eq!(
            app.new_browser().get(&format!("/p/{token}")).await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

/// A meeting of `network` with one agenda item and a file on it (rows
/// only: the redirects and lookups need no bytes): (meeting, item, file).
async fn meeting_with_file(app: &TestApp, network: i64, title: &str) -> (i64, i64, i64) {
    let db = app.db().pool();
    let meeting: i64 = sqlx::query(
        "INSERT INTO meetings (network_id, title, location, online_url, state, is_public, ics_uid, ics_sequence, created_at, updated_at)
         VALUES ($1, $2, '', '', 'planned', 0, $3, 0, 0, 0) RETURNING id",
    )
    .bind(network)
    .bind(title)
    .bind(format!("{title}@test"))
    .fetch_one(db)
    .await
    .unwrap()
    .get(0);
    let item: i64 = sqlx::query(
        "INSERT INTO agenda_items (meeting_id, position, title, description, duration_minutes, is_public, created_at, updated_at)
         VALUES ($1, 1, 'Sprachkurse', '', 15, 0, 0, 0) RETURNING id",
    )
    .bind(meeting)
    .fetch_one(db)
    .await
    .unwrap()
    .get(0);
    let file: i64 = sqlx::query(
        "INSERT INTO attachments (network_id, agenda_item_id, file_name, mime_type, size_bytes, sha256, sha512, is_public, created_at)
         VALUES ($1, $2, 'liste.pdf', 'application/pdf', 9, 'x', 'x', 0, 0) RETURNING id",
    )
    .bind(network)
    .bind(item)
    .fetch_one(db)
    .await
    .unwrap()
    .get(0);
    (meeting, item, file)
}

backend_test!(
    old_urls_move_to_the_meetings_network,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let n = demo.network_id;
        let (m, item, file) = meeting_with_file(&app, n, "Alte Links").await;
        let anonymous = app.new_browser();
        // E-mails and bookmarks carry these; the query (a notice, the
        // language, an item to edit) goes along.
        for (old, new) in [
            (
                format!("/networks/{n}/conferences"),
                format!("/networks/{n}/meetings"),
            ),
            (
                format!("/networks/{n}/conferences/new"),
                format!("/networks/{n}/meetings/new"),
            ),
            (
                format!("/networks/{n}/conferences/settings"),
                format!("/networks/{n}/meetings/settings"),
            ),
            (
                format!("/conferences/{m}"),
                format!("/networks/{n}/meetings/{m}"),
            ),
            (
                format!("/conferences/{m}/edit"),
                format!("/networks/{n}/meetings/{m}/edit"),
            ),
            (
                format!("/conferences/{m}/agenda"),
                format!("/networks/{n}/meetings/{m}/agenda"),
            ),
            (
                format!("/conferences/{m}/attendance"),
                format!("/networks/{n}/meetings/{m}/attendance"),
            ),
            (
                format!("/conferences/{m}/minutes"),
                format!("/networks/{n}/meetings/{m}/minutes"),
            ),
            (
                format!("/attachments/{file}"),
                format!("/networks/{n}/meetings/{m}/agenda/{item}/attachments/{file}"),
            ),
        ] {
            for query in ["", "?notice=conf-invited&lang=en"] {
                let response = anonymous.get(&format!("{old}{query}")).await;
                assert_eq!(
                    response.status(),
                    StatusCode::PERMANENT_REDIRECT,
                    "{old}{query}"
                );
                assert_eq!(location(&response), format!("{new}{query}"), "{old}");
            }
        }

        // An unknown meeting or file has no new place: 404, as before.
        for old in [
            "/conferences/999999".to_string(),
            "/conferences/999999/minutes".to_string(),
            "/attachments/999999".to_string(),
            "/conferences/keine-zahl".to_string(),
        ] {
            let response = anonymous.get(&old).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{old}");
        }
        // A removed file neither.
        sqlx::query("UPDATE attachments SET deleted_at = 1 WHERE id = $1")
            .bind(file)
            .execute(app.db().pool())
            .await
            .unwrap();
        let response = anonymous.get(&format!("/attachments/{file}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
);

backend_test!(
    a_child_under_another_parent_is_not_found,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let n = demo.network_id;
        let other: i64 = sqlx::query(
            "INSERT INTO networks (name, region_key, description, created_at, updated_at) VALUES ('Anderes Netzwerk', '09162', '', 0, 0) RETURNING id",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        let (m, item, _) = meeting_with_file(&app, n, "Hier").await;
        let (elsewhere, other_item, other_file) = meeting_with_file(&app, other, "Anderswo").await;
        let db = app.db().pool();
        let decision: i64 = sqlx::query(
            "INSERT INTO decisions (agenda_item_id, position, text, created_at, updated_at) VALUES ($1, 1, 'Beschluss', 0, 0) RETURNING id",
        )
        .bind(other_item)
        .fetch_one(db)
        .await
        .unwrap()
        .get(0);
        let proposal: i64 = sqlx::query(
            "INSERT INTO agenda_proposals (meeting_id, title, description, duration_minutes, state, decision_note, created_at, updated_at)
             VALUES ($1, 'Vorschlag', '', 10, 'open', '', 0, 0) RETURNING id",
        )
        .bind(elsewhere)
        .fetch_one(db)
        .await
        .unwrap()
        .get(0);
        let action: i64 = sqlx::query(
            "INSERT INTO action_items (network_id, agenda_item_id, title, status, progress, created_at, updated_at)
             VALUES ($1, $2, 'Aufgabe', 'open', 0, 0, 0) RETURNING id",
        )
        .bind(other)
        .bind(other_item)
        .fetch_one(db)
        .await
        .unwrap()
        .get(0);
        // An admin may see both networks: the 404 is about the path, not
        // about rights.
        let admin = app.new_browser();
        admin.login(&demo.admin.email, &demo.admin.password).await;
        let gets = [
            // the meeting of the other network under this one
            format!("/networks/{n}/meetings/{elsewhere}"),
            format!("/networks/{n}/meetings/{elsewhere}/edit"),
            format!("/networks/{n}/meetings/{elsewhere}/agenda"),
            format!("/networks/{n}/meetings/{elsewhere}/attendance"),
            format!("/networks/{n}/meetings/{elsewhere}/minutes"),
            format!("/networks/{n}/meetings/{elsewhere}/actions"),
            format!("/networks/{n}/meetings/{elsewhere}/invitation.pdf"),
            format!("/api/v1/networks/{n}/meetings/{elsewhere}/agenda"),
            // another meeting's item and file under this meeting
            format!("/networks/{n}/meetings/{m}/agenda/{other_item}/attachments/{other_file}"),
            format!("/networks/{n}/meetings/{m}/agenda/{item}/attachments/{other_file}"),
            format!("/networks/{n}/meetings/{m}/agenda?edit={other_item}"),
            // the other network's action item
            format!("/networks/{n}/actions/{action}"),
        ];
        for path in &gets {
            let response = admin.get(path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "GET {path}");
        }
        let posts = [
            format!("/networks/{n}/meetings/{elsewhere}/agenda"),
            format!("/networks/{n}/meetings/{m}/agenda/{other_item}"),
            format!("/networks/{n}/meetings/{m}/agenda/{other_item}/delete"),
            format!("/networks/{n}/meetings/{m}/agenda/{item}/attachments/{other_file}/delete"),
            format!(
                "/networks/{n}/meetings/{m}/agenda/{other_item}/attachments/{other_file}/delete"
            ),
            format!("/networks/{n}/meetings/{m}/proposals/{proposal}/decide"),
            format!("/networks/{n}/meetings/{m}/minutes/decisions/{decision}/delete"),
            format!("/networks/{n}/meetings/{m}/actions/{action}"),
            format!("/networks/{n}/actions/{action}/updates"),
        ];
        for path in &posts {
            let response = admin
                .post_form(
                    path,
                    &[
                        ("title", "Neu"),
                        ("duration_minutes", "10"),
                        ("direction", "up"),
                        ("decision", "accept"),
                        ("status", "done"),
                        ("progress", "100"),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "POST {path}");
        }
        // Nothing of the other network changed.
        let unchanged: i64 = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM agenda_items WHERE meeting_id = $1)
             + (SELECT COUNT(*) FROM decisions WHERE id = $2)
             + (SELECT COUNT(*) FROM agenda_proposals WHERE id = $3 AND state = 'open')
             + (SELECT COUNT(*) FROM attachments WHERE id = $4 AND deleted_at IS NULL)
             + (SELECT COUNT(*) FROM action_items WHERE id = $5 AND status = 'open')",
        )
        .bind(elsewhere)
        .bind(decision)
        .bind(proposal)
        .bind(other_file)
        .bind(action)
        .fetch_one(db)
        .await
        .unwrap()
        .get(0);
        assert_eq!(unchanged, 5);
    }
);
