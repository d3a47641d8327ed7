//! What anonymous visitors see, and the registry's JSON API.

use super::*;

backend_test!(
    anonymous_visitors_see_the_list_and_must_sign_in_for_the_rest,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let net = logins.network_id;
        let html = text_with_status(app.get("/networks").await, StatusCode::OK).await;
        assert!(html.contains("Integrationskonferenz Landkreis Neustadt a.d.Aisch-Bad Windsheim"));
        for path in [
            format!("/networks/{net}"),
            format!("/networks/{net}/organizations"),
            format!("/organizations/{}", logins.member_organization_id),
            format!("/networks/{net}/export/people.csv"),
        ] {
            let response = app.get(&path).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
            assert!(location(&response).starts_with("/login?next="), "{path}");
        }
        let response = app
            .get(&format!("/api/v1/networks/{net}/organizations"))
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: Value = app.get("/api/v1/networks").await.json().await.unwrap();
        assert_eq!(body[0]["region_key"], "09575");
        assert_eq!(body[0]["member_count"], 28);
    }
);

async fn user_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("id")
}

backend_test!(
    api_lists_creates_reads_updates_and_erases,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let net = logins.network_id;
        let token = create_api_token(
            app.db(),
            user_id(&app, &logins.coordinator.email).await,
            "test",
        )
        .await
        .unwrap();
        let api = |method: reqwest::Method, path: &str| {
            app.client
                .request(method, app.url(path))
                .bearer_auth(&token)
        };
        let list: Value = api(
            reqwest::Method::GET,
            &format!("/api/v1/networks/{net}/organizations?category=police"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["category"], "police");
        let bad = api(
            reqwest::Method::GET,
            &format!("/api/v1/networks/{net}/organizations?category=church"),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let response = api(
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/organizations"),
        )
        .json(&json!({"name": "", "category": "church", "email": "x"}))
        .send()
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "validation_failed");
        assert!(body["fields"]["name"].is_string());
        assert!(body["fields"]["email"].is_string());
        assert!(
            body["fields"]["category"]
                .as_str()
                .unwrap()
                .contains("welfare_association"),
            "{body}"
        );

        let response = api(reqwest::Method::POST, &format!("/api/v1/networks/{net}/organizations"))
        .json(&json!({"name": "Frauencafé International", "category": "migrant_association", "city": "Bad Windsheim", "postal_code": "91438"}))
        .send()
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: Value = response.json().await.unwrap();
        let id = created["id"].as_i64().unwrap();
        assert_eq!(created["category"], "migrant_association");

        let response = api(reqwest::Method::PUT, &format!("/api/v1/organizations/{id}"))
        .json(&json!({"name": "Frauencafé International e.V.", "category": "migrant_association", "city": "Bad Windsheim", "phone": "09841 4040"}))
        .send()
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let response = api(reqwest::Method::PUT, &format!("/api/v1/organizations/{id}"))
            .json(&json!({"name": "x", "category": "nope"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let org = logins.member_organization_id;
        let detail: Value = api(
            reqwest::Method::GET,
            &format!("/api/v1/organizations/{org}"),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert_eq!(detail["id"], org);
        assert_eq!(detail["network_ids"], json!([net]));
        let person_id = detail["people"][0]["id"].as_i64().unwrap();
        let person: Value = api(reqwest::Method::GET, &format!("/api/v1/people/{person_id}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(person["organization_id"], org);

        let response = api(
            reqwest::Method::DELETE,
            &format!("/api/v1/people/{person_id}"),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let response = api(reqwest::Method::GET, &format!("/api/v1/people/{person_id}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);

        // A supervisor's token reads but does not write.
        let token = create_api_token(app.db(), user_id(&app, &logins.supervisor.email).await, "t")
            .await
            .unwrap();
        let response = app
            .client
            .get(app.url(&format!("/api/v1/organizations/{org}")))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let response = app
            .client
            .put(app.url(&format!("/api/v1/organizations/{org}")))
            .bearer_auth(&token)
            .json(&json!({"name": "x", "category": "other"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
);
