//! Deleted public objects stay as tombstones.

use super::*;

backend_test!(
    deleted_public_objects_stay_as_tombstones,
    |app: TestApp| async move {
        let f = fixture(&app).await;
        let browser = app.new_browser();
        browser.login(&f.coordinator.0, &f.coordinator.1).await;

        // A public agenda item is deleted: it and its public file remain as
        // tombstones; deleting an internal item leaves nothing behind.
        for item in [f.public_item, f.internal_item] {
            let response = browser
                .post_form(
                    &format!(
                        "/networks/{}/meetings/{}/agenda/{item}/delete",
                        f.network_id, f.held
                    ),
                    &[],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let item_url = app.url(&format!("/oparl/v1/agenda-item/{}", f.public_item));
        let item = get_ok(&app, &item_url).await;
        assert_eq!(item["deleted"], true);
        assert_eq!(item["type"], "https://schema.oparl.org/1.1/AgendaItem");
        let file = get_ok(&app, &app.url(&format!("/oparl/v1/file/{}", f.public_file))).await;
        assert_eq!(file["deleted"], true);
        let (status, _) = fetch(
            &app,
            &app.url(&format!("/oparl/v1/agenda-item/{}", f.internal_item)),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let items = get_ok(
            &app,
            &app.url(&format!("/oparl/v1/body/{}/agenda-items", f.network_id)),
        )
        .await;
        let listed = items["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == json!(item_url))
            .expect("the tombstone is listed");
        assert_eq!(listed["deleted"], true);

        // An item made internal is gone for OParl clients, too.
        let response = browser
            .post_form(
                &format!(
                    "/networks/{}/meetings/{}/agenda/{}",
                    f.network_id, f.invited, f.welcome
                ),
                &[("title", "Begrüßung"), ("duration_minutes", "15")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let hidden = get_ok(
            &app,
            &app.url(&format!("/oparl/v1/agenda-item/{}", f.welcome)),
        )
        .await;
        assert_eq!(hidden["deleted"], true);
        assert!(hidden.get("name").is_none());
        let invited = get_ok(&app, &app.url(&format!("/oparl/v1/meeting/{}", f.invited))).await;
        assert_eq!(invited["agendaItem"], json!([]));

        // The public person withdraws consent (the box is left unticked).
        let person_url = app.url(&format!(
            "/oparl/v1/body/{}/person/{}",
            f.network_id, f.public_person
        ));
        let response = browser
            .post_form(
                &format!("/people/{}", f.public_person),
                &[
                    ("name", "Petra Offen"),
                    ("function", "Beratung"),
                    ("email", "petra@example.org"),
                    ("phone", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let gone = get_ok(&app, &person_url).await;
        assert_eq!(gone["deleted"], true);
        assert!(
            gone.get("name").is_none(),
            "a tombstone keeps no personal data"
        );
        // …and gives it again through the form.
        let response = browser
            .post_form(
                &format!("/people/{}", f.public_person),
                &[
                    ("name", "Petra Offen"),
                    ("function", "Beratung"),
                    ("email", "petra@example.org"),
                    ("phone", ""),
                    ("is_public", "yes"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(get_ok(&app, &person_url).await["name"], "Petra Offen");

        // Another organisation, with a public contact, leaves the network.
        let leaving: i64 = sqlx::query(
        "SELECT organization_id FROM memberships WHERE network_id = $1 AND organization_id <> $2
         ORDER BY organization_id LIMIT 1",
    )
    .bind(f.network_id)
    .bind(f.organization_id)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get("organization_id");
        let contact = person(&app, leaving, "Olaf Offen", "olaf@example.org", 1).await;
        let person_url = app.url(&format!("/oparl/v1/body/{}/person/{contact}", f.network_id));
        assert_eq!(get_ok(&app, &person_url).await["name"], "Olaf Offen");
        let response = browser
            .post_form(
                &format!("/networks/{}/memberships/{leaving}/delete", f.network_id),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let organizations = get_ok(
            &app,
            &app.url(&format!("/oparl/v1/body/{}/organizations", f.network_id)),
        )
        .await;
        let org_url = app.url(&format!(
            "/oparl/v1/body/{}/organization/{leaving}",
            f.network_id
        ));
        let org = organizations["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == json!(org_url))
            .expect("the organisation's tombstone");
        assert_eq!(org["deleted"], true);
        assert_eq!(get_ok(&app, &person_url).await["deleted"], true);

        // Tombstones are valid OParl objects too.
        let (objects, _) = crawl(&app).await;
        let problems = schema_problems(&objects);
        assert!(problems.is_empty(), "schema violations: {problems:#?}");
    }
);
