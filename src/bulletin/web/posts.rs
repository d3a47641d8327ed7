//! The bulletin page (current posts, with filters), its archive, a post's
//! page, the post form (new and edit), moderation (approve, archive,
//! pin), the network's moderation setting and registration for events.

use axum::{
    Form,
    extract::{Path, Query, State},
    response::{Html, IntoResponse, Response},
};
use minijinja::{Value, context};
use serde::Deserialize;

use super::{
    load_post, may_edit, may_post, reads_network, require_edit, require_post, require_read_post,
};
use crate::{
    accounts::{model::Role, viewer::Viewer},
    bulletin::{
        model::{
            APPLICANTS, AUTHORITIES, Audience, DEADLINE_TYPES, FUNDER_LEVELS, FUNDING_AREAS,
            FUNDING_TYPES, Feed, Kind, Post, PostInput, REGISTRATIONS, SettingsInput, Status, tags,
            today,
        },
        service::{self, posts as post_service, posts::Placement},
        store::{self, View, registrations},
    },
    core::{
        error::{AppError, AppResult, FieldErrors, Msg},
        i18n::Lang,
        ids::{NetworkId, PostId},
        markdown, paths,
        store::now,
        web::{
            App,
            forms::{saved, texts, unprocessable},
        },
    },
    network::{
        context::{load_network, scope},
        model::Network,
    },
};

const PER_PAGE: i64 = 20;

/// A post as the lists show it: its record, its text's first lines and
/// its type's name.
fn card(post: &Post) -> Value {
    let plain: String = post
        .record
        .body
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '#' | '`' | '>'))
        .collect();
    let mut excerpt: String = plain.chars().take(240).collect();
    if excerpt.len() < plain.len() {
        excerpt.push('…');
    }
    context! { post => post, excerpt => excerpt }
}

/// The filters as a query string (without `page`), for links that keep them.
fn filter_query(f: &Feed) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (name, value) in [
        ("type", &f.kind),
        ("tag", &f.tag),
        ("deadline_within", &f.deadline_within),
        ("q", &f.q),
    ] {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            pairs.push((name, v));
        }
    }
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The feeds of the bulletin (with its type and tag filters), absolute,
/// in the page's language where the bulletin speaks it.
pub(crate) fn feed_links(app: &App, network_id: NetworkId, f: &Feed, lang: Lang) -> Value {
    let with = |path: String| format!("{}{path}", app.config.base());
    let query = super::feeds::feed_query(f, lang);
    let calendar = super::feeds::feed_query(&Feed::default(), lang);
    context! {
        atom => format!("{}{query}", with(paths::posts_atom(network_id))),
        json => format!("{}{query}", with(paths::posts_json(network_id))),
        ics => format!("{}{calendar}", with(paths::posts_ics(network_id))),
    }
}

fn tag_choices() -> Vec<Value> {
    tags()
        .into_iter()
        .map(|(code, label)| context! { code => code, label => label })
        .collect()
}

fn kind_codes() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.code()).collect()
}

async fn render_list(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    filters: &Feed,
    view: View,
) -> AppResult<Response> {
    let network_id = NetworkId(network.id);
    let internal = reads_network(viewer, network);
    let listed = service::list(app, network_id, filters, view, !internal, PER_PAGE).await?;
    let review = if view == View::Current && viewer.can_manage_network(network.id) {
        let mut q = store::Query::current();
        q.view = View::Review;
        store::list(app.db.pool(), network_id, &q, today()).await?.0
    } else {
        Vec::new()
    };
    let query = filter_query(filters);
    let here = match view {
        View::Archive => paths::posts_archive(network_id),
        _ => paths::posts(network_id),
    };
    let page_link = |page: i64| {
        let mut q = query.clone();
        if !q.is_empty() {
            q.push('&');
        }
        format!("{here}?{q}page={page}")
    };
    let pages = (listed.total + PER_PAGE - 1) / PER_PAGE;
    let prev = (listed.page > 1).then(|| page_link(listed.page - 1));
    let next = (listed.page < pages).then(|| page_link(listed.page + 1));
    let page = app.page(
        viewer,
        "bulletin/list.html",
        context! {
            network => network,
            archive => view == View::Archive,
            posts => listed.posts.iter().map(card).collect::<Vec<_>>(),
            review => review.iter().map(card).collect::<Vec<_>>(),
            total => listed.total, page => listed.page, pages => pages,
            corrected => listed.corrected,
            prev => prev, next => next,
            filters => context! {
                kind => filters.kind.clone().unwrap_or_default(),
                tag => filters.tag.clone().unwrap_or_default(),
                deadline_within => filters.deadline_within.clone().unwrap_or_default(),
                q => filters.q.clone().unwrap_or_default(),
            },
            filtered => !query.is_empty(),
            kinds => kind_codes(), tags => tag_choices(),
            feeds => feed_links(app, network_id, filters, viewer.lang),
            internal => internal,
            may_post => may_post(viewer, network),
            may_manage => viewer.can_manage_network(network.id),
            signed_in => viewer.user.is_some(),
        },
    )?;
    Ok(page.into_response())
}

