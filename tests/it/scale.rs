//! Several `ikon serve` processes on one PostgreSQL database: sessions made
//! by one are honoured by the other, and queued jobs run exactly once.

use ikon::{
    accounts::model::Role,
    core::{
        mail::{self, Email},
        store::Db,
    },
};
use reqwest::StatusCode;

use crate::common::{Backend, Options, TestApp, smtp::SmtpSink};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_share_sessions_and_jobs() {
    if !crate::common::postgres_enabled() {
        return;
    }
    let sink = SmtpSink::start();
    let first = TestApp::start_with(
        Backend::Postgres,
        Options {
            smtp_port: Some(sink.port),
        },
    )
    .await;
    // A second process: its own pool and server on the same database.
    let config = first.app.config.clone();
    let db = Db::connect(config.database_url.expose()).await.unwrap();
    let second_app = ikon::app::build(config, db);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let second = format!("http://{}", listener.local_addr().unwrap());
    let server_app = second_app.clone();
    tokio::spawn(async move {
        let _ = ikon::app::server::run(server_app, listener, std::future::pending()).await;
    });

    let (email, password) = first.user("shared@example.org", Role::Admin).await;
    let browser = first.browser();
    browser.login(&email, &password).await;
    let session = browser.cookie("ikon_session").unwrap();
    let response = reqwest::Client::new()
        .get(format!("{second}/api/v1/me"))
        .header("cookie", format!("ikon_session={session}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "a session from process 1 works on process 2"
    );

    let mut tx = first.db().begin().await.unwrap();
    for n in 0..20 {
        let email = Email {
            to: format!("r{n}@example.org"),
            subject: format!("Nachricht {n}"),
            text: "Hallo".into(),
            ..Default::default()
        };
        mail::enqueue(&mut tx, &email).await.unwrap();
    }
    tx.commit().await.unwrap();
    // Both processes (and their background workers) race for the jobs.
    let (a, b) = tokio::join!(
        ikon::core::jobs::run_due(&first.app),
        ikon::core::jobs::run_due(&second_app)
    );
    a.unwrap();
    b.unwrap();
    let messages = sink.wait_for(20).await;
    let done: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) AS n FROM jobs WHERE done_at IS NOT NULL")
            .fetch_one(first.db().pool())
            .await
            .unwrap(),
        "n",
    );
    assert_eq!(done, 20);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), 20, "no message was sent twice");
    assert_eq!(messages.len(), 20);
}
