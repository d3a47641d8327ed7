//! Contact points: designation with its service area, the finder by postal
//! code, age and target group, and a network's coverage gaps.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

use crate::backend_test;
use ikon::offers::model::{PlaceRecord, Status};

use crate::common::{Browser, TestApp, fixtures::Offer, text_with_status};
use crate::offers::signed_in;

const NEUSTADT: &str = "09575153";

/// An offer of the member's organisation, published or a draft.
async fn offer(
    app: &TestApp,
    network_id: i64,
    organization_id: i64,
    title: &str,
    status: &str,
) -> i64 {
    Offer::new(network_id, organization_id, title)
        .status(Status::parse(status).expect("an offer status"))
        .with(|r| {
            r.languages = vec!["de".into(), "ar".into()];
            r.appointment = true;
            r.booking_note = "Termin per Telefon".into();
            r.places = vec![PlaceRecord {
                street: "Bahnhofstraße 5".into(),
                postal_code: "91413".into(),
                opening_hours: "Mo-Fr 09:00-12:00".into(),
                ..PlaceRecord::default()
            }];
        })
        .create(app)
        .await
}

async fn designate(browser: &Browser, net: i64, id: i64, fields: &[(&str, &str)]) {
    let response = browser
        .post_form(
            &format!("/networks/{net}/offers/{id}/contact-point"),
            fields,
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

/// Three offers: adults and refugees in the whole Kreis, young people in
/// Neustadt only, and an unpublished one that must never be found.
async fn setup(app: &TestApp) -> (i64, Browser) {
    let logins = app.demo().await;
    let (net, org) = (logins.network_id, logins.member_organization_id);
    // Coordinators publish: their designations go live at once (a member's
    // go to review, see offers::member_changes_to_published_text_are_reviewed).
    let coordinator = signed_in(app, &logins.coordinator.email, &logins.coordinator.password).await;
    let kreis = offer(app, net, org, "Migrationsberatung Kreis", "published").await;
    let young = offer(
        app,
        net,
        org,
        "Jugendmigrationsdienst Neustadt",
        "published",
    )
    .await;
    let draft = offer(app, net, org, "Entwurf Beratung", "draft").await;
    let form = coordinator
        .get(&format!("/networks/{net}/offers/{kreis}/contact-point"))
        .await;
    let page = text_with_status(form, StatusCode::OK).await;
    assert!(page.contains("name=\"csrf\""));
    let kreis_area = [
        ("target_groups", "adults"),
        ("target_groups", "refugees"),
        ("whole_kreis", "1"),
    ];
    designate(&coordinator, net, kreis, &kreis_area).await;
    let young_area = [
        ("target_groups", "young_people"),
        ("municipalities", NEUSTADT),
    ];
    designate(&coordinator, net, young, &young_area).await;
    let draft_area = [("target_groups", "young_people"), ("whole_kreis", "1")];
    designate(&coordinator, net, draft, &draft_area).await;
    (net, coordinator)
}

async fn json(app: &TestApp, path: &str, status: StatusCode) -> Value {
    let body = text_with_status(app.get(path).await, status).await;
    serde_json::from_str(&body).unwrap()
}

fn titles(municipality: &Value) -> Vec<String> {
    municipality["contact_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap().to_string())
        .collect()
}

backend_test!(
    finder_by_postal_code_age_and_group,
    |app: TestApp| async move {
        let (net, coordinator) = setup(&app).await;
        let find = |q: &str| format!("/api/v1/contact-points?{q}");
        let a = json(
            &app,
            &find("postal_code=91413&age=30&target_group=refugees"),
            StatusCode::OK,
        )
        .await;
        assert_eq!(a["several_municipalities"], false);
        let m = &a["municipalities"][0];
        assert_eq!(m["municipality_key"], NEUSTADT);
        assert_eq!(titles(m), ["Migrationsberatung Kreis"]);
        assert_eq!(m["contact_points"][0]["opening_hours"], "Mo-Fr 09:00-12:00");
        assert_eq!(m["contact_points"][0]["appointment"], true);
        assert_eq!(m["contact_points"][0]["languages"][1], "ar");
        assert!(
            m["contact_points"][0]["url"]
                .as_str()
                .unwrap()
                .starts_with(&format!("/networks/{net}/offers/"))
        );

        // 12–27 are young people, from 18 also adults.
        let a = json(&app, &find("postal_code=91413&age=20"), StatusCode::OK).await;
        assert_eq!(
            titles(&a["municipalities"][0]),
            [
                "Jugendmigrationsdienst Neustadt",
                "Migrationsberatung Kreis"
            ]
        );
        let a = json(&app, &find("postal_code=91413&age=15"), StatusCode::OK).await;
        assert_eq!(
            titles(&a["municipalities"][0]),
            ["Jugendmigrationsdienst Neustadt"]
        );
        let a = json(
            &app,
            &find(&format!("region={NEUSTADT}&age=15")),
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            titles(&a["municipalities"][0]),
            ["Jugendmigrationsdienst Neustadt"]
        );

        // 91438 spans Bad Windsheim and Sugenheim: both answered, the
        // Neustadt-only contact point in neither.
        let a = json(&app, &find("postal_code=91438&age=20"), StatusCode::OK).await;
        assert_eq!(a["several_municipalities"], true);
        let keys: Vec<_> = a["municipalities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["municipality_key"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(keys, ["09575112", "09575165"]);
        for m in a["municipalities"].as_array().unwrap() {
            assert_eq!(titles(m), ["Migrationsberatung Kreis"]);
        }

        let e = json(&app, &find("postal_code=9141"), StatusCode::BAD_REQUEST).await;
        assert_eq!(e["code"], "invalid_postal_code");
        let e = json(&app, &find("postal_code=91499"), StatusCode::NOT_FOUND).await;
        assert_eq!(e["code"], "unknown_postal_code");
        assert!(e["message"].as_str().unwrap().contains("91413"), "{e}");
        let e = json(
            &app,
            &find("postal_code=91413&target_group=kids"),
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(e["code"], "invalid_target_group");
        assert!(
            e["message"].as_str().unwrap().contains("young_people"),
            "{e}"
        );

        // The public page, without JavaScript: by postal code and by town name.
        let page = text_with_status(
            app.get("/finder?place=91438&age=30&target_group=").await,
            StatusCode::OK,
        )
        .await;
        assert!(page.contains("Bad Windsheim") && page.contains("Sugenheim"));
        assert!(page.contains("mehrere Gemeinden"), "{page}");
        assert!(!page.contains("Entwurf Beratung"));
        let page = text_with_status(
            app.get("/finder?place=Neustadt+a.d.Aisch&age=16").await,
            StatusCode::OK,
        )
        .await;
        assert!(page.contains("Jugendmigrationsdienst Neustadt"), "{page}");
        let page = text_with_status(app.get("/finder").await, StatusCode::OK).await;
        assert!(page.contains("for=\"f-place\""));

        // Answers are kept until the next change: a withdrawn designation
        // is gone from the very next answer.
        let young: i64 =
            sqlx::query("SELECT id FROM offers WHERE title = 'Jugendmigrationsdienst Neustadt'")
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get("id");
        designate(&coordinator, net, young, &[]).await;
        let a = json(&app, &find("postal_code=91413&age=15"), StatusCode::OK).await;
        assert_eq!(titles(&a["municipalities"][0]), Vec::<String>::new());
    }
);

backend_test!(coverage_lists_exactly_the_gaps, |app: TestApp| async move {
    let (net, coordinator) = setup(&app).await;
    let municipalities: Vec<String> = sqlx::query(
        "SELECT key FROM regions WHERE level = 'municipality' AND SUBSTR(key, 1, 5) = '09575'",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| r.get("key"))
    .collect();
    let expected: BTreeSet<(String, String)> = municipalities
        .iter()
        .filter(|k| *k != NEUSTADT)
        .map(|k| (k.clone(), "young_people".to_string()))
        .collect();
    let body = text_with_status(
        coordinator
            .get(&format!("/api/v1/networks/{net}/coverage"))
            .await,
        StatusCode::OK,
    )
    .await;
    let coverage: Value = serde_json::from_str(&body).unwrap();
    let gaps: BTreeSet<(String, String)> = coverage["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            assert!(!g["municipality_name"].as_str().unwrap().is_empty());
            (
                g["municipality_key"].as_str().unwrap().to_string(),
                g["target_group"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(gaps, expected);
    let page = text_with_status(
        coordinator.get(&format!("/networks/{net}/coverage")).await,
        StatusCode::OK,
    )
    .await;
    assert!(page.contains("<caption>"));
    assert!(page.contains("scope=\"row\">Neustadt a.d.Aisch</th>"));
    assert_eq!(
        page.matches("keine Anlaufstelle</strong>").count(),
        expected.len()
    );
});

backend_test!(
    service_area_outside_the_kreis_is_refused,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let (net, org) = (logins.network_id, logins.member_organization_id);
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let id = offer(&app, net, org, "Migrationsberatung", "published").await;
        let path = format!("/networks/{net}/offers/{id}/contact-point");
        for fields in [
            vec![("target_groups", "adults"), ("municipalities", "09162000")],
            vec![("target_groups", "adults")],
            vec![("target_groups", "kids"), ("whole_kreis", "1")],
        ] {
            let response = member.post_form(&path, &fields).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        }
        let response = member
            .post_form(
                &path,
                &[("target_groups", "adults"), ("municipalities", "09162000")],
            )
            .await;
        let body = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(body.contains("09162000"), "{body}");
        let written: i64 = sqlx::query("SELECT COUNT(*) FROM contact_points")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(written, 0);
    }
);
