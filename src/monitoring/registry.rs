//! What the situation analysis needs from the capabilities beside it: the
//! network with who may read or manage it, the municipalities of its Kreis
//! and the offers of its directory with their service areas. Every call
//! into those capabilities is here, so a change of theirs is answered in
//! one file.

use serde::Serialize;

use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        ids::{NetworkId, OfferId},
        store::Db,
    },
    offers::{
        model::Status,
        store::{self as offer_store, places},
    },
};

pub use crate::network::model::Network;

/// A network the viewer may read (404 when there is none, 401/403 when
/// the viewer may not).
pub async fn readable(db: &Db, viewer: &Viewer, id: NetworkId) -> AppResult<Network> {
    let network = crate::network::context::load_network(db, id.get()).await?;
    viewer.require_read_network(&crate::network::context::scope(&network))?;
    Ok(network)
}

/// A network the viewer may manage.
pub async fn managed(db: &Db, viewer: &Viewer, id: NetworkId) -> AppResult<Network> {
    let network = crate::network::context::load_network(db, id.get()).await?;
    viewer.require_manage_network(network.id)?;
    Ok(network)
}

pub fn can_manage(viewer: &Viewer, network: &Network) -> bool {
    viewer.can_manage_network(network.id)
}

/// The municipalities of the network's Kreis as (key, name), by key.
pub async fn municipalities(db: &Db, network: &Network) -> AppResult<Vec<(String, String)>> {
    Ok(places::municipalities(db.pool(), &network.region_key).await?)
}

/// An offer of the network's directory with what a group's link needs.
#[derive(Clone, Debug, Serialize)]
pub struct OfferRef {
    pub id: OfferId,
    pub title: String,
    pub field: String,
    pub target_groups: Vec<String>,
    pub published: bool,
    /// Its service area: the whole Kreis …
    pub whole_kreis: bool,
    /// … or these municipalities (the places' own when no area is set).
    pub municipalities: Vec<String>,
}

impl OfferRef {
    pub fn covers(&self, municipality_key: &str) -> bool {
        self.whole_kreis || self.municipalities.iter().any(|m| m == municipality_key)
    }
}

/// Every offer of the network, by title.
pub async fn offers(db: &Db, network_id: NetworkId) -> AppResult<Vec<OfferRef>> {
    let list = offer_store::offers(db.pool(), network_id, None).await?;
    Ok(list
        .into_iter()
        .map(|o| {
            let mut municipalities = o.record.area.municipalities.clone();
            if o.record.area.is_empty() {
                municipalities = o
                    .record
                    .places
                    .iter()
                    .filter_map(|p| p.municipality_key.clone())
                    .collect();
            }
            OfferRef {
                id: o.id,
                published: o.status == Status::Published,
                title: o.record.title,
                field: o.record.field,
                target_groups: o.record.target_groups,
                whole_kreis: o.record.area.whole_kreis,
                municipalities,
            }
        })
        .collect())
}

/// The Kreise and kreisfreie Städte of a Regierungsbezirk or Land as (key,
/// name), by key.
pub async fn kreise(db: &Db, prefix: &str) -> AppResult<Vec<(String, String)>> {
    use sqlx::Row;
    Ok(sqlx::query(
        "SELECT key, name FROM regions WHERE level = 'district' AND key LIKE $1 ORDER BY key",
    )
    .bind(format!("{prefix}%"))
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| (r.get("key"), r.get("name")))
    .collect())
}
