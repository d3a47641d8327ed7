//! Groups with special needs: recorded, changed and removed by the
//! coordinator with an audit record each; a gap while no published offer
//! is linked, uncovered municipalities while the linked offers serve only
//! part of the group; bad input refused field by field with nothing
//! changed; who may read and write, in pages and the API.

use ikon::{accounts::model::Role, offers::model::Status};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Row;

use crate::{
    backend_test,
    common::{
        Browser, TestApp,
        fixtures::{Network, Offer, Organization, User},
        text_with_status,
    },
};

/// The demo network with its coordinator and member signed in, API tokens
/// for both, and the first municipalities of its Kreis.
struct Setup {
    net: i64,
    member_org: i64,
    coordinator: Browser,
    member: Browser,
    coordinator_token: String,
    member_token: String,
    /// (key, name)
    towns: Vec<(String, String)>,
}

async fn setup(app: &TestApp) -> Setup {
    let demo = app.demo().await;
    let coordinator = app.new_browser();
    coordinator
        .login(&demo.coordinator.email, &demo.coordinator.password)
        .await;
    let member = app.new_browser();
    member
        .login(&demo.member.email, &demo.member.password)
        .await;
    let towns = sqlx::query(
        "SELECT key, name FROM regions WHERE level = 'municipality' AND key LIKE '09575%' ORDER BY key LIMIT 3",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get("key"), r.get("name")))
    .collect();
    Setup {
        net: demo.network_id,
        member_org: demo.member_organization_id,
        coordinator,
        member,
        coordinator_token: token(app, &demo.coordinator.email).await,
        member_token: token(app, &demo.member.email).await,
        towns,
    }
}

async fn token(app: &TestApp, email: &str) -> String {
    let (user, _) = ikon::accounts::store::user_by_email(app.db(), email)
        .await
        .unwrap()
        .unwrap();
    ikon::accounts::sessions::create_api_token(app.db(), user.id, "test")
        .await
        .unwrap()
}

/// A published offer of the organisation serving these municipalities.
async fn offer(app: &TestApp, net: i64, org: i64, title: &str, area: &[&str]) -> i64 {
    let area: Vec<String> = area.iter().map(|s| s.to_string()).collect();
    Offer::new(net, org, title)
        .with(|r| {
            r.target_groups = vec!["refugees".into()];
            r.area.municipalities = area;
        })
        .create(app)
        .await
}

