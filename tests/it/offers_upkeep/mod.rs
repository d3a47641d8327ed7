//! Upkeep of offers: the public pages in seven languages (right to left for
//! Arabic and Persian), stale offers with one reminder per period and
//! "details still correct", coverage gaps on the dashboards, and the demo
//! offers.

mod languages;

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

use crate::common::{Backend, Browser, TestApp, fixtures::Offer, text_with_status};
use crate::offers::signed_in;
use crate::{backend_test, both_backends};
use ikon::offers::model::PlaceRecord;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A published offer of `organization_id`, last confirmed `age_days` ago.
async fn offer(
    app: &TestApp,
    network_id: i64,
    organization_id: i64,
    title: &str,
    age_days: i64,
) -> i64 {
    Offer::new(network_id, organization_id, title)
        .verified_days_ago(age_days)
        .with(|r| {
            r.field = "health".into();
            r.offer_type = "other".into();
            r.places = vec![PlaceRecord {
                street: "Konrad-Adenauer-Straße 1".into(),
                postal_code: "91413".into(),
                ..PlaceRecord::default()
            }];
        })
        .create(app)
        .await
}

async fn organization_named(app: &TestApp, name: &str) -> i64 {
    sqlx::query("SELECT id FROM organizations WHERE name = $1")
        .bind(name)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("id")
}

