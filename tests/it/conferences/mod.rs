//! Conferences: the due date and the organisers' rotation, meetings, and
//! the date poll answered through personal links sent by e-mail.

mod accessibility;
mod erasure;
mod invitations;
mod poll;
mod urls;

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
