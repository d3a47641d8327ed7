//! An offer with three places in every output: the JSON list carries the
//! places and the service area, the CSV one row per place, the GeoJSON one
//! feature per place, and the Wegweiser prints every place with its hours.

use reqwest::StatusCode;
use serde_json::Value;

use super::{offer_id, places::three_places, signed_in};
use crate::backend_test;
use crate::common::TestApp;
use crate::documents::{flat, get_pdf, pdf_text};

backend_test!(
    every_output_carries_every_place,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let coordinator = signed_in(
            &app,
            &logins.coordinator.email,
            &logins.coordinator.password,
        )
        .await;
        let org = logins.member_organization_id.to_string();
        let mut fields = three_places();
        fields.push(("organization_id", &org));
        fields.push(("whole_kreis", "1"));
        let response = coordinator
            .post_form(&format!("/networks/{net}/offers"), &fields)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let id = offer_id(&response);
        let status = format!("/networks/{net}/offers/{id}/status");
        let response = coordinator.post_form(&status, &[("to", "published")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let anonymous = app.new_browser();

        // JSON: the places in order, and the area.
        let json: Value = anonymous.get("/api/v1/offers").await.json().await.unwrap();
        let offer = &json["offers"][0];
        assert_eq!(offer["id"], id);
        let codes: Vec<&str> = offer["places"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["postal_code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["91413", "91438", "97215"]);
        assert_eq!(offer["places"][1]["room"], "Rathaus, Zimmer 4");
        assert_eq!(offer["places"][0]["wheelchair"], true);
        assert_eq!(offer["wheelchair"], true, "one place is step-free");
        assert_eq!(offer["area"]["whole_kreis"], true);

        // CSV: one row per place, the offer's columns repeated.
        let body = anonymous
            .get("/api/v1/offers.csv?dialect=plain")
            .await
            .bytes()
            .await
            .unwrap();
        let mut reader = csv::Reader::from_reader(&body[..]);
        let header = reader.headers().unwrap().clone();
        let at = |name: &str| header.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 3);
        for (n, row) in rows.iter().enumerate() {
            assert_eq!(row[at("id")], id.to_string());
            assert_eq!(row[at("place")], (n + 1).to_string());
            assert_eq!(&row[at("places")], "3");
            assert_eq!(&row[at("postal_code")], codes[n]);
            assert_eq!(&row[at("area_whole_kreis")], "true");
        }
        assert_eq!(&rows[2][at("accessibility_note")], "Eingang über den Hof");
        let german = anonymous
            .get("/api/v1/offers.csv")
            .await
            .bytes()
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&german);
        assert!(text.contains(";Ort Nr.;Orte;"), "{text}");

        // GeoJSON: one point per place, each naming its offer.
        let geo: Value = anonymous
            .get("/api/v1/offers.geojson")
            .await
            .json()
            .await
            .unwrap();
        let features = geo["features"].as_array().unwrap();
        assert_eq!(features.len(), 3);
        for (n, f) in features.iter().enumerate() {
            assert_eq!(f["id"], format!("{id}-{}", n + 1));
            assert_eq!(f["properties"]["offer_id"], id);
            assert_eq!(f["properties"]["postal_code"], codes[n]);
            assert_eq!(f["geometry"]["type"], "Point");
        }
        assert_eq!(features[1]["properties"]["opening_hours"], "Tu 14:00-17:00");
        assert_ne!(
            features[0]["geometry"]["coordinates"],
            features[2]["geometry"]["coordinates"]
        );

        // The Wegweiser prints all three places with their hours.
        let pdf = get_pdf(&anonymous, &format!("/networks/{net}/wegweiser.pdf")).await;
        let text = flat(&pdf_text(&pdf));
        for expected in [
            "Bahnhofstraße 5, 91413",
            "Marktplatz 1, 91438",
            "Rathaus, Zimmer 4",
            "Marktplatz 16, 97215",
            "Montag: 09:00–12:00",
            "Dienstag: 14:00–17:00",
            "Mittwoch: 09:00–12:00",
        ] {
            assert!(text.contains(expected), "{expected:?} missing in {text}");
        }
    }
);
