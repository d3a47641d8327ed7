//! OParl 1.1: a crawler follows every URL from the System entry point and
//! validates every object against the official schema
//! (tests/fixtures/oparl/schema, checked by tests/support/check_oparl.py);
//! nothing internal or non-public may appear anywhere. Plus pagination,
//! the date filters, bad parameters and tombstones.

mod crawl;
mod lists;
mod papers;
mod tombstones;

use std::collections::{BTreeSet, HashMap, VecDeque};

use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Row;

use crate::backend_test;
use crate::common::{TestApp, fixtures::Person};

/// Marks every internal or non-public text of the fixture.
const SECRET: &str = "GEHEIM";

/// 2026-03-10 10:00 UTC.
const MARCH_2026: i64 = 1_773_136_800;
/// 2020-01-01 00:00 UTC: the "old" change time the filters look for.
const OLD: i64 = 1_577_836_800;

struct Fixture {
    network_id: i64,
    organization_id: i64,
    public_person: i64,
    private_person: i64,
    held: i64,
    invited: i64,
    internal: i64,
    public_item: i64,
    internal_item: i64,
    item_of_internal_meeting: i64,
    public_file: i64,
    removed_file: i64,
    welcome: i64,
    coordinator: (String, String),
}

async fn insert(app: &TestApp, sql: &str, binds: &[Value]) -> i64 {
    let mut query = sqlx::query(sql);
    for b in binds {
        query = match b {
            Value::Number(n) => query.bind(n.as_i64().unwrap()),
            Value::String(s) => query.bind(s.clone()),
            Value::Null => query.bind(None::<i64>),
            other => panic!("unsupported bind {other}"),
        };
    }
    query
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get::<i64, _>("id")
}

async fn meeting(app: &TestApp, network: i64, title: &str, state: &str, public: i64) -> i64 {
    let minutes = if state == "held" { "approved" } else { "" };
    let approved = if state == "held" {
        json!(MARCH_2026 + 86_400)
    } else {
        Value::Null
    };
    insert(
        app,
        "INSERT INTO meetings (network_id, title, starts_at, ends_at, location, online_url, state, is_public,
            ics_uid, ics_sequence, created_at, updated_at, minutes_state, minutes_approved_at)
         VALUES ($1, $2, $3, $4, $5, '', $6, $7, $8, 0, $9, $9, $10, $11) RETURNING id",
        &[
            json!(network),
            json!(title),
            json!(MARCH_2026),
            json!(MARCH_2026 + 3 * 3600),
            json!(format!("Landratsamt, Saal 1 ({title})")),
            json!(state),
            json!(public),
            json!(format!("{title}@oparl-test")),
            json!(ikon::core::store::now()),
            json!(minutes),
            approved,
        ],
    )
    .await
}

async fn item(app: &TestApp, meeting: i64, position: i64, title: &str, public: i64) -> i64 {
    insert(
        app,
        "INSERT INTO agenda_items (meeting_id, position, title, description, duration_minutes, is_public, created_at, updated_at)
         VALUES ($1, $2, $3, '', 15, $4, $5, $5) RETURNING id",
        &[
            json!(meeting),
            json!(position),
            json!(title),
            json!(public),
            json!(ikon::core::store::now()),
        ],
    )
    .await
}

async fn decision(app: &TestApp, item: i64, text: &str) {
    insert(
        app,
        "INSERT INTO decisions (agenda_item_id, position, text, votes_yes, votes_no, votes_abstain, created_at, updated_at)
         VALUES ($1, 1, $2, 12, 1, 0, $3, $3) RETURNING id",
        &[json!(item), json!(text), json!(ikon::core::store::now())],
    )
    .await;
}

async fn attachment(app: &TestApp, network: i64, item: i64, name: &str, public: i64) -> i64 {
    insert(
        app,
        "INSERT INTO attachments (network_id, agenda_item_id, file_name, mime_type, size_bytes, sha256, sha512, is_public, created_at)
         VALUES ($1, $2, $3, 'application/pdf', 1234, $4, $5, $6, $7) RETURNING id",
        &[
            json!(network),
            json!(item),
            json!(name),
            json!("a".repeat(64)),
            json!("b".repeat(128)),
            json!(public),
            json!(ikon::core::store::now()),
        ],
    )
    .await
}

async fn person(app: &TestApp, organization: i64, name: &str, email: &str, public: i64) -> i64 {
    Person::new(organization, name)
        .function("Beratung")
        .email(email)
        .public(public == 1)
        .create(app)
        .await
}

