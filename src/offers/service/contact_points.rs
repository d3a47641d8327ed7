//! Contact points: designating an offer, and the published ones of a
//! Kreis that the finder and the coverage read.

use std::sync::Arc;

use serde_json::json;

use crate::core::{
    audit::{self, Actor, Change},
    error::{AppResult, FieldErrors},
    identity::User,
    store::Tx,
    web::App,
};
use crate::offers::{
    model::{ContactPoint, Offer, Status, input::ContactPointInput},
    search::{Search, changes},
    service::offers,
    store::{
        contact_points::{self as store, Published},
        places,
    },
};

/// Replaces the designation of an offer in the caller's transaction; no
/// target group removes it.
pub async fn set(
    tx: &mut Tx,
    actor: Actor<'_>,
    offer: &Offer,
    point: &ContactPoint,
) -> Result<(), sqlx::Error> {
    let before = store::get(&mut **tx, offer.id).await?;
    store::set(tx, offer.id, point).await?;
    changes::offer_changed(tx, offer.id).await?;
    let designated = !point.target_groups.is_empty();
    audit::record(
        tx,
        actor,
        Change {
            network_id: Some(offer.network_id.get()),
            entity: "offer",
            entity_id: Some(offer.id.get()),
            action: "contact_point",
            before: before.map(|b| json!(b)),
            after: designated.then(|| json!(point)),
        },
    )
    .await
}

/// The designation from the form; municipalities must be of `kreis`.
pub async fn set_from(
    app: &App,
    user: &User,
    offer: &Offer,
    kreis: &str,
    input: &ContactPointInput,
    back_to_review: bool,
) -> AppResult<Result<(), FieldErrors>> {
    let known = places::municipalities(app.db.pool(), kreis).await?;
    let point = match input.validate(&known) {
        Ok(point) => point,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut tx = app.db.begin().await?;
    set(&mut tx, Actor::User(user), offer, &point).await?;
    // A member's designation is published text like any other: reviewed.
    if back_to_review && offer.status == Status::Published {
        offers::set_status(&mut tx, Actor::User(user), offer, Status::Review).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// The published contact points of a Kreis as the index version knows
/// them: read once per version (the change log covers contact points, so
/// they stay right until it moves on), as the finder asks on every
/// request and the coverage on every network page.
pub async fn current(app: &App, kreis: &str) -> Result<Arc<Vec<Published>>, anyhow::Error> {
    Search::of(app).refresh(&app.db).await?;
    let version = Search::of(app).version();
    let key = kreis.to_string();
    if let Some(points) = Search::of(app).contact_points.get(version, &key) {
        return Ok(points);
    }
    let points = Arc::new(store::published_in(app.db.pool(), kreis).await?);
    Search::of(app)
        .contact_points
        .put(version, key, points.clone());
    Ok(points)
}
