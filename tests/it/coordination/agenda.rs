//! One click from an unconfirmed cell to the next conference's agenda:
//! the proposal names the offers' providers as lead and involved, lands
//! on the earliest coming meeting, and the cell shows it meanwhile.

use super::*;
use crate::backend_test;
use crate::common::fixtures::{Meeting, Offer};

const DAY: i64 = 24 * 3600;

async fn offer(app: &TestApp, k: &Kreis, org: i64, title: &str, m: &str) {
    Offer::new(k.network_id, org, title)
        .with(|r| {
            r.field = "language".into();
            r.target_groups = vec!["women".into()];
            r.places = vec![ikon::offers::model::PlaceRecord {
                municipality_key: Some(m.to_string()),
                ..Default::default()
            }];
        })
        .create(app)
        .await;
}

async fn propose(k: &Kreis, fields: &[(&str, &str)]) -> reqwest::Response {
    k.coordinator
        .post_form(
            &format!("/networks/{}/responsibilities/agenda", k.network_id),
            fields,
        )
        .await
}

backend_test!(
    an_unconfirmed_cell_goes_to_the_next_meetings_agenda_with_its_providers,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let m1 = k.municipalities[0].clone();
        let name: String = sqlx::query("SELECT name FROM regions WHERE key = $1")
            .bind(&m1)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("name");
        // VHS has two offers there, Caritas one: VHS is proposed to lead.
        offer(&app, &k, k.orgs[2], "Sprachcafé", &m1).await;
        offer(&app, &k, k.orgs[2], "Frauenkurs", &m1).await;
        offer(&app, &k, k.orgs[0], "Deutsch für Mütter", &m1).await;
        let cell = [
            ("municipality", m1.as_str()),
            ("field", "language"),
            ("target_group", "women"),
        ];
        // Without a coming meeting there is no agenda to go on.
        let response = propose(&k, &cell).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("keine kommende Sitzung")
        );
        let now = ikon::core::store::now();
        // A meeting in the past and two to come: the earlier one is next.
        Meeting::new(net, "Vergangene Konferenz")
            .at(now - 30 * DAY, 3)
            .create(&app)
            .await;
        let later = Meeting::new(net, "Herbstkonferenz")
            .at(now + 90 * DAY, 3)
            .create(&app)
            .await
            .id;
        let next = Meeting::new(net, "Frühjahrskonferenz")
            .at(now + 30 * DAY, 3)
            .create(&app)
            .await
            .id;
        let response = propose(&k, &cell).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()["location"].to_str().unwrap().to_string();
        assert!(
            location.contains(&format!("municipality={m1}")),
            "{location}"
        );
        let html = k.coordinator.get(&location).await.text().await.unwrap();
        assert!(html.contains("für die Tagesordnung der nächsten Sitzung vorgeschlagen"));
        assert!(
            html.contains("Für die Tagesordnung vorgeschlagen: Frühjahrskonferenz"),
            "the cell shows where it went"
        );
        // The proposal on the next meeting's agenda page names the
        // providers: VHS to lead, Caritas involved.
        let agenda = k
            .coordinator
            .get(&format!("/networks/{net}/meetings/{next}/agenda"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            agenda.contains(&format!(
                "Zuständigkeit vereinbaren: Sprache für Frauen in {name}"
            )),
            "{agenda}"
        );
        assert!(agenda.contains("federführend: VHS"), "{agenda}");
        assert!(agenda.contains("mitwirkend: Caritas"), "{agenda}");
        let other = k
            .coordinator
            .get(&format!("/networks/{net}/meetings/{later}/agenda"))
            .await
            .text()
            .await
            .unwrap();
        assert!(!other.contains("Zuständigkeit vereinbaren"));
        // A second click for the same cell is refused, naming the meeting.
        let response = propose(&k, &cell).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Frühjahrskonferenz")
        );
        // A cell without offers is not unconfirmed; a bad field is named.
        let response = propose(
            &k,
            &[
                ("municipality", m1.as_str()),
                ("field", "housing"),
                ("target_group", "women"),
            ],
        )
        .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let response = propose(
            &k,
            &[
                ("municipality", m1.as_str()),
                ("field", "cooking"),
                ("target_group", "women"),
            ],
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Members may not put cells on the agenda.
        let member = User::new("mitglied@erh.example", Role::Member)
            .network(net)
            .organization(Some(k.orgs[0]))
            .create(&app)
            .await
            .browser(&app)
            .await;
        let response = member
            .post_form(&format!("/networks/{net}/responsibilities/agenda"), &cell)
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let proposals: i64 = sqlx::query("SELECT COUNT(*) AS n FROM agenda_proposals")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("n");
        assert_eq!(proposals, 1, "refused clicks change nothing");
    }
);
