//! Several places per offer and the service area: the form adds, shows
//! and removes places, the offer page lists each with its opening hours
//! in words, the Wegweiser prints them all, and bad places or areas change
//! nothing.

use reqwest::StatusCode;
use sqlx::Row;

use super::{offer_count, offer_id, signed_in, valid};
use crate::backend_test;
use crate::common::{TestApp, text_with_status};

/// A counselling service with office hours in three towns of the demo
/// Kreis: Neustadt a.d.Aisch, Bad Windsheim, Uffenheim.
pub(crate) fn three_places<'a>() -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<_> = valid()
        .into_iter()
        .filter(|(k, _)| !k.starts_with("place-"))
        .collect();
    fields.extend([
        ("place-0-street", "Bahnhofstraße 5"),
        ("place-0-postal_code", "91413"),
        ("place-0-opening_hours", "Mo 09:00-12:00"),
        ("place-0-wheelchair", "1"),
        ("place-1-street", "Marktplatz 1"),
        ("place-1-postal_code", "91438"),
        ("place-1-room", "Rathaus, Zimmer 4"),
        ("place-1-opening_hours", "Tu 14:00-17:00"),
        // An empty fieldset between places is skipped.
        ("place-2-street", ""),
        ("place-3-street", "Marktplatz 16"),
        ("place-3-postal_code", "97215"),
        ("place-3-opening_hours", "We 09:00-12:00"),
        ("place-3-accessibility_note", "Eingang über den Hof"),
    ]);
    fields
}

/// The municipality keys of the demo Kreis whose names start so.
async fn municipality(app: &TestApp, name: &str) -> String {
    sqlx::query(
        "SELECT key FROM regions WHERE level = 'municipality' AND key LIKE '09575%' AND name LIKE $1 ORDER BY key",
    )
    .bind(format!("{name}%"))
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get("key")
}

