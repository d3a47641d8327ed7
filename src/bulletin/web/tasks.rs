//! An event's planning tasks: action items on the network's action board
//! that name the event instead of an agenda item. Whoever may edit the
//! event adds them on its page; the network's readers see them there (the
//! public never does); progress is reported on the action item's own page,
//! and reminders go out, as for every action item.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};
use minijinja::{Value, context};

use super::{load_post, may_edit, reads_network, require_edit};
use crate::{
    accounts::viewer::Viewer,
    bulletin::model::{Kind, Post},
    conferences::{
        actions::{model::ActionInput, service, store},
        registry,
        web::{refused, respond},
    },
    core::{
        error::{AppError, AppResult, FieldErrors},
        ids::{NetworkId, PostId},
        paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
    network::model::Network,
};

/// What the event's page shows of its planning: the tasks, and the empty
/// form with its choices for whoever may add one. Undefined for other
/// posts and for readers outside the network.
pub async fn planning(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    post: &Post,
) -> AppResult<Value> {
    planning_with(
        app,
        viewer,
        (network, post),
        (&ActionInput::default(), &FieldErrors::default()),
    )
    .await
}

/// The planning with the task form as entered and what is wrong with it.
async fn planning_with(
    app: &App,
    viewer: &Viewer,
    (network, post): (&Network, &Post),
    (form, errors): (&ActionInput, &FieldErrors),
) -> AppResult<Value> {
    if post.record.kind != Kind::Event || !reads_network(viewer, network) {
        return Ok(Value::UNDEFINED);
    }
    let tasks = store::for_post(app.db.pool(), post.id).await?;
    let may_add = may_edit(viewer, network, post);
    let (organizations, contacts) = if may_add {
        let mut contacts = registry::contacts(&app.db, NetworkId(network.id)).await?;
        contacts.sort_by(|a, b| {
            (&a.organization, &a.name, a.id).cmp(&(&b.organization, &b.name, b.id))
        });
        (
            registry::members(&app.db, NetworkId(network.id)).await?,
            contacts,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(context! {
        tasks => tasks, may_add => may_add,
        organizations => organizations, contacts => contacts,
        form => form, errors => texts(viewer, errors),
    })
}

/// `POST …/posts/{post_id}/tasks`: a planning task of the event.
pub async fn add(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, post_id)): Path<(NetworkId, PostId)>,
    Form(input): Form<ActionInput>,
) -> AppResult<Response> {
    let (post, network) = load_post(&app, network_id, post_id).await?;
    let user = require_edit(&viewer, &network, &post)?;
    if post.record.kind != Kind::Event {
        return Err(AppError::conflict("not_an_event", "bul-err-tasks-event"));
    }
    match refused(service::create_task(&app, user, (network_id, post_id), &input).await)? {
        Ok(_) => Ok(saved(&paths::post(network_id, post_id), "bul-task-saved")),
        Err(errors) => {
            let planning =
                planning_with(&app, &viewer, (&network, &post), (&input, &errors)).await?;
            let page = super::posts::post_page(&app, &viewer, (&network, &post), planning).await?;
            Ok(respond(page, &errors))
        }
    }
}
