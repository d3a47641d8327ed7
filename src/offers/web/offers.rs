//! The network's offer list, the offer form (new and edit), the status
//! workflow and "details still correct".

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{can_edit, load_offer, require_author, require_editor};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, FieldErrors},
        ids::{NetworkId, OfferId, OrganizationId},
        paths,
        store::now,
        web::{
            App,
            forms::{saved, texts, unprocessable},
        },
    },
    network::{
        context::{load_network, scope},
        model::{Network, Organization},
        store::organizations::{self, Filter},
    },
    offers::{
        model::{
            COSTS, FIELDS, Offer, Status, TARGET_GROUPS, TYPES, Transition,
            freshness::{cutoff, is_stale},
            input::{OfferInput, StatusInput, VerifyInput},
            transition,
        },
        service::offers as service,
        store::{self, places},
    },
};

async fn members(app: &App, network_id: NetworkId) -> AppResult<Vec<Organization>> {
    Ok(organizations::list_in_network(app.db.pool(), network_id.get(), &Filter::default()).await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub status: String,
}

pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    viewer.require_read_network(&scope(&network))?;
    let status = Status::parse(&q.status);
    let offers = store::offers(app.db.pool(), network_id, status).await?;
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    let may_create = viewer.can_manage_network(network.id)
        || viewer.user.as_ref().is_some_and(|u| {
            u.organization_id
                .is_some_and(|o| viewer.can_edit_organization(o, &[network.id]))
        });
    let cutoff = cutoff(&app.config, now());
    let stale: Vec<OfferId> = offers
        .iter()
        .filter(|o| o.status == Status::Published && is_stale(o, cutoff))
        .map(|o| o.id)
        .collect();
    let editable: Vec<OfferId> = offers
        .iter()
        .filter(|o| can_edit(&viewer, o))
        .map(|o| o.id)
        .collect();
    let page = app.page(
        &viewer,
        "offers/list.html",
        context! {
            network => network, offers => offers, statuses => statuses,
            status => status.map(Status::code).unwrap_or(""), may_create => may_create,
            stale => stale, editable => editable,
            back => paths::offers(network_id),
        },
    )?;
    Ok(page.into_response())
}

enum Target<'a> {
    New(&'a Network),
    Edit(&'a Offer, &'a Network),
}

