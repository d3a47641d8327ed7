//! What a project links to: targets over the situation analysis's
//! indicators with the current value beside them, action items of the
//! network's conferences, and funding calls of its bulletin.

use super::projects::{api, project};
use super::*;
use crate::backend_test;
use crate::common::fixtures::{ActionItem, Meeting, Post, agenda};

async fn page(k: &Kreis, project: i64, lang: &str) -> String {
    k.coordinator
        .get(&format!(
            "/networks/{}/projects/{project}?lang={lang}",
            k.network_id
        ))
        .await
        .text()
        .await
        .unwrap()
}

async fn post(k: &Kreis, project: i64, what: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    k.coordinator
        .post_form(
            &format!("/networks/{}/projects/{project}/{what}", k.network_id),
            fields,
        )
        .await
}

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}"))
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n")
}

backend_test!(
    a_target_names_an_indicator_and_shows_its_current_value,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let id = project(
            &app,
            &k,
            &k.token,
            json!({ "title": "Ankommen im Landkreis", "starts_on": "2026-01-01", "ends_on": "2028-12-31" }),
        )
        .await;
        let target = |indicator: &'static str,
                      region: &'static str,
                      baseline: &'static str,
                      on: &'static str| {
            [
                ("target_indicator", indicator),
                ("target_region", region),
                ("target_baseline", baseline),
                ("target_value", "15"),
                ("target_on", on),
            ]
        };
        // Bad input is named field by field and changes nothing.
        let response = post(
            &k,
            id,
            "targets",
            &target("happiness", "", "12,5", "2028-12-31"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Unbekannter Indikator „happiness“")
        );
        let response = post(
            &k,
            id,
            "targets",
            &target("foreigners_share", "", "12,5", "2025-12-31"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("vor dem Projektbeginn (2026-01-01)")
        );
        let response = post(
            &k,
            id,
            "targets",
            &target("foreigners_share", "09162", "viel", "2028-12-31"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(
            html.contains("id=\"e-target_region\"") && html.contains("id=\"e-target_baseline\"")
        );
        assert_eq!(count(&app, "project_targets").await, 0);

        // The Kreis by default, a decimal comma in the baseline.
        let response = post(
            &k,
            id,
            "targets",
            &target("foreigners_share", "", "12,5", "2028-12-31"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // The current value is the latest of the indicator's series for
        // the Kreis, as the statistics API gives it.
        let (status, series) = api(
            &app,
            reqwest::Method::GET,
            &format!("/api/v1/indicators/foreigners_share?region={KREIS}"),
            &k.token,
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let latest = series["series"]
            .as_array()
            .unwrap()
            .iter()
            .rfind(|p| p["category"].is_null() && !p["value"].is_null())
            .expect("the Kreis has figures");
        let html = page(&k, id, "de").await;
        let table = &html[html.find("class=\"proj-targets\"").expect("the targets")..];
        let table = &table[..table.find("</table>").unwrap()];
        assert!(table.contains("Ausländeranteil"), "{table}");
        assert!(table.contains("Erlangen-Höchstadt"), "{table}");
        assert!(
            table.contains("12,5 %") && table.contains("15 %"),
            "numbers as German readers write them: {table}"
        );
        assert!(table.contains("bis 2028-12-31"), "{table}");
        let current = format!("{:.1} %", latest["value"].as_f64().unwrap()).replace('.', ",");
        assert!(table.contains(&current), "{current} in {table}");
        assert!(
            table.contains(latest["period"].as_str().unwrap()),
            "{table}"
        );
        assert!(
            table.contains(latest["source"].as_str().unwrap()),
            "{table}"
        );
        assert!(
            page(&k, id, "en")
                .await
                .contains("Share of foreign nationals")
        );
    }
);

backend_test!(
    action_items_of_the_networks_conferences_attach_to_a_project,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let id = project(
            &app,
            &k,
            &k.token,
            json!({ "title": "Sprachkurse ausbauen" }),
        )
        .await;
        let meeting = Meeting::new(net, "Frühjahrskonferenz")
            .item(agenda("Sprachkurse"))
            .create(&app)
            .await;
        let own = ActionItem::new(net, meeting.items[0], "Kursliste aktualisieren")
            .organization(k.orgs[2])
            .create(&app)
            .await;
        // An action item of another network's conference.
        let other_net = Network::new("Integrationskonferenz Fürth", "09573")
            .create(&app)
            .await;
        let other_meeting = Meeting::new(other_net, "Fürther Konferenz")
            .item(agenda("Wohnen"))
            .create(&app)
            .await;
        let foreign = ActionItem::new(other_net, other_meeting.items[0], "Wohnungsbörse")
            .create(&app)
            .await;

        let html = page(&k, id, "de").await;
        assert!(html.contains(&format!("<option value=\"{own}\">Kursliste aktualisieren")));
        let response = post(
            &k,
            id,
            "actions",
            &[("action_item_id", &foreign.to_string())],
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("eines anderen Netzwerks")
        );
        assert_eq!(count(&app, "project_actions").await, 0);
        let response = post(&k, id, "actions", &[("action_item_id", "kaputt")]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let response = post(&k, id, "actions", &[("action_item_id", &own.to_string())]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = page(&k, id, "de").await;
        let list = &html[html.find("class=\"proj-actions\"").expect("the list")..];
        let list = &list[..list.find("</ul>").unwrap()];
        assert!(
            list.contains("Kursliste aktualisieren") && list.contains("offen"),
            "{list}"
        );
        assert!(
            list.contains("Frühjahrskonferenz") && list.contains("VHS"),
            "{list}"
        );
        assert!(list.contains(&format!("/networks/{net}/actions/{own}")));
        // Its state follows the action item.
        sqlx::query("UPDATE action_items SET status = 'done', progress = 100 WHERE id = $1")
            .bind(own)
            .execute(app.db().pool())
            .await
            .unwrap();
        let html = page(&k, id, "en").await;
        let list = &html[html.find("class=\"proj-actions\"").unwrap()..];
        assert!(list[..list.find("</ul>").unwrap()].contains("done"));
        // Twice is refused; detaching removes it, a second time is a 404.
        let response = post(&k, id, "actions", &[("action_item_id", &own.to_string())]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let detach = format!("actions/{own}/detach");
        assert_eq!(
            post(&k, id, &detach, &[]).await.status(),
            StatusCode::SEE_OTHER
        );
        assert!(!page(&k, id, "de").await.contains("class=\"proj-actions\""));
        assert_eq!(
            post(&k, id, &detach, &[]).await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

async fn funding(k: &Kreis, id: i64, call: &str) -> reqwest::Response {
    let fields = [
        ("programme", "Integration vor Ort"),
        ("funder", "Freistaat Bayern"),
        ("level", "land"),
        ("amount", "40.000"),
        ("application_status", "submitted"),
        ("funding_call", call),
    ];
    post(k, id, "funding", &fields).await
}

backend_test!(
    funding_names_a_funding_call_of_the_bulletin,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let id = project(&app, &k, &k.token, json!({ "title": "Arbeitsmarkt" })).await;
        let call = Post::new(net, "Förderaufruf Integration vor Ort")
            .funding_call("2027-03-31")
            .create(&app)
            .await;
        let other_net = Network::new("Integrationskonferenz Fürth", "09573")
            .create(&app)
            .await;
        let foreign = Post::new(other_net, "Fürther Förderaufruf")
            .funding_call("2027-03-31")
            .create(&app)
            .await;
        let html = page(&k, id, "de").await;
        assert!(html.contains(&format!(
            "<option value=\"{call}\">Förderaufruf Integration vor Ort"
        )));
        assert!(!html.contains("Fürther Förderaufruf"));
        let response = funding(&k, id, &foreign.to_string()).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Förderaufruf aus den Mitteilungen")
        );
        assert_eq!(count(&app, "project_funding").await, 0);
        let response = funding(&k, id, &call.to_string()).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = page(&k, id, "de").await;
        let table = &html[html.find("id=\"funding-heading\"").unwrap()..];
        assert!(
            table.contains(&format!(
                "/networks/{net}/posts/{call}\">Förderaufruf Integration vor Ort</a>"
            )),
            "{table}"
        );
        // Without a call it is as before.
        let response = funding(&k, id, "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(&app, "project_funding").await, 2);
    }
);
