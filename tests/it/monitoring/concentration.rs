//! Residential concentration over real shipped data, checked against
//! PySAL's `segregation` package (tests/support/check_segregation.py) to
//! 1e-9. The hand-computable cases are unit tests in
//! src/monitoring/concentration/indices.rs.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    backend_test,
    common::{TestApp, text_with_status},
};

fn pysal(args: &[&str]) -> Value {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/support/check_segregation.py"
    );
    let out = std::process::Command::new("python3")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs (pip install -r tests/support/requirements.txt)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn same(ikon: &Value, reference: &Value) {
    for index in [
        "dissimilarity",
        "isolation",
        "interaction",
        "entropy",
        "total",
        "group_total",
    ] {
        let (a, b) = (
            ikon[index].as_f64().unwrap(),
            reference[index].as_f64().unwrap(),
        );
        assert!((a - b).abs() < 1e-9, "{index}: ikon {a}, PySAL {b}");
    }
    assert_eq!(ikon["units"], reference["units"]);
    let ours = ikon["location_quotients"].as_array().unwrap();
    let theirs = reference["location_quotients"].as_array().unwrap();
    assert_eq!(ours.len(), theirs.len());
    for (a, b) in ours.iter().zip(theirs) {
        let (a, b) = (a["lq"].as_f64().unwrap(), b.as_f64().unwrap());
        assert!(
            (a - b).abs() < 1e-9,
            "location quotient: ikon {a}, PySAL {b}"
        );
    }
}

backend_test!(
    concentration_indices_match_pysal_on_shipped_data,
    |app: TestApp| async move {
        // The Gemeinden of the demo Kreis and of Mittelfranken (Zensus 2022).
        for region in ["09575", "095"] {
            let body = text_with_status(
            app.get(&format!("/api/v1/statistics/concentration?region={region}&units=municipalities&group=foreigners&period=2022")).await,
            StatusCode::OK,
        )
        .await;
            let ikon: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(ikon["unit"], "municipalities");
            assert_eq!(ikon["derived"], true);
            same(&ikon, &pysal(&["municipalities", region]));
        }
        // 1 km cells of Mittelfranken (Zensus 2011).
        let body = text_with_status(
            app.get("/api/v1/statistics/concentration?region=095&units=grid")
                .await,
            StatusCode::OK,
        )
        .await;
        let ikon: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(ikon["unit"], "grid_1km");
        assert_eq!(ikon["period"], "2011");
        same(&ikon, &pysal(&["grid"]));
        // The cells inside the demo Kreis (by its Gemeinden's outlines).
        let body = text_with_status(
            app.get("/api/v1/statistics/concentration?region=09575&units=grid")
                .await,
            StatusCode::OK,
        )
        .await;
        let kreis: Value = serde_json::from_str(&body).unwrap();
        assert!(kreis["units"].as_u64().unwrap() > 500);
        same(&kreis, &pysal(&["grid", "09575"]));
        // No grid outside Mittelfranken, a wrong period, an unknown group.
        assert_eq!(
            app.get("/api/v1/statistics/concentration?region=09162&units=grid")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get("/api/v1/statistics/concentration?region=09575&period=2015")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get("/api/v1/statistics/concentration?region=09575&group=catholics")
                .await
                .status(),
            StatusCode::BAD_REQUEST
        );
    }
);
