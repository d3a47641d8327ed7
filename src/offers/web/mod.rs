//! The offers' HTML pages. Every handler loads what its authorisation
//! decision needs (an offer is looked up under the network in its path: an
//! offer of another network is a 404), makes its `require_*` call, calls
//! the service and renders.

pub mod contact_points;
pub mod coverage;
pub mod dashboard;
pub mod finder;
pub mod offers;
pub mod public;
pub mod search;
pub mod translations;
pub mod wegweiser;

use crate::{
    accounts::{model::User, viewer::Viewer},
    core::{
        error::{AppError, AppResult},
        ids::{NetworkId, OfferId},
        web::{App, routes::old_id},
    },
    network::{context::load_network, model::Network},
    offers::{model::Offer, store},
};

/// An offer of the network in the path, with that network; an unknown
/// offer, or one of another network, is a 404 for everybody.
pub(crate) async fn load_offer(
    app: &App,
    network_id: NetworkId,
    offer_id: OfferId,
) -> AppResult<(Offer, Network)> {
    let offer = store::offer(app.db.pool(), offer_id)
        .await?
        .filter(|o| o.network_id == network_id)
        .ok_or_else(AppError::not_found)?;
    let network = load_network(&app.db, network_id.get()).await?;
    Ok((offer, network))
}

/// Who may create offers in a network: its coordinators and admins, and
/// its members for their own organisation.
pub(crate) fn require_author(viewer: &Viewer, network_id: NetworkId) -> AppResult<&User> {
    let network_id = network_id.get();
    if viewer.can_manage_network(network_id) {
        return viewer.require_manage_network(network_id);
    }
    let own = viewer
        .user
        .as_ref()
        .and_then(|u| u.organization_id)
        .unwrap_or(0);
    viewer.require_edit_organization(own, &[network_id])
}

/// Who may change an offer: its provider's members, the network's
/// coordinators and admins.
pub(crate) fn require_editor<'v>(viewer: &'v Viewer, offer: &Offer) -> AppResult<&'v User> {
    viewer.require_edit_organization(offer.organization_id.get(), &[offer.network_id.get()])
}

pub(crate) fn can_edit(viewer: &Viewer, offer: &Offer) -> bool {
    viewer.can_edit_organization(offer.organization_id.get(), &[offer.network_id.get()])
}

/// Where an offer of an old URL (`/offers/{id}/…`, without its network)
/// lives: its network and id; an unknown offer is a 404.
pub async fn located(app: &App, values: &[String]) -> AppResult<(NetworkId, OfferId)> {
    let offer_id: OfferId = old_id(values, 0)?;
    let network_id = store::network_of(app.db.pool(), offer_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((network_id, offer_id))
}
