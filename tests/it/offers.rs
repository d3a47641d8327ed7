//! Offers: the form with its checks, the review workflow, translations and
//! the public offer page.

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
        ("street", "Bahnhofstraße 5"),
        ("postal_code", "91413"),
        ("lat", "49.58"),
        ("lon", "10.61"),
        ("opening_hours", "Mo-Fr 09:00-12:00; Th 14:00-18:00"),
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
                .post_form(&new, &with("opening_hours", "Mo-Fr 9 bis 12"))
                .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(
            body.contains("OpenStreetMap-Format: 1:7: expected"),
            "{body}"
        );
        assert!(body.contains("e-opening_hours"));
        let body = text_with_status(
            member.post_form(&new, &with("lon", "2.35")).await,
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
            .filter(|(k, _)| *k != "lat" && *k != "lon")
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
            "SELECT o.municipality_key, o.lat, r.lat FROM offers o JOIN regions r ON r.key = o.municipality_key WHERE o.id = $1",
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

backend_test!(
    old_offer_urls_answer_308_to_their_network,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let response = member
            .post_form(&format!("/networks/{net}/offers"), &valid())
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let id = offer_id(&response);
        let new = format!("/networks/{net}/offers/{id}");

        // E-mailed and bookmarked links keep working, with their query.
        let anonymous = app.new_browser();
        for (old, to) in [
            (format!("/offers/{id}"), new.clone()),
            (format!("/offers/{id}?lang=ar"), format!("{new}?lang=ar")),
            (format!("/offers/{id}/edit"), format!("{new}/edit")),
            (
                format!("/offers/{id}/translations/en?from=mail"),
                format!("{new}/translations/en?from=mail"),
            ),
            (
                format!("/offers/{id}/contact-point"),
                format!("{new}/contact-point"),
            ),
        ] {
            let response = anonymous.get(&old).await;
            assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT, "{old}");
            assert_eq!(response.headers()["location"], to.as_str(), "{old}");
        }
        // An offer that never was is not found, old URL or new.
        for old in ["/offers/999999", "/offers/999999/edit", "/offers/x"] {
            let response = anonymous.get(old).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{old}");
        }
        // The old form targets are gone.
        let response = member
            .post_form(&format!("/offers/{id}/edit"), &valid())
            .await;
        assert_ne!(response.status(), StatusCode::SEE_OTHER);
        let response = member
            .post_form(&format!("/networks/{net}/offers/new"), &valid())
            .await;
        assert_ne!(response.status(), StatusCode::SEE_OTHER);
    }
);

backend_test!(
    an_offer_under_another_network_is_not_found,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let other: i64 = sqlx::query(
            "INSERT INTO networks (name, region_key, description, created_at, updated_at) VALUES ('Integrationskonferenz München', '09162', '', 1, 1) RETURNING id",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let response = member
            .post_form(&format!("/networks/{net}/offers"), &valid())
            .await;
        let id = offer_id(&response);
        let admin = signed_in(&app, &logins.admin.email, &logins.admin.password).await;
        let response = admin
            .post_form(
                &format!("/networks/{net}/offers/{id}/status"),
                &[("to", "published")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // Public under its own network, unknown under another, even to an
        // admin who may see both.
        let anonymous = app.new_browser();
        let own = anonymous.get(&format!("/networks/{net}/offers/{id}")).await;
        assert_eq!(own.status(), StatusCode::OK);
        let wrong = format!("/networks/{other}/offers/{id}");
        assert_eq!(anonymous.get(&wrong).await.status(), StatusCode::NOT_FOUND);
        for page in ["", "/edit", "/translations/en", "/contact-point"] {
            let response = admin.get(&format!("{wrong}{page}")).await;
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "GET {wrong}{page}"
            );
        }
        for (page, fields) in [
            ("", valid()),
            ("/status", vec![("to", "archived")]),
            ("/verify", vec![]),
            ("/translations/en", vec![("title", "Counselling")]),
            ("/contact-point", vec![("target_groups", "adults")]),
        ] {
            let response = admin.post_form(&format!("{wrong}{page}"), &fields).await;
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "POST {wrong}{page}"
            );
        }
        let status: String = sqlx::query("SELECT status FROM offers WHERE id = $1")
            .bind(id)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(status, "published");
        let translated: i64 = sqlx::query("SELECT COUNT(*) FROM offer_translations")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(translated, 0);

        // Links to the offer name its network: open data and the page.
        let geo: serde_json::Value = anonymous
            .get("/api/v1/offers.geojson")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            geo["features"][0]["properties"]["url"],
            format!("/networks/{net}/offers/{id}")
        );
        let list = text_with_status(
            admin.get(&format!("/networks/{net}/offers")).await,
            StatusCode::OK,
        )
        .await;
        assert!(list.contains(&format!("href=\"/networks/{net}/offers/{id}\"")));
    }
);

