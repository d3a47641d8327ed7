//! Offer search: relevance (typos, compounds, abbreviations, translations),
//! filters and facets, bad and hostile input, the change log that keeps
//! every server process's index current, and the search page.

use std::time::{Duration, Instant};

use ikon::{
    core::{
        audit::Actor,
        config::Config,
        ids::{NetworkId, OfferId, OrganizationId},
    },
    offers::{
        model::{OfferRecord, Status, Translation, source_hash},
        service::{offers as service, translations},
        store,
    },
};
use reqwest::StatusCode;
use serde_json::Value;

use crate::backend_test;
use crate::common::TestApp;

struct Fixture {
    title: &'static str,
    summary: &'static str,
    field: &'static str,
    offer_type: &'static str,
    groups: &'static [&'static str],
    languages: &'static [&'static str],
    cost: &'static str,
    /// (postal code, lat, lon)
    place: (&'static str, f64, f64),
    hours: &'static str,
    /// (lang, title, summary)
    translations: &'static [(&'static str, &'static str, &'static str)],
}

const NEUSTADT: (&str, f64, f64) = ("91413", 49.58, 10.61);
const BAD_WINDSHEIM: (&str, f64, f64) = ("91438", 49.50, 10.41);
const HAMBURG: (&str, f64, f64) = ("20095", 53.55, 10.00);

const FIXTURES: &[Fixture] = &[
    Fixture {
        title: "Migrationsberatung für erwachsene Zuwanderer",
        summary: "Beratung zu Aufenthalt, Arbeit, Wohnung und Sprachkursen.",
        field: "counselling",
        offer_type: "mbe",
        groups: &["refugees", "eu_citizens"],
        languages: &["de", "ar", "tr"],
        cost: "free",
        place: NEUSTADT,
        hours: "Mo-Su 00:00-24:00",
        translations: &[
            (
                "ar",
                "استشارة الهجرة للبالغين",
                "استشارة حول الإقامة والعمل والسكن",
            ),
            (
                "en",
                "Migration counselling for adults",
                "Advice on residence, work and housing.",
            ),
        ],
    },
    Fixture {
        title: "Deutschkurs am Abend",
        summary: "Deutsch lernen in kleinen Gruppen, nach der Arbeit.",
        field: "language",
        offer_type: "language_course",
        groups: &["women", "families"],
        languages: &["de", "tr"],
        cost: "reduced",
        place: BAD_WINDSHEIM,
        hours: "Mo,We 18:00-20:00",
        translations: &[(
            "tr",
            "Akşam Almanca kursu",
            "Küçük gruplarda Almanca öğrenin.",
        )],
    },
    Fixture {
        title: "Kindertagesstätte Sonnenschein",
        summary: "Betreuung für Kinder von einem bis sechs Jahren, mehrsprachig.",
        field: "kindergarten",
        offer_type: "childcare",
        groups: &["families"],
        languages: &["de", "ru"],
        cost: "paid",
        place: NEUSTADT,
        hours: "Mo-Fr 07:00-16:00",
        translations: &[],
    },
    Fixture {
        title: "Jugendmigrationsdienst Neustadt",
        summary: "Begleitung junger Menschen bis 27 Jahre in Schule und Ausbildung.",
        field: "counselling",
        offer_type: "jmd",
        groups: &["young_people"],
        languages: &["de", "en", "uk"],
        cost: "free",
        place: NEUSTADT,
        hours: "",
        translations: &[],
    },
    Fixture {
        title: "Sprachkurs für Frauen mit Kinderbetreuung",
        summary: "Während des Kurses werden die Kinder betreut.",
        field: "language",
        offer_type: "women",
        groups: &["women"],
        languages: &["de", "en"],
        cost: "free",
        place: BAD_WINDSHEIM,
        hours: "Tu 09:00-11:30",
        translations: &[(
            "en",
            "Language course for women with childcare",
            "Children are looked after during the course.",
        )],
    },
    Fixture {
        title: "VHS Integrationskurs",
        summary: "Integrationskurs mit Orientierungskurs und Abschlussprüfung.",
        field: "language",
        offer_type: "integration_course",
        groups: &["refugees"],
        languages: &["de"],
        cost: "reduced",
        place: HAMBURG,
        hours: "Mo-Fr 08:30-12:00",
        translations: &[],
    },
    Fixture {
        title: "Hausaufgabenhilfe für Grundschulkinder",
        summary: "Ehrenamtliche helfen bei den Hausaufgaben.",
        field: "school",
        offer_type: "school_support",
        groups: &["families"],
        languages: &["de"],
        cost: "free",
        place: NEUSTADT,
        hours: "Mo-Th 14:00-16:00",
        translations: &[],
    },
    Fixture {
        title: "Schuldnerberatung der Diakonie",
        summary: "Hilfe bei Schulden und Haushaltsplanung.",
        field: "counselling",
        offer_type: "other",
        groups: &[],
        languages: &["de"],
        cost: "free",
        place: NEUSTADT,
        hours: "",
        translations: &[],
    },
    Fixture {
        title: "Fahrradwerkstatt im Quartier",
        summary: "Gemeinsam Räder reparieren und Radfahren üben.",
        field: "leisure",
        offer_type: "leisure",
        groups: &[],
        languages: &["de", "fa"],
        cost: "free",
        place: NEUSTADT,
        hours: "Sa 10:00-13:00",
        translations: &[],
    },
    Fixture {
        title: "Seniorentreff international",
        summary: "Kaffee, Gespräche und Ausflüge für ältere Menschen.",
        field: "seniors",
        offer_type: "seniors",
        groups: &["seniors"],
        languages: &["de", "ru"],
        cost: "free",
        place: BAD_WINDSHEIM,
        hours: "We 14:00-17:00",
        translations: &[],
    },
];

