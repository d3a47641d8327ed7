//! Attendance, then minutes written, circulated, commented and approved.

use super::*;

backend_test!(
    a_held_meeting_records_attendance,
    |app: TestApp| async move {
        // Not before the start.
        let future = setup(&app, 24 * HOUR).await;
        let response = future
            .coordinator
            .post_form(&format!("{}/held", future.meeting), &[])
            .await;
        let page = text_with_status(response, StatusCode::CONFLICT).await;
        assert!(page.contains("noch nicht begonnen"), "{page}");

        let s = setup_second(&future).await;
        let second = format!("/networks/{}/meetings/{s}", future.logins.network_id);
        let held = format!("{second}/held");
        let response = future.coordinator.post_form(&held, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let state: String = sqlx::query("SELECT state FROM meetings WHERE id = $1")
            .bind(s)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(state, "held");
        // Twice is refused.
        let response = future.coordinator.post_form(&held, &[]).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);

        let people: Vec<i64> = sqlx::query(
            "SELECT DISTINCT p.id FROM people p JOIN memberships m ON m.organization_id = p.organization_id WHERE m.network_id = $1 ORDER BY p.id",
        )
        .bind(future.logins.network_id)
        .fetch_all(app.db().pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
        assert!(people.len() >= 3);
        // Someone who registered is ticked before anything is recorded.
        sqlx::query(
            "INSERT INTO rsvps (meeting_id, person_id, response, answered_at) VALUES ($1, $2, 'yes', $3)",
        )
        .bind(s)
        .bind(people[2])
        .bind(ikon::core::store::now())
        .execute(app.db().pool())
        .await
        .unwrap();
        let path = format!("{second}/attendance");
        let page = text_with_status(future.coordinator.get(&path).await, StatusCode::OK).await;
        assert!(page.contains("<fieldset>"), "{page}");
        let ticked = |page: &str, id: i64| page.contains(&format!("value=\"{id}\" checked"));
        assert!(
            ticked(&page, people[2]) && !ticked(&page, people[0]),
            "{page}"
        );

        // A person outside the network is refused, nothing recorded.
        let response = future
            .coordinator
            .post_form(&path, &[("present", "999999")])
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM attendance WHERE meeting_id = $1",
                s
            )
            .await,
            0
        );

        let (a, b) = (people[0].to_string(), people[1].to_string());
        let response = future
            .coordinator
            .post_form(&path, &[("present", &a), ("present", &b)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM attendance WHERE meeting_id = $1 AND present = 1",
                s
            )
            .await,
            2
        );
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM attendance WHERE meeting_id = $1",
                s
            )
            .await,
            people.len() as i64
        );
        let page = text_with_status(future.coordinator.get(&path).await, StatusCode::OK).await;
        assert!(page.contains("2 Personen waren anwesend"), "{page}");
        // What was recorded wins over the registrations.
        assert!(
            ticked(&page, people[0]) && !ticked(&page, people[2]),
            "{page}"
        );
        // Members do not record attendance.
        let member = member(&app, &future.logins).await;
        let response = member.post_form(&path, &[("present", &a)]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
);

