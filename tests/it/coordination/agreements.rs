//! Recording agreements: overlapping periods, decisions of other networks,
//! bad fields, who may write, the form, the audit log and the CSV file.

use ikon::{
    conferences::store as conferences,
    core::{
        audit::Actor,
        ids::{AgendaItemId, MeetingId},
    },
};

use super::*;
use crate::backend_test;
use crate::common::fixtures::{Meeting, agenda};

/// A decision in the minutes of a meeting of `network_id`.
async fn decision(app: &TestApp, network_id: i64) -> i64 {
    let meeting = Meeting::new(network_id, "Konferenz")
        .item(agenda("Zuständigkeiten"))
        .create(app)
        .await;
    let mut tx = app.db().begin().await.unwrap();
    let record = conferences::meeting(&mut *tx, MeetingId(meeting.id))
        .await
        .unwrap()
        .unwrap();
    let id = conferences::add_decision(
        &mut tx,
        Actor::System("test"),
        &record,
        AgendaItemId(meeting.items[0]),
        "Die Zuständigkeiten werden wie vorgeschlagen vereinbart.",
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id.get()
}

backend_test!(
    an_overlapping_period_names_the_conflicting_agreement,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let [a, b, ..] = k.orgs;
        let m1 = k.municipalities[0].clone();
        let mut first = agreement(&m1, "work", "refugees", &[(a, "lead")]);
        first["valid_until"] = json!("2026-12-31");
        let first_id = agree(&app, &k, first).await;

        // Same cell, organisation and role, overlapping: refused.
        let mut again = agreement(&m1, "work", "refugees", &[(b, "involved"), (a, "lead")]);
        again["valid_from"] = json!("2026-06-01");
        let (status, error) = post_agreement(&app, k.network_id, &k.token, again.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let message = error["fields"]["valid_from"].as_str().unwrap();
        assert!(
            message.contains(&format!("Nr. {first_id}")) && message.contains("Caritas"),
            "{message}"
        );

        // After the first one ends, or in another role, or another cell: fine.
        again["valid_from"] = json!("2027-01-01");
        agree(&app, &k, again).await;
        agree(
            &app,
            &k,
            agreement(&m1, "work", "refugees", &[(a, "informed")]),
        )
        .await;
        agree(&app, &k, agreement(&m1, "work", "women", &[(a, "lead")])).await;
        agree(&app, &k, agreement("", "work", "refugees", &[(a, "lead")])).await;

        // The form says the same, in the field and in the summary, and
        // nothing was stored.
        let before: i64 = sqlx::query("SELECT COUNT(*) AS n FROM responsibility_agreements")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("n");
        let role = format!("role_{a}");
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{}/responsibilities", k.network_id),
                &[
                    ("municipality_key", &m1),
                    ("field", "work"),
                    ("target_group", "refugees"),
                    ("valid_from", "2026-03-01"),
                    ("valid_until", "2026-04-01"),
                    (&role, "lead"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!("Vereinbarung Nr. {first_id}")),
            "{html}"
        );
        assert!(html.contains("id=\"e-valid_from\""));
        let after: i64 = sqlx::query("SELECT COUNT(*) AS n FROM responsibility_agreements")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("n");
        assert_eq!(before, after);

        // Changing an agreement does not conflict with itself.
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{}/responsibilities/{first_id}", k.network_id),
                &[
                    ("municipality_key", &m1),
                    ("field", "work"),
                    ("target_group", "refugees"),
                    ("valid_from", "2025-01-01"),
                    ("valid_until", "2026-11-30"),
                    ("note", "verkürzt"),
                    (&role, "lead"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let audit: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'responsibility_agreement' AND entity_id = $1",
        )
        .bind(first_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n");
        assert_eq!(audit, 2);
    }
);

backend_test!(
    a_decision_must_come_from_the_networks_own_meetings,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let own = decision(&app, k.network_id).await;
        let logins = app.demo().await;
        let foreign = decision(&app, logins.network_id).await;
        let mut body = agreement("", "language", "refugees", &[(k.orgs[2], "lead")]);
        body["decision_id"] = json!(foreign.to_string());
        let (status, error) = post_agreement(&app, k.network_id, &k.token, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
        assert!(error["fields"]["decision_id"].is_string(), "{error}");
        body["decision_id"] = json!(own.to_string());
        let (status, created) = post_agreement(&app, k.network_id, &k.token, body).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        assert_eq!(created["decision_id"], own);
    }
);

backend_test!(
    bad_fields_and_readers_are_refused,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let stranger = Organization::new(app.demo().await.network_id, "Fremde Organisation")
            .create(&app)
            .await;
        let mut body = agreement("091620000", "cooking", "everyone", &[(stranger, "lead")]);
        body["valid_from"] = json!("01.01.2026");
        let (status, error) = post_agreement(&app, k.network_id, &k.token, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in [
            "municipality_key",
            "field",
            "target_group",
            "valid_from",
            "parties",
        ] {
            assert!(error["fields"][field].is_string(), "{field}: {error}");
        }
        let mut backwards = agreement("", "work", "women", &[(k.orgs[0], "lead")]);
        backwards["valid_until"] = json!("2024-12-31");
        let (status, error) = post_agreement(&app, k.network_id, &k.token, backwards).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(error["fields"]["valid_until"].is_string());

        // A member reads but does not record.
        User::new("mitglied@erh.example", Role::Member)
            .network(k.network_id)
            .organization(Some(k.orgs[0]))
            .create(&app)
            .await;
        let member = token(&app, "mitglied@erh.example").await;
        let body = agreement("", "work", "women", &[(k.orgs[0], "lead")]);
        let (status, _) = post_agreement(&app, k.network_id, &member, body.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        matrix(&app, k.network_id, &member, "").await;
        // The member sees their organisation's responsibilities on the grid page.
        agree(&app, &k, body).await;
        let browser = app.new_browser();
        browser
            .login("mitglied@erh.example", crate::common::fixtures::PASSWORD)
            .await;
        let html = browser
            .get(&format!("/networks/{}/responsibilities", k.network_id))
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains("id=\"mine-heading\""), "{html}");
        assert!(!html.contains("from_offers=1") && !html.contains("resp-cell-actions"));
    }
);

backend_test!(
    the_matrix_exports_as_csv_for_german_excel,
    |app: TestApp| async move {
        let k = kreis(&app).await;
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
        let response = k
            .coordinator
            .get(&format!("/networks/{}/responsibilities.csv", k.network_id))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("zustaendigkeiten-09572-")
        );
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(
            lines[0].starts_with("Gebiet;Gemeindeschlüssel;Handlungsfeld;Zielgruppe;Federführend")
        );
        assert_eq!(
            lines.len(),
            (k.municipalities.len() + 1) * 60 + 2,
            "rows plus header and the final line end"
        );
        let row = lines
            .iter()
            .find(|l| l.contains(&m1) && l.contains(";Arbeit;Geflüchtete;"))
            .unwrap();
        assert!(row.ends_with(";Caritas, Diakonie;;;;ja;;"), "{row}");
    }
);
