//! Official geography: the load at start, the JSON API and the HTML pages.

use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

use crate::backend_test;
use crate::common::{TestApp, fixtures::Network, text_with_status};

async fn json(app: &TestApp, path: &str, status: StatusCode) -> Value {
    let response = app.get(path).await;
    let got = response.status();
    let body = response.text().await.unwrap();
    assert_eq!(got, status, "GET {path}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
}

async fn counts(app: &TestApp) -> Vec<(String, i64)> {
    sqlx::query(
        "SELECT level, COUNT(*) AS n FROM regions GROUP BY level
         UNION ALL SELECT 'postal_codes', COUNT(*) FROM postal_codes
         UNION ALL SELECT 'population', CAST(SUM(population) AS BIGINT) FROM regions
         ORDER BY 1",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .into_iter()
    .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1)))
    .collect()
}

fn count_of(counts: &[(String, i64)], what: &str) -> i64 {
    counts
        .iter()
        .find(|(k, _)| k == what)
        .map(|(_, n)| *n)
        .unwrap_or(0)
}

backend_test!(every_level_is_loaded_once, |app: TestApp| async move {
    let before = counts(&app).await;
    assert_eq!(count_of(&before, "state"), 16);
    assert_eq!(count_of(&before, "district_government"), 29);
    assert_eq!(count_of(&before, "district"), 400);
    assert_eq!(count_of(&before, "municipality"), 10_959);
    assert!(count_of(&before, "postal_codes") > 12_000);
    assert_eq!(
        ikon::geography::load::loaded_version(app.db())
            .await
            .unwrap()
            .as_deref(),
        Some(ikon::geography::load::DATA_VERSION)
    );
    // A second start finds the data and changes nothing, as does a loader
    // that finds the marker missing (an interrupted upgrade).
    ikon::geography::load::ensure_loaded(app.db())
        .await
        .unwrap();
    assert_eq!(counts(&app).await, before);
    sqlx::query("DELETE FROM settings WHERE key = $1")
        .bind(ikon::geography::load::MARKER)
        .execute(app.db().pool())
        .await
        .unwrap();
    ikon::geography::load::ensure_loaded(app.db())
        .await
        .unwrap();
    assert_eq!(counts(&app).await, before);
});

backend_test!(concurrent_loaders_agree, |app: TestApp| async move {
    sqlx::query("UPDATE settings SET value = 'old' WHERE key = $1")
        .bind(ikon::geography::load::MARKER)
        .execute(app.db().pool())
        .await
        .unwrap();
    let before = counts(&app).await;
    let db = app.db();
    let (a, b) = tokio::join!(
        ikon::geography::load::ensure_loaded(db),
        ikon::geography::load::ensure_loaded(db)
    );
    a.unwrap();
    b.unwrap();
    assert_eq!(counts(&app).await, before);
});

