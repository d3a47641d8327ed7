//! Concerns across networks and people: a supervisor sees the concerns of
//! every network in her region side by side (the same concern raised by
//! two counties is one row), and a contact person named on a concern or
//! a project is part of their GDPR export and erasure.

use reqwest::Method;

use super::projects::api;
use super::*;
use crate::backend_test;
use crate::common::fixtures::Person;

async fn draft(app: &TestApp, network_id: i64, token: &str, title: &str) -> i64 {
    let (status, created) = api(
        app,
        Method::POST,
        &format!("/api/v1/networks/{network_id}/concerns"),
        token,
        Some(json!({ "title": title, "body": "Text.", "addressee": "regierung" })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created["id"].as_i64().unwrap()
}

backend_test!(
    a_supervisor_sees_the_same_concern_of_several_networks_as_one,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let fuerth = Network::new("Integrationskonferenz Fürth", "09573")
            .create(&app)
            .await;
        User::new("koordination@fue.example", Role::Coordinator)
            .network(fuerth)
            .create(&app)
            .await;
        let fuerth_token = token(&app, "koordination@fue.example").await;
        draft(
            &app,
            k.network_id,
            &k.token,
            "Mehr Wohnraum für Geflüchtete",
        )
        .await;
        draft(
            &app,
            fuerth,
            &fuerth_token,
            "mehr  Wohnraum für Geflüchtete",
        )
        .await;
        draft(&app, fuerth, &fuerth_token, "Schulweg sicherer machen").await;
        User::new("aufsicht@reg-mfr.example", Role::Supervisor)
            .region("095")
            .create(&app)
            .await;
        let supervisor = app.new_browser();
        supervisor
            .login(
                "aufsicht@reg-mfr.example",
                crate::common::fixtures::PASSWORD,
            )
            .await;
        let page = supervisor.get("/concerns").await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        let rows = html.matches("<th scope=\"row\">").count();
        assert_eq!(rows, 2, "two concerns, one raised twice: {html}");
        let shared = html.find("Mehr Wohnraum").unwrap();
        assert!(shared < html.find("Schulweg").unwrap(), "shared first");
        assert!(html.contains("Erlangen-Höchstadt") && html.contains("Fürth"));
        let filtered = supervisor
            .get("/concerns?state=submitted")
            .await
            .text()
            .await
            .unwrap();
        assert!(!filtered.contains("Wohnraum"), "no submitted concern");
        // A coordinator sees only her own network's.
        let own = k.coordinator.get("/concerns").await.text().await.unwrap();
        assert!(!own.contains("Schulweg") && own.contains("Wohnraum"));
    }
);

/// A concern's or project's contact person after an erasure, and how
/// many erasures its audit trail records.
async fn erasure_of(app: &TestApp, entity: &str, id: i64) -> (Option<i64>, i64) {
    let table = if entity == "concern" {
        "concerns"
    } else {
        "projects"
    };
    let contact: Option<i64> = sqlx::query(&format!(
        "SELECT contact_person_id FROM {table} WHERE id = $1"
    ))
    .bind(id)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get("contact_person_id");
    let erased: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE entity = $1 AND entity_id = $2 AND action = 'contact_erased'",
    )
    .bind(entity)
    .bind(id)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get("n");
    (contact, erased)
}

backend_test!(
    a_contact_named_on_a_concern_or_a_project_is_exported_and_erased,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let person = Person::new(k.orgs[0], "Clara Kontakt")
            .email("clara@caritas.example")
            .create(&app)
            .await;
        let (status, created) = api(
            &app,
            Method::POST,
            &format!("/api/v1/networks/{net}/concerns"),
            &k.token,
            Some(
                json!({ "title": "Mehr Sprachkurse", "body": "Text.", "addressee": "bamf",
                "contact_person_id": person.to_string() }),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let id = created["id"].as_i64().unwrap();
        assert_eq!(created["contact_person_id"], person);
        // A person of another network is refused.
        let stranger_org = Organization::new(
            Network::new("Anderes Netz", "09562").create(&app).await,
            "Fremdverein",
        )
        .create(&app)
        .await;
        let stranger = Person::new(stranger_org, "Fritz Fremd").create(&app).await;
        let (status, body) = api(
            &app,
            Method::POST,
            &format!("/api/v1/networks/{net}/concerns"),
            &k.token,
            Some(json!({ "title": "X", "body": "Text.", "addressee": "bamf",
                "contact_person_id": stranger.to_string() })),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body["fields"]["contact_person_id"].is_string(), "{body}");

        // The same person is the contact of a public project: the
        // network's readers see it, the public page does not.
        let (status, project) = api(
            &app,
            Method::POST,
            &format!("/api/v1/networks/{net}/projects"),
            &k.token,
            Some(json!({ "title": "Sprachpatenschaften", "is_public": true,
                "contact_person_id": person.to_string() })),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{project}");
        let project = project["id"].as_i64().unwrap();
        let (status, body) = api(
            &app,
            Method::POST,
            &format!("/api/v1/networks/{net}/projects"),
            &k.token,
            Some(json!({ "title": "X", "contact_person_id": stranger.to_string() })),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body["fields"]["contact_person_id"].is_string(), "{body}");
        let project_page = format!("/networks/{net}/projects/{project}");
        let internal = k.coordinator.get(&project_page).await.text().await.unwrap();
        assert!(
            internal.contains("Clara Kontakt"),
            "readers see the contact"
        );
        let public = app.new_browser().get(&project_page).await;
        assert_eq!(public.status(), StatusCode::OK);
        let public = public.text().await.unwrap();
        assert!(public.contains("Sprachpatenschaften") && !public.contains("Clara Kontakt"));

        let export: Value = k
            .coordinator
            .get(&format!("/people/{person}/export"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(export["concern_contacts"][0]["concern_id"], id, "{export}");
        assert_eq!(export["concern_contacts"][0]["title"], "Mehr Sprachkurse");
        assert_eq!(export["project_contacts"][0]["project_id"], project);
        assert_eq!(
            export["project_contacts"][0]["title"],
            "Sprachpatenschaften"
        );

        let response = k
            .coordinator
            .post_form(&format!("/people/{person}/erase"), &[("confirm", "yes")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(erasure_of(&app, "concern", id).await, (None, 1));
        let page = k
            .coordinator
            .get(&format!("/networks/{net}/concerns/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(!page.contains("Clara Kontakt"));
        // The project forgets her too, with a trace in audit and timeline.
        assert_eq!(erasure_of(&app, "project", project).await, (None, 1));
        let page = k.coordinator.get(&project_page).await.text().await.unwrap();
        assert!(
            !page.contains("Clara Kontakt")
                && page.contains("Ansprechperson nach Löschauftrag entfernt")
        );
    }
);