/// A second meeting of the same network that started an hour ago.
async fn setup_second(s: &Setup) -> i64 {
    let now = ikon::core::store::now();
    let response = s
        .coordinator
        .post_form(
            &format!("/networks/{}/meetings", s.logins.network_id),
            &[
                ("title", "Herbstkonferenz"),
                ("starts_at", &format_local(now - HOUR)),
                ("ends_at", &format_local(now + HOUR)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    id_from(&response)
}

async fn minutes_are_written_circulated_and_approved(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let s = setup(&app, -2 * HOUR).await;
    let m = &s.meeting;
    let minutes = format!("{m}/minutes");
    let decisions = format!("{minutes}/decisions");
    let public_item = s.public_item.to_string();
    let internal_item = s.internal_item.to_string();

    // Nothing is written before the meeting is held.
    let response = s
        .coordinator
        .post_form(&minutes, &[("item_id", &public_item), ("notes", "zu früh")])
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let response = s.coordinator.post_form(&format!("{m}/held"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // The member is not the minute taker (yet): refused.
    let member = member(&app, &s.logins).await;
    let response = member
        .post_form(&minutes, &[("item_id", &public_item), ("notes", "Von mir")])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Name as minute taker a contact person the member's account is
    // linked to (by an administrator; the address plays no part).
    let person: i64 = scalar(
        &app,
        "SELECT MIN(id) FROM people WHERE organization_id = $1",
        s.logins.member_organization_id,
    )
    .await;
    let (account, _) = ikon::accounts::store::user_by_email(app.db(), &s.logins.member.email)
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.db().begin().await.unwrap();
    ikon::accounts::store::link_person(
        &mut tx,
        ikon::core::audit::Actor::System("test"),
        &account,
        Some(person),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let now = ikon::core::store::now();
    let response = s
        .coordinator
        .post_form(
            m,
            &[
                ("title", "Frühjahrskonferenz"),
                ("starts_at", &format_local(now - 2 * HOUR)),
                ("ends_at", &format_local(now)),
                ("minute_taker_person_id", &person.to_string()),
                ("chair_person_id", &person.to_string()),
                ("is_public", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Someone outside the member organisations cannot be named.
    let response = s
        .coordinator
        .post_form(
            m,
            &[
                ("title", "Frühjahrskonferenz"),
                ("chair_person_id", "999999"),
            ],
        )
        .await;
    text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    let name: String = sqlx::query("SELECT name FROM people WHERE id = $1")
        .bind(person)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    let page = text_with_status(s.coordinator.get(m).await, StatusCode::OK).await;
    assert!(
        page.contains(&format!("Protokoll</dt><dd>{name}")),
        "{page}"
    );

    let response = member
        .post_form(
            &minutes,
            &[
                ("item_id", &public_item),
                ("notes", "Die **VHS** berichtet über neue Kurse."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = s
        .coordinator
        .post_form(
            &minutes,
            &[
                ("item_id", &internal_item),
                ("notes", "Vertraulicher Punkt"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Decisions: bad input is refused and stores nothing.
    let stored = "SELECT COUNT(*) FROM decisions WHERE agenda_item_id = $1";
    for fields in [
        vec![
            ("text", ""),
            ("votes_yes", ""),
            ("votes_no", ""),
            ("votes_abstain", ""),
        ],
        vec![
            ("text", "Angenommen"),
            ("votes_yes", "-1"),
            ("votes_no", "0"),
            ("votes_abstain", "0"),
        ],
        vec![
            ("text", "Angenommen"),
            ("votes_yes", "12"),
            ("votes_no", ""),
            ("votes_abstain", "1"),
        ],
    ] {
        let mut all = fields.clone();
        all.push(("item_id", public_item.as_str()));
        let response = member.post_form(&decisions, &all).await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("aria-invalid=\"true\""), "{fields:?}");
    }
    assert_eq!(scalar(&app, stored, s.public_item).await, 0);
    let response = member
        .post_form(
            &decisions,
            &[
                ("item_id", &public_item),
                ("text", "Das Netzwerk unterstützt zwei neue Sprachcafés."),
                ("votes_yes", "14"),
                ("votes_no", "1"),
                ("votes_abstain", "2"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = s
        .coordinator
        .post_form(
            &decisions,
            &[
                ("item_id", &public_item),
                ("text", "Bericht zur Kenntnis genommen."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let votes = sqlx::query(
        "SELECT votes_yes, votes_no, votes_abstain FROM decisions WHERE agenda_item_id = $1 ORDER BY position",
    )
    .bind(s.public_item)
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    assert_eq!(votes.len(), 2);
    assert_eq!(
        (
            votes[0].get::<Option<i64>, _>(0),
            votes[0].get::<Option<i64>, _>(1),
            votes[0].get::<Option<i64>, _>(2)
        ),
        (Some(14), Some(1), Some(2))
    );
    assert_eq!(votes[1].get::<Option<i64>, _>(0), None);

    // Circulate: one mail per member contact with an address.
    let recipients = scalar(
        &app,
        "SELECT COUNT(DISTINCT p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id WHERE m.network_id = $1 AND p.email <> ''",
        s.logins.network_id,
    )
    .await as usize;
    assert!(recipients > 1);
    let response = s
        .coordinator
        .post_form(&format!("{minutes}/circulate"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let messages = sink.wait_for(recipients).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), recipients);
    for message in &messages {
        assert!(
            message.contains("Protokollentwurf zur Kommentierung"),
            "{message}"
        );
        assert!(
            body_text(message).contains(&format!("{}{minutes}", app.base)),
            "{message}"
        );
    }
    let mut to: Vec<String> = messages
        .iter()
        .filter_map(|m| m.lines().find(|l| l.starts_with("To:")).map(str::to_string))
        .collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), recipients, "one mail per person");

    // Members comment on the circulated draft.
    let response = member
        .post_form(
            &format!("{minutes}/comments"),
            &[("body", "Bitte Punkt 1 ergänzen.")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = member
        .post_form(&format!("{minutes}/comments"), &[("body", "")])
        .await;
    text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    let page = text_with_status(member.get(&minutes).await, StatusCode::OK).await;
    assert!(page.contains("Bitte Punkt 1 ergänzen."), "{page}");
    assert!(page.contains("<strong>VHS</strong>"), "{page}");
    assert!(page.contains("Ja 14, Nein 1, Enthaltung 2"), "{page}");

    // Only the coordinator approves; then nothing changes any more.
    let response = member.post_form(&format!("{minutes}/approve"), &[]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = s
        .coordinator
        .post_form(&format!("{minutes}/approve"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let row =
        sqlx::query("SELECT state, minutes_state, minutes_approved_at FROM meetings WHERE id = $1")
            .bind(s.meeting_id)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
    assert_eq!(row.get::<String, _>(0), "minutes_approved");
    assert_eq!(row.get::<String, _>(1), "approved");
    assert!(row.get::<Option<i64>, _>(2).is_some());
    let response = s
        .coordinator
        .post_form(
            &minutes,
            &[("item_id", &public_item), ("notes", "Nachträglich")],
        )
        .await;
    let page = text_with_status(response, StatusCode::CONFLICT).await;
    assert!(page.contains("genehmigt"), "{page}");
    let response = member
        .post_form(
            &decisions,
            &[("item_id", &public_item), ("text", "Noch einer")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let response = member
        .post_form(&format!("{minutes}/comments"), &[("body", "Zu spät")])
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(scalar(&app, stored, s.public_item).await, 2);
    let notes: String = sqlx::query("SELECT notes FROM item_minutes WHERE agenda_item_id = $1")
        .bind(s.public_item)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert!(notes.contains("VHS"));

    // Visibility: members only, until the network publishes minutes;
    // then the public sees the public items, never the internal ones.
    let anonymous = app.new_browser();
    let response = anonymous.get(&minutes).await;
    assert!(to_login(&response), "{:?}", response.status());
    let page = text_with_status(member.get(&minutes).await, StatusCode::OK).await;
    assert!(page.contains("Personalangelegenheiten") && page.contains("Vertraulicher Punkt"));
    let response = s
        .coordinator
        .post_form(&format!("{minutes}/visibility"), &[("minutes_public", "1")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = text_with_status(anonymous.get(&minutes).await, StatusCode::OK).await;
    assert!(page.contains("Sprachkurse im Landkreis"), "{page}");
    assert!(page.contains("zwei neue Sprachcafés"), "{page}");
    assert!(!page.contains("Personalangelegenheiten"), "{page}");
    assert!(!page.contains("Vertraulicher Punkt"), "{page}");
    assert!(!page.contains("Bitte Punkt 1 ergänzen."), "{page}");

    // The minute taker's export holds their comment and attendance rows.
    let export = text_with_status(
        s.coordinator.get(&format!("/people/{person}/export")).await,
        StatusCode::OK,
    )
    .await;
    assert!(export.contains("Bitte Punkt 1 ergänzen."), "{export}");
    assert!(export.contains("\"attendance\""), "{export}");
    app.stop().await;
}
both_backends!(minutes_are_written_circulated_and_approved);