fn record(f: &Fixture) -> OfferRecord {
    OfferRecord {
        title: f.title.into(),
        summary: f.summary.into(),
        description: format!("{} Bitte melden Sie sich an.", f.summary),
        field: f.field.into(),
        offer_type: f.offer_type.into(),
        target_groups: f.groups.iter().map(|s| s.to_string()).collect(),
        languages: f.languages.iter().map(|s| s.to_string()).collect(),
        cost: f.cost.into(),
        street: "Hauptstraße 1".into(),
        postal_code: f.place.0.into(),
        lat: Some(f.place.1),
        lon: Some(f.place.2),
        opening_hours: f.hours.into(),
        ..OfferRecord::default()
    }
}

/// Creates the fixture offers, published, through the store; returns
/// their ids in fixture order.
async fn fixtures(app: &TestApp) -> Vec<i64> {
    let logins = app.demo().await;
    let mut ids = Vec::new();
    for f in FIXTURES {
        ids.push(add(app, &logins, f).await);
    }
    ids
}

async fn add(app: &TestApp, logins: &ikon::demo::DemoLogins, f: &Fixture) -> i64 {
    let actor = Actor::System("test");
    let mut tx = app.db().begin().await.unwrap();
    let r = record(f);
    let id = service::create(
        &mut tx,
        Actor::System("test"),
        NetworkId(logins.network_id),
        OrganizationId(logins.member_organization_id),
        &r,
    )
    .await
    .unwrap();
    let offer = store::offer(&mut *tx, id).await.unwrap().unwrap();
    for (lang, title, summary) in f.translations {
        let t = Translation {
            lang: lang.to_string(),
            title: title.to_string(),
            summary: summary.to_string(),
            description: summary.to_string(),
            source_hash: source_hash(&r),
        };
        translations::save(&mut tx, Actor::System("test"), &offer, &t)
            .await
            .unwrap();
    }
    service::set_status(&mut tx, actor, &offer, Status::Published)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id.get()
}

