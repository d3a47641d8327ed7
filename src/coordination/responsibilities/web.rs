//! The pages of the responsibility matrix: the grid (fields × target groups
//! for one municipality or the whole Kreis, or municipalities × fields for
//! one target group) with the button that puts an unconfirmed cell on the
//! next agenda, one agreement and the agreement form.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use minijinja::{Value, context};
use serde::Deserialize;

use super::{
    agenda::{self, CellInput},
    model::{AgreementInput, Cell, FIELDS, MatrixQuery, PartyInput, Role, TARGET_GROUPS},
    service::{self, Loaded},
    views::GridView,
};
use crate::{
    accounts::{model::Role as UserRole, viewer::Viewer},
    conferences::web::{refused, respond},
    coordination::registry::{self, Access, Network},
    core::{
        error::{AppResult, FieldErrors},
        ids::{AgreementId, NetworkId, OrganizationId},
        paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
};

/// A network the viewer may read.
pub(super) async fn readable(
    app: &App,
    viewer: &Viewer,
    network_id: NetworkId,
) -> AppResult<Network> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_read(&network)?;
    Ok(network)
}

/// The viewer's organisation, for a member.
fn own_organization(viewer: &Viewer) -> Option<OrganizationId> {
    viewer
        .user
        .as_ref()
        .filter(|u| u.role == UserRole::Member)
        .and_then(|u| u.organization_id)
        .map(OrganizationId)
}

/// `GET /networks/{network_id}/responsibilities`: the grid.
pub async fn matrix(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<MatrixQuery>,
) -> AppResult<Response> {
    let network = readable(&app, &viewer, network_id).await?;
    let loaded = Loaded::of(&app, &network, service::day_of(&query)).await?;
    // One grid for the view and the totals.
    let grid = loaded.grid();
    let view = GridView::with_grid(&loaded, &grid, &query);
    let cells = grid.all(&loaded.municipalities, FIELDS, TARGET_GROUPS);
    let count = |f: fn(&Cell) -> bool| cells.iter().filter(|c| f(c)).count();
    let on_agenda = if viewer.can_manage(network_id) {
        agenda::on_agenda(&app, network_id).await?
    } else {
        Default::default()
    };
    let own = own_organization(&viewer);
    let mine: Vec<_> = loaded
        .agreements
        .iter()
        .filter(|a| own.is_some_and(|o| a.parties.iter().any(|p| p.organization_id == o)))
        .collect();
    Ok(app
        .page(
            &viewer,
            "coordination/matrix.html",
            context! {
                network => network, view => view, day => loaded.day,
                municipalities => loaded.municipalities, groups => TARGET_GROUPS,
                totals => context! {
                    gaps => count(|c| c.gap), overlaps => count(|c| c.overlap),
                    unconfirmed => count(|c| c.unconfirmed),
                },
                mine => mine, can_manage => viewer.can_manage(network_id), on_agenda => on_agenda,
                query => context! {
                    municipality => query.municipality.trim(), target_group => query.target_group.trim(),
                    on => query.on.trim(),
                },
            },
        )?
        .into_response())
}

/// The agreement form, new (`editing` `None`) or of an agreement.
async fn render_form(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    (form, editing): (&AgreementInput, Option<AgreementId>),
    errors: &FieldErrors,
) -> AppResult<Response> {
    let network_id = registry::id(network);
    let organizations: Vec<Value> = registry::members(&app.db, network_id)
        .await?
        .into_iter()
        .map(|o| context! { id => o.id, name => o.name, role => form.role_of(o.id) })
        .collect();
    let municipalities = registry::municipalities(&app.db, network).await?;
    let decisions = registry::decisions(&app.db, network_id).await?;
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
    let page = app.page(
        viewer,
        "coordination/agreement_form.html",
        context! {
            network => network, form => form, editing => editing, organizations => organizations,
            municipalities => municipalities, decisions => decisions, roles => roles,
            fields => FIELDS, groups => TARGET_GROUPS, errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

/// Which cell a new agreement is for, and whether to name the providers
/// of the offers that cover it.
#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub target_group: String,
    /// `1`: the providers of the covering offers as involved organisations.
    #[serde(default)]
    pub from_offers: String,
}

/// `GET …/responsibilities/new`: the form, filled in for a cell.
pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<NewQuery>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    viewer.require_manage(network_id)?;
    let mut form = AgreementInput {
        municipality_key: query.municipality.trim().into(),
        field: query.field.trim().into(),
        target_group: query.target_group.trim().into(),
        valid_from: service::today(),
        ..AgreementInput::default()
    };
    if query.from_offers == "1" {
        let loaded = Loaded::of(&app, &network, service::today()).await?;
        let scope = loaded
            .municipalities
            .iter()
            .find(|(k, _)| *k == form.municipality_key)
            .map(|(k, n)| (k.as_str(), n.as_str()));
        let cell = loaded.grid().cell(scope, &form.field, &form.target_group);
        form.parties = cell
            .providers
            .iter()
            .map(|p| PartyInput {
                organization_id: p.organization_id.get(),
                role: Role::Involved.code().into(),
            })
            .collect();
    }
    render_form(&app, &viewer, &network, (&form, None), &FieldErrors::new()).await
}

/// `POST …/responsibilities`: a new agreement.
pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let form = AgreementInput::from_pairs(&pairs);
    match refused(service::create(&app, user, &network, &form).await)? {
        Ok(id) => Ok(saved(&paths::agreement(network_id, id), "agreement-saved")),
        Err(errors) => render_form(&app, &viewer, &network, (&form, None), &errors).await,
    }
}

