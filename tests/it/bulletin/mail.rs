//! Subscriptions and their mail, end to end through a real SMTP server
//! (tests/support/smtp_sink.py): a notice of each new post, daily digests
//! holding exactly the posts since the last one, each mail once per user
//! and period even with two workers, deadline reminders 14 and 3 days
//! ahead, and the one-click unsubscribe of RFC 8058.

use chrono::TimeZone;
use serde_json::Value;

use super::*;
use crate::both_backends;
use crate::common::{Backend, fixtures::Post, smtp::SmtpSink};

/// A received message as tests/support/read_mail.py reads it.
fn read(raw: &str) -> Value {
    use std::io::Write;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/read_mail.py");
    let mut child = std::process::Command::new("python3")
        .arg(script)
        .args(["List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(raw.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    serde_json::from_slice(&out.stdout).expect("read_mail.py answers JSON")
}

fn mails_to(sink: &SmtpSink, to: &str) -> Vec<Value> {
    sink.messages()
        .iter()
        .map(|m| read(m))
        .filter(|m| m["to"].as_str().unwrap().contains(to))
        .collect()
}

/// 08:00 German time, `days` from today.
fn morning(days: i64) -> i64 {
    let date = chrono::NaiveDate::parse_from_str(&day(days), "%Y-%m-%d").unwrap();
    Berlin
        .from_local_datetime(&date.and_hms_opt(8, 0, 0).unwrap())
        .unwrap()
        .timestamp()
}

async fn subscribe(browser: &Browser, net: i64, fields: &[(&str, &str)]) {
    let response = browser
        .post_form(&format!("/networks/{net}/posts/subscription"), fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

async fn published_at(app: &TestApp, id: i64, at: i64) {
    sqlx::query("UPDATE posts SET published_at = $1 WHERE id = $2")
        .bind(at)
        .bind(id)
        .execute(app.db().pool())
        .await
        .unwrap();
}

async fn sweep(app: &ikon::core::web::App, at: i64) -> ikon::bulletin::service::mail::Swept {
    ikon::bulletin::service::mail::sweep(app, at).await.unwrap()
}

async fn digests_and_notices_reach_subscribers_once(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let s = setup(&app).await;
    let net = s.net;
    // The member wants a daily digest of everything, in German; the
    // coordinator every funding call at once, in English.
    subscribe(&s.member, net, &[("frequency", "daily")]).await;
    s.coordinator.get("/account?lang=en").await;
    subscribe(
        &s.coordinator,
        net,
        &[("frequency", "immediate"), ("types", "funding_call")],
    )
    .await;
    // Subscribed three days ago (in the past, so the test can play the
    // mornings that followed).
    sqlx::query("UPDATE bulletin_subscriptions SET created_at = $1")
        .bind(morning(-3) - 3600)
        .execute(app.db().pool())
        .await
        .unwrap();

    // Day 1: a funding call and a news item.
    let call = Post::new(net, "Förderaufruf Demokratie leben")
        .public()
        .funding_call(&day(30))
        .create(&app)
        .await;
    let news = Post::new(net, "Neue Öffnungszeiten der Ausländerbehörde")
        .create(&app)
        .await;
    published_at(&app, call, morning(-3) + 3600).await;
    published_at(&app, news, morning(-3) + 7200).await;
    app.run_jobs().await;
    sink.wait_for(1).await;
    // The coordinator's notice of the funding call, at once, in English,
    // with both parts and the unsubscribe headers.
    let notices = mails_to(&sink, &s.logins.coordinator.email);
    assert_eq!(notices.len(), 1, "one notice: {notices:#?}");
    let notice = &notices[0];
    assert_eq!(notice["subject"], "New post: Förderaufruf Demokratie leben");
    assert_eq!(notice["content_type"], "multipart/alternative");
    assert_eq!(
        notice["parts"],
        serde_json::json!(["text/plain", "text/html"])
    );
    assert!(
        notice["text"]
            .as_str()
            .unwrap()
            .contains(&format!("{}/networks/{net}/posts/{call}", app.base))
    );
    assert!(notice["html"].as_str().unwrap().contains("<a href="));
    let unsubscribe = notice["headers"]["List-Unsubscribe"].as_str().unwrap();
    assert!(
        unsubscribe.starts_with(&format!("<{}/unsubscribe/", app.base))
            && unsubscribe.ends_with('>')
    );
    assert_eq!(
        notice["headers"]["List-Unsubscribe-Post"],
        "List-Unsubscribe=One-Click"
    );
    assert!(
        notice["text"]
            .as_str()
            .unwrap()
            .contains(&unsubscribe[1..unsubscribe.len() - 1]),
        "the link in the text too"
    );
    assert!(
        mails_to(&sink, &s.logins.member.email).is_empty(),
        "the member waits for the digest"
    );

    // Day 2, 08:00: the member's digest holds both posts of day 1.
    assert_eq!(sweep(&app.app, morning(-2)).await.digests, 1);
    app.run_jobs().await;
    sink.wait_for(2).await;
    let digests = mails_to(&sink, &s.logins.member.email);
    assert_eq!(digests.len(), 1);
    let text = digests[0]["text"].as_str().unwrap();
    assert!(
        digests[0]["subject"]
            .as_str()
            .unwrap()
            .contains("2 neue Mitteilungen heute"),
        "German"
    );
    assert!(text.contains("Förderaufruf Demokratie leben") && text.contains("Öffnungszeiten"));
    assert_eq!(
        digests[0]["parts"],
        serde_json::json!(["text/plain", "text/html"])
    );

    // Day 2, later: one more post; the second digest holds exactly that one.
    let event = Post::new(net, "Interkulturelles Fest")
        .public()
        .event(morning(10), 3)
        .create(&app)
        .await;
    published_at(&app, event, morning(-2) + 4 * 3600).await;
    // Two processes on the same database sweep at once: each mail once.
    let mut config = app.app.config.clone();
    config.data_dir = app.data_dir.join("second");
    let second_db = ikon::cli::open(&config).await.unwrap();
    let second = ikon::app::build(config, second_db);
    let (a, b) = tokio::join!(sweep(&app.app, morning(-1)), sweep(&second, morning(-1)));
    assert_eq!(a.digests + b.digests, 1, "one digest, by one of the two");
    let (a, b) = tokio::join!(
        sweep(&app.app, morning(-1) + 600),
        sweep(&second, morning(-1) + 900)
    );
    assert_eq!(
        a.digests + b.digests,
        0,
        "the period's digest went out already"
    );
    let (x, y) = tokio::join!(
        ikon::core::jobs::run_due(&app.app),
        ikon::core::jobs::run_due(&second)
    );
    x.unwrap();
    y.unwrap();
    sink.wait_for(3).await;
    let digests = mails_to(&sink, &s.logins.member.email);
    assert_eq!(digests.len(), 2, "{digests:#?}");
    let text = digests[1]["text"].as_str().unwrap();
    assert!(text.contains("Interkulturelles Fest"));
    assert!(
        !text.contains("Förderaufruf") && !text.contains("Öffnungszeiten"),
        "only what is new"
    );
    // A morning without news sends nothing.
    assert_eq!(sweep(&app.app, morning(0)).await.digests, 0);

    // The one-click unsubscribe: a POST without cookies or CSRF token, as
    // a mail provider sends it.
    let link = digests[1]["headers"]["List-Unsubscribe"]
        .as_str()
        .unwrap()
        .trim_matches(['<', '>'])
        .to_string();
    let stranger = reqwest::Client::new();
    let page = stranger.get(&link).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("abbestellen"));
    let response = stranger
        .post(&link)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let left: i64 = sqlx::query("SELECT COUNT(*) FROM bulletin_subscriptions")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(
        left, 1,
        "the member's subscription ended, the coordinator's stays"
    );
    // The link of an ended subscription, an unknown one, an expired one.
    let gone = stranger.get(&link).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let body = gone.text().await.unwrap();
    assert!(
        body.contains("unbekannt oder das Abonnement wurde schon beendet")
            && body.contains("/login")
    );
    let unknown = stranger
        .get(format!("{}/unsubscribe/not-a-token", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    sqlx::query("UPDATE bulletin_deliveries SET created_at = created_at - 400 * 86400")
        .execute(app.db().pool())
        .await
        .unwrap();
    let old = notice["headers"]["List-Unsubscribe"]
        .as_str()
        .unwrap()
        .trim_matches(['<', '>'])
        .to_string();
    let expired = stranger.get(&old).send().await.unwrap();
    assert_eq!(expired.status(), StatusCode::NOT_FOUND);
    assert!(expired.text().await.unwrap().contains("abgelaufen"));
    second.db.close().await;
}
both_backends!(digests_and_notices_reach_subscribers_once);

async fn funding_calls_remind_14_and_3_days_ahead(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let s = setup(&app).await;
    let net = s.net;
    subscribe(
        &s.member,
        net,
        &[("frequency", "weekly"), ("types", "funding_call")],
    )
    .await;
    Post::new(net, "Frist in zwei Wochen")
        .public()
        .funding_call(&day(14))
        .create(&app)
        .await;
    Post::new(net, "Frist in drei Tagen")
        .public()
        .funding_call(&day(3))
        .create(&app)
        .await;
    Post::new(net, "Frist in zehn Tagen")
        .public()
        .funding_call(&day(10))
        .create(&app)
        .await;
    let now = ikon::core::store::now();
    assert_eq!(sweep(&app.app, now).await.reminders, 2);
    assert_eq!(sweep(&app.app, now + 60).await.reminders, 0, "never twice");
    app.run_jobs().await;
    sink.wait_for(2).await;
    // (and perhaps this week's digest, which may still be on its way)
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let subjects: Vec<String> = mails_to(&sink, &s.logins.member.email)
        .iter()
        .map(|m| m["subject"].as_str().unwrap().to_string())
        .filter(|s| s.starts_with("Frist in"))
        .collect();
    assert_eq!(subjects.len(), 2, "{subjects:?}");
    assert!(subjects.contains(&"Frist in 14 Tagen: Frist in zwei Wochen".to_string()));
    assert!(subjects.contains(&"Frist in 3 Tagen: Frist in drei Tagen".to_string()));
}
both_backends!(funding_calls_remind_14_and_3_days_ahead);
