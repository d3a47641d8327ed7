//! The reminder of a concern without an answer goes to the coordinators
//! once, through a real SMTP server.

use ikon::coordination::concerns::model::ConcernState;

use super::projects::api;
use super::*;
use crate::both_backends;
use crate::common::fixtures::{Meeting, agenda};

fn days_ago(days: u64) -> String {
    chrono::Utc::now()
        .date_naive()
        .checked_sub_days(chrono::Days::new(days))
        .unwrap()
        .format("%Y-%m-%d")
        .to_string()
}

async fn a_concern_without_answer_is_reminded_once(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let k = kreis(&app).await;
    let net = k.network_id;
    let meeting = Meeting::new(net, "Herbstkonferenz")
        .item(agenda("Begrüßung"))
        .create(&app)
        .await
        .id;
    let path = |id: i64| format!("/api/v1/networks/{net}/concerns/{id}/transitions");
    // Two submitted concerns: nine weeks ago (past the default eight) and
    // three weeks ago; a third answered long ago.
    let mut ids = Vec::new();
    for (title, submitted, answer) in [
        ("Mehr Sprachkurse", days_ago(63), false),
        ("Wohnraum", days_ago(21), false),
        ("Kita-Plätze", days_ago(120), true),
    ] {
        let (_, created) = api(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/concerns"),
            &k.token,
            Some(json!({ "title": title, "body": "…", "addressee": "kreistag" })),
        )
        .await;
        let id = created["id"].as_i64().unwrap();
        let (_, moved) = api(
            &app,
            reqwest::Method::POST,
            &path(id),
            &k.token,
            Some(json!({ "to": "on_agenda", "meeting_id": meeting.to_string() })),
        )
        .await;
        let item = moved["agenda_item_id"].as_i64().unwrap();
        let decision = {
            use ikon::{
                conferences::store as conferences,
                core::{
                    audit::Actor,
                    ids::{AgendaItemId, MeetingId},
                },
            };
            let mut tx = app.db().begin().await.unwrap();
            let record = conferences::meeting(&mut *tx, MeetingId(meeting))
                .await
                .unwrap()
                .unwrap();
            let d = conferences::add_decision(
                &mut tx,
                Actor::System("test"),
                &record,
                AgendaItemId(item),
                "Einreichen.",
                None,
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
            d.get()
        };
        let steps = [
            json!({ "to": "agreed", "decision_id": decision.to_string() }),
            json!({ "to": "submitted", "date": submitted, "reference": format!("AZ-{id}") }),
        ];
        for step in steps {
            let (status, body) =
                api(&app, reqwest::Method::POST, &path(id), &k.token, Some(step)).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        if answer {
            let (status, _) = api(&app, reqwest::Method::POST, &path(id), &k.token,
                Some(json!({ "to": ConcernState::Answered.code(), "date": days_ago(10), "text": "Ja." }))).await;
            assert_eq!(status, StatusCode::OK);
        }
        ids.push(id);
    }
    // A second coordinator of the network, and one of another network.
    User::new("zweite@erh.example", Role::Coordinator)
        .network(net)
        .create(&app)
        .await;
    let other = Network::new("Integrationskonferenz Fürth", "09573")
        .create(&app)
        .await;
    User::new("fremd@fue.example", Role::Coordinator)
        .network(other)
        .create(&app)
        .await;

    // Two sweeps at once and one after: one reminder per coordinator.
    let (a, b) = tokio::join!(
        ikon::coordination::concerns::reminders::sweep(&app.app),
        ikon::coordination::concerns::reminders::sweep(&app.app)
    );
    let again = ikon::coordination::concerns::reminders::sweep(&app.app)
        .await
        .unwrap();
    assert_eq!(a.unwrap() + b.unwrap() + again, 2);
    assert_eq!(again, 0);
    app.run_jobs().await;
    let messages = sink.wait_for(2).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.run_jobs().await;
    assert_eq!(sink.messages().len(), 2, "no mail twice");
    let text: Vec<String> = messages
        .iter()
        .map(|m| crate::common::smtp::body_text(m))
        .collect();
    for to in ["koordination@erh.example", "zweite@erh.example"] {
        let mail = text
            .iter()
            .find(|m| m.contains(&format!("To: {to}")))
            .expect(to);
        assert!(
            mail.contains("Mehr Sprachkurse") && mail.contains(&format!("AZ-{}", ids[0])),
            "{mail}"
        );
    }
    assert!(
        !text
            .iter()
            .any(|m| m.contains("Wohnraum") || m.contains("Kita") || m.contains("fremd@"))
    );
    app.stop().await;
}

both_backends!(a_concern_without_answer_is_reminded_once);
