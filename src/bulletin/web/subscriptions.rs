//! Subscriptions: each user chooses, per network, the types and tags of
//! posts to hear about and how often (each post at once, a daily or a
//! weekly digest). Every mail carries a link that ends the subscription
//! without signing in: its page asks once, and a `POST` to it (the
//! one-click unsubscribe of RFC 8058, which mail programs send) ends it
//! at once.

use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use minijinja::context;

use crate::{
    accounts::viewer::Viewer,
    bulletin::{
        model::{Kind, SubscriptionInput, input::FREQUENCIES, tags},
        service::{self, mail::UNSUBSCRIBE_DAYS},
        store::subscriptions::{self as store, Subscription},
    },
    core::{
        audit::Actor,
        error::{AppResult, FieldErrors},
        ids::NetworkId,
        paths,
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

fn render(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    current: Option<&Subscription>,
    form: &SubscriptionInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let tag_choices: Vec<_> = tags()
        .into_iter()
        .map(|(code, label)| context! { code => code, label => label })
        .collect();
    let page = app.page(
        viewer,
        "bulletin/subscription.html",
        context! {
            network => network, current => current, form => form,
            errors => texts(viewer, errors),
            kinds => Kind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>(),
            tags => tag_choices, frequencies => FREQUENCIES,
        },
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
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let user = viewer.require_read_network(&scope(&network))?;
    let current = store::of_user(app.db.pool(), user.id, network_id).await?;
    let form = match &current {
        Some(s) => SubscriptionInput {
            kinds: s.kinds.clone(),
            tags: s.tags.clone(),
            frequency: s.frequency.clone(),
        },
        None => SubscriptionInput {
            frequency: "weekly".into(),
            ..SubscriptionInput::default()
        },
    };
    render(
        &app,
        &viewer,
        &network,
        current.as_ref(),
        &form,
        &FieldErrors::new(),
    )
}

/// Saves the subscription, or ends it (`action=delete`).
pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id.get()).await?;
    let user = viewer.require_read_network(&scope(&network))?;
    let current = store::of_user(app.db.pool(), user.id, network_id).await?;
    let target = paths::subscription(network_id);
    if pairs.iter().any(|(k, v)| k == "action" && v == "delete") {
        if let Some(s) = &current {
            service::unsubscribe(&app, Actor::User(user), s).await?;
        }
        return Ok(saved(&target, "bul-unsubscribed"));
    }
    let input = SubscriptionInput::from_pairs(&pairs);
    match input.validate() {
        Ok(valid) => {
            service::subscribe(&app, user, network_id, &valid, viewer.lang).await?;
            Ok(saved(&target, "bul-subscribed"))
        }
        Err(errors) => render(&app, &viewer, &network, current.as_ref(), &input, &errors),
    }
}

/// What an unsubscribe link leads to.
enum Link {
    Valid(Box<(Subscription, Network)>),
    /// Unknown, ended, or older than [`UNSUBSCRIBE_DAYS`].
    Gone {
        expired: bool,
    },
}

async fn link(app: &App, token: &str) -> AppResult<Link> {
    let Some((subscription, sent_at)) = store::by_token(app.db.pool(), token).await? else {
        return Ok(Link::Gone { expired: false });
    };
    if now() - sent_at > UNSUBSCRIBE_DAYS * 86_400 {
        return Ok(Link::Gone { expired: true });
    }
    let network = load_network(&app.db, subscription.network_id).await?;
    Ok(Link::Valid(Box::new((subscription, network))))
}

fn gone(app: &App, viewer: &Viewer, expired: bool) -> AppResult<Response> {
    let page = app.page(
        viewer,
        "bulletin/unsubscribe.html",
        context! { state => if expired { "expired" } else { "unknown" } },
    )?;
    Ok((StatusCode::NOT_FOUND, page).into_response())
}

/// `GET /unsubscribe/{token}`: asks once (link checkers and virus
/// scanners open links; only the button ends the subscription).
pub async fn confirm(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Response> {
    match link(&app, &token).await? {
        Link::Gone { expired } => gone(&app, &viewer, expired),
        Link::Valid(found) => {
            let (subscription, network) = *found;
            let page = app.page(
                &viewer,
                "bulletin/unsubscribe.html",
                context! {
                    state => "ask", network => network, subscription => subscription,
                    action => paths::unsubscribe(&token),
                },
            )?;
            Ok(page.into_response())
        }
    }
}

/// `POST /unsubscribe/{token}`: ends the subscription, from the page's
/// button or a mail program's one-click request.
pub async fn submit_unsubscribe(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Response> {
    match link(&app, &token).await? {
        Link::Gone { expired } => gone(&app, &viewer, expired),
        Link::Valid(found) => {
            let (subscription, network) = *found;
            service::unsubscribe(&app, Actor::System("unsubscribe link"), &subscription).await?;
            let page = app.page(
                &viewer,
                "bulletin/unsubscribe.html",
                context! { state => "done", network => network },
            )?;
            Ok(page.into_response())
        }
    }
}
