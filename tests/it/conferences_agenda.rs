//! The agenda of a meeting: numbered items in their order, validated
//! input, and only the coordinator changes it.

use reqwest::StatusCode;
use sqlx::Row;

use crate::backend_test;
use crate::common::{Browser, TestApp, text_with_status};

/// The demo network, a meeting in it and a browser signed in as its
/// coordinator.
async fn meeting(app: &TestApp) -> (ikon::demo::DemoLogins, i64, Browser) {
    let logins = app.demo().await;
    let browser = app.new_browser();
    browser
        .login(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    let response = browser
        .post_form(
            &format!("/networks/{}/meetings", logins.network_id),
            &[("title", "Integrationskonferenz Herbst")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let id = response.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches(&format!("/networks/{}/meetings/", logins.network_id))
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    (logins, id, browser)
}

/// Titles and positions of a meeting's agenda, in order.
async fn agenda(app: &TestApp, meeting_id: i64) -> Vec<(i64, String, i64)> {
    sqlx::query(
        "SELECT id, title, position FROM agenda_items WHERE meeting_id = $1 ORDER BY position",
    )
    .bind(meeting_id)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1), r.get(2)))
    .collect()
}

backend_test!(
    agenda_items_keep_their_order_and_are_validated,
    |app: TestApp| async move {
        let (logins, meeting_id, browser) = meeting(&app).await;
        let path = format!(
            "/networks/{}/meetings/{meeting_id}/agenda",
            logins.network_id
        );
        let proposer = logins.member_organization_id.to_string();
        for (title, minutes) in [
            ("Begrüßung", "10"),
            ("Sprachkurse", "45"),
            ("Verschiedenes", "15"),
        ] {
            let response = browser
                .post_form(
                    &path,
                    &[
                        ("title", title),
                        ("duration_minutes", minutes),
                        ("proposer_organization_id", &proposer),
                        ("is_public", "1"),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{title}");
        }
        let items = agenda(&app, meeting_id).await;
        let titles: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        assert_eq!(titles, ["Begrüßung", "Sprachkurse", "Verschiedenes"]);
        assert_eq!(items.iter().map(|i| i.2).collect::<Vec<_>>(), [1, 2, 3]);

        // Bad input: no title, duration out of range, an organisation that
        // is not a member. 422, nothing stored.
        for fields in [
            vec![("title", ""), ("duration_minutes", "10")],
            vec![("title", "Zu lang"), ("duration_minutes", "481")],
            vec![("title", "Null"), ("duration_minutes", "0")],
            vec![("title", "Text"), ("duration_minutes", "zehn")],
            vec![
                ("title", "Fremd"),
                ("duration_minutes", "10"),
                ("proposer_organization_id", "999999"),
            ],
        ] {
            let response = browser.post_form(&path, &fields).await;
            let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert!(page.contains("aria-invalid=\"true\""), "{fields:?}");
        }
        assert_eq!(agenda(&app, meeting_id).await.len(), 3);

        // Move the last item up, then the first one down twice; moving
        // the last item further down changes nothing (and is not audited).
        let last = items[2].0.to_string();
        let first = items[0].0.to_string();
        for (id, direction) in [(&last, "up"), (&first, "down"), (&first, "down")] {
            let response = browser
                .post_form(&format!("{path}/{id}/move"), &[("direction", direction)])
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let titles: Vec<String> = agenda(&app, meeting_id)
            .await
            .into_iter()
            .map(|i| i.1)
            .collect();
        assert_eq!(titles, ["Verschiedenes", "Sprachkurse", "Begrüßung"]);
        let response = browser
            .post_form(&format!("{path}/{first}/move"), &[("direction", "down")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(agenda(&app, meeting_id).await[2].1, "Begrüßung");

        // Delete the middle one: the numbering closes the gap.
        let middle = agenda(&app, meeting_id).await[1].0.to_string();
        let response = browser
            .post_form(&format!("{path}/{middle}/delete"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let items = agenda(&app, meeting_id).await;
        assert_eq!(
            items
                .iter()
                .map(|i| (i.1.as_str(), i.2))
                .collect::<Vec<_>>(),
            [("Verschiedenes", 1), ("Begrüßung", 2)]
        );
        // An item of no meeting is 404.
        let response = browser
            .post_form(&format!("{path}/999999/delete"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);

        // Edit an item: the form opens prefilled, bad input is 422 and
        // changes nothing, good input is saved.
        let kept = items[1].0.to_string();
        let page = text_with_status(
            browser.get(&format!("{path}?edit={kept}")).await,
            StatusCode::OK,
        )
        .await;
        assert!(page.contains("value=\"Begrüßung\""), "{page}");
        let edit = format!("{path}/{kept}");
        let response = browser
            .post_form(&edit, &[("title", ""), ("duration_minutes", "5")])
            .await;
        text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(agenda(&app, meeting_id).await[1].1, "Begrüßung");
        let response = browser
            .post_form(
                &edit,
                &[
                    ("title", "Begrüßung und Protokoll"),
                    ("duration_minutes", "20"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            agenda(&app, meeting_id).await[1].1,
            "Begrüßung und Protokoll"
        );

        // Every change is in the audit log.
        let audited: i64 =
            sqlx::query("SELECT COUNT(*) FROM audit_log WHERE entity = 'agenda_item'")
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get(0);
        assert_eq!(audited, 3 + 3 + 1 + 1);

        // The page shows the items numbered, with the proposer and total.
        let page = text_with_status(browser.get(&path).await, StatusCode::OK).await;
        assert!(page.contains("Verschiedenes"), "{page}");
        assert!(page.contains("Gesamtdauer"), "{page}");
        assert!(page.contains("35 Min."), "{page}");

        // A member reads the agenda but cannot change it.
        let member = app.new_browser();
        member
            .login(&logins.member.email, &logins.member.password)
            .await;
        let page = text_with_status(member.get(&path).await, StatusCode::OK).await;
        assert!(page.contains("Begrüßung und Protokoll"), "{page}");
        assert!(!page.contains(&format!("{path}/{kept}/delete")), "{page}");
        let response = member.get(&format!("{path}?edit={kept}")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = member
            .post_form(&path, &[("title", "Von außen"), ("duration_minutes", "5")])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(agenda(&app, meeting_id).await.len(), 2);
    }
);
