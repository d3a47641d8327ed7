//! Writing posts: each change with its audit entry in one transaction,
//! and a publication with the job that tells immediate subscribers.

use serde_json::json;

use crate::bulletin::{
    model::{Check, Post, PostInput, PostRecord, Status, today},
    store::{self, Author, registrations},
};
use crate::core::{
    audit::{self, Actor, Change},
    error::{AppResult, FieldErrors},
    identity::User,
    ids::{NetworkId, PostId},
    jobs,
    secrets::random_token,
    store::Tx,
    web::App,
};

/// The job that mails a newly published post to its immediate
/// subscribers.
pub const NOTIFY_JOB: &str = "bulletin_notify";

pub(super) async fn log(
    tx: &mut Tx,
    actor: Actor<'_>,
    (network_id, id, action): (NetworkId, PostId, &str),
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), sqlx::Error> {
    let what = ("post", Some(id.get()), action);
    audit::in_network(tx, actor, network_id, what, before, after).await
}

/// A new post in the caller's transaction; a published one queues the
/// notice to immediate subscribers.
pub async fn create(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    record: &PostRecord,
    status: Status,
    author: &Author<'_>,
    group_key: Option<&str>,
) -> Result<PostId, sqlx::Error> {
    let id = store::insert(tx, network_id, record, status, author, group_key).await?;
    let after = json!({ "status": status, "record": record, "group_key": group_key });
    log(tx, actor, (network_id, id, "create"), None, Some(after)).await?;
    if status == Status::Published {
        jobs::enqueue(tx, NOTIFY_JOB, &id.get()).await?;
    }
    Ok(id)
}

pub async fn update(
    tx: &mut Tx,
    actor: Actor<'_>,
    post: &Post,
    record: &PostRecord,
) -> Result<(), sqlx::Error> {
    store::update(tx, post.id, record).await?;
    if record.details.registration_limit != post.record.details.registration_limit {
        registrations::move_up(tx, post.id, record.details.registration_limit).await?;
    }
    let what = (post.network_id, post.id, "update");
    log(
        tx,
        actor,
        what,
        Some(json!(post.record)),
        Some(json!(record)),
    )
    .await
}

pub async fn set_status(
    tx: &mut Tx,
    actor: Actor<'_>,
    post: &Post,
    to: Status,
) -> Result<(), sqlx::Error> {
    store::set_status(tx, post.id, to).await?;
    log(
        tx,
        actor,
        (post.network_id, post.id, "status"),
        Some(json!({ "status": post.status })),
        Some(json!({ "status": to })),
    )
    .await?;
    // The first publication tells the subscribers (a post archived and
    // restored was told before).
    if to == Status::Published && post.published_at.is_none() {
        jobs::enqueue(tx, NOTIFY_JOB, &post.id.get()).await?;
    }
    Ok(())
}

/// Whom a user's post reaches, and in which state it starts.
pub struct Placement {
    /// The networks the post goes to (a supervisor's: every network of
    /// her region).
    pub networks: Vec<NetworkId>,
    pub status: Status,
}

/// Checks the form and writes the post into every network of the
/// placement, in one transaction; the id is that of the post in the
/// first network.
pub async fn create_from(
    app: &App,
    user: &User,
    placement: &Placement,
    input: &PostInput,
) -> AppResult<Result<PostId, FieldErrors>> {
    let check = Check {
        today: today(),
        previous_deadline: None,
        registered: 0,
    };
    let record = match input.validate(&check) {
        Ok(record) => record,
        Err(errors) => return Ok(Err(errors)),
    };
    let group_key = (placement.networks.len() > 1).then(random_token);
    let author = Author {
        user_id: Some(user.id),
        name: &user.name,
    };
    let mut tx = app.db.begin().await?;
    let mut first = None;
    for network_id in &placement.networks {
        let id = create(
            &mut tx,
            Actor::User(user),
            *network_id,
            &record,
            placement.status,
            &author,
            group_key.as_deref(),
        )
        .await?;
        first.get_or_insert(id);
    }
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(Ok(
        first.ok_or_else(crate::core::error::AppError::not_found)?
    ))
}

/// Saves the form over the post. `back_to_review`: a member's change to
/// a live post waits for review again (the network's setting).
pub async fn update_from(
    app: &App,
    user: &User,
    post: &Post,
    input: &PostInput,
    back_to_review: bool,
) -> AppResult<Result<(), FieldErrors>> {
    let registered = registrations::counts(app.db.pool(), post.id)
        .await?
        .registered;
    let check = Check {
        today: today(),
        previous_deadline: post.record.deadline_on.clone(),
        registered,
    };
    let record = match input.validate(&check) {
        Ok(record) => record,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut tx = app.db.begin().await?;
    update(&mut tx, Actor::User(user), post, &record).await?;
    if back_to_review && post.status == Status::Published {
        set_status(&mut tx, Actor::User(user), post, Status::Review).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

pub async fn change_status(app: &App, user: &User, post: &Post, to: Status) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    set_status(&mut tx, Actor::User(user), post, to).await?;
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(())
}

pub async fn pin(app: &App, user: &User, post: &Post, pinned: bool) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    store::set_pinned(&mut tx, post.id, pinned).await?;
    log(
        &mut tx,
        Actor::User(user),
        (post.network_id, post.id, "pin"),
        Some(json!({ "pinned": post.pinned })),
        Some(json!({ "pinned": pinned })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_review(
    app: &App,
    user: &User,
    network_id: NetworkId,
    review: bool,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let before = store::review_member_posts(&mut *tx, network_id).await?;
    store::set_review_member_posts(&mut tx, network_id, review).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network_id.get()),
            entity: "bulletin_settings",
            entity_id: Some(network_id.get()),
            action: "update",
            before: Some(json!({ "review_member_posts": before })),
            after: Some(json!({ "review_member_posts": review })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Registers the user for an event with ikon's registration; true when
/// the event is full and they are on the waiting list.
pub async fn register(app: &App, user: &User, post: &Post) -> AppResult<bool> {
    let mut tx = app.db.begin().await?;
    let limit = post.record.details.registration_limit;
    let waiting = registrations::register(&mut tx, post.id, user.id, limit).await?;
    log(
        &mut tx,
        Actor::User(user),
        (post.network_id, post.id, "register"),
        None,
        Some(json!({ "user_id": user.id, "waiting": waiting })),
    )
    .await?;
    tx.commit().await?;
    Ok(waiting)
}

pub async fn cancel_registration(app: &App, user: &User, post: &Post) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let limit = post.record.details.registration_limit;
    if registrations::cancel(&mut tx, post.id, user.id, limit).await? {
        log(
            &mut tx,
            Actor::User(user),
            (post.network_id, post.id, "unregister"),
            Some(json!({ "user_id": user.id })),
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Archives every live post whose time is over (funding deadline, event,
/// expiry date); returns how many. Safe in several processes: a post
/// another process archived a moment ago is skipped.
pub async fn archive_over(app: &App) -> Result<usize, sqlx::Error> {
    let mut archived = 0;
    for post in store::over(app.db.pool(), today()).await? {
        let mut tx = app.db.begin().await?;
        let moved = sqlx::query(
            "UPDATE posts SET status = 'archived' WHERE id = $1 AND status = 'published'",
        )
        .bind(post.id.get())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved == 1 {
            log(
                &mut tx,
                Actor::System("bulletin"),
                (post.network_id, post.id, "status"),
                Some(json!({ "status": post.status })),
                Some(json!({ "status": Status::Archived, "reason": "over" })),
            )
            .await?;
            archived += 1;
        }
        tx.commit().await?;
    }
    Ok(archived)
}
