//! A contact person's GDPR export and erasure.

use super::*;

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
