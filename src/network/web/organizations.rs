//! Organisations: the searchable list of a network, the organisation page,
//! creation (with membership) and editing.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{Html, IntoResponse, Response},
};
use minijinja::context;

use super::{checked, saved, texts, unprocessable};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppResult, FieldErrors},
        ids::{NetworkId, OrganizationId},
        paths,
        web::App,
    },
    network::{
        context::{OrgContext, load_network, scope},
        model::{
            Category, Network, Organization, OrganizationInput, OrganizationQuery, category_options,
        },
        service,
        store::{organizations, people},
    },
};

pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<OrganizationQuery>,
) -> AppResult<Html<String>> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_read_network(&scope(&network))?;
    let filter = query.lenient();
    let list = organizations::list_in_network(app.db.pool(), network.id, &filter).await?;
    app.page(
        &viewer,
        "network/organizations.html",
        context! {
            network => network, organizations => list, q => filter.query,
            category => filter.category.map(Category::code).unwrap_or_default(),
            categories => category_options(),
            can_manage => viewer.can_manage_network(network.id),
        },
    )
}

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_manage_network(network.id)?;
    let input = OrganizationInput::default();
    render_form(
        &app,
        &viewer,
        Target::New(&network),
        &input,
        &FieldErrors::new(),
    )
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(input): Form<OrganizationInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    match checked(service::organizations::create(&app, user, network_id, &input).await)? {
        Ok(id) => Ok(saved(&paths::organization(id), "net-organization-created")),
        Err(errors) => render_form(&app, &viewer, Target::New(&network), &input, &errors),
    }
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path(organization_id): Path<OrganizationId>,
) -> AppResult<Html<String>> {
    let ctx = OrgContext::load(&app.db, organization_id).await?;
    viewer.require_read_organization(&ctx.scopes())?;
    let people = people::list_for_organization(app.db.pool(), ctx.organization.id).await?;
    let networks: Vec<_> = ctx
        .networks
        .iter()
        .map(|n| {
            context! {
                id => n.id, name => n.name,
                can_read => viewer.can_read_network(&scope(n)),
                can_manage => viewer.can_manage_network(n.id),
            }
        })
        .collect();
    app.page(
        &viewer,
        "network/organization.html",
        context! {
            can_edit => viewer.can_edit_organization(ctx.organization.id, &ctx.network_ids()),
            organization => ctx.organization, people => people, networks => networks,
        },
    )
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(organization_id): Path<OrganizationId>,
) -> AppResult<Response> {
    let ctx = OrgContext::load(&app.db, organization_id).await?;
    viewer.require_edit_organization(ctx.organization.id, &ctx.network_ids())?;
    let input = OrganizationInput::from(&ctx.organization);
    let target = Target::Edit(&ctx.organization);
    render_form(&app, &viewer, target, &input, &FieldErrors::new())
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(organization_id): Path<OrganizationId>,
    Form(input): Form<OrganizationInput>,
) -> AppResult<Response> {
    let ctx = OrgContext::load(&app.db, organization_id).await?;
    let user = viewer.require_edit_organization(ctx.organization.id, &ctx.network_ids())?;
    match checked(service::organizations::update(&app, user, &ctx, &input).await)? {
        Ok(()) => Ok(saved(
            &paths::organization(organization_id),
            "net-organization-saved",
        )),
        Err(errors) => {
            let target = Target::Edit(&ctx.organization);
            render_form(&app, &viewer, target, &input, &errors)
        }
    }
}

/// Where an organisation form belongs.
enum Target<'a> {
    New(&'a Network),
    Edit(&'a Organization),
}

fn render_form(
    app: &App,
    viewer: &Viewer,
    target: Target,
    input: &OrganizationInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (network, organization) = match target {
        Target::New(n) => (Some(n), None),
        Target::Edit(o) => (None, Some(o)),
    };
    let page = app.page(
        viewer,
        "network/organization_form.html",
        context! {
            network => network, organization => organization, form => input,
            errors => texts(viewer, errors), categories => category_options(),
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}
