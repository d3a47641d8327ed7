//! The feeds, checked by real validators (tests/support/check_feeds.py):
//! Atom against the RELAX NG grammar of RFC 4287 with `xmllint`, JSON Feed
//! against a JSON Schema of version 1.1 with Python's `jsonschema`,
//! iCalendar with Python's `icalendar`. Read as anonymous and as a member:
//! public feeds never hold an internal post.

use serde_json::Value;

use super::*;
use crate::backend_test;
use crate::common::fixtures::Post;

/// Runs the validator of `kind` (atom, json, ics) on a feed; panics with
/// its reasons when the feed is not valid.
pub(crate) fn validated(kind: &str, body: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("feed.{kind}"));
    std::fs::write(&file, body).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/check_feeds.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(kind)
        .arg(&file)
        .output()
        .expect("python3 runs (pip install -r tests/support/requirements.txt)");
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "check_feeds.py {kind}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(
        out.status.success() && summary["problems"].as_array().unwrap().is_empty(),
        "{kind} feed not valid: {summary:#}\n{body}"
    );
    summary
}

async fn fetch(browser: &Browser, path: &str, content_type: &str) -> String {
    let response = browser.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let got = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(got.starts_with(content_type), "{path}: {got}");
    response.text().await.unwrap()
}

fn titles(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

async fn posts(app: &TestApp, net: i64) {
    let now = ikon::core::store::now();
    Post::new(net, "Landesförderung Sprachkurse")
        .public()
        .funding_call(&day(21))
        .with(|r| {
            r.tags = vec!["language".into(), "refugees".into()];
            r.body = "Anträge mit **Kostenplan** & Zeitplan <bis> Ende des Monats.".into();
        })
        .create(app)
        .await;
    Post::new(net, "Tag der Begegnung")
        .public()
        .event(now + 12 * 86_400, 5)
        .create(app)
        .await;
    Post::new(net, "Sommerfest im Juli")
        .public()
        .event(now + 40 * 86_400, 3)
        .with(|r| {
            r.details.place = String::new();
            r.details.online_url = "https://meet.example.org/fest".into();
        })
        .create(app)
        .await;
    Post::new(net, "Interne Fortbildung")
        .event(now + 5 * 86_400, 2)
        .create(app)
        .await;
    Post::new(net, "Interne Frist")
        .funding_call(&day(9))
        .create(app)
        .await;
    Post::new(net, "Vertrauliche Nachricht")
        .with(|r| r.tags = vec!["language".into()])
        .create(app)
        .await;
    Post::new(net, "Sprachcafé als gute Praxis")
        .public()
        .with(|r| {
            r.kind = ikon::bulletin::model::Kind::GoodPractice;
            r.details.problem = "Wenig Gelegenheit zum Sprechen".into();
            r.details.approach = "Treffen in der Bücherei".into();
        })
        .create(app)
        .await;
}

const INTERNAL: [&str; 3] = [
    "Interne Fortbildung",
    "Interne Frist",
    "Vertrauliche Nachricht",
];

backend_test!(
    feeds_pass_their_validators_and_hold_public_posts_only,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        posts(&app, net).await;
        // Anonymous readers, and members too: feeds are public.
        for reader in [app.new_browser(), s.member.clone()] {
            let atom = fetch(
                &reader,
                &format!("/networks/{net}/posts.atom"),
                "application/atom+xml",
            )
            .await;
            let summary = validated("atom", &atom);
            let entries = titles(&summary["entries"]);
            assert_eq!(entries.len(), 4, "{entries:?}");
            for internal in INTERNAL {
                assert!(!atom.contains(internal), "{internal} in the Atom feed");
            }
            assert!(
                atom.contains(&format!("{}/networks/{net}/posts/", app.base)),
                "absolute links"
            );
            let json = fetch(
                &reader,
                &format!("/networks/{net}/posts.json"),
                "application/feed+json",
            )
            .await;
            let summary = validated("json", &json);
            assert_eq!(titles(&summary["items"]).len(), 4);
            assert_eq!(summary["audiences"], serde_json::json!(["public"]));
            for internal in INTERNAL {
                assert!(!json.contains(internal), "{internal} in the JSON feed");
            }
            let ics = fetch(
                &reader,
                &format!("/networks/{net}/posts.ics"),
                "text/calendar",
            )
            .await;
            let summary = validated("ics", &ics);
            assert_eq!(summary["timezones"], serde_json::json!(["Europe/Berlin"]));
            let events = summary["events"].as_array().unwrap();
            let kinds: Vec<(&str, &str)> = events
                .iter()
                .map(|e| (e["summary"].as_str().unwrap(), e["kind"].as_str().unwrap()))
                .collect();
            assert!(kinds.contains(&("Tag der Begegnung", "event")), "{kinds:?}");
            assert!(
                kinds.contains(&("Frist: Landesförderung Sprachkurse", "deadline")),
                "{kinds:?}"
            );
            assert_eq!(
                events.len(),
                3,
                "two public events and one public deadline: {kinds:?}"
            );
            for internal in INTERNAL {
                assert!(!ics.contains(internal), "{internal} in the calendar");
            }
        }
        // Per type and per tag.
        let anonymous = app.new_browser();
        let atom = fetch(
            &anonymous,
            &format!("/networks/{net}/posts.atom?type=event"),
            "application/atom+xml",
        )
        .await;
        let summary = validated("atom", &atom);
        assert_eq!(
            titles(&summary["entries"]),
            ["Sommerfest im Juli", "Tag der Begegnung"]
        );
        assert!(summary["title"].as_str().unwrap().contains("Veranstaltung"));
        assert!(
            atom.contains("posts.atom?type=event\"/>"),
            "its self link keeps the filter"
        );
        // In English when its URL asks: title, labels and language tag;
        // the posts keep their words. A language the bulletin does not
        // speak gets the German feed.
        let atom = fetch(
            &anonymous,
            &format!("/networks/{net}/posts.atom?type=event&lang=en"),
            "application/atom+xml",
        )
        .await;
        let summary = validated("atom", &atom);
        assert!(summary["title"].as_str().unwrap().starts_with("Bulletin: "));
        assert!(summary["title"].as_str().unwrap().contains("Event"));
        assert!(atom.contains("xml:lang=\"en\""));
        assert!(atom.contains("posts.atom?type=event&amp;lang=en\"/>"));
        assert!(atom.contains("Tag der Begegnung"));
        let json = fetch(
            &anonymous,
            &format!("/networks/{net}/posts.json?lang=ar"),
            "application/feed+json",
        )
        .await;
        let summary = validated("json", &json);
        assert!(
            summary["title"]
                .as_str()
                .unwrap()
                .starts_with("Mitteilungen: ")
        );
        assert!(json.contains("\"language\":\"de\""));
        let english = text_with_status(
            anonymous
                .get(&format!("/networks/{net}/posts?lang=en"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(
            english.contains("posts.atom?lang=en\""),
            "the page offers its language's feed"
        );
        assert!(english.contains("posts.ics?lang=en\""));
        let json = fetch(
            &anonymous,
            &format!("/networks/{net}/posts.json?tag=language"),
            "application/feed+json",
        )
        .await;
        let summary = validated("json", &json);
        assert_eq!(titles(&summary["items"]), ["Landesförderung Sprachkurse"]);
        let atom = fetch(
            &anonymous,
            &format!("/networks/{net}/posts.atom?tag=refugees&type=funding_call"),
            "application/atom+xml",
        )
        .await;
        assert_eq!(
            titles(&validated("atom", &atom)["entries"]),
            ["Landesförderung Sprachkurse"]
        );
        // One event for one's own calendar.
        let id: i64 = sqlx::query("SELECT id FROM posts WHERE title = 'Tag der Begegnung'")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        let one = fetch(
            &anonymous,
            &format!("/networks/{net}/posts/{id}/event.ics"),
            "text/calendar",
        )
        .await;
        assert_eq!(
            validated("ics", &one)["events"].as_array().unwrap().len(),
            1
        );
        // A network that does not exist has no feeds.
        for feed in ["posts.atom", "posts.json", "posts.ics"] {
            let status = anonymous
                .get(&format!("/networks/999999/{feed}"))
                .await
                .status();
            assert_eq!(status, StatusCode::NOT_FOUND, "{feed}");
        }
    }
);

backend_test!(pages_advertise_their_feeds, |app: TestApp| async move {
    let s = setup(&app).await;
    let net = s.net;
    let id = Post::new(net, "Öffentlich").public().create(&app).await;
    let anonymous = app.new_browser();
    for path in [
        format!("/networks/{net}/posts"),
        format!("/networks/{net}/posts/{id}"),
        format!("/networks/{net}/posts?type=event&tag=work"),
    ] {
        // Attribute values as the browser reads them.
        let html = page(&anonymous, &path).await.replace("&#x2f;", "/");
        let head = &html[..html.find("</head>").unwrap()];
        for (kind, file) in [
            ("application/atom+xml", "posts.atom"),
            ("application/feed+json", "posts.json"),
            ("text/calendar", "posts.ics"),
        ] {
            let link = format!("<link rel=\"alternate\" type=\"{kind}\"");
            assert!(head.contains(&link), "{path}: {kind}");
            assert!(
                head.contains(&format!("{}/networks/{net}/{file}", app.base)),
                "{path}: {file}"
            );
        }
    }
    let html = page(
        &anonymous,
        &format!("/networks/{net}/posts?type=event&tag=work"),
    )
    .await
    .replace("&#x2f;", "/");
    assert!(
        html.contains("posts.atom?type=event&amp;tag=work"),
        "the filtered feed"
    );
    let html = page(&anonymous, &format!("/networks/{net}/calendar")).await;
    assert!(html[..html.find("</head>").unwrap()].contains("type=\"text/calendar\""));
});
