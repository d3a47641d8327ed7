//! An offer with several places is found near any of them: the radius and
//! the postal code match its second place, the distance is the nearest
//! place's, and the answer shows that place first.

use ikon::{
    core::{
        audit::Actor,
        ids::{NetworkId, OrganizationId},
    },
    offers::{
        model::{OfferRecord, PlaceRecord, Status},
        service::offers as service,
        store,
    },
};
use reqwest::StatusCode;

use super::{ids, search};
use crate::backend_test;
use crate::common::TestApp;

const UFFENHEIM: (f64, f64) = (49.5446, 10.2346);
const NEUSTADT: (f64, f64) = (49.5797, 10.6114);

async fn place(
    app: &TestApp,
    postal_code: &str,
    (lat, lon): (f64, f64),
    hours: &str,
) -> PlaceRecord {
    let key: String = sqlx::query_scalar(
        "SELECT municipality_key FROM postal_codes WHERE postal_code = $1 ORDER BY municipality_key",
    )
    .bind(postal_code)
    .fetch_one(app.db().pool())
    .await
    .unwrap();
    PlaceRecord {
        street: "Marktplatz 1".into(),
        postal_code: postal_code.into(),
        municipality_key: Some(key),
        lat: Some(lat),
        lon: Some(lon),
        opening_hours: hours.into(),
        ..PlaceRecord::default()
    }
}

async fn published(app: &TestApp, title: &str, places: Vec<PlaceRecord>) -> i64 {
    let logins = app.demo().await;
    let mut tx = app.db().begin().await.unwrap();
    let record = OfferRecord {
        title: title.into(),
        field: "counselling".into(),
        offer_type: "mbe".into(),
        languages: vec!["de".into()],
        cost: "free".into(),
        places,
        ..OfferRecord::default()
    };
    let actor = Actor::System("test");
    let id = service::create(
        &mut tx,
        Actor::System("test"),
        NetworkId(logins.network_id),
        OrganizationId(logins.member_organization_id),
        &record,
    )
    .await
    .unwrap();
    let offer = store::offer(&mut *tx, id).await.unwrap().unwrap();
    service::set_status(&mut tx, actor, &offer, Status::Published)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id.get()
}

backend_test!(found_near_its_second_place, |app: TestApp| async move {
    let id = published(
        &app,
        "Migrationsberatung in drei Orten",
        vec![
            place(&app, "97215", UFFENHEIM, "We 09:00-12:00").await,
            place(&app, "91413", NEUSTADT, "Mo 09:00-12:00").await,
        ],
    )
    .await;

    // Within 5 km of Neustadt: only the second place is.
    let near = format!("{},{}", NEUSTADT.0 + 0.01, NEUSTADT.1);
    let (status, body) = search(&app, &[("near", &near), ("radius_km", "5")]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ids(&body), [id]);
    let offer = &body["offers"][0];
    let km = offer["distance_km"].as_f64().unwrap();
    assert!(
        km < 2.0,
        "the nearest place's distance, not Uffenheim's: {km}"
    );
    assert_eq!(offer["places"][0]["postal_code"], "91413", "nearest first");
    assert_eq!(offer["places"][1]["postal_code"], "97215");

    // By postal code: the same, from the postal code's centre.
    let (status, body) = search(&app, &[("postal_code", "91413"), ("radius_km", "5")]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ids(&body), [id]);
    assert!(body["offers"][0]["distance_km"].as_f64().unwrap() < 5.0);
    assert_eq!(body["offers"][0]["places"][0]["postal_code"], "91413");

    // Near the first place, that one is nearest.
    let near = format!("{},{}", UFFENHEIM.0, UFFENHEIM.1);
    let (_, body) = search(&app, &[("near", &near), ("radius_km", "5")]).await;
    assert_eq!(ids(&body), [id]);
    assert!(body["offers"][0]["distance_km"].as_f64().unwrap() < 0.5);
    assert_eq!(body["offers"][0]["places"][0]["postal_code"], "97215");

    // Far from both: not found.
    let (_, body) = search(&app, &[("near", "48.1372,11.5756"), ("radius_km", "20")]).await;
    assert!(ids(&body).is_empty(), "{body}");

    // Every place's municipality counts for the region filter.
    let second = offer_places_key(&app, id, 1).await;
    let (_, body) = search(&app, &[("region", &second)]).await;
    assert_eq!(ids(&body), [id], "{second}");
});

async fn offer_places_key(app: &TestApp, id: i64, position: i64) -> String {
    sqlx::query_scalar(
        "SELECT municipality_key FROM offer_places WHERE offer_id = $1 AND position = $2",
    )
    .bind(id)
    .bind(position)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
}
