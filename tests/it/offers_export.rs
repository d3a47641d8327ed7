//! Open data exports: the offers as CSV in the German (Excel) and plain
//! dialects, parsed back and compared with the JSON API, and the licence
//! that travels with JSON, GeoJSON and CSV.

use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

use crate::backend_test;
use crate::common::TestApp;
use crate::documents::{NewOffer, insert_offer};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn parse(body: &[u8], delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

/// The JSON value as the plain CSV writes it.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

backend_test!(offers_as_csv, |app: TestApp| async move {
    let logins = app.demo().await;
    let owner = (logins.network_id, logins.member_organization_id);
    let municipality: Option<String> = sqlx::query(
        "SELECT key FROM regions WHERE level = 'municipality' AND key LIKE '09575%' ORDER BY key LIMIT 1",
    )
    .fetch_optional(app.db().pool())
    .await
    .unwrap()
    .map(|r| r.get("key"));
    let municipality = municipality.expect("the official municipalities are loaded");
    insert_offer(
        &app,
        owner,
        NewOffer {
            title: "Migrationsberatung für Erwachsene",
            languages: "de,ar",
            municipality_key: Some(&municipality),
            lat: Some(49.58),
            lon: Some(10.61),
            opening_hours: "Mo-Fr 08:00-12:00",
            ..NewOffer::default()
        },
    )
    .await;
    insert_offer(
        &app,
        owner,
        NewOffer {
            title: "=HYPERLINK(\"http://evil.example\")",
            field: "health",
            offer_type: "other",
            ..NewOffer::default()
        },
    )
    .await;
    insert_offer(
        &app,
        owner,
        NewOffer {
            title: "Entwurf bleibt intern",
            status: "draft",
            ..NewOffer::default()
        },
    )
    .await;
    let anonymous = app.new_browser();
    let json: Value = anonymous
        .get("/api/v1/offers?per_page=200")
        .await
        .json()
        .await
        .unwrap();
    let offers = json["offers"].as_array().unwrap();
    assert_eq!(offers.len(), 2);

    // German dialect: BOM, `;`, German headers, neutralised formulas.
    let response = anonymous.get("/api/v1/offers.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        headers["link"],
        "<https://www.govdata.de/dl-de/by-2-0>; rel=\"license\""
    );
    assert_eq!(headers["x-license"], "dl-de/by-2-0");
    let attribution = headers["x-attribution"].to_str().unwrap();
    assert!(attribution.ends_with("via ikon"), "{attribution}");
    let body = response.bytes().await.unwrap();
    assert!(body.starts_with(BOM), "no byte order mark");
    let first_line = std::str::from_utf8(&body[3..])
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(
        first_line.starts_with("ID;Netzwerk-ID;Anbieter;Titel;"),
        "{first_line}"
    );
    let (header, rows) = parse(&body[3..], b';');
    assert_eq!(rows.len(), 2);
    let title = column(&header, "Titel");
    let titles: Vec<&str> = rows.iter().map(|r| r[title].as_str()).collect();
    assert!(
        titles.contains(&"'=HYPERLINK(\"http://evil.example\")"),
        "{titles:?}"
    );
    assert!(!titles.iter().any(|t| t.starts_with('=')));
    let first = rows
        .iter()
        .find(|r| r[title] == "Migrationsberatung für Erwachsene")
        .unwrap();
    assert_eq!(first[column(&header, "Breitengrad")], "49,58");
    assert_eq!(first[column(&header, "Rollstuhlgerecht")], "ja");

    // Plain dialect: same offers, same fields as the JSON list.
    let response = anonymous.get("/api/v1/offers.csv?dialect=plain").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.bytes().await.unwrap();
    assert!(!body.starts_with(BOM));
    let (header, rows) = parse(&body, b',');
    assert_eq!(rows.len(), offers.len());
    for (row, offer) in rows.iter().zip(offers) {
        // Each of these offers has one place: the row of place 1.
        let place = &offer["places"][0];
        for (i, name) in header.iter().enumerate() {
            let value = match name.as_str() {
                "place" => Value::from(1),
                "places" => Value::from(1),
                "area_whole_kreis" => offer["area"]["whole_kreis"].clone(),
                "area" => offer["area"]["municipalities"].clone(),
                "street" | "postal_code" | "municipality_key" | "lat" | "lon" | "room"
                | "opening_hours" | "wheelchair" | "accessibility_note" => place[name].clone(),
                _ => offer[name.as_str()].clone(),
            };
            let expected = plain(&value);
            let expected = if expected.starts_with('=') {
                format!("'{expected}")
            } else {
                expected
            };
            assert_eq!(row[i], expected, "column {name} of offer {}", offer["id"]);
        }
    }
    assert!(header.contains(&"opening_hours".to_string()));

    // Filters as for the list.
    let filtered = |query: &'static str| {
        let anonymous = &anonymous;
        async move {
            let body = anonymous
                .get(&format!("/api/v1/offers.csv?dialect=plain&{query}"))
                .await
                .bytes()
                .await
                .unwrap();
            parse(&body, b',').1.len()
        }
    };
    assert_eq!(filtered("field=health").await, 1);
    assert_eq!(filtered("type=mbe").await, 1);
    assert_eq!(filtered("lang=ar").await, 1);
    assert_eq!(filtered("network=999999").await, 0);
    let query = format!(
        "/api/v1/offers.csv?dialect=plain&region={}",
        &municipality[..5]
    );
    let body = anonymous.get(&query).await.bytes().await.unwrap();
    assert_eq!(parse(&body, b',').1.len(), 1);
    let response = anonymous.get("/api/v1/offers.csv?dialect=excel").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // JSON and GeoJSON carry the same licence object.
    assert_eq!(json["license"]["id"], "dl-de/by-2-0");
    assert_eq!(
        json["license"]["url"],
        "https://www.govdata.de/dl-de/by-2-0"
    );
    let network_name: String = sqlx::query("SELECT name FROM networks WHERE id = $1")
        .bind(logins.network_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("name");
    let attribution = json["license"]["attribution"].as_str().unwrap();
    assert!(attribution.contains(&network_name), "{attribution}");
    assert!(attribution.contains("ikon"));
    let geo: Value = anonymous
        .get("/api/v1/offers.geojson")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(geo["license"], json["license"]);
});
