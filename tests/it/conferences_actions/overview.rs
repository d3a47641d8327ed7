//! Open items on the next agenda, the supervisor's overview and the personal calendar feed.

use super::*;

backend_test!(
    the_next_agenda_pulls_in_open_items,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        let item0 = s.items[0].to_string();
        let org = s.logins.member_organization_id.to_string();
        add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Kursliste aktualisieren"),
                ("responsible_organization_id", &org),
                ("due_on", "2030-03-01"),
            ],
        )
        .await;
        let finished = add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Schon erledigt"),
                ("responsible_organization_id", &org),
            ],
        )
        .await;
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/actions/{finished}/updates"),
                &[("status", "done"), ("progress", "100")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let next = new_meeting(&s.coordinator, net, "Herbstkonferenz").await;
        let agenda = text_with_status(
            s.coordinator
                .get(&format!("/networks/{net}/meetings/{next}/agenda"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(
            agenda.contains("/agenda/open-actions"),
            "the button is offered"
        );
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/meetings/{next}/agenda/open-actions"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let row = sqlx::query("SELECT title, description FROM agenda_items WHERE meeting_id = $1")
            .bind(next)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(row.get::<String, _>("title"), "Bericht zu offenen Aufgaben");
        let description: String = row.get("description");
        assert!(
            description.contains("Kursliste aktualisieren"),
            "{description}"
        );
        assert!(description.contains("01.03.2030"), "{description}");
        assert!(description.contains("0 %"), "{description}");
        assert!(!description.contains("Schon erledigt"), "{description}");

        // Not for a meeting that has taken place.
        sqlx::query("UPDATE meetings SET state = 'held' WHERE id = $1")
            .bind(next)
            .execute(app.db().pool())
            .await
            .unwrap();
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/meetings/{next}/agenda/open-actions"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM agenda_items WHERE meeting_id = {next}")
            )
            .await,
            1
        );
    }
);

backend_test!(
    supervisors_see_rhythm_and_open_items,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        let item0 = s.items[0].to_string();
        let org = s.logins.member_organization_id.to_string();
        add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Überfällig"),
                ("responsible_organization_id", &org),
                ("due_on", &day(-5)),
            ],
        )
        .await;
        add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Offen"),
                ("responsible_organization_id", &org),
            ],
        )
        .await;
        let supervisor = app.new_browser();
        supervisor
            .login(&s.logins.supervisor.email, &s.logins.supervisor.password)
            .await;
        let home = text_with_status(supervisor.get("/").await, StatusCode::OK).await;
        assert!(home.contains("href=\"/overview\""));

        // No conference held yet: the rhythm does not hold.
        let page = text_with_status(supervisor.get("/overview").await, StatusCode::OK).await;
        assert!(page.contains(&format!("href=\"/networks/{net}/meetings\"")));
        assert!(page.contains("noch keine Konferenz abgehalten"), "{page}");
        // The rhythm note reads "(Turnus: alle 6 Monate)", bracketed once.
        assert!(page.contains("(Turnus: alle 6 Monate)"), "{page}");
        assert!(!page.contains("(("), "{page}");
        assert!(
            page.contains(&format!("<a href=\"/networks/{net}/actions\">2</a>")),
            "{page}"
        );
        assert!(
            page.contains("<strong class=\"act-flag\">1</strong>"),
            "{page}"
        );

        // Held two months ago, the next one planned in three: it holds.
        let now = ikon::core::store::now();
        sqlx::query(
            "UPDATE meetings SET starts_at = $1, ends_at = $2, state = 'held' WHERE id = $3",
        )
        .bind(now - 60 * 86_400)
        .bind(now - 60 * 86_400 + 7200)
        .bind(s.meeting_id)
        .execute(app.db().pool())
        .await
        .unwrap();
        let next = new_meeting(&s.coordinator, net, "Nächste").await;
        sqlx::query("UPDATE meetings SET starts_at = $1, ends_at = $2 WHERE id = $3")
            .bind(now + 90 * 86_400)
            .bind(now + 90 * 86_400 + 7200)
            .bind(next)
            .execute(app.db().pool())
            .await
            .unwrap();
        let page = text_with_status(supervisor.get("/overview").await, StatusCode::OK).await;
        assert!(page.contains("act-rhythm-holds"), "{page}");
        assert!(page.contains(&format!(
            "href=\"/networks/{net}/meetings/{}\"",
            s.meeting_id
        )));
        assert!(page.contains(&format!("href=\"/networks/{net}/meetings/{next}\"")));

        // Members get no nav link; the other network's coordinator does
        // not see this network.
        let member = app.new_browser();
        member
            .login(&s.logins.member.email, &s.logins.member.password)
            .await;
        let home = text_with_status(member.get("/").await, StatusCode::OK).await;
        assert!(!home.contains("href=\"/overview\""));
        let anonymous = app.new_browser();
        let response = anonymous.get("/overview").await;
        assert!(
            response.status() == StatusCode::SEE_OTHER
                || response.status() == StatusCode::UNAUTHORIZED
        );
    }
);

