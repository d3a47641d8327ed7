//! Old URLs move to the meeting's network; children under a wrong parent are not found.

use super::*;

/// A meeting of `network` with one agenda item and a file on it (rows
/// only: the redirects and lookups need no bytes): (meeting, item, file).
async fn meeting_with_file(app: &TestApp, network: i64, title: &str) -> (i64, i64, i64) {
    let db = app.db().pool();
    let meeting: i64 = sqlx::query(
        "INSERT INTO meetings (network_id, title, location, online_url, state, is_public, ics_uid, ics_sequence, created_at, updated_at)
         VALUES ($1, $2, '', '', 'planned', 0, $3, 0, 0, 0) RETURNING id",
    )
    .bind(network)
    .bind(title)
    .bind(format!("{title}@test"))
    .fetch_one(db)
    .await
    .unwrap()
    .get(0);
    let item: i64 = sqlx::query(
        "INSERT INTO agenda_items (meeting_id, position, title, description, duration_minutes, is_public, created_at, updated_at)
         VALUES ($1, 1, 'Sprachkurse', '', 15, 0, 0, 0) RETURNING id",
    )
    .bind(meeting)
    .fetch_one(db)
    .await
    .unwrap()
    .get(0);
    let file: i64 = sqlx::query(
        "INSERT INTO attachments (network_id, agenda_item_id, file_name, mime_type, size_bytes, sha256, sha512, is_public, created_at)
         VALUES ($1, $2, 'liste.pdf', 'application/pdf', 9, 'x', 'x', 0, 0) RETURNING id",
    )
    .bind(network)
    .bind(item)
    .fetch_one(db)
    .await
    .unwrap()
    .get(0);
    (meeting, item, file)
}

