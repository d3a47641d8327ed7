//! Writing commentaries and the report, publishing and withdrawing it:
//! one transaction each, with its audit record.

use serde_json::json;

use super::{
    model::{CommentaryInput, ReportInput},
    store,
};
use crate::{
    core::{
        audit::{self, Actor},
        error::{AppError, AppResult},
        identity::User,
        ids::NetworkId,
        web::App,
    },
    monitoring::web::SITUATION,
};

/// Saves the commentary on `indicator` (a code of the situation page).
pub async fn save_commentary(
    app: &App,
    user: &User,
    network_id: NetworkId,
    indicator: &str,
    input: &CommentaryInput,
) -> AppResult<()> {
    if !SITUATION.contains(&indicator) {
        return Err(AppError::not_found());
    }
    let body = input.validate().map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    let before = store::commentaries(&mut *tx, network_id)
        .await?
        .into_iter()
        .find(|c| c.indicator == indicator);
    store::save_commentary(
        &mut tx,
        network_id,
        indicator,
        &body,
        (Some(user.id), &user.name),
    )
    .await?;
    audit::in_network(
        &mut tx,
        Actor::User(user),
        network_id,
        ("situation_commentary", None, "save"),
        before.map(|c| json!({ "indicator": c.indicator, "body": c.body })),
        Some(json!({ "indicator": indicator, "body": body })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Saves the report's title, introduction and chosen indicators.
pub async fn save_report(
    app: &App,
    user: &User,
    network_id: NetworkId,
    input: &ReportInput,
) -> AppResult<()> {
    let record = input.validate().map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    let before = store::report(&mut *tx, network_id).await?;
    store::save_report(&mut tx, network_id, &record, Some(user.id)).await?;
    audit::in_network(
        &mut tx,
        Actor::User(user),
        network_id,
        ("situation_report", None, "save"),
        before.map(|r| json!(r)),
        Some(json!(record)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes (`true`) or withdraws the report; a network without a
/// report has nothing to publish (409).
pub async fn set_published(
    app: &App,
    user: &User,
    network_id: NetworkId,
    published: bool,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if store::report(&mut *tx, network_id).await?.is_none() {
        return Err(AppError::conflict("no_report", "report-err-none"));
    }
    store::set_published(&mut tx, network_id, published, Some(user.id)).await?;
    audit::in_network(
        &mut tx,
        Actor::User(user),
        network_id,
        (
            "situation_report",
            None,
            if published { "publish" } else { "withdraw" },
        ),
        None,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
