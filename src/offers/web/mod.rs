//! The offer pages: the network's list, the form, the offer page (public
//! once published) and the status workflow.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use crate::{
    accounts::{model::User, viewer::Viewer},
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        web::App,
    },
    network::{
        context::{load_network, scope},
        model::{Network, Organization},
        store::organizations::{self, Filter},
        web::{saved, texts, unprocessable},
    },
    offers::{
        form::OfferForm,
        freshness,
        model::{
            COSTS, FIELDS, Offer, OfferRecord, Status, TARGET_GROUPS, TYPES, Transition, transition,
        },
        store,
    },
};

mod public;

/// An offer with its network; unknown offers are a 404 for everybody.
pub(crate) async fn load_offer(app: &App, id: i64) -> AppResult<(Offer, Network)> {
    let offer = store::offer(app.db.pool(), id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let network = load_network(&app.db, offer.network_id).await?;
    Ok((offer, network))
}

/// Who may create offers in a network: its coordinators and admins, and
/// its members for their own organisation.
fn require_author<'v>(viewer: &'v Viewer, network: &Network) -> AppResult<&'v User> {
    if viewer.can_manage_network(network.id) {
        return viewer.require_manage_network(network.id);
    }
    let own = viewer
        .user
        .as_ref()
        .and_then(|u| u.organization_id)
        .unwrap_or(0);
    viewer.require_edit_organization(own, &[network.id])
}

pub(crate) fn require_editor<'v>(viewer: &'v Viewer, offer: &Offer) -> AppResult<&'v User> {
    viewer.require_edit_organization(offer.organization_id, &[offer.network_id])
}

