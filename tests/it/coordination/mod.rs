//! Coordination: the responsibility matrix (gaps, overlaps and unconfirmed
//! cells against hand-made cases, agreements with their checks, the CSV
//! file), joint projects (proposal, progress, roll-up, public page, CSV
//! round trip) and the pages' accessibility.

mod accessibility;
mod agenda;
mod agreements;
mod concern_cycle;
mod concern_letters;
mod concern_overview;
pub(crate) mod concerns;
mod demo;
mod exports;
mod matrix;
mod panel;
mod project_links;
pub(crate) mod projects;
mod projects_csv;
mod reminders;

use ikon::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Row;

use crate::common::{
    Backend, Browser, TestApp,
    fixtures::{Network, Organization, User},
};

/// A network of its own (Landkreis Erlangen-Höchstadt) with four member
/// organisations, its coordinator signed in and an API token for them.
pub struct Kreis {
    pub network_id: i64,
    /// A, B, C, D.
    pub orgs: [i64; 4],
    /// The first municipalities of the Kreis, by key.
    pub municipalities: Vec<String>,
    pub coordinator: Browser,
    pub token: String,
}

pub const KREIS: &str = "09572";

pub async fn kreis(app: &TestApp) -> Kreis {
    let network_id = Network::new("Integrationskonferenz Erlangen-Höchstadt", KREIS)
        .create(app)
        .await;
    let mut orgs = [0; 4];
    for (i, name) in ["Caritas", "Diakonie", "VHS", "Jobcenter"]
        .iter()
        .enumerate()
    {
        orgs[i] = Organization::new(network_id, name).create(app).await;
    }
    let user = User::new("koordination@erh.example", Role::Coordinator)
        .name("Kora Ordner")
        .network(network_id)
        .create(app)
        .await;
    let coordinator = user.browser(app).await;
    let municipalities = sqlx::query(
        "SELECT key FROM regions WHERE level = 'municipality' AND SUBSTR(key, 1, 5) = $1 ORDER BY key",
    )
    .bind(KREIS)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| r.get("key"))
    .collect();
    let token = token(app, "koordination@erh.example").await;
    Kreis {
        network_id,
        orgs,
        municipalities,
        coordinator,
        token,
    }
}

pub async fn token(app: &TestApp, email: &str) -> String {
    let db = app.db();
    let (user, _) = ikon::accounts::store::user_by_email(db, email)
        .await
        .unwrap()
        .unwrap();
    ikon::accounts::sessions::create_api_token(db, user.id, "test")
        .await
        .unwrap()
}

/// `POST /api/v1/networks/{id}/responsibilities` with a bearer token.
pub async fn post_agreement(
    app: &TestApp,
    network_id: i64,
    token: &str,
    body: Value,
) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/networks/{network_id}/responsibilities")))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

/// An agreement body for one cell (`municipality` empty: the Kreis).
pub fn agreement(municipality: &str, field: &str, group: &str, parties: &[(i64, &str)]) -> Value {
    json!({
        "municipality_key": municipality,
        "field": field,
        "target_group": group,
        "valid_from": "2025-01-01",
        "parties": parties.iter().map(|(o, r)| json!({ "organization_id": o, "role": r })).collect::<Vec<_>>(),
    })
}

/// Records an agreement that must be accepted; returns its id.
pub async fn agree(app: &TestApp, k: &Kreis, body: Value) -> i64 {
    let (status, created) = post_agreement(app, k.network_id, &k.token, body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created["id"].as_i64().unwrap()
}

/// The matrix as the API answers it.
pub async fn matrix(app: &TestApp, network_id: i64, token: &str, query: &str) -> Value {
    let response = reqwest::Client::new()
        .get(app.url(&format!(
            "/api/v1/networks/{network_id}/responsibilities{query}"
        )))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The cells of a list as `(municipality key or "", field, group)`.
pub fn cells(list: &Value) -> Vec<(String, String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["municipality_key"].as_str().unwrap_or("").to_string(),
                c["field"].as_str().unwrap().to_string(),
                c["target_group"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

pub fn cell(m: &str, f: &str, g: &str) -> (String, String, String) {
    (m.to_string(), f.to_string(), g.to_string())
}