async fn render_form(
    app: &App,
    viewer: &Viewer,
    target: Target<'_>,
    input: &OfferInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (action, cancel, network, offer) = match target {
        Target::New(n) => {
            let id = NetworkId(n.id);
            (paths::offers(id), paths::offers(id), n, None)
        }
        Target::Edit(o, n) => (
            paths::offer(o.network_id, o.id),
            paths::offer(o.network_id, o.id),
            n,
            Some(o),
        ),
    };
    let organizations = if viewer.can_manage_network(network.id) && offer.is_none() {
        members(app, NetworkId(network.id)).await?
    } else {
        Vec::new()
    };
    let municipalities = places::municipalities(app.db.pool(), &network.region_key).await?;
    // The places as entered, renumbered, with empty fieldsets to add more;
    // an error names a place by the number it was sent with, so errors
    // are renumbered with them.
    let form = input.for_form();
    let errors = renumbered(input, texts(viewer, errors));
    let page = app.page(
        viewer,
        "offers/form.html",
        context! {
            action => action, cancel => cancel, network => network, offer => offer,
            form => form, errors => errors, organizations => organizations,
            fields => FIELDS, types => TYPES, groups => TARGET_GROUPS, costs => COSTS,
            municipalities => municipalities,
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

/// `place-7-street` → `place-2-street` when the seventh fieldset sent is
/// the third place kept.
fn renumbered(
    input: &OfferInput,
    errors: std::collections::BTreeMap<String, String>,
) -> std::collections::BTreeMap<String, String> {
    let kept: Vec<usize> = input.kept_places().map(|(n, _)| n).collect();
    errors
        .into_iter()
        .map(|(name, text)| {
            let moved = name
                .strip_prefix("place-")
                .and_then(|rest| rest.split_once('-'))
                .and_then(|(n, field)| {
                    let n: usize = n.parse().ok()?;
                    let at = kept.iter().position(|k| *k == n)?;
                    Some(format!("place-{at}-{field}"))
                });
            (moved.unwrap_or(name), text)
        })
        .collect()
}

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    require_author(&viewer, network_id)?;
    let input = OfferInput {
        languages: "de".into(),
        cost: "free".into(),
        ..OfferInput::default()
    };
    let target = Target::New(&network);
    render_form(&app, &viewer, target, &input, &FieldErrors::new()).await
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let user = require_author(&viewer, network_id)?;
    let input = OfferInput::from_pairs(&pairs);
    if input.add_place {
        let (target, none) = (Target::New(&network), FieldErrors::new());
        return render_form(&app, &viewer, target, &input, &none).await;
    }
    // Coordinators choose among the members; a member offers for their
    // own organisation.
    let provider = if viewer.can_manage_network(network.id) {
        let members = members(&app, network_id).await?;
        input
            .chosen_provider()
            .filter(|c| members.iter().any(|o| OrganizationId(o.id) == *c))
    } else {
        user.organization_id.map(OrganizationId)
    };
    let at = (network_id, network.region_key.as_str());
    match service::create_from(&app, user, at, provider, &input).await? {
        Ok(offer_id) => Ok(saved(&paths::offer(network_id, offer_id), "offer-created")),
        Err(errors) => render_form(&app, &viewer, Target::New(&network), &input, &errors).await,
    }
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, offer_id)): Path<(NetworkId, OfferId)>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, network_id, offer_id).await?;
    require_editor(&viewer, &offer)?;
    let input = OfferInput::of(offer.organization_id, &offer.record);
    let target = Target::Edit(&offer, &network);
    render_form(&app, &viewer, target, &input, &FieldErrors::new()).await
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, offer_id)): Path<(NetworkId, OfferId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, network_id, offer_id).await?;
    let user = require_editor(&viewer, &offer)?;
    let input = OfferInput::from_pairs(&pairs);
    if input.add_place {
        let (target, none) = (Target::Edit(&offer, &network), FieldErrors::new());
        return render_form(&app, &viewer, target, &input, &none).await;
    }
    // Coordinators publish: a member's change to a published offer goes
    // back to review instead of going live unchecked.
    let back_to_review = !viewer.can_manage_network(network.id);
    let at = (&offer, network.region_key.as_str());
    match service::update_from(&app, user, at, &input, back_to_review).await? {
        Ok(()) => Ok(saved(&paths::offer(network_id, offer_id), "offer-saved")),
        Err(errors) => {
            let target = Target::Edit(&offer, &network);
            render_form(&app, &viewer, target, &input, &errors).await
        }
    }
}

pub async fn change_status(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, offer_id)): Path<(NetworkId, OfferId)>,
    Form(input): Form<StatusInput>,
) -> AppResult<Response> {
    let (offer, _network) = load_offer(&app, network_id, offer_id).await?;
    let user = require_editor(&viewer, &offer)?;
    let to = input.validate().map_err(AppError::invalid)?;
    let Some(who) = transition(offer.status, to) else {
        return Err(AppError::conflict(
            "offer-transition",
            "offer-err-transition",
        ));
    };
    if who == Transition::Manager {
        viewer.require_manage_network(network_id.get())?;
    }
    service::change_status(&app, user, &offer, to).await?;
    Ok(saved(
        &paths::offer(network_id, offer_id),
        "offer-status-changed",
    ))
}

/// "Details still correct": members of the offer's organisation and the
/// network's coordinators confirm the offer as it is.
pub async fn verify(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, offer_id)): Path<(NetworkId, OfferId)>,
    Form(input): Form<VerifyInput>,
) -> AppResult<Response> {
    let (offer, _network) = load_offer(&app, network_id, offer_id).await?;
    let user = require_editor(&viewer, &offer)?;
    service::confirm(&app, user, &offer).await?;
    let target = input.target(paths::offer(network_id, offer_id));
    Ok(saved(&target, "offer-verified"))
}
