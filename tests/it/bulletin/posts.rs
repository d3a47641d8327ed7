//! Posts: every type with its fields, the checks that refuse bad input
//! (nothing saved), moderation, the public variant, filters and archive,
//! and the supervisor's post to every network of her region.

use super::*;
use crate::backend_test;
use crate::common::fixtures::{Network, Post};

backend_test!(
    every_type_is_posted_with_its_fields,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let deadline = day(20);
        let call = create(&s.coordinator, net, &funding_call(&deadline)).await;
        let starts = at(10, "14:00");
        let ends = at(10, "18:00");
        let event = create(
            &s.coordinator,
            net,
            &[
                ("type", "event"),
                ("title", "Tag der Begegnung"),
                ("audience", "public"),
                ("starts_at", &starts),
                ("ends_at", &ends),
                ("place", "Marktplatz, 91413 Neustadt a.d.Aisch"),
                ("lat", "49.5797"),
                ("lon", "10.6112"),
                ("organiser", "Landratsamt"),
                ("registration", "ikon"),
                ("registration_limit", "40"),
            ],
        )
        .await;
        let regulation = create(
            &s.coordinator,
            net,
            &[
                ("type", "regulation"),
                ("title", "Neue Terminvergabe der Ausländerbehörde"),
                ("audience", "network"),
                ("authority", "immigration_authority"),
                ("legal_reference", "§ 81 AufenthG"),
                ("effective_on", &day(5)),
                ("affected", "Alle, die einen Aufenthaltstitel verlängern"),
                ("body", "Termine nur noch online."),
            ],
        )
        .await;
        let practice = create(
            &s.coordinator,
            net,
            &[
                ("type", "good_practice"),
                ("title", "Sprachcafé in der Bücherei"),
                ("audience", "public"),
                ("problem", "Wenig Gelegenheit, Deutsch zu sprechen."),
                ("approach", "Ehrenamtliche laden jeden Donnerstag ein."),
                ("results", "30 Teilnehmende im Schnitt."),
                ("contact", "Stadtbücherei"),
            ],
        )
        .await;
        let news = create(
            &s.coordinator,
            net,
            &[
                ("type", "news"),
                ("title", "Neue Koordinatorin"),
                ("audience", "network"),
                ("body", "**Willkommen** <script>alert(1)</script>"),
            ],
        )
        .await;
        let html = page(&s.coordinator, &format!("/networks/{net}/posts/{call}")).await;
        assert!(html.contains("Bayerisches Staatsministerium des Innern"));
        assert!(html.contains("Zuschuss") && html.contains("Verband"));
        assert!(
            html.contains("<strong>Sprachkurse</strong>"),
            "Markdown rendered"
        );
        let html = page(&s.coordinator, &format!("/networks/{net}/posts/{event}")).await;
        assert!(html.contains("Marktplatz") && html.contains("14:00"));
        assert!(html.contains("0 von 40 Plätzen belegt"));
        let html = page(
            &s.coordinator,
            &format!("/networks/{net}/posts/{regulation}"),
        )
        .await;
        assert!(html.contains("Ausländerbehörde") && html.contains("§ 81 AufenthG"));
        let html = page(&s.coordinator, &format!("/networks/{net}/posts/{practice}")).await;
        assert!(html.contains("Ehrenamtliche laden"));
        let html = page(&s.coordinator, &format!("/networks/{net}/posts/{news}")).await;
        assert!(html.contains("<strong>Willkommen</strong>") && !html.contains("<script>alert"));
        let list = page(&s.member, &format!("/networks/{net}/posts")).await;
        for title in [
            "Tag der Begegnung",
            "Sprachcafé",
            "Neue Koordinatorin",
            "Terminvergabe",
        ] {
            assert!(list.contains(title), "{title} listed");
        }
        // Every change is in the audit log.
        let audited: i64 = sqlx::query("SELECT COUNT(*) FROM audit_log WHERE entity = 'post'")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(audited, 5);
    }
);