async fn api(
    app: &TestApp,
    method: reqwest::Method,
    net: i64,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request =
        reqwest::Client::new().request(method, app.url(&format!("/api/v1/networks/{net}/needs")));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn count(app: &TestApp) -> i64 {
    sqlx::query("SELECT COUNT(*) AS n FROM special_needs")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n")
}

backend_test!(
    a_group_is_a_gap_until_an_offer_serves_it,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let (m1, m2) = (s.towns[0].clone(), s.towns[1].clone());
        let counselling = offer(
            &app,
            s.net,
            s.member_org,
            "Beratung für Geduldete",
            &[&m1.0],
        )
        .await;
        // The coordinator records a group living in two municipalities.
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{}/needs", s.net),
                &[
                    ("kind", "duldung"),
                    ("age_from", "18"),
                    ("age_to", "65"),
                    ("estimated_size", "40"),
                    ("municipalities", &m1.0),
                    ("municipalities", &m2.0),
                    ("source", "Ausländerbehörde"),
                    ("estimated_on", "2025-10-01"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, list) = api(
            &app,
            reqwest::Method::GET,
            s.net,
            Some(&s.member_token),
            None,
        )
        .await;
        assert_eq!(list["gaps"], 1, "{list}");
        let need = list["needs"][0].clone();
        assert_eq!(need["gap"], true);
        assert_eq!(need["estimated_size"], 40);
        let id = need["id"].as_i64().unwrap();
        // Members see the gap on the list and on the situation page.
        let html = text_with_status(
            s.member.get(&format!("/networks/{}/needs", s.net)).await,
            StatusCode::OK,
        )
        .await;
        assert!(
            html.contains("Menschen mit Duldung") && html.contains("need-gap"),
            "{html}"
        );
        assert!(
            !html.contains(&format!("/networks/{}/needs/new", s.net)),
            "members do not record"
        );
        let situation = text_with_status(
            s.member
                .get(&format!("/networks/{}/situation", s.net))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(situation.contains("id=\"needs\"") && situation.contains("need-gap"));

        // The form lists the published offers, first those that suit the
        // group (target group or field, and an area covering both
        // municipalities), although by title it would come second.
        let kreisweit = Offer::new(s.net, s.member_org, "Kreisweite Beratung")
            .with(|r| {
                r.target_groups = vec!["refugees".into()];
                r.area.whole_kreis = true;
            })
            .create(&app)
            .await;
        let form = text_with_status(
            s.coordinator
                .get(&format!("/networks/{}/needs/{id}", s.net))
                .await,
            StatusCode::OK,
        )
        .await;
        let first = form
            .find(&format!("id=\"f-o-{kreisweit}\""))
            .expect("the Kreis-wide offer is listed");
        let second = form
            .find(&format!("id=\"f-o-{counselling}\""))
            .expect("the local offer is listed");
        assert!(first < second, "suggested first");
        assert_eq!(form.matches("need-suggested").count(), 1, "{form}");

        // Linked to an offer serving one of the two: no gap, the other uncovered.
        let linked = counselling.to_string();
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{}/needs/{id}", s.net),
                &[
                    ("kind", "duldung"),
                    ("estimated_size", "40"),
                    ("municipalities", &m1.0),
                    ("municipalities", &m2.0),
                    ("offers", &linked),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, list) = api(
            &app,
            reqwest::Method::GET,
            s.net,
            Some(&s.member_token),
            None,
        )
        .await;
        assert_eq!(list["gaps"], 0, "{list}");
        let need = &list["needs"][0];
        assert_eq!(need["gap"], false);
        let uncovered: Vec<&str> = need["uncovered"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["key"].as_str().unwrap())
            .collect();
        assert_eq!(uncovered, [m2.0.as_str()]);
        let html = text_with_status(
            s.member.get(&format!("/networks/{}/needs", s.net)).await,
            StatusCode::OK,
        )
        .await;
        assert!(
            !html.contains("need-gap") && html.contains("need-uncovered") && html.contains(&m2.1),
            "{html}"
        );

        // A second offer for the rest closes the last hole.
        let rest = offer(&app, s.net, s.member_org, "Sprechstunde", &[&m2.0])
            .await
            .to_string();
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{}/needs/{id}", s.net),
                &[
                    ("kind", "duldung"),
                    ("municipalities", &m1.0),
                    ("municipalities", &m2.0),
                    ("offers", &linked),
                    ("offers", &rest),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, list) = api(
            &app,
            reqwest::Method::GET,
            s.net,
            Some(&s.member_token),
            None,
        )
        .await;
        assert_eq!(list["needs"][0]["uncovered"], json!([]), "{list}");

        // An offer taken back from publication no longer serves the group.
        let mut tx = app.db().begin().await.unwrap();
        for offer_id in [counselling, rest.parse().unwrap()] {
            let offer = ikon::offers::store::offer(&mut *tx, ikon::core::ids::OfferId(offer_id))
                .await
                .unwrap()
                .unwrap();
            ikon::offers::service::offers::set_status(
                &mut tx,
                ikon::core::audit::Actor::System("test"),
                &offer,
                Status::Archived,
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        let (_, list) = api(
            &app,
            reqwest::Method::GET,
            s.net,
            Some(&s.member_token),
            None,
        )
        .await;
        assert_eq!(list["needs"][0]["gap"], true, "{list}");

        // Removed, and every change is in the audit log.
        let response = s
            .coordinator
            .post_form(&format!("/networks/{}/needs/{id}/delete", s.net), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(&app).await, 0);
        let audit: Vec<String> = sqlx::query("SELECT action FROM audit_log WHERE entity = 'special_need' AND entity_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(app.db().pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get("action"))
            .collect();
        assert_eq!(audit, ["create", "update", "update", "delete"]);
    }
);

backend_test!(
    bad_input_is_refused_field_by_field_and_changes_nothing,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let m1 = s.towns[0].0.clone();
        let own = offer(&app, s.net, s.member_org, "Eigenes Angebot", &[&m1]).await;
        let other_net = Network::new("Integrationskonferenz München", "09162")
            .create(&app)
            .await;
        let other_org = Organization::new(other_net, "Münchner Verein")
            .create(&app)
            .await;
        let foreign = offer(&app, other_net, other_org, "Fremdes Angebot", &[]).await;
        let good = json!({ "kind": "elderly_migrants", "municipalities": [m1], "offers": [own], "age_from": 60 });
        let (status, created) = api(
            &app,
            reqwest::Method::POST,
            s.net,
            Some(&s.coordinator_token),
            Some(good.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        assert_eq!(created["gap"], false);
        let id = created["id"].as_i64().unwrap();
        let stored = |app: &TestApp| {
            let pool = app.db().pool().clone();
            async move {
                sqlx::query(
                    "SELECT kind, age_from, age_to, estimated_size, updated_at FROM special_needs",
                )
                .fetch_all(&pool)
                .await
                .unwrap()
                .iter()
                .map(|r| {
                    format!(
                        "{} {:?} {:?} {:?} {}",
                        r.get::<String, _>("kind"),
                        r.get::<Option<i64>, _>("age_from"),
                        r.get::<Option<i64>, _>("age_to"),
                        r.get::<Option<i64>, _>("estimated_size"),
                        r.get::<i64, _>("updated_at")
                    )
                })
                .collect::<Vec<_>>()
            }
        };
        let before = stored(&app).await;
        for (field, change) in [
            ("age_to", json!({ "age_from": 70, "age_to": 60 })),
            ("estimated_size", json!({ "estimated_size": -5 })),
            ("municipalities", json!({ "municipalities": ["091620000"] })),
            ("offers", json!({ "offers": [foreign] })),
            ("kind", json!({ "kind": "everyone" })),
            ("other_kind", json!({ "kind": "other" })),
        ] {
            let mut body = good.clone();
            for (k, v) in change.as_object().unwrap() {
                body[k] = v.clone();
            }
            let (status, error) = api(
                &app,
                reqwest::Method::POST,
                s.net,
                Some(&s.coordinator_token),
                Some(body),
            )
            .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {error}");
            assert!(error["fields"][field].is_string(), "{field}: {error}");
        }
        // The same through the form, on the recorded group: the message
        // beside the field, the group as it was.
        let foreign = foreign.to_string();
        for (field, pairs) in [
            ("age_to", vec![("age_from", "70"), ("age_to", "60")]),
            ("estimated_size", vec![("estimated_size", "-1")]),
            ("municipalities", vec![("municipalities", "091620000")]),
            ("offers", vec![("offers", foreign.as_str())]),
        ] {
            let mut form = vec![
                ("kind", "elderly_migrants"),
                ("municipalities", m1.as_str()),
            ];
            form.retain(|(k, _)| !pairs.iter().any(|(p, _)| p == k));
            form.extend(pairs);
            let response = s
                .coordinator
                .post_form(&format!("/networks/{}/needs/{id}", s.net), &form)
                .await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field}"
            );
            let html = response.text().await.unwrap();
            assert!(
                html.contains(&format!("id=\"e-{field}\"")),
                "{field}: {html}"
            );
            assert!(html.contains("error-summary"));
        }
        assert_eq!(stored(&app).await, before);
        assert_eq!(count(&app).await, 1);
    }
);

backend_test!(
    members_read_coordinators_write_and_the_api_checks_access_first,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let outsider_net = Network::new("Integrationskonferenz München", "09162")
            .create(&app)
            .await;
        let outsider = User::new("outsider@muenchen.example", Role::Coordinator)
            .network(outsider_net)
            .create(&app)
            .await;
        let outsider_browser = outsider.browser(&app).await;
        let outsider_token = token(&app, "outsider@muenchen.example").await;
        let bad = json!({ "kind": "nonsense", "estimated_size": -1 });

        // The API: 401 and 403 before the body is looked at.
        let (status, _) = api(&app, reqwest::Method::POST, net, None, Some(bad.clone())).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, _) = api(
            &app,
            reqwest::Method::POST,
            net,
            Some(&outsider_token),
            Some(bad.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = api(
            &app,
            reqwest::Method::POST,
            net,
            Some(&s.member_token),
            Some(bad.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // Not even JSON: still 401 for the anonymous caller.
        let response = reqwest::Client::new()
            .post(app.url(&format!("/api/v1/networks/{net}/needs")))
            .header("content-type", "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let (status, error) = api(
            &app,
            reqwest::Method::POST,
            net,
            Some(&s.coordinator_token),
            Some(bad),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            error["fields"]["kind"].is_string() && error["fields"]["estimated_size"].is_string(),
            "{error}"
        );
        let (status, _) = api(&app, reqwest::Method::GET, net, None, None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, _) = api(&app, reqwest::Method::GET, net, Some(&outsider_token), None).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, list) =
            api(&app, reqwest::Method::GET, net, Some(&s.member_token), None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list["needs"], json!([]));

        // Pages: the member reads, may not write; the outsider and
        // anonymous readers see nothing.
        let (status, created) = api(
            &app,
            reqwest::Method::POST,
            net,
            Some(&s.coordinator_token),
            Some(json!({ "kind": "disabilities", "whole_kreis": true })),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let id = created["id"].as_i64().unwrap();
        let page = format!("/networks/{net}/needs/{id}");
        let html = text_with_status(s.member.get(&page).await, StatusCode::OK).await;
        assert!(
            html.contains("Menschen mit Behinderung")
                && !html.contains("name=\"kind\"")
                && !html.contains("/delete"),
            "{html}"
        );
        assert_eq!(
            s.member
                .get(&format!("/networks/{net}/needs/new"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let response = s
            .member
            .post_form(&page, &[("kind", "duldung"), ("whole_kreis", "1")])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = s.member.post_form(&format!("{page}/delete"), &[]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            outsider_browser
                .get(&format!("/networks/{net}/needs"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            outsider_browser.get(&page).await.status(),
            StatusCode::FORBIDDEN
        );
        let anonymous = app.new_browser();
        let response = anonymous.get(&format!("/networks/{net}/needs")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login")
        );
        // Another network's group is not found under this network.
        let (_, other) = {
            let token = token(&app, "outsider@muenchen.example").await;
            api(
                &app,
                reqwest::Method::POST,
                outsider_net,
                Some(&token),
                Some(json!({ "kind": "duldung", "whole_kreis": true })),
            )
            .await
        };
        let other_id = other["id"].as_i64().unwrap();
        assert_eq!(
            s.coordinator
                .get(&format!("/networks/{net}/needs/{other_id}"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );

        // CSRF: the coordinator's form without its token is refused.
        let response = s
            .coordinator
            .client
            .post(app.url(&format!("/networks/{net}/needs")))
            .form(&[("kind", "duldung"), ("whole_kreis", "1")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(count(&app).await, 2);
    }
);
