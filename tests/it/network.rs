//! The network registry: networks, organisations, contact people,
//! memberships, the JSON API and the GDPR tools, over HTTP as each role.

use ikon::accounts::sessions::create_api_token;
use reqwest::{StatusCode, header};
use serde_json::{Value, json};
use sqlx::Row;

use crate::backend_test;
use crate::common::{Browser, TestApp, text_with_status};

/// Regions the registry tests rely on. The geography loader fills the
/// table at start; these rows only stand in where it has not (yet).
pub async fn ensure_regions(app: &TestApp) {
    let rows = [
        ("09", "state", "Bayern"),
        ("095", "district_government", "Mittelfranken"),
        ("09575", "district", "Neustadt a.d.Aisch-Bad Windsheim"),
        ("09571", "district", "Ansbach"),
    ];
    for (key, level, name) in rows {
        let exists = sqlx::query("SELECT key FROM regions WHERE key = $1")
            .bind(key)
            .fetch_optional(app.db().pool())
            .await
            .unwrap();
        if exists.is_none() {
            sqlx::query(
                "INSERT INTO regions (key, level, name, name_search) VALUES ($1, $2, $3, $4)",
            )
            .bind(key)
            .bind(level)
            .bind(name)
            .bind(ikon::core::store::search_key(name))
            .execute(app.db().pool())
            .await
            .unwrap();
        }
    }
}

/// The demo network, its regions made sure of first.
pub async fn demo(app: &TestApp) -> ikon::demo::DemoLogins {
    ensure_regions(app).await;
    app.demo().await
}

pub async fn browser_as(app: &TestApp, login: &ikon::demo::Login) -> Browser {
    let b = app.new_browser();
    b.login(&login.email, &login.password).await;
    b
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get::<i64, _>(0)
}

/// Id of an organisation of the demo by exact name.
pub async fn organization_id(app: &TestApp, name: &str) -> i64 {
    sqlx::query("SELECT id FROM organizations WHERE name = $1")
        .bind(name)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("id")
}

/// An organisation of the demo network other than the member's.
async fn other_organization(app: &TestApp, logins: &ikon::demo::DemoLogins) -> i64 {
    sqlx::query("SELECT MIN(organization_id) AS id FROM memberships WHERE network_id = $1 AND organization_id <> $2")
        .bind(logins.network_id)
        .bind(logins.member_organization_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("id")
}

fn location(response: &reqwest::Response) -> String {
    response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string()
}

backend_test!(
    demo_has_every_category_and_one_user_per_role,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        assert_eq!(
            count(
                &app,
                "SELECT CAST(COUNT(DISTINCT category) AS BIGINT) FROM organizations"
            )
            .await,
            13
        );
        assert_eq!(
            count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM memberships").await,
            28
        );
        assert!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM people").await >= 28);
        assert_eq!(
            count(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM users WHERE email LIKE '%@demo.ikon.example'"
            )
            .await,
            4
        );
        let category: String = sqlx::query("SELECT category FROM organizations WHERE id = $1")
            .bind(logins.member_organization_id)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("category");
        assert_eq!(category, "welfare_association");
        // Loading twice fails with a clear message instead of duplicating.
        let error = ikon::demo::load(app.db()).await.unwrap_err().to_string();
        assert!(error.contains("exists already"), "{error}");
        // Every role can sign in with the printed password.
        for login in [
            &logins.admin,
            &logins.supervisor,
            &logins.coordinator,
            &logins.member,
        ] {
            browser_as(&app, login).await;
        }
    }
);

