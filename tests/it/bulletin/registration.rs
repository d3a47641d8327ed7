//! Registration for events with ikon's own registration: up to the limit,
//! then the waiting list (said clearly), moving up when someone cancels;
//! a limit below the registrations so far is refused.

use super::*;
use crate::backend_test;
use crate::common::fixtures::Post;

backend_test!(
    registration_fills_up_then_the_waiting_list,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let id = Post::new(net, "Tag der Begegnung")
            .public()
            .event(ikon::core::store::now() + 20 * 86_400, 4)
            .with(|r| {
                r.details.registration = "ikon".into();
                r.details.registration_limit = Some(2);
            })
            .create(&app)
            .await;
        let path = format!("/networks/{net}/posts/{id}");
        let register = |b: Browser| {
            let path = path.clone();
            async move {
                b.post_form(&format!("{path}/registration"), &[("action", "register")])
                    .await
            }
        };
        let first = register(s.member.clone()).await;
        assert!(
            first.headers()["location"]
                .to_str()
                .unwrap()
                .ends_with("notice=bul-registered")
        );
        register(s.coordinator.clone()).await;
        let third = another_member(&app, &s, "dritte@example.org").await;
        let waiting = register(third.clone()).await;
        assert!(
            waiting.headers()["location"]
                .to_str()
                .unwrap()
                .ends_with("notice=bul-waiting")
        );
        let html = page(&third, &format!("{path}?notice=bul-waiting")).await;
        assert!(
            html.contains("Sie stehen auf der Warteliste"),
            "said clearly"
        );
        assert!(html.contains("2 von 2 Plätzen belegt, 1 auf der Warteliste"));
        // A limit below the registrations is refused, nothing changes.
        let form = [
            ("type", "event"),
            ("title", "Tag der Begegnung"),
            ("audience", "public"),
            ("starts_at", &at(20, "10:00")),
            ("place", "Marktplatz"),
            ("registration", "ikon"),
            ("registration_limit", "1"),
        ];
        let response = s.coordinator.post_form(&path, &form).await;
        let body = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(body.contains("Es sind schon 2 Personen angemeldet"));
        // Someone cancels: the first on the waiting list moves up.
        let response = s
            .member
            .post_form(&format!("{path}/registration"), &[("action", "cancel")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = page(&third, &path).await;
        assert!(html.contains("Sie sind angemeldet"), "moved up");
        // Raising the limit is fine.
        let mut raised = form.to_vec();
        raised.retain(|(k, _)| *k != "registration_limit");
        raised.push(("registration_limit", "3"));
        assert_eq!(
            s.coordinator.post_form(&path, &raised).await.status(),
            StatusCode::SEE_OTHER
        );
        let waiting: i64 = sqlx::query("SELECT COUNT(*) FROM post_registrations WHERE waiting = 1")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(waiting, 0);
        // Anonymous readers are asked to sign in; posts without registration refuse.
        let anonymous = app.new_browser();
        assert!(
            page(&anonymous, &path)
                .await
                .contains("Zur Anmeldung bitte einloggen")
        );
        let news = Post::new(net, "Nachricht").public().create(&app).await;
        let response = s
            .member
            .post_form(&format!("/networks/{net}/posts/{news}/registration"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
    }
);