/// `GET …/responsibilities/{agreement_id}`: the agreement; for
/// coordinators in its form.
pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, agreement_id)): Path<(NetworkId, AgreementId)>,
) -> AppResult<Response> {
    let network = readable(&app, &viewer, network_id).await?;
    let agreement = service::agreement_in(&app, network_id, agreement_id).await?;
    if viewer.can_manage(network_id) {
        let form = AgreementInput::of(&agreement);
        return render_form(
            &app,
            &viewer,
            &network,
            (&form, Some(agreement.id)),
            &FieldErrors::new(),
        )
        .await;
    }
    let decision = match agreement.decision_id {
        Some(id) => registry::decision(&app.db, id).await?,
        None => None,
    };
    Ok(app
        .page(
            &viewer,
            "coordination/agreement.html",
            context! { network => network, agreement => agreement, decision => decision },
        )?
        .into_response())
}

/// `POST …/responsibilities/{agreement_id}`: changes the agreement.
pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, agreement_id)): Path<(NetworkId, AgreementId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let agreement = service::agreement_in(&app, network_id, agreement_id).await?;
    let form = AgreementInput::from_pairs(&pairs);
    match refused(service::update(&app, user, &network, &agreement, &form).await)? {
        Ok(()) => Ok(saved(
            &paths::agreement(network_id, agreement.id),
            "agreement-saved",
        )),
        Err(errors) => {
            render_form(
                &app,
                &viewer,
                &network,
                (&form, Some(agreement.id)),
                &errors,
            )
            .await
        }
    }
}

/// `POST …/responsibilities/{agreement_id}/delete`.
pub async fn delete(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, agreement_id)): Path<(NetworkId, AgreementId)>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    let agreement = service::agreement_in(&app, network_id, agreement_id).await?;
    service::delete(&app, user, &network, &agreement).await?;
    Ok(saved(
        &paths::responsibilities(network_id),
        "agreement-deleted",
    ))
}

/// The agenda button's form: the cell, and the target group whose view
/// it was pressed in (to return there).
#[derive(Debug, Default, Deserialize)]
pub struct AgendaForm {
    #[serde(flatten)]
    pub cell: CellInput,
    #[serde(default)]
    pub back_group: String,
}

/// `POST …/responsibilities/agenda`: proposes an unconfirmed cell for the
/// next meeting's agenda, naming the providers of its offers.
pub async fn propose_for_agenda(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(form): Form<AgendaForm>,
) -> AppResult<Response> {
    let network = registry::network(&app.db, network_id).await?;
    let user = viewer.require_manage(network_id)?;
    agenda::propose(&app, user, &network, &form.cell, viewer.lang).await?;
    // Back to the view the button was pressed in.
    let back = if TARGET_GROUPS.contains(&form.back_group.as_str()) {
        format!("target_group={}", form.back_group)
    } else {
        let key = form.cell.municipality.trim();
        let key = if key.chars().all(|c| c.is_ascii_digit()) {
            key
        } else {
            "kreis"
        };
        format!("municipality={key}")
    };
    Ok(axum::response::Redirect::to(&format!(
        "{}?{back}&notice=cell-proposed",
        paths::responsibilities(network_id)
    ))
    .into_response())
}
