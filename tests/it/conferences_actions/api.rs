//! The JSON API for meetings, agenda and action items.

use super::*;

backend_test!(
    json_api_for_meetings_agenda_and_actions,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        let db = app.db();
        let token = |email: String| async move {
            let (user, _) = ikon::accounts::store::user_by_email(db, &email)
                .await
                .unwrap()
                .unwrap();
            ikon::accounts::sessions::create_api_token(db, user.id, "test")
                .await
                .unwrap()
        };
        let coordinator = token(s.logins.coordinator.email.clone()).await;
        let member = token(s.logins.member.email.clone()).await;
        let supervisor = token(s.logins.supervisor.email.clone()).await;
        let client = reqwest::Client::new();
        let call = |method: reqwest::Method, path: String, bearer: &str, body: Option<Value>| {
            let mut request = client.request(method, app.url(&path)).bearer_auth(bearer);
            if let Some(body) = body {
                request = request.json(&body);
            }
            request.send()
        };

        // Meetings: create (validated), list.
        let response = call(reqwest::Method::POST, format!("/api/v1/networks/{net}/meetings"), &coordinator,
            Some(json!({ "title": "API-Konferenz", "starts_at": "2030-05-04T14:00", "ends_at": "2030-05-04T16:00", "is_public": true }))).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let meeting: Value = response.json().await.unwrap();
        let mid = meeting["id"].as_i64().unwrap();
        assert_eq!(meeting["state"], "planned");
        let response = call(
            reqwest::Method::POST,
            format!("/api/v1/networks/{net}/meetings"),
            &coordinator,
            Some(json!({ "title": "", "starts_at": "morgen" })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error: Value = response.json().await.unwrap();
        assert!(
            error["fields"]["title"].is_string() && error["fields"]["starts_at"].is_string(),
            "{error}"
        );
        let response = call(
            reqwest::Method::POST,
            format!("/api/v1/networks/{net}/meetings"),
            &supervisor,
            Some(json!({ "title": "Nicht erlaubt" })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let list: Value = call(
            reqwest::Method::GET,
            format!("/api/v1/networks/{net}/meetings"),
            &member,
            None,
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .any(|m| m["title"] == "API-Konferenz")
        );

        // Agenda items.
        let response = call(
            reqwest::Method::POST,
            format!("/api/v1/networks/{net}/meetings/{mid}/agenda"),
            &coordinator,
            Some(json!({ "title": "Begrüßung", "duration_minutes": 10 })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let response = call(
            reqwest::Method::POST,
            format!("/api/v1/networks/{net}/meetings/{mid}/agenda"),
            &coordinator,
            Some(json!({ "title": "Zu lang", "duration_minutes": 481 })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let agenda: Value = call(
            reqwest::Method::GET,
            format!("/api/v1/networks/{net}/meetings/{mid}/agenda"),
            &member,
            None,
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert_eq!(agenda.as_array().unwrap().len(), 1);
        assert_eq!(agenda[0]["position"], 1);

        // Action items and a progress update.
        let item0 = s.items[0].to_string();
        let action = add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Per API gemeldet"),
                (
                    "responsible_organization_id",
                    &s.logins.member_organization_id.to_string(),
                ),
            ],
        )
        .await;
        let list: Value = call(
            reqwest::Method::GET,
            format!("/api/v1/networks/{net}/actions"),
            &member,
            None,
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert_eq!(list[0]["title"], "Per API gemeldet");
        assert_eq!(list[0]["meeting_id"], s.meeting_id);
        let update_path = format!("/api/v1/networks/{net}/actions/{action}/updates");
        let response = call(
            reqwest::Method::POST,
            update_path.clone(),
            &member,
            Some(json!({ "status": "in_progress", "progress": 40, "comment": "läuft" })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let update: Value = response.json().await.unwrap();
        assert_eq!(update["progress"], 40);
        let response = call(
            reqwest::Method::POST,
            update_path.clone(),
            &member,
            Some(json!({ "status": "in_progress", "progress": 140 })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error: Value = response.json().await.unwrap();
        assert!(error["fields"]["progress"].is_string(), "{error}");
        let response = call(
            reqwest::Method::POST,
            update_path,
            &supervisor,
            Some(json!({ "status": "done", "progress": 100 })),
        )
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let error: Value = response.json().await.unwrap();
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("verantwortliche"),
            "{error}"
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM action_updates").await, 1);
    }
);