backend_test!(
    personal_calendar_feed_has_internal_meetings,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let now = ikon::core::store::now();
        sqlx::query(
            "UPDATE meetings SET starts_at = $1, ends_at = $2, is_public = 0 WHERE id = $3",
        )
        .bind(now + 86_400)
        .bind(now + 86_400 + 7200)
        .bind(s.meeting_id)
        .execute(app.db().pool())
        .await
        .unwrap();
        let member = app.new_browser();
        member
            .login(&s.logins.member.email, &s.logins.member.password)
            .await;
        let account = text_with_status(member.get("/account").await, StatusCode::OK).await;
        assert!(account.contains("Kalender-Abo"));
        let page = text_with_status(
            member.post_form("/account/calendar", &[]).await,
            StatusCode::OK,
        )
        .await;
        // Templates escape "/" as an entity; browsers show the plain URL.
        let page = page.replace("&#x2f;", "/");
        let start = page.find("/calendar/").expect("the URL is shown");
        let end = start + page[start..].find(".ics").unwrap() + 4;
        let path = page[start..end].to_string();
        let token = path
            .trim_start_matches("/calendar/")
            .trim_end_matches(".ics");
        // Only the hash is stored.
        let stored: String = sqlx::query("SELECT token_hash FROM calendar_feeds")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_ne!(stored, token);

        // No cookies needed: the token is the key.
        let anonymous = app.new_browser();
        let response = anonymous.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let body = response.text().await.unwrap();
        assert!(body.starts_with("BEGIN:VCALENDAR"));
        assert!(body.contains("SUMMARY:Frühjahrskonferenz"), "{body}");
        // The public feed of the network does not have the internal meeting.
        let public = anonymous
            .get(&format!("/networks/{}/meetings.ics", s.logins.network_id))
            .await
            .text()
            .await
            .unwrap();
        assert!(!public.contains("Frühjahrskonferenz"));

        // A new address replaces the old one; unknown tokens are 404.
        let page = text_with_status(
            member.post_form("/account/calendar", &[]).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(anonymous.get(&path).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            anonymous.get("/calendar/nonsense.ics").await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM calendar_feeds").await, 1);
        let page = page.replace("&#x2f;", "/");
        let start = page.find("/calendar/").expect("the new URL is shown");
        let end = start + page[start..].find(".ics").unwrap() + 4;
        let renewed = page[start..end].to_string();
        assert_eq!(anonymous.get(&renewed).await.status(), StatusCode::OK);

        // A new password voids the feed address with every other secret.
        let password = "ein-ganz-neues-Passwort-2026";
        let response = member
            .post_form(
                "/account/password",
                &[
                    ("current", s.logins.member.password.as_str()),
                    ("password", password),
                    ("password_confirm", password),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            anonymous.get(&renewed).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM calendar_feeds").await, 0);
    }
);
