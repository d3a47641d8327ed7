//! The Gemeinden of the Kreis on the situation page: a map per indicator
//! with municipality figures, each Gemeinde named with its value and the
//! same figures in a table; the residential concentration over Gemeinden
//! and grid cells with unit and year; the location quotients as a map.

use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    backend_test,
    common::{TestApp, text_with_status},
};

/// The SVG of the map with this id.
fn map<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!(r#"aria-labelledby="{id}-title""#))
        .unwrap_or_else(|| panic!("map {id}"));
    let end = start + html[start..].find("</svg>").unwrap();
    &html[start..end]
}

backend_test!(
    situation_page_maps_the_gemeinden_and_their_concentration,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let network = demo.network_id;
        let browser = app.new_browser();
        browser
            .login(&demo.coordinator.email, &demo.coordinator.password)
            .await;
        let html = text_with_status(
            browser.get(&format!("/networks/{network}/situation")).await,
            StatusCode::OK,
        )
        .await;

        // 38 Gemeinden and one gemeindefreies Gebiet, each a titled shape.
        let share = map(&html, "foreigners_share-map");
        assert_eq!(share.matches("<path ").count(), 39);
        // Zensus 2022: Bad Windsheim 15,5 %; the uninhabited forest is hatched.
        assert!(
            share.contains("<title>Bad Windsheim: 15,5 %</title>"),
            "{share}"
        );
        assert!(share.contains(": keine Angabe</title>"));
        assert!(html.contains("<th scope=\"row\">Bad Windsheim</th>"));
        assert!(html.contains("Ausländeranteil nach Gemeinden, 2022-05-15"));
        // Population: the Gemeindeverzeichnis's newer figures win over the census.
        let population = map(&html, "population-map");
        assert!(
            population.contains("<title>Bad Windsheim: 12.766</title>"),
            "{population}"
        );
        assert!(
            html.contains("Gebietsstand 01.01.2016"),
            "{}",
            &html[html.find("Gebietsstand").unwrap()..][..300]
        );
        assert!(
            html.contains("© GeoBasis-DE &#x2f; BKG 2017 (Daten verändert)"),
            "{}",
            &html[html.find("Gebietsstand").unwrap()..][..300]
        );
        assert!(html.contains("Die Grenzen sind älter als die Zahlen"));

        // Concentration: both kinds of units with their year and count,
        // the same figures as the API.
        assert!(html.contains("id=\"concentration\""));
        for (units, year) in [("municipalities", "2022"), ("grid", "2011")] {
            let api: Value = serde_json::from_str(
                &text_with_status(
                    app.get(&format!(
                        "/api/v1/statistics/concentration?region=09575&units={units}"
                    ))
                    .await,
                    StatusCode::OK,
                )
                .await,
            )
            .unwrap();
            let d = format!("{:.3}", api["dissimilarity"].as_f64().unwrap()).replace('.', ",");
            let count = api["units"].as_u64().unwrap().to_string();
            let row = html
                .split("<tr>")
                .find(|row| row.contains(&format!("<td>{d}</td>")))
                .unwrap_or_else(|| panic!("{units}: dissimilarity {d}"));
            assert!(row.contains(&format!("<td>{year}</td>")), "{row}");
            assert!(row.contains(&format!("<td>{count}</td>")), "{row}");
        }
        let quotients = map(&html, "location-quotients");
        assert_eq!(quotients.matches("<path ").count(), 39);
        assert!(quotients.contains("0,80 – &lt; 1,25"), "legend around 1");

        // English readers get English words and numbers.
        let html = text_with_status(
            browser
                .get(&format!("/networks/{network}/situation?lang=en"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(html.contains("<title>Bad Windsheim: 15.5 %</title>"));
        assert!(html.contains("Share of foreign nationals by Gemeinde, 2022-05-15"));
    }
);
