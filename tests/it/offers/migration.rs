//! Migration 0016: an offer of the first round, with its one place on the
//! offer's own row, becomes an offer with one place; a contact point's
//! area becomes its offer's service area, any other offer serves the
//! municipality of its place.

use std::path::Path;

use ikon::core::store::Db;
use sqlx::{Row, migrate::Migrator};

use crate::common::{Backend, PgDatabase, postgres_enabled};

const NOW: i64 = 1_760_000_000;

async fn migrated_from_0015(backend: Backend) {
    let tmp = tempfile::tempdir().unwrap();
    let postgres = match backend {
        Backend::Postgres => Some(PgDatabase::create().await),
        Backend::Sqlite => None,
    };
    let (url, tree) = match &postgres {
        Some(pg) => (pg.url.clone(), "postgres"),
        None => (
            format!("sqlite://{}", tmp.path().join("old.sqlite3").display()),
            "sqlite",
        ),
    };
    let db = Db::connect(&url).await.unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(tree);
    let mut before = Migrator::new(dir.as_path()).await.unwrap();
    before.migrations = before
        .migrations
        .iter()
        .filter(|m| m.version < 16)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    before.run(db.pool()).await.unwrap();

    let pool = db.pool();
    for (key, level, name) in [
        ("09575", "kreis", "Neustadt a.d.Aisch-Bad Windsheim"),
        ("09575153", "municipality", "Neustadt a.d.Aisch"),
        ("09575115", "municipality", "Bad Windsheim"),
    ] {
        sqlx::query("INSERT INTO regions (key, level, name, name_search) VALUES ($1, $2, $3, $3)")
            .bind(key)
            .bind(level)
            .bind(name)
            .execute(pool)
            .await
            .unwrap();
    }
    sqlx::query("INSERT INTO networks (id, name, region_key, description, created_at, updated_at) VALUES (1, 'Netz', '09575', '', $1, $1)")
        .bind(NOW)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO organizations (id, name, name_search, category, street, postal_code, city, website, email, phone, description, created_at, updated_at)
                 VALUES (1, 'Caritas', 'caritas', 'welfare', '', '', '', '', '', '', '', $1, $1)")
        .bind(NOW)
        .execute(pool)
        .await
        .unwrap();
    // (id, street, municipality, wheelchair)
    for (id, street, key, wheelchair) in [
        (1_i64, "Bahnhofstraße 5", Some("09575153"), 1_i64),
        (2, "Marktplatz 1", Some("09575115"), 0),
        (3, "", None, 0),
    ] {
        sqlx::query(
            "INSERT INTO offers (id, network_id, organization_id, title, summary, description, field, offer_type, target_groups,
               languages, cost, cost_note, wheelchair, accessibility_note, appointment, booking_note, street, postal_code,
               municipality_key, lat, lon, room, opening_hours, phone, email, website, status, created_at, updated_at)
             VALUES ($1, 1, 1, 'Beratung', '', '', 'counselling', 'mbe', '', 'de', 'free', '', $2, $3, 0, '', $4, $5,
               $6, $7, $8, $9, $10, '', '', '', 'published', $11, $11)",
        )
        .bind(id)
        .bind(wheelchair)
        .bind(if id == 1 { "Rampe am Seiteneingang" } else { "" })
        .bind(street)
        .bind(if key.is_some() { "91413" } else { "" })
        .bind(key)
        .bind(key.map(|_| 49.58))
        .bind(key.map(|_| 10.61))
        .bind(if id == 1 { "Raum 2" } else { "" })
        .bind(if key.is_some() { "Mo-Fr 09:00-12:00" } else { "" })
        .bind(NOW)
        .execute(pool)
        .await
        .unwrap();
    }
    // Offer 2 is a contact point for the whole Kreis, with a listed
    // municipality left from before.
    sqlx::query("INSERT INTO contact_points (offer_id, target_groups, whole_kreis, updated_at) VALUES (2, 'adults', 1, $1)")
        .bind(NOW)
        .execute(pool)
        .await
        .unwrap();

    db.migrate().await.unwrap();

    let places = sqlx::query(
        "SELECT offer_id, position, street, postal_code, municipality_key, lat, room, opening_hours, wheelchair, accessibility_note
         FROM offer_places ORDER BY offer_id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    // Offer 3 had no place to keep.
    assert_eq!(places.len(), 2);
    let first = &places[0];
    assert_eq!(first.get::<i64, _>("offer_id"), 1);
    assert_eq!(first.get::<i64, _>("position"), 0);
    assert_eq!(first.get::<String, _>("street"), "Bahnhofstraße 5");
    assert_eq!(first.get::<String, _>("postal_code"), "91413");
    assert_eq!(
        first
            .get::<Option<String>, _>("municipality_key")
            .as_deref(),
        Some("09575153")
    );
    assert_eq!(first.get::<Option<f64>, _>("lat"), Some(49.58));
    assert_eq!(first.get::<String, _>("room"), "Raum 2");
    assert_eq!(first.get::<String, _>("opening_hours"), "Mo-Fr 09:00-12:00");
    assert_eq!(first.get::<i64, _>("wheelchair"), 1);
    assert_eq!(
        first.get::<String, _>("accessibility_note"),
        "Rampe am Seiteneingang"
    );

    let areas: Vec<(i64, String)> =
        sqlx::query("SELECT offer_id, municipality_key FROM offer_areas ORDER BY offer_id")
            .fetch_all(pool)
            .await
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
    assert_eq!(areas, [(1, "09575153".to_string())]);
    let whole: Vec<i64> = sqlx::query("SELECT whole_kreis FROM offers ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(whole, [0, 1, 0]);
    db.close().await;
}

#[tokio::test]
async fn single_place_offers_migrate_on_sqlite() {
    migrated_from_0015(Backend::Sqlite).await;
}

#[tokio::test]
async fn single_place_offers_migrate_on_postgres() {
    if postgres_enabled() {
        migrated_from_0015(Backend::Postgres).await;
    }
}
