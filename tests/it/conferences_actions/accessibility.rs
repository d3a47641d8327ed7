//! Accessibility of the action item pages.

use super::*;

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
