//! Members propose agenda items; the coordinator decides.

use super::*;

backend_test!(
    members_propose_and_the_coordinator_decides,
    |app: TestApp| async move {
        let s = setup(&app, 14 * 24 * HOUR).await;
        let member = member(&app, &s.logins).await;
        let propose = format!("{}/proposals", s.meeting);
        let agenda = format!("{}/agenda", s.meeting);
        let proposals = "SELECT COUNT(*) FROM agenda_proposals WHERE meeting_id = $1";

        // Bad input: 422, nothing stored.
        let response = member
            .post_form(&propose, &[("title", " "), ("duration_minutes", "20")])
            .await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("aria-invalid=\"true\""), "{page}");
        let response = member
            .post_form(
                &propose,
                &[("title", "Ehrenamt"), ("duration_minutes", "-5")],
            )
            .await;
        text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(scalar(&app, proposals, s.meeting_id).await, 0);

        for title in ["Ehrenamtsbörse", "Neue Sprachcafés"] {
            let response = member
                .post_form(
                    &propose,
                    &[
                        ("title", title),
                        ("description", "Vorstellung"),
                        ("duration_minutes", "20"),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let ids: Vec<i64> =
            sqlx::query("SELECT id FROM agenda_proposals WHERE meeting_id = $1 ORDER BY id")
                .bind(s.meeting_id)
                .fetch_all(app.db().pool())
                .await
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect();
        // The coordinator sees them open on the agenda page.
        let page = text_with_status(s.coordinator.get(&agenda).await, StatusCode::OK).await;
        assert!(
            page.contains("Ehrenamtsbörse") && page.contains("Annehmen"),
            "{page}"
        );

        // Members do not decide; declining needs a note.
        let decide = |id: i64| format!("{}/proposals/{id}/decide", s.meeting);
        let (first, second) = (decide(ids[0]), decide(ids[1]));
        let response = member.post_form(&first, &[("decision", "accept")]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = s
            .coordinator
            .post_form(&second, &[("decision", "decline")])
            .await;
        text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;

        let response = s
            .coordinator
            .post_form(&first, &[("decision", "accept")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = s
            .coordinator
            .post_form(
                &second,
                &[
                    ("decision", "decline"),
                    ("note", "Passt besser in die AG Sprache"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // Deciding twice is refused.
        let response = s
            .coordinator
            .post_form(&first, &[("decision", "accept")])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);

        // The accepted one is on the agenda with the member's organisation.
        let row = sqlx::query(
            "SELECT proposer_organization_id, duration_minutes FROM agenda_items WHERE meeting_id = $1 AND title = 'Ehrenamtsbörse'",
        )
        .bind(s.meeting_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!(
            row.get::<Option<i64>, _>(0),
            Some(s.logins.member_organization_id)
        );
        assert_eq!(row.get::<i64, _>(1), 20);
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM agenda_items WHERE meeting_id = $1",
                s.meeting_id
            )
            .await,
            3
        );
        // The proposer sees the outcome.
        let page = text_with_status(member.get(&agenda).await, StatusCode::OK).await;
        assert!(page.contains("angenommen"), "{page}");
        assert!(
            page.contains("abgelehnt: Passt besser in die AG Sprache"),
            "{page}"
        );
        let audited = scalar(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'agenda_proposal' AND network_id = $1",
            s.logins.network_id,
        )
        .await;
        assert_eq!(audited, 4);

        // No proposals for a cancelled meeting.
        let response = s
            .coordinator
            .post_form(&format!("{}/cancel", s.meeting), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = member
            .post_form(
                &propose,
                &[("title", "Zu spät"), ("duration_minutes", "10")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(scalar(&app, proposals, s.meeting_id).await, 2);
    }
);
