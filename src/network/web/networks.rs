//! Networks: the public list, creation by administrators, the network page
//! (members grouped by category), editing, and the network's audit log.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{Html, IntoResponse, Response},
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{saved, texts, unprocessable};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::{self, Actor},
        error::{AppResult, FieldErrors, Msg},
        web::App,
    },
    network::{
        context::{load_network, scope},
        model::{Category, Network, Organization},
        store::{self, networks, organizations},
        validate::NetworkInput,
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
    render_form(
        &app,
        &viewer,
        None,
        &NetworkInput::default(),
        &FieldErrors::new(),
    )
    .await
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Form(input): Form<NetworkInput>,
) -> AppResult<Response> {
    let user = viewer.require_admin()?;
    let mut errors = FieldErrors::new();
    let record = match input.validate(true) {
        Ok(record) => Some(record),
        Err(fields) => {
            errors = fields;
            None
        }
    };
    if !errors.contains_key("region_key") {
        if !networks::is_district(app.db.pool(), input.region_key.trim()).await? {
            errors.insert("region_key".into(), Msg::new("net-err-region"));
        } else if networks::network_for_region(app.db.pool(), input.region_key.trim())
            .await?
            .is_some()
        {
            errors.insert("region_key".into(), Msg::new("net-err-region-taken"));
        }
    }
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        return render_form(&app, &viewer, None, &input, &errors).await;
    };
    let mut tx = app.db.begin().await?;
    let id = networks::create(&mut tx, &Actor::User(user), &record).await?;
    tx.commit().await?;
    Ok(saved(&format!("/networks/{id}"), "net-network-created"))
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
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
    Path(id): Path<i64>,
    Form(input): Form<NetworkInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let record = match input.validate(false) {
        Ok(record) => record,
        Err(errors) => return render_form(&app, &viewer, Some(&network), &input, &errors).await,
    };
    let mut tx = app.db.begin().await?;
    networks::update(&mut tx, &Actor::User(user), &network, &record).await?;
    tx.commit().await?;
    Ok(saved(&format!("/networks/{id}"), "net-network-saved"))
}

async fn render_form(
    app: &App,
    viewer: &Viewer,
    network: Option<&Network>,
    input: &NetworkInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let districts = if network.is_none() {
        networks::districts(&app.db).await?
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

/// Members of one category on the network page.
#[derive(Serialize)]
struct Group {
    code: &'static str,
    message_id: String,
    organizations: Vec<Organization>,
}

fn group(organizations: Vec<Organization>) -> Vec<Group> {
    Category::ALL
        .into_iter()
        .map(|c| Group {
            code: c.code(),
            message_id: c.message_id(),
            organizations: organizations
                .iter()
                .filter(|o| o.category == c)
                .cloned()
                .collect(),
        })
        .filter(|g| !g.organizations.is_empty())
        .collect()
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    render_show(&app, &viewer, &network, "", &FieldErrors::new()).await
}

/// The network page; `add_value`/`add_errors` refill the "add an existing
/// organisation" form after a failed attempt.
pub(crate) async fn render_show(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    add_value: &str,
    add_errors: &FieldErrors,
) -> AppResult<Response> {
    let list =
        organizations::list_in_network(app.db.pool(), network.id, &Default::default()).await?;
    let page = app.page(
        viewer,
        "network/network.html",
        context! {
            network => network, total => list.len(), groups => group(list),
            can_manage => viewer.can_manage_network(network.id),
            add_value => add_value, errors => texts(viewer, add_errors),
            offers_panel => crate::offers::dashboard::network_panel(app, viewer, network).await?,
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
    Path(id): Path<i64>,
    Query(query): Query<PageQuery>,
) -> AppResult<Html<String>> {
    let network = load_network(&app.db, id).await?;
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