backend_test!(
    bad_input_is_refused_and_nothing_saved,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let path = format!("/networks/{net}/posts");
        let refused =
            |fields: Vec<(&'static str, String)>, field: &'static str, text: &'static str| {
                let browser = s.coordinator.clone();
                let path = path.clone();
                async move {
                    let fields: Vec<(&str, &str)> =
                        fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    let response = browser.post_form(&path, &fields).await;
                    let body = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
                    assert!(
                        body.contains(&format!("id=\"e-{field}\"")),
                        "{field}: {body}"
                    );
                    assert!(body.contains(text), "{text}");
                }
            };
        let call = |deadline_type: &str, deadline: String| {
            let mut f: Vec<(&'static str, String)> = funding_call("")
                .into_iter()
                .filter(|(k, _)| !matches!(*k, "deadline" | "deadline_type"))
                .map(|(k, v)| (k, v.to_string()))
                .collect();
            if !deadline_type.is_empty() {
                f.push(("deadline_type", deadline_type.to_string()));
            }
            f.push(("deadline", deadline));
            f
        };
        // A funding call without deadline type, and one with a past deadline.
        refused(call("", day(20)), "deadline_type", "Pflichtfeld").await;
        refused(call("fixed", day(-1)), "deadline", "in der Vergangenheit").await;
        // An event ending before it starts.
        let event = vec![
            ("type", "event".to_string()),
            ("title", "Integrationsforum".to_string()),
            ("audience", "public".to_string()),
            ("starts_at", at(3, "18:00")),
            ("ends_at", at(3, "16:00")),
            ("place", "Aula".to_string()),
        ];
        refused(event, "ends_at", "Das Ende liegt vor dem Beginn").await;
        // An unknown tag.
        let news = vec![
            ("type", "news".to_string()),
            ("title", "x".to_string()),
            ("audience", "network".to_string()),
            ("tags", "language".to_string()),
            ("tags", "astronauts".to_string()),
        ];
        refused(news, "tags", "Unbekanntes Thema: astronauts").await;
        assert_eq!(post_count(&app).await, 0, "nothing saved");
    }
);

backend_test!(
    members_posts_wait_for_review_unless_the_network_says_otherwise,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let news = |title: &'static str| {
            vec![
                ("type", "news"),
                ("title", title),
                ("audience", "public"),
                ("body", "Text"),
            ]
        };
        let response = s
            .member
            .post_form(
                &format!("/networks/{net}/posts"),
                &news("Erst nach Prüfung"),
            )
            .await;
        let id = post_id(&response);
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .contains("created-review")
        );
        // Not on the bulletin, nor for anonymous readers, nor in the feed yet.
        let anonymous = app.new_browser();
        assert!(
            !page(&anonymous, &format!("/networks/{net}/posts"))
                .await
                .contains("Erst nach Prüfung")
        );
        assert!(
            !page(&s.member, &format!("/networks/{net}/posts"))
                .await
                .contains("Erst nach Prüfung")
        );
        let atom = page(&anonymous, &format!("/networks/{net}/posts.atom")).await;
        assert!(!atom.contains("Erst nach Prüfung"));
        // The coordinator sees it waiting, and approves it.
        let list = page(&s.coordinator, &format!("/networks/{net}/posts")).await;
        assert!(list.contains("Zur Prüfung (1)") && list.contains("Erst nach Prüfung"));
        // Another member of the network does not see someone else's draft.
        let other = another_member(&app, &s, "zweites-mitglied@example.org").await;
        let status = other
            .get(&format!("/networks/{net}/posts/{id}"))
            .await
            .status();
        assert_eq!(status, StatusCode::NOT_FOUND);
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/posts/{id}/status"),
                &[("to", "published")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            page(&anonymous, &format!("/networks/{net}/posts"))
                .await
                .contains("Erst nach Prüfung")
        );
        // A member may not approve.
        let response = s
            .member
            .post_form(
                &format!("/networks/{net}/posts/{id}/status"),
                &[("to", "archived")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        // The network lets members' posts go live directly.
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/posts/settings"),
                &[("review_member_posts", "0")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        create(&s.member, net, &news("Sofort sichtbar")).await;
        assert!(
            page(&anonymous, &format!("/networks/{net}/posts"))
                .await
                .contains("Sofort sichtbar")
        );
    }
);

backend_test!(
    anonymous_readers_see_only_public_posts,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let public = Post::new(net, "Öffentliche Nachricht")
            .public()
            .create(&app)
            .await;
        let internal = Post::new(net, "Interne Nachricht").create(&app).await;
        let anonymous = app.new_browser();
        let list = page(&anonymous, &format!("/networks/{net}/posts")).await;
        assert!(list.contains("Öffentliche Nachricht") && !list.contains("Interne Nachricht"));
        assert!(list.contains("Sie sehen die öffentlichen Mitteilungen"));
        page(&anonymous, &format!("/networks/{net}/posts/{public}")).await;
        let response = anonymous
            .get(&format!("/networks/{net}/posts/{internal}"))
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "asked to sign in");
        // The other network's coordinator is refused, the network's member reads it.
        let outsider_net = Network::new("Integrationskonferenz München", "09162")
            .create(&app)
            .await;
        let outsider = User::new("aussen@example.org", Role::Coordinator)
            .network(outsider_net)
            .create(&app)
            .await
            .browser(&app)
            .await;
        let response = outsider
            .get(&format!("/networks/{net}/posts/{internal}"))
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            !page(&outsider, &format!("/networks/{net}/posts"))
                .await
                .contains("Interne Nachricht")
        );
        page(&s.member, &format!("/networks/{net}/posts/{internal}")).await;
        // A post looked up under another network does not exist.
        let response = s
            .member
            .get(&format!("/networks/{outsider_net}/posts/{public}"))
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        // The bulletin of a network that does not exist.
        assert_eq!(
            anonymous.get("/networks/999999/posts").await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

backend_test!(
    filters_find_by_type_tag_deadline_and_words,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        Post::new(net, "Förderung für Sprachkurse")
            .public()
            .funding_call(&day(10))
            .with(|r| r.tags = vec!["language".into()])
            .create(&app)
            .await;
        Post::new(net, "Förderung für Sportvereine")
            .public()
            .funding_call(&day(60))
            .with(|r| r.tags = vec!["leisure".into()])
            .create(&app)
            .await;
        Post::new(net, "Neue Beratungsstelle eröffnet")
            .public()
            .with(|r| r.body = "Die Migrationsberatung hat neue Räume.".into())
            .create(&app)
            .await;
        let anonymous = app.new_browser();
        let list = |query: &'static str| {
            let anonymous = anonymous.clone();
            async move { page(&anonymous, &format!("/networks/{net}/posts?{query}")).await }
        };
        let html = list("type=funding_call").await;
        assert!(
            html.contains("Sprachkurse")
                && html.contains("Sportvereine")
                && !html.contains("Beratungsstelle")
        );
        let html = list("tag=language").await;
        assert!(html.contains("Sprachkurse") && !html.contains("Sportvereine"));
        let html = list("deadline_within=30").await;
        assert!(html.contains("Sprachkurse") && !html.contains("Sportvereine"));
        // German words in other inflections: "Sprachkurs" finds "Sprachkurse",
        // "Beratungsstellen" the "Beratungsstelle", "Förderungen" both calls.
        let html = list("q=Sprachkurs").await;
        assert!(html.contains("Sprachkurse") && !html.contains("Sportvereine"));
        let html = list("q=Beratungsstellen").await;
        assert!(html.contains("Beratungsstelle") && !html.contains("Sprachkurse"));
        let html = list("q=F%C3%B6rderungen").await;
        assert!(html.contains("Sprachkurse") && html.contains("Sportvereine"));
        // Words in the text, and query syntax is just text.
        let html = list("q=migrationsberatung").await;
        assert!(html.contains("Beratungsstelle"));
        let html = list("q=%25_%5C").await;
        assert!(
            html.contains("3 Mitteilungen"),
            "LIKE's wildcards are no words"
        );
        let html = list("q=Sp%25rt").await;
        assert!(
            html.contains("0 Mitteilungen"),
            "nor wildcards inside a word"
        );
        // Typing mistakes: nothing as typed, so the closest words the posts
        // contain are searched, and the page says so.
        let html = list("q=Sprachkurze").await;
        assert!(html.contains("Sprachkurse") && !html.contains("Sportvereine"));
        assert!(html.contains("ähnlich geschriebenen Wörtern"), "{html}");
        let html = list("q=Beratungstelle").await;
        assert!(html.contains("Beratungsstelle") && html.contains("1 Mitteilung"));
        let html = list("q=Sprachkurs").await;
        assert!(!html.contains("ähnlich geschriebenen Wörtern"));
        // Unknown filter values are ignored rather than failing.
        let html = list("type=spaceship&tag=astronauts&deadline_within=x").await;
        assert!(html.contains("3 Mitteilungen"));
    }
);