backend_test!(a_kreis_with_its_context, |app: TestApp| async move {
    let body = json(&app, "/api/v1/regions/09575", StatusCode::OK).await;
    assert_eq!(body["key"], "09575");
    assert_eq!(body["name"], "Neustadt a.d.Aisch-Bad Windsheim");
    assert_eq!(body["level"], "district");
    assert_eq!(body["kind"], "rural_county");
    assert_eq!(body["parent"]["key"], "095");
    assert_eq!(body["parent"]["name"], "Mittelfranken");
    assert_eq!(body["parent"]["level"], "district_government");
    let ancestors: Vec<&str> = body["ancestors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["key"].as_str().unwrap())
        .collect();
    assert_eq!(ancestors, ["09", "095"]);
    assert_eq!(body["has_boundary"], true);
    let children = body["children"].as_array().unwrap();
    assert_eq!(children.len(), 39);
    let keys: Vec<&str> = children
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    for key in ["09575112", "09575145", "09575153"] {
        assert!(keys.contains(&key), "{key} missing in {keys:?}");
    }
    let windsheim = children.iter().find(|c| c["key"] == "09575112").unwrap();
    assert_eq!(windsheim["name"], "Bad Windsheim");
    assert_eq!(windsheim["kind"], "town");
    assert_eq!(windsheim["population"], 12_766);
    let sum: i64 = children
        .iter()
        .map(|c| c["population"].as_i64().unwrap())
        .sum();
    assert_eq!(body["population"].as_i64(), Some(sum));
    let area = body["area_km2"].as_f64().unwrap();
    assert!((1200.0..1300.0).contains(&area), "{area}");
    let lat = body["centre"]["lat"].as_f64().unwrap();
    assert!((49.4..49.8).contains(&lat), "{lat}");
    assert_eq!(body["postal_codes"], serde_json::json!([]));

    let town = json(&app, "/api/v1/regions/09575145", StatusCode::OK).await;
    assert_eq!(town["name"], "Markt Erlbach");
    assert_eq!(town["kind"], "market_town");
    assert_eq!(town["level"], "municipality");
    assert_eq!(town["ars"], "095750145145");
    assert_eq!(town["parent"]["key"], "09575");
    assert_eq!(town["children"], serde_json::json!([]));
    assert!(
        town["postal_codes"]
            .as_array()
            .unwrap()
            .contains(&"91459".into())
    );
    // Bavarian Gemeinden have their VG250 outline.
    assert_eq!(town["has_boundary"], true);

    let state = json(&app, "/api/v1/regions/09", StatusCode::OK).await;
    assert_eq!(state["name"], "Bayern");
    assert_eq!(state["parent"], Value::Null);
    assert_eq!(state["children"].as_array().unwrap().len(), 7);
    // Without Regierungsbezirke, a Kreis hangs from its Land.
    let flensburg = json(&app, "/api/v1/regions/01001", StatusCode::OK).await;
    assert_eq!(flensburg["name"], "Flensburg");
    assert_eq!(flensburg["kind"], "independent_city");
    assert_eq!(flensburg["parent"]["key"], "01");
});

backend_test!(errors_say_what_is_wrong, |app: TestApp| async move {
    for path in [
        "/api/v1/regions/0957",
        "/api/v1/regions/abc",
        "/api/v1/regions/095751530",
        "/api/v1/regions/0957/boundary",
    ] {
        let body = json(&app, path, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["code"], "invalid_region_key", "{path}");
        assert!(
            body["message"].as_str().unwrap().contains("09575"),
            "{body}"
        );
    }
    let body = json(
        &app,
        "/api/v1/regions/0957?lang=en",
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("2, 3, 5 or 8 digits"),
        "{body}"
    );
    for path in [
        "/api/v1/regions/99",
        "/api/v1/regions/09575999",
        "/api/v1/regions/99999/boundary",
    ] {
        let body = json(&app, path, StatusCode::NOT_FOUND).await;
        assert_eq!(body["code"], "not_found", "{path}");
    }
    let body = json(
        &app,
        "/api/v1/regions?postal_code=9141",
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(body["code"], "invalid_postal_code");
    let body = json(
        &app,
        "/api/v1/regions?postal_code=00000",
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(body["code"], "not_found");
    for path in [
        "/api/v1/regions",
        "/api/v1/regions?q=",
        "/api/v1/regions?q=Neustadt&postal_code=91413",
    ] {
        let body = json(&app, path, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["code"], "invalid_query", "{path}");
        let message = body["message"].as_str().unwrap();
        assert!(
            message.contains("postal_code") && message.contains("q "),
            "{message}"
        );
    }
});

backend_test!(
    postal_codes_and_names_are_found,
    |app: TestApp| async move {
        let body = json(&app, "/api/v1/regions?postal_code=91413", StatusCode::OK).await;
        assert_eq!(body["postal_code"], "91413");
        let regions = body["regions"].as_array().unwrap();
        assert_eq!(regions.len(), 1, "{body}");
        assert_eq!(regions[0]["key"], "09575153");
        assert_eq!(regions[0]["name"], "Neustadt a.d.Aisch");
        assert_eq!(regions[0]["parent"]["key"], "09575");
        assert_eq!(
            regions[0]["places"],
            serde_json::json!(["Neustadt an der Aisch"])
        );
        // One postal code, several municipalities.
        let body = json(&app, "/api/v1/regions?postal_code=97258", StatusCode::OK).await;
        assert!(body["regions"].as_array().unwrap().len() >= 4, "{body}");

        let body = json(&app, "/api/v1/regions?q=Neustadt", StatusCode::OK).await;
        assert_eq!(body["query"], "Neustadt");
        let regions = body["regions"].as_array().unwrap();
        assert!(regions.len() > 10, "{body}");
        assert!(regions.len() <= 50);
        assert!(regions.iter().any(|r| r["key"] == "09575153"));
        assert!(regions.iter().any(|r| r["key"] == "09575"));
        // Higher levels first, then the larger places.
        let rank = |r: &Value| r["key"].as_str().unwrap().len();
        assert!(regions.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])));
        assert!(regions.windows(2).all(|w| rank(&w[0]) != rank(&w[1])
            || w[0]["population"].as_i64() >= w[1]["population"].as_i64()));
        // Case and umlauts do not matter; LIKE wildcards are literal.
        let body = json(&app, "/api/v1/regions?q=FUERTH", StatusCode::OK).await;
        assert!(
            body["regions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["key"] == "09563")
        );
        let body = json(&app, "/api/v1/regions?q=n%25s", StatusCode::OK).await;
        assert_eq!(body["regions"], serde_json::json!([]));
    }
);

backend_test!(boundaries_are_geojson, |app: TestApp| async move {
    for key in ["09575", "095", "09662", "09575145"] {
        let response = app.get(&format!("/api/v1/regions/{key}/boundary")).await;
        assert_eq!(response.status(), StatusCode::OK, "{key}");
        assert_eq!(response.headers()["content-type"], "application/geo+json");
        let feature: Value = response.json().await.unwrap();
        assert_eq!(feature["type"], "Feature");
        assert_eq!(feature["properties"]["key"], key);
        let kind = feature["geometry"]["type"].as_str().unwrap();
        assert!(matches!(kind, "Polygon" | "MultiPolygon"), "{kind}");
        assert!(
            !feature["geometry"]["coordinates"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
    let town = json(&app, "/api/v1/regions/09575145/boundary", StatusCode::OK).await;
    assert_eq!(
        town["properties"]["attribution"],
        "© GeoBasis-DE / BKG 2017 (Daten verändert)"
    );
    // No Land outline, no Stuttgart (outside Bavaria), no Gemeinde outside Bavaria.
    for key in ["09", "081", "08111000"] {
        let body = json(
            &app,
            &format!("/api/v1/regions/{key}/boundary"),
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(body["code"], "not_found");
    }
});

backend_test!(the_api_is_documented, |app: TestApp| async move {
    let doc = json(&app, "/api/openapi.json", StatusCode::OK).await;
    for path in [
        "/api/v1/regions",
        "/api/v1/regions/{key}",
        "/api/v1/regions/{key}/boundary",
    ] {
        assert_eq!(doc["paths"][path]["get"]["tags"][0], "geography", "{path}");
    }
    assert!(doc["components"]["schemas"]["Region"].is_object());
});

backend_test!(region_pages_in_both_languages, |app: TestApp| async move {
    let html = text_with_status(app.get("/regions/09575").await, StatusCode::OK).await;
    assert!(
        html.contains("<h1>Neustadt a.d.Aisch-Bad Windsheim</h1>"),
        "{html}"
    );
    assert!(html.contains(r#"<a href="/regions/09">Bayern</a>"#));
    assert!(html.contains(r#"<a href="/regions/095">Mittelfranken</a>"#));
    assert!(html.contains(r#"aria-current="page">Neustadt a.d.Aisch-Bad Windsheim</a>"#));
    assert!(html.contains("Landkreis"));
    assert!(html.contains(r#"<a href="/regions/09575153">Neustadt a.d.Aisch</a>"#));
    assert!(html.contains(">12.766<"), "German digit grouping");
    assert!(html.contains(r#"scope="col""#));
    assert!(html.contains("/api/v1/regions/09575/boundary"));
    assert!(html.contains("noch kein Integrationsnetzwerk"));
    assert!(!html.contains("style="));

    let html = text_with_status(app.get("/regions/09575?lang=en").await, StatusCode::OK).await;
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("Rural district (Landkreis)"));
    assert!(html.contains(">12,766<"), "English digit grouping");
    assert!(html.contains("Breadcrumbs"));

    let html = text_with_status(app.get("/regions/09575153").await, StatusCode::OK).await;
    assert!(html.contains("<h1>Neustadt a.d.Aisch</h1>"));
    assert!(html.contains(r#"<a href="/regions/09575">Neustadt a.d.Aisch-Bad Windsheim</a>"#));
    assert!(html.contains("91413"));
    assert!(html.contains("095750153153"));
});

backend_test!(a_kreis_page_links_its_network, |app: TestApp| async move {
    Network::new("Integrationskonferenz NEA", "09575")
        .create(&app)
        .await;
    let html = text_with_status(app.get("/regions/09575").await, StatusCode::OK).await;
    assert!(html.contains("Integrationskonferenz NEA"), "{html}");
    assert!(html.contains(r#"href="/networks/"#));
});

backend_test!(the_search_page_finds_places, |app: TestApp| async move {
    let html = text_with_status(app.get("/regions").await, StatusCode::OK).await;
    assert!(html.contains(r#"<label for="geo-q">"#));
    assert!(html.contains(r#"<a href="/regions/09">Bayern</a>"#));
    assert_eq!(
        html.matches(r#"<li class="card"><a href="/regions/"#)
            .count(),
        16
    );

    let html = text_with_status(app.get("/regions?q=91413").await, StatusCode::OK).await;
    assert!(
        html.contains(r#"<a href="/regions/09575153">Neustadt a.d.Aisch</a>"#),
        "{html}"
    );
    assert!(html.contains("Neustadt an der Aisch"));
    assert!(html.contains(r#"value="91413""#));

    let html = text_with_status(app.get("/regions?q=neustadt&lang=en").await, StatusCode::OK).await;
    assert!(html.contains(r#"<a href="/regions/09575153">Neustadt a.d.Aisch</a>"#));
    assert!(html.contains("Results for"));

    let html = text_with_status(app.get("/regions?q=00000&lang=de").await, StatusCode::OK).await;
    assert!(html.contains("keiner Gemeinde zugeordnet"));
    let html = text_with_status(app.get("/regions?q=%3Cscript%3E").await, StatusCode::OK).await;
    assert!(!html.contains("<script>"));
});

backend_test!(html_errors_are_pages, |app: TestApp| async move {
    let html = text_with_status(app.get("/regions/0957").await, StatusCode::BAD_REQUEST).await;
    assert!(html.contains("2, 3, 5 oder 8 Ziffern"), "{html}");
    assert!(html.contains("<h1>"));
    let html = text_with_status(
        app.get("/regions/0957?lang=en").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(html.contains("2, 3, 5 or 8 digits"), "{html}");
    let html = text_with_status(
        app.get("/regions/98765?lang=de").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(html.contains("existiert nicht"), "{html}");
});
