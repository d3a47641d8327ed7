//! Offers: the form with its checks, the review workflow, translations and
//! the public offer page.

mod migration;
mod places;
mod places_outputs;
mod reading;
mod review;
mod urls;

use reqwest::StatusCode;
use sqlx::Row;

use crate::backend_test;
use crate::common::{Browser, TestApp, text_with_status};

pub(crate) async fn signed_in(app: &TestApp, email: &str, password: &str) -> Browser {
    let browser = app.new_browser();
    browser.login(email, password).await;
    browser
}

async fn offer_count(app: &TestApp) -> i64 {
    sqlx::query("SELECT COUNT(*) FROM offers")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

pub(crate) fn valid<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", "Migrationsberatung für Erwachsene"),
        ("summary", "Beratung zu Sprache, Arbeit und Aufenthalt."),
        (
            "description",
            "**Kostenlos** und vertraulich. <script>alert(1)</script>",
        ),
        ("field", "counselling"),
        ("offer_type", "mbe"),
        ("target_groups", "refugees"),
        ("target_groups", "families"),
        ("languages", "de, ar, tr"),
        ("cost", "free"),
        ("place-0-street", "Bahnhofstraße 5"),
        ("place-0-postal_code", "91413"),
        ("place-0-lat", "49.58"),
        ("place-0-lon", "10.61"),
        ("place-0-opening_hours", "Mo-Fr 09:00-12:00; Th 14:00-18:00"),
        ("email", "mbe@example.org"),
    ]
}

fn with<'a>(field: &'a str, value: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<_> = valid().into_iter().filter(|(k, _)| *k != field).collect();
    fields.push((field, value));
    fields
}

/// The id of the offer a response redirects to
/// (`/networks/{network_id}/offers/{offer_id}?notice=…`).
pub(crate) fn offer_id(response: &reqwest::Response) -> i64 {
    let to = response.headers()["location"].to_str().unwrap();
    let path = to.split('?').next().unwrap();
    let (offers, id) = path.rsplit_once('/').unwrap();
    assert!(offers.ends_with("/offers"), "{to}");
    id.parse().unwrap()
}

