//! Figures of a larger region summed from its Kreise: the same numbers as
//! adding up the file, and the official marks carried through the sum.

use std::collections::BTreeMap;

use reqwest::StatusCode;
use serde_json::Value;

use super::{import_text, lines};
use crate::{backend_test, common::TestApp};

/// Residence status of `region` on `period`, by category: (value, mark).
async fn residence_status(
    app: &TestApp,
    region: &str,
    period: &str,
) -> BTreeMap<String, (Option<f64>, Option<String>)> {
    let response = app
        .get(&format!(
            "/api/v1/indicators/residence_status?region={region}&period={period}"
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    body["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            assert!(
                p["source"]
                    .as_str()
                    .unwrap()
                    .ends_with("(Summe der Kreise)")
            );
            (
                p["category"].as_str().unwrap().to_string(),
                (p["value"].as_f64(), p["mark"].as_str().map(String::from)),
            )
        })
        .collect()
}

/// The shipped 12521-0043 file added up by category over the Kreise whose
/// keys start with `prefix`.
fn file_sums(prefix: &str) -> BTreeMap<String, (Option<f64>, Option<String>)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/statistics/12521-0043_kreise_2024.csv");
    let mut sums: BTreeMap<String, f64> = BTreeMap::new();
    for line in lines(&path).iter().skip(1).filter(|l| !l.is_empty()) {
        let cells: Vec<&str> = line.split(';').collect();
        if cells[0].starts_with(prefix) {
            *sums.entry(cells[1].to_string()).or_default() += cells[2].parse::<f64>().unwrap();
        }
    }
    sums.into_iter()
        .map(|(category, sum)| (category, (Some(sum), None)))
        .collect()
}

backend_test!(
    regierungsbezirk_and_germany_are_the_sums_of_their_kreise,
    |app: TestApp| async move {
        for (region, prefix) in [("095", "095"), ("09", "09"), ("DG", "")] {
            let api = residence_status(&app, region, "2024-12-31").await;
            assert_eq!(api.len(), 8, "{region}");
            assert_eq!(api, file_sums(prefix), "{region}");
        }
    }
);

backend_test!(
    a_sum_keeps_the_official_marks_of_its_cells,
    |app: TestApp| async move {
        // Three Kreise of Mittelfranken on 31.12.2023: one Duldung figure
        // secret (`.`), the Gestattungen nil (`-`) everywhere.
        let header = "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label";
        let mut text = format!("{header}\n");
        for (kreis, duldung, gestattung, befristet, unbefristet) in [
            ("09561", "10", "-", "1", "-"),
            ("09562", ".", "-", "2", "4"),
            ("09563", "5", "-", "3", "-"),
        ] {
            for (code, title, value) in [
                ("AUFTI01", "Duldung", duldung),
                ("AUFTI02", "Aufenthaltsgestattung", gestattung),
                ("AUFTI03", "Befristete Aufenthaltserlaubnis", befristet),
                (
                    "AUFTI04",
                    "Unbefristete Niederlassungserlaubnis",
                    unbefristet,
                ),
            ] {
                text.push_str(&format!(
                    "12521;Ausländerstatistik;STAG;Stichtag;31.12.2023;KREISE;Kreise;{kreis};Kreis {kreis};AUFTI;Ausgewählte Aufenthaltstitel;{code};{title};{value};Anzahl;BEV002;Ausländer\n"
                ));
            }
        }
        let report = import_text(&app, "12521-0043_marks.csv", text)
            .await
            .expect("imports");
        assert_eq!(report.table_code, "12521-0043");

        let sums = residence_status(&app, "095", "2023-12-31").await;
        let expected: BTreeMap<String, (Option<f64>, Option<String>)> = [
            ("Duldung", (None, Some("."))),
            ("Aufenthaltsgestattung", (Some(0.0), Some("-"))),
            ("Befristete Aufenthaltserlaubnis", (Some(6.0), None)),
            ("Unbefristete Niederlassungserlaubnis", (Some(4.0), None)),
        ]
        .into_iter()
        .map(|(c, (v, m))| (c.to_string(), (v, m.map(String::from))))
        .collect();
        assert_eq!(sums, expected);
    }
);
