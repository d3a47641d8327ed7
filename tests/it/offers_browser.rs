//! The offer pages in a real browser: WCAG 2.1 AA with axe-core and reflow
//! at 320 px.

use reqwest::StatusCode;

use crate::common::TestApp;
use crate::offers::{offer_id, signed_in, valid};

/// axe-core's WCAG 2.1 AA check (serious and critical problems) and reflow
/// at 320 px for the offer pages, public and for editors. SQLite only,
/// like tests/it/browser.rs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offer_pages_are_accessible() {
    use crate::common::{Backend, browser::Chrome};

    let app = TestApp::start(Backend::Sqlite).await;
    let demo = app.demo().await;
    let network = demo.network_id;
    let member = signed_in(&app, &demo.member.email, &demo.member.password).await;
    let response = member
        .post_form(&format!("/networks/{network}/offers"), &valid())
        .await;
    let id = offer_id(&response);
    for lang in ["en", "ar"] {
        let response = member
            .post_form(
                &format!("/networks/{network}/offers/{id}/translations/{lang}"),
                &[("title", "Migration counselling"), ("summary", "Advice.")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let coordinator = signed_in(&app, &demo.coordinator.email, &demo.coordinator.password).await;
    let response = coordinator
        .post_form(
            &format!("/networks/{network}/offers/{id}/status"),
            &[("to", "published")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    let mut check = async |url: String| failures.extend(chrome.problems(&url).await);
    for url in [
        format!("/networks/{network}/offers/{id}"),
        format!("/networks/{network}/offers/{id}?lang=ar"),
        format!("/networks/{network}/offers/{id}?lang=tr"),
        "/finder".to_string(),
        "/finder?postal_code=91438&age=20".to_string(),
    ] {
        check(url).await;
    }
    chrome
        .sign_in(&demo.coordinator.email, &demo.coordinator.password)
        .await;
    for url in [
        format!("/networks/{network}/offers"),
        format!("/networks/{network}/offers/new"),
        format!("/networks/{network}/offers/{id}?lang=en"),
        format!("/networks/{network}/offers/{id}/edit"),
        format!("/networks/{network}/offers/{id}/translations/en"),
        format!("/networks/{network}/offers/{id}/translations/ar"),
        format!("/networks/{network}/offers/{id}/contact-point"),
        format!("/networks/{network}/coverage"),
    ] {
        check(url).await;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
