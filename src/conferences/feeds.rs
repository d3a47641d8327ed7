//! The personal calendar feed: every meeting of every network a user may
//! see (internal ones included), behind a secret URL. Only the token's hash
//! is stored; creating a new one replaces the old one.

use axum::{
    extract::{Path, State},
    http::header,
    response::{Html, IntoResponse, Response},
};
use minijinja::context;
use sqlx::Row;

use super::{
    ical,
    invitations::organizer,
    model::{Meeting, State as MeetingState},
    store,
};
use crate::{
    accounts::{
        secrets::{random_token, token_hash},
        store::user_by_id,
        viewer::Viewer,
    },
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult},
        i18n::Lang,
        store::now,
        web::App,
    },
    network::{context::scope, store::networks},
};

/// `POST /account/calendar`: a new feed URL, shown this one time.
pub async fn create(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    let user = viewer.require_signed_in()?;
    let token = random_token();
    let mut tx = app.db.begin().await?;
    sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1")
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)")
        .bind(user.id)
        .bind(token_hash(&token))
        .bind(now())
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: None,
            entity: "calendar_feed",
            entity_id: Some(user.id),
            action: "create",
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    let url = format!("{}/calendar/{token}.ics", app.config.base());
    app.page(
        &viewer,
        "conferences/calendar_feed.html",
        context! { url => url },
    )
}

/// The meetings a user may see, with a date and not cancelled, by date.
pub async fn meetings_for(app: &App, viewer: &Viewer) -> AppResult<Vec<Meeting>> {
    let mut all = Vec::new();
    for network in networks::list_networks(&app.db).await? {
        if !viewer.can_read_network(&scope(&network)) {
            continue;
        }
        all.extend(
            store::meetings(app.db.pool(), network.id)
                .await?
                .into_iter()
                .filter(|m| {
                    m.starts_at.is_some()
                        && m.ends_at.is_some()
                        && m.state != MeetingState::Cancelled
                }),
        );
    }
    all.sort_by_key(|m| (m.starts_at, m.id));
    Ok(all)
}

/// `GET /calendar/{token}.ics`; an unknown token is a 404.
pub async fn feed(State(app): State<App>, Path(file): Path<String>) -> AppResult<Response> {
    let token = file.strip_suffix(".ics").ok_or_else(AppError::not_found)?;
    let row = sqlx::query("SELECT user_id FROM calendar_feeds WHERE token_hash = $1")
        .bind(token_hash(token))
        .fetch_optional(app.db.pool())
        .await?
        .ok_or_else(AppError::not_found)?;
    // A disabled account's feed stops working with the account.
    let user = user_by_id(&app.db, row.get("user_id"))
        .await?
        .ok_or_else(AppError::not_found)?;
    let viewer = Viewer {
        user: Some(user),
        lang: Lang::De,
        public_lang: Lang::De,
        csrf: String::new(),
        via_api_token: false,
        path: String::new(),
    };
    let meetings = meetings_for(&app, &viewer).await?;
    let name = Lang::De.t("act-calendar-name");
    let body = ical::feed(&name, &meetings, &organizer(&app), now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"ikon.ics\""),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response())
}
