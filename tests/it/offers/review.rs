//! What a member changes on a published offer goes back to review.

use super::*;

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