backend_test!(
    member_submits_and_coordinator_publishes,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let new = format!("/networks/{net}/offers");

        // Malformed input is refused field by field, and nothing is written.
        let body = text_with_status(
            member
                .post_form(&new, &with("place-0-opening_hours", "Mo-Fr 9 bis 12"))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(
            body.contains("OpenStreetMap-Format: 1:7: expected"),
            "{body}"
        );
        assert!(body.contains("e-place-0-opening_hours"));
        let body = text_with_status(
            member.post_form(&new, &with("place-0-lon", "2.35")).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(body.contains("nicht in Deutschland"), "{body}");
        let body = text_with_status(
            member.post_form(&new, &with("languages", "de, xx")).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(body.contains("Unbekanntes Sprachkürzel: xx"), "{body}");
        assert_eq!(offer_count(&app).await, 0);

        let response = member.post_form(&new, &valid()).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let id = offer_id(&response);
        let row = sqlx::query("SELECT organization_id, status FROM offers WHERE id = $1")
            .bind(id)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(row.get::<i64, _>(0), logins.member_organization_id);
        assert_eq!(row.get::<String, _>(1), "draft");

        // Drafts are not public.
        let anonymous = app.new_browser();
        let response = anonymous.get(&format!("/networks/{net}/offers/{id}")).await;
        assert_ne!(response.status(), StatusCode::OK);

        let status = format!("/networks/{net}/offers/{id}/status");
        let response = member.post_form(&status, &[("to", "review")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = member.post_form(&status, &[("to", "published")]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = member.post_form(&status, &[("to", "review")]).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);

        let coordinator = signed_in(
            &app,
            &logins.coordinator.email,
            &logins.coordinator.password,
        )
        .await;
        let response = coordinator.post_form(&status, &[("to", "published")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let page = text_with_status(
            anonymous.get(&format!("/networks/{net}/offers/{id}")).await,
            StatusCode::OK,
        )
        .await;
        assert!(page.contains("<script type=\"application/ld+json\">"));
        assert!(page.contains("\"@type\":\"GovernmentService\""));
        assert!(page.contains("\"hoursAvailable\":\"Mo-Fr 09:00-12:00; Th 14:00-18:00\""));
        // Readers get the hours in words, not the code.
        assert!(
            page.contains("Donnerstag: \u{2066}14:00–18:00\u{2069}"),
            "{page}"
        );
        assert!(page.contains("sonst geschlossen"), "{page}");
        let arabic = text_with_status(
            anonymous
                .get(&format!("/networks/{net}/offers/{id}?lang=ar"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(
            arabic.contains("الخميس: \u{2066}14:00–18:00\u{2069}"),
            "{arabic}"
        );
        assert!(page.contains("<strong>Kostenlos</strong>"));
        assert!(!page.contains("alert(1)"));
        assert!(!page.contains(&format!("/networks/{net}/offers/{id}/edit")));

        let list = text_with_status(
            coordinator
                .get(&format!("/networks/{net}/offers?status=published"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(list.contains("Migrationsberatung für Erwachsene"));
        let audit: i64 =
            sqlx::query("SELECT COUNT(*) FROM audit_log WHERE entity = 'offer' AND entity_id = $1")
                .bind(id)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get(0);
        assert_eq!(audit, 3);

        // Open data: the published offer, with licence and paging.
        let data: serde_json::Value = anonymous
            .get("/api/v1/offers?per_page=1")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(data["licence"], "dl-de/by-2-0");
        assert_eq!(data["total"], 1);
        assert_eq!(data["offers"][0]["id"], id);
        assert_eq!(data["offers"][0]["languages"][1], "ar");
        let response = anonymous.get("/api/v1/offers?per_page=0").await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let response = anonymous.get("/api/v1/offers.geojson").await;
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "application/geo+json"
        );
        let geo: serde_json::Value = response.json().await.unwrap();
        assert_eq!(geo["type"], "FeatureCollection");
        assert_eq!(geo["features"][0]["geometry"]["coordinates"][0], 10.61);
        assert!(geo["attribution"].is_string());

        // A member's later change goes back to review; it is not public until
        // the coordinator publishes it again.
        let response = member
            .post_form(&format!("/networks/{net}/offers/{id}"), &valid())
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let status: String = sqlx::query("SELECT status FROM offers WHERE id = $1")
            .bind(id)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(status, "review");
        assert_ne!(
            anonymous
                .get(&format!("/networks/{net}/offers/{id}"))
                .await
                .status(),
            StatusCode::OK
        );
    }
);

backend_test!(
    translations_follow_the_german_text,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let response = member
            .post_form(&format!("/networks/{net}/offers"), &valid())
            .await;
        let id = offer_id(&response);
        let page = format!("/networks/{net}/offers/{id}");

        let response = member
            .post_form(
                &format!("/networks/{net}/offers/{id}/translations/en"),
                &[
                    ("title", "Adult migration counselling"),
                    ("summary", "Advice."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let body = text_with_status(member.get(&page).await, StatusCode::OK).await;
        assert!(body.contains("translation-current"), "{body}");
        assert!(body.contains("translation-missing"));

        let changed = with("title", "Migrationsberatung (MBE)");
        let response = member
            .post_form(&format!("/networks/{net}/offers/{id}"), &changed)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let body = text_with_status(member.get(&page).await, StatusCode::OK).await;
        assert!(body.contains("translation-outdated"));
        assert!(!body.contains("translation-current"));

        let body =
            text_with_status(member.get(&format!("{page}?lang=en")).await, StatusCode::OK).await;
        assert!(body.contains("Adult migration counselling"));
        let body =
            text_with_status(member.get(&format!("{page}?lang=ar")).await, StatusCode::OK).await;
        assert!(body.contains("offer-fallback"));
        assert!(body.contains("Migrationsberatung (MBE)"));
        // The page speaks Arabic; the German text inside stays left to right.
        assert!(body.contains("<article class=\"offer\" lang=\"de\" dir=\"ltr\">"));

        let response = member
            .post_form(
                &format!("/networks/{net}/offers/{id}/translations/ar"),
                &[("title", "استشارة الهجرة")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let body =
            text_with_status(member.get(&format!("{page}?lang=ar")).await, StatusCode::OK).await;
        assert!(body.contains("lang=\"ar\" dir=\"rtl\""), "{body}");
        assert!(!body.contains("offer-fallback"));

        // Unknown languages and empty titles are refused.
        let response = member
            .get(&format!("/networks/{net}/offers/{id}/translations/xx"))
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let response = member
            .post_form(
                &format!("/networks/{net}/offers/{id}/translations/tr"),
                &[("title", " ")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);

backend_test!(
    place_defaults_to_the_municipality_centre,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let coordinator = signed_in(
            &app,
            &logins.coordinator.email,
            &logins.coordinator.password,
        )
        .await;
        let org = logins.member_organization_id.to_string();
        let mut fields: Vec<_> = valid()
            .into_iter()
            .filter(|(k, _)| *k != "place-0-lat" && *k != "place-0-lon")
            .collect();
        // The coordinator must name a member organisation as provider.
        let response = coordinator
            .post_form(&format!("/networks/{net}/offers"), &fields)
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        fields.push(("organization_id", &org));
        let response = coordinator
            .post_form(&format!("/networks/{net}/offers"), &fields)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let id = offer_id(&response);
        let row = sqlx::query(
            "SELECT p.municipality_key, p.lat, r.lat FROM offer_places p JOIN regions r ON r.key = p.municipality_key WHERE p.offer_id = $1",
        )
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        let key: String = row.get(0);
        assert!(key.starts_with("09575"), "{key}");
        assert_eq!(row.get::<Option<f64>, _>(1), row.get::<Option<f64>, _>(2));

        // An organisation that leaves its last network is deleted, and its
        // offers (with their translations) go with it.
        let other: i64 = sqlx::query(
            "SELECT organization_id FROM memberships WHERE network_id = $1 AND organization_id <> $2 ORDER BY organization_id",
        )
        .bind(net)
        .bind(logins.member_organization_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        let other_id = other.to_string();
        fields.retain(|(k, _)| *k != "organization_id");
        fields.push(("organization_id", &other_id));
        let response = coordinator
            .post_form(&format!("/networks/{net}/offers"), &fields)
            .await;
        let gone = offer_id(&response);
        let response = coordinator
            .post_form(
                &format!("/networks/{net}/offers/{gone}/translations/en"),
                &[("title", "Counselling")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = coordinator
            .post_form(&format!("/networks/{net}/memberships/{other}/delete"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let left: i64 = sqlx::query("SELECT COUNT(*) FROM offers WHERE organization_id = $1")
            .bind(other)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(left, 0);
        assert_eq!(offer_count(&app).await, 1);
    }
);
