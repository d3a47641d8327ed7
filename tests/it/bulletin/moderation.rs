//! Moderation: the coordinator pins, edits and archives; an author's
//! change waits for review again; a supervisor posts to every network of
//! her region at once but moderates none.

use super::*;
use crate::backend_test;
use crate::common::fixtures::{Network, Post};

backend_test!(
    the_coordinator_pins_edits_and_archives,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let first = Post::new(net, "Ältere Nachricht")
            .public()
            .create(&app)
            .await;
        Post::new(net, "Neuere Nachricht")
            .public()
            .create(&app)
            .await;
        let base = format!("/networks/{net}/posts/{first}");
        // A member cannot pin or edit someone else's post.
        assert_eq!(
            s.member
                .post_form(&format!("{base}/pin"), &[("pinned", "1")])
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            s.member.get(&format!("{base}/edit")).await.status(),
            StatusCode::FORBIDDEN
        );
        let response = s
            .coordinator
            .post_form(&format!("{base}/pin"), &[("pinned", "1")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let list = page(&s.member, &format!("/networks/{net}/posts")).await;
        let (older, newer) = (
            list.find("Ältere Nachricht").unwrap(),
            list.find("Neuere Nachricht").unwrap(),
        );
        assert!(older < newer, "the pinned post comes first");
        page(&s.coordinator, &format!("{base}/edit")).await;
        let response = s
            .coordinator
            .post_form(
                &base,
                &[
                    ("type", "news"),
                    ("title", "Geänderte Nachricht"),
                    ("audience", "public"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(page(&s.member, &base).await.contains("Geänderte Nachricht"));
        let response = s
            .coordinator
            .post_form(&format!("{base}/status"), &[("to", "archived")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            !page(&s.member, &format!("/networks/{net}/posts"))
                .await
                .contains("Geänderte Nachricht")
        );
        assert!(
            page(&s.member, &format!("/networks/{net}/posts/archive"))
                .await
                .contains("Geänderte Nachricht")
        );
        // The author edits their own post; a change waits for review again.
        let own = create(
            &s.member,
            net,
            &[
                ("type", "news"),
                ("title", "Eigene Nachricht"),
                ("audience", "network"),
            ],
        )
        .await;
        s.coordinator
            .post_form(
                &format!("/networks/{net}/posts/{own}/status"),
                &[("to", "published")],
            )
            .await;
        let response = s
            .member
            .post_form(
                &format!("/networks/{net}/posts/{own}"),
                &[
                    ("type", "news"),
                    ("title", "Eigene Nachricht, korrigiert"),
                    ("audience", "network"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let status: String = sqlx::query("SELECT status FROM posts WHERE id = $1")
            .bind(own)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(status, "review");
    }
);

backend_test!(
    a_supervisor_posts_to_every_network_of_her_region,
    |app: TestApp| async move {
        let s = setup(&app).await;
        // Another Kreis of Mittelfranken, and one outside it.
        let ansbach = Network::new("Integrationsnetzwerk Landkreis Ansbach", "09571")
            .create(&app)
            .await;
        let munich = Network::new("Integrationskonferenz München", "09162")
            .create(&app)
            .await;
        let id = create(
            &s.supervisor,
            s.net,
            &[
                ("type", "funding_call"),
                ("title", "Landesprogramm Integration 2027"),
                ("audience", "public"),
                ("funder", "Bayerisches Staatsministerium des Innern"),
                ("funder_level", "land"),
                ("deadline_type", "fixed"),
                ("deadline", &day(30)),
                ("all_networks", "1"),
            ],
        )
        .await;
        let networks: Vec<i64> =
            sqlx::query("SELECT network_id FROM posts WHERE title = $1 ORDER BY network_id")
                .bind("Landesprogramm Integration 2027")
                .fetch_all(app.db().pool())
                .await
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect();
        let mut expected = vec![s.net, ansbach];
        expected.sort();
        assert_eq!(
            networks, expected,
            "every network of Mittelfranken, not Munich ({munich})"
        );
        let anonymous = app.new_browser();
        assert!(
            page(&anonymous, &format!("/networks/{ansbach}/posts"))
                .await
                .contains("Landesprogramm Integration 2027")
        );
        assert!(
            !page(&anonymous, &format!("/networks/{munich}/posts"))
                .await
                .contains("Landesprogramm")
        );
        page(&anonymous, &format!("/networks/{}/posts/{id}", s.net)).await;
        // A supervisor may post, but not moderate.
        let response = s
            .supervisor
            .post_form(
                &format!("/networks/{}/posts/{id}/pin", s.net),
                &[("pinned", "1")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
);
