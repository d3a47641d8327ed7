//! An event's planning tasks: added on the event's page by whoever may
//! edit it, they stand on the network's action board beside the
//! conferences' items, the responsible organisation reports progress on
//! them, and nobody outside the network ever sees them. Bad input is
//! refused with nothing stored. And an installation that upgrades keeps
//! its conferences' action items and their history.

use super::*;
use crate::backend_test;
use crate::common::fixtures::Post;

async fn task_count(app: &TestApp) -> i64 {
    sqlx::query("SELECT COUNT(*) FROM action_items WHERE post_id IS NOT NULL")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

backend_test!(
    an_events_planning_tasks_stand_on_the_action_board,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let org = s.logins.member_organization_id.to_string();
        let event = Post::new(net, "Integrationsforum Uffenheim")
            .event(ikon::core::store::now() + 7 * 24 * 3600, 3)
            .public()
            .create(&app)
            .await;
        let page = format!("/networks/{net}/posts/{event}");
        let tasks = format!("{page}/tasks");
        let before = task_count(&app).await;

        let html = text_with_status(s.coordinator.get(&page).await, StatusCode::OK).await;
        assert!(html.contains("Planung: Aufgaben"), "the event's page plans");
        assert!(html.contains("Noch keine Aufgaben geplant."));

        let response = s
            .coordinator
            .post_form(
                &tasks,
                &[
                    ("title", "Saal reservieren"),
                    ("responsible_organization_id", &org),
                    ("due_on", &day(3)),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(task_count(&app).await, before + 1);
        let task: i64 = sqlx::query("SELECT MAX(id) FROM action_items WHERE post_id = $1")
            .bind(event)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);

        // On the event's page, for the network's readers.
        let html = text_with_status(s.member.get(&page).await, StatusCode::OK).await;
        assert!(html.contains("Saal reservieren"));
        assert!(html.contains(&day(3)));
        assert!(
            !html.contains("Aufgabe für die Planung anlegen"),
            "a member who did not write the event adds no tasks"
        );
        // On the action board beside the conferences' items, with its event.
        let board = text_with_status(
            s.coordinator.get(&format!("/networks/{net}/actions")).await,
            StatusCode::OK,
        )
        .await;
        assert!(board.contains("Saal reservieren"));
        assert!(board.contains("Veranstaltung: Integrationsforum Uffenheim"));
        assert!(board.contains(&format!("/networks/{net}/posts/{event}")));
        let item = text_with_status(
            s.member
                .get(&format!("/networks/{net}/actions/{task}"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(item.contains("Integrationsforum Uffenheim"));

        // The responsible organisation reports progress as on any item.
        let response = s
            .member
            .post_form(
                &format!("/networks/{net}/actions/{task}/updates"),
                &[
                    ("status", "done"),
                    ("progress", "100"),
                    ("comment", "Saal ist gebucht"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = text_with_status(s.member.get(&page).await, StatusCode::OK).await;
        assert!(
            html.contains("erledigt, 100 %"),
            "the event shows the task done"
        );

        // The public reads the event, never its planning.
        let anonymous = app.new_browser();
        let html = text_with_status(anonymous.get(&page).await, StatusCode::OK).await;
        assert!(html.contains("Integrationsforum Uffenheim"));
        assert!(!html.contains("Saal reservieren"));
        assert!(!html.contains("Planung: Aufgaben"));
        app.stop().await;
    }
);

backend_test!(
    a_planning_task_with_bad_input_stores_nothing,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let org = s.logins.member_organization_id.to_string();
        let event = Post::new(net, "Sommerfest")
            .event(ikon::core::store::now() + 9 * 24 * 3600, 4)
            .create(&app)
            .await;
        let news = Post::new(net, "Neuigkeiten").create(&app).await;
        let tasks = format!("/networks/{net}/posts/{event}/tasks");
        let before = task_count(&app).await;
        // No title, nobody responsible, a date that is none, an
        // organisation outside the network.
        for (fields, problem) in [
            (
                vec![("responsible_organization_id", org.as_str())],
                "href=\"#f-title\"",
            ),
            (
                vec![("title", "Getränke")],
                "Bitte eine verantwortliche Organisation oder Person angeben.",
            ),
            (
                vec![
                    ("title", "Getränke"),
                    ("responsible_organization_id", org.as_str()),
                    ("due_on", "31.12.2027"),
                ],
                "Bitte ein Datum im Format JJJJ-MM-TT angeben.",
            ),
            (
                vec![
                    ("title", "Getränke"),
                    ("responsible_organization_id", "999999"),
                ],
                "Bitte einen Eintrag aus der Liste wählen.",
            ),
        ] {
            let response = s.coordinator.post_form(&tasks, &fields).await;
            let status = response.status();
            let body = response.text().await.unwrap();
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
            // The event's page again, the form as entered, what is wrong.
            assert!(body.contains("Sommerfest"), "{fields:?}");
            assert!(body.contains(problem), "{fields:?}: {problem}");
            if let Some((_, title)) = fields.iter().find(|(k, _)| *k == "title") {
                assert!(body.contains(&format!("value=\"{title}\"")), "{fields:?}");
            }
        }
        // Only events are planned; only who may edit the event plans it.
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/posts/{news}/tasks"),
                &[("title", "Getränke"), ("responsible_organization_id", &org)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let response = s
            .member
            .post_form(
                &tasks,
                &[("title", "Getränke"), ("responsible_organization_id", &org)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(task_count(&app).await, before, "nothing stored");
        app.stop().await;
    }
);

/// SQLite cannot drop a NOT NULL: the migration that lets an action item
/// come from an event rebuilds the table, and dropping the old one
/// cascades. An installation upgraded over it keeps every item, its
/// progress history and its project links.
#[tokio::test]
async fn upgrading_sqlite_keeps_action_items_and_their_history() {
    use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    let dir = tempfile::tempdir().unwrap();
    let options = SqliteConnectOptions::new()
        .filename(dir.path().join("ikon.sqlite3"))
        .create_if_missing(true)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .unwrap();
    let all = sqlx::migrate::Migrator::new(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite"),
    )
    .await
    .unwrap();
    let mut before = sqlx::migrate::Migrator::new(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite"),
    )
    .await
    .unwrap();
    before.migrations = all
        .migrations
        .iter()
        .filter(|m| m.version < 23)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    before.run(&pool).await.unwrap();
    for sql in [
        "INSERT INTO regions (key, level, name, name_search) VALUES ('09575', 'kreis', 'Neustadt', 'neustadt')",
        "INSERT INTO networks (id, name, region_key, description, created_at, updated_at) VALUES (1, 'N', '09575', '', 0, 0)",
        "INSERT INTO meetings (id, network_id, title, location, online_url, state, is_public, ics_uid, ics_sequence, created_at, updated_at)
         VALUES (1, 1, 'Frühjahrskonferenz', '', '', 'held', 0, 'uid-1', 0, 0, 0)",
        "INSERT INTO agenda_items (id, meeting_id, position, title, description, duration_minutes, is_public, created_at, updated_at)
         VALUES (1, 1, 0, 'Sprachkurse', '', 15, 0, 0, 0)",
        "INSERT INTO action_items (id, network_id, agenda_item_id, title, status, progress, created_at, updated_at)
         VALUES (7, 1, 1, 'Kursplan abstimmen', 'in_progress', 40, 0, 0)",
        "INSERT INTO action_updates (action_item_id, status, progress, comment, created_at) VALUES (7, 'in_progress', 40, 'läuft', 0)",
        "INSERT INTO projects (id, network_id, title, goal, description, fields, target_groups, status, progress, weight, is_public, state, created_at, updated_at)
         VALUES (3, 1, 'Sprachbrücke', '', '', '[]', '[]', 'running', 0, 1, 0, 'active', 0, 0)",
        "INSERT INTO project_actions (project_id, action_item_id, attached_at) VALUES (3, 7, 0)",
    ] {
        if let Err(e) = sqlx::query(sql).execute(&pool).await {
            panic!("{sql}: {e}");
        }
    }
    all.run(&pool).await.unwrap();
    let row = sqlx::query(
        "SELECT a.title, a.progress, a.post_id, (SELECT COUNT(*) FROM action_updates u WHERE u.action_item_id = a.id) AS updates,
         (SELECT COUNT(*) FROM project_actions p WHERE p.action_item_id = a.id) AS links
         FROM action_items a WHERE a.id = 7",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(row.get::<String, _>("title"), "Kursplan abstimmen");
    assert_eq!(row.get::<i64, _>("progress"), 40);
    assert_eq!(row.get::<Option<i64>, _>("post_id"), None);
    assert_eq!(row.get::<i64, _>("updates"), 1, "the history survived");
    assert_eq!(row.get::<i64, _>("links"), 1, "the project link survived");
    let problems = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(problems.is_empty(), "every reference still resolves");
    // Neither origin, or both: refused.
    let neither = sqlx::query(
        "INSERT INTO action_items (network_id, title, status, progress, created_at, updated_at) VALUES (1, 'x', 'open', 0, 0, 0)",
    )
    .execute(&pool)
    .await;
    assert!(neither.is_err(), "an item comes from somewhere");
}
