//! The demo's bulletin: about twenty posts of every type that pass the
//! form's checks, a supervisor's call reaching every network of
//! Mittelfranken, subscriptions of the demo users; every page and feed of
//! it renders.

use super::*;
use crate::backend_test;
use crate::common::fixtures::Network;

backend_test!(
    the_demo_bulletin_has_every_type,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        // Another network of Mittelfranken (as the demo's others are).
        let ansbach = Network::new("Integrationsnetzwerk Landkreis Ansbach", "09571")
            .create(&app)
            .await;
        let written = ikon::demo::load_bulletin(app.db(), net).await.unwrap();
        assert!(written >= 21, "{written}");
        let rows = sqlx::query("SELECT kind, COUNT(*) AS n FROM posts WHERE network_id = $1 GROUP BY kind ORDER BY kind")
        .bind(net)
        .fetch_all(app.db().pool())
        .await
        .unwrap();
        let kinds: Vec<(String, i64)> = rows.iter().map(|r| (r.get("kind"), r.get("n"))).collect();
        assert_eq!(kinds.len(), 5, "{kinds:?}");
        let total: i64 = kinds.iter().map(|(_, n)| n).sum();
        assert!((18..=25).contains(&total), "{total}");
        assert!(kinds.contains(&("good_practice".into(), 2)));
        // The state call (deadline within the next weeks), the Tag der
        // Begegnung with registration, the immigration authority's change.
        let html = page(
            &s.member,
            &format!("/networks/{net}/posts?type=funding_call&deadline_within=30"),
        )
        .await;
        assert!(html.contains("Integration vor Ort"));
        let html = page(
            &app.new_browser(),
            &format!("/networks/{net}/posts?q=Begegnung&type=event"),
        )
        .await;
        assert!(html.contains("Tag der Begegnung 2027"));
        let id: i64 = sqlx::query("SELECT id FROM posts WHERE title = 'Tag der Begegnung 2027'")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        let event = page(&s.member, &format!("/networks/{net}/posts/{id}")).await;
        assert!(event.contains("0 von 120 Plätzen belegt"));
        // Its planning tasks, on the event and on the action board.
        assert!(event.contains("Stände und Strom beim Ordnungsamt anmelden"));
        let board = page(&s.member, &format!("/networks/{net}/actions")).await;
        assert!(board.contains("Spielmobil und Kinderprogramm organisieren"));
        assert!(board.contains("Veranstaltung: Tag der Begegnung 2027"));
        assert!(
            page(&s.member, &format!("/networks/{net}/posts?tag=counselling"))
                .await
                .contains("Ausländerbehörde")
        );
        // The supervisor's call reached Ansbach too.
        let html = page(&app.new_browser(), &format!("/networks/{ansbach}/posts")).await;
        assert!(html.contains("Landesprogramm Integrationslotsen"));
        // A member's post waits for review; an old call is in the archive.
        assert!(
            page(&s.coordinator, &format!("/networks/{net}/posts"))
                .await
                .contains("Zur Prüfung (1)")
        );
        assert!(
            page(&s.member, &format!("/networks/{net}/posts/archive"))
                .await
                .contains("Ferienprogramme 2026")
        );
        let subscriptions: i64 =
            sqlx::query("SELECT COUNT(*) FROM bulletin_subscriptions WHERE network_id = $1")
                .bind(net)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get(0);
        assert_eq!(subscriptions, 3);
        // Every post's page, and the feeds.
        let ids: Vec<i64> = sqlx::query("SELECT id FROM posts WHERE network_id = $1")
            .bind(net)
            .fetch_all(app.db().pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        for id in ids {
            page(&s.coordinator, &format!("/networks/{net}/posts/{id}")).await;
            page(&s.coordinator, &format!("/networks/{net}/posts/{id}/edit")).await;
        }
        let anonymous = app.new_browser();
        for (kind, file) in [
            ("atom", "posts.atom"),
            ("json", "posts.json"),
            ("ics", "posts.ics"),
        ] {
            let body = page(&anonymous, &format!("/networks/{net}/{file}")).await;
            super::feeds::validated(kind, &body);
        }
        page(&anonymous, &format!("/networks/{net}/calendar?view=list")).await;
    }
);