backend_test!(
    member_changes_to_published_text_are_reviewed,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let coordinator = signed_in(
            &app,
            &logins.coordinator.email,
            &logins.coordinator.password,
        )
        .await;
        let response = member
            .post_form(&format!("/networks/{net}/offers"), &valid())
            .await;
        let id = offer_id(&response);
        let offer = format!("/networks/{net}/offers/{id}");
        let status = async || -> String {
            sqlx::query("SELECT status FROM offers WHERE id = $1")
                .bind(id)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get(0)
        };
        let publish = async || {
            let response = coordinator
                .post_form(&format!("{offer}/status"), &[("to", "published")])
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        };
        publish().await;

        // A member's translation is new public text: reviewed first.
        let response = member
            .post_form(
                &format!("{offer}/translations/en"),
                &[("title", "Free money, click here"), ("summary", "Advice.")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(status().await, "review");
        let anonymous = app.new_browser();
        assert_ne!(
            anonymous.get(&format!("{offer}?lang=en")).await.status(),
            StatusCode::OK
        );

        // So is a member's contact-point designation.
        publish().await;
        let response = member
            .post_form(
                &format!("{offer}/contact-point"),
                &[("target_groups", "adults"), ("whole_kreis", "1")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(status().await, "review");

        // The coordinator's own changes go live.
        publish().await;
        let response = coordinator
            .post_form(
                &format!("{offer}/translations/en"),
                &[
                    ("title", "Adult migration counselling"),
                    ("summary", "Advice."),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(status().await, "published");
        let page = text_with_status(
            anonymous.get(&format!("{offer}?lang=en")).await,
            StatusCode::OK,
        )
        .await;
        assert!(page.contains("Adult migration counselling"), "{page}");
    }
);

backend_test!(
    ages_read_as_words_in_every_direction,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let (net, org) = (logins.network_id, logins.member_organization_id);
        let mut offers = Vec::new();
        for (title, min, max) in [
            ("Beratung für Erwachsene", Some(27), Some(120)),
            ("Jugendmigrationsdienst", Some(12), Some(27)),
            ("Krabbelgruppe", None, Some(6)),
        ] {
            let id = crate::common::fixtures::Offer::new(net, org, title)
                .with(|r| {
                    r.age_min = min;
                    r.age_max = max;
                })
                .create(&app)
                .await;
            offers.push(format!("/networks/{net}/offers/{id}"));
        }
        let page = async |path: &str| text_with_status(app.get(path).await, StatusCode::OK).await;
        assert!(page(&offers[0]).await.contains("ab 27 Jahren"));
        assert!(
            page(&offers[1])
                .await
                .contains("\u{2066}12–27\u{2069} Jahre")
        );
        assert!(page(&offers[2]).await.contains("bis 6 Jahre"));
        let english = page(&format!("{}?lang=en", offers[0])).await;
        assert!(english.contains("from 27"), "{english}");
        assert!(!english.contains("120"), "no made-up upper bound");
        // Right to left: the range is isolated left to right, so it does
        // not read 27–12.
        let arabic = page(&format!("{}?lang=ar", offers[1])).await;
        assert!(arabic.contains("\u{2066}12–27\u{2069} سنة"), "{arabic}");
    }
);
