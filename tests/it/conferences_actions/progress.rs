//! Who reports progress on an action item, and what it must contain.

use super::*;

backend_test!(
    only_the_responsible_report_progress,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.logins.network_id;
        let org = s.logins.member_organization_id;
        let item0 = s.items[0].to_string();
        let action = add_action(
            &app,
            &s,
            &[
                ("agenda_item_id", &item0),
                ("title", "Flyer übersetzen"),
                ("responsible_organization_id", &org.to_string()),
                ("due_on", &day(10)),
            ],
        )
        .await;
        let path = format!("/networks/{net}/actions/{action}/updates");
        let updates = "SELECT COUNT(*) FROM action_updates";

        // The member of the responsible organisation reports progress.
        let member = app.new_browser();
        member
            .login(&s.logins.member.email, &s.logins.member.password)
            .await;
        for (status, progress, comment) in [
            ("in_progress", "20", "Angebot eingeholt"),
            ("in_progress", "60", "Übersetzung läuft"),
        ] {
            let response = member
                .post_form(
                    &path,
                    &[
                        ("status", status),
                        ("progress", progress),
                        ("comment", comment),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let page = text_with_status(
            member
                .get(&format!("/networks/{net}/actions/{action}"))
                .await,
            StatusCode::OK,
        )
        .await;
        let newer = page.find("Übersetzung läuft").expect("newest entry shown");
        let older = page.find("Angebot eingeholt").expect("older entry shown");
        assert!(newer < older, "history is newest first");
        assert!(page.contains("60 %"));

        // Progress outside 0–100 or an unknown status: 422, nothing changed.
        for (status, progress) in [
            ("in_progress", "101"),
            ("in_progress", "-1"),
            ("in_progress", "viel"),
            ("fertig", "50"),
        ] {
            let response = member
                .post_form(&path, &[("status", status), ("progress", progress)])
                .await;
            let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert!(
                page.contains("aria-invalid=\"true\""),
                "{status} {progress}"
            );
        }
        assert_eq!(count(&app, updates).await, 2);

        // A member of another organisation and the supervisor: 403 with a
        // clear message, nothing changed.
        let other_org = other_organization(&app, &s).await;
        let stranger =
            network_user(&app, &s, "fremd@example.org", Role::Member, Some(other_org)).await;
        let supervisor = app.new_browser();
        supervisor
            .login(&s.logins.supervisor.email, &s.logins.supervisor.password)
            .await;
        for browser in [&stranger, &supervisor] {
            let response = browser
                .post_form(&path, &[("status", "done"), ("progress", "100")])
                .await;
            let page = text_with_status(response, StatusCode::FORBIDDEN).await;
            assert!(page.contains("verantwortliche Person"), "{page}");
        }
        assert_eq!(count(&app, updates).await, 2);
        let status: String = sqlx::query("SELECT status FROM action_items WHERE id = $1")
            .bind(action)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("status");
        assert_eq!(status, "in_progress");

        // When the responsible person has an account, it is theirs to
        // report — not the other members' of the organisation.
        let (person, _) = person_of(&app, org).await;
        let edit = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/meetings/{}/actions/{action}", s.meeting_id),
                &[
                    ("agenda_item_id", &item0),
                    ("title", "Flyer übersetzen"),
                    ("responsible_organization_id", &org.to_string()),
                    ("responsible_person_id", &person.to_string()),
                ],
            )
            .await;
        assert_eq!(edit.status(), StatusCode::SEE_OTHER);
        let response = member
            .post_form(&path, &[("status", "in_progress"), ("progress", "70")])
            .await;
        // Nobody acts as that person yet: the organisation's members may.
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let linked = User::new("verantwortlich@example.org", Role::Member)
            .network(s.logins.network_id)
            .organization(Some(org))
            .person(person)
            .create(&app)
            .await
            .browser(&app)
            .await;
        let response = member
            .post_form(&path, &[("status", "in_progress"), ("progress", "70")])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = linked
            .post_form(&path, &[("status", "done"), ("progress", "90")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // The coordinator may always; "done" means 100 %.
        let response = s
            .coordinator
            .post_form(
                &path,
                &[
                    ("status", "done"),
                    ("progress", "80"),
                    ("comment", "abgeschlossen"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let row = sqlx::query("SELECT status, progress FROM action_items WHERE id = $1")
            .bind(action)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(row.get::<String, _>("status"), "done");
        assert_eq!(row.get::<i64, _>("progress"), 100);
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'action_item' AND action = 'progress'").await,
            count(&app, updates).await
        );
    }
);
