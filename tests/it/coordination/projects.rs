//! Joint projects: proposal and acceptance, who reports progress, the
//! field errors, the weighted roll-up, the public page and the status list.

use super::*;
use crate::backend_test;

pub async fn api(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Creates a project through the API; returns its id.
pub async fn project(app: &TestApp, k: &Kreis, token: &str, body: Value) -> i64 {
    let (status, created) = api(
        app,
        reqwest::Method::POST,
        &format!("/api/v1/networks/{}/projects", k.network_id),
        token,
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created["id"].as_i64().unwrap()
}

async fn member(app: &TestApp, k: &Kreis, email: &str, org: i64) -> (String, Browser) {
    let user = User::new(email, Role::Member)
        .name("Mia Glied")
        .network(k.network_id)
        .organization(Some(org))
        .create(app)
        .await;
    (token(app, email).await, user.browser(app).await)
}

backend_test!(
    members_propose_coordinators_accept_and_the_lead_reports,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let [a, b, ..] = k.orgs;
        let (lead, lead_browser) = member(&app, &k, "lead@erh.example", a).await;
        let (other, _) = member(&app, &k, "partner@erh.example", b).await;
        let id = project(&app, &k, &lead, json!({
            "title": "Sprachpaten", "goal": "Jede geflüchtete Familie hat eine Patin",
            "starts_on": "2026-01-01", "ends_on": "2027-12-31",
            "fields": ["language"], "target_groups": ["families"],
            "partners": [{ "organization_id": a, "role": "lead" }, { "organization_id": b, "role": "partner" }],
        })).await;
        let list = api(
            &app,
            reqwest::Method::GET,
            &format!("/api/v1/networks/{net}/projects"),
            &k.token,
            None,
        )
        .await
        .1;
        assert_eq!(list[0]["state"], "proposed");
        assert_eq!(
            (list[0]["status"].as_str(), list[0]["progress"].as_i64()),
            (Some("idea"), Some(0))
        );
        // The proposer's organisation edits its proposal; another member may not.
        let response = lead_browser
            .post_form(
                &format!("/networks/{net}/projects/{id}"),
                &[
                    ("title", "Sprachpatenschaften"),
                    ("starts_on", "2026-01-01"),
                    ("ends_on", "2027-12-31"),
                    (&format!("role_{a}"), "lead"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let other_browser = app.new_browser();
        other_browser
            .login("partner@erh.example", crate::common::fixtures::PASSWORD)
            .await;
        let response = other_browser
            .post_form(
                &format!("/networks/{net}/projects/{id}"),
                &[("title", "Übernommen")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        // Members cannot accept; the coordinator does, once.
        let response = lead_browser
            .post_form(
                &format!("/networks/{net}/projects/{id}/decide"),
                &[("decision", "accept")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{net}/projects/{id}/decide"),
                &[("decision", "accept")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{net}/projects/{id}/decide"),
                &[("decision", "decline")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        // After acceptance the proposer no longer edits; the lead reports.
        let response = lead_browser
            .post_form(
                &format!("/networks/{net}/projects/{id}"),
                &[("title", "Später")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let progress = format!("/api/v1/networks/{net}/projects/{id}/progress");
        let (status, _) = api(
            &app,
            reqwest::Method::POST,
            &progress,
            &other,
            Some(json!({ "status": "running", "progress": 40 })),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        for bad in [json!(101), json!(-5), json!("viel")] {
            let (status, error) = api(
                &app,
                reqwest::Method::POST,
                &progress,
                &lead,
                Some(json!({ "status": "running", "progress": bad })),
            )
            .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(error["fields"]["progress"].is_string(), "{error}");
        }
        let (status, body) = api(
            &app,
            reqwest::Method::POST,
            &progress,
            &lead,
            Some(json!({ "status": "running" })),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            (body["status"].as_str(), body["progress"].as_i64()),
            (Some("running"), Some(50))
        );
        let (_, body) = api(
            &app,
            reqwest::Method::POST,
            &progress,
            &lead,
            Some(json!({ "status": "running", "progress": 65 })),
        )
        .await;
        assert_eq!(body["progress"], 65);
        // Every change is on the timeline.
        let html = k
            .coordinator
            .get(&format!("/networks/{net}/projects/{id}"))
            .await
            .text()
            .await
            .unwrap();
        for entry in [
            "angelegt",
            "geändert",
            "angenommen",
            "running: 50 %",
            "running: 65 %",
        ] {
            assert!(html.contains(entry), "{entry} on the timeline");
        }
    }
);

backend_test!(
    bad_periods_parents_and_milestones_are_field_errors,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let path = format!("/api/v1/networks/{net}/projects");
        let (status, error) = api(
            &app,
            reqwest::Method::POST,
            &path,
            &k.token,
            Some(
                json!({ "title": "Rückwärts", "starts_on": "2026-06-01", "ends_on": "2026-05-01" }),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(error["fields"]["ends_on"].is_string(), "{error}");
        let parent = project(
            &app,
            &k,
            &k.token,
            json!({ "title": "Arbeitsmarkt", "starts_on": "2026-01-01", "ends_on": "2026-12-31" }),
        )
        .await;
        let sub = project(
            &app,
            &k,
            &k.token,
            json!({ "title": "Bewerbungstraining", "parent_id": parent.to_string() }),
        )
        .await;
        let (status, error) = api(
            &app,
            reqwest::Method::POST,
            &path,
            &k.token,
            Some(json!({ "title": "Zu tief", "parent_id": sub.to_string() })),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            error["fields"]["parent_id"]
                .as_str()
                .unwrap()
                .contains("eine Ebene"),
            "{error}"
        );
        // A parent cannot become a sub-project.
        let other = project(&app, &k, &k.token, json!({ "title": "Wohnen" })).await;
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{net}/projects/{parent}"),
                &[("title", "Arbeitsmarkt"), ("parent_id", &other.to_string())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Milestones within the period only.
        let milestones = format!("/networks/{net}/projects/{parent}/milestones");
        let response = k
            .coordinator
            .post_form(
                &milestones,
                &[("title", "Auftakt"), ("due_on", "2027-02-01")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(html.contains("außerhalb des Projektzeitraums"), "{html}");
        let response = k
            .coordinator
            .post_form(
                &milestones,
                &[("title", "Auftakt"), ("due_on", "2026-02-01")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // The period cannot shrink past a milestone.
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{net}/projects/{parent}"),
                &[
                    ("title", "Arbeitsmarkt"),
                    ("starts_on", "2026-03-01"),
                    ("ends_on", "2026-12-31"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Funding: a level and an amount.
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{net}/projects/{parent}/funding"),
                &[
                    ("programme", "WIR"),
                    ("funder", "BMAS"),
                    ("level", "mond"),
                    ("amount", "viel"),
                    ("application_status", "approved"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{net}/projects/{parent}/funding"),
                &[
                    ("programme", "WIR"),
                    ("funder", "BMAS"),
                    ("level", "bund"),
                    ("amount", "120.000,50"),
                    ("application_status", "approved"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let list = api(&app, reqwest::Method::GET, &path, &k.token, None)
            .await
            .1;
        let parent_json = list
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == parent)
            .unwrap();
        assert_eq!(parent_json["milestones"].as_array().unwrap().len(), 1);
        assert_eq!(parent_json["funding"][0]["amount_cents"], 12_000_050);
        assert_eq!(parent_json["starts_on"], "2026-01-01");
    }
);

backend_test!(sub_projects_roll_up_by_weight, |app: TestApp| async move {
    let k = kreis(&app).await;
    let net = k.network_id;
    let parent = project(
        &app,
        &k,
        &k.token,
        json!({ "title": "Ankommen", "status": "running" }),
    )
    .await;
    let first = project(
        &app,
        &k,
        &k.token,
        json!({ "title": "Lotsen", "parent_id": parent.to_string(), "weight": "3" }),
    )
    .await;
    let second = project(
        &app,
        &k,
        &k.token,
        json!({ "title": "Sprachcafé", "parent_id": parent.to_string(), "weight": "1" }),
    )
    .await;
    for (id, progress) in [(first, 100), (second, 0)] {
        let (status, _) = api(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/projects/{id}/progress"),
            &k.token,
            Some(json!({ "status": "running", "progress": progress })),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    let list = api(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/networks/{net}/projects"),
        &k.token,
        None,
    )
    .await
    .1;
    let titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Ankommen", "Lotsen", "Sprachcafé"]);
    assert_eq!(
        (list[0]["progress"].as_i64(), list[0]["rolled_up"].as_i64()),
        (Some(50), Some(75))
    );
    let html = k
        .coordinator
        .get(&format!("/networks/{net}/projects"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("value=\"75\""),
        "the list shows the rolled-up progress"
    );
});

backend_test!(
    a_public_project_is_readable_without_signing_in,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let id = project(&app, &k, &k.token, json!({ "title": "Begegnungsfest", "partners": [{ "organization_id": k.orgs[0], "role": "lead" }] })).await;
        let anonymous = app.new_browser();
        let page = format!("/networks/{net}/projects/{id}");
        let response = anonymous.get(&page).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "a login first");
        let response = k
            .coordinator
            .post_form(
                &page,
                &[
                    ("title", "Begegnungsfest"),
                    ("is_public", "1"),
                    (&format!("role_{}", k.orgs[0]), "lead"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = anonymous.get(&page).await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.unwrap();
        assert!(html.contains("Begegnungsfest") && html.contains("Caritas"));
        assert!(
            !html.contains("history-heading") && !html.contains("funding-heading"),
            "internal parts stay internal"
        );
        // The network's other pages stay closed.
        assert_eq!(
            anonymous
                .get(&format!("/networks/{net}/projects"))
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    }
);

backend_test!(
    a_network_sets_its_own_status_list,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let path = format!("/networks/{net}/projects/statuses");
        let response = k
            .coordinator
            .post_form(&path, &[("statuses", "idee;Idee;0\nkaputt")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let response = k.coordinator.post_form(&path, &[("statuses", "idee;Idee;0\nantrag;Antrag gestellt;5\numsetzung;In Umsetzung;60\nfertig;Fertig;100")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let id = project(&app, &k, &k.token, json!({ "title": "Kita-Einstieg" })).await;
        let (status, body) = api(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/projects/{id}/progress"),
            &k.token,
            Some(json!({ "status": "umsetzung" })),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["progress"], 60);
        let (status, _) = api(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/projects/{id}/progress"),
            &k.token,
            Some(json!({ "status": "running" })),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the built-in list no longer applies"
        );
    }
);
