//! A crawler finds only valid public objects.

use super::*;

backend_test!(
    a_crawler_finds_only_valid_public_objects,
    |app: TestApp| async move {
        let f = fixture(&app).await;
        // Approved minutes stay internal while the network does not
        // publish its minutes: no decision, no vote, no protocol.
        let held_url = app.url(&format!("/oparl/v1/meeting/{}", f.held));
        let (status, unpublished) = fetch(&app, &held_url).await;
        assert_eq!(status, StatusCode::OK);
        let text = unpublished.to_string();
        assert!(!text.contains("resolutionText"), "{text}");
        assert!(!text.contains("angenommen"), "{text}");
        assert!(unpublished.get("resultsProtocol").is_none(), "{text}");
        let items_url = app.url(&format!("/oparl/v1/body/{}/agenda-items", f.network_id));
        let (_, listed) = fetch(&app, &items_url).await;
        assert!(!listed.to_string().contains("Sprachkurse."), "{listed}");
        let mut tx = app.db().begin().await.unwrap();
        ikon::conferences::store::set_minutes_public(
            &mut tx,
            ikon::core::audit::Actor::System("test"),
            ikon::core::ids::NetworkId(f.network_id),
            true,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();

        let (objects, answers) = crawl(&app).await;

        let problems = schema_problems(&objects);
        assert!(problems.is_empty(), "schema violations: {problems:#?}");

        // Nothing internal or non-public anywhere, by text or by URL.
        let all = serde_json::to_string(&answers).unwrap();
        assert!(!all.contains(SECRET), "internal text in the OParl output");
        assert!(!all.contains("geheim@example.org"));
        let private_names: Vec<String> =
            sqlx::query("SELECT name, email FROM people WHERE is_public = 0")
                .fetch_all(app.db().pool())
                .await
                .unwrap()
                .iter()
                .flat_map(|r| [r.get::<String, _>("name"), r.get::<String, _>("email")])
                .filter(|s| !s.is_empty())
                .collect();
        assert!(private_names.len() >= 2);
        for text in &private_names {
            assert!(
                !all.contains(&format!("\"{text}\"")),
                "{text} is not public"
            );
        }
        for url in [
            format!("/oparl/v1/meeting/{}", f.internal),
            format!("/oparl/v1/agenda-item/{}", f.internal_item),
            format!("/oparl/v1/agenda-item/{}", f.item_of_internal_meeting),
            format!(
                "/oparl/v1/body/{}/person/{}",
                f.network_id, f.private_person
            ),
        ] {
            assert!(!all.contains(&format!("{url}\"")), "{url} was linked");
            let (status, _) = fetch(&app, &app.url(&url)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{url}");
        }

        // What a client should find.
        let body = find(
            &objects,
            &app.url(&format!("/oparl/v1/body/{}", f.network_id)),
        );
        assert!(body["ags"].as_str().unwrap().starts_with("09"));
        let person = find(
            &objects,
            &app.url(&format!(
                "/oparl/v1/body/{}/person/{}",
                f.network_id, f.public_person
            )),
        );
        assert_eq!(person["name"], "Petra Offen");
        assert_eq!(
            person["membership"][0]["organization"],
            json!(app.url(&format!(
                "/oparl/v1/body/{}/organization/{}",
                f.network_id, f.organization_id
            )))
        );
        let held = find(&objects, &app.url(&format!("/oparl/v1/meeting/{}", f.held)));
        assert_eq!(held["meetingState"], "durchgeführt");
        assert!(
            held["resultsProtocol"]["accessUrl"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/meetings/{}/minutes.pdf", f.held))
        );
        assert!(
            held["location"]["description"]
                .as_str()
                .unwrap()
                .contains("Saal 1")
        );
        let items = held["agendaItem"].as_array().unwrap();
        assert_eq!(items.len(), 1, "only the public item");
        assert_eq!(
            items[0]["resolutionText"],
            "Die Konferenz empfiehlt mehr Sprachkurse."
        );
        assert!(
            items[0]["result"]
                .as_str()
                .unwrap()
                .starts_with("angenommen")
        );
        let files = items[0]["auxiliaryFile"].as_array().unwrap();
        assert_eq!(files.len(), 1, "only the public file");
        assert_eq!(files[0]["sha512Checksum"], "b".repeat(128));
        assert_eq!(files[0]["size"], 1234);
        assert_eq!(
            files[0]["downloadUrl"],
            json!(app.url(&format!(
                "/networks/{}/meetings/{}/agenda/{}/attachments/{}",
                f.network_id, f.held, f.public_item, f.public_file
            )))
        );
        let invited = find(
            &objects,
            &app.url(&format!("/oparl/v1/meeting/{}", f.invited)),
        );
        assert!(
            invited["invitation"]["accessUrl"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/meetings/{}/invitation.pdf", f.invited))
        );
        assert!(invited.get("resultsProtocol").is_none(), "no minutes yet");
        // A removed file is a tombstone without its name.
        let removed = find(
            &objects,
            &app.url(&format!("/oparl/v1/file/{}", f.removed_file)),
        );
        assert_eq!(removed["deleted"], true);
        let term = find(
            &objects,
            &app.url(&format!(
                "/oparl/v1/body/{}/legislative-term/2026",
                f.network_id
            )),
        );
        assert_eq!(term["startDate"], "2026-01-01");
    }
);