async fn verified_at(app: &TestApp, id: i64) -> i64 {
    sqlx::query("SELECT last_verified_at FROM offers WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get::<Option<i64>, _>(0)
        .unwrap_or_default()
}

async fn page(browser: &Browser, path: &str) -> String {
    text_with_status(browser.get(path).await, StatusCode::OK).await
}

/// The part of the network page that lists stale offers.
fn stale_section(page: &str) -> &str {
    let start = page
        .find("id=\"stale-heading\"")
        .expect("stale offers section");
    let rest = &page[start..];
    let end = rest
        .find("id=\"gaps-heading\"")
        .or_else(|| rest.find("</section>"))
        .unwrap_or(rest.len());
    &rest[..end]
}

async fn stale_offer_is_reminded_once_and_verified(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let logins = app.demo().await;
    let net = logins.network_id;
    // The health office has exactly one contact person with an e-mail address.
    let health = organization_named(&app, "Gesundheitsamt Neustadt a.d.Aisch-Bad Windsheim").await;
    let stale = offer(&app, net, health, "Impfsprechstunde alt", 400).await;
    let fresh = offer(&app, net, health, "Impfsprechstunde neu", 30).await;

    // Two processes sweeping at once, then again: one reminder.
    let (a, b) = tokio::join!(
        ikon::offers::service::freshness::sweep(&app.app),
        ikon::offers::service::freshness::sweep(&app.app)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(
        ikon::offers::service::freshness::sweep(&app.app)
            .await
            .unwrap(),
        0
    );
    app.run_jobs().await;
    let messages = sink.wait_for(1).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(sink.messages().len(), 1, "{messages:#?}");
    let mail = &crate::common::smtp::body_text(&messages[0]);
    assert!(
        mail.contains("paula.probe@landratsamt-nea.example"),
        "{mail}"
    );
    assert!(mail.contains("Impfsprechstunde alt"), "{mail}");
    let link = format!("{}/networks/{net}/offers/{stale}/edit", app.base);
    assert!(mail.contains(&link), "{mail}");
    assert!(!mail.contains("Impfsprechstunde neu"), "{mail}");

    // Flagged for the coordinator, on the network page and in the list.
    let coordinator = signed_in(
        &app,
        &logins.coordinator.email,
        &logins.coordinator.password,
    )
    .await;
    let network_page = page(&coordinator, &format!("/networks/{net}")).await;
    let section = stale_section(&network_page);
    assert!(section.contains("Impfsprechstunde alt"), "{section}");
    assert!(!section.contains("Impfsprechstunde neu"), "{section}");
    let list = page(&coordinator, &format!("/networks/{net}/offers")).await;
    assert_eq!(
        list.matches("class=\"badge fresh-stale\"").count(),
        1,
        "{list}"
    );

    // A member of another organisation may not confirm it.
    let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
    let before = verified_at(&app, stale).await;
    let response = member
        .post_form(&format!("/networks/{net}/offers/{stale}/verify"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(verified_at(&app, stale).await, before);

    // The coordinator confirms it with one click: no longer stale, audited.
    let back = format!("/networks/{net}");
    let response = coordinator
        .post_form(
            &format!("/networks/{net}/offers/{stale}/verify"),
            &[("back", back.as_str())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with(&back)
    );
    assert!(verified_at(&app, stale).await >= now() - 60);
    let network_page = page(&coordinator, &format!("/networks/{net}")).await;
    assert!(!stale_section(&network_page).contains("Impfsprechstunde alt"));
    let audited: i64 = sqlx::query(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'offer' AND entity_id = $1 AND action = 'verify'",
    )
    .bind(stale)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get(0);
    assert_eq!(audited, 1);
    assert_eq!(
        ikon::offers::service::freshness::sweep(&app.app)
            .await
            .unwrap(),
        0
    );
    let _ = fresh;

    // Members confirm their own organisation's offers.
    let own = offer(
        &app,
        net,
        logins.member_organization_id,
        "Eigene Beratung",
        500,
    )
    .await;
    let response = member
        .post_form(&format!("/networks/{net}/offers/{own}/verify"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(verified_at(&app, own).await >= now() - 60);
    app.stop().await;
}
both_backends!(stale_offer_is_reminded_once_and_verified);

backend_test!(
    demo_offers_show_gaps_and_freshness,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let created = ikon::demo::load_offers(app.db(), net).await.unwrap();
        assert!(created >= 40, "{created}");
        let published: i64 = sqlx::query(
            "SELECT COUNT(*) FROM offers WHERE network_id = $1 AND status = 'published'",
        )
        .bind(net)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        assert!(published >= 40, "{published}");
        let unpublished: i64 = sqlx::query(
            "SELECT COUNT(*) FROM offers WHERE network_id = $1 AND status <> 'published'",
        )
        .bind(net)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        assert!(unpublished >= 2, "{unpublished}");
        let langs: BTreeSet<String> = sqlx::query("SELECT DISTINCT lang FROM offer_translations")
            .fetch_all(app.db().pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        for lang in ["en", "ar", "tr", "uk"] {
            assert!(langs.contains(lang), "no {lang} translation: {langs:?}");
        }

        // A municipality deliberately without a contact point for young people.
        let coordinator = signed_in(
            &app,
            &logins.coordinator.email,
            &logins.coordinator.password,
        )
        .await;
        let coverage: Value = coordinator
            .get(&format!("/api/v1/networks/{net}/coverage"))
            .await
            .json()
            .await
            .unwrap();
        let gaps: Vec<(String, String)> = coverage["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["municipality_name"].as_str().unwrap().to_string(),
                    g["target_group"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert!(
            gaps.contains(&("Scheinfeld".into(), "young_people".into())),
            "{gaps:?}"
        );
        assert!(gaps.iter().all(|(_, g)| g == "young_people"), "{gaps:?}");

        // The coordinator's network page lists every gap and the stale offers.
        let network_page = page(&coordinator, &format!("/networks/{net}")).await;
        assert!(network_page.contains("Lücken bei den Anlaufstellen"));
        let gap_table = &network_page[network_page.find("class=\"upkeep-gaps\"").unwrap()..];
        assert_eq!(
            gap_table.matches("<tr><th scope=\"row\">").count(),
            gaps.len()
        );
        assert!(gap_table.contains("Scheinfeld"));
        let section = stale_section(&network_page);
        assert!(section.contains("Wohnungspaten Scheinfeld"), "{section}");
        assert!(
            !section.contains("Migrationsberatung für Erwachsene (MBE)"),
            "{section}"
        );

        // The supervisor compares the networks of Mittelfranken.
        let supervisor =
            signed_in(&app, &logins.supervisor.email, &logins.supervisor.password).await;
        let home = page(&supervisor, "/").await;
        assert!(
            home.contains("<a href=\"/coverage\">Abdeckung</a>"),
            "{home}"
        );
        let region = page(&supervisor, "/coverage").await;
        assert!(
            region.contains("Integrationskonferenz Landkreis Neustadt"),
            "{region}"
        );
        assert!(region.contains(&format!("href=\"/networks/{net}/coverage\"")));
        let municipalities: i64 = sqlx::query(
            "SELECT COUNT(*) FROM regions WHERE key LIKE '09575%' AND level = 'municipality'",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        let young_gaps = gaps.len();
        let row = &region[region.find("<tbody>").unwrap()..];
        let cells: Vec<&str> = row
            .split("<td class=\"num\">")
            .skip(1)
            .map(|c| c.split('<').next().unwrap())
            .collect();
        assert_eq!(cells[0], municipalities.to_string(), "{row}");
        assert_eq!(cells[1], "0", "adults gaps: {row}");
        assert_eq!(cells[2], young_gaps.to_string(), "young people gaps: {row}");
        assert_eq!(cells[3], "0", "refugee gaps: {row}");
        assert!(cells[4].ends_with('%'));
        // Another region shows no network; signed-out visitors must sign in.
        let elsewhere = page(&supervisor, "/coverage?region=091").await;
        assert!(!elsewhere.contains("Integrationskonferenz Landkreis Neustadt"));
        let response = app.new_browser().get("/coverage").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // The demo offers read in Arabic and Ukrainian.
        let id: i64 = sqlx::query("SELECT id FROM offers WHERE title = $1")
            .bind("Migrationsberatung für Erwachsene (MBE)")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        let anonymous = app.new_browser();
        let arabic = page(
            &anonymous,
            &format!("/networks/{}/offers/{id}?lang=ar", logins.network_id),
        )
        .await;
        assert!(
            arabic.contains("<article class=\"offer\" lang=\"ar\" dir=\"rtl\">"),
            "{arabic}"
        );
        assert!(arabic.contains("استشارة الهجرة للبالغين"));
        // German data and numbers keep their order inside the Arabic page.
        assert!(
            arabic.contains("<a href=\"tel:09161 88-1200\" dir=\"ltr\">"),
            "{arabic}"
        );
        assert!(
            arabic.contains("<bdi lang=\"de\">Kreisverband Musterwohlfahrt Neustadt e.V.</bdi>")
        );
        let ukrainian = page(
            &anonymous,
            &format!("/networks/{}/offers/{id}?lang=uk", logins.network_id),
        )
        .await;
        assert!(ukrainian.contains("<article class=\"offer\" lang=\"uk\" dir=\"ltr\">"));
    }
);
