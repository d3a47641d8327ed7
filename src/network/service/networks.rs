//! Creating and editing networks.

use serde_json::json;

use super::{Entry, valid, write_audit};
use crate::{
    core::{
        audit::Actor,
        error::{AppResult, FieldErrors, Msg},
        ids::NetworkId,
        store::Tx,
        web::App,
    },
    geography::{key::AgsKey, model::Level, store as regions},
    network::{
        model::{Network, NetworkInput, NetworkRecord},
        store::networks,
    },
};

/// Creates a network for a Kreis that has none yet.
pub async fn create(app: &App, actor: &Actor<'_>, input: &NetworkInput) -> AppResult<NetworkId> {
    let checked = input.validate(true);
    let mut more = FieldErrors::new();
    if !checked
        .as_ref()
        .is_err_and(|errors| errors.contains_key("region_key"))
    {
        let key = input.region_key.trim();
        if !is_district(app, key).await? {
            more.insert("region_key".into(), Msg::new("net-err-region"));
        } else if networks::network_for_region(app.db.pool(), key)
            .await?
            .is_some()
        {
            more.insert("region_key".into(), Msg::new("net-err-region-taken"));
        }
    }
    let record = valid(checked, more)?;
    let mut tx = app.db.begin().await?;
    let id = insert(&mut tx, actor, &record).await?;
    tx.commit().await?;
    Ok(id)
}

async fn is_district(app: &App, key: &str) -> AppResult<bool> {
    let Ok(key) = AgsKey::parse(key) else {
        return Ok(false);
    };
    let found = regions::region_ref(&app.db, &key).await?;
    Ok(found.is_some_and(|r| r.level == Level::District))
}

/// Writes a valid network with its audit entry (also for the demo loader).
pub async fn insert(
    tx: &mut Tx,
    actor: &Actor<'_>,
    record: &NetworkRecord,
) -> Result<NetworkId, sqlx::Error> {
    let id = networks::insert(tx, record).await?;
    let entry = Entry {
        network_id: Some(NetworkId(id)),
        entity: "network",
        entity_id: id,
        action: "create",
        before: None,
        after: Some(json!(record)),
    };
    write_audit(tx, actor, entry).await?;
    Ok(NetworkId(id))
}

/// Changes name and description; the region of a network is fixed.
pub async fn update(
    app: &App,
    actor: &Actor<'_>,
    before: &Network,
    input: &NetworkInput,
) -> AppResult<()> {
    let record = valid(input.validate(false), FieldErrors::new())?;
    let mut tx = app.db.begin().await?;
    networks::update(&mut tx, before.id, &record).await?;
    let entry = Entry {
        network_id: Some(NetworkId(before.id)),
        entity: "network",
        entity_id: before.id,
        action: "update",
        before: Some(json!({"name": before.name, "description": before.description})),
        after: Some(json!({"name": record.name, "description": record.description})),
    };
    write_audit(&mut tx, actor, entry).await?;
    tx.commit().await?;
    Ok(())
}
