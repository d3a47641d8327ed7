//! Networks per district, memberships, form targets and wrong-network lookups.

use super::*;

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
