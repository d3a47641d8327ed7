//! OParl 1.1: a crawler follows every URL from the System entry point and
//! validates every object against the official schema
//! (tests/fixtures/oparl/schema, checked by tests/support/check_oparl.py);
//! nothing internal or non-public may appear anywhere. Plus pagination,
//! the date filters, bad parameters and tombstones.

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

backend_test!(lists_page_with_next_links, |app: TestApp| async move {
    let f = fixture(&app).await;
    let first = app.url(&format!(
        "/oparl/v1/body/{}/organizations?limit=2",
        f.network_id
    ));
    let mut next = Some(first);
    let mut ids = Vec::new();
    let mut total = 0;
    while let Some(url) = next {
        let page = get_ok(&app, &url).await;
        assert_eq!(page["pagination"]["elementsPerPage"], 2);
        total = page["pagination"]["totalElements"].as_u64().unwrap();
        let data = page["data"].as_array().unwrap();
        assert!(data.len() <= 2);
        ids.extend(data.iter().map(|o| o["id"].as_str().unwrap().to_string()));
        next = page["links"]["next"].as_str().map(str::to_string);
    }
    let members: i64 = sqlx::query("SELECT COUNT(*) AS n FROM memberships WHERE network_id = $1")
        .bind(f.network_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n");
    assert_eq!(total as i64, members + 1, "members plus the conference");
    assert_eq!(ids.len() as u64, total);
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "no object twice");

    // The page size is capped; omit_internal drops embedded objects.
    let url = app.url(&format!(
        "/oparl/v1/body/{}/meetings?limit=5000&omit_internal=true",
        f.network_id
    ));
    let page = get_ok(&app, &url).await;
    assert_eq!(page["pagination"]["elementsPerPage"], 100);
    let meeting = &page["data"][0];
    assert!(meeting["id"].is_string());
    assert!(meeting.get("agendaItem").is_none() && meeting.get("location").is_none());
});