async fn place_count(app: &TestApp) -> i64 {
    sqlx::query("SELECT COUNT(*) FROM offer_places")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

async fn places_of(app: &TestApp, id: i64) -> Vec<(String, Option<String>, Option<f64>)> {
    sqlx::query(
        "SELECT postal_code, municipality_key, lat FROM offer_places WHERE offer_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1), r.get(2)))
    .collect()
}

backend_test!(
    an_offer_with_three_places_and_a_service_area,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let neustadt = municipality(&app, "Neustadt").await;
        let windsheim = municipality(&app, "Bad Windsheim").await;
        let mut fields = three_places();
        fields.push(("area", &neustadt));
        fields.push(("area", &windsheim));
        let response = member
            .post_form(&format!("/networks/{net}/offers"), &fields)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let id = offer_id(&response);

        // Each place completed from its postal code, in the order entered.
        let places = places_of(&app, id).await;
        let codes: Vec<&str> = places.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(codes, ["91413", "91438", "97215"]);
        assert!(places.iter().all(|p| p.1.is_some() && p.2.is_some()));
        let area: Vec<String> = sqlx::query(
            "SELECT municipality_key FROM offer_areas WHERE offer_id = $1 ORDER BY municipality_key",
        )
        .bind(id)
        .fetch_all(app.db().pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
        let mut expected = vec![neustadt.clone(), windsheim.clone()];
        expected.sort();
        assert_eq!(area, expected);

        // The edit form shows the three places and one empty fieldset.
        let edit = format!("/networks/{net}/offers/{id}/edit");
        let form = text_with_status(member.get(&edit).await, StatusCode::OK).await;
        assert!(form.contains("value=\"Marktplatz 16\""), "{form}");
        assert!(form.contains("name=\"place-3-street\" type=\"text\" value=\"\""));
        assert!(!form.contains("name=\"place-4-street\""));
        assert!(form.contains(&format!(
            "id=\"f-area-{neustadt}\" name=\"area\" type=\"checkbox\" value=\"{neustadt}\" checked"
        )));

        // Published, the offer page lists every place with its hours in words.
        let coordinator = signed_in(
            &app,
            &logins.coordinator.email,
            &logins.coordinator.password,
        )
        .await;
        let status = format!("/networks/{net}/offers/{id}/status");
        let response = coordinator.post_form(&status, &[("to", "published")]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let anonymous = app.new_browser();
        let page = text_with_status(
            anonymous.get(&format!("/networks/{net}/offers/{id}")).await,
            StatusCode::OK,
        )
        .await;
        for text in [
            "Ort 1",
            "Ort 3",
            "Rathaus, Zimmer 4",
            "Montag: \u{2066}09:00–12:00\u{2069}",
            "Dienstag: \u{2066}14:00–17:00\u{2069}",
            "Mittwoch: \u{2066}09:00–12:00\u{2069}",
            "Eingang über den Hof",
            "Einzugsgebiet",
        ] {
            assert!(page.contains(text), "{text} missing: {page}");
        }
        let english = text_with_status(
            anonymous
                .get(&format!("/networks/{net}/offers/{id}?lang=en"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(english.contains("Tuesday: \u{2066}14:00–17:00\u{2069}"));

        // Removing a place and adding none keeps the other two.
        let mut fields = three_places();
        fields.push(("place-1-remove", "1"));
        let response = member
            .post_form(&format!("/networks/{net}/offers/{id}"), &fields)
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let codes: Vec<String> = places_of(&app, id).await.into_iter().map(|p| p.0).collect();
        assert_eq!(codes, ["91413", "97215"]);
        // No area chosen: the municipalities of the places.
        let area: i64 = sqlx::query("SELECT COUNT(*) FROM offer_areas WHERE offer_id = $1")
            .bind(id)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(area, 2);
    }
);

backend_test!(
    another_place_is_added_without_saving,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let offers_before = offer_count(&app).await;
        let mut fields = three_places();
        fields.push(("add_place", "1"));
        let form = text_with_status(
            member
                .post_form(&format!("/networks/{net}/offers"), &fields)
                .await,
            StatusCode::OK,
        )
        .await;
        // Three places renumbered 0–2, and two empty fieldsets (the one
        // sent and the one asked for).
        assert!(form.contains("name=\"place-2-street\" type=\"text\" value=\"Marktplatz 16\""));
        assert!(form.contains("name=\"place-4-street\" type=\"text\" value=\"\""));
        assert!(!form.contains("name=\"place-5-street\""));
        assert_eq!(offer_count(&app).await, offers_before);
    }
);

backend_test!(
    bad_places_and_areas_change_nothing,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
        let new = format!("/networks/{net}/offers");
        let (offers_before, places_before) = (offer_count(&app).await, place_count(&app).await);
        let refused = |extra: Vec<(&'static str, &'static str)>, field: &'static str| {
            let member = &member;
            let new = &new;
            async move {
                let mut fields = three_places();
                fields.extend(extra);
                let body = text_with_status(
                    member.post_form(new, &fields).await,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
                assert!(
                    body.contains(&format!("id=\"e-{field}\"")),
                    "{field}: {body}"
                );
                body
            }
        };
        // A place with a room but neither postal code nor coordinates.
        let body = refused(vec![("place-5-room", "Raum 3")], "place-3-postal_code").await;
        assert!(
            body.contains("braucht eine Postleitzahl oder Koordinaten"),
            "{body}"
        );
        // A postal code nobody knows, without coordinates.
        let body = refused(
            vec![("place-5-postal_code", "00000")],
            "place-3-postal_code",
        )
        .await;
        assert!(body.contains("Postleitzahl ist unbekannt"), "{body}");
        // Coordinates outside Germany.
        refused(
            vec![("place-5-lat", "48.85"), ("place-5-lon", "2.35")],
            "place-3-lat",
        )
        .await;
        // Area keys that do not exist or lie outside the Kreis (Munich).
        let body = refused(vec![("area", "09999999")], "area").await;
        assert!(body.contains("09999999"), "{body}");
        let body = refused(vec![("area", "09162000")], "area").await;
        assert!(body.contains("09162000"), "{body}");
        assert_eq!(offer_count(&app).await, offers_before);
        assert_eq!(place_count(&app).await, places_before);
    }
);
