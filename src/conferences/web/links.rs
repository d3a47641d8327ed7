//! Pages behind personal links, used without an account: the date poll
//! (`/p/{token}`) and registering for or declining a meeting
//! (`/r/{token}`). A link shows one person's own answers and nothing about
//! anyone else; an unknown or expired link is a 404.

use std::collections::HashMap;

use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use minijinja::context;

use crate::conferences::{
    model::{Answer, RsvpInput, State as MeetingState},
    registry, service,
    store::{self, Purpose},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, FieldErrors},
        ids::{MeetingId, PersonId},
        paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
};

use super::{refused, respond};

fn link_invalid() -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        "link_invalid",
        "conf-err-link-invalid",
    )
}

/// The meeting and person of a valid link, or the 404.
async fn resolve(app: &App, token: &str, purpose: Purpose) -> AppResult<(MeetingId, PersonId)> {
    store::link(app.db.pool(), token, purpose)
        .await?
        .ok_or_else(link_invalid)
}

pub async fn poll_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let (meeting_id, person_id) = resolve(&app, &token, Purpose::Poll).await?;
    render_poll(
        &app,
        &viewer,
        &token,
        (meeting_id, person_id),
        None,
        &FieldErrors::new(),
    )
    .await
}

async fn render_poll(
    app: &App,
    viewer: &Viewer,
    token: &str,
    (meeting_id, person_id): (MeetingId, PersonId),
    entered: Option<&HashMap<i64, String>>,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_by_id(app, meeting_id).await?;
    let person = registry::person(&app.db, person_id)
        .await?
        .ok_or_else(link_invalid)?;
    let options = store::poll_options(app.db.pool(), meeting.id).await?;
    let mine: HashMap<i64, String> = match entered {
        Some(values) => values.clone(),
        None => store::poll_answers(app.db.pool(), meeting.id)
            .await?
            .into_iter()
            .filter(|a| a.person_id == person_id)
            .map(|a| (a.option_id, a.answer.code().to_string()))
            .collect(),
    };
    let rows: Vec<_> = options
        .iter()
        .map(|o| {
            context! {
                option => o, field => format!("o{}", o.id),
                answer => mine.get(&o.id).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let page = app.page(
        viewer,
        "conferences/poll.html",
        context! {
            token => token, meeting => meeting, network_name => network.name,
            person_name => person.name, rows => rows, poll_open => meeting.poll_open(),
            answers => Answer::ALL.map(Answer::code), errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

pub async fn poll_submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let (meeting_id, person_id) = resolve(&app, &token, Purpose::Poll).await?;
    let (_, meeting) = service::meeting_by_id(&app, meeting_id).await?;
    match service::answer_poll(&app, &meeting, person_id, &form).await? {
        Ok(()) => Ok(saved(&paths::poll_link(&token), "conf-answers-saved")),
        Err(read) => {
            render_poll(
                &app,
                &viewer,
                &token,
                (meeting.id, person_id),
                Some(&read.entered),
                &read.errors,
            )
            .await
        }
    }
}

pub async fn rsvp_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let (meeting_id, person_id) = resolve(&app, &token, Purpose::Rsvp).await?;
    render_rsvp(
        &app,
        &viewer,
        &token,
        (meeting_id, person_id),
        &FieldErrors::new(),
    )
    .await
}

async fn render_rsvp(
    app: &App,
    viewer: &Viewer,
    token: &str,
    (meeting_id, person_id): (MeetingId, PersonId),
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_by_id(app, meeting_id).await?;
    let person = registry::person(&app.db, person_id)
        .await?
        .ok_or_else(link_invalid)?;
    let current = store::rsvps(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .find(|r| r.person_id == person_id)
        .map(|r| if r.attending { "yes" } else { "no" });
    let page = app.page(
        viewer,
        "conferences/rsvp.html",
        context! {
            token => token, meeting => meeting, network_name => network.name,
            person_name => person.name, current => current,
            open => meeting.state == MeetingState::Invited, errors => texts(viewer, errors),
        },
    )?;
    Ok(respond(page, errors))
}

pub async fn rsvp_submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(form): Form<RsvpInput>,
) -> AppResult<Response> {
    let (meeting_id, person_id) = resolve(&app, &token, Purpose::Rsvp).await?;
    let (_, meeting) = service::meeting_by_id(&app, meeting_id).await?;
    match refused(service::answer_invitation(&app, &meeting, person_id, &form).await)? {
        Ok(attending) => {
            let notice = if attending {
                "conf-registered"
            } else {
                "conf-declined"
            };
            Ok(saved(&paths::rsvp_link(&token), notice))
        }
        Err(errors) => render_rsvp(&app, &viewer, &token, (meeting.id, person_id), &errors).await,
    }
}