/// `GET /networks/{id}/posts`: the current posts (public ones only for
/// readers outside the network).
pub async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(filters): Query<Feed>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    render_list(&app, &viewer, &network, &filters, View::Current).await
}

/// `GET /networks/{id}/posts/archive`: archived posts and those whose time
/// is over.
pub async fn archive(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(filters): Query<Feed>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    render_list(&app, &viewer, &network, &filters, View::Archive).await
}

/// Safe HTML of the post's Markdown fields.
fn html_of(post: &Post) -> Value {
    let r = &post.record;
    let d = &r.details;
    let md = |s: &str| (!s.is_empty()).then(|| markdown::render(s));
    context! {
        body => md(&r.body), problem => md(&d.problem), approach => md(&d.approach),
        results => md(&d.results),
    }
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    require_read_post(&viewer, &network, &post)?;
    let planning = super::tasks::planning(&app, &viewer, &network, &post).await?;
    Ok(post_page(&app, &viewer, (&network, &post), planning)
        .await?
        .into_response())
}

/// The post's page with its event's planning (`planning`: the tasks and
/// the task form as entered, or undefined).
pub(crate) async fn post_page(
    app: &App,
    viewer: &Viewer,
    (network, post): (&Network, &Post),
    planning: Value,
) -> AppResult<Html<String>> {
    let (network_id, post_id) = (NetworkId(network.id), post.id);
    let may_manage = viewer.can_manage_network(network.id);
    let transitions: Vec<&str> = if may_manage {
        match post.status {
            Status::Review => vec!["published", "archived"],
            Status::Published => vec!["archived"],
            Status::Archived => vec!["published"],
        }
    } else {
        Vec::new()
    };
    let d = &post.record.details;
    let registration = if post.record.kind == Kind::Event && d.registration == "ikon" {
        let counts = registrations::counts(app.db.pool(), post.id).await?;
        let mine = match &viewer.user {
            Some(u) => registrations::of_user(app.db.pool(), post.id, u.id).await?,
            None => None,
        };
        let full = d.registration_limit.is_some_and(|l| counts.registered >= l);
        Some(context! {
            counts => counts, mine => mine, full => full,
            free => d.registration_limit.map(|l| (l - counts.registered).max(0)),
            may_register => reads_network(viewer, network)
                && post.is_current(today(), now()),
        })
    } else {
        None
    };
    app.page(
        viewer,
        "bulletin/show.html",
        context! {
            network => network, post => post, html => html_of(post),
            tags => tag_choices(),
            over => post.is_over(today(), now()),
            may_edit => may_edit(viewer, network, post),
            may_manage => may_manage, transitions => transitions,
            registration => registration,
            extras => super::files::extras(app, viewer, network, post).await?,
            planning => planning,
            internal => reads_network(viewer, network),
            feeds => feed_links(app, network_id, &Feed::default(), viewer.lang),
            login_link => format!(
                "{}?{}",
                paths::login(),
                url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("next", &paths::post(network_id, post_id))
                    .finish()
            ),
        },
    )
}

enum Target<'a> {
    New(&'a Network),
    Edit(&'a Post, &'a Network),
}

async fn render_form(
    app: &App,
    viewer: &Viewer,
    target: Target<'_>,
    input: &PostInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (action, cancel, network, post) = match target {
        Target::New(n) => {
            let id = NetworkId(n.id);
            (paths::posts(id), paths::posts(id), n, None)
        }
        Target::Edit(p, n) => (
            paths::post(p.network_id, p.id),
            paths::post(p.network_id, p.id),
            n,
            Some(p),
        ),
    };
    let supervisor = post.is_none()
        && viewer
            .user
            .as_ref()
            .is_some_and(|u| u.role == Role::Supervisor);
    let page = app.page(
        viewer,
        "bulletin/form.html",
        context! {
            action => action, cancel => cancel, network => network, post => post,
            form => input, errors => texts(viewer, errors),
            kinds => kind_codes(), tags => tag_choices(),
            audiences => Audience::ALL.iter().map(|a| a.code()).collect::<Vec<_>>(),
            authorities => AUTHORITIES, funder_levels => FUNDER_LEVELS,
            funding_types => FUNDING_TYPES, funding_areas => FUNDING_AREAS,
            applicants => APPLICANTS, deadline_types => DEADLINE_TYPES,
            registrations => REGISTRATIONS, supervisor => supervisor,
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default, rename = "type")]
    pub kind: String,
}

pub async fn new_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(q): Query<NewQuery>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let user = require_post(&viewer, &network)?;
    let input = PostInput {
        kind: Kind::parse(&q.kind)
            .map(|k| k.code().to_string())
            .unwrap_or_default(),
        audience: "network".into(),
        registration: "none".into(),
        all_networks: user.role == Role::Supervisor,
        ..PostInput::default()
    };
    render_form(
        &app,
        &viewer,
        Target::New(&network),
        &input,
        &FieldErrors::new(),
    )
    .await
}

