//! Designating an offer as a contact point: its target groups and the
//! municipalities of the Kreis it serves.

use axum::{
    Form,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use minijinja::context;

use super::{load_offer, require_editor};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppResult, FieldErrors},
        ids::{NetworkId, OfferId},
        paths,
        web::{
            App,
            forms::{saved, texts, unprocessable},
        },
    },
    network::model::Network,
    offers::{
        model::{ContactPoint, GROUPS, Offer, input::ContactPointInput},
        service::contact_points as service,
        store::{contact_points, places},
    },
};

async fn render(
    app: &App,
    viewer: &Viewer,
    (offer, network): (&Offer, &Network),
    point: &ContactPoint,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let all = places::municipalities(app.db.pool(), &network.region_key).await?;
    let page = app.page(
        viewer,
        "offers/contact_point.html",
        context! { offer => offer, network => network, point => point,
        groups => GROUPS, municipalities => all, errors => texts(viewer, errors) },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

pub async fn form(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, offer_id)): Path<(NetworkId, OfferId)>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, network_id, offer_id).await?;
    require_editor(&viewer, &offer)?;
    let point = contact_points::get(app.db.pool(), offer.id)
        .await?
        .unwrap_or_default();
    let errors = FieldErrors::new();
    render(&app, &viewer, (&offer, &network), &point, &errors).await
}

pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, offer_id)): Path<(NetworkId, OfferId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, network_id, offer_id).await?;
    let user = require_editor(&viewer, &offer)?;
    let input = ContactPointInput::from_pairs(&pairs);
    let back_to_review = !viewer.can_manage_network(network.id);
    match service::set_from(
        &app,
        user,
        &offer,
        &network.region_key,
        &input,
        back_to_review,
    )
    .await?
    {
        Ok(()) => Ok(saved(&paths::offer(network_id, offer_id), "cp-saved")),
        Err(errors) => {
            let point = input.as_entered();
            render(&app, &viewer, (&offer, &network), &point, &errors).await
        }
    }
}
