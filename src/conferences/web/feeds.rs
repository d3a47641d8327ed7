//! The personal calendar feed: every meeting of every network a user may
//! see (internal ones included), behind a secret URL. Only the token's hash
//! is stored; creating a new one replaces the old one.

use axum::{
    extract::{Path, State},
    http::header,
    response::{Html, IntoResponse, Response},
};
use minijinja::context;

use crate::conferences::{
    ical,
    model::{Meeting, State as MeetingState},
    registry::{self, Access},
    service, store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult},
        i18n::Lang,
        ids::UserId,
        paths,
        secrets::random_token,
        store::now,
        web::App,
    },
};

/// `POST /account/calendar`: a new feed URL, shown this one time.
pub async fn create(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    let user = viewer.require_signed_in()?;
    let token = random_token();
    let mut tx = app.db.begin().await?;
    store::replace_calendar_feed(&mut tx, registry::user_id(user), &token).await?;
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
    let url = service::absolute(&app, &paths::calendar_feed(&format!("{token}.ics")));
    app.page(
        &viewer,
        "conferences/calendar_feed.html",
        context! { url => url },
    )
}

/// The meetings a user may see, with a date and not cancelled, by date.
async fn meetings_for(app: &App, viewer: &Viewer) -> AppResult<Vec<Meeting>> {
    let mut all = Vec::new();
    for network in registry::networks(&app.db).await? {
        if !viewer.can_read(&network) {
            continue;
        }
        all.extend(
            store::meetings(app.db.pool(), registry::id(&network))
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
    let user_id: UserId = store::calendar_feed_user(app.db.pool(), token)
        .await?
        .ok_or_else(AppError::not_found)?;
    // A disabled account's feed stops working with the account.
    let user = registry::user(&app.db, user_id)
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
    let body = ical::feed(&name, &meetings, &service::organizer(&app), now());
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
