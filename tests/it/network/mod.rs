//! The network registry: networks, organisations, contact people,
//! memberships, the JSON API and the GDPR tools, over HTTP as each role.

mod api;
mod gdpr;
mod networks;

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
