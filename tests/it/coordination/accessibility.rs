//! Accessibility of the coordination pages in German and English.

use super::*;

/// The grid (both views), the agreement form with an error, and an
/// agreement as a member reads it pass axe, language and contrast checks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordination_pages_are_accessible() {
    use crate::common::browser::Chrome;

    let app = TestApp::start(Backend::Sqlite).await;
    let k = kreis(&app).await;
    let m1 = k.municipalities[0].clone();
    let id = agree(
        &app,
        &k,
        agreement(
            &m1,
            "work",
            "refugees",
            &[(k.orgs[0], "lead"), (k.orgs[1], "lead")],
        ),
    )
    .await;
    User::new("mitglied@erh.example", Role::Member)
        .name("Mia Glied")
        .network(k.network_id)
        .organization(Some(k.orgs[0]))
        .create(&app)
        .await;
    let net = k.network_id;
    let project = super::projects::project(&app, &k, &k.token, json!({
        "title": "Arbeitsmarkt", "starts_on": "2026-01-01", "ends_on": "2027-12-31", "is_public": true,
        "partners": [{ "organization_id": k.orgs[0], "role": "lead" }],
    })).await;
    super::projects::project(
        &app,
        &k,
        &k.token,
        json!({ "title": "Bewerbungscafé", "parent_id": project.to_string() }),
    )
    .await;
    let response = k
        .coordinator
        .post_form(
            &format!("/networks/{net}/projects/{project}/milestones"),
            &[("title", "Auftakt"), ("due_on", "2026-03-01")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = k
        .coordinator
        .post_form(
            &format!("/networks/{net}/projects/{project}/funding"),
            &[
                ("programme", "ESF Plus – WIR"),
                ("funder", "BMAS"),
                ("level", "bund"),
                ("amount", "250000"),
                ("application_status", "approved"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let meeting = crate::common::fixtures::Meeting::new(net, "Herbstkonferenz")
        .item(crate::common::fixtures::agenda("Begrüßung"))
        .create(&app)
        .await;
    // What the project links to: a target, an action item, a funding call.
    let action = crate::common::fixtures::ActionItem::new(net, meeting.items[0], "Kursliste")
        .organization(k.orgs[0])
        .create(&app)
        .await;
    let call = crate::common::fixtures::Post::new(net, "Förderaufruf Integration")
        .funding_call("2027-03-31")
        .create(&app)
        .await;
    for (what, fields) in [
        (
            "targets",
            vec![
                ("target_indicator", "foreigners_share".to_string()),
                ("target_baseline", "12,5".to_string()),
                ("target_value", "15".to_string()),
                ("target_on", "2027-12-31".to_string()),
            ],
        ),
        ("actions", vec![("action_item_id", action.to_string())]),
        (
            "funding",
            vec![
                ("programme", "Integration vor Ort".to_string()),
                ("funder", "Freistaat Bayern".to_string()),
                ("level", "land".to_string()),
                ("amount", "40000".to_string()),
                ("application_status", "submitted".to_string()),
                ("funding_call", call.to_string()),
            ],
        ),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{net}/projects/{project}/{what}"),
                &fields,
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{what}");
    }
    // Two unconfirmed cells in m1: one proposed for the agenda, one with
    // its button.
    for (org, field) in [(k.orgs[2], "language"), (k.orgs[3], "counselling")] {
        crate::common::fixtures::Offer::new(net, org, "Angebot")
            .with(|r| {
                r.field = field.into();
                r.target_groups = vec!["women".into()];
                r.places = vec![ikon::offers::model::PlaceRecord {
                    municipality_key: Some(m1.clone()),
                    ..Default::default()
                }];
            })
            .create(&app)
            .await;
    }
    let response = k
        .coordinator
        .post_form(
            &format!("/networks/{net}/responsibilities/agenda"),
            &[
                ("municipality", m1.as_str()),
                ("field", "language"),
                ("target_group", "women"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let meeting = meeting.id;
    let (status, created) = super::projects::api(&app, reqwest::Method::POST, &format!("/api/v1/networks/{net}/concerns"), &k.token,
        Some(json!({ "title": "Mehr Sprachkurse", "body": "Der Kreis braucht mehr Kurse.", "addressee": "land_ministry" }))).await;
    assert_eq!(status, StatusCode::CREATED);
    let concern = created["id"].as_i64().unwrap();
    let (status, _) = super::projects::api(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/networks/{net}/concerns/{concern}/transitions"),
        &k.token,
        Some(json!({ "to": "on_agenda", "meeting_id": meeting.to_string() })),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    chrome
        .sign_in(
            "koordination@erh.example",
            crate::common::fixtures::PASSWORD,
        )
        .await;
    let coordinator_pages = [
        format!("/networks/{net}/responsibilities"),
        format!("/networks/{net}/responsibilities?municipality={m1}"),
        format!("/networks/{net}/responsibilities?target_group=refugees"),
        format!(
            "/networks/{net}/responsibilities/new?municipality={m1}&field=work&target_group=women"
        ),
        format!("/networks/{net}/responsibilities/{id}"),
        format!("/networks/{net}/projects"),
        format!("/networks/{net}/projects/new"),
        format!("/networks/{net}/projects/{project}"),
        format!("/networks/{net}/projects/{project}/edit"),
        format!("/networks/{net}/projects/import"),
        format!("/networks/{net}/projects/statuses"),
        format!("/networks/{net}"),
        format!("/networks/{net}/concerns"),
        format!("/networks/{net}/concerns/new"),
        format!("/networks/{net}/concerns/{concern}"),
    ];
    for path in &coordinator_pages {
        for lang in ["de", "en"] {
            let sep = if path.contains('?') { '&' } else { '?' };
            failures.extend(chrome.problems(&format!("{path}{sep}lang={lang}")).await);
        }
    }
    drop(chrome);
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    chrome
        .sign_in("mitglied@erh.example", crate::common::fixtures::PASSWORD)
        .await;
    for path in [
        format!("/networks/{net}/responsibilities?municipality={m1}"),
        format!("/networks/{net}/responsibilities/{id}"),
    ] {
        for lang in ["de", "en"] {
            let sep = if path.contains('?') { '&' } else { '?' };
            failures.extend(chrome.problems(&format!("{path}{sep}lang={lang}")).await);
        }
    }
    drop(chrome);
    // The public project page, signed out.
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    for lang in ["de", "en"] {
        failures.extend(
            chrome
                .problems(&format!("/networks/{net}/projects/{project}?lang={lang}"))
                .await,
        );
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