backend_test!(
    old_urls_move_to_the_meetings_network,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let n = demo.network_id;
        let (m, item, file) = meeting_with_file(&app, n, "Alte Links").await;
        let anonymous = app.new_browser();
        // E-mails and bookmarks carry these; the query (a notice, the
        // language, an item to edit) goes along.
        for (old, new) in [
            (
                format!("/networks/{n}/conferences"),
                format!("/networks/{n}/meetings"),
            ),
            (
                format!("/networks/{n}/conferences/new"),
                format!("/networks/{n}/meetings/new"),
            ),
            (
                format!("/networks/{n}/conferences/settings"),
                format!("/networks/{n}/meetings/settings"),
            ),
            (
                format!("/conferences/{m}"),
                format!("/networks/{n}/meetings/{m}"),
            ),
            (
                format!("/conferences/{m}/edit"),
                format!("/networks/{n}/meetings/{m}/edit"),
            ),
            (
                format!("/conferences/{m}/agenda"),
                format!("/networks/{n}/meetings/{m}/agenda"),
            ),
            (
                format!("/conferences/{m}/attendance"),
                format!("/networks/{n}/meetings/{m}/attendance"),
            ),
            (
                format!("/conferences/{m}/minutes"),
                format!("/networks/{n}/meetings/{m}/minutes"),
            ),
            (
                format!("/attachments/{file}"),
                format!("/networks/{n}/meetings/{m}/agenda/{item}/attachments/{file}"),
            ),
        ] {
            for query in ["", "?notice=conf-invited&lang=en"] {
                let response = anonymous.get(&format!("{old}{query}")).await;
                assert_eq!(
                    response.status(),
                    StatusCode::PERMANENT_REDIRECT,
                    "{old}{query}"
                );
                assert_eq!(location(&response), format!("{new}{query}"), "{old}");
            }
        }

        // An unknown meeting or file has no new place: 404, as before.
        for old in [
            "/conferences/999999".to_string(),
            "/conferences/999999/minutes".to_string(),
            "/attachments/999999".to_string(),
            "/conferences/keine-zahl".to_string(),
        ] {
            let response = anonymous.get(&old).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{old}");
        }
        // A removed file neither.
        sqlx::query("UPDATE attachments SET deleted_at = 1 WHERE id = $1")
            .bind(file)
            .execute(app.db().pool())
            .await
            .unwrap();
        let response = anonymous.get(&format!("/attachments/{file}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
);

backend_test!(
    a_child_under_another_parent_is_not_found,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let n = demo.network_id;
        let other: i64 = sqlx::query(
            "INSERT INTO networks (name, region_key, description, created_at, updated_at) VALUES ('Anderes Netzwerk', '09162', '', 0, 0) RETURNING id",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        let (m, item, _) = meeting_with_file(&app, n, "Hier").await;
        let (elsewhere, other_item, other_file) = meeting_with_file(&app, other, "Anderswo").await;
        let db = app.db().pool();
        let decision: i64 = sqlx::query(
            "INSERT INTO decisions (agenda_item_id, position, text, created_at, updated_at) VALUES ($1, 1, 'Beschluss', 0, 0) RETURNING id",
        )
        .bind(other_item)
        .fetch_one(db)
        .await
        .unwrap()
        .get(0);
        let proposal: i64 = sqlx::query(
            "INSERT INTO agenda_proposals (meeting_id, title, description, duration_minutes, state, decision_note, created_at, updated_at)
             VALUES ($1, 'Vorschlag', '', 10, 'open', '', 0, 0) RETURNING id",
        )
        .bind(elsewhere)
        .fetch_one(db)
        .await
        .unwrap()
        .get(0);
        let action: i64 = sqlx::query(
            "INSERT INTO action_items (network_id, agenda_item_id, title, status, progress, created_at, updated_at)
             VALUES ($1, $2, 'Aufgabe', 'open', 0, 0, 0) RETURNING id",
        )
        .bind(other)
        .bind(other_item)
        .fetch_one(db)
        .await
        .unwrap()
        .get(0);
        // An admin may see both networks: the 404 is about the path, not
        // about rights.
        let admin = app.new_browser();
        admin.login(&demo.admin.email, &demo.admin.password).await;
        let gets = [
            // the meeting of the other network under this one
            format!("/networks/{n}/meetings/{elsewhere}"),
            format!("/networks/{n}/meetings/{elsewhere}/edit"),
            format!("/networks/{n}/meetings/{elsewhere}/agenda"),
            format!("/networks/{n}/meetings/{elsewhere}/attendance"),
            format!("/networks/{n}/meetings/{elsewhere}/minutes"),
            format!("/networks/{n}/meetings/{elsewhere}/actions"),
            format!("/networks/{n}/meetings/{elsewhere}/invitation.pdf"),
            format!("/api/v1/networks/{n}/meetings/{elsewhere}/agenda"),
            // another meeting's item and file under this meeting
            format!("/networks/{n}/meetings/{m}/agenda/{other_item}/attachments/{other_file}"),
            format!("/networks/{n}/meetings/{m}/agenda/{item}/attachments/{other_file}"),
            format!("/networks/{n}/meetings/{m}/agenda?edit={other_item}"),
            // the other network's action item
            format!("/networks/{n}/actions/{action}"),
        ];
        for path in &gets {
            let response = admin.get(path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "GET {path}");
        }
        let posts = [
            format!("/networks/{n}/meetings/{elsewhere}/agenda"),
            format!("/networks/{n}/meetings/{m}/agenda/{other_item}"),
            format!("/networks/{n}/meetings/{m}/agenda/{other_item}/delete"),
            format!("/networks/{n}/meetings/{m}/agenda/{item}/attachments/{other_file}/delete"),
            format!(
                "/networks/{n}/meetings/{m}/agenda/{other_item}/attachments/{other_file}/delete"
            ),
            format!("/networks/{n}/meetings/{m}/proposals/{proposal}/decide"),
            format!("/networks/{n}/meetings/{m}/minutes/decisions/{decision}/delete"),
            format!("/networks/{n}/meetings/{m}/actions/{action}"),
            format!("/networks/{n}/actions/{action}/updates"),
        ];
        for path in &posts {
            let response = admin
                .post_form(
                    path,
                    &[
                        ("title", "Neu"),
                        ("duration_minutes", "10"),
                        ("direction", "up"),
                        ("decision", "accept"),
                        ("status", "done"),
                        ("progress", "100"),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "POST {path}");
        }
        // Nothing of the other network changed.
        let unchanged: i64 = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM agenda_items WHERE meeting_id = $1)
             + (SELECT COUNT(*) FROM decisions WHERE id = $2)
             + (SELECT COUNT(*) FROM agenda_proposals WHERE id = $3 AND state = 'open')
             + (SELECT COUNT(*) FROM attachments WHERE id = $4 AND deleted_at IS NULL)
             + (SELECT COUNT(*) FROM action_items WHERE id = $5 AND status = 'open')",
        )
        .bind(elsewhere)
        .bind(decision)
        .bind(proposal)
        .bind(other_file)
        .bind(action)
        .fetch_one(db)
        .await
        .unwrap()
        .get(0);
        assert_eq!(unchanged, 5);
    }
);
