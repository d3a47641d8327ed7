//! Pages behind personal links, used without an account: the date poll
//! (`/p/{token}`) and registering for or declining a meeting (`/r/{token}`). A link shows one person's own answers and nothing about
//! anyone else; an unknown or expired link is a 404.

use std::collections::HashMap;

use axum::{
    Form,
    extract::Path,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use minijinja::context;

use super::{
    model::{Answer, State},
    store::{self, Purpose},
    web::load_meeting,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, FieldErrors, Msg},
        web::App,
    },
    network::{store::people, web::texts},
};

fn link_invalid() -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        "link_invalid",
        "conf-err-link-invalid",
    )
}

/// The meeting id and person of a valid link, or the 404.
async fn resolve(app: &App, token: &str, purpose: Purpose) -> AppResult<(i64, i64)> {
    store::link(app.db.pool(), token, purpose)
        .await?
        .ok_or_else(link_invalid)
}

pub async fn poll_form(
    axum::extract::State(app): axum::extract::State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let (meeting_id, person_id) = resolve(&app, &token, Purpose::Poll).await?;
    render_poll(
        &app,
        &viewer,
        &token,
        meeting_id,
        person_id,
        None,
        &FieldErrors::new(),
    )
    .await
}

async fn render_poll(
    app: &App,
    viewer: &Viewer,
    token: &str,
    meeting_id: i64,
    person_id: i64,
    entered: Option<&HashMap<i64, String>>,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(app, meeting_id).await?;
    let person = people::person(app.db.pool(), person_id)
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
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    })
}

pub async fn poll_submit(
    axum::extract::State(app): axum::extract::State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let (meeting_id, person_id) = resolve(&app, &token, Purpose::Poll).await?;
    let (meeting, _) = load_meeting(&app, meeting_id).await?;
    if !meeting.poll_open() {
        return Err(AppError::conflict("poll_closed", "conf-err-poll-closed"));
    }
    let options = store::poll_options(app.db.pool(), meeting.id).await?;
    let mut errors = FieldErrors::new();
    let mut answers = Vec::new();
    let mut entered = HashMap::new();
    for option in &options {
        let field = format!("o{}", option.id);
        let value = form.get(&field).map(|s| s.trim()).unwrap_or_default();
        entered.insert(option.id, value.to_string());
        match (value, Answer::parse(value)) {
            ("", _) => {}
            (_, Some(answer)) => answers.push((option.id, answer)),
            (_, None) => {
                errors.insert(field, Msg::new("conf-err-answer"));
            }
        }
    }
    if !errors.is_empty() {
        return render_poll(
            &app,
            &viewer,
            &token,
            meeting.id,
            person_id,
            Some(&entered),
            &errors,
        )
        .await;
    }
    let mut tx = app.db.begin().await?;
    store::save_answers(&mut tx, &meeting, person_id, &answers).await?;
    tx.commit().await?;
    Ok(crate::network::web::saved(
        &format!("/p/{token}"),
        "conf-answers-saved",
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct RsvpForm {
    #[serde(default)]
    pub response: String,
}

pub async fn rsvp_form(
    axum::extract::State(app): axum::extract::State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let (meeting_id, person_id) = resolve(&app, &token, Purpose::Rsvp).await?;
    render_rsvp(
        &app,
        &viewer,
        &token,
        meeting_id,
        person_id,
        &FieldErrors::new(),
    )
    .await
}

async fn render_rsvp(
    app: &App,
    viewer: &Viewer,
    token: &str,
    meeting_id: i64,
    person_id: i64,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(app, meeting_id).await?;
    let person = people::person(app.db.pool(), person_id)
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
            open => meeting.state == State::Invited, errors => texts(viewer, errors),
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    })
}

pub async fn rsvp_submit(
    axum::extract::State(app): axum::extract::State<App>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(form): Form<RsvpForm>,
) -> AppResult<Response> {
    let (meeting_id, person_id) = resolve(&app, &token, Purpose::Rsvp).await?;
    let (meeting, _) = load_meeting(&app, meeting_id).await?;
    if meeting.state != State::Invited {
        return Err(AppError::conflict("wrong_state", "conf-err-state"));
    }
    let attending = match form.response.trim() {
        "yes" => true,
        "no" => false,
        _ => {
            let mut errors = FieldErrors::new();
            errors.insert("response".into(), Msg::new("conf-err-rsvp"));
            return render_rsvp(&app, &viewer, &token, meeting.id, person_id, &errors).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::save_rsvp(&mut tx, &meeting, person_id, attending).await?;
    tx.commit().await?;
    let notice = if attending {
        "conf-registered"
    } else {
        "conf-declined"
    };
    Ok(crate::network::web::saved(&format!("/r/{token}"), notice))
}
