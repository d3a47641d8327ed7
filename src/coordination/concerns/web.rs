//! The concern pages: the list of a network, drafting, one concern with its
//! history and the forms for the moves its state allows.

use axum::{
    Form,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use minijinja::context;

use super::{
    model::{ADDRESSEES, Concern, ConcernInput, TransitionInput},
    service, store,
};
use crate::{
    accounts::viewer::Viewer,
    conferences::{
        store as conferences,
        web::{refused, respond},
    },
    coordination::registry::{self, Access, Network},
    core::{
        error::{AppResult, FieldErrors},
        ids::{ConcernId, NetworkId},
        paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
};

/// `GET /networks/{network_id}/concerns`.
pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let concerns = service::concerns(&app, network_id).await?;
    let publishes = store::publishes(app.db.pool(), network_id).await?;
    Ok(app
        .page(
            &viewer,
            "coordination/concerns.html",
            context! {
                network => network, concerns => concerns, publishes => publishes,
                can_draft => viewer.can_participate(network_id),
                can_manage => viewer.can_manage(network_id),
            },
        )?
        .into_response())
}

async fn render_form(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    form: &ConcernInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let network_id = registry::id(network);
    let members = registry::members(&app.db, network_id).await?;
    let contacts = registry::contacts(&app.db, network_id).await?;
    let page = app.page(
        viewer,
        "coordination/concern_form.html",
        context! {
            network => network, form => form, addressees => ADDRESSEES, members => members,
            contacts => contacts, errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

/// `GET …/concerns/new`.
pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    render_form(
        &app,
        &viewer,
        &network,
        &ConcernInput::default(),
        &FieldErrors::new(),
    )
    .await
}

/// `POST …/concerns`: a new draft.
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let form = ConcernInput::from_pairs(&pairs);
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_participate(network_id)?;
    match refused(service::create(&app, user, &network, &form).await)? {
        Ok(id) => Ok(saved(&paths::concern(network_id, id), "concern-saved")),
        Err(errors) => render_form(&app, &viewer, &network, &form, &errors).await,
    }
}

async fn render(
    app: &App,
    viewer: &Viewer,
    (network, concern): (&Network, &Concern),
    (form, transition): (&ConcernInput, &TransitionInput),
    errors: &FieldErrors,
) -> AppResult<Response> {
    let meetings: Vec<_> = conferences::meetings(app.db.pool(), concern.network_id)
        .await?
        .into_iter()
        .filter(|m| m.before_the_day())
        .collect();
    let decisions: Vec<_> = registry::decisions(&app.db, concern.network_id)
        .await?
        .into_iter()
        .filter(|d| Some(d.meeting_id) == concern.meeting_id)
        .collect();
    let history = store::history(app.db.pool(), concern.id).await?;
    let members = registry::members(&app.db, concern.network_id).await?;
    let contacts = registry::contacts(&app.db, concern.network_id).await?;
    let contact = contacts
        .iter()
        .find(|c| Some(c.id) == concern.contact_person_id)
        .cloned();
    let page = app.page(
        viewer,
        "coordination/concern.html",
        context! {
            network => network, concern => concern, history => history, meetings => meetings,
            decisions => decisions, addressees => ADDRESSEES, form => form, transition => transition,
            members => members, contacts => contacts, contact => contact,
            can_edit => service::may_edit(viewer, concern).is_ok(),
            can_manage => viewer.can_manage(concern.network_id),
            can_withdraw => service::may_move(viewer, concern, super::model::ConcernState::Withdrawn).is_ok(),
            errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

/// `GET …/concerns/{concern_id}`.
pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, concern_id)): Path<(NetworkId, ConcernId)>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    let concern = service::concern_in(&app, network_id, concern_id).await?;
    let form = ConcernInput::of(&concern);
    render(
        &app,
        &viewer,
        (&network, &concern),
        (&form, &TransitionInput::default()),
        &FieldErrors::new(),
    )
    .await
}

/// `POST …/concerns/{concern_id}`: changes a draft.
pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, concern_id)): Path<(NetworkId, ConcernId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let form = ConcernInput::from_pairs(&pairs);
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    let concern = service::concern_in(&app, network_id, concern_id).await?;
    let user = service::may_edit(&viewer, &concern)?;
    match refused(service::update(&app, user, &concern, &form).await)? {
        Ok(()) => Ok(saved(
            &paths::concern(network_id, concern.id),
            "concern-saved",
        )),
        Err(errors) => {
            render(
                &app,
                &viewer,
                (&network, &concern),
                (&form, &TransitionInput::default()),
                &errors,
            )
            .await
        }
    }
}

/// `POST …/concerns/{concern_id}/transitions`: a move of the state machine
/// (a forbidden one is a 409 page naming the allowed moves).
pub async fn transition(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, concern_id)): Path<(NetworkId, ConcernId)>,
    Form(input): Form<TransitionInput>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_participate(network_id)?;
    let concern = service::concern_in(&app, network_id, concern_id).await?;
    match refused(service::transition(&app, &viewer, &concern, &input).await)? {
        Ok(()) => Ok(saved(
            &paths::concern(network_id, concern.id),
            "concern-moved",
        )),
        Err(errors) => {
            let form = ConcernInput::of(&concern);
            render(
                &app,
                &viewer,
                (&network, &concern),
                (&form, &input),
                &errors,
            )
            .await
        }
    }
}
