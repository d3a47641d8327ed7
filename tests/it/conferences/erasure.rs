//! Erasing people and organisations takes their conference data along.

use super::*;

backend_test!(
    erasing_people_and_organisations_takes_their_conference_data_along,
    |app: TestApp| async move {
        use ikon::conferences::{
            model::{Answer, LINK_VALID_SECS, MeetingRecord},
            store::{self, Purpose},
        };
        use ikon::core::{
            audit::Actor,
            ids::{NetworkId, OrganizationId, PersonId},
        };
        use ikon::network::service::memberships;

        let demo = app.demo().await;
        let network = demo.network_id;
        // An organisation in this network only, with a contact person.
        let org_id: i64 = sqlx::query(
            "SELECT p.organization_id FROM people p JOIN memberships m ON m.organization_id = p.organization_id
             WHERE m.network_id = $1 AND p.email <> ''
             AND (SELECT COUNT(*) FROM memberships x WHERE x.organization_id = p.organization_id) = 1
             ORDER BY p.id",
        )
        .bind(network)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        let person: i64 =
            sqlx::query("SELECT id FROM people WHERE organization_id = $1 ORDER BY id")
                .bind(org_id)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get(0);
        let now = ikon::core::store::now();
        let actor = Actor::System("test");
        let mut tx = app.db().begin().await.unwrap();
        store::set_rotation(
            &mut tx,
            Actor::System("test"),
            NetworkId(network),
            &[OrganizationId(org_id)],
        )
        .await
        .unwrap();
        let record = MeetingRecord {
            title: "Konferenz".into(),
            starts_at: None,
            ends_at: None,
            location: String::new(),
            online_url: String::new(),
            organizer_organization_id: Some(OrganizationId(org_id)),
            is_public: false,
        };
        let id = store::create_meeting(&mut tx, Actor::System("test"), NetworkId(network), &record)
            .await
            .unwrap();
        let meeting = store::meeting(&mut *tx, id).await.unwrap().unwrap();
        let option = store::add_poll_option(
            &mut tx,
            Actor::System("test"),
            &meeting,
            now + DAY,
            now + DAY + 3600,
        )
        .await
        .unwrap();
        store::save_answers(
            &mut tx,
            &meeting,
            PersonId(person),
            &[(option, Answer::Yes)],
        )
        .await
        .unwrap();
        store::save_rsvp(&mut tx, &meeting, PersonId(person), true)
            .await
            .unwrap();
        let token = store::issue_link(
            &mut tx,
            id,
            PersonId(person),
            Purpose::Poll,
            LINK_VALID_SECS,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();

        // The person's data export (GDPR Art. 15) holds the answers and the registration.
        let coordinator = app.new_browser();
        coordinator
            .login(&demo.coordinator.email, &demo.coordinator.password)
            .await;
        let export: serde_json::Value = coordinator
            .get(&format!("/people/{person}/export"))
            .await
            .json()
            .await
            .unwrap();
        let of_this_meeting = |list: &str| {
            export[list]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["meeting_id"] == id.get())
                .cloned()
                .collect::<Vec<_>>()
        };
        let answers = of_this_meeting("poll_answers");
        assert_eq!(answers.len(), 1, "{export}");
        assert_eq!(answers[0]["answer"], "yes");
        assert_eq!(answers[0]["option_starts_at"], now + DAY);
        let registrations = of_this_meeting("registrations");
        assert_eq!(registrations[0]["response"], "yes");
        assert_eq!(registrations[0]["meeting_title"], "Konferenz");

        // The organisation leaves its only network: it and its people are deleted.
        let removed =
            memberships::remove(&app.app, &actor, NetworkId(network), OrganizationId(org_id))
                .await
                .unwrap();
        assert_eq!(removed, memberships::Removed::Organization);

        for (table, column) in [
            ("poll_answers", "person_id"),
            ("personal_links", "person_id"),
            ("rsvps", "person_id"),
        ] {
            let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
            assert_eq!(count(&app, &sql, person).await, 0, "{table}");
        }
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM series_rotation WHERE organization_id = $1",
                org_id
            )
            .await,
            0
        );
        let meeting = store::meeting(app.db().pool(), id).await.unwrap().unwrap();
        assert_eq!(meeting.organizer_organization_id, None);
        assert_eq!(
            app.new_browser().get(&format!("/p/{token}")).await.status(),
            StatusCode::NOT_FOUND
        );
    }
);
