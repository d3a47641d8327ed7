//! Contact points (Anlaufstellen): offers named as the place to go for
//! integration counselling, per target group and service area, and the
//! queries behind the finder and the coverage of a network.

use serde::Serialize;
use serde_json::json;
use sqlx::{Any, Executor, Row};

use crate::core::{
    audit::{self, Actor, Change},
    store::{Tx, now},
};
use crate::offers::{
    model::Offer,
    search::Search,
    store::{COLUMNS, offer_from},
};

/// The target groups a contact point can serve.
pub const GROUPS: [&str; 3] = ["adults", "young_people", "refugees"];

/// The designation of one offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ContactPoint {
    pub target_groups: Vec<String>,
    pub whole_kreis: bool,
    pub municipalities: Vec<String>,
}

impl ContactPoint {
    pub fn covers(&self, municipality_key: &str) -> bool {
        self.whole_kreis || self.municipalities.iter().any(|m| m == municipality_key)
    }
}

/// The target groups a person of this age and (optional) group belongs to;
/// all groups if neither is given.
pub fn wanted(age: Option<i64>, group: Option<&str>) -> Vec<&'static str> {
    let mut out = Vec::new();
    if let Some(age) = age {
        if (12..=27).contains(&age) {
            out.push("young_people");
        }
        if age >= 18 {
            out.push("adults");
        }
    }
    if let Some(g) = group.and_then(|g| GROUPS.iter().find(|x| **x == g)) {
        out.push(g);
    }
    if age.is_none() && group.is_none() {
        out.extend(GROUPS);
    }
    out
}

pub async fn get<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    offer_id: i64,
) -> Result<Option<ContactPoint>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.target_groups, c.whole_kreis, a.municipality_key
         FROM contact_points c LEFT JOIN contact_point_areas a ON a.offer_id = c.offer_id
         WHERE c.offer_id = $1 ORDER BY a.municipality_key",
    )
    .bind(offer_id)
    .fetch_all(ex)
    .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    Ok(Some(ContactPoint {
        target_groups: split(first.get("target_groups")),
        whole_kreis: first.get::<i64, _>("whole_kreis") != 0,
        municipalities: rows
            .iter()
            .filter_map(|r| r.get::<Option<String>, _>("municipality_key"))
            .collect(),
    }))
}

fn split(value: String) -> Vec<String> {
    value
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Replaces the designation of an offer; no target group removes it.
pub async fn set(
    tx: &mut Tx,
    actor: Actor<'_>,
    offer: &Offer,
    point: &ContactPoint,
) -> Result<(), sqlx::Error> {
    let before = get(&mut **tx, offer.id).await?;
    for table in ["contact_point_areas", "contact_points"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE offer_id = $1"))
            .bind(offer.id)
            .execute(&mut **tx)
            .await?;
    }
    crate::offers::search::changes::offer_changed(tx, offer.id).await?;
    let designated = !point.target_groups.is_empty();
    if designated {
        sqlx::query(
            "INSERT INTO contact_points (offer_id, target_groups, whole_kreis, updated_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(offer.id)
        .bind(point.target_groups.join(","))
        .bind(i64::from(point.whole_kreis))
        .bind(now())
        .execute(&mut **tx)
        .await?;
        for key in &point.municipalities {
            sqlx::query(
                "INSERT INTO contact_point_areas (offer_id, municipality_key) VALUES ($1, $2)",
            )
            .bind(offer.id)
            .bind(key)
            .execute(&mut **tx)
            .await?;
        }
    }
    audit::record(
        tx,
        actor,
        Change {
            network_id: Some(offer.network_id),
            entity: "offer",
            entity_id: Some(offer.id),
            action: "contact_point",
            before: before.map(|b| json!(b)),
            after: designated.then(|| json!(point)),
        },
    )
    .await
}

/// The municipalities of a Kreis as (key, name), by key.
pub async fn municipalities<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    kreis: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT key, name FROM regions WHERE level = 'municipality' AND SUBSTR(key, 1, 5) = $1 ORDER BY key",
    )
    .bind(kreis)
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| (r.get("key"), r.get("name")))
    .collect())
}