backend_test!(
    coordinator_creates_finds_and_filters_organizations,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.coordinator).await;
        let net = logins.network_id;
        let html = text_with_status(
            b.get(&format!("/networks/{net}/organizations/new")).await,
            StatusCode::OK,
        )
        .await;
        assert!(html.contains("name=\"csrf\""));
        let response = b
            .post_form(
                &format!("/networks/{net}/organizations"),
                &[
                    ("name", "Schachfreunde Südstern Scheinfeld"),
                    ("category", "sports_club"),
                    ("street", "Am Sportplatz 3"),
                    ("postal_code", "91443"),
                    ("city", "Scheinfeld"),
                    ("website", "schach-suedstern.example"),
                    ("email", "Vorstand@schach-suedstern.example"),
                    ("phone", "09162 1234"),
                    (
                        "description",
                        "Schach für alle, Training auch auf Englisch und Arabisch.",
                    ),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let to = location(&response);
        assert!(
            to.starts_with("/organizations/") && to.ends_with("?notice=net-organization-created"),
            "{to}"
        );
        let html = text_with_status(b.get(&to).await, StatusCode::OK).await;
        assert!(html.contains("Schachfreunde Südstern Scheinfeld"));
        assert!(html.contains("Die Organisation wurde angelegt."));
        assert!(html.contains("schach-suedstern.example"));
        assert!(html.contains("vorstand@schach-suedstern.example"));

        let list = |query: &str| {
            let (b, path) = (b.clone(), format!("/networks/{net}/organizations{query}"));
            async move { b.get(&path).await }
        };
        let html = text_with_status(list("").await, StatusCode::OK).await;
        assert!(html.contains("Schachfreunde Südstern"));
        let html = text_with_status(list("?category=sports_club").await, StatusCode::OK).await;
        assert!(html.contains("Schachfreunde Südstern"));
        assert!(!html.contains("Landratsamt Neustadt"));
        let html = text_with_status(list("?category=school").await, StatusCode::OK).await;
        assert!(!html.contains("Schachfreunde"));
        // Search ignores case and umlaut spelling.
        let html = text_with_status(list("?q=SUEDSTERN").await, StatusCode::OK).await;
        assert!(html.contains("Schachfreunde Südstern"));
        assert!(!html.contains("Landratsamt Neustadt"));
        let html = text_with_status(
            list("?q=s%C3%BCdstern&category=school").await,
            StatusCode::OK,
        )
        .await;
        assert!(!html.contains("Schachfreunde"));
        // The network page groups members by category, with counts.
        let html = text_with_status(b.get(&format!("/networks/{net}")).await, StatusCode::OK).await;
        assert!(html.contains("Sportverein (3)"), "{html}");
        assert!(html.contains("Mitglieder insgesamt: 29"));
        // Every change is in the network's audit log.
        let html = text_with_status(
            b.get(&format!("/networks/{net}/audit")).await,
            StatusCode::OK,
        )
        .await;
        assert!(html.contains("koordination@demo.ikon.example"));
    }
);

backend_test!(
    invalid_organization_gets_field_errors_and_writes_nothing,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.coordinator).await;
        let before = count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM organizations").await;
        let audit_before = count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log").await;
        let response = b
            .post_form(
                &format!("/networks/{}/organizations", logins.network_id),
                &[
                    ("name", "  "),
                    ("category", "church"),
                    ("email", "kein-at-zeichen"),
                    ("postal_code", "9141"),
                    ("city", "Uffenheim"),
                ],
            )
            .await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("Bitte korrigieren Sie die markierten Angaben."));
        assert!(html.contains("Bitte ausfüllen."));
        assert!(html.contains("Unbekannte Kategorie"));
        assert!(html.contains("Eine Postleitzahl hat genau fünf Ziffern."));
        assert!(html.contains("Bitte eine gültige E-Mail-Adresse angeben"));
        assert!(html.contains("aria-invalid=\"true\" aria-describedby=\"e-email\""));
        assert!(
            html.contains("value=\"Uffenheim\""),
            "entered values are kept"
        );
        // A name the network has already is refused too.
        let response = b
            .post_form(
                &format!("/networks/{}/organizations", logins.network_id),
                &[
                    ("name", "landratsamt neustadt a.d.aisch-bad windsheim"),
                    ("category", "county_office"),
                ],
            )
            .await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("schon eine Organisation mit diesem Namen"));
        // English pages say the same in English.
        let response = b
            .post_form(
                &format!("/networks/{}/organizations?lang=en", logins.network_id),
                &[("name", ""), ("category", "school")],
            )
            .await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("Please fill in."), "{html}");
        assert_eq!(
            count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM organizations").await,
            before
        );
        assert_eq!(
            count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log").await,
            audit_before
        );
    }
);

