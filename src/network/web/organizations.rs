//! Organisations: the searchable list of a network, the organisation page,
//! creation (with membership) and editing, and adding or removing
//! memberships.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{Html, IntoResponse, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{networks::render_show, saved, texts, unprocessable};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        web::App,
    },
    network::{
        context::{OrgContext, load_network, scope},
        model::{Category, Network, Organization, category_options},
        store::{
            memberships::{self, Removed},
            organizations::{self, Filter},
            people,
        },
        validate::OrganizationInput,
    },
};

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub category: String,
}

pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(query): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    // An unknown category in a hand-edited URL shows everything.
    let category = Category::parse(&query.category);
    let filter = Filter {
        query: query.q.trim().to_string(),
        category,
    };
    let list = organizations::list_in_network(app.db.pool(), network.id, &filter).await?;
    app.page(
        &viewer,
        "network/organizations.html",
        context! {
            network => network, organizations => list, q => filter.query,
            category => category.map(Category::code).unwrap_or_default(),
            categories => category_options(),
            can_manage => viewer.can_manage_network(network.id),
        },
    )
}

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    viewer.require_manage_network(network.id)?;
    let form = Target::New(&network);
    render_form(
        &app,
        &viewer,
        form,
        &OrganizationInput::default(),
        &FieldErrors::new(),
    )
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<OrganizationInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let mut errors = FieldErrors::new();
    let record = input.validate().map_err(|e| errors = e).ok();
    if organizations::name_taken(&app.db, &[network.id], &input.name, None).await? {
        errors.insert("name".into(), Msg::new("net-err-organization-taken"));
    }
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        return render_form(&app, &viewer, Target::New(&network), &input, &errors);
    };
    let mut tx = app.db.begin().await?;
    let org_id = organizations::create(&mut tx, &Actor::User(user), network.id, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/organizations/{org_id}"),
        "net-organization-created",
    ))
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let ctx = OrgContext::load(&app.db, id).await?;
    viewer.require_read_organization(&ctx.scopes())?;
    let people = people::list_for_organization(app.db.pool(), id).await?;
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
            organization => ctx.organization, people => people, networks => networks,
            can_edit => viewer.can_edit_organization(id, &ctx.network_ids()),
        },
    )
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let ctx = OrgContext::load(&app.db, id).await?;
    viewer.require_edit_organization(id, &ctx.network_ids())?;
    let input = OrganizationInput::from(&ctx.organization);
    let target = Target::Edit(&ctx.organization);
    render_form(&app, &viewer, target, &input, &FieldErrors::new())
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<OrganizationInput>,
) -> AppResult<Response> {
    let ctx = OrgContext::load(&app.db, id).await?;
    let user = viewer.require_edit_organization(id, &ctx.network_ids())?;
    let mut errors = FieldErrors::new();
    let record = input.validate().map_err(|e| errors = e).ok();
    if organizations::name_taken(&app.db, &ctx.network_ids(), &input.name, Some(id)).await? {
        errors.insert("name".into(), Msg::new("net-err-organization-taken"));
    }
    let Some(record) = record.filter(|_| errors.is_empty()) else {
        let target = Target::Edit(&ctx.organization);
        return render_form(&app, &viewer, target, &input, &errors);
    };
    let mut tx = app.db.begin().await?;
    let network_id = ctx.audit_network(user);
    let actor = Actor::User(user);
    organizations::update(&mut tx, &actor, network_id, &ctx.organization, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/organizations/{id}"),
        "net-organization-saved",
    ))
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
    let (action, cancel, network, organization) = match target {
        Target::New(n) => (
            format!("/networks/{}/organizations/new", n.id),
            format!("/networks/{}/organizations", n.id),
            Some(n),
            None,
        ),
        Target::Edit(o) => (
            format!("/organizations/{}/edit", o.id),
            format!("/organizations/{}", o.id),
            None,
            Some(o),
        ),
    };
    let page = app.page(
        viewer,
        "network/organization_form.html",
        context! {
            action => action, cancel => cancel, network => network,
            organization => organization, form => input,
            errors => texts(viewer, errors), categories => category_options(),
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct MembershipForm {
    #[serde(default)]
    pub organization_id: String,
}

/// Adds an existing organisation (e.g. one serving several Kreise). Only
/// organisations the viewer may already read can be added, so that a
/// coordinator cannot gain edit rights over another network's records.
pub async fn add_membership(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<MembershipForm>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let value = form.organization_id.trim();
    let ctx = match value.parse::<i64>() {
        Ok(org_id) => match OrgContext::load(&app.db, org_id).await {
            Ok(ctx) if viewer.can_read_organization(&ctx.scopes()) => Some(ctx),
            Ok(_) => None,
            Err(e) if e.code == "not_found" => None,
            Err(e) => return Err(e),
        },
        Err(_) => None,
    };
    let problem = match &ctx {
        None => Some("net-err-organization-unknown"),
        Some(c) if c.network_ids().contains(&network.id) => Some("net-err-already-member"),
        Some(c)
            if organizations::name_taken(&app.db, &[network.id], &c.organization.name, None)
                .await? =>
        {
            Some("net-err-organization-taken")
        }
        Some(_) => None,
    };
    let (Some(ctx), None) = (ctx, problem) else {
        let mut errors = FieldErrors::new();
        let msg = problem.unwrap_or("net-err-organization-unknown");
        errors.insert("organization_id".into(), Msg::new(msg));
        return render_show(&app, &viewer, &network, value, &errors).await;
    };
    let mut tx = app.db.begin().await?;
    memberships::add(&mut tx, &Actor::User(user), network.id, ctx.organization.id).await?;
    tx.commit().await?;
    Ok(saved(&format!("/networks/{id}"), "net-membership-added"))
}

/// Removes an organisation from the network; its last membership takes the
/// organisation and its people with it (see `memberships::remove`).
pub async fn remove_membership(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, org_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    if !memberships::exists(app.db.pool(), network.id, org_id).await? {
        return Err(AppError::not_found());
    }
    let organization = organizations::organization(app.db.pool(), org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let mut tx = app.db.begin().await?;
    let removed =
        memberships::remove(&mut tx, &Actor::User(user), network.id, &organization).await?;
    tx.commit().await?;
    let notice = match removed {
        Removed::Membership => "net-membership-removed",
        Removed::Organization => "net-organization-deleted",
    };
    Ok(saved(&format!("/networks/{id}"), notice))
}
