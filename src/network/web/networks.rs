//! Networks: the public list, creation by administrators, the network page
//! (members grouped by category, and the panels other capabilities add),
//! editing, and the network's audit log.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{Html, IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{checked, saved, texts, unprocessable};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::{self, Actor},
        error::{AppResult, FieldErrors},
        ids::NetworkId,
        paths,
        web::App,
    },
    geography::{model::Level, store as regions},
    network::{
        context::{load_network, scope},
        model::{Group, Network, NetworkInput},
        service,
        store::{self, organizations},
    },
};

pub async fn list(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    let networks = store::list_networks(&app.db).await?;
    app.page(
        &viewer,
        "network/networks.html",
        context! { networks => networks, can_create => viewer.is_admin() },
    )
}

pub async fn new_form(State(app): State<App>, viewer: Viewer) -> AppResult<Response> {
    viewer.require_admin()?;
    let input = NetworkInput::default();
    render_form(&app, &viewer, None, &input, &FieldErrors::new()).await
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Form(input): Form<NetworkInput>,
) -> AppResult<Response> {
    let user = viewer.require_admin()?;
    match checked(service::networks::create(&app, &Actor::User(user), &input).await)? {
        Ok(id) => Ok(saved(&paths::network(id), "net-network-created")),
        Err(errors) => render_form(&app, &viewer, None, &input, &errors).await,
    }
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_manage_network(network.id)?;
    let input = NetworkInput {
        name: network.name.clone(),
        region_key: network.region_key.clone(),
        description: network.description.clone(),
    };
    render_form(&app, &viewer, Some(&network), &input, &FieldErrors::new()).await
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(input): Form<NetworkInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let actor = Actor::User(user);
    match checked(service::networks::update(&app, &actor, &network, &input).await)? {
        Ok(()) => Ok(saved(&paths::network(network_id), "net-network-saved")),
        Err(errors) => render_form(&app, &viewer, Some(&network), &input, &errors).await,
    }
}

async fn render_form(
    app: &App,
    viewer: &Viewer,
    network: Option<&Network>,
    input: &NetworkInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    // Only a new network chooses its Kreis.
    let districts = if network.is_none() {
        regions::by_level(&app.db, Level::District).await?
    } else {
        Vec::new()
    };
    let page = app.page(
        viewer,
        "network/network_form.html",
        context! {
            network => network, form => input, errors => texts(viewer, errors),
            districts => districts,
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_read_network(&scope(&network))?;
    render_show(&app, &viewer, &network, "", &FieldErrors::new()).await
}

/// The network page; `add_value`/`add_errors` refill the "add an existing
/// organisation" form after a failed attempt. Other capabilities add their
/// panels (e.g. the offers that need attention) through the app.
pub(crate) async fn render_show(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    add_value: &str,
    add_errors: &FieldErrors,
) -> AppResult<Response> {
    let list =
        organizations::list_in_network(app.db.pool(), network.id, &Default::default()).await?;
    let panels = app.network_panels(viewer, NetworkId(network.id)).await?;
    let page = app.page(
        viewer,
        "network/network.html",
        context! {
            network => network, total => list.len(), groups => Group::all(&list),
            can_manage => viewer.can_manage_network(network.id),
            add_value => add_value, errors => texts(viewer, add_errors),
            panels => panels,
        },
    )?;
    Ok(if add_errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

#[derive(Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: Option<i64>,
}

const AUDIT_PAGE: i64 = 50;

pub async fn audit(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<PageQuery>,
) -> AppResult<Html<String>> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_manage_network(network.id)?;
    let page = query.page.unwrap_or(1).max(1);
    let mut entries = audit::list(
        &app.db,
        Some(network.id),
        AUDIT_PAGE + 1,
        (page - 1) * AUDIT_PAGE,
    )
    .await?;
    let has_next = entries.len() > AUDIT_PAGE as usize;
    entries.truncate(AUDIT_PAGE as usize);
    let entries: Vec<_> = entries
        .into_iter()
        .map(|e| {
            let show = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
            context! {
                at => e.at, actor => e.actor, entity => e.entity, entity_id => e.entity_id,
                action => e.action, before => show(&e.before), after => show(&e.after),
            }
        })
        .collect();
    app.page(
        &viewer,
        "network/audit.html",
        context! { network => network, entries => entries, page => page, has_next => has_next },
    )
}