backend_test!(date_filters_and_bad_values, |app: TestApp| async move {
    let f = fixture(&app).await;
    for table in ["meetings", "agenda_items", "decisions"] {
        let sql = match table {
            "meetings" => "UPDATE meetings SET created_at = $1, updated_at = $1 WHERE id = $2",
            "agenda_items" => {
                "UPDATE agenda_items SET created_at = $1, updated_at = $1 WHERE meeting_id = $2"
            }
            _ => {
                "UPDATE decisions SET updated_at = $1 WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = $2)"
            }
        };
        sqlx::query(sql)
            .bind(OLD)
            .bind(f.invited)
            .execute(app.db().pool())
            .await
            .unwrap();
    }
    let list = |query: &str| app.url(&format!("/oparl/v1/body/{}/meetings?{query}", f.network_id));
    let ids = |page: &Value| -> Vec<String> {
        page["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    };
    let invited = app.url(&format!("/oparl/v1/meeting/{}", f.invited));
    let held = app.url(&format!("/oparl/v1/meeting/{}", f.held));

    let old = get_ok(&app, &list("modified_until=2021-01-01T00:00:00%2B01:00")).await;
    assert_eq!(ids(&old), vec![invited.clone()]);
    let new = get_ok(&app, &list("modified_since=2021-01-01T00:00:00Z")).await;
    assert!(ids(&new).contains(&held) && !ids(&new).contains(&invited));
    let created = get_ok(
        &app,
        &list("created_since=2019-12-31T23:00:00Z&created_until=2020-01-01T01:00:00Z"),
    )
    .await;
    assert_eq!(ids(&created), vec![invited.clone()]);
    // The next link keeps the filter.
    let paged = get_ok(&app, &list("modified_since=2021-01-01T00:00:00Z&limit=1")).await;
    assert!(
        paged["links"]["first"]
            .as_str()
            .unwrap()
            .contains("modified_since=2021-01-01T00%3A00%3A00Z")
    );

    for bad in [
        "created_since=2026-01-01",
        "modified_until=yesterday",
        "modified_since=2026-01-01T00:00:00",
        "limit=abc",
        "limit=0",
    ] {
        let (status, body) = fetch(&app, &list(bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body["code"], "invalid_parameter", "{bad}");
        let name = bad.split('=').next().unwrap();
        assert!(body["message"].as_str().unwrap().contains(name), "{body}");
    }
});

backend_test!(
    deleted_public_objects_stay_as_tombstones,
    |app: TestApp| async move {
        let f = fixture(&app).await;
        let browser = app.new_browser();
        browser.login(&f.coordinator.0, &f.coordinator.1).await;

        // A public agenda item is deleted: it and its public file remain as
        // tombstones; deleting an internal item leaves nothing behind.
        for item in [f.public_item, f.internal_item] {
            let response = browser
                .post_form(
                    &format!(
                        "/networks/{}/meetings/{}/agenda/{item}/delete",
                        f.network_id, f.held
                    ),
                    &[],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let item_url = app.url(&format!("/oparl/v1/agenda-item/{}", f.public_item));
        let item = get_ok(&app, &item_url).await;
        assert_eq!(item["deleted"], true);
        assert_eq!(item["type"], "https://schema.oparl.org/1.1/AgendaItem");
        let file = get_ok(&app, &app.url(&format!("/oparl/v1/file/{}", f.public_file))).await;
        assert_eq!(file["deleted"], true);
        let (status, _) = fetch(
            &app,
            &app.url(&format!("/oparl/v1/agenda-item/{}", f.internal_item)),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let items = get_ok(
            &app,
            &app.url(&format!("/oparl/v1/body/{}/agenda-items", f.network_id)),
        )
        .await;
        let listed = items["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == json!(item_url))
            .expect("the tombstone is listed");
        assert_eq!(listed["deleted"], true);

        // An item made internal is gone for OParl clients, too.
        let response = browser
            .post_form(
                &format!(
                    "/networks/{}/meetings/{}/agenda/{}",
                    f.network_id, f.invited, f.welcome
                ),
                &[("title", "Begrüßung"), ("duration_minutes", "15")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let hidden = get_ok(
            &app,
            &app.url(&format!("/oparl/v1/agenda-item/{}", f.welcome)),
        )
        .await;
        assert_eq!(hidden["deleted"], true);
        assert!(hidden.get("name").is_none());
        let invited = get_ok(&app, &app.url(&format!("/oparl/v1/meeting/{}", f.invited))).await;
        assert_eq!(invited["agendaItem"], json!([]));

        // The public person withdraws consent (the box is left unticked).
        let person_url = app.url(&format!(
            "/oparl/v1/body/{}/person/{}",
            f.network_id, f.public_person
        ));
        let response = browser
            .post_form(
                &format!("/people/{}", f.public_person),
                &[
                    ("name", "Petra Offen"),
                    ("function", "Beratung"),
                    ("email", "petra@example.org"),
                    ("phone", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let gone = get_ok(&app, &person_url).await;
        assert_eq!(gone["deleted"], true);
        assert!(
            gone.get("name").is_none(),
            "a tombstone keeps no personal data"
        );
        // …and gives it again through the form.
        let response = browser
            .post_form(
                &format!("/people/{}", f.public_person),
                &[
                    ("name", "Petra Offen"),
                    ("function", "Beratung"),
                    ("email", "petra@example.org"),
                    ("phone", ""),
                    ("is_public", "yes"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(get_ok(&app, &person_url).await["name"], "Petra Offen");

        // Another organisation, with a public contact, leaves the network.
        let leaving: i64 = sqlx::query(
        "SELECT organization_id FROM memberships WHERE network_id = $1 AND organization_id <> $2
         ORDER BY organization_id LIMIT 1",
    )
    .bind(f.network_id)
    .bind(f.organization_id)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get("organization_id");
        let contact = person(&app, leaving, "Olaf Offen", "olaf@example.org", 1).await;
        let person_url = app.url(&format!("/oparl/v1/body/{}/person/{contact}", f.network_id));
        assert_eq!(get_ok(&app, &person_url).await["name"], "Olaf Offen");
        let response = browser
            .post_form(
                &format!("/networks/{}/memberships/{leaving}/delete", f.network_id),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let organizations = get_ok(
            &app,
            &app.url(&format!("/oparl/v1/body/{}/organizations", f.network_id)),
        )
        .await;
        let org_url = app.url(&format!(
            "/oparl/v1/body/{}/organization/{leaving}",
            f.network_id
        ));
        let org = organizations["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == json!(org_url))
            .expect("the organisation's tombstone");
        assert_eq!(org["deleted"], true);
        assert_eq!(get_ok(&app, &person_url).await["deleted"], true);

        // Tombstones are valid OParl objects too.
        let (objects, _) = crawl(&app).await;
        let problems = schema_problems(&objects);
        assert!(problems.is_empty(), "schema violations: {problems:#?}");
    }
);
