//! Writing offers: each change with its audit entry and its search change
//! record in one transaction. The `*_from` functions check an input first
//! and own the transaction (the web and API handlers call them); the
//! others write inside the caller's transaction (the demo loader and
//! tests build several changes into one).

use serde_json::json;

use crate::core::{
    audit::{self, Actor},
    error::{AppResult, FieldErrors, Msg},
    identity::User,
    ids::{NetworkId, OfferId, OrganizationId},
    store::{Tx, now},
    web::App,
};
use crate::offers::{
    model::{Offer, OfferRecord, Status, input::OfferInput, place},
    search::changes,
    store::{self, places},
};

async fn log(
    tx: &mut Tx,
    actor: Actor<'_>,
    (network_id, id, action): (NetworkId, OfferId, &str),
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), sqlx::Error> {
    let what = ("offer", Some(id.get()), action);
    audit::in_network(tx, actor, network_id, what, before, after).await
}

/// A new draft offer of `organization_id` in a network.
pub async fn create(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    organization_id: OrganizationId,
    record: &OfferRecord,
) -> Result<OfferId, sqlx::Error> {
    let id = store::create(tx, network_id, organization_id, record).await?;
    changes::offer_changed(tx, id).await?;
    let after = json!({ "organization_id": organization_id, "record": record });
    log(tx, actor, (network_id, id, "create"), None, Some(after)).await?;
    Ok(id)
}

pub async fn update(
    tx: &mut Tx,
    actor: Actor<'_>,
    offer: &Offer,
    record: &OfferRecord,
) -> Result<(), sqlx::Error> {
    store::update(tx, offer.id, record).await?;
    changes::offer_changed(tx, offer.id).await?;
    let (before, after) = (json!(offer.record), json!(record));
    let what = (offer.network_id, offer.id, "update");
    log(tx, actor, what, Some(before), Some(after)).await
}

pub async fn set_status(
    tx: &mut Tx,
    actor: Actor<'_>,
    offer: &Offer,
    to: Status,
) -> Result<(), sqlx::Error> {
    store::set_status(tx, offer.id, to).await?;
    changes::offer_changed(tx, offer.id).await?;
    log(
        tx,
        actor,
        (offer.network_id, offer.id, "status"),
        Some(json!({ "status": offer.status })),
        Some(json!({ "status": to })),
    )
    .await
}

/// "Details still correct": confirms the offer as it is, now.
pub async fn verify(tx: &mut Tx, actor: Actor<'_>, offer: &Offer) -> Result<(), sqlx::Error> {
    let at = now();
    store::set_verified(tx, offer.id, at).await?;
    log(
        tx,
        actor,
        (offer.network_id, offer.id, "verify"),
        Some(json!({ "last_verified_at": offer.last_verified_at })),
        Some(json!({ "last_verified_at": at })),
    )
    .await
}

/// Validates the input and completes each place from its postal code:
/// the municipality, and its centre when no coordinates were given. A
/// place whose postal code is unknown and that has no coordinates cannot
/// be found near anything, so it is an error; so is a service-area
/// municipality outside the network's Kreis (`kreis`). An area left empty
/// is the municipalities of the places.
pub async fn checked(
    app: &App,
    input: &OfferInput,
    kreis: &str,
) -> AppResult<Result<OfferRecord, FieldErrors>> {
    let mut record = match input.validate() {
        Ok(record) => record,
        Err(errors) => return Ok(Err(errors)),
    };
    let pool = app.db.pool();
    let mut errors = FieldErrors::new();
    let numbers: Vec<usize> = input.kept_places().map(|(n, _)| n).collect();
    for (place, n) in record.places.iter_mut().zip(numbers) {
        if let Some(key) = &place.municipality_key
            && !places::municipality_exists(pool, key).await?
        {
            errors.insert(
                format!("place-{n}-municipality_key"),
                Msg::new("offer-err-municipality"),
            );
            continue;
        }
        let centre = match place.postal_code.as_str() {
            "" => None,
            code => places::postal_code_centre(pool, code).await?,
        };
        match centre {
            Some((key, lat, lon)) => {
                if place.municipality_key.is_none() {
                    place.municipality_key = Some(key);
                }
                if place.lat.is_none() {
                    (place.lat, place.lon) = (lat, lon);
                }
            }
            None if place.lat.is_none() => {
                errors.insert(
                    format!("place-{n}-postal_code"),
                    Msg::new("offer-err-place-unknown"),
                );
            }
            None => {}
        }
    }
    let known = places::municipalities(pool, kreis).await?;
    place::check_area(&record.area, &known, "area", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    if record.area.is_empty() {
        let mut keys: Vec<String> = record
            .places
            .iter()
            .filter_map(|p| p.municipality_key.clone())
            .filter(|k| known.iter().any(|(m, _)| m == k))
            .collect();
        keys.sort();
        keys.dedup();
        record.area.municipalities = keys;
    }
    Ok(Ok(record))
}

/// A new offer from the form; `provider` is the organisation it is for
/// (`None`: none the author may choose, an error on the form).
pub async fn create_from(
    app: &App,
    user: &User,
    (network_id, kreis): (NetworkId, &str),
    provider: Option<OrganizationId>,
    input: &OfferInput,
) -> AppResult<Result<OfferId, FieldErrors>> {
    let (record, organization_id) = match (checked(app, input, kreis).await?, provider) {
        (Ok(record), Some(organization_id)) => (record, organization_id),
        (result, organization_id) => {
            let mut errors = result.err().unwrap_or_default();
            if organization_id.is_none() {
                errors.insert("organization_id".into(), Msg::new("offer-err-provider"));
            }
            return Ok(Err(errors));
        }
    };
    let mut tx = app.db.begin().await?;
    let id = create(
        &mut tx,
        Actor::User(user),
        network_id,
        organization_id,
        &record,
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Saves the form over the offer. `back_to_review`: the change goes back
/// to review instead of live (a member's change to a published offer;
/// coordinators publish).
pub async fn update_from(
    app: &App,
    user: &User,
    (offer, kreis): (&Offer, &str),
    input: &OfferInput,
    back_to_review: bool,
) -> AppResult<Result<(), FieldErrors>> {
    let record = match checked(app, input, kreis).await? {
        Ok(record) => record,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut tx = app.db.begin().await?;
    update(&mut tx, Actor::User(user), offer, &record).await?;
    if back_to_review && offer.status == Status::Published {
        set_status(&mut tx, Actor::User(user), offer, Status::Review).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Moves the offer to `to`; the caller has checked that the user may.
pub async fn change_status(app: &App, user: &User, offer: &Offer, to: Status) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    set_status(&mut tx, Actor::User(user), offer, to).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn confirm(app: &App, user: &User, offer: &Offer) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    verify(&mut tx, Actor::User(user), offer).await?;
    tx.commit().await?;
    Ok(())
}
