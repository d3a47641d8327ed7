//! Renames, kept answers, kinds of offer and distances as the search shows them.

use super::*;

backend_test!(
    provider_rename_reaches_the_index,
    |app: TestApp| async move {
        use ikon::network::{model::OrganizationRecord, service, store::organizations};

        let ids_by_fixture = fixtures(&app).await;
        let offer = store::offer(app.db().pool(), OfferId(ids_by_fixture[0]))
            .await
            .unwrap()
            .unwrap();
        let before = organizations::organization(app.db().pool(), offer.organization_id.get())
            .await
            .unwrap()
            .unwrap();
        let mut record = OrganizationRecord::from(&before);
        record.name = "Zuwanderungshilfe Morgenrot".into();
        let mut tx = app.db().begin().await.unwrap();
        let actor = Actor::System("test");
        service::organizations::write(&app.app, &mut tx, &actor, None, &before, &record)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let (_, body) = search(&app, &[("q", "Morgenrot"), ("per_page", "200")]).await;
        assert_eq!(
            body["total"].as_u64().unwrap(),
            FIXTURES.len() as u64,
            "{body}"
        );
        assert_eq!(body["offers"][0]["provider"], "Zuwanderungshilfe Morgenrot");
    }
);

backend_test!(
    kept_answers_follow_every_change,
    |app: TestApp| async move {
        // Kept answers (per index version) must never outlive a change: a
        // repeated search right after an edit, an unpublication or a new
        // translation shows it.
        let ids_by_fixture = fixtures(&app).await;
        let id = ids_by_fixture[2];
        let query = [("q", "Sonnenschein")];
        let (_, first) = search(&app, &query).await;
        let (_, again) = search(&app, &query).await;
        assert_eq!(first, again, "the same question, the same answer");
        assert_eq!(titles(&first), ["Kindertagesstätte Sonnenschein"]);

        let offer = store::offer(app.db().pool(), OfferId(id))
            .await
            .unwrap()
            .unwrap();
        let mut record = offer.record.clone();
        record.title = "Kinderhaus Sonnenschein".into();
        let mut tx = app.db().begin().await.unwrap();
        service::update(&mut tx, Actor::System("test"), &offer, &record)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let (_, edited) = search(&app, &query).await;
        assert_eq!(titles(&edited), ["Kinderhaus Sonnenschein"], "{edited}");

        let arabic = [("q", "Sonnenschein"), ("lang", "ar")];
        let (_, before) = search(&app, &arabic).await;
        assert_eq!(before["offers"][0]["content_lang"], "de");
        let offer = store::offer(app.db().pool(), OfferId(id))
            .await
            .unwrap()
            .unwrap();
        let t = Translation {
            lang: "ar".into(),
            title: "روضة أطفال زونينشاين".into(),
            summary: "رعاية الأطفال".into(),
            description: "رعاية الأطفال".into(),
            source_hash: source_hash(&record),
        };
        let mut tx = app.db().begin().await.unwrap();
        translations::save(&mut tx, Actor::System("test"), &offer, &t)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let (_, translated) = search(&app, &arabic).await;
        assert_eq!(
            translated["offers"][0]["content_lang"], "ar",
            "{translated}"
        );
        assert_eq!(translated["offers"][0]["title"], "روضة أطفال زونينشاين");

        let mut tx = app.db().begin().await.unwrap();
        service::set_status(&mut tx, Actor::System("test"), &offer, Status::Archived)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let (_, gone) = search(&app, &query).await;
        assert_eq!(gone["total"], 0, "{gone}");
    }
);

backend_test!(
    the_kind_of_offer_is_found_by_name,
    |app: TestApp| async move {
        // A toddler group whose text never says "Kita" or "Kindergarten":
        // the names of its field and type (German and English) find it.
        let logins = app.demo().await;
        let group = Fixture {
            title: "Krabbelgruppe Morgenstern",
            summary: "Eltern mit Kindern bis drei Jahren treffen sich zum Spielen.",
            field: "kindergarten",
            offer_type: "childcare",
            groups: &["families"],
            languages: &["de"],
            cost: "free",
            place: NEUSTADT,
            hours: "",
            translations: &[],
        };
        let id = add(&app, &logins, &group).await;
        for q in ["Kita", "Kindergarten", "Kinderbetreuung", "childcare"] {
            let (_, body) = search(&app, &[("q", q)]).await;
            assert!(ids(&body).contains(&id), "{q}: {body}");
        }
        let (_, body) = search(&app, &[("q", "Seniorentreff")]).await;
        assert!(!ids(&body).contains(&id), "{body}");
    }
);

backend_test!(
    distance_is_shown_only_when_a_place_was_given,
    |app: TestApp| async move {
        fixtures(&app).await;
        let page = async |query: &str| {
            app.get(&format!("/search?{query}&lang=en"))
                .await
                .text()
                .await
                .unwrap()
        };
        eventually("the offers are indexed", async || {
            page("q=Deutschkurs").await.contains("search-hit")
        })
        .await;
        assert!(
            !page("q=Deutschkurs").await.contains("km away"),
            "no distance without a place"
        );
        assert!(
            page("q=Deutschkurs&postal_code=91413")
                .await
                .contains(" km away"),
            "a distance from the place given"
        );
    }
);