async fn members(app: &App, network_id: i64) -> AppResult<Vec<Organization>> {
    Ok(organizations::list_in_network(app.db.pool(), network_id, &Filter::default()).await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub status: String,
}

pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let status = Status::parse(&q.status);
    let offers = store::offers(app.db.pool(), network.id, status).await?;
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    let may_create = viewer.can_manage_network(network.id)
        || viewer.user.as_ref().is_some_and(|u| {
            u.organization_id
                .is_some_and(|o| viewer.can_edit_organization(o, &[network.id]))
        });
    let cutoff = freshness::cutoff(&app.config, crate::core::store::now());
    let stale: Vec<i64> = offers
        .iter()
        .filter(|o| o.status == Status::Published && freshness::is_stale(o, cutoff))
        .map(|o| o.id)
        .collect();
    let editable: Vec<i64> = offers
        .iter()
        .filter(|o| viewer.can_edit_organization(o.organization_id, &[o.network_id]))
        .map(|o| o.id)
        .collect();
    let page = app.page(
        &viewer,
        "offers/list.html",
        context! {
            network => network, offers => offers, statuses => statuses,
            status => status.map(Status::code).unwrap_or(""), may_create => may_create,
            stale => stale, editable => editable,
            back => format!("/networks/{}/offers", network.id),
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
    form: &OfferForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (action, cancel, network, offer) = match target {
        Target::New(n) => (
            format!("/networks/{}/offers/new", n.id),
            format!("/networks/{}/offers", n.id),
            n,
            None,
        ),
        Target::Edit(o, n) => (
            format!("/offers/{}/edit", o.id),
            format!("/offers/{}", o.id),
            n,
            Some(o),
        ),
    };
    let organizations = if viewer.can_manage_network(network.id) && offer.is_none() {
        members(app, network.id).await?
    } else {
        Vec::new()
    };
    let page = app.page(
        viewer,
        "offers/form.html",
        context! {
            action => action, cancel => cancel, network => network, offer => offer,
            form => form, errors => texts(viewer, errors), organizations => organizations,
            fields => FIELDS, types => TYPES, groups => TARGET_GROUPS, costs => COSTS,
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

/// Validates the form and completes the place from the postal code: the
/// municipality, and its centre when no coordinates were given.
async fn checked(app: &App, form: &OfferForm) -> AppResult<Result<OfferRecord, FieldErrors>> {
    let mut record = match form.validate() {
        Ok(record) => record,
        Err(errors) => return Ok(Err(errors)),
    };
    if let Some(key) = &record.municipality_key
        && !store::municipality_exists(app.db.pool(), key).await?
    {
        let mut errors = FieldErrors::new();
        errors.insert(
            "municipality_key".into(),
            Msg::new("offer-err-municipality"),
        );
        return Ok(Err(errors));
    }
    if !record.postal_code.is_empty()
        && let Some((key, lat, lon)) =
            store::postal_code_centre(app.db.pool(), &record.postal_code).await?
    {
        if record.municipality_key.is_none() {
            record.municipality_key = Some(key);
        }
        if record.lat.is_none() {
            (record.lat, record.lon) = (lat, lon);
        }
    }
    Ok(Ok(record))
}

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    require_author(&viewer, &network)?;
    let form = OfferForm {
        languages: "de".into(),
        cost: "free".into(),
        ..OfferForm::default()
    };
    render_form(
        &app,
        &viewer,
        Target::New(&network),
        &form,
        &FieldErrors::new(),
    )
    .await
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = require_author(&viewer, &network)?;
    let form = OfferForm::from_pairs(&pairs);
    let organization_id = if viewer.can_manage_network(network.id) {
        let chosen = form.organization_id.trim().parse::<i64>().ok();
        let ids: Vec<i64> = members(&app, network.id)
            .await?
            .iter()
            .map(|o| o.id)
            .collect();
        chosen.filter(|c| ids.contains(c))
    } else {
        user.organization_id
    };
    let (record, organization_id) = match (checked(&app, &form).await?, organization_id) {
        (Ok(record), Some(organization_id)) => (record, organization_id),
        (result, organization_id) => {
            let mut errors = result.err().unwrap_or_default();
            if organization_id.is_none() {
                errors.insert("organization_id".into(), Msg::new("offer-err-provider"));
            }
            return render_form(&app, &viewer, Target::New(&network), &form, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    let offer_id = store::create_offer(
        &mut tx,
        Actor::User(user),
        network.id,
        organization_id,
        &record,
    )
    .await?;
    tx.commit().await?;
    Ok(saved(&format!("/offers/{offer_id}"), "offer-created"))
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, id).await?;
    require_editor(&viewer, &offer)?;
    let form = OfferForm::of(offer.organization_id, &offer.record);
    let target = Target::Edit(&offer, &network);
    render_form(&app, &viewer, target, &form, &FieldErrors::new()).await
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, id).await?;
    let user = require_editor(&viewer, &offer)?;
    let form = OfferForm::from_pairs(&pairs);
    let record = match checked(&app, &form).await? {
        Ok(record) => record,
        Err(errors) => {
            let target = Target::Edit(&offer, &network);
            return render_form(&app, &viewer, target, &form, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::update_offer(&mut tx, Actor::User(user), &offer, &record).await?;
    // Coordinators publish: a member's change to a published offer goes
    // back to review instead of going live unchecked.
    if offer.status == Status::Published && !viewer.can_manage_network(offer.network_id) {
        store::set_status(&mut tx, Actor::User(user), &offer, Status::Review).await?;
    }
    tx.commit().await?;
    Ok(saved(&format!("/offers/{}", offer.id), "offer-saved"))
}

#[derive(Debug, Default, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    pub to: String,
}

pub async fn change_status(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    let (offer, _network) = load_offer(&app, id).await?;
    let user = require_editor(&viewer, &offer)?;
    let to = Status::parse(form.to.trim()).ok_or_else(|| {
        let mut errors = FieldErrors::new();
        errors.insert("to".into(), Msg::new("offer-err-choice"));
        AppError::invalid(errors)
    })?;
    let Some(who) = transition(offer.status, to) else {
        return Err(AppError::conflict(
            "offer-transition",
            "offer-err-transition",
        ));
    };
    if who == Transition::Manager {
        viewer.require_manage_network(offer.network_id)?;
    }
    let mut tx = app.db.begin().await?;
    store::set_status(&mut tx, Actor::User(user), &offer, to).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/offers/{}", offer.id),
        "offer-status-changed",
    ))
}

pub use public::show;
