//! Recording, changing and removing groups with special needs (one
//! transaction each, with its audit record), and the groups with their
//! gaps and uncovered municipalities for the pages and the API.

use serde_json::json;

use super::{
    model::{
        Choices, LinkedOffer, Need, NeedInput, NeedRecord, NeedView, Needs, UncoveredPlace, suits,
    },
    store,
};
use crate::{
    accounts::model::User,
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult},
        ids::{NeedId, NetworkId},
        web::App,
    },
    monitoring::registry::{self, Network, OfferRef},
};

/// The input checked against the network: the municipalities of its Kreis
/// and its published offers (an offer of another network is refused).
async fn checked(app: &App, network: &Network, input: &NeedInput) -> AppResult<NeedRecord> {
    let choices = Choices {
        municipalities: registry::municipalities(&app.db, network)
            .await?
            .into_iter()
            .map(|(k, _)| k)
            .collect(),
        offers: registry::offers(&app.db, NetworkId(network.id))
            .await?
            .into_iter()
            .filter(|o| o.published)
            .map(|o| o.id)
            .collect(),
    };
    input.validate(&choices).map_err(AppError::invalid)
}

async fn record_change(
    tx: &mut crate::core::store::Tx,
    user: &User,
    network: &Network,
    (id, action): (NeedId, &'static str),
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> AppResult<()> {
    audit::record(
        tx,
        Actor::User(user),
        Change {
            network_id: Some(network.id),
            entity: "special_need",
            entity_id: Some(id.get()),
            action,
            before,
            after,
        },
    )
    .await?;
    Ok(())
}

pub async fn create(
    app: &App,
    user: &User,
    network: &Network,
    input: &NeedInput,
) -> AppResult<NeedId> {
    let record = checked(app, network, input).await?;
    let mut tx = app.db.begin().await?;
    let id = store::create(&mut tx, NetworkId(network.id), &record).await?;
    record_change(
        &mut tx,
        user,
        network,
        (id, "create"),
        None,
        Some(json!(record)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    app: &App,
    user: &User,
    network: &Network,
    need: &Need,
    input: &NeedInput,
) -> AppResult<()> {
    let record = checked(app, network, input).await?;
    let mut tx = app.db.begin().await?;
    store::update(&mut tx, need.id, &record).await?;
    record_change(
        &mut tx,
        user,
        network,
        (need.id, "update"),
        Some(json!(need)),
        Some(json!(record)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(app: &App, user: &User, network: &Network, need: &Need) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    store::delete(&mut tx, need.id).await?;
    record_change(
        &mut tx,
        user,
        network,
        (need.id, "delete"),
        Some(json!(need)),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A group of this network; one of another network is a 404.
pub async fn need_in(app: &App, network_id: NetworkId, id: NeedId) -> AppResult<Need> {
    store::need(app.db.pool(), id)
        .await?
        .filter(|n| n.network_id == network_id)
        .ok_or_else(AppError::not_found)
}

/// A group against the offers: linked offers, gap, uncovered places.
pub fn view(need: Need, offers: &[OfferRef], municipalities: &[(String, String)]) -> NeedView {
    let linked: Vec<LinkedOffer> = need
        .offers
        .iter()
        .filter_map(|id| offers.iter().find(|o| o.id == *id))
        .map(|o| LinkedOffer {
            id: o.id,
            title: o.title.clone(),
            published: o.published,
        })
        .collect();
    let serving: Vec<&OfferRef> = offers
        .iter()
        .filter(|o| o.published && need.offers.contains(&o.id))
        .collect();
    let gap = serving.is_empty();
    let uncovered = if gap {
        Vec::new()
    } else {
        municipalities
            .iter()
            .filter(|(key, _)| need.whole_kreis || need.municipalities.contains(key))
            .filter(|(key, _)| !serving.iter().any(|o| o.covers(key)))
            .map(|(key, name)| UncoveredPlace {
                key: key.clone(),
                name: name.clone(),
            })
            .collect()
    };
    NeedView {
        need,
        linked,
        gap,
        uncovered,
    }
}

/// The network's groups with their gaps.
pub async fn list(app: &App, network: &Network) -> AppResult<Needs> {
    let network_id = NetworkId(network.id);
    let offers = registry::offers(&app.db, network_id).await?;
    let municipalities = registry::municipalities(&app.db, network).await?;
    let needs: Vec<NeedView> = store::needs(app.db.pool(), network_id)
        .await?
        .into_iter()
        .map(|n| view(n, &offers, &municipalities))
        .collect();
    Ok(Needs {
        network_id,
        gaps: needs.iter().filter(|n| n.gap).count(),
        needs,
    })
}

/// One offer as the form's checkbox list shows it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Suggestion {
    pub offer: OfferRef,
    /// Its target groups or field suit the kind and its area covers the
    /// group's municipalities.
    pub suggested: bool,
}

/// The published offers of the network for the form, those that suit the
/// group first.
pub async fn suggestions(
    app: &App,
    network: &Network,
    input: &NeedInput,
) -> AppResult<Vec<Suggestion>> {
    let (groups, fields) = suits(input.kind.trim());
    let mut list: Vec<Suggestion> = registry::offers(&app.db, NetworkId(network.id))
        .await?
        .into_iter()
        .filter(|o| o.published)
        .map(|offer| {
            let matches = offer
                .target_groups
                .iter()
                .any(|g| groups.contains(&g.as_str()))
                || fields.contains(&offer.field.as_str());
            let covers = if input.whole_kreis {
                offer.whole_kreis
            } else {
                input.municipalities.iter().all(|m| offer.covers(m.trim()))
            };
            Suggestion {
                suggested: matches && covers,
                offer,
            }
        })
        .collect();
    // Stable: suggested first, each part by title as the store gave them.
    list.sort_by_key(|s| !s.suggested);
    Ok(list)
}
