//! Saving translations of an offer's texts, with their audit entry and
//! search change record.

use serde_json::json;
use sqlx::{Any, Executor};

use crate::core::{
    audit::{self, Actor, Change},
    error::{AppResult, FieldErrors},
    identity::User,
    store::Tx,
    web::App,
};
use crate::offers::{
    model::{LangStatus, Offer, Status, Translation, input::TranslationInput, translation},
    search::changes,
    service::offers,
    store::translations as store,
};

/// Adds or replaces a translation in the caller's transaction.
pub async fn save(
    tx: &mut Tx,
    actor: Actor<'_>,
    offer: &Offer,
    t: &Translation,
) -> Result<(), sqlx::Error> {
    store::save(tx, offer.id, t).await?;
    changes::offer_changed(tx, offer.id).await?;
    let change = Change {
        network_id: Some(offer.network_id.get()),
        entity: "offer",
        entity_id: Some(offer.id.get()),
        action: "translate",
        before: None,
        after: Some(json!(t)),
    };
    audit::record(tx, actor, change).await
}

/// The translation into `lang` from the form. `back_to_review`: a
/// member's translation of a published offer is new public text, so the
/// offer goes back to review as with a German edit.
pub async fn save_from(
    app: &App,
    user: &User,
    offer: &Offer,
    lang: &str,
    input: &TranslationInput,
    back_to_review: bool,
) -> AppResult<Result<(), FieldErrors>> {
    let t = match input.validate(lang, &offer.record) {
        Ok(t) => t,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut tx = app.db.begin().await?;
    save(&mut tx, Actor::User(user), offer, &t).await?;
    if back_to_review && offer.status == Status::Published {
        offers::set_status(&mut tx, Actor::User(user), offer, Status::Review).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// How each language stands for the offer (current, outdated, missing).
pub async fn statuses<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    offer: &Offer,
) -> Result<Vec<LangStatus>, sqlx::Error> {
    let saved = store::saved(ex, offer.id).await?;
    Ok(translation::statuses(&offer.record, &saved))
}
