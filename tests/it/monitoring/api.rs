//! The statistics API over HTTP, anonymous: tables, observations,
//! indicators and their series from the shipped data.

use reqwest::StatusCode;
use serde_json::Value;

use super::{fixture, lines};
use crate::{backend_test, common::TestApp};

async fn json(app: &TestApp, path: &str, status: StatusCode) -> Value {
    let response = app.get(path).await;
    assert_eq!(response.status(), status, "{path}");
    response.json().await.unwrap()
}

/// Foreigners and population of a Kreis on 31.12.2015, read off the
/// shipped 12411-03-03-4 excerpt (the age row `Insgesamt`).
fn foreigners_2015(key: &str) -> (f64, f64) {
    let text = lines(&fixture("12411-03-03-4_mittelfranken.csv"));
    let row: Vec<&str> = text
        .iter()
        .find(|l| l.starts_with(&format!("31.12.2015;{key};")) && l.contains(";Insgesamt;"))
        .unwrap()
        .split(';')
        .collect();
    (row[10].parse().unwrap(), row[4].parse().unwrap())
}

backend_test!(
    indicator_series_name_source_and_compute_shares,
    |app: TestApp| async move {
        let body = json(
            &app,
            "/api/v1/indicators/foreigners_share?region=09575",
            StatusCode::OK,
        )
        .await;
        assert_eq!(body["region"]["name"], "Neustadt a.d.Aisch-Bad Windsheim");
        assert_eq!(body["indicator"]["unit"], "%");
        let series = body["series"].as_array().unwrap();
        let inkar = series
            .iter()
            .find(|p| p["source"] == "INKAR (BBSR)" && p["period"] == "2022")
            .unwrap();
        assert_eq!(inkar["value"], 10.5);
        let rdb = series
            .iter()
            .find(|p| p["source"] == "Regionaldatenbank Deutschland")
            .unwrap();
        let (foreigners, population) = foreigners_2015("09575");
        assert_eq!(rdb["period"], "2015-12-31");
        assert_eq!(rdb["numerator"], foreigners);
        assert_eq!(rdb["denominator"], population);
        let share = rdb["value"].as_f64().unwrap();
        assert!((share - foreigners / population * 100.0).abs() < 1e-9);
        assert!(
            rdb["licence"]
                .as_str()
                .unwrap()
                .contains("Datenlizenz Deutschland")
        );
        // Zensus 2022 at Kreis level is the sum of its Gemeinden, and says so.
        let census = series.iter().find(|p| p["period"] == "2022-05-15").unwrap();
        assert_eq!(census["source"], "Zensus 2022 (Summe der Gemeinden)");
        assert_eq!(census["mark"], "derived");

        // Naturalisation rate: 2016 naturalisations over foreigners on 31.12.2015.
        let body = json(
            &app,
            "/api/v1/indicators/naturalisation_rate?region=09575",
            StatusCode::OK,
        )
        .await;
        let point = &body["series"][0];
        assert_eq!(point["period"], "2016");
        assert_eq!(point["numerator"], 55.0);
        assert_eq!(point["denominator"], foreigners);

        // Residence status for the Regierungsbezirk: the sum of its Kreise.
        let body = json(
            &app,
            "/api/v1/indicators/residence_status?region=095",
            StatusCode::OK,
        )
        .await;
        let series = body["series"].as_array().unwrap();
        assert_eq!(series.len(), 8);
        assert!(series.iter().all(|p| {
            p["source"]
                .as_str()
                .unwrap()
                .ends_with("(Summe der Kreise)")
        }));
        assert!(series.iter().any(|p| p["category"] == "Duldung"));
    }
);

backend_test!(
    unknown_indicator_or_region_is_404_and_an_empty_period_is_empty,
    |app: TestApp| async move {
        let body = json(
            &app,
            "/api/v1/indicators/parallel_society?region=09575",
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(body["code"], "unknown_indicator");
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .contains("foreigners_share")
        );
        let body = json(
            &app,
            "/api/v1/indicators/population?region=09999",
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(body["code"], "unknown_region");
        let body = json(
            &app,
            "/api/v1/indicators/population?region=9x",
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(body["code"], "invalid_region_key");
        let body = json(
            &app,
            "/api/v1/indicators/foreigners_share?region=09575&period=1980",
            StatusCode::OK,
        )
        .await;
        assert_eq!(body["series"], serde_json::json!([]));
        let list = json(&app, "/api/v1/indicators", StatusCode::OK).await;
        let codes: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap())
            .collect();
        for code in [
            "population",
            "foreigners",
            "foreigners_share",
            "residence_status",
            "foreigners_age_groups",
            "naturalisations",
            "naturalisation_rate",
            "unemployed_foreigners",
            "unemployment_rate_foreigners",
        ] {
            assert!(codes.contains(&code), "{code}");
        }
    }
);

backend_test!(
    observations_page_with_marks_and_tables_list_checksums,
    |app: TestApp| async move {
        let body = json(
        &app,
        "/api/v1/statistics/observations?table=12511-01-01-4&region=09561&period=2016&per_page=100",
        StatusCode::OK,
    )
    .await;
        assert_eq!(body["total"], 7);
        let items = body["items"].as_array().unwrap();
        let oceania = items
            .iter()
            .find(|i| {
                i["dimensions"]["Kontinente (einschl. staatenlos etc.)"]
                    == "Australien und Ozeanien"
            })
            .unwrap();
        assert_eq!(oceania["value"], 0.0);
        assert_eq!(oceania["mark"], "-");
        assert_eq!(oceania["unit"], "Anzahl");
        // A '.' (unknown or secret) has no value.
        let body = json(
            &app,
            "/api/v1/statistics/observations?table=13211-02-05-4&region=095&period=2016",
            StatusCode::OK,
        )
        .await;
        let secret = body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["mark"] == ".")
            .unwrap();
        assert_eq!(secret["value"], Value::Null);
        // Paging.
        let body = json(
            &app,
            "/api/v1/statistics/observations?table=12521-0043&page=2&per_page=10",
            StatusCode::OK,
        )
        .await;
        assert_eq!(body["total"], 3200);
        assert_eq!(body["items"].as_array().unwrap().len(), 10);
        json(
            &app,
            "/api/v1/statistics/observations?per_page=5000",
            StatusCode::BAD_REQUEST,
        )
        .await;
        json(
            &app,
            "/api/v1/statistics/observations?period=gestern",
            StatusCode::BAD_REQUEST,
        )
        .await;

        let tables = json(&app, "/api/v1/statistics/tables", StatusCode::OK).await;
        let azr = tables
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == "12521-0043")
            .unwrap();
        assert_eq!(azr["count"], 3200);
        assert_eq!(azr["periods"], serde_json::json!(["2024-12-31"]));
        assert_eq!(azr["sha256"].as_str().unwrap().len(), 64);
        assert!(azr["licence"].as_str().unwrap().contains("dl-de/by-2-0"));
    }
);
