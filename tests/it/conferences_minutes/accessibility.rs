//! Accessibility of the minutes pages.

use super::*;

/// The new pages pass axe-core's WCAG 2.1 AA rules and do not scroll
/// sideways on a phone, with content on them (SQLite only: slow).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_are_accessible() {
    let app = TestApp::start(Backend::Sqlite).await;
    let s = setup(&app, -HOUR).await;
    let m = &s.meeting;
    let response = upload(
        &s.coordinator,
        m,
        s.public_item,
        "Bericht.pdf",
        b"%PDF-1.7\n".to_vec(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let member = member(&app, &s.logins).await;
    let response = member
        .post_form(
            &format!("{m}/proposals"),
            &[("title", "Ehrenamtsbörse"), ("duration_minutes", "20")],
        )
        .await;
    // The meeting has started but is not held yet: proposals still open.
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = s.coordinator.post_form(&format!("{m}/held"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let item = s.public_item.to_string();
    let response = s
        .coordinator
        .post_form(
            &format!("{m}/minutes/decisions"),
            &[
                ("item_id", &item),
                ("text", "Angenommen"),
                ("votes_yes", "3"),
                ("votes_no", "0"),
                ("votes_abstain", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let Some(chrome) = crate::common::browser::Chrome::start(&app.base).await else {
        return;
    };
    chrome
        .sign_in(&s.logins.coordinator.email, &s.logins.coordinator.password)
        .await;
    let mut problems = Vec::new();
    for path in [
        m.to_string(),
        format!("{m}/edit"),
        format!("{m}/agenda"),
        format!("{m}/attendance"),
        format!("{m}/minutes"),
    ] {
        problems.extend(chrome.problems(&path).await);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
