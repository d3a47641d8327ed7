//! The bulletin, a post, the form and the calendar in a real browser:
//! axe-core's WCAG 2.1 A/AA rules, the content security policy and reflow
//! at 320 px, in German and in Arabic (right to left) for the pages
//! everybody reads, in German and English for the signed-in ones.

use super::*;
use crate::common::{Backend, fixtures::Post};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulletin_pages_are_accessible() {
    use crate::common::browser::Chrome;

    let app = TestApp::start(Backend::Sqlite).await;
    let s = setup(&app).await;
    let net = s.net;
    let now = ikon::core::store::now();
    let event = Post::new(net, "Tag der Begegnung")
        .public()
        .event(now + 3 * 86_400, 5)
        .with(|r| {
            r.tags = vec!["leisure".into(), "families".into()];
            r.body = "Musik, Essen und Gespräche auf dem **Marktplatz**.".into();
            r.details.registration = "ikon".into();
            r.details.registration_limit = Some(1);
            r.details.lat = Some(49.5797);
            r.details.lon = Some(10.6112);
        })
        .create(&app)
        .await;
    let call = Post::new(net, "Landesprogramm Integration vor Ort")
        .public()
        .funding_call(&day(5))
        .with(|r| {
            r.details.funding_type = "zuschuss".into();
            r.details.applicants = vec!["kommune".into(), "verband".into()];
            r.details.amount_min = Some(5_000);
            r.details.amount_max = Some(50_000);
            r.tags = vec!["work".into()];
        })
        .create(&app)
        .await;
    Post::new(net, "Interne Nachricht").create(&app).await;
    create(
        &s.member,
        net,
        &[
            ("type", "news"),
            ("title", "Zur Prüfung"),
            ("audience", "network"),
        ],
    )
    .await;
    // The event is full: the member is on the waiting list.
    s.coordinator
        .post_form(&format!("/networks/{net}/posts/{event}/registration"), &[])
        .await;
    s.member
        .post_form(&format!("/networks/{net}/posts/{event}/registration"), &[])
        .await;

    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    let public = [
        format!("/networks/{net}/posts"),
        format!("/networks/{net}/posts?type=funding_call&deadline_within=30"),
        format!("/networks/{net}/posts/archive"),
        format!("/networks/{net}/posts/{event}"),
        format!("/networks/{net}/posts/{call}"),
        format!("/networks/{net}/calendar"),
        format!("/networks/{net}/calendar?view=list"),
        "/unsubscribe/not-a-token".to_string(),
    ];
    // Anonymous readers, in German and Arabic.
    for path in &public {
        let sep = if path.contains('?') { '&' } else { '?' };
        for lang in ["de", "ar"] {
            let url = format!("{path}{sep}lang={lang}");
            if path.starts_with("/unsubscribe") {
                // A page that says the link is unknown: 404 by design.
                chrome.goto(&url).await;
                let axe = crate::common::browser::axe(&chrome).await;
                let serious: Vec<String> = axe
                    .into_iter()
                    .filter(|v| v.is_serious())
                    .map(|v| v.to_string())
                    .collect();
                if !serious.is_empty() {
                    failures.push(format!("{url}: {}", serious.join("")));
                }
                continue;
            }
            failures.extend(chrome.problems(&url).await);
        }
    }
    chrome.goto(&format!("/networks/{net}/posts?lang=ar")).await;
    assert_eq!(chrome.lang().await, "ar");
    // Signed in: the coordinator's pages (review list, forms, settings,
    // an event's planning).
    chrome
        .sign_in(&s.logins.member.email, &s.logins.member.password)
        .await;
    failures.extend(
        chrome
            .problems(&format!("/networks/{net}/posts/{event}?lang=de"))
            .await,
    );
    let chrome2 = Chrome::start(&app.base).await.unwrap();
    chrome2
        .sign_in(&s.logins.coordinator.email, &s.logins.coordinator.password)
        .await;
    for path in [
        format!("/networks/{net}/posts"),
        format!("/networks/{net}/posts/new"),
        format!("/networks/{net}/posts/{call}/edit"),
        // The event with its planning tasks and the form to add one.
        format!("/networks/{net}/posts/{event}"),
        format!("/networks/{net}/posts/settings"),
        format!("/networks/{net}/posts/subscription"),
        format!("/networks/{net}/calendar"),
    ] {
        for lang in ["de", "en"] {
            failures.extend(chrome2.problems(&format!("{path}?lang={lang}")).await);
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