/// Where a new post goes and whether it waits for review: coordinators,
/// admins and supervisors publish at once, members as the network's
/// setting says; a supervisor's post may go to every network of her
/// region.
async fn placement(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    input: &PostInput,
) -> AppResult<Placement> {
    let user = viewer.user()?;
    let network_id = NetworkId(network.id);
    let (networks, status) = match user.role {
        Role::Admin | Role::Coordinator => (vec![network_id], Status::Published),
        Role::Supervisor => {
            let mut networks = vec![network_id];
            if input.all_networks
                && let Some(region) = &user.region_key
            {
                for other in store::networks_in_region(app.db.pool(), region).await? {
                    if !networks.contains(&other) {
                        networks.push(other);
                    }
                }
            }
            (networks, Status::Published)
        }
        Role::Member => {
            let review = store::review_member_posts(app.db.pool(), network_id).await?;
            let status = if review {
                Status::Review
            } else {
                Status::Published
            };
            (vec![network_id], status)
        }
    };
    Ok(Placement { networks, status })
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let user = require_post(&viewer, &network)?;
    let input = PostInput::from_pairs(&pairs);
    let placement = placement(&app, &viewer, &network, &input).await?;
    match post_service::create_from(&app, user, &placement, &input).await? {
        Ok(post_id) => {
            let notice = if placement.status == Status::Review {
                "bul-created-review"
            } else {
                "bul-created"
            };
            Ok(saved(&paths::post(network_id, post_id), notice))
        }
        Err(errors) => render_form(&app, &viewer, Target::New(&network), &input, &errors).await,
    }
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    require_edit(&viewer, &network, &post)?;
    let input = PostInput::of(&post.record);
    render_form(
        &app,
        &viewer,
        Target::Edit(&post, &network),
        &input,
        &FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    let user = require_edit(&viewer, &network, &post)?;
    let input = PostInput::from_pairs(&pairs);
    // A member's change to a live post waits for review again where the
    // network reviews members' posts.
    let back_to_review = !viewer.can_manage_network(network.id)
        && user.role == Role::Member
        && store::review_member_posts(app.db.pool(), network_id).await?;
    match post_service::update_from(&app, user, &post, &input, back_to_review).await? {
        Ok(()) => Ok(saved(&paths::post(network_id, post_id), "bul-saved")),
        Err(errors) => {
            render_form(
                &app,
                &viewer,
                Target::Edit(&post, &network),
                &input,
                &errors,
            )
            .await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct StatusInput {
    #[serde(default)]
    pub to: String,
}

/// Approve, archive or restore: the coordinator's decisions.
pub async fn change_status(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
    Form(input): Form<StatusInput>,
) -> AppResult<Response> {
    let (post, _network) = load_post(&app, network_id, post_id).await?;
    let user = viewer.require_manage_network(network_id.get())?;
    let Some(to) = Status::parse(&input.to).filter(|to| *to != post.status) else {
        let mut errors = FieldErrors::new();
        errors.insert("to".into(), Msg::new("bul-err-choice"));
        return Err(AppError::invalid(errors));
    };
    post_service::change_status(&app, user, &post, to).await?;
    Ok(saved(
        &paths::post(network_id, post_id),
        "bul-status-changed",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct PinInput {
    #[serde(default)]
    pub pinned: String,
}

pub async fn pin(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
    Form(input): Form<PinInput>,
) -> AppResult<Response> {
    let (post, _network) = load_post(&app, network_id, post_id).await?;
    let user = viewer.require_manage_network(network_id.get())?;
    post_service::pin(&app, user, &post, input.pinned == "1").await?;
    Ok(saved(&paths::post(network_id, post_id), "bul-saved"))
}

#[derive(Debug, Default, Deserialize)]
pub struct RegistrationInput {
    /// `cancel` to withdraw; anything else registers.
    #[serde(default)]
    pub action: String,
}

/// Registration for an event with ikon's own registration, by anyone who
/// reads the network; beyond the limit onto the waiting list.
pub async fn registration(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
    Form(input): Form<RegistrationInput>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    let user = viewer.require_read_network(&scope(&network))?;
    let open = post.record.kind == Kind::Event
        && post.record.details.registration == "ikon"
        && post.is_current(today(), now());
    if !open {
        return Err(AppError::conflict(
            "registration_closed",
            "bul-err-registration-closed",
        ));
    }
    let target = paths::post(network_id, post_id);
    if input.action == "cancel" {
        post_service::cancel_registration(&app, user, &post).await?;
        return Ok(saved(&target, "bul-unregistered"));
    }
    let waiting = post_service::register(&app, user, &post).await?;
    Ok(saved(
        &target,
        if waiting {
            "bul-waiting"
        } else {
            "bul-registered"
        },
    ))
}

pub async fn settings_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    viewer.require_manage_network(network.id)?;
    let review = store::review_member_posts(app.db.pool(), network_id).await?;
    let page = app.page(
        &viewer,
        "bulletin/settings.html",
        context! { network => network, review => review },
    )?;
    Ok(page.into_response())
}

pub async fn settings_submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(input): Form<SettingsInput>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let user = viewer.require_manage_network(network.id)?;
    post_service::set_review(&app, user, network_id, input.review()).await?;
    Ok(saved(&paths::bulletin_settings(network_id), "bul-saved"))
}