/// A published contact point: the offer, its provider's name and its
/// designation.
pub type Published = (Offer, String, ContactPoint);

/// The published contact points of the network of a Kreis, with their
/// provider's name, by title.
pub async fn published_in<'e, E: Executor<'e, Database = Any> + Copy>(
    ex: E,
    kreis: &str,
) -> Result<Vec<Published>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, (SELECT name FROM organizations g WHERE g.id = offers.organization_id) AS provider,
         (SELECT c.target_groups FROM contact_points c WHERE c.offer_id = offers.id) AS cp_groups,
         (SELECT c.whole_kreis FROM contact_points c WHERE c.offer_id = offers.id) AS cp_whole_kreis
         FROM offers WHERE status = 'published'
         AND network_id IN (SELECT id FROM networks WHERE region_key = $1)
         AND id IN (SELECT offer_id FROM contact_points)
         ORDER BY title, id"
    ))
    .bind(kreis)
    .fetch_all(ex)
    .await?;
    let mut areas: std::collections::HashMap<i64, Vec<String>> = Default::default();
    if !rows.is_empty() {
        // Ids are integers from the database, so they can be listed inline.
        let ids: Vec<String> = rows
            .iter()
            .map(|r| r.get::<i64, _>("id").to_string())
            .collect();
        let sql = format!(
            "SELECT offer_id, municipality_key FROM contact_point_areas WHERE offer_id IN ({}) ORDER BY municipality_key",
            ids.join(", ")
        );
        for r in sqlx::query(&sql).fetch_all(ex).await? {
            areas
                .entry(r.get("offer_id"))
                .or_default()
                .push(r.get("municipality_key"));
        }
    }
    Ok(rows
        .iter()
        .map(|r| {
            let offer = offer_from(r);
            let point = ContactPoint {
                target_groups: split(r.get("cp_groups")),
                whole_kreis: r.get::<i64, _>("cp_whole_kreis") != 0,
                municipalities: areas.remove(&offer.id).unwrap_or_default(),
            };
            let provider = r.get::<Option<String>, _>("provider").unwrap_or_default();
            (offer, provider, point)
        })
        .collect())
}

/// The published contact points of a Kreis as the index version knows
/// them: read once per version (the change log covers contact points, so
/// they stay right until it moves on), as the finder asks on every
/// request and the coverage on every network page.
pub async fn current(
    app: &crate::core::web::App,
    kreis: &str,
) -> Result<std::sync::Arc<Vec<Published>>, anyhow::Error> {
    Search::of(app).refresh(&app.db).await?;
    let version = Search::of(app).version();
    let key = kreis.to_string();
    if let Some(points) = Search::of(app).contact_points.get(version, &key) {
        return Ok(points);
    }
    let points = std::sync::Arc::new(published_in(app.db.pool(), kreis).await?);
    Search::of(app)
        .contact_points
        .put(version, key, points.clone());
    Ok(points)
}

/// Postal codes sharing the first three digits with `postal_code`.
pub async fn nearby_postal_codes<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    postal_code: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let prefix = postal_code.get(..3).unwrap_or_default();
    Ok(sqlx::query(
        "SELECT DISTINCT postal_code FROM postal_codes WHERE SUBSTR(postal_code, 1, 3) = $1 ORDER BY postal_code LIMIT 10",
    )
    .bind(prefix)
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| r.get("postal_code"))
    .collect())
}

/// The municipalities of a postal code as (key, name), by key.
pub async fn postal_code_municipalities<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    postal_code: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT DISTINCT r.key, r.name FROM postal_codes p JOIN regions r ON r.key = p.municipality_key
         WHERE p.postal_code = $1 ORDER BY r.key",
    )
    .bind(postal_code)
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| (r.get("key"), r.get("name")))
    .collect())
}
