//! Offer search: relevance (typos, compounds, abbreviations, translations),
//! filters and facets, bad and hostile input, the change log that keeps
//! every server process's index current, and the search page.

mod changes;
mod everyday;
mod index;
mod page;
mod places;
mod relevance;

use std::time::{Duration, Instant};

use ikon::{
    core::{
        audit::Actor,
        config::Config,
        ids::{NetworkId, OfferId, OrganizationId},
    },
    offers::{
        model::{OfferRecord, PlaceRecord, Status, Translation, source_hash},
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
        places: vec![PlaceRecord {
            street: "Hauptstraße 1".into(),
            postal_code: f.place.0.into(),
            lat: Some(f.place.1),
            lon: Some(f.place.2),
            opening_hours: f.hours.into(),
            ..PlaceRecord::default()
        }],
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
