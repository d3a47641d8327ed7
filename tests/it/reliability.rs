//! Parallel writers on the embedded database: SQLite has one writer at a
//! time, so writers must wait their turn instead of failing with
//! "database is locked" (which used to cost 20 of 100 parallel requests).

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{Backend, TestApp};

const WRITERS: usize = 8;
const EACH: usize = 15;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_writers_on_sqlite_all_succeed() {
    let app = TestApp::start(Backend::Sqlite).await;
    let logins = app.demo().await;
    let (user, _) = ikon::accounts::store::user_by_email(app.db(), &logins.coordinator.email)
        .await
        .unwrap()
        .unwrap();
    let token = ikon::accounts::sessions::create_api_token(app.db(), user.id, "writers")
        .await
        .unwrap();
    let net = logins.network_id;
    let client = reqwest::Client::new();
    let meeting: Value = client
        .post(app.url(&format!("/api/v1/networks/{net}/meetings")))
        .bearer_auth(&token)
        .json(&json!({ "title": "Parallel" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mid = meeting["id"].as_i64().unwrap();
    let agenda = app.url(&format!("/api/v1/networks/{net}/meetings/{mid}/agenda"));

    // Every writer adds agenda items (a read of the next position, then
    // an insert, in one transaction) at the same time as the others.
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let (client, agenda, token) = (client.clone(), agenda.clone(), token.clone());
        writers.push(tokio::spawn(async move {
            let mut failures = Vec::new();
            for i in 0..EACH {
                let response = client
                    .post(&agenda)
                    .bearer_auth(&token)
                    .json(&json!({ "title": format!("Punkt {w}-{i}"), "duration_minutes": 5 }))
                    .send()
                    .await
                    .unwrap();
                if response.status() != StatusCode::CREATED {
                    failures.push(format!(
                        "{}: {}",
                        response.status(),
                        response.text().await.unwrap()
                    ));
                }
            }
            failures
        }));
    }
    let mut failures = Vec::new();
    for writer in writers {
        failures.extend(writer.await.unwrap());
    }
    assert!(
        failures.is_empty(),
        "{} failed writes: {failures:#?}",
        failures.len()
    );

    let items: Value = client
        .get(&agenda)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let positions: Vec<i64> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions.len(), WRITERS * EACH);
    // No two writers took the same position.
    assert_eq!(positions, (1..=(WRITERS * EACH) as i64).collect::<Vec<_>>());
}
