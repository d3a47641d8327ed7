//! Old offer URLs redirect; an offer under another network is not found.

use super::*;

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