async fn search(app: &TestApp, query: &[(&str, &str)]) -> (StatusCode, Value) {
    let response = app
        .client
        .get(app.url("/api/v1/offers"))
        .query(query)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

fn titles(body: &Value) -> Vec<String> {
    body["offers"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|o| o["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn ids(body: &Value) -> Vec<i64> {
    body["offers"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect()
}

/// query → the fixture (by index) that must be among the first three.
const RELEVANCE: &[(&str, usize)] = &[
    ("Migrationsberatng", 0),
    ("migrationsberatung", 0),
    ("MBE", 0),
    ("Beratung Aufenthalt", 0),
    ("Kurs", 1),
    ("Deutschkurz", 1),
    ("deutsch abend", 1),
    ("Kita", 2),
    ("Kindergarten", 2),
    ("JMD", 3),
    ("Jugendmigrationsdienst", 3),
    ("language course women", 4),
    ("childcare", 4),
    ("Volkshochschule", 5),
    ("Integrationskurs", 5),
    ("Hausaufgaben", 6),
    ("Hausaufgabenhilfe", 6),
    ("استشارة الهجرة", 0),
    ("Almanca kursu", 1),
    ("counselling adults", 0),
    ("Radfahren", 8),
    ("Senioren", 9),
];

backend_test!(relevance, |app: TestApp| async move {
    let ids_by_fixture = fixtures(&app).await;
    let mut failures = Vec::new();
    for (query, wanted) in RELEVANCE {
        let (status, body) = search(&app, &[("q", query), ("per_page", "3")]).await;
        assert_eq!(status, StatusCode::OK, "{query}: {body}");
        if !ids(&body).contains(&ids_by_fixture[*wanted]) {
            failures.push(format!(
                "{query:?} → {:?}, wanted {:?}",
                titles(&body),
                FIXTURES[*wanted].title
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "not in the top 3:\n{}",
        failures.join("\n")
    );

    // Words that appear nowhere find nothing.
    let (_, body) = search(&app, &[("q", "Quantenchromodynamik")]).await;
    assert_eq!(body["total"], 0, "{body}");

    // The answer in a requested language uses the translation.
    let (_, body) = search(&app, &[("q", "MBE"), ("lang", "ar"), ("per_page", "1")]).await;
    assert_eq!(body["offers"][0]["title"], "استشارة الهجرة للبالغين");
    assert_eq!(body["offers"][0]["content_lang"], "ar");
});

backend_test!(filters_and_facets, |app: TestApp| async move {
    let ids_by_fixture = fixtures(&app).await;
    let (status, all) = search(&app, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let total = all["total"].as_i64().unwrap();
    assert!(total >= FIXTURES.len() as i64, "{all}");
    assert_eq!(all["licence"], "dl-de/by-2-0");

    let (_, body) = search(&app, &[("field", "language")]).await;
    assert_eq!(body["total"], 3, "{body}");
    assert_eq!(all["facets"]["field"]["language"], 3, "{all}");
    assert_eq!(body["facets"]["type"]["language_course"], 1);
    assert_eq!(body["facets"]["type"]["integration_course"], 1);

    // Lists: several values of one filter are alternatives; filters combine.
    let (_, body) = search(&app, &[("field", "language,kindergarten")]).await;
    assert_eq!(body["total"], 4, "{body}");
    let (_, body) = search(&app, &[("field", "language"), ("free", "1")]).await;
    assert_eq!(titles(&body), ["Sprachkurs für Frauen mit Kinderbetreuung"]);
    let (_, body) = search(&app, &[("target_group", "young_people")]).await;
    assert_eq!(ids(&body), [ids_by_fixture[3]]);
    let (_, body) = search(&app, &[("language", "ru")]).await;
    assert_eq!(body["total"], 2, "{body}");
    assert_eq!(body["facets"]["language"]["ru"], 2);
    assert_eq!(body["facets"]["language"]["de"], 2);

    // Postal code: within 25 km of its centre, nearest first; Hamburg is out.
    let (_, body) = search(&app, &[("postal_code", "91413"), ("per_page", "200")]).await;
    let found = ids(&body);
    assert!(!found.contains(&ids_by_fixture[5]), "{body}");
    assert!(found.contains(&ids_by_fixture[1]));
    let distances: Vec<f64> = body["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["distance_km"].as_f64().unwrap())
        .collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    let (_, body) = search(&app, &[("near", "53.55,10.0"), ("radius_km", "5")]).await;
    assert_eq!(ids(&body), [ids_by_fixture[5]]);

    // Open now: the offer open around the clock is, the one without hours
    // is not.
    let (_, body) = search(&app, &[("open_now", "1"), ("per_page", "200")]).await;
    let open = ids(&body);
    assert!(open.contains(&ids_by_fixture[0]), "{body}");
    assert!(!open.contains(&ids_by_fixture[3]));

    // Region: the Kreis of Neustadt a.d.Aisch-Bad Windsheim (09575).
    let (_, body) = search(&app, &[("region", "09575"), ("per_page", "200")]).await;
    assert!(!ids(&body).contains(&ids_by_fixture[5]), "{body}");

    // Pages.
    let (_, first) = search(&app, &[("per_page", "4")]).await;
    let (_, second) = search(&app, &[("per_page", "4"), ("page", "2")]).await;
    assert_eq!(ids(&first).len(), 4);
    assert!(ids(&first).iter().all(|id| !ids(&second).contains(id)));
    assert_eq!(first["total"], second["total"]);
});

backend_test!(bad_and_hostile_input, |app: TestApp| async move {
    fixtures(&app).await;
    type Case<'a> = (&'a [(&'a str, &'a str)], StatusCode, &'a str);
    let cases: &[Case] = &[
        (
            &[("field", "cooking")],
            StatusCode::BAD_REQUEST,
            "counselling",
        ),
        (
            &[("type", "x")],
            StatusCode::BAD_REQUEST,
            "integration_course",
        ),
        (
            &[("target_group", "aliens")],
            StatusCode::BAD_REQUEST,
            "refugees",
        ),
        (&[("language", "xx")], StatusCode::BAD_REQUEST, "ckb"),
        (&[("lang", "klingon")], StatusCode::BAD_REQUEST, "ar"),
        (
            &[("postal_code", "123")],
            StatusCode::BAD_REQUEST,
            "invalid_postal_code",
        ),
        (
            &[("postal_code", "9141a")],
            StatusCode::BAD_REQUEST,
            "invalid_postal_code",
        ),
        (&[("postal_code", "20000")], StatusCode::NOT_FOUND, "20095"),
        (
            &[("region", "99999999")],
            StatusCode::NOT_FOUND,
            "unknown_region",
        ),
        (
            &[("near", "north")],
            StatusCode::BAD_REQUEST,
            "invalid_near",
        ),
        (
            &[("radius_km", "-1")],
            StatusCode::BAD_REQUEST,
            "invalid_radius",
        ),
        (
            &[("per_page", "0")],
            StatusCode::BAD_REQUEST,
            "invalid_page",
        ),
        (
            &[("open_now", "maybe")],
            StatusCode::BAD_REQUEST,
            "invalid_open_now",
        ),
    ];
    for (query, status, needle) in cases {
        let (got, body) = search(&app, query).await;
        assert_eq!(got, *status, "{query:?}: {body}");
        assert!(body.to_string().contains(needle), "{query:?}: {body}");
    }

    let long = "Beratung ".repeat(1200);
    let hostile = [
        "\"((",
        "*",
        "\u{0}",
        "~^:()[]{}!+-&&||\\/",
        "title:Kita AND (field:x OR *)~2^3",
        "\"Deutschkurs",
        long.as_str(),
        "\u{202e}\u{feff}\u{7f}Kita\u{1b}[31m",
    ];
    for q in hostile {
        let (status, body) = search(&app, &[("q", q)]).await;
        assert_eq!(status, StatusCode::OK, "{q:?}: {body}");
        assert!(body["total"].is_number(), "{body}");
    }
    // Syntax characters are plain text: the word in them is still found.
    let (_, body) = search(&app, &[("q", "\"Kita\"~^*")]).await;
    assert_eq!(titles(&body)[0], "Kindertagesstätte Sonnenschein");
    // Control characters in the page are dropped too.
    let response = app
        .client
        .get(app.url("/search"))
        .query(&[("q", "\u{0}\"((Kita")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
});

async fn eventually(what: &str, mut check: impl AsyncFnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: not within 5 s");
}

backend_test!(
    change_log_keeps_the_index_current,
    |app: TestApp| async move {
        let ids_by_fixture = fixtures(&app).await;
        let id = ids_by_fixture[2];
        let offer = store::offer(app.db().pool(), OfferId(id))
            .await
            .unwrap()
            .unwrap();

        // A second server process on the same database, with its own index.
        let other_dir = tempfile::tempdir().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config: Config = app.app.config.clone();
        config.listen = addr;
        config.base_url = Some(format!("http://{addr}/").parse().unwrap());
        config.data_dir = other_dir.path().to_path_buf();
        let db = ikon::cli::open(&config).await.unwrap();
        let other = ikon::app::build(config, db);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(ikon::app::server::run(other.clone(), listener, async {
            let _ = stopped.await;
        }));
        let other_base = format!("http://{addr}");
        let client = reqwest::Client::new();
        let search_other = |q: &'static str| {
            let (client, base) = (client.clone(), other_base.clone());
            async move {
                let body: Value = client
                    .get(format!("{base}/api/v1/offers"))
                    .query(&[("q", q)])
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                ids(&body)
            }
        };
        assert!(search_other("Sonnenschein").await.contains(&id));

        // Edit the title: both processes find the new one.
        let mut record = offer.record.clone();
        record.title = "Kinderhaus Regenbogen".into();
        let mut tx = app.db().begin().await.unwrap();
        service::update(&mut tx, Actor::System("test"), &offer, &record)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        eventually("this process sees the new title", async || {
            ids(&search(&app, &[("q", "Regenbogen")]).await.1).contains(&id)
        })
        .await;
        eventually("the other process sees the new title", async || {
            search_other("Regenbogen").await.contains(&id)
        })
        .await;
        // The index follows the log in the background too, without searches.
        let mut tx = app.db().begin().await.unwrap();
        let newer = store::offer(&mut *tx, OfferId(id)).await.unwrap().unwrap();
        record.title = "Kinderhaus Sternschnuppe".into();
        service::update(&mut tx, Actor::System("test"), &newer, &record)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        tokio::time::sleep(Duration::from_millis(2500)).await;
        let params = ikon::offers::search::Params {
            words: vec!["sternschnuppe".into()],
            page: 1,
            per_page: 10,
            ..Default::default()
        };
        let outcome = ikon::offers::search::Search::of(&other)
            .search(&params)
            .unwrap();
        assert_eq!(outcome.total, 1, "followed in the background");

        // Unpublish: gone everywhere.
        let offer = store::offer(app.db().pool(), OfferId(id))
            .await
            .unwrap()
            .unwrap();
        let mut tx = app.db().begin().await.unwrap();
        service::set_status(&mut tx, Actor::System("test"), &offer, Status::Draft)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        eventually("unpublished offer gone here", async || {
            !ids(&search(&app, &[("q", "Sternschnuppe")]).await.1).contains(&id)
        })
        .await;
        eventually("unpublished offer gone there", async || {
            !search_other("Sternschnuppe").await.contains(&id)
        })
        .await;

        // A new offer created in this process appears in the other.
        let mut tx = app.db().begin().await.unwrap();
        let mut fresh = record.clone();
        fresh.title = "Elterncafé Wunderkiste".into();
        let new_id = service::create(
            &mut tx,
            Actor::System("test"),
            offer.network_id,
            offer.organization_id,
            &fresh,
        )
        .await
        .unwrap();
        let created = store::offer(&mut *tx, new_id).await.unwrap().unwrap();
        service::set_status(&mut tx, Actor::System("test"), &created, Status::Published)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        eventually("the other process sees the new offer", async || {
            search_other("Wunderkiste").await.contains(&new_id.get())
        })
        .await;

        let _ = stop.send(());
        let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    }
);

backend_test!(index_survives_a_restart, |app: TestApp| async move {
    let ids_by_fixture = fixtures(&app).await;
    // An index directory of its own (the running server holds its own
    // directory's lock): built, closed, changed while closed, reopened.
    let dir = tempfile::tempdir().unwrap();
    let search = ikon::offers::search::Search::open(Some(dir.path())).unwrap();
    search.catch_up(app.db()).await.unwrap();
    assert_eq!(search.len(), FIXTURES.len() as u64);
    drop(search);
    // A change while "down".
    let offer = store::offer(app.db().pool(), OfferId(ids_by_fixture[9]))
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.db().begin().await.unwrap();
    service::set_status(&mut tx, Actor::System("test"), &offer, Status::Archived)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let reopened = ikon::offers::search::Search::open(Some(dir.path())).unwrap();
    assert_eq!(reopened.len(), FIXTURES.len() as u64, "kept on disk");
    reopened.catch_up(app.db()).await.unwrap();
    assert_eq!(reopened.len(), FIXTURES.len() as u64 - 1, "caught up");
    drop(reopened);

    // A change the closed index never saw, then pruned from the log: the
    // index notices it is behind and rebuilds.
    let offer = store::offer(app.db().pool(), OfferId(ids_by_fixture[8]))
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.db().begin().await.unwrap();
    service::set_status(&mut tx, Actor::System("test"), &offer, Status::Archived)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let pruned = ikon::offers::search::changes::prune(app.db(), -60)
        .await
        .unwrap();
    assert!(pruned > 0);
    let again = ikon::offers::search::Search::open(Some(dir.path())).unwrap();
    again.catch_up(app.db()).await.unwrap();
    assert_eq!(again.len(), FIXTURES.len() as u64 - 2, "rebuilt");
});

backend_test!(search_page, |app: TestApp| async move {
    fixtures(&app).await;
    let response = app.get("/search?q=Deutschkurs&field=language").await;
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("img-src 'self' data: https://tile.openstreetmap.org"),
        "{csp}"
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("Deutschkurs am Abend"), "{html}");
    assert!(
        html.contains("data-lat=\"49.5\""),
        "list carries the map data"
    );
    // The tile template, HTML-escaped in the attribute.
    assert!(html.contains("data-tiles=\"https:") && html.contains("tile.openstreetmap.org"));
    assert!(html.contains("leaflet."), "Leaflet is linked");

    // Facet counts beside the filters, pages as links.
    let html = app.get("/search?per_page=3").await.text().await.unwrap();
    assert!(html.contains("(3)"), "facet counts");
    assert!(html.contains("rel=\"next\""), "{html}");
    let html = app
        .get("/search?lang=en&q=childcare")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Language course for women with childcare"),
        "{html}"
    );

    let response = app.get("/search?field=cooking").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = app.get("/search?postal_code=20000").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
});

/// The search page in a real browser: axe-core's WCAG 2.1 AA check and
/// reflow at 320 px in German, English and with Arabic content; the map is
/// drawn from the list by the vendored Leaflet (tiles may be unreachable:
/// the list stays). SQLite only, like the other browser tests.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_page_in_a_browser() {
    use crate::common::{Backend, browser::Chrome};

    let app = TestApp::start(Backend::Sqlite).await;
    fixtures(&app).await;
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    for url in [
        "/search",
        "/search?q=Beratung&field=counselling",
        "/search?q=MBE&lang=ar",
        "/search?postal_code=91413&radius_km=25&per_page=3&page=2",
        "/search?q=Quantenchromodynamik",
    ] {
        failures.extend(chrome.problems(url).await);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    chrome.goto("/search?q=Beratung").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        chrome.exists("#search-map.leaflet-container").await,
        "the map is drawn"
    );
    assert!(chrome.exists(".leaflet-interactive").await, "with markers");
}

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