/// The demo network with public and internal meetings and items, a public
/// and a non-public person, files and decisions.
async fn fixture(app: &TestApp) -> Fixture {
    let logins = app.demo().await;
    let n = logins.network_id;
    let org = logins.member_organization_id;
    let public_person = person(app, org, "Petra Offen", "petra@example.org", 1).await;
    let private_person = person(app, org, "GEHEIM Privat", "geheim@example.org", 0).await;
    let held = meeting(app, n, "Frühjahrskonferenz", "held", 1).await;
    let invited = meeting(app, n, "Herbstkonferenz", "invited", 1).await;
    let internal = meeting(app, n, "GEHEIM-Sitzung", "invited", 0).await;
    let public_item = item(app, held, 1, "Sprachkurse", 1).await;
    let internal_item = item(app, held, 2, "GEHEIM-Personalfragen", 0).await;
    let item_of_internal_meeting = item(app, internal, 1, "GEHEIM-Tagesordnung", 1).await;
    let welcome = item(app, invited, 1, "Begrüßung", 1).await;
    decision(
        app,
        public_item,
        "Die Konferenz empfiehlt mehr Sprachkurse.",
    )
    .await;
    decision(app, internal_item, "GEHEIM-Beschluss").await;
    decision(app, item_of_internal_meeting, "GEHEIM-Beschluss 2").await;
    // The minutes of this meeting are not approved: a draft decision.
    decision(app, welcome, "GEHEIM-Entwurf").await;
    let public_file = attachment(app, n, public_item, "konzept.pdf", 1).await;
    attachment(app, n, public_item, "GEHEIM-intern.pdf", 0).await;
    attachment(app, n, internal_item, "GEHEIM-item.pdf", 1).await;
    attachment(app, n, item_of_internal_meeting, "GEHEIM-other.pdf", 1).await;
    let removed_file = attachment(app, n, public_item, "GEHEIM-removed.pdf", 1).await;
    sqlx::query("UPDATE attachments SET deleted_at = created_at + 60 WHERE id = $1")
        .bind(removed_file)
        .execute(app.db().pool())
        .await
        .unwrap();
    Fixture {
        network_id: n,
        organization_id: org,
        public_person,
        private_person,
        held,
        invited,
        internal,
        public_item,
        internal_item,
        item_of_internal_meeting,
        public_file,
        removed_file,
        welcome,
        coordinator: (logins.coordinator.email, logins.coordinator.password),
    }
}

/// GETs an OParl URL anonymously: JSON, UTF-8, CORS open.
async fn fetch(app: &TestApp, url: &str) -> (StatusCode, Value) {
    let response = app.new_browser().client.get(url).send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    assert_eq!(
        headers["content-type"], "application/json; charset=utf-8",
        "{url}"
    );
    assert_eq!(headers["access-control-allow-origin"], "*", "{url}");
    (status, response.json().await.unwrap())
}

async fn get_ok(app: &TestApp, url: &str) -> Value {
    let (status, body) = fetch(app, url).await;
    assert_eq!(status, StatusCode::OK, "{url}: {body}");
    body
}

/// Every string in the JSON that points into the OParl interface.
fn oparl_urls(value: &Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.starts_with(prefix) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| oparl_urls(v, prefix, out)),
        Value::Object(map) => map.values().for_each(|v| oparl_urls(v, prefix, out)),
        _ => {}
    }
}

/// Follows every URL from the System; returns every served object (list
/// entries included) and every answer body.
async fn crawl(app: &TestApp) -> (Vec<Value>, HashMap<String, Value>) {
    let prefix = app.url("/oparl/v1");
    let mut queue = VecDeque::from([app.url("/oparl/v1/system")]);
    let mut seen = BTreeSet::new();
    let mut objects = Vec::new();
    let mut answers = HashMap::new();
    while let Some(url) = queue.pop_front() {
        if !seen.insert(url.clone()) {
            continue;
        }
        let body = get_ok(app, &url).await;
        if let Some(data) = body.get("data").and_then(Value::as_array) {
            objects.extend(data.iter().cloned());
            assert!(body["pagination"]["totalElements"].is_u64(), "{url}");
        } else {
            assert_eq!(body["id"], json!(url), "an object's id is its URL");
            objects.push(body.clone());
        }
        let mut found = Vec::new();
        oparl_urls(&body, &prefix, &mut found);
        queue.extend(found.into_iter().filter(|u| !seen.contains(u)));
        answers.insert(url, body);
    }
    (objects, answers)
}

/// Validates objects with the official schema; returns the problems.
fn schema_problems(objects: &[Value]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("objects.json");
    std::fs::write(&file, serde_json::to_vec(objects).unwrap()).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let output = std::process::Command::new("python3")
        .arg(format!("{root}/tests/support/check_oparl.py"))
        .arg(format!("{root}/tests/fixtures/oparl/schema"))
        .arg(&file)
        .output()
        .expect("python3 runs (pip install -r tests/support/requirements.txt)");
    assert!(
        output.status.success(),
        "check_oparl.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn find<'a>(objects: &'a [Value], id: &str) -> &'a Value {
    objects
        .iter()
        .find(|o| o["id"] == json!(id))
        .unwrap_or_else(|| panic!("{id} not served"))
}