backend_test!(
    member_edits_own_organization_only,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.member).await;
        let own = logins.member_organization_id;
        let other = other_organization(&app, &logins).await;
        text_with_status(
            b.get(&format!("/organizations/{own}/edit")).await,
            StatusCode::OK,
        )
        .await;
        let response = b
            .post_form(
                &format!("/organizations/{own}"),
                &[
                    ("name", "Caritas-Kreisverband Neustadt (neu)"),
                    ("category", "welfare_association"),
                    ("city", "Neustadt a.d.Aisch"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let name: String = sqlx::query("SELECT name FROM organizations WHERE id = $1")
            .bind(own)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("name");
        assert_eq!(name, "Caritas-Kreisverband Neustadt (neu)");
        let response = b
            .post_form(
                &format!("/organizations/{own}/people"),
                &[("name", "Frieda Fiktiv"), ("function", "Beratung")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // Reading the network is fine; editing another organisation is not.
        text_with_status(
            b.get(&format!("/organizations/{other}")).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            b.get(&format!("/organizations/{other}/edit"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let response = b
            .post_form(
                &format!("/organizations/{other}"),
                &[("name", "Übernommen"), ("category", "other")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = b
            .post_form(
                &format!("/networks/{}/organizations", logins.network_id),
                &[("name", "Neu"), ("category", "other")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            b.get(&format!("/networks/{}/import", logins.network_id))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
    }
);

backend_test!(
    supervisor_reads_but_cannot_edit,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.supervisor).await;
        let net = logins.network_id;
        let org = logins.member_organization_id;
        let html = text_with_status(b.get(&format!("/networks/{net}")).await, StatusCode::OK).await;
        assert!(
            !html.contains("/organizations/new"),
            "no create link for readers"
        );
        text_with_status(
            b.get(&format!("/networks/{net}/organizations?category=police"))
                .await,
            StatusCode::OK,
        )
        .await;
        let html = text_with_status(
            b.get(&format!("/organizations/{org}")).await,
            StatusCode::OK,
        )
        .await;
        assert!(!html.contains(&format!("/organizations/{org}/edit")));
        let csv = b
            .get(&format!("/networks/{net}/export/organizations.csv"))
            .await;
        assert_eq!(csv.status(), StatusCode::OK);
        assert_eq!(
            b.get(&format!("/organizations/{org}/edit")).await.status(),
            StatusCode::FORBIDDEN
        );
        let response = b
            .post_form(
                &format!("/organizations/{org}"),
                &[("name", "X"), ("category", "other")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            b.get(&format!("/networks/{net}/audit")).await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(b.get("/networks/new").await.status(), StatusCode::FORBIDDEN);
    }
);

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

backend_test!(
    gdpr_export_holds_the_data_and_erasure_keeps_only_that_changes_happened,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.coordinator).await;
        let org = logins.member_organization_id;
        let person_id: i64 =
            sqlx::query("SELECT MIN(id) AS id FROM people WHERE organization_id = $1")
                .bind(org)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get("id");
        let response = b
            .post_form(
                &format!("/people/{person_id}"),
                &[
                    ("name", "Gerda Geändert"),
                    ("function", "Migrationsberatung"),
                    ("email", "gerda.geaendert@caritas-nea.example"),
                    ("phone", "09161 5555"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let response = b.get(&format!("/people/{person_id}/export")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .contains("attachment")
        );
        let export: Value = response.json().await.unwrap();
        assert_eq!(export["person"]["name"], "Gerda Geändert");
        assert_eq!(
            export["person"]["email"],
            "gerda.geaendert@caritas-nea.example"
        );
        assert_eq!(export["organization"]["id"], org);
        let audit = export["audit"].as_array().unwrap();
        assert_eq!(audit.len(), 2, "create and update: {export}");
        assert_eq!(audit[1]["after"]["name"], "Gerda Geändert");

        // Erasure must be confirmed.
        let response = b
            .post_form(&format!("/people/{person_id}/erase"), &[])
            .await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("Bitte bestätigen Sie die Löschung."));
        let response = b
            .post_form(&format!("/people/{person_id}/erase"), &[("confirm", "yes")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            count(
                &app,
                &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM people WHERE id = {person_id}")
            )
            .await,
            0
        );
        let rows = sqlx::query("SELECT action, before_data, after_data FROM audit_log WHERE entity = 'person' AND entity_id = $1 ORDER BY id")
        .bind(person_id)
        .fetch_all(app.db().pool())
        .await
        .unwrap();
        let actions: Vec<String> = rows.iter().map(|r| r.get("action")).collect();
        assert_eq!(actions, ["create", "update", "erase"]);
        for row in &rows {
            assert_eq!(row.get::<Option<String>, _>("before_data"), None);
            assert_eq!(row.get::<Option<String>, _>("after_data"), None);
        }
        let leaked = count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log WHERE before_data LIKE '%Gerda%' OR after_data LIKE '%Gerda%'").await;
        assert_eq!(leaked, 0);
        assert_eq!(
            b.get(&format!("/people/{person_id}/export")).await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

backend_test!(
    admin_creates_one_network_per_district,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let coordinator = browser_as(&app, &logins.coordinator).await;
        assert_eq!(
            coordinator.get("/networks/new").await.status(),
            StatusCode::FORBIDDEN
        );
        let b = browser_as(&app, &logins.admin).await;
        let html = text_with_status(b.get("/networks/new").await, StatusCode::OK).await;
        assert!(html.contains("value=\"09571\""), "district select");
        assert!(!html.contains("value=\"095\""), "only districts");
        let response = b
            .post_form(
                "/networks",
                &[("name", "Zweites Netz"), ("region_key", "09575")],
            )
            .await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("gibt es schon ein Netzwerk"));
        let response = b
            .post_form("/networks", &[("name", "Netz"), ("region_key", "095")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let response = b
            .post_form(
                "/networks",
                &[
                    ("name", "Integrationskonferenz Landkreis Ansbach"),
                    ("region_key", "09571"),
                    ("description", "Neu."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let to = location(&response);
        let html = text_with_status(b.get(&to).await, StatusCode::OK).await;
        assert!(html.contains("Integrationskonferenz Landkreis Ansbach"));
        assert!(html.contains("Das Netzwerk wurde angelegt."));
        // The coordinator of Neustadt cannot read the new network.
        let id = to
            .trim_start_matches("/networks/")
            .split('?')
            .next()
            .unwrap()
            .to_string();
        assert_eq!(
            coordinator.get(&format!("/networks/{id}")).await.status(),
            StatusCode::FORBIDDEN
        );
        // Coordinators edit their own network's name and description.
        let response = coordinator
            .post_form(
                &format!("/networks/{}", logins.network_id),
                &[("name", "IK NEA"), ("description", "Kurz.")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            coordinator
                .post_form(&format!("/networks/{id}"), &[("name", "X")])
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
    }
);

backend_test!(
    memberships_are_added_and_removed_by_managers,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        ensure_regions(&app).await;
        let admin = browser_as(&app, &logins.admin).await;
        let response = admin
            .post_form(
                "/networks",
                &[("name", "IK Ansbach"), ("region_key", "09571")],
            )
            .await;
        let ansbach = location(&response)
            .trim_start_matches("/networks/")
            .split('?')
            .next()
            .unwrap()
            .to_string();
        let regierung = organization_id(&app, "Regierung von Mittelfranken").await;
        // The coordinator of Neustadt cannot pull organisations into a network they do not run…
        let coordinator = browser_as(&app, &logins.coordinator).await;
        let response = coordinator
            .post_form(
                &format!("/networks/{ansbach}/memberships"),
                &[("organization_id", &regierung.to_string())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        // …and the admin gets a field error for unknown ids.
        let response = admin
            .post_form(
                &format!("/networks/{ansbach}/memberships"),
                &[("organization_id", "999999")],
            )
            .await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("keine Organisation mit dieser Nummer"));
        let response = admin
            .post_form(
                &format!("/networks/{ansbach}/memberships"),
                &[("organization_id", &regierung.to_string())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = admin
            .post_form(
                &format!("/networks/{ansbach}/memberships"),
                &[("organization_id", &regierung.to_string())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Removing it from Neustadt keeps it (it is still in Ansbach)…
        let net = logins.network_id;
        let response = coordinator
            .post_form(
                &format!("/networks/{net}/memberships/{regierung}/delete"),
                &[],
            )
            .await;
        assert!(location(&response).ends_with("notice=net-membership-removed"));
        assert_eq!(
            count(
                &app,
                &format!(
                    "SELECT CAST(COUNT(*) AS BIGINT) FROM organizations WHERE id = {regierung}"
                )
            )
            .await,
            1
        );
        // …while an organisation's last membership takes it and its people along.
        let police = organization_id(&app, "Polizeiinspektion Neustadt a.d.Aisch").await;
        let response = coordinator
            .post_form(&format!("/networks/{net}/memberships/{police}/delete"), &[])
            .await;
        assert!(location(&response).ends_with("notice=net-organization-deleted"));
        assert_eq!(
            count(
                &app,
                &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM organizations WHERE id = {police}")
            )
            .await,
            0
        );
        assert_eq!(
            count(
                &app,
                &format!(
                    "SELECT CAST(COUNT(*) AS BIGINT) FROM people WHERE organization_id = {police}"
                )
            )
            .await,
            0
        );
        let response = coordinator
            .post_form(&format!("/networks/{net}/memberships/{police}/delete"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        // The member's organisation is kept by a user account: refused, nothing changed.
        let own = logins.member_organization_id;
        let people_before = count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM people").await;
        let response = coordinator
            .post_form(&format!("/networks/{net}/memberships/{own}/delete"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(
            count(
                &app,
                &format!(
                    "SELECT CAST(COUNT(*) AS BIGINT) FROM memberships WHERE organization_id = {own}"
                )
            )
            .await,
            1
        );
        assert_eq!(
            count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM people").await,
            people_before
        );
        // Uploads that are not multipart are refused, but only after the access decision.
        let response = coordinator
            .post_form(&format!("/networks/{net}/import"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let member = browser_as(&app, &logins.member).await;
        let response = member
            .post_form(&format!("/networks/{net}/import"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
);

backend_test!(
    forms_post_to_their_collection_or_record,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let net = logins.network_id;
        let org = logins.member_organization_id;
        let person: i64 =
            sqlx::query("SELECT MIN(id) AS id FROM people WHERE organization_id = $1")
                .bind(org)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get("id");
        let admin = browser_as(&app, &logins.admin).await;
        for (page, action) in [
            ("/networks/new".to_string(), "/networks".to_string()),
            (format!("/networks/{net}/edit"), format!("/networks/{net}")),
            (
                format!("/networks/{net}/organizations/new"),
                format!("/networks/{net}/organizations"),
            ),
            (
                format!("/organizations/{org}/edit"),
                format!("/organizations/{org}"),
            ),
            (
                format!("/organizations/{org}/people/new"),
                format!("/organizations/{org}/people"),
            ),
            (
                format!("/people/{person}/edit"),
                format!("/people/{person}"),
            ),
        ] {
            let html = text_with_status(admin.get(&page).await, StatusCode::OK).await;
            assert!(
                html.contains(&format!("<form method=\"post\" action=\"{action}\"")),
                "{page} posts to {action}"
            );
        }
        // The old form targets are gone: a form from before an upgrade is
        // sent again from the reloaded page.
        for old in [
            "/networks/new".to_string(),
            format!("/networks/{net}/edit"),
            format!("/networks/{net}/organizations/new"),
            format!("/organizations/{org}/edit"),
            format!("/organizations/{org}/people/new"),
            format!("/people/{person}/edit"),
        ] {
            let status = admin.post_form(&old, &[("name", "Alt")]).await.status();
            assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "POST {old}");
        }
    }
);

backend_test!(
    an_organisation_under_another_network_is_not_found,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let admin = browser_as(&app, &logins.admin).await;
        let response = admin
            .post_form(
                "/networks",
                &[("name", "IK Ansbach"), ("region_key", "09571")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let ansbach = location(&response)
            .trim_start_matches("/networks/")
            .split('?')
            .next()
            .unwrap()
            .to_string();
        // The police belongs to Neustadt only: not a member of Ansbach, so
        // it cannot be removed there, even by an admin.
        let police = organization_id(&app, "Polizeiinspektion Neustadt a.d.Aisch").await;
        for network in [ansbach.as_str(), "999999"] {
            let response = admin
                .post_form(
                    &format!("/networks/{network}/memberships/{police}/delete"),
                    &[],
                )
                .await;
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "network {network}"
            );
        }
        assert_eq!(
            count(
                &app,
                &format!(
                    "SELECT CAST(COUNT(*) AS BIGINT) FROM memberships WHERE organization_id = {police}"
                )
            )
            .await,
            1
        );
    }
);
