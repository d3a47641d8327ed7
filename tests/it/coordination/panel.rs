//! The coordination panel of the network page.

use super::projects::{api, project};
use super::*;
use crate::backend_test;
use crate::common::fixtures::{Meeting, agenda};

backend_test!(
    the_network_page_shows_gaps_projects_and_waiting_concerns,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let m1 = k.municipalities[0].clone();
        agree(
            &app,
            &k,
            agreement(
                &m1,
                "work",
                "refugees",
                &[(k.orgs[0], "lead"), (k.orgs[1], "lead")],
            ),
        )
        .await;
        let parent = project(
            &app,
            &k,
            &k.token,
            json!({ "title": "Ankommen", "status": "running" }),
        )
        .await;
        project(
            &app,
            &k,
            &k.token,
            json!({ "title": "Lotsen", "parent_id": parent.to_string() }),
        )
        .await;
        // A concern submitted and waiting.
        let meeting = Meeting::new(net, "Herbstkonferenz")
            .item(agenda("Begrüßung"))
            .create(&app)
            .await
            .id;
        let (_, created) = api(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/concerns"),
            &k.token,
            Some(json!({ "title": "Mehr Sprachkurse", "body": "…", "addressee": "kreistag" })),
        )
        .await;
        let id = created["id"].as_i64().unwrap();
        let path = format!("/api/v1/networks/{net}/concerns/{id}/transitions");
        let (_, moved) = api(
            &app,
            reqwest::Method::POST,
            &path,
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
        for step in [
            json!({ "to": "agreed", "decision_id": decision.to_string() }),
            json!({ "to": "submitted", "date": "2026-11-02", "reference": "AZ-17" }),
        ] {
            assert_eq!(
                api(&app, reqwest::Method::POST, &path, &k.token, Some(step))
                    .await
                    .0,
                StatusCode::OK
            );
        }
        let html = k
            .coordinator
            .get(&format!("/networks/{net}"))
            .await
            .text()
            .await
            .unwrap();
        let panel = &html[html.find("id=\"coordination-heading\"").expect("the panel")..];
        let total = (k.municipalities.len() + 1) * 60;
        assert!(
            panel.contains(&format!(
                "Heute {} Lücken und 1 Überschneidungen.",
                total - 1
            )),
            "{panel}"
        );
        assert!(
            panel.contains("Ankommen") && !panel.contains("Lotsen"),
            "parents only"
        );
        assert!(panel.contains("Mehr Sprachkurse") && panel.contains("AZ-17"));
        // A member sees their organisation's responsibilities.
        let member = User::new("mitglied@erh.example", Role::Member)
            .network(net)
            .organization(Some(k.orgs[0]))
            .create(&app)
            .await;
        let html = member
            .browser(&app)
            .await
            .get(&format!("/networks/{net}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains("id=\"panel-mine-heading\""));
        let mine = &html[html.find("id=\"panel-mine-heading\"").unwrap()..];
        let mine = &mine[..mine.find("</ul>").unwrap()];
        assert!(
            mine.contains("Arbeit · Geflüchtete") && mine.contains("(federführend)"),
            "{mine}"
        );
        // An outsider sees no network page at all.
        let other = Network::new("Integrationskonferenz Fürth", "09573")
            .create(&app)
            .await;
        let outsider = User::new("fremd@fue.example", Role::Coordinator)
            .network(other)
            .create(&app)
            .await;
        assert_eq!(
            outsider
                .browser(&app)
                .await
                .get(&format!("/networks/{net}"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
    }
);