backend_test!(
    expired_funding_calls_move_to_the_archive,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let old = Post::new(net, "Abgelaufener Aufruf")
            .public()
            .funding_call(&day(-1))
            .create(&app)
            .await;
        Post::new(net, "Laufender Aufruf")
            .public()
            .funding_call(&day(1))
            .create(&app)
            .await;
        Post::new(net, "Abgelaufene Nachricht")
            .public()
            .with(|r| r.expires_on = Some(day(-2)))
            .create(&app)
            .await;
        let anonymous = app.new_browser();
        let current = page(&anonymous, &format!("/networks/{net}/posts")).await;
        assert!(current.contains("Laufender Aufruf"));
        assert!(
            !current.contains("Abgelaufener Aufruf") && !current.contains("Abgelaufene Nachricht")
        );
        let archive = page(&anonymous, &format!("/networks/{net}/posts/archive")).await;
        assert!(
            archive.contains("Abgelaufener Aufruf") && archive.contains("Abgelaufene Nachricht")
        );
        assert!(!archive.contains("Laufender Aufruf"));
        // The sweep moves them for good, with an audit entry, once.
        let swept = ikon::bulletin::service::mail::sweep(&app.app, ikon::core::store::now())
            .await
            .unwrap();
        assert_eq!(swept.archived, 2);
        let again = ikon::bulletin::service::mail::sweep(&app.app, ikon::core::store::now())
            .await
            .unwrap();
        assert_eq!(again.archived, 0);
        let status: String = sqlx::query("SELECT status FROM posts WHERE id = $1")
            .bind(old)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(status, "archived");
        let archive = page(&anonymous, &format!("/networks/{net}/posts/archive")).await;
        assert!(archive.contains("Abgelaufener Aufruf"));
    }
);
